import * as pulumi from "@pulumi/pulumi";
import * as pulumiservice from "@pulumi/pulumiservice";
import type { DeploymentSettings, ReleaseConfig } from "../config/config";
import { environmentPolicyConfig, loadPolicyConfig, policyPackVersion } from "../lib/policyPackFiles";
import { PACK_NAME } from "../policies/lib/programContract";
import type { GITHUB_APP_VARIABLES } from "../promotion/gitHubAuth";

/** The slice of the configuration a stack's Deployments settings are made of. */
export type ReleaseDeploymentsConfig = Pick<ReleaseConfig, "project" | "environment" | "environments"> & {
    deployments: DeploymentSettings;
};

export interface ReleaseDeploymentsArgs {
    config: ReleaseDeploymentsConfig;
}

const KUBECONFIG_PATH = "/tmp/serviceradar-release/kubeconfig";

/**
 * What a stack's `pulumi up` reads besides its own stack file: the program, its configuration and its dependencies.
 * A push changing any of them deploys, so a program change reaches every environment without a config edit.
 */
export const PROGRAM_PATHS = [
    "Pulumi.yaml",
    "index.ts",
    "config/**",
    "program/**",
    "environment/**",
    "promotion/**",
    "github/**",
    "deployments/**",
    "src/generated/**",
    "lib/**",
    // The pack's shared contract (policies/lib/programContract.ts) is part of the program, and the policy group
    // declares the pack's version and each stack's policy config from this folder.
    "policies/**",
    "package.json",
    "package-lock.json",
];

/**
 * The environment of each deployment run: the kubeconfig (written to a file before `pulumi up`), and the hydrator's
 * GitHub App as the variables the GitHub provider authenticates with by itself (terraform-provider-github v6.13.0
 * `github/provider.go` `getAppAuth`: read from the environment without an `app_auth` block, and preferred to
 * GITHUB_TOKEN), which the git writers read too (promotion/gitHubAuth.ts). Each run mints its own installation token,
 * so nothing stored expires and the rulesets see the hydrator's App; no GITHUB_TOKEN is given. The App's three are
 * secrets together, like the kubeconfig's text: they are one credential (the ids alone are no secret).
 */
export function deploymentVariables(
    deployments: DeploymentSettings,
): Record<"KUBECONFIG" | "KUBECONFIG_CONTENT" | (typeof GITHUB_APP_VARIABLES)[number], pulumi.Input<string>> {
    const app = deployments.githubApp;
    return {
        KUBECONFIG: KUBECONFIG_PATH,
        KUBECONFIG_CONTENT: pulumi.secret(deployments.kubeconfig),
        GITHUB_APP_ID: pulumi.secret(String(app.appId)),
        GITHUB_APP_INSTALLATION_ID: pulumi.secret(String(app.installationId)),
        GITHUB_APP_PEM_FILE: pulumi.secret(app.privateKey),
    };
}

/**
 * Pulumi Deployments for one stack: a push to the branch that changes the stack's config runs `pulumi up`, and a
 * pull request gets a preview. Credentials reach the run as secret environment variables, never as plaintext.
 * Deployments runs `pulumi up` itself and takes no `--policy-pack` (its operation context has none), so the pack is
 * enforced by Pulumi Cloud: a preventative policy group holds this stack and the published pack, configured with the
 * stack's own `policies/<stack>.json` (docs/policies.md, "The pack outside the plan": publish the pack first).
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
        const { project, environment, environments, deployments } = args.config;
        const settings = new pulumiservice.DeploymentSettings(
            `${name}-settings`,
            {
                organization: deployments.organization,
                project,
                stack: environment,
                sourceContext: {
                    git: {
                        repoUrl: `https://github.com/${deployments.repository}.git`,
                        branch: `refs/heads/${deployments.branch}`,
                    },
                },
                github: {
                    repository: deployments.repository,
                    deployCommits: true,
                    previewPullRequests: true,
                    // Pushes that change this stack's config or the program deploy; other stacks' files do not.
                    paths: [`Pulumi.${environment}.yaml`, ...PROGRAM_PATHS],
                },
                operationContext: {
                    preRunCommands: [
                        `mkdir -p "$(dirname "$KUBECONFIG")" && printf '%s' "$KUBECONFIG_CONTENT" > "$KUBECONFIG"`,
                        "npm ci --no-audit --no-fund",
                    ],
                    environmentVariables: deploymentVariables(deployments),
                    options: { skipInstallDependencies: true, skipIntermediateDeployments: true },
                },
                cacheOptions: { enable: true },
            },
            { parent: this },
        );
        const policyConfigFile = environmentPolicyConfig(environment, environments);
        new pulumiservice.PolicyGroup(
            `${name}-policies`,
            {
                organizationName: deployments.organization,
                name: `${project}-${environment}`,
                entityType: "stacks",
                // Preventative: a mandatory violation stops the preview or update, as --policy-pack does in CI.
                mode: "preventative",
                stacks: [{ name: environment, routingProject: project }],
                policyPacks: [
                    {
                        name: PACK_NAME,
                        versionTag: policyPackVersion(),
                        config: loadPolicyConfig(policyConfigFile),
                    },
                ],
            },
            { parent: this },
        );
        if (deployments.driftSchedule !== undefined) {
            // Drift detection is a deployment run: it needs the settings above first.
            new pulumiservice.DriftSchedule(
                `${name}-drift`,
                {
                    organization: deployments.organization,
                    project,
                    stack: environment,
                    scheduleCron: deployments.driftSchedule,
                    autoRemediate: deployments.driftRemediate,
                },
                { parent: this, dependsOn: [settings] },
            );
        }
        this.registerOutputs({});
    }
}
