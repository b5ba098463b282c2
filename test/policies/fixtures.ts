import { HYDRATED_ENVIRONMENT_KIND } from "../../promotion/hydratedEnvironmentKind";
import * as pulumi from "@pulumi/pulumi";
import type { PlannedOptions, PlannedResource } from "../../plan/mockRuntime";
import { checkPolicies, PolicyViolation } from "../../plan/policyCheck";

export const PROJECT = "serviceradar-release";
export const STACK = "demo";

export const APPLICATION = "kubernetes:argoproj.io/v1alpha1:Application";
export const NAMESPACE = "kubernetes:core/v1:Namespace";
export const REPOSITORY_FILE = "github:index/repositoryFile:RepositoryFile";

export const SHA40 = "217d693de66908133302bffea9a1091b03e45d87";
export const HEX64 = "3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a";
export const DIGEST = `sha256:${HEX64}`;

export function urnOf(type: string, name: string, stack = STACK): string {
    return `urn:pulumi:${stack}::${PROJECT}::${type}::${name}`;
}

/** A planned resource written by hand, as plan/mockRuntime.ts records one. */
export function planned(
    type: string,
    name: string,
    inputs: Record<string, unknown>,
    options: Partial<PlannedOptions> = {},
): PlannedResource {
    return {
        type,
        name,
        urn: urnOf(type, name),
        custom: true,
        inputs,
        options: {
            protect: false,
            retainOnDelete: false,
            deleteBeforeReplace: false,
            dependsOn: [],
            aliases: [],
            ...options,
        },
    };
}

/** A secret input as the engine and the mock runtime hold it: wrapped in Pulumi's secret signature. */
export function secret(value: unknown): Record<string, unknown> {
    return { [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig, value };
}

export const PROTECTED: Partial<PlannedOptions> = { protect: true, retainOnDelete: true };

export const CNPG_IGNORE_DIFFERENCES = [
    { group: "", kind: "PersistentVolumeClaim", jsonPointers: ["/status"] },
    { group: "postgresql.cnpg.io", kind: "Cluster", jsonPointers: ["/spec/instances", "/spec/storage/size"] },
];
export const SYNC_OPTIONS = [
    "SkipDryRunOnMissingResource=true",
    "RespectIgnoreDifferences=true",
    "PrunePropagationPolicy=foreground",
];

export interface ApplicationOptions {
    name?: string;
    namespace?: string;
    spec?: Record<string, unknown>;
    labels?: Record<string, string>;
    finalizers?: string[];
    options?: Partial<PlannedOptions>;
}

/** An Argo CD Application with the data-safety settings the program writes; `spec` entries replace the defaults. */
export function application(sourceSpec: Record<string, unknown>, opts: ApplicationOptions = {}): PlannedResource {
    const name = opts.name ?? "serviceradar-demo";
    return planned(
        APPLICATION,
        `${name}-application`,
        {
            apiVersion: "argoproj.io/v1alpha1",
            kind: "Application",
            metadata: {
                name,
                namespace: "argocd",
                labels: opts.labels ?? { "app.kubernetes.io/part-of": "serviceradar-release" },
                finalizers: opts.finalizers ?? ["resources-finalizer.argocd.argoproj.io"],
            },
            spec: {
                project: "default",
                destination: { server: "https://kubernetes.default.svc", namespace: opts.namespace ?? "demo" },
                ignoreDifferences: CNPG_IGNORE_DIFFERENCES,
                syncPolicy: {
                    automated: { prune: true, selfHeal: true, allowEmpty: false },
                    syncOptions: SYNC_OPTIONS,
                },
                ...sourceSpec,
                ...(opts.spec ?? {}),
            },
        },
        opts.options ?? PROTECTED,
    );
}

/** The pinned-chart Application of the direct mode: OCI chart, version, inline Helm settings. */
export function chartApplication(
    targetRevision: unknown,
    helm: Record<string, unknown> = {
        valuesObject: { global: { imageTag: "v1.2.27", imagePullPolicy: "IfNotPresent" } },
    },
    opts: ApplicationOptions = {},
): PlannedResource {
    return application(
        {
            source: {
                repoURL: "ghcr.io/carverauto/charts",
                chart: "serviceradar",
                targetRevision,
                helm: { releaseName: "serviceradar", valueFiles: ["values-demo.yaml"], ...helm },
            },
        },
        opts,
    );
}

/** The promoter mode's Application: a source hydrator reading the DRY umbrella chart from git. */
export function hydratorApplication(
    targetRevision: unknown,
    helm: Record<string, unknown> = {},
    opts: ApplicationOptions = {},
): PlannedResource {
    return application(
        {
            sourceHydrator: {
                drySource: {
                    repoURL: "https://github.com/carverauto/serviceradar.git",
                    path: "deploy/release",
                    targetRevision,
                    helm: { releaseName: "serviceradar", valueFiles: ["values.yaml", "values-demo.yaml"], ...helm },
                },
                syncSource: { targetBranch: "environment/demo", path: "demo" },
                hydrateTo: { targetBranch: "environment/demo-next" },
            },
        },
        opts,
    );
}

export function namespace(name: string, options: Partial<PlannedOptions> = PROTECTED): PlannedResource {
    return planned(
        NAMESPACE,
        `${name}-namespace`,
        { apiVersion: "v1", kind: "Namespace", metadata: { name } },
        options,
    );
}

/** A DRY file committed by the pipeline stack. */
export function repositoryFile(file: string, content: string, branch = "main"): PlannedResource {
    return planned(REPOSITORY_FILE, file.replace(/[^a-z0-9]+/gi, "-").toLowerCase(), {
        repository: "serviceradar",
        branch,
        file,
        content,
        commitMessage: `release: update ${file}`,
        overwriteOnCreate: true,
    });
}

/**
 * The pipeline's hydration of one environment branch (a dynamic resource), with its files; `promotedFrom` when the
 * environment is a later one than the declaring stack's.
 */
export function hydration(
    files: Record<string, string>,
    environment = "demo-staging",
    promotedFrom?: string,
): PlannedResource {
    return planned("pulumi-nodejs:dynamic:Resource", `release-hydrate-${environment}`, {
        kind: HYDRATED_ENVIRONMENT_KIND,
        apiUrl: "https://api.github.com",
        environment,
        ...(promotedFrom === undefined ? {} : { promotedFrom }),
        repository: "carverauto/serviceradar",
        branch: `environment/${environment}-next`,
        activeBranch: `environment/${environment}`,
        files,
        message: "hydrate: ServiceRadar",
    });
}

export function umbrellaChart(dependencyVersion: unknown, name = "serviceradar"): string {
    return [
        "apiVersion: v2",
        "name: serviceradar-release",
        "version: 1.2.27",
        "dependencies:",
        `  - name: ${name}`,
        `    version: ${JSON.stringify(dependencyVersion)}`,
        "    repository: oci://ghcr.io/carverauto/charts",
        "",
    ].join("\n");
}

type Container = { name?: string; image?: unknown; imagePullPolicy?: string };

const WORKLOAD_API: Record<string, string> = {
    Pod: "core/v1",
    Deployment: "apps/v1",
    StatefulSet: "apps/v1",
    DaemonSet: "apps/v1",
    ReplicaSet: "apps/v1",
    Job: "batch/v1",
    CronJob: "batch/v1",
};

let workloadCount = 0;

/** A workload object with the given containers (and init containers) at the kind's pod spec path. */
export function workload(
    kind: string,
    containers: Container[],
    initContainers: Container[] = [],
    api = WORKLOAD_API[kind],
): PlannedResource {
    const podSpec: Record<string, unknown> = { containers };
    if (initContainers.length > 0) podSpec.initContainers = initContainers;
    let spec: Record<string, unknown>;
    if (kind === "Pod") spec = podSpec;
    else if (kind === "CronJob")
        spec = { schedule: "* * * * *", jobTemplate: { spec: { template: { spec: podSpec } } } };
    else spec = { template: { spec: podSpec } };
    const [group, version] = api.includes("/") ? api.split("/") : ["core", api];
    return planned(`kubernetes:${group}/${version}:${kind}`, `${kind.toLowerCase()}-${++workloadCount}`, {
        apiVersion: group === "core" ? version : `${group}/${version}`,
        kind,
        metadata: { name: kind.toLowerCase() },
        spec,
    });
}

/** A policy config that turns every policy off but one, which is mandatory and gets `config`. */
export function onlyPolicy(policy: string, config: Record<string, unknown> = {}): object {
    return { all: { enforcementLevel: "disabled" }, [policy]: { enforcementLevel: "mandatory", ...config } };
}

/** Runs the pack through the real analyzer dispatch with only `policy` enabled, and returns that policy's violations. */
export async function violationsOf(
    policy: string,
    resources: PlannedResource[],
    config: Record<string, unknown> = {},
): Promise<PolicyViolation[]> {
    const violations = await checkPolicies(resources, onlyPolicy(policy, config), { project: PROJECT, stack: STACK });
    for (const v of violations) {
        if (v.policy !== policy) throw new Error(`unexpected violation of ${v.policy} while only ${policy} is enabled`);
    }
    return violations;
}

/** The violation's own text, without the policy description the analyzer puts first. */
export function detail(violation: PolicyViolation): string {
    const newline = violation.message.indexOf("\n");
    return newline < 0 ? violation.message : violation.message.slice(newline + 1);
}

export function details(violations: PolicyViolation[]): string[] {
    return violations.map(detail);
}
