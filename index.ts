import * as github from "@pulumi/github";
import { loadReleaseConfig } from "./src/config";
import { planRelease } from "./src/releasePlan";
import { ChartRepositoryCredential } from "./components/chartRepositoryCredential";
import { EnvironmentDryValues } from "./components/environmentDryValues";
import { GitHubEnvironment } from "./components/githubEnvironment";
import { PromotionPipeline } from "./components/promotionPipeline";
import { ReleaseDeployments } from "./components/releaseDeployments";
import { ServiceRadarEnvironment } from "./components/serviceRadarEnvironment";

const config = loadReleaseConfig();
const plan = planRelease(config);
const githubProvider = new github.Provider("github", { owner: config.github.owner });
const withGithub = { providers: [githubProvider] };

const environment = new ServiceRadarEnvironment(config.environment, {
    namespace: config.namespace,
    labels: {
        "app.kubernetes.io/part-of": "serviceradar",
        "serviceradar.carverauto.dev/environment": config.environment,
    },
    registryServer: config.registry.server,
    registryUsername: config.registry.username,
    registryToken: config.registry.token,
    pullSecretName: config.registry.pullSecretName,
    application: plan.application,
    protect: config.protect,
});

if (plan.chartCredentialName) {
    new ChartRepositoryCredential("chart-registry", {
        secretName: plan.chartCredentialName,
        argocdNamespace: config.argocd.namespace,
        url: config.chart.repository,
        username: config.registry.username,
        password: config.registry.token,
    });
}

const githubEnvironment = new GitHubEnvironment(
    config.environment,
    {
        repository: config.github.environmentsRepository,
        environment: config.environment,
        deploymentTagPattern: config.github.deploymentTagPattern,
        deploymentBranchPattern: config.github.deploymentBranchPattern,
        secrets: { SERVICERADAR_ADMIN_PASSWORD: config.adminPassword, SERVICERADAR_CORE_URL: config.coreUrl },
        reviewerTeamIds: [...config.github.reviewerTeamIds],
        reviewerUserIds: [...config.github.reviewerUserIds],
    },
    withGithub,
);

if (plan.environmentValues) {
    new EnvironmentDryValues(
        config.environment,
        {
            repository: config.github.repository,
            dryBranch: config.promotion.dryBranch,
            valuesFile: plan.environmentValues,
        },
        withGithub,
    );
}

if (plan.pipeline && config.promotion.githubApp) {
    new PromotionPipeline(
        "release",
        {
            promoterNamespace: config.promotion.promoterNamespace,
            argocdNamespace: config.argocd.namespace,
            promoterInstall: plan.pipeline.promoterInstall,
            promoterObjects: plan.pipeline.promoterObjects,
            scmSecretName: plan.pipeline.scmSecretName,
            githubAppId: config.promotion.githubApp.appId,
            githubAppInstallationId: config.promotion.githubApp.installationId,
            githubAppPrivateKey: config.promotion.githubApp.privateKey,
            repositoryUrl: plan.pipeline.repositoryUrl,
            owner: config.github.owner,
            repository: config.github.repository,
            dryBranch: config.promotion.dryBranch,
            branches: plan.pipeline.branches,
            dryFiles: plan.pipeline.dryFiles,
            dryCommitMessage: plan.pipeline.dryCommitMessage,
        },
        withGithub,
    );
}

if (config.deployments) {
    new ReleaseDeployments(config.environment, {
        organization: config.deployments.organization,
        project: config.project,
        stack: config.environment,
        repository: config.deployments.repository,
        branch: config.deployments.branch,
        paths: [`Pulumi.${config.environment}.yaml`],
        kubeconfig: config.deployments.kubeconfig,
        githubToken: config.deployments.githubToken,
    });
}

// Where the promoter decides what runs, the pins are null rather than this stack's (unused) config.
export const releaseSource = plan.releaseSource;
export const version = plan.pins?.version ?? null;
export const imageTag = plan.pins?.imageTag ?? null;
export const chartVersion = plan.pins?.chartVersion ?? null;
export const chart = plan.pins?.chart ?? null;
export const namespace = environment.namespace;
export const applicationName = environment.applicationName;
export const coreUrl = config.coreUrl;
export const githubEnvironmentName = githubEnvironment.name;
export const promotionMode = config.promotion.mode;
export const ownsPipeline = config.ownsPipeline;
export const deploymentsEnabled = config.deployments !== undefined;
