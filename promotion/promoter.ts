import { stringifyPortableYaml } from "../lib/yaml/portable";
import {
    ApplicationManifest,
    applicationManifest,
    ARGOCD_API_VERSION,
    ENVIRONMENT_LABEL,
    environmentValuesPath,
    githubRepositoryUrl,
    KubernetesMetadata,
    PART_OF_LABEL,
    PART_OF_VALUE,
} from "../environment/argocd";
import type { EnvironmentName, PinnedReleaseConfig, ReleaseConfig } from "../config/config";
import { PROMOTER_APPLICATION_NAME, SCM_SECRET_NAME, environmentBranch, proposedBranch } from "../config/names";
import type { IArgoCDCommitStatus } from "../src/generated/gitops-promoter/promoter.argoproj.io/v1alpha1/ArgoCDCommitStatus";
import type { IGitRepository } from "../src/generated/gitops-promoter/promoter.argoproj.io/v1alpha1/GitRepository";
import type { IPromotionStrategy } from "../src/generated/gitops-promoter/promoter.argoproj.io/v1alpha1/PromotionStrategy";
import type { IScmProvider } from "../src/generated/gitops-promoter/promoter.argoproj.io/v1alpha1/ScmProvider";
import type { ITimedCommitStatus } from "../src/generated/gitops-promoter/promoter.argoproj.io/v1alpha1/TimedCommitStatus";
import type { IWebRequestCommitStatus } from "../src/generated/gitops-promoter/promoter.argoproj.io/v1alpha1/WebRequestCommitStatus";
import { ENVIRONMENT_VALUES_FILE, RELEASE_VALUES_FILE } from "./hydratedFiles";

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
export const PROMOTER_SOURCE_REPO = "https://github.com/argoproj-labs/gitops-promoter.git";

export { PROMOTER_APPLICATION_NAME, SCM_SECRET_NAME, environmentBranch, proposedBranch };

/** The repository the program hydrates (`hydrationRepository`): environment branches, DRY branch, gated commits. */
export function hydrationRepository(config: ReleaseConfig): { owner: string; name: string } {
    const [owner, name] = config.github.hydrationRepository.split("/");
    return { owner, name };
}

/** The repository holding the environment branches, as Argo CD reads it. */
export function repositoryUrl(config: ReleaseConfig): string {
    return githubRepositoryUrl(config.github.hydrationRepository);
}

/**
 * A promoter object as the program declares it, typed by the generated v0.36.0 model (`src/generated/gitops-promoter/`):
 * always named, always with a spec, never a status.
 */
type Declared<T extends { metadata?: unknown; spec?: unknown; status?: unknown }> = Omit<
    T,
    "metadata" | "spec" | "status"
> & { metadata: KubernetesMetadata; spec: NonNullable<T["spec"]> };

export type ScmProvider = Declared<IScmProvider>;
export type GitRepository = Declared<IGitRepository>;
export type PromotionStrategy = Declared<IPromotionStrategy>;
export type ArgoCDCommitStatus = Declared<IArgoCDCommitStatus>;
export type WebRequestCommitStatus = Declared<IWebRequestCommitStatus>;
export type TimedCommitStatus = Declared<ITimedCommitStatus>;

export type PromoterObject =
    ScmProvider | GitRepository | PromotionStrategy | ArgoCDCommitStatus | WebRequestCommitStatus | TimedCommitStatus;

function promoterMetadata(config: ReleaseConfig, name: string): KubernetesMetadata {
    return { name, namespace: config.promotion.promoterNamespace, labels: { [PART_OF_LABEL]: PART_OF_VALUE } };
}

export function scmProvider(config: ReleaseConfig): ScmProvider {
    const app = requireGithubApp(config);
    return {
        apiVersion: PROMOTER_API_VERSION,
        kind: "ScmProvider",
        metadata: promoterMetadata(config, SCM_PROVIDER_NAME),
        spec: {
            secretRef: { name: SCM_SECRET_NAME },
            github: { appID: app.appId, installationID: app.installationId },
        },
    };
}

export function gitRepository(config: ReleaseConfig): GitRepository {
    return {
        apiVersion: PROMOTER_API_VERSION,
        kind: "GitRepository",
        metadata: promoterMetadata(config, GIT_REPOSITORY_NAME),
        spec: {
            github: hydrationRepository(config),
            scmProviderRef: { kind: "ScmProvider", name: SCM_PROVIDER_NAME },
        },
    };
}

/**
 * The keys that gate leaving an environment (`environmentGates`; by default the first: the e2e gate and, when
 * configured, the soak time). They are active statuses of that environment, so the promoter holds the next
 * environment's PR until this one's live commit passed them.
 */
export function gateKeys(config: ReleaseConfig, environment: EnvironmentName): string[] {
    const gates = config.promotion.gates[environment];
    return [...(gates?.e2e ? [GATE_KEYS.e2eTests] : []), ...(gates?.soakDuration ? [GATE_KEYS.soak] : [])];
}

/** The first environment's gate keys (what demo-staging must pass before demo receives a release). */
export function stagingGateKeys(config: ReleaseConfig): string[] {
    return gateKeys(config, config.environments[0]);
}

type PromotionEnvironment = PromotionStrategy["spec"]["environments"][number];

/** An environment's own active statuses (a named return type: a spread literal is not checked for typos). */
function environmentGates(
    config: ReleaseConfig,
    environment: EnvironmentName,
): Pick<PromotionEnvironment, "activeCommitStatuses"> {
    const keys = gateKeys(config, environment);
    return keys.length === 0 ? {} : { activeCommitStatuses: keys.map((key) => ({ key })) };
}

/**
 * The promotion order of the configured environments. Every environment's live commit must be Argo CD-healthy; each
 * one's own gates (by default the first's: the e2e gate and the soak time) pass before the next may receive it. The
 * promoter merges the pull requests of the auto-merge environments itself (by default the first); a person merges the
 * others.
 */
export function promotionStrategy(config: ReleaseConfig): PromotionStrategy {
    return {
        apiVersion: PROMOTER_API_VERSION,
        kind: "PromotionStrategy",
        metadata: promoterMetadata(config, PROMOTION_STRATEGY_NAME),
        spec: {
            gitRepositoryRef: { name: GIT_REPOSITORY_NAME },
            activeCommitStatuses: [{ key: GATE_KEYS.argocdHealth }],
            environments: config.environments.map((env): PromotionEnvironment => ({
                branch: environmentBranch(env),
                autoMerge: config.promotion.autoMerge.includes(env),
                ...environmentGates(config, env),
            })),
        },
    };
}

/**
 * Marks an Application that syncs its environment branch (promoter mode). ArgoCDCommitStatus selects only these:
 * gitops-promoter v0.36.0 reads `spec.source` alone (`internal/types/argocd/argocd_types.go` `GetRepoURL`), and
 * `argocdcommitstatus_controller.go` `groupArgoCDApplicationsWithPhase` fails the whole reconcile on a selected
 * Application with `spec.sources`, which a direct-mode environment's Application has. Environments are separate stacks
 * updated one `pulumi up` at a time, so a switch between modes always passes through a mix in the cluster, whatever
 * a config check could refuse: the direct-mode Application is simply never selected, and the health gate of the
 * promoter-mode environments keeps working.
 */
export const SYNCS_ENVIRONMENT_BRANCH_LABEL = "serviceradar.carverauto.dev/syncs-environment-branch";

/** Argo CD health of exactly the environments' hydrated Applications, chosen by the labels they all carry. */
export function argocdCommitStatus(config: ReleaseConfig): ArgoCDCommitStatus {
    return {
        apiVersion: PROMOTER_API_VERSION,
        kind: "ArgoCDCommitStatus",
        metadata: promoterMetadata(config, "serviceradar-argocd-health"),
        spec: {
            promotionStrategyRef: { name: PROMOTION_STRATEGY_NAME },
            key: GATE_KEYS.argocdHealth,
            applicationSelector: {
                matchLabels: { [PART_OF_LABEL]: PART_OF_VALUE },
                matchExpressions: [
                    { key: ENVIRONMENT_LABEL, operator: "In", values: [...config.environments] },
                    { key: SYNCS_ENVIRONMENT_BRANCH_LABEL, operator: "In", values: ["true"] },
                ],
            },
        },
    };
}

/**
 * The e2e gate as the promoter reads it. CI runs the gate against demo-staging over the app's HTTP API and reports a
 * GitHub commit status (context `e2eStatusContext`) on the hydrated commit it tested; this object asks GitHub, with
 * the ScmProvider's own App (`authentication.scm`; the controller only sends it to api.github.com), for that context on
 * the environment's active hydrated commit. CI never needs cluster access.
 *
 * Read against gitops-promoter v0.36.0:
 * - Templates run over `internal/webrequest/templatedata.go` `TemplateData`; the gated commit is found through
 *   `.PromotionStrategy.Status.Environments` by `.Branch` (`api/v1alpha1/webrequestcommitstatus_types.go`).
 * - GitHub's GraphQL `Status.context(name:)` answers for exactly one context, so no page of REST statuses can hide it.
 * - `success.when.expression` sees `Response == nil` on reconciles that make no request (`successWhenExprData`);
 *   `Phase` is the previous phase, carried forward only while the same commit is reported, so a new commit never
 *   inherits the old one's success. A non-200 answer is pending, a FAILURE or ERROR context is failure.
 */
export function e2eCommitStatus(config: ReleaseConfig): WebRequestCommitStatus {
    const context = config.promotion.e2eStatusContext;
    // The gated commits are the hydrated ones: they live in the hydration repository.
    const { owner, name: repository } = hydrationRepository(config);
    return {
        apiVersion: PROMOTER_API_VERSION,
        kind: "WebRequestCommitStatus",
        metadata: promoterMetadata(config, "serviceradar-e2e-tests"),
        spec: {
            promotionStrategyRef: { name: PROMOTION_STRATEGY_NAME },
            key: GATE_KEYS.e2eTests,
            reportOn: "active",
            descriptionTemplate: `${context} on {{ .Branch }}: {{ .Phase }}`,
            urlTemplate: `https://github.com/${owner}/${repository}/commit/${ACTIVE_HYDRATED_SHA_TEMPLATE}`,
            httpRequest: {
                urlTemplate: "https://api.github.com/graphql",
                methodTemplate: "POST",
                headerTemplates: { "Content-Type": "application/json" },
                bodyTemplate: JSON.stringify({
                    query: COMMIT_CONTEXT_QUERY,
                    variables: { owner, name: repository, context, oid: SHA_PLACEHOLDER },
                }).replace(SHA_PLACEHOLDER, ACTIVE_HYDRATED_SHA_TEMPLATE),
                authentication: { scm: {} },
                timeout: "30s",
            },
            success: { when: { expression: E2E_SUCCESS_EXPRESSION } },
            mode: { polling: { interval: "1m" } },
        },
    };
}

/** The active hydrated commit of the environment being reconciled, as a Go template over the controller's data. */
export const ACTIVE_HYDRATED_SHA_TEMPLATE =
    "{{ range .PromotionStrategy.Status.Environments }}{{ if eq .Branch $.Branch }}{{ .Active.Hydrated.Sha }}{{ end }}{{ end }}";

const SHA_PLACEHOLDER = "__ACTIVE_HYDRATED_SHA__";

/** One commit status context of one commit; spaced so no `{{` ever reaches the Go template engine. */
export const COMMIT_CONTEXT_QUERY =
    "query($owner: String!, $name: String!, $oid: GitObjectID!, $context: String!) { " +
    "repository(owner: $owner, name: $name) { object(oid: $oid) { ... on Commit { " +
    "status { context(name: $context) { state } } } } } }";

/**
 * No variable may be named after an expr-lang builtin (`last`, `first`, `find`, `type`, ...: expr v1.17.8
 * `builtin/builtin.go`); the checker refuses to redeclare one (`checker/checker.go`), and the promoter compiles this on
 * every reconcile (`internal/webrequest/evaluator.go`), so such a name would keep the gate from ever reporting.
 * promotion/e2eGate.test.ts runs it through the real compiler (conformance/gate).
 */
export const E2E_SUCCESS_EXPRESSION = [
    "let env = find(PromotionStrategy.Status.Environments, {.Branch == Branch});",
    "let sha = env?.Active?.Hydrated?.Sha ?? '';",
    "let previous = find(WebRequestCommitStatus.Status.Environments, {.Branch == Branch});",
    "let body = Response != nil && Response.StatusCode == 200 && type(Response.Body) == 'map' ? Response.Body : nil;",
    "let state = body?.data?.repository?.object?.status?.context?.state ?? '';",
    "Response == nil ? {phase: sha != '' && previous?.ReportedSha == sha ? Phase : 'pending'}",
    "  : state == 'SUCCESS' ? {phase: 'success'}",
    "  : state in ['FAILURE', 'ERROR'] ? {phase: 'failure'}",
    "  : {phase: 'pending'}",
].join("\n");

export function soakCommitStatus(config: ReleaseConfig): TimedCommitStatus | undefined {
    const soaking = config.environments.filter((env) => config.promotion.gates[env]?.soakDuration);
    if (soaking.length === 0) return undefined;
    return {
        apiVersion: PROMOTER_API_VERSION,
        kind: "TimedCommitStatus",
        metadata: promoterMetadata(config, "serviceradar-soak-time"),
        spec: {
            promotionStrategyRef: { name: PROMOTION_STRATEGY_NAME },
            key: GATE_KEYS.soak,
            environments: soaking.map((env) => ({
                branch: environmentBranch(env),
                duration: config.promotion.gates[env].soakDuration!,
            })),
        },
    };
}

function requireGithubApp(config: ReleaseConfig) {
    if (!config.promotion.githubApp) {
        throw new Error("the promoter objects are declared only in promoter mode on the pipeline stack");
    }
    return config.promotion.githubApp;
}

/**
 * The kustomization the promoter's release manifest is built from (gitops-promoter v0.36.0 `hack/manifests-release.sh`
 * `build_bundle "config/release" ".../install-without-ui.yaml"`): the controller without the dashboard. The committed
 * `dist/install-without-ui.yaml` at the tag runs `quay.io/argoprojlabs/gitops-promoter:latest` (the script pins the
 * image only for the release assets, `.goreleaser.yaml` `make manifests-release IMAGE_TAG={{ .Tag }}`), and `:latest`
 * is rebuilt on every push to main (`.github/workflows/release-latest.yaml`). So the install renders this
 * kustomization at the tag and sets the image as the release script does (`kustomize edit set image`).
 */
export const PROMOTER_INSTALL_PATH = "config/release";
/** The controller's image as `config/manager/deployment.yaml` and `config/release/kustomization.yaml` name it. */
export const PROMOTER_IMAGE = "quay.io/argoprojlabs/gitops-promoter";

/** The image the promoter runs: the release's own tag (`.goreleaser.yaml` `docker_manifests` `{{ .Tag }}`). */
export function promoterImage(config: ReleaseConfig): string {
    return `${PROMOTER_IMAGE}:v${config.promotion.promoterVersion}`;
}

/** The CustomResourceDefinitions the program's promoter objects need, by kind. */
export const PROMOTER_CRD_PLURALS: Readonly<Record<string, string>> = {
    ScmProvider: "scmproviders",
    GitRepository: "gitrepositories",
    PromotionStrategy: "promotionstrategies",
    ArgoCDCommitStatus: "argocdcommitstatuses",
    WebRequestCommitStatus: "webrequestcommitstatuses",
    TimedCommitStatus: "timedcommitstatuses",
};

export function promoterCrdName(kind: string): string {
    const plural = PROMOTER_CRD_PLURALS[kind];
    if (plural === undefined) throw new Error(`no CRD is known for the promoter kind ${kind}`);
    return `${plural}.${PROMOTER_API_VERSION.split("/")[0]}`;
}

/**
 * What `pulumi up` waits for before it declares any promoter object (pulumi-kubernetes reads a JSON list in
 * `pulumi.com/waitFor` as "all of these", `provider/pkg/metadata/overrides.go`): the install synced and healthy, every
 * CRD the objects need present and synced, so an install that renders nothing can never pass, and the pinned image
 * among the images Argo CD reports the rendered workloads run (`ApplicationSummary.images`, argo-cd v3.5.1
 * `pkg/apis/application/v1alpha1/types.go`), so an install still running `:latest` cannot pass either. The provider
 * parses each path in the strict `{...}` form only and evaluates it as RFC 9535 JSONPath (`provider/pkg/jsonpath/
 * jsonpath.go`, github.com/theory/jsonpath); `test/render/promoterInstall.test.ts` judges them with that engine.
 */
export function promoterInstallWaitConditions(kinds: readonly string[], image: string): string[] {
    return [
        "jsonpath={.status.sync.status}=Synced",
        "jsonpath={.status.health.status}=Healthy",
        ...[...new Set(kinds)].map(
            (kind) =>
                `jsonpath={.status.resources[?(@.kind=="CustomResourceDefinition" && @.name=="${promoterCrdName(kind)}")].status}=Synced`,
        ),
        `jsonpath={.status.summary.images[?(@=="${image}")]}=${image}`,
    ];
}

/**
 * GitOps Promoter installed the GitOps way: an Argo CD Application of the kustomization its release manifest is built
 * from, at the release tag, with the controller image set to that release (`promoterImage`). Argo CD v3.5.1 runs
 * `kustomize edit set image <each spec.source.kustomize.images entry>` before `kustomize build`
 * (`util/kustomize/kustomize.go` `Build`), which is exactly what the promoter's `hack/manifests-release.sh` does.
 * `test/render/promoterInstall.test.ts` renders it with that kustomize (5.8.1) over the tag's `config/`.
 */
export function promoterInstallApplication(config: ReleaseConfig, objectKinds: readonly string[]): ApplicationManifest {
    return {
        apiVersion: ARGOCD_API_VERSION,
        kind: "Application",
        metadata: {
            name: PROMOTER_APPLICATION_NAME,
            namespace: config.argocd.namespace,
            labels: { "app.kubernetes.io/managed-by": "pulumi" },
            annotations: {
                "pulumi.com/waitFor": JSON.stringify(promoterInstallWaitConditions(objectKinds, promoterImage(config))),
                "pulumi.com/timeoutSeconds": "900",
            },
        },
        spec: {
            project: config.argocd.project,
            source: {
                repoURL: PROMOTER_SOURCE_REPO,
                targetRevision: `v${config.promotion.promoterVersion}`,
                path: PROMOTER_INSTALL_PATH,
                kustomize: {
                    images: [`${PROMOTER_IMAGE}=${promoterImage(config)}`],
                    // The tag's `config/default/kustomization.yaml` puts every namespaced object in `promoter-system`,
                    // whatever the destination says; Argo CD runs `kustomize edit set namespace` after the images
                    // (`Build`), which moves the whole install, RBAC subjects and Namespace object included, to the
                    // namespace the program's promoter objects and their secret live in. The controller reads its
                    // ControllerConfiguration from its own namespace (`internal/settings/manager.go`).
                    namespace: config.promotion.promoterNamespace,
                },
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

/**
 * Promoter mode: the environment's Application syncs its environment branch, where the program (the hydrator)
 * committed a small umbrella chart. Argo CD renders it in the cluster, so no rendered manifest, and none of the chart's
 * generated Secrets, ever reaches git. The values this stack owns (pull policy, pull secret) come last.
 */
export function environmentApplication(config: ReleaseConfig): ApplicationManifest {
    const application = applicationManifest(config, {
        source: {
            repoURL: repositoryUrl(config),
            targetRevision: environmentBranch(config.environment),
            path: ".",
            helm: {
                releaseName: config.argocd.releaseName,
                valueFiles: [ENVIRONMENT_VALUES_FILE, RELEASE_VALUES_FILE],
                valuesObject: {
                    global: { imagePullPolicy: config.imagePullPolicy },
                    [config.chart.name]: { image: { registryPullSecret: config.registry.pullSecretName } },
                },
            },
        },
    });
    const { metadata } = application;
    return {
        ...application,
        metadata: { ...metadata, labels: { ...metadata.labels, [SYNCS_ENVIRONMENT_BRANCH_LABEL]: "true" } },
    };
}

export interface DryFile {
    /** Path in the repository (or on the branch). */
    file: string;
    content: string;
}

const GENERATED = "# Written by serviceradar-release (Pulumi); edit the stack config, not this file.\n";

/** What the hydrator writes for one environment, apart from what it reads at `pulumi up` (values, DRY commit). */
export interface EnvironmentHydration {
    environment: EnvironmentName;
    /** `environment/<env>-next`, where the hydrator proposes; the promoter merges it into `environment/<env>`. */
    proposedBranch: string;
    activeBranch: string;
    /** The environment's own values file in the values repository, read at `valuesRevision`. */
    valuesPath: string;
    /** The umbrella chart and the release pins. */
    files: DryFile[];
    message: string;
    /**
     * The declaring stack's environment when the hydration is for a later one: that content reaches this environment
     * only after the declaring environment's gates, and the policy pack judges it at this environment's level.
     */
    promotedFrom?: EnvironmentName;
}

/**
 * The umbrella chart the hydrator writes for one environment: the published chart as its one dependency at the pinned
 * version, and the pinned image tag. The tag is set as a parent global (which Helm pushes down over the subchart's
 * globals) and in the subchart's own globals, so no environment value can override it.
 */
export function environmentHydration(config: PinnedReleaseConfig, environment: EnvironmentName): EnvironmentHydration {
    const { pins } = config;
    const chart = {
        apiVersion: "v2",
        name: `serviceradar-${environment}`,
        description: `ServiceRadar as released to ${environment}`,
        type: "application",
        version: pins.version,
        appVersion: pins.version,
        dependencies: [{ name: config.chart.name, version: pins.chartVersion, repository: config.chart.ociReference }],
    };
    const releaseValues = {
        global: { imageTag: pins.imageTag },
        [config.chart.name]: { global: { imageTag: pins.imageTag } },
    };
    return {
        environment,
        proposedBranch: proposedBranch(environment),
        activeBranch: environmentBranch(environment),
        valuesPath: environmentValuesPath(config, environment),
        files: [
            { file: "Chart.yaml", content: GENERATED + stringifyPortableYaml(chart) },
            { file: RELEASE_VALUES_FILE, content: GENERATED + stringifyPortableYaml(releaseValues) },
            { file: "README.md", content: environmentBranchReadme(environment) },
        ],
        message: `hydrate ${environment}: ServiceRadar ${pins.version} (chart ${pins.chartVersion}, images ${pins.imageTag})`,
        promotedFrom: environment === config.environment ? undefined : config.environment,
    };
}

function environmentBranchReadme(environment: EnvironmentName): string {
    return (
        `# ${environmentBranch(environment)}\n\n` +
        `What Argo CD deploys to ${environment}. serviceradar-release (Pulumi) writes ${proposedBranch(environment)}; ` +
        "GitOps Promoter merges it here behind the gates. Do not edit either branch by hand.\n"
    );
}

/** The branch of the hydration repository holding the DRY commits (outside `environment/**`: no environment syncs it). */
export const DRY_BRANCH = "hydrator/dry";

/** What the release's DRY commit records, apart from what is read at `pulumi up` (the values commit and blobs). */
export interface ReleaseDryPlan {
    branch: string;
    /** The release and its pins; any change is a new DRY commit, even under the same tag. */
    release: {
        version: string;
        imageTag: string;
        chart: { repository: string; name: string; version: string };
    };
    /** Each environment's hydrated files (the umbrella chart, the pins), so a change of the program's output counts. */
    environments: Record<EnvironmentName, Record<string, string>>;
    values: { repository: string; revision: string; paths: Record<EnvironmentName, string> };
    message: string;
}

export function releaseDryPlan(
    config: PinnedReleaseConfig,
    hydrations: readonly EnvironmentHydration[],
): ReleaseDryPlan {
    const { pins } = config;
    return {
        branch: DRY_BRANCH,
        release: {
            version: pins.version,
            imageTag: pins.imageTag,
            chart: { repository: config.chart.repository, name: config.chart.name, version: pins.chartVersion },
        },
        environments: Object.fromEntries(
            hydrations.map((h) => [h.environment, Object.fromEntries(h.files.map((f) => [f.file, f.content]))]),
        ),
        values: {
            repository: config.values.repository,
            revision: pins.valuesRevision,
            paths: Object.fromEntries(hydrations.map((h) => [h.environment, h.valuesPath])),
        },
        message:
            `release ${pins.version} (chart ${config.chart.ociReference}/${config.chart.name}:${pins.chartVersion}, ` +
            `images ${pins.imageTag}, values ${config.values.repository}@${pins.valuesRevision})`,
    };
}
