import * as github from "@pulumi/github";
import * as pulumi from "@pulumi/pulumi";

export interface GitHubEnvironmentArgs {
    /** Repository name (without owner); the provider's owner is configured separately. */
    repository: pulumi.Input<string>;
    /** Environment name, the same as the stack's. */
    environment: pulumi.Input<string>;
    /** Only refs matching this tag pattern may deploy to the environment (releases deploy from v* tags). */
    deploymentTagPattern: pulumi.Input<string>;
    /** Branches allowed to deploy too (the branch a release workflow runs on); none: tags only. */
    deploymentBranchPattern?: pulumi.Input<string>;
    /** Actions secrets of the environment; values must be secret Outputs or plain non-sensitive strings. */
    secrets: Record<string, pulumi.Input<string>>;
    /** Teams and users that must approve a deployment; none means no review. */
    reviewerTeamIds?: pulumi.Input<number>[];
    reviewerUserIds?: pulumi.Input<number>[];
}

/**
 * A GitHub deployment environment with the secrets CI uses to reach the app's HTTP API, so that CI never needs
 * cluster credentials.
 */
export class GitHubEnvironment extends pulumi.ComponentResource {
    readonly name: pulumi.Output<string>;
    readonly secretNames: string[];

    constructor(name: string, args: GitHubEnvironmentArgs, opts?: pulumi.ComponentResourceOptions) {
        super("serviceradar:release:GitHubEnvironment", name, {}, opts);
        const teams = args.reviewerTeamIds ?? [];
        const users = args.reviewerUserIds ?? [];
        const reviewed = teams.length + users.length > 0;

        const environment = new github.RepositoryEnvironment(
            `${name}-environment`,
            {
                repository: args.repository,
                environment: args.environment,
                deploymentBranchPolicy: { protectedBranches: false, customBranchPolicies: true },
                reviewers: reviewed ? [{ teams, users }] : undefined,
                preventSelfReview: reviewed ? true : undefined,
            },
            { parent: this },
        );

        new github.RepositoryEnvironmentDeploymentPolicy(
            `${name}-release-tags`,
            {
                repository: args.repository,
                environment: environment.environment,
                tagPattern: args.deploymentTagPattern,
            },
            { parent: this },
        );

        if (args.deploymentBranchPattern !== undefined) {
            new github.RepositoryEnvironmentDeploymentPolicy(
                `${name}-release-branch`,
                {
                    repository: args.repository,
                    environment: environment.environment,
                    branchPattern: args.deploymentBranchPattern,
                },
                { parent: this },
            );
        }

        this.secretNames = Object.keys(args.secrets).sort();
        for (const secretName of this.secretNames) {
            new github.ActionsEnvironmentSecret(
                `${name}-${secretName.toLowerCase().replace(/_/g, "-")}`,
                {
                    repository: args.repository,
                    environment: environment.environment,
                    secretName,
                    value: pulumi.secret(args.secrets[secretName]),
                },
                { parent: this },
            );
        }

        this.name = environment.environment;
        this.registerOutputs({ name: this.name, secretNames: this.secretNames });
    }
}
