import * as github from "@pulumi/github";
import * as pulumi from "@pulumi/pulumi";
import type { ReleaseConfig } from "../config/config";

/** The slice of the configuration a GitHub environment is made of. */
export type GitHubEnvironmentConfig = Pick<ReleaseConfig, "environment" | "github" | "adminPassword" | "coreUrl">;

export interface GitHubEnvironmentArgs {
    config: GitHubEnvironmentConfig;
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
        const { config } = args;
        const repository = config.github.environmentsRepository;
        const teams = [...config.github.reviewerTeamIds];
        const users = [...config.github.reviewerUserIds];
        // CI reaches the app over its HTTP API with these, and never holds cluster credentials.
        const secrets: Record<string, pulumi.Input<string>> = {
            SERVICERADAR_ADMIN_PASSWORD: config.adminPassword,
            SERVICERADAR_CORE_URL: config.coreUrl,
        };
        const reviewed = teams.length + users.length > 0;

        const environment = new github.RepositoryEnvironment(
            `${name}-environment`,
            {
                repository,
                environment: config.environment,
                deploymentBranchPolicy: { protectedBranches: false, customBranchPolicies: true },
                reviewers: reviewed ? [{ teams, users }] : undefined,
                preventSelfReview: reviewed ? true : undefined,
            },
            { parent: this },
        );

        new github.RepositoryEnvironmentDeploymentPolicy(
            `${name}-release-tags`,
            {
                repository,
                environment: environment.environment,
                tagPattern: config.github.deploymentTagPattern,
            },
            { parent: this },
        );

        if (config.github.deploymentBranchPattern !== undefined) {
            new github.RepositoryEnvironmentDeploymentPolicy(
                `${name}-release-branch`,
                {
                    repository,
                    environment: environment.environment,
                    branchPattern: config.github.deploymentBranchPattern,
                },
                { parent: this },
            );
        }

        this.secretNames = Object.keys(secrets).sort();
        for (const secretName of this.secretNames) {
            new github.ActionsEnvironmentSecret(
                `${name}-${secretName.toLowerCase().replace(/_/g, "-")}`,
                {
                    repository,
                    environment: environment.environment,
                    secretName,
                    value: pulumi.secret(secrets[secretName]),
                },
                { parent: this },
            );
        }

        this.name = environment.environment;
        this.registerOutputs({ name: this.name, secretNames: this.secretNames });
    }
}
