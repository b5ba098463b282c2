import * as github from "@pulumi/github";
// Deep imports: the package index would make every API group part of the program (and of its type check).
import * as corev1 from "@pulumi/kubernetes/core/v1";
import { CustomResource } from "@pulumi/kubernetes/apiextensions";
import * as pulumi from "@pulumi/pulumi";
import type { GithubAppSettings, PinnedReleaseConfig } from "../config/config";
import { GITHUB_APP_PRIVATE_KEY } from "./promoter";
import type { PipelinePlan } from "./releasePlan";
import { EnvironmentHydrator } from "./environmentHydrator";
import { ReleaseDryCommit } from "./releaseDryCommit";

export interface PromotionPipelineArgs {
    /** The pipeline stack's configuration: the promoter, its objects and every environment's hydration follow from it. */
    config: PinnedReleaseConfig;
    /** The GitHub App's PEM key (a secret Output), which only the pipeline stack reads. */
    githubApp: GithubAppSettings;
    /** What the pipeline declares (`planPipeline`, computed once by the program in `planRelease`). */
    pipeline: PipelinePlan;
}

/**
 * The pipeline-wide half of the promotion: GitOps Promoter and its objects, and the program acting as the promoter's
 * hydrator for every environment. Exactly one stack declares it.
 */
export class PromotionPipeline extends pulumi.ComponentResource {
    readonly promotionStrategyName: pulumi.Output<string>;
    /** Each environment's proposed commit after this update. */
    readonly proposedCommits: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: PromotionPipelineArgs, opts?: pulumi.ComponentResourceOptions) {
        super("serviceradar:release:PromotionPipeline", name, {}, opts);
        const { config, githubApp, pipeline } = args;

        const install = new CustomResource(`${name}-promoter`, { ...pipeline.promoterInstall }, { parent: this });

        const scmSecret = new corev1.Secret(
            `${name}-github-app`,
            {
                metadata: { name: pipeline.scmSecretName, namespace: config.promotion.promoterNamespace },
                type: "Opaque",
                stringData: { [GITHUB_APP_PRIVATE_KEY]: pulumi.secret(githubApp.privateKey) },
            },
            { parent: this, dependsOn: [install] },
        );

        let previous: pulumi.Resource[] = [install, scmSecret];
        for (const object of pipeline.promoterObjects) {
            const resource = new CustomResource(
                `${name}-${object.kind.toLowerCase()}-${object.metadata.name}`,
                { ...object },
                { parent: this, dependsOn: previous },
            );
            previous = [install, resource];
        }

        // One DRY commit for the whole release, written before any environment is hydrated with its sha.
        const dry = new ReleaseDryCommit(
            `${name}-dry`,
            { repository: config.github.hydrationRepository, ...pipeline.dry },
            { parent: this },
        );

        const proposed: Record<string, pulumi.Output<string>> = {};
        const hydrators: EnvironmentHydrator[] = [];
        for (const env of pipeline.hydrations) {
            const hydrator = new EnvironmentHydrator(
                `${name}-hydrate-${env.environment}`,
                {
                    environment: env.environment,
                    promotedFrom: env.promotedFrom,
                    repository: config.github.hydrationRepository,
                    branch: env.proposedBranch,
                    activeBranch: env.activeBranch,
                    files: Object.fromEntries(env.files.map((f) => [f.file, f.content])),
                    message: env.message,
                    chartName: config.chart.name,
                    values: {
                        repository: config.values.repository,
                        path: env.valuesPath,
                        revision: config.pins.valuesRevision,
                    },
                    dryCommit: dry.drySha,
                    valuesCommit: dry.valuesCommit,
                },
                { parent: this },
            );
            proposed[env.environment] = hydrator.commitSha;
            hydrators.push(hydrator);
        }

        // The hydration repository may have another owner than ServiceRadar's: its rulesets use a provider of that owner.
        // They follow the hydrations, so a new environment's branches exist before its rules cover them.
        const hydrationOwner = new github.Provider(
            `${name}-hydration-repository`,
            { owner: config.github.hydrationRepository.split("/")[0] },
            { parent: this },
        );
        for (const ruleset of pipeline.rulesets) {
            const { id, ...args } = ruleset;
            new github.RepositoryRuleset(
                `${name}-${id}`,
                { ...args, repository: config.github.hydrationRepository.split("/")[1] },
                { parent: this, provider: hydrationOwner, dependsOn: hydrators },
            );
        }

        this.proposedCommits = pulumi.output(proposed);
        this.promotionStrategyName = pulumi.output(
            pipeline.promoterObjects.find((o) => o.kind === "PromotionStrategy")?.metadata.name ?? "",
        );
        this.registerOutputs({
            promotionStrategyName: this.promotionStrategyName,
            proposedCommits: this.proposedCommits,
        });
    }
}
