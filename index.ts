import * as github from "@pulumi/github";
import { pinnedChartApplication, chartRepositoryCredentialName } from "./src/argocd";
import { loadReleaseConfig } from "./src/config";
import { ChartRepositoryCredential } from "./components/chartRepositoryCredential";
import { GitHubEnvironment } from "./components/githubEnvironment";
import { ServiceRadarEnvironment } from "./components/serviceRadarEnvironment";

const config = loadReleaseConfig();
const githubProvider = new github.Provider("github", { owner: config.github.owner });

const environment = new ServiceRadarEnvironment(config.environment, {
    namespace: config.namespace,
    labels: { "app.kubernetes.io/part-of": "serviceradar", "serviceradar.carverauto.dev/environment": config.environment },
    registryServer: config.registry.server,
    registryUsername: config.registry.username,
    registryToken: config.registry.token,
    pullSecretName: config.registry.pullSecretName,
    application: pinnedChartApplication(config),
    protect: config.protect,
});

if (config.chart.private && config.ownsPipeline) {
    new ChartRepositoryCredential("chart-registry", {
        secretName: chartRepositoryCredentialName(config),
        argocdNamespace: config.argocd.namespace,
        url: config.chart.repository,
        username: config.registry.username,
        password: config.registry.token,
    });
}

const githubEnvironment = new GitHubEnvironment(config.environment, {
    repository: config.github.repository,
    environment: config.environment,
    deploymentTagPattern: config.github.deploymentTagPattern,
    secrets: { SERVICERADAR_ADMIN_PASSWORD: config.adminPassword, SERVICERADAR_CORE_URL: config.coreUrl },
    reviewerTeamIds: [...config.github.reviewerTeamIds],
    reviewerUserIds: [...config.github.reviewerUserIds],
}, { providers: [githubProvider] });

export const version = config.version;
export const imageTag = config.imageTag;
export const chartVersion = config.chart.version;
export const chart = `${config.chart.ociReference}/${config.chart.name}:${config.chart.version}`;
export const namespace = environment.namespace;
export const applicationName = environment.applicationName;
export const coreUrl = config.coreUrl;
export const githubEnvironmentName = githubEnvironment.name;
export const promotionMode = config.promotion.mode;
