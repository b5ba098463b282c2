import * as YAML from "yaml";
import {
    ApplicationManifest,
    applicationManifest,
    ARGOCD_API_VERSION,
    KubernetesMetadata,
    PART_OF_LABEL,
    PART_OF_VALUE,
    ENVIRONMENT_LABEL,
} from "./argocd";
import type { EnvironmentName, ReleaseConfig } from "./config";

export const PROMOTER_API_VERSION = "promoter.argoproj.io/v1alpha1";

/** Gate keys as the PromotionStrategy names them; each has exactly one producer declared by the pipeline. */
export const GATE_KEYS = {
    argocdHealth: "argocd-health",
    e2eTests: "e2e-tests",
    soak: "soak-time",
} as const;

/** The only key of the ScmProvider Secret the promoter's GitHub client reads. */
export const GITHUB_APP_PRIVATE_KEY = "githubAppPrivateKey";

export const PROMOTION_STRATEGY_NAME = "serviceradar-release";
export const GIT_REPOSITORY_NAME = "serviceradar";
export const SCM_PROVIDER_NAME = "serviceradar-github-app";
export const SCM_SECRET_NAME = "serviceradar-github-app";
export const PROMOTER_APPLICATION_NAME = "gitops-promoter";
export const PROMOTER_SOURCE_REPO = "https://github.com/argoproj-labs/gitops-promoter.git";

/** The live branch an environment syncs from; the promoter merges `<branch>-next` into it. */
export function environmentBranch(environment: EnvironmentName): string {
    return `environment/${environment}`;
}

export function proposedBranch(environment: EnvironmentName): string {
    return `${environmentBranch(environment)}-next`;
}

/** Every branch the hydrator and promoter need, live and proposed, for every environment. */
export function hydratedBranches(config: ReleaseConfig): string[] {
    return config.environments.flatMap((env) => [environmentBranch(env), proposedBranch(env)]);
}

export function repositoryUrl(config: ReleaseConfig): string {
    return `https://github.com/${config.github.owner}/${config.github.repository}.git`;
}

export interface PromoterObject {
    apiVersion: typeof PROMOTER_API_VERSION;
    kind: string;
    metadata: KubernetesMetadata;
    spec: Record<string, unknown>;
}

function promoterObject(
    config: ReleaseConfig,
    kind: string,
    name: string,
    spec: Record<string, unknown>,
): PromoterObject {
    return {
        apiVersion: PROMOTER_API_VERSION,
        kind,
        metadata: { name, namespace: config.promotion.promoterNamespace, labels: { [PART_OF_LABEL]: PART_OF_VALUE } },
        spec,
    };
}

export function scmProvider(config: ReleaseConfig): PromoterObject {
    const app = requireGithubApp(config);
    return promoterObject(config, "ScmProvider", SCM_PROVIDER_NAME, {
        secretRef: { name: SCM_SECRET_NAME },
        github: { appID: app.appId, installationID: app.installationId },
    });
}

export function gitRepository(config: ReleaseConfig): PromoterObject {
    return promoterObject(config, "GitRepository", GIT_REPOSITORY_NAME, {
        github: { owner: config.github.owner, name: config.github.repository },
        scmProviderRef: { kind: "ScmProvider", name: SCM_PROVIDER_NAME },
    });
}

/**
 * The keys that gate leaving demo-staging: its Argo CD health, the e2e gate and, when configured, the soak time. They
 * are active statuses of demo-staging, so the promoter holds demo's PR until demo-staging's live commit passed them.
 */
export function stagingGateKeys(config: ReleaseConfig): string[] {
    return [GATE_KEYS.e2eTests, ...(config.promotion.soakDuration ? [GATE_KEYS.soak] : [])];
}

export function promotionStrategy(config: ReleaseConfig): PromoterObject {
    const [first, ...rest] = config.environments;
    return promoterObject(config, "PromotionStrategy", PROMOTION_STRATEGY_NAME, {
        gitRepositoryRef: { name: GIT_REPOSITORY_NAME },
        activeCommitStatuses: [{ key: GATE_KEYS.argocdHealth }],
        environments: [
            {
                branch: environmentBranch(first),
                autoMerge: true,
                activeCommitStatuses: stagingGateKeys(config).map((key) => ({ key })),
            },
            // Later environments are the public demo: a human merges the promoter's pull request.
            ...rest.map((env) => ({ branch: environmentBranch(env), autoMerge: false })),
        ],
    });
}

/** Argo CD health of exactly the environments' hydrated Applications, chosen by the labels they all carry. */
export function argocdCommitStatus(config: ReleaseConfig): PromoterObject {
    return promoterObject(config, "ArgoCDCommitStatus", "serviceradar-argocd-health", {
        promotionStrategyRef: { name: PROMOTION_STRATEGY_NAME },
        key: GATE_KEYS.argocdHealth,
        applicationSelector: {
            matchLabels: { [PART_OF_LABEL]: PART_OF_VALUE },
            matchExpressions: [{ key: ENVIRONMENT_LABEL, operator: "In", values: [...config.environments] }],
        },
    });
}

/**
 * The e2e gate as the promoter reads it. CI runs the gate against demo-staging over the app's HTTP API and reports
 * a GitHub commit status (context `e2eStatusContext`) on the hydrated commit it tested; this object asks GitHub, with
 * the ScmProvider's own GitHub App, for that status on demo-staging's live commit. CI never needs cluster access.
 */
export function e2eCommitStatus(config: ReleaseConfig): PromoterObject {
    const context = config.promotion.e2eStatusContext;
    return promoterObject(config, "WebRequestCommitStatus", "serviceradar-e2e-tests", {
        promotionStrategyRef: { name: PROMOTION_STRATEGY_NAME },
        key: GATE_KEYS.e2eTests,
        reportOn: "active",
        descriptionTemplate: `${context} on {{ .ReportedSha }}: {{ .Phase }}`,
        urlTemplate: `https://github.com/${config.github.owner}/${config.github.repository}/commit/{{ .ReportedSha }}`,
        httpRequest: {
            urlTemplate: `https://api.github.com/repos/${config.github.owner}/${config.github.repository}/commits/{{ .ReportedSha }}/status`,
            methodTemplate: "GET",
            headerTemplates: { Accept: "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28" },
            authentication: { scm: {} },
            timeout: "30s",
        },
        success: {
            when: {
                expression: `Response.StatusCode == 200 && any(Response.Body.statuses, {.context == '${context}' && .state == 'success'})`,
            },
        },
        mode: { polling: { interval: "1m" } },
    });
}

export function soakCommitStatus(config: ReleaseConfig): PromoterObject | undefined {
    const duration = config.promotion.soakDuration;
    if (!duration) return undefined;
    return promoterObject(config, "TimedCommitStatus", "serviceradar-soak-time", {
        promotionStrategyRef: { name: PROMOTION_STRATEGY_NAME },
        key: GATE_KEYS.soak,
        environments: [{ branch: environmentBranch(config.environments[0]), duration }],
    });
}

function requireGithubApp(config: ReleaseConfig) {
    if (!config.promotion.githubApp) {
        throw new Error("the promoter objects are declared only in promoter mode on the pipeline stack");
    }
    return config.promotion.githubApp;
}

/**
 * GitOps Promoter installed the GitOps way: an Argo CD Application of the project's own release manifest
 * (`dist/install.yaml`) at the release tag. The promoter publishes no Helm chart, and a tag keeps the install pinned.
 */
export function promoterInstallApplication(config: ReleaseConfig): ApplicationManifest {
    return {
        apiVersion: ARGOCD_API_VERSION,
        kind: "Application",
        metadata: {
            name: PROMOTER_APPLICATION_NAME,
            namespace: config.argocd.namespace,
            labels: { "app.kubernetes.io/managed-by": "pulumi" },
            // The promoter objects need its CRDs: Pulumi waits until Argo CD reports the install healthy.
            annotations: {
                "pulumi.com/waitFor": "jsonpath={.status.health.status}=Healthy",
                "pulumi.com/timeoutSeconds": "900",
            },
        },
        spec: {
            project: config.argocd.project,
            source: {
                repoURL: PROMOTER_SOURCE_REPO,
                targetRevision: `v${config.promotion.promoterVersion}`,
                path: "dist",
                directory: { include: "install.yaml" },
            },
            destination: { server: config.argocd.destinationServer, namespace: config.promotion.promoterNamespace },
            syncPolicy: {
                automated: { prune: true, selfHeal: true, allowEmpty: false },
                syncOptions: ["CreateNamespace=true", "ServerSideApply=true"],
                retry: { limit: 5, backoff: { duration: "5s", factor: 2, maxDuration: "3m" } },
            },
        },
    };
}

/** Each environment's Application renders the DRY umbrella chart through Argo CD's Source Hydrator. */
export function hydratedApplication(config: ReleaseConfig): ApplicationManifest {
    return applicationManifest(config, config.argocd.applicationName, {
        sourceHydrator: {
            drySource: {
                repoURL: repositoryUrl(config),
                targetRevision: config.promotion.dryBranch,
                path: config.promotion.dryPath,
                helm: {
                    releaseName: config.argocd.releaseName,
                    valueFiles: ["values.yaml", environmentValuesFileName(config.environment)],
                },
            },
            syncSource: { targetBranch: environmentBranch(config.environment), path: config.environment },
            hydrateTo: { targetBranch: proposedBranch(config.environment) },
        },
    });
}

export function environmentValuesFileName(environment: EnvironmentName): string {
    return `values-${environment}.yaml`;
}

export interface DryFile {
    /** Path in the repository. */
    file: string;
    content: string;
}

const GENERATED = "# Written by serviceradar-release (Pulumi); edit the stack config, not this file.\n";

/**
 * The release pins of the DRY umbrella chart: its dependency on the published chart and the image tag. The
 * hydrator cannot read a chart from an OCI registry, so this small chart in git depends on it instead.
 */
export function dryReleaseFiles(config: ReleaseConfig): DryFile[] {
    const chart = {
        apiVersion: "v2",
        name: "serviceradar-release",
        description: "ServiceRadar as released to the demo environments",
        type: "application",
        version: config.version,
        appVersion: config.version,
        dependencies: [
            { name: config.chart.name, version: config.chart.version, repository: config.chart.ociReference },
        ],
    };
    const values = {
        global: { imageTag: config.imageTag },
    };
    return [
        { file: `${config.promotion.dryPath}/Chart.yaml`, content: GENERATED + YAML.stringify(chart) },
        { file: `${config.promotion.dryPath}/values.yaml`, content: GENERATED + YAML.stringify(values) },
    ];
}

/** An environment's own values in the DRY source: its pull policy and pull secret, owned by that environment's stack. */
export function dryEnvironmentValuesFile(config: ReleaseConfig): DryFile {
    const values = {
        global: { imagePullPolicy: config.imagePullPolicy },
        [config.chart.name]: { image: { registryPullSecret: config.registry.pullSecretName } },
    };
    return {
        file: `${config.promotion.dryPath}/${environmentValuesFileName(config.environment)}`,
        content: GENERATED + YAML.stringify(values),
    };
}
