import type { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import type { EnvironmentName, PinnedReleaseConfig, ReleaseConfig } from "../config/config";
import type { IApplication } from "../src/generated/argo-cd/argoproj.io/v1alpha1/Application";

export const ARGOCD_API_VERSION = "argoproj.io/v1alpha1";
/** Argo CD deletes an Application's workloads before the Application itself only when this finalizer is set. */
export const RESOURCES_FINALIZER = "resources-finalizer.argocd.argoproj.io";
export const PART_OF_LABEL = "app.kubernetes.io/part-of";
export const PART_OF_VALUE = "serviceradar-release";
export const ENVIRONMENT_LABEL = "serviceradar.carverauto.dev/environment";
/** The name a multi-source Application gives the values repository; its value files read `$values/<path>`. */
export const VALUES_REF = "values";

/** Object metadata as the program declares it: Kubernetes' `ObjectMeta`, always named. */
export type KubernetesMetadata = Pick<IObjectMeta, "namespace" | "labels" | "annotations" | "finalizers"> & {
    name: string;
};

/** `spec` of Argo CD's Application, generated from the vendored v3.5.1 CRD (`src/generated/argo-cd/`). */
export type ApplicationSpec = IApplication["spec"];

export type ApplicationSource = NonNullable<ApplicationSpec["source"]>;

export type HelmSettings = NonNullable<ApplicationSource["helm"]>;

/** What the program tells Argo CD to ignore: always by JSON pointers, always with a group (`""` for the core API). */
export type IgnoreDifference = NonNullable<ApplicationSpec["ignoreDifferences"]>[number] & {
    group: string;
    jsonPointers: string[];
};

/** An Application as the program declares it: desired state only (no `operation`, no `status`), always named. */
export type ApplicationManifest = Omit<IApplication, "metadata" | "operation" | "status"> & {
    metadata: KubernetesMetadata;
};

/**
 * The Secrets the ServiceRadar chart fills with `randAlphaNum 32` whenever Helm's `lookup` finds nothing, which is
 * always the case when Argo CD renders (carverauto/serviceradar `helm/serviceradar/templates/cnpg-cluster.yaml`,
 * `spire-postgres.yaml`; names are the chart's defaults). The chart means them to be generated once and kept.
 */
export const GENERATED_CREDENTIAL_SECRETS: readonly string[] = [
    "cnpg-superuser",
    "serviceradar-db-credentials",
    "spire-db-credentials",
];
/** A random pod annotation on every render (`_helpers.tpl` `serviceradar.dbCredentialsChecksum`), JSON-pointer escaped. */
export const DB_CREDENTIALS_CHECKSUM_POINTER = "/spec/template/metadata/annotations/checksum~1db-credentials";

/**
 * What Argo CD must leave alone on a live environment. The CNPG operator owns instances and storage size, as in
 * ServiceRadar's own Applications. Every render brings new random database passwords and a new checksum annotation:
 * with `RespectIgnoreDifferences` a sync keeps the live values, so self-heal never rotates credentials under a
 * running database or restarts the workloads for nothing. Read in argo-cd v3.5.1: `docs/user-guide/diffing.md` (an
 * entry narrowed by `name`), `docs/user-guide/sync-options.md` (RespectIgnoreDifferences pre-patches the desired state
 * with the live one, once the resource exists: a first sync creates the Secrets as rendered, then keeps them).
 */
export const DATA_SAFETY_IGNORE_DIFFERENCES: readonly IgnoreDifference[] = [
    { group: "", kind: "PersistentVolumeClaim", jsonPointers: ["/status"] },
    { group: "postgresql.cnpg.io", kind: "Cluster", jsonPointers: ["/spec/instances", "/spec/storage/size"] },
    ...GENERATED_CREDENTIAL_SECRETS.map((name): IgnoreDifference => ({
        group: "",
        kind: "Secret",
        name,
        jsonPointers: ["/data", "/stringData"],
    })),
    { group: "apps", kind: "Deployment", jsonPointers: [DB_CREDENTIALS_CHECKSUM_POINTER] },
];
export const DATA_SAFETY_SYNC_OPTIONS: readonly string[] = [
    "SkipDryRunOnMissingResource=true",
    "RespectIgnoreDifferences=true",
    "PrunePropagationPolicy=foreground",
];

/** The Helm values that pin what an environment runs in direct mode, over its own values file. */
export function pinnedChartValues(config: PinnedReleaseConfig): Record<string, unknown> {
    return {
        global: { imageTag: config.pins.imageTag, imagePullPolicy: config.imagePullPolicy },
        image: { registryPullSecret: config.registry.pullSecretName },
    };
}

/** The path of an environment's own values file in the values repository. */
export function environmentValuesPath(config: ReleaseConfig, environment: EnvironmentName): string {
    return config.values.pathPattern.split("{environment}").join(environment);
}

export function githubRepositoryUrl(ownerAndName: string): string {
    return `https://github.com/${ownerAndName}.git`;
}

export function applicationLabels(environment: EnvironmentName): Record<string, string> {
    return { [PART_OF_LABEL]: PART_OF_VALUE, [ENVIRONMENT_LABEL]: environment };
}

/**
 * An environment's Application. Automated prune is off where the environment is protected (demo): a resource that
 * leaves the chart, or a rename of the CNPG cluster in a values file, then shows OutOfSync instead of Argo CD deleting
 * the database with it; a person prunes deliberately. Where it is on (staging), foreground propagation still waits for
 * dependants.
 */
export function applicationManifest(
    config: ReleaseConfig,
    sources: Pick<ApplicationSpec, "source" | "sources">,
): ApplicationManifest {
    return {
        apiVersion: ARGOCD_API_VERSION,
        kind: "Application",
        metadata: {
            name: config.argocd.applicationName,
            namespace: config.argocd.namespace,
            labels: applicationLabels(config.environment),
            finalizers: [RESOURCES_FINALIZER],
        },
        spec: {
            project: config.argocd.project,
            ...sources,
            destination: { server: config.argocd.destinationServer, namespace: config.namespace },
            ignoreDifferences: DATA_SAFETY_IGNORE_DIFFERENCES.map((d): IgnoreDifference => ({
                ...d,
                jsonPointers: [...d.jsonPointers],
            })),
            syncPolicy: {
                automated: { prune: !config.protect, selfHeal: true, allowEmpty: false },
                syncOptions: [...DATA_SAFETY_SYNC_OPTIONS],
                retry: { limit: 5, backoff: { duration: "5s", factor: 2, maxDuration: "3m" } },
            },
        },
    };
}

/**
 * Direct mode: the chart straight from the OCI registry, pinned, with the environment's own values file read from the
 * values repository at the release revision through a `ref:` source, as ServiceRadar's own staging Application does.
 */
export function pinnedChartApplication(config: PinnedReleaseConfig): ApplicationManifest {
    return applicationManifest(config, {
        sources: [
            {
                repoURL: config.chart.repository,
                chart: config.chart.name,
                targetRevision: config.pins.chartVersion,
                helm: {
                    releaseName: config.argocd.releaseName,
                    valueFiles: [`$${VALUES_REF}/${environmentValuesPath(config, config.environment)}`],
                    valuesObject: pinnedChartValues(config),
                },
            },
            {
                repoURL: githubRepositoryUrl(config.values.repository),
                targetRevision: config.pins.valuesRevision,
                ref: VALUES_REF,
            },
        ],
    });
}

export { chartRepositoryCredentialName } from "../config/names";
