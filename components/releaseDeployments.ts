import * as pulumi from "@pulumi/pulumi";
import * as pulumiservice from "@pulumi/pulumiservice";

export interface ReleaseDeploymentsArgs {
    organization: pulumi.Input<string>;
    project: pulumi.Input<string>;
    stack: pulumi.Input<string>;
    /** owner/name of the repository holding this program. */
    repository: pulumi.Input<string>;
    branch: pulumi.Input<string>;
    /** Only pushes touching these paths deploy. */
    paths: pulumi.Input<string>[];
    /** Secret Outputs: the credentials `pulumi up` runs with; Pulumi Cloud stores them encrypted. */
    kubeconfig: pulumi.Input<string>;
    githubToken: pulumi.Input<string>;
}

const KUBECONFIG_PATH = "/tmp/serviceradar-release/kubeconfig";

/**
 * Pulumi Deployments for one stack: a push to the branch that changes the stack's config runs `pulumi up`, and a
 * pull request gets a preview. Credentials reach the run as secret environment variables, never as plaintext.
 */
export class ReleaseDeployments extends pulumi.ComponentResource {
    constructor(name: string, args: ReleaseDeploymentsArgs, opts?: pulumi.ComponentResourceOptions) {
        // The type token is the class name; the alias keeps live stacks created under the old token from replacing it.
        super(
            "serviceradar:release:ReleaseDeployments",
            name,
            {},
            {
                ...opts,
                aliases: [...(opts?.aliases ?? []), { type: "serviceradar:release:Deployments" }],
            },
        );
        new pulumiservice.DeploymentSettings(
            `${name}-settings`,
            {
                organization: args.organization,
                project: args.project,
                stack: args.stack,
                sourceContext: {
                    git: {
                        repoUrl: pulumi.interpolate`https://github.com/${args.repository}.git`,
                        branch: pulumi.interpolate`refs/heads/${args.branch}`,
                    },
                },
                github: {
                    repository: args.repository,
                    deployCommits: true,
                    previewPullRequests: true,
                    paths: args.paths,
                },
                operationContext: {
                    preRunCommands: [
                        `mkdir -p "$(dirname "$KUBECONFIG")" && printf '%s' "$KUBECONFIG_CONTENT" > "$KUBECONFIG"`,
                        "npm ci --no-audit --no-fund",
                    ],
                    environmentVariables: {
                        KUBECONFIG: KUBECONFIG_PATH,
                        KUBECONFIG_CONTENT: pulumi.secret(args.kubeconfig),
                        GITHUB_TOKEN: pulumi.secret(args.githubToken),
                    },
                    options: { skipInstallDependencies: true, skipIntermediateDeployments: true },
                },
                cacheOptions: { enable: true },
            },
            { parent: this },
        );
        this.registerOutputs({});
    }
}
