import * as github from "@pulumi/github";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { ApplicationManifest } from "../src/argocd";
import { EnvironmentHydration, environmentBranchReadme, GITHUB_APP_PRIVATE_KEY, PromoterObject } from "../src/promoter";
import { EnvironmentHydrator } from "./environmentHydrator";

export interface PromotionPipelineArgs {
    /** Namespace of the promoter and of every promoter object, its ScmProvider Secret included. */
    promoterNamespace: string;
    /** The Argo CD Application that installs GitOps Promoter. */
    promoterInstall: ApplicationManifest;
    /** ScmProvider, GitRepository, PromotionStrategy and the commit-status producers, in dependency order. */
    promoterObjects: PromoterObject[];
    scmSecretName: string;
    /** A secret Output: the GitHub App's PEM key. */
    githubAppPrivateKey: pulumi.Input<string>;
    owner: string;
    /** Repository name (the GitHub provider carries the owner); it holds the environment branches. */
    repository: string;
    chartName: string;
    /** owner/name of the repository holding the environments' values files. */
    valuesRepository: string;
    /** The release revision the values files are read at; its commit is the DRY commit. */
    valuesRevision: string;
    /** What the hydrator writes for each environment, in promotion order. */
    environments: EnvironmentHydration[];
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

        const install = new k8s.apiextensions.CustomResource(
            `${name}-promoter`,
            { ...args.promoterInstall },
            { parent: this },
        );

        const scmSecret = new k8s.core.v1.Secret(
            `${name}-github-app`,
            {
                metadata: { name: args.scmSecretName, namespace: args.promoterNamespace },
                type: "Opaque",
                stringData: { [GITHUB_APP_PRIVATE_KEY]: pulumi.secret(args.githubAppPrivateKey) },
            },
            { parent: this, dependsOn: [install] },
        );

        let previous: pulumi.Resource[] = [install, scmSecret];
        for (const object of args.promoterObjects) {
            const resource = new k8s.apiextensions.CustomResource(
                `${name}-${object.kind.toLowerCase()}-${object.metadata.name}`,
                { ...object },
                { parent: this, dependsOn: previous },
            );
            previous = [install, resource];
        }

        // The promoter merges each `-next` branch and GitHub may delete a merged head branch: the promoter needs them
        // to stay (gitops-promoter v0.36.0 docs/getting-started.md), and nobody should delete a live environment.
        new github.RepositoryRuleset(
            `${name}-environment-branches`,
            {
                name: "serviceradar-release environment branches",
                repository: args.repository,
                target: "branch",
                enforcement: "active",
                conditions: { refName: { includes: ["refs/heads/environment/**"], excludes: [] } },
                rules: { deletion: true },
            },
            { parent: this },
        );

        const proposed: Record<string, pulumi.Output<string>> = {};
        for (const env of args.environments) {
            const hydrator = new EnvironmentHydrator(
                `${name}-hydrate-${env.environment}`,
                {
                    environment: env.environment,
                    promotedFrom: env.promotedFrom,
                    repository: `${args.owner}/${args.repository}`,
                    branch: env.proposedBranch,
                    activeBranch: env.activeBranch,
                    files: Object.fromEntries(env.files.map((f) => [f.file, f.content])),
                    message: env.message,
                    chartName: args.chartName,
                    values: { repository: args.valuesRepository, path: env.valuesPath, revision: args.valuesRevision },
                    readme: environmentBranchReadme(env.environment),
                },
                { parent: this },
            );
            proposed[env.environment] = hydrator.commitSha;
        }

        this.proposedCommits = pulumi.output(proposed);
        this.promotionStrategyName = pulumi.output(
            args.promoterObjects.find((o) => o.kind === "PromotionStrategy")?.metadata.name ?? "",
        );
        this.registerOutputs({
            promotionStrategyName: this.promotionStrategyName,
            proposedCommits: this.proposedCommits,
        });
    }
}
