import * as github from "@pulumi/github";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { ApplicationManifest } from "../src/argocd";
import { DryReleaseCommit } from "./dryReleaseCommit";
import { DryFile, GITHUB_APP_PRIVATE_KEY, PromoterObject } from "../src/promoter";

export interface PromotionPipelineArgs {
    /** Namespace of the promoter and of every promoter object, its ScmProvider Secret included. */
    promoterNamespace: string;
    argocdNamespace: pulumi.Input<string>;
    /** The Argo CD Application that installs GitOps Promoter. */
    promoterInstall: ApplicationManifest;
    /** ScmProvider, GitRepository, PromotionStrategy and the commit-status producers, in dependency order. */
    promoterObjects: PromoterObject[];
    scmSecretName: string;
    githubAppId: pulumi.Input<number>;
    githubAppInstallationId: pulumi.Input<number>;
    /** A secret Output: the GitHub App's PEM key, shared by the promoter and the hydrator. */
    githubAppPrivateKey: pulumi.Input<string>;
    /** https URL of the repository the hydrator writes to. */
    repositoryUrl: pulumi.Input<string>;
    owner: pulumi.Input<string>;
    /** Repository name (the GitHub provider carries the owner). */
    repository: pulumi.Input<string>;
    /** The DRY branch the release files are committed to and hydrated branches are cut from. */
    dryBranch: pulumi.Input<string>;
    /** Live and proposed environment branches. */
    branches: string[];
    /** The release pins of the DRY source, committed together on every version change. */
    dryFiles: DryFile[];
    dryCommitMessage: pulumi.Input<string>;
}

/**
 * The pipeline-wide half of the promotion: GitOps Promoter and its objects, the hydrator's write credential, the
 * environment branches and the DRY release files. Exactly one stack declares it.
 */
export class PromotionPipeline extends pulumi.ComponentResource {
    readonly promotionStrategyName: pulumi.Output<string>;
    /** The DRY commit that carries the current release pins. */
    readonly dryCommitSha: pulumi.Output<string>;

    constructor(name: string, args: PromotionPipelineArgs, opts?: pulumi.ComponentResourceOptions) {
        super("serviceradar:release:PromotionPipeline", name, {}, opts);
        const privateKey = pulumi.secret(args.githubAppPrivateKey);

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
                stringData: { [GITHUB_APP_PRIVATE_KEY]: privateKey },
            },
            { parent: this, dependsOn: [install] },
        );

        // Argo CD's Source Hydrator pushes rendered manifests with the same GitHub App the promoter uses.
        new k8s.core.v1.Secret(
            `${name}-hydrator-write-credential`,
            {
                metadata: {
                    name: "serviceradar-hydrator-write",
                    namespace: args.argocdNamespace,
                    labels: { "argocd.argoproj.io/secret-type": "repository-write" },
                },
                type: "Opaque",
                stringData: {
                    type: "git",
                    url: args.repositoryUrl,
                    githubAppID: pulumi.output(args.githubAppId).apply(String),
                    githubAppInstallationID: pulumi.output(args.githubAppInstallationId).apply(String),
                    githubAppPrivateKey: privateKey,
                },
            },
            { parent: this },
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

        // Branches are cut once; afterwards the hydrator and the promoter own their content, and a destroy leaves
        // the live environments' sync sources in place.
        for (const branch of args.branches) {
            new github.Branch(
                `${name}-${branch.replace(/\//g, "-")}`,
                { repository: args.repository, branch, sourceBranch: args.dryBranch },
                { parent: this, retainOnDelete: true, ignoreChanges: ["sourceBranch", "sourceSha"] },
            );
        }

        // Both pins in one commit, so the hydrator never renders a new chart with old images or the reverse.
        const release = new DryReleaseCommit(
            `${name}-dry-release`,
            {
                owner: args.owner,
                repository: args.repository,
                branch: args.dryBranch,
                files: Object.fromEntries(args.dryFiles.map((f) => [f.file, f.content])),
                message: args.dryCommitMessage,
            },
            { parent: this },
        );

        this.dryCommitSha = release.commitSha;
        this.promotionStrategyName = pulumi.output(
            args.promoterObjects.find((o) => o.kind === "PromotionStrategy")?.metadata.name ?? "",
        );
        this.registerOutputs({ promotionStrategyName: this.promotionStrategyName, dryCommitSha: this.dryCommitSha });
    }
}
