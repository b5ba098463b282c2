import * as github from "@pulumi/github";
import * as pulumi from "@pulumi/pulumi";
import { ChartRepositoryCredential } from "../environment/chartRepositoryCredential";
import { GitHubEnvironment } from "../github/githubEnvironment";
import { PromotionPipeline } from "../promotion/promotionPipeline";
import { ReleaseDeployments } from "../deployments/releaseDeployments";
import { ServiceRadarEnvironment } from "../environment/serviceRadarEnvironment";
import { ReleaseConfig, withReleasePins } from "../config/config";
import { planRelease } from "../promotion/releasePlan";
import { appCredentialsProblem } from "../promotion/gitHubAuth";

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
    /** The GitOps Promoter controller image this stack installs; null where it installs none. */
    promoterImage: string | null;
    deploymentsEnabled: boolean;
}

/**
 * Declares everything one stack owns from its validated configuration and returns the stack outputs. `index.ts`
 * calls it under the Pulumi CLI; the offline plan and the tests run that same `index.ts` on the mock runtime.
 */
export function declareRelease(config: ReleaseConfig): ReleaseOutputs {
    // The GitHub provider reads GITHUB_APP_ID, GITHUB_APP_INSTALLATION_ID and GITHUB_APP_PEM_FILE by itself and, with
    // one missing, quietly falls back to GITHUB_TOKEN while the git writers would refuse: refused here, before
    // anything is declared, so one run never writes as two identities.
    const appProblem = appCredentialsProblem(process.env);
    if (appProblem !== undefined) throw new pulumi.RunError(appProblem);
    const plan = planRelease(config);
    const githubProvider = new github.Provider("github", { owner: config.github.owner });
    const withGithub = { providers: [githubProvider] };

    const environment = new ServiceRadarEnvironment(config.environment, { config, application: plan.application });
    if (config.chart.private && config.ownsPipeline) new ChartRepositoryCredential("chart-registry", { config });
    const githubEnvironment = new GitHubEnvironment(config.environment, { config }, withGithub);
    if (config.promotion.githubApp && plan.pipeline) {
        new PromotionPipeline(
            "release",
            {
                config: withReleasePins(config, "the pipeline"),
                githubApp: config.promotion.githubApp,
                pipeline: plan.pipeline,
            },
            withGithub,
        );
    }
    if (config.deployments) {
        new ReleaseDeployments(config.environment, { config: { ...config, deployments: config.deployments } });
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
        promoterImage: plan.pipeline?.promoterImage ?? null,
        deploymentsEnabled: config.deployments !== undefined,
    };
}
