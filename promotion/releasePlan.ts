import { ApplicationManifest, chartRepositoryCredentialName, pinnedChartApplication } from "../environment/argocd";
import { PinnedReleaseConfig, ReleaseConfig, withReleasePins } from "../config/config";
import { environmentRulesets, RulesetPlan } from "./rulesets";
import {
    argocdCommitStatus,
    e2eCommitStatus,
    environmentApplication,
    environmentBranch,
    EnvironmentHydration,
    environmentHydration,
    gitRepository,
    PromoterObject,
    promoterImage,
    promoterInstallApplication,
    ReleaseDryPlan,
    releaseDryPlan,
    promotionStrategy,
    SCM_SECRET_NAME,
    scmProvider,
    soakCommitStatus,
} from "./promoter";

export interface PipelinePlan {
    promoterInstall: ApplicationManifest;
    /** The controller image the install runs (`quay.io/argoprojlabs/gitops-promoter:v<promoterVersion>`). */
    promoterImage: string;
    promoterObjects: PromoterObject[];
    scmSecretName: string;
    /** What the program, as the promoter's hydrator, writes for each environment, in promotion order. */
    hydrations: EnvironmentHydration[];
    /** The release's DRY commit, whose sha every environment's hydration names. */
    dry: ReleaseDryPlan;
    /** The hydration repository's rulesets: who may write which environment branch, and after which checks. */
    rulesets: RulesetPlan[];
}

/** The versions this stack decides; in promoter mode only the pipeline stack decides them, for every environment. */
export interface ReleasePins {
    version: string;
    imageTag: string;
    chartVersion: string;
    /** oci://<registry>/<chart>:<version>, what `helm pull` takes. */
    chart: string;
}

/** What one stack declares, decided from its configuration alone (no Pulumi runtime needed to test it). */
export interface ReleasePlan {
    application: ApplicationManifest;
    /** Where this environment's release comes from, in words a reader of the stack outputs understands. */
    releaseSource: string;
    /** Absent where the promoter, not this stack, decides what runs. */
    pins?: ReleasePins;
    /** Name of the Argo CD repository credential for a private chart registry, when this stack declares it. */
    chartCredentialName?: string;
    /** The pipeline-wide objects (promoter mode, pipeline stack only). */
    pipeline?: PipelinePlan;
}

/** The environment's Application: its environment branch in promoter mode, the pinned chart in direct mode. */
export function releaseApplication(config: ReleaseConfig): ApplicationManifest {
    return config.promotion.mode === "promoter"
        ? environmentApplication(config)
        : pinnedChartApplication(withReleasePins(config, "direct mode's pinned chart"));
}

export function planRelease(config: ReleaseConfig): ReleasePlan {
    const promoter = config.promotion.mode === "promoter";
    const { pins } = config;
    return {
        application: releaseApplication(config),
        releaseSource: releaseSource(config),
        pins: pins && {
            version: pins.version,
            imageTag: pins.imageTag,
            chartVersion: pins.chartVersion,
            chart: `${config.chart.ociReference}/${config.chart.name}:${pins.chartVersion}`,
        },
        chartCredentialName:
            config.chart.private && config.ownsPipeline
                ? chartRepositoryCredentialName(config.chart.repository)
                : undefined,
        pipeline: promoter && config.ownsPipeline ? planPipeline(withReleasePins(config, "the pipeline")) : undefined,
    };
}

function releaseSource(config: ReleaseConfig): string {
    if (config.promotion.mode === "direct") return `pinned by this stack's config (direct mode)`;
    const branch = environmentBranch(config.environment);
    // The pipeline stack decides the revision; a first environment that is not that stack has no pins to name it.
    const revision = config.pins?.valuesRevision ?? `${config.promotion.pipelineStack}'s valuesRevision`;
    return config.environment === config.environments[0]
        ? `GitOps Promoter: ${branch}, hydrated from ${config.values.repository}@${revision} (auto-merged)`
        : `GitOps Promoter: ${branch}, after ${config.environments[0]}'s gates and a merged pull request`;
}

/** The pipeline-wide objects: the promoter, its objects, and what the hydrator writes for each environment. */
export function planPipeline(config: PinnedReleaseConfig): PipelinePlan {
    const soak = soakCommitStatus(config);
    const promoterObjects = [
        scmProvider(config),
        gitRepository(config),
        promotionStrategy(config),
        argocdCommitStatus(config),
        e2eCommitStatus(config),
        ...(soak ? [soak] : []),
    ];
    const hydrations = config.environments.map((environment) => environmentHydration(config, environment));
    return {
        promoterInstall: promoterInstallApplication(
            config,
            promoterObjects.map((o) => o.kind),
        ),
        promoterImage: promoterImage(config),
        promoterObjects,
        scmSecretName: SCM_SECRET_NAME,
        hydrations,
        dry: releaseDryPlan(config, hydrations),
        rulesets: environmentRulesets(config),
    };
}
