import type { EnvironmentName, ReleaseConfig } from "./config";

export const ARGOCD_API_VERSION = "argoproj.io/v1alpha1";
/** Argo CD deletes an Application's workloads before the Application itself only when this finalizer is set. */
export const RESOURCES_FINALIZER = "resources-finalizer.argocd.argoproj.io";
export const PART_OF_LABEL = "app.kubernetes.io/part-of";
export const PART_OF_VALUE = "serviceradar-release";
export const ENVIRONMENT_LABEL = "serviceradar.carverauto.dev/environment";

export interface KubernetesMetadata {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    finalizers?: string[];
}

export interface HelmSettings {
    releaseName: string;
    valueFiles?: string[];
    valuesObject?: Record<string, unknown>;
}

export interface ApplicationSource {
    repoURL: string;
    chart?: string;
    path?: string;
    targetRevision: string;
    helm?: HelmSettings;
    directory?: { include?: string };
}

export interface SourceHydrator {
    drySource: { repoURL: string; targetRevision: string; path: string; helm?: HelmSettings };
    syncSource: { targetBranch: string; path: string };
    hydrateTo: { targetBranch: string };
}

export interface IgnoreDifference {
    group: string;
    kind: string;
    jsonPointers: string[];
}

export interface ApplicationSpec {
    project: string;
    source?: ApplicationSource;
    sourceHydrator?: SourceHydrator;
    destination: { server: string; namespace: string };
    ignoreDifferences?: IgnoreDifference[];
    syncPolicy: {
        automated: { prune: boolean; selfHeal: boolean; allowEmpty: boolean };
        syncOptions: string[];
        retry: { limit: number; backoff: { duration: string; factor: number; maxDuration: string } };
    };
}

export interface ApplicationManifest {
    apiVersion: typeof ARGOCD_API_VERSION;
    kind: "Application";
    metadata: KubernetesMetadata;
    spec: ApplicationSpec;
}

/**
 * The settings ServiceRadar's hand-written Applications carry to protect the CNPG database: Argo CD must not fight
 * the operator over instances and storage size, and prunes wait for dependants instead of orphaning volumes.
 */
export const DATA_SAFETY_IGNORE_DIFFERENCES: readonly IgnoreDifference[] = [
    { group: "", kind: "PersistentVolumeClaim", jsonPointers: ["/status"] },
    { group: "postgresql.cnpg.io", kind: "Cluster", jsonPointers: ["/spec/instances", "/spec/storage/size"] },
];
export const DATA_SAFETY_SYNC_OPTIONS: readonly string[] = [
    "SkipDryRunOnMissingResource=true",
    "RespectIgnoreDifferences=true",
    "PrunePropagationPolicy=foreground",
];

/** The Helm values that pin what an environment runs; everything else comes from the chart's values files. */
export function pinnedChartValues(config: ReleaseConfig): Record<string, unknown> {
    return {
        global: { imageTag: config.imageTag, imagePullPolicy: config.imagePullPolicy },
        image: { registryPullSecret: config.registry.pullSecretName },
    };
}

export function applicationLabels(environment: EnvironmentName): Record<string, string> {
    return { [PART_OF_LABEL]: PART_OF_VALUE, [ENVIRONMENT_LABEL]: environment };
}

export function applicationManifest(
    config: ReleaseConfig,
    name: string,
    source: Pick<ApplicationSpec, "source" | "sourceHydrator">,
): ApplicationManifest {
    return {
        apiVersion: ARGOCD_API_VERSION,
        kind: "Application",
        metadata: {
            name,
            namespace: config.argocd.namespace,
            labels: applicationLabels(config.environment),
            finalizers: [RESOURCES_FINALIZER],
        },
        spec: {
            project: config.argocd.project,
            ...source,
            destination: { server: config.argocd.destinationServer, namespace: config.namespace },
            ignoreDifferences: DATA_SAFETY_IGNORE_DIFFERENCES.map((d) => ({ ...d, jsonPointers: [...d.jsonPointers] })),
            syncPolicy: {
                automated: { prune: true, selfHeal: true, allowEmpty: false },
                syncOptions: [...DATA_SAFETY_SYNC_OPTIONS],
                retry: { limit: 5, backoff: { duration: "5s", factor: 2, maxDuration: "3m" } },
            },
        },
    };
}

/** The Application that deploys the chart straight from the OCI registry, pinned to the configured versions. */
export function pinnedChartApplication(config: ReleaseConfig): ApplicationManifest {
    return applicationManifest(config, config.argocd.applicationName, {
        source: {
            repoURL: config.chart.repository,
            chart: config.chart.name,
            targetRevision: config.chart.version,
            helm: {
                releaseName: config.argocd.releaseName,
                valueFiles: [config.argocd.valuesFile],
                valuesObject: pinnedChartValues(config),
            },
        },
    });
}

/** Name of the Argo CD repository Secret for a private chart registry, derived from the registry path. */
export function chartRepositoryCredentialName(config: ReleaseConfig): string {
    return `argocd-repo-${config.chart.repository.replace(/[^a-z0-9]+/g, "-")}`.slice(0, 63).replace(/-+$/, "");
}
