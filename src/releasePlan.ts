import { ApplicationManifest, chartRepositoryCredentialName, pinnedChartApplication } from "./argocd";
import type { ReleaseConfig } from "./config";
import {
    argocdCommitStatus,
    DryFile,
    dryEnvironmentValuesFile,
    dryReleaseFiles,
    e2eCommitStatus,
    gitRepository,
    hydratedApplication,
    hydratedBranches,
    PromoterObject,
    promoterInstallApplication,
    promotionStrategy,
    repositoryUrl,
    SCM_SECRET_NAME,
    scmProvider,
    soakCommitStatus,
} from "./promoter";

export interface PipelinePlan {
    promoterInstall: ApplicationManifest;
    promoterObjects: PromoterObject[];
    scmSecretName: string;
    branches: string[];
    dryFiles: DryFile[];
    repositoryUrl: string;
}

/** What one stack declares, decided from its configuration alone (no Pulumi runtime needed to test it). */
export interface ReleasePlan {
    application: ApplicationManifest;
    /** Name of the Argo CD repository credential for a private chart registry, when this stack declares it. */
    chartCredentialName?: string;
    /** This environment's values file in the DRY source (promoter mode). */
    environmentValues?: DryFile;
    /** The pipeline-wide objects (promoter mode, pipeline stack only). */
    pipeline?: PipelinePlan;
}

export function planRelease(config: ReleaseConfig): ReleasePlan {
    const promoter = config.promotion.mode === "promoter";
    return {
        application: promoter ? hydratedApplication(config) : pinnedChartApplication(config),
        chartCredentialName:
            config.chart.private && config.ownsPipeline ? chartRepositoryCredentialName(config) : undefined,
        environmentValues: promoter ? dryEnvironmentValuesFile(config) : undefined,
        pipeline: promoter && config.ownsPipeline ? planPipeline(config) : undefined,
    };
}

function planPipeline(config: ReleaseConfig): PipelinePlan {
    const soak = soakCommitStatus(config);
    return {
        promoterInstall: promoterInstallApplication(config),
        promoterObjects: [
            scmProvider(config),
            gitRepository(config),
            promotionStrategy(config),
            argocdCommitStatus(config),
            e2eCommitStatus(config),
            ...(soak ? [soak] : []),
        ],
        scmSecretName: SCM_SECRET_NAME,
        branches: hydratedBranches(config),
        dryFiles: dryReleaseFiles(config),
        repositoryUrl: repositoryUrl(config),
    };
}
