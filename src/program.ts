import * as github from "@pulumi/github";
import type * as pulumi from "@pulumi/pulumi";
import { ChartRepositoryCredential } from "../components/chartRepositoryCredential";
import { GitHubEnvironment } from "../components/githubEnvironment";
import { PromotionPipeline } from "../components/promotionPipeline";
import { ReleaseDeployments } from "../components/releaseDeployments";
import { ServiceRadarEnvironment } from "../components/serviceRadarEnvironment";
import type { ReleaseConfig } from "./config";
import { planRelease } from "./releasePlan";

/** The stack outputs, as `pulumi stack output` shows them. */
export interface ReleaseOutputs {
    releaseSource: string;
    version: string | null;
    imageTag: string | null;
    chartVersion: string | null;
    chart: string | null;
    namespace: pulumi.Output<string>;
    applicationName: pulumi.Output<string>;
    coreUrl: string;
    githubEnvironmentName: pulumi.Output<string>;
    promotionMode: string;
    ownsPipeline: boolean;
    deploymentsEnabled: boolean;
}

/**
 * Declares everything one stack owns from its validated configuration and returns the stack outputs. `index.ts`
 * calls it under the Pulumi CLI; the offline plan and the tests run that same `index.ts` on the mock runtime.
 */
export function declareRelease(config: ReleaseConfig): ReleaseOutputs {
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

    if (plan.pipeline && config.promotion.githubApp) {
        new PromotionPipeline(
            "release",
            {
                promoterNamespace: config.promotion.promoterNamespace,
                promoterInstall: plan.pipeline.promoterInstall,
                promoterObjects: plan.pipeline.promoterObjects,
                scmSecretName: plan.pipeline.scmSecretName,
                githubAppPrivateKey: config.promotion.githubApp.privateKey,
                owner: config.github.owner,
                repository: config.github.repository,
                chartName: config.chart.name,
                valuesRepository: config.values.repository,
                valuesRevision: config.values.revision,
                environments: plan.pipeline.hydrations,
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
    return {
        releaseSource: plan.releaseSource,
        version: plan.pins?.version ?? null,
        imageTag: plan.pins?.imageTag ?? null,
        chartVersion: plan.pins?.chartVersion ?? null,
        chart: plan.pins?.chart ?? null,
        namespace: environment.namespace,
        applicationName: environment.applicationName,
        coreUrl: config.coreUrl,
        githubEnvironmentName: githubEnvironment.name,
        promotionMode: config.promotion.mode,
        ownsPipeline: config.ownsPipeline,
        deploymentsEnabled: config.deployments !== undefined,
    };
}
