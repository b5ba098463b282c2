// Only these two modules of @pulumi/pulumi at run time, not its index: the commands that read a stack's configuration
// (status, promote, rollback, ...) then start without loading the engine's gRPC runtime (0.2 s instead of 0.7 s of
// CPU per process, measured with /usr/bin/time). The program's own source is config/programConfig.ts.
import type * as pulumi from "@pulumi/pulumi";
import { RunError } from "@pulumi/pulumi/errors";
import { Output } from "@pulumi/pulumi/output";
import * as fs from "fs";
import * as path from "path";
import * as semver from "semver";
import * as YAML from "yaml";
import { derivedChartVersion, releaseTag } from "./releasePins";
import {
    PROMOTER_APPLICATION_NAME,
    SCM_SECRET_NAME,
    chartRepositoryCredentialName,
    environmentBranch,
    proposedBranch,
} from "./names";

/** An environment: a stack of the same name, a namespace, a GitHub environment and a pair of environment branches. */
export type EnvironmentName = string;

export const PROMOTION_MODES = ["promoter", "direct"] as const;
export type PromotionMode = (typeof PROMOTION_MODES)[number];

export const IMAGE_PULL_POLICIES = ["Always", "IfNotPresent", "Never"] as const;

/** Who lets a discovered release reach the stack: discovery itself, or a person merging its pull request. */
export const DISCOVERY_APPROVALS = ["auto", "pull-request"] as const;
export type DiscoveryApproval = (typeof DISCOVERY_APPROVALS)[number];
export type ImagePullPolicy = (typeof IMAGE_PULL_POLICIES)[number];

/** Keys whose values are secrets: read with requireSecret, and planned as placeholders when absent. */
export const SECRET_KEYS = [
    "registryToken",
    "adminPassword",
    "promoterGithubAppPrivateKey",
    "hydratorGithubAppPrivateKey",
    "deploymentKubeconfig",
] as const;
export type SecretKey = (typeof SECRET_KEYS)[number];

/**
 * A bad configuration value. It is a RunError so that the Pulumi CLI prints the one-line message without a stack
 * trace, and it always names the key, the rejected value and what is allowed.
 */
export class ConfigError extends RunError {
    constructor(
        readonly key: string,
        message: string,
    ) {
        super(message);
        this.name = "ConfigError";
    }
}

/** Where raw configuration comes from: pulumi.Config in a program, a plain map in unit tests. */
export interface ConfigSource {
    readonly project: string;
    readonly stack: string;
    get(key: string): string | undefined;
    /** The key's value as a secret Output; called only once the key is known to be set. */
    requireSecret(key: string): pulumi.Output<string>;
    /**
     * The offline plan's stand-in for a secret that is not set: a placeholder, so that the rest of the stack can be
     * planned. Absent (or undefined for the key) wherever a missing secret is refused, as under `pulumi up`.
     */
    absentSecret?(key: string): pulumi.Output<string> | undefined;
    /**
     * Every key of the project's namespace that is set for the stack (Pulumi.yaml defaults, the stack file, overrides),
     * without the `project:` prefix, so that a key the program does not know is refused instead of ignored.
     */
    keys(): readonly string[];
}

export interface ChartSettings {
    /** OCI path without scheme, the form Argo CD's repoURL wants. */
    readonly repository: string;
    readonly name: string;
    readonly private: boolean;
    /** oci://<repository>/<name>, the form Helm dependencies want. */
    readonly ociReference: string;
}

export interface RegistrySettings {
    /** The registry the pull secret authenticates to (its `.dockerconfigjson` `auths` key). */
    readonly server: string;
    /**
     * Host of the registry the chart's images come from. The ServiceRadar chart writes its image names into its
     * templates (`registry.carverauto.dev/serviceradar/...` since v1.2.11), so this records where they are, to check
     * the pull secret against; it does not move them.
     */
    readonly imageRegistry: string;
    readonly username: string;
    readonly token: pulumi.Output<string>;
    readonly pullSecretName: string;
}

export interface GithubSettings {
    /** The ServiceRadar repository (owner and name). */
    readonly owner: string;
    readonly repository: string;
    /**
     * owner/name of the repository the program owns and hydrates: the environment branches, the DRY branch, the
     * promoter's GitRepository, the gates' commits and the Applications' repoURL live here, never in ServiceRadar's
     * own repository (a push mirror of Forgejo, which prunes branches it lacks, and a ~150 MiB clone the promoter's
     * 128Mi manager would make: gitops-promoter v0.36.0 `internal/git/git.go` `CloneRepo`).
     */
    readonly hydrationRepository: string;
    /** Repository whose GitHub environments hold the e2e secrets: the one whose workflows run the gate. */
    readonly environmentsRepository: string;
    readonly deploymentTagPattern: string;
    /** Branches allowed to deploy besides the tags, e.g. the branch the release workflow runs on. */
    readonly deploymentBranchPattern?: string;
    readonly reviewerTeamIds: readonly number[];
    readonly reviewerUserIds: readonly number[];
}

export interface ArgoCdSettings {
    readonly namespace: string;
    readonly project: string;
    readonly applicationName: string;
    readonly releaseName: string;
    readonly destinationServer: string;
}

/**
 * Where each environment's own Helm values live: a file per environment in a git repository, read at the release's
 * revision, so they move only with a release (staging) or a promotion (later environments). The chart's package
 * leaves them out (its .helmignore), so they cannot come from the OCI chart.
 */
export interface EnvironmentValuesSettings {
    /** owner/name of the repository holding the values files. */
    readonly repository: string;
    /** Path of an environment's file; `{environment}` stands for the environment's name. */
    readonly pathPattern: string;
}

/**
 * What a release pins: the ServiceRadar version and what it implies unless the stack overrides it. Only a stack that
 * decides what runs has them: every stack in direct mode, and in promoter mode the pipeline stack (for every
 * environment); elsewhere the promoter carries the pipeline stack's pins, and these keys are refused.
 */
export interface ReleasePinSettings {
    /** The ServiceRadar release, semver without v (`version`). */
    readonly version: string;
    /** `global.imageTag` of the chart (`imageTag`, default v<version>). */
    readonly imageTag: string;
    /** The chart version or range (`chartVersion`, default <version>). */
    readonly chartVersion: string;
    /** The git revision (a release tag by default) the values files are read at (`valuesRevision`). */
    readonly valuesRevision: string;
}

/** A GitHub App's installation and the key it authenticates with. */
export interface GithubAppCredentials {
    readonly appId: number;
    readonly installationId: number;
    readonly privateKey: pulumi.Output<string>;
}

/** The promoter's GitHub App (its ScmProvider), and which App the rulesets admit as the hydrator. */
export interface GithubAppSettings extends GithubAppCredentials {
    /**
     * The hydrator's GitHub App, the identity `pulumi up` writes the hydrated branches as: the only one besides the
     * promoter the rulesets allow to write them. Defaults to the promoter's App.
     */
    readonly hydratorAppId: number;
}

/** What an environment's live release must pass before the next environment may receive it. */
export interface EnvironmentGates {
    /** CI's e2e gate reports success (context e2eStatusContext) on the environment's live hydrated commit. */
    readonly e2e: boolean;
    /** How long the release must stay there first (a Go duration); undefined: no soak. */
    readonly soakDuration?: string;
}

export interface PromotionSettings {
    readonly mode: PromotionMode;
    /** The stack that declares the pipeline-wide objects. */
    readonly pipelineStack: EnvironmentName;
    readonly promoterVersion: string;
    readonly promoterNamespace: string;
    readonly e2eStatusContext: string;
    /** How long a release must stay healthy in the first environment before it may go on; undefined: no soak. */
    readonly soakDuration?: string;
    /** Every environment's own gates, in promotion order (key `environmentGates`; default: e2e and soak on the first). */
    readonly gates: Readonly<Record<EnvironmentName, EnvironmentGates>>;
    /** The environments whose promotion pull request the promoter merges itself; a person merges the others. */
    readonly autoMerge: readonly EnvironmentName[];
    /** Present only where the promoter objects are declared (promoter mode, pipeline stack). */
    readonly githubApp?: GithubAppSettings;
}

/** Pulumi Deployments of this stack: `pulumi up` on pushes that touch the stack's config, previews on PRs. */
export interface DeploymentSettings {
    readonly organization: string;
    /** owner/name of the repository holding this program. */
    readonly repository: string;
    readonly branch: string;
    /** A secret: the kubeconfig the deployment runs with, written to a file before `pulumi up`. */
    readonly kubeconfig: pulumi.Output<string>;
    /**
     * The hydrator's GitHub App, which each deployment run authenticates as with a token it mints itself (the GitHub
     * provider and the git writers alike: promotion/gitHubAuth.ts), so nothing stored expires.
     */
    readonly githubApp: GithubAppCredentials;
    /** Cron expression of Pulumi Cloud's drift detection runs (`deploymentsDriftSchedule`); undefined: none. */
    readonly driftSchedule?: string;
    /** Whether a drift run also remediates (`deploymentsDriftRemediate`, default false: report only). */
    readonly driftRemediate: boolean;
}

/** How `npm run discover` finds a published release and starts it on this stack (docs/release.md, "Discovery"). */
export interface DiscoverySettings {
    /** Whether a pre-release (1.3.0-rc.1) may be staged; never beyond staging (the policy pack refuses it on demo). */
    readonly prereleases: boolean;
    readonly approval: DiscoveryApproval;
    /**
     * Every image the chart runs at the release tag, as registry/path without a tag (the chart's templates hard-code
     * the names; the tag is the release's imageTag). A release is staged only when each exists in its registry.
     */
    readonly images: readonly string[];
}

/** The whole validated configuration of one stack; everything downstream takes this object. */
export interface ReleaseConfig {
    readonly project: string;
    readonly environment: EnvironmentName;
    /** Every environment in promotion order, so pipeline-wide objects can name all of them. */
    readonly environments: readonly EnvironmentName[];
    /** Absent where the promoter, not this stack, decides what runs (promoter mode, not the pipeline stack). */
    readonly pins?: ReleasePinSettings;
    readonly imagePullPolicy: ImagePullPolicy;
    readonly namespace: string;
    readonly protect: boolean;
    readonly coreUrl: string;
    readonly adminPassword: pulumi.Output<string>;
    readonly chart: ChartSettings;
    readonly registry: RegistrySettings;
    readonly github: GithubSettings;
    readonly argocd: ArgoCdSettings;
    readonly values: EnvironmentValuesSettings;
    readonly promotion: PromotionSettings;
    readonly discovery: DiscoverySettings;
    /** True on the stack that owns pipeline-wide objects. */
    readonly ownsPipeline: boolean;
    /** Present when Pulumi Deployments is enabled for the stack. */
    readonly deployments?: DeploymentSettings;
}

/** The configuration of a stack that decides what runs (every stack in direct mode, the pipeline stack in promoter mode). */
export type PinnedReleaseConfig = ReleaseConfig & { readonly pins: ReleasePinSettings };

/**
 * The configuration, for a caller that needs the release pins (`purpose`: what for), or a one-line error naming the
 * stack and the stack that decides what it runs instead.
 */
export function withReleasePins(config: ReleaseConfig, purpose: string): PinnedReleaseConfig {
    if (config.pins === undefined) {
        throw new Error(
            `${purpose} needs the release pins, which ${config.environment} does not have: in promoter mode ` +
                `${config.promotion.pipelineStack} decides what ${config.environment} runs`,
        );
    }
    return config as PinnedReleaseConfig;
}

// Lengths are Kubernetes' and GitHub's own limits: a longer name would pass here and fail at `pulumi up`.
const DNS_LABEL = /^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** Helm refuses release names over 53 characters. */
const HELM_RELEASE = /^(?=.{1,53}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const HOST_WITH_PORT = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?(:[0-9]{1,5})?$/;
const OCI_PATH = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?(:[0-9]{1,5})?(\/[a-z0-9]+([._-][a-z0-9]+)*)+$/;
const IMAGE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
/** GitHub: at most 39 characters, no leading, trailing or doubled hyphen. */
const GITHUB_OWNER = /^(?=.{1,39}$)[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9]))*$/;
/** GitHub: at most 100 characters, and never `.` or `..`, which are paths, not names. */
const GITHUB_REPOSITORY = /^(?!\.{1,2}$)(?=.{1,100}$)[A-Za-z0-9_.-]+$/;
/** Printable ASCII without space or colon: the user name goes into `user:token` basic authentication. */
const REGISTRY_USER = /^[\x21-\x39\x3b-\x7e]{1,255}$/;
/** Printable ASCII without space, as GitHub's ref patterns and status contexts take them. */
const PRINTABLE_TOKEN = /^[\x21-\x7e]{1,255}$/;
const GIT_BRANCH = /^(?!\/)(?!.*\/\/)(?!.*\.\.)(?!.*\.lock$)(?!.*\/$)[A-Za-z0-9._/-]+$/;
const OWNER_AND_REPOSITORY =
    /^(?=[^/]{1,39}\/)[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9]))*\/(?!\.{1,2}$)(?=[^/]{1,100}$)[A-Za-z0-9_.-]+$/;
/** Relative, no `..` segment, a .yaml file; `{environment}` may appear in any segment. */
const VALUES_PATH = /^(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9._{}-]+(\/[A-Za-z0-9._{}-]+)*\.ya?ml$/;
/**
 * A tag, branch or commit id as git check-ref-format allows them (no `..`, no leading or trailing slash); `@` and the
 * other characters git gives a meaning to are outside the class.
 */
const GIT_REF = /^(?!\/)(?!.*\/\/)(?!.*\.\.)(?!.*\.lock$)(?!.*\/$)[A-Za-z0-9._\/+-]+$/;
const GO_DURATION = /^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$/;

/** Optimal string alignment distance: edits, with a swap of two neighbours as one (`versoin` is 1 from `version`). */
function editDistance(a: string, b: string): number {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.length][b.length];
}

/** The known key closest to a misspelt one (case ignored), if any is close enough to be what was meant. */
function nearestKey(key: string, known: readonly string[]): string | undefined {
    const ranked = known
        .map((candidate) => ({ candidate, distance: editDistance(key.toLowerCase(), candidate.toLowerCase()) }))
        .sort((x, y) => x.distance - y.distance);
    const best = ranked[0];
    return best !== undefined && best.distance <= Math.max(2, Math.floor(key.length / 3)) ? best.candidate : undefined;
}

let declaredKeysCache: readonly string[] | undefined;

/**
 * The keys Pulumi.yaml declares: with the keys the loader reads (or refuses where a mode ignores them), every key the
 * program knows, so a key added there or read here is known without a list to keep in step.
 */
function declaredProjectKeys(): readonly string[] {
    if (declaredKeysCache === undefined) {
        const document = YAML.parseDocument(fs.readFileSync(path.resolve(__dirname, "..", "Pulumi.yaml"), "utf8"));
        const config = document.toJS()?.config as Record<string, unknown> | undefined;
        declaredKeysCache = Object.keys(config ?? {});
    }
    return declaredKeysCache;
}

/** The keys of one project's namespace among fully qualified `<namespace>:<key>` keys, without the prefix. */
export function keysOfProject(project: string, qualifiedKeys: Iterable<string>): string[] {
    return [...qualifiedKeys]
        .filter((key) => key.startsWith(`${project}:`))
        .map((key) => key.slice(project.length + 1));
}

/** The JSON value of a config string, or undefined when it is not JSON (the caller names the key and what is allowed). */
function parseJson(value: string): unknown {
    try {
        return JSON.parse(value);
    } catch {
        return undefined;
    }
}

/** Reads one key through a source and turns a failed check into a ConfigError naming key, value and rule. */
class KeyReader {
    /** Every key this parse read, or checked unset where the mode ignores it: with Pulumi.yaml's, the keys it knows. */
    private readonly known = new Set<string>();

    constructor(private readonly source: ConfigSource) {}

    private value(key: string): string | undefined {
        this.known.add(key);
        return this.source.get(key);
    }

    /**
     * Keys the stack's mode does not read: each one set is refused, `expected(key)` saying why and what to do, so that
     * a setting is never silently lost (a secret's value is never shown); unset, they are known (another mode reads
     * them) and none is required. Empty counts as unset, as for every optional key.
     */
    refuseSet(keys: readonly string[], expected: (key: string) => string): undefined {
        for (const key of keys) {
            const value = this.optional(key);
            if (value !== undefined)
                this.fail(key, value, expected(key), (SECRET_KEYS as readonly string[]).includes(key));
        }
        return undefined;
    }

    /**
     * Refuses the first key set for the stack that no part of the program knows, naming the nearest known key: a
     * misspelt key would otherwise be ignored and its setting silently lost.
     */
    refuseUnknownKeys(declared: readonly string[]): void {
        const known = [...new Set([...declared, ...this.known])].sort();
        for (const key of this.source.keys()) {
            if (known.includes(key)) continue;
            const nearest = nearestKey(key, known);
            throw new ConfigError(
                key,
                `Unknown configuration ${this.fullKey(key)}; expected a key of ${this.source.project}` +
                    (nearest === undefined ? "" : `: did you mean ${nearest}?`) +
                    ` (unset it with \`pulumi config rm ${key}\`; the keys are listed in docs/configuration.md)`,
            );
        }
    }

    fullKey(key: string): string {
        return `${this.source.project}:${key}`;
    }

    fail(key: string, value: string | undefined, allowed: string, isSecret = false): never {
        const shown = isSecret ? "(secret value hidden)" : value === undefined ? "(not set)" : JSON.stringify(value);
        throw new ConfigError(key, `Invalid configuration ${this.fullKey(key)}: ${shown}; expected ${allowed}.`);
    }

    optional(key: string): string | undefined {
        const value = this.value(key);
        return value === undefined || value === "" ? undefined : value;
    }

    required(key: string, allowed: string): string {
        const value = this.optional(key);
        if (value === undefined) {
            this.fail(key, undefined, `${allowed} (set it with \`pulumi config set ${key} <value>\`)`);
        }
        return value;
    }

    matching(key: string, value: string | undefined, pattern: RegExp, allowed: string): string {
        if (value === undefined || !pattern.test(value)) this.fail(key, value, allowed);
        return value;
    }

    /** Reads a key (or its derived default) and checks it against a pattern. */
    matchingKey(key: string, pattern: RegExp, allowed: string, derivedDefault?: string): string {
        return this.matching(key, this.optional(key) ?? derivedDefault, pattern, allowed);
    }

    oneOf<T extends string>(key: string, value: string, allowed: readonly T[]): T {
        if (!(allowed as readonly string[]).includes(value)) this.fail(key, value, `one of ${allowed.join(", ")}`);
        return value as T;
    }

    boolean(key: string): boolean {
        const value = this.required(key, "true or false");
        if (value !== "true" && value !== "false") this.fail(key, value, "true or false");
        return value === "true";
    }

    positiveInteger(key: string, value: string): number {
        if (!/^[1-9][0-9]*$/.test(value) || !Number.isSafeInteger(Number(value))) {
            this.fail(key, value, `a positive integer up to ${Number.MAX_SAFE_INTEGER}`);
        }
        return Number(value);
    }

    /** A JSON list of distinct names, each matching `pattern`. */
    nameList(key: string, pattern: RegExp, allowed: string): string[] {
        const value = this.required(key, allowed);
        const parsed = parseJson(value);
        if (
            !Array.isArray(parsed) ||
            !parsed.every((name) => typeof name === "string" && pattern.test(name)) ||
            new Set(parsed).size !== parsed.length
        ) {
            this.fail(key, value, allowed);
        }
        return parsed as string[];
    }

    integerList(key: string): number[] {
        const value = this.optional(key);
        if (value === undefined) return [];
        const parsed = parseJson(value);
        if (!Array.isArray(parsed) || !parsed.every((n) => Number.isInteger(n) && n > 0)) {
            this.fail(key, value, "a list of positive integer ids, e.g. [1234, 5678]");
        }
        return parsed as number[];
    }

    /** A secret: checked for presence without its value ever entering a message. */
    secret(key: string): pulumi.Output<string> {
        const value = this.value(key);
        const planned = value === undefined ? this.source.absentSecret?.(key) : undefined;
        if (planned !== undefined) return planned;
        if (value === undefined || value.trim() === "") {
            this.fail(
                key,
                value === undefined ? undefined : "",
                `a non-empty secret (set it with \`pulumi config set --secret ${key} <value>\`)`,
                value !== undefined,
            );
        }
        return this.source.requireSecret(key);
    }
}

/** semver without a leading v: 1.0.71, 1.2.0-rc.1. */
function isReleaseVersion(value: string): boolean {
    return semver.valid(value) === value;
}

function parseUrl(reader: KeyReader, key: string, value: string): string {
    let url: URL | undefined;
    try {
        url = new URL(value);
    } catch {
        url = undefined;
    }
    if (url === undefined || (url.protocol !== "https:" && url.protocol !== "http:") || url.hostname === "") {
        reader.fail(key, value, "an absolute http(s) URL, e.g. https://staging.serviceradar.cloud");
    }
    if (url.username !== "" || url.password !== "") {
        // The URL becomes a stack output and a GitHub secret CI prints around: credentials in it would leak.
        const shown = `${url.protocol}//[credentials hidden]@${url.host}${url.pathname}`;
        reader.fail(key, shown, "a URL without user name or password (the gate logs in with adminPassword)");
    }
    return value.replace(/\/+$/, "");
}

/**
 * Parses and validates every key into one immutable ReleaseConfig, or throws the first ConfigError. It runs before
 * any resource is declared, so a bad value never reaches the engine.
 */
export function parseReleaseConfig(source: ConfigSource): ReleaseConfig {
    const reader = new KeyReader(source);
    const environments = reader.nameList(
        "environments",
        DNS_LABEL,
        'a JSON list of environment names in promotion order, e.g. ["demo-staging", "demo"] (lower-case DNS labels, no repeats)',
    );
    if (environments.length === 0) reader.fail("environments", "[]", "at least one environment");
    if (!environments.includes(source.stack)) {
        throw new ConfigError(
            "stack",
            `Unknown environment: stack ${JSON.stringify(source.stack)}; expected a stack named after an environment of ` +
                `${source.project}:environments: ${environments.join(", ")}.`,
        );
    }
    const environment: EnvironmentName = source.stack;

    refuseRetiredDeploymentToken(reader);
    const mode = reader.oneOf("promotionMode", reader.required("promotionMode", "promoter or direct"), PROMOTION_MODES);
    const pipelineStack = reader.oneOf("pipelineStack", reader.required("pipelineStack", "a stack name"), environments);
    const ownsPipeline = pipelineStack === environment;
    // In promoter mode only the pipeline stack decides what runs (for every environment): elsewhere the pins are refused.
    const pins =
        mode === "direct" || ownsPipeline
            ? readReleasePins(reader)
            : refuseReleasePins(reader, { environment, pipelineStack });

    const chartRepository = reader.required("chartRepository", "an OCI registry path");
    if (chartRepository.includes("://")) {
        reader.fail(
            "chartRepository",
            chartRepository,
            "a registry path without a scheme, e.g. ghcr.io/carverauto/charts (Argo CD's OCI repoURL has no oci://)",
        );
    }
    reader.matching(
        "chartRepository",
        chartRepository,
        OCI_PATH,
        "a lower-case OCI registry path, e.g. ghcr.io/carverauto/charts",
    );
    const chartName = reader.matchingKey("chartName", DNS_LABEL, "a Helm chart name, e.g. serviceradar");

    const namespace = reader.matchingKey(
        "namespace",
        DNS_LABEL,
        "a Kubernetes namespace name (lower-case DNS label, at most 63 characters)",
        environment,
    );

    const registryServer = reader.matchingKey(
        "registryServer",
        HOST_WITH_PORT,
        "a registry host name, optionally with a port, e.g. ghcr.io",
    );
    const registryUsername = reader.matching(
        "registryUsername",
        reader.required("registryUsername", "the registry user name"),
        REGISTRY_USER,
        "a registry user name: printable, without spaces or colons, at most 255 characters",
    );
    // ServiceRadar publishes its chart and its images to one registry (`.forgejo/workflows/release.yml`:
    // `OCI_REGISTRY`), so the images' registry defaults to the chart repository's host.
    const imageRegistry = reader.matchingKey(
        "imageRegistry",
        HOST_WITH_PORT,
        "a registry host name, optionally with a port, e.g. registry.carverauto.dev",
        chartRepository.split("/")[0],
    );
    if (registryServer !== imageRegistry) {
        // A pull secret for another registry covers none of the chart's images: every private pull would fail.
        reader.fail(
            "registryServer",
            registryServer,
            `the registry of the chart's images, ${reader.fullKey("imageRegistry")} ${JSON.stringify(imageRegistry)} ` +
                `(by default the host of ${reader.fullKey("chartRepository")}), so that the pull secret covers them; ` +
                "set both to where the release's images are published",
        );
    }
    const pullSecretName = reader.matchingKey(
        "pullSecretName",
        DNS_SUBDOMAIN,
        "a Kubernetes Secret name (lower-case DNS subdomain), e.g. ghcr-io-cred",
    );

    const githubOwner = reader.matchingKey(
        "githubOwner",
        GITHUB_OWNER,
        "a GitHub user or organization name (at most 39 letters, digits or single inner hyphens)",
    );
    const githubRepository = reader.matchingKey(
        "githubRepository",
        GITHUB_REPOSITORY,
        "a GitHub repository name (at most 100 letters, digits, ., _ or -; not . or ..)",
    );
    const deploymentTagPattern = reader.matching(
        "deploymentTagPattern",
        reader.required("deploymentTagPattern", "a tag pattern such as v*"),
        PRINTABLE_TOKEN,
        "a tag pattern such as v* (printable, no spaces)",
    );

    const coreUrl = parseUrl(reader, "coreUrl", reader.required("coreUrl", "the environment's public URL"));

    const applicationName = reader.matchingKey(
        "applicationName",
        DNS_LABEL,
        "an Argo CD Application name (lower-case DNS label, at most 63 characters: Argo CD writes it into a label)",
        defaultApplicationName(environment),
    );
    const values: EnvironmentValuesSettings = {
        repository: reader.matchingKey(
            "valuesRepository",
            OWNER_AND_REPOSITORY,
            "owner/name of the repository holding the environments' values files, e.g. carverauto/serviceradar",
            `${githubOwner}/${githubRepository}`,
        ),
        pathPattern: reader.matchingKey(
            "valuesPath",
            VALUES_PATH,
            "a relative path of a .yaml file, {environment} standing for the environment, e.g. helm/serviceradar/values-{environment}.yaml",
        ),
    };

    const promoterVersion = reader.required("promoterVersion", "a GitOps Promoter release, e.g. 0.36.0");
    if (!isReleaseVersion(promoterVersion))
        reader.fail("promoterVersion", promoterVersion, "a semver release without v, e.g. 0.36.0");
    const soakDuration = reader.optional("soakDuration");
    if (soakDuration !== undefined)
        reader.matching("soakDuration", soakDuration, GO_DURATION, "a duration such as 30m or 1h30m");

    if (pins !== undefined) {
        refuseMovingValuesRevision(reader, pins.valuesRevision, {
            laterEnvironment: environments.indexOf(environment) > 0,
            hydratesLaterEnvironments: mode === "promoter" && ownsPipeline && environments.length > 1,
        });
    }

    const stackMode: StackMode = {
        environment,
        mode,
        pipelineStack,
        deploymentsEnabled: reader.boolean("deploymentsEnabled"),
    };
    const promotion: PromotionSettings = {
        mode,
        pipelineStack,
        promoterVersion,
        promoterNamespace: reader.matchingKey("promoterNamespace", DNS_LABEL, "a namespace name"),
        e2eStatusContext: reader.matchingKey(
            "e2eStatusContext",
            /^(?=.{1,255}$)[A-Za-z0-9][A-Za-z0-9._/-]*$/,
            "a GitHub commit-status context, e.g. serviceradar/e2e",
        ),
        soakDuration,
        gates: readEnvironmentGates(reader, environments, soakDuration),
        autoMerge: reader.optional("autoMergeEnvironments")
            ? reader
                  .nameList(
                      "autoMergeEnvironments",
                      DNS_LABEL,
                      `a JSON list of environments of ${environments.join(", ")}`,
                  )
                  .map((name) => reader.oneOf("autoMergeEnvironments", name, environments))
            : environments.slice(0, 1),
        githubApp: mode === "promoter" && ownsPipeline ? readGithubApp(reader) : refuseGithubApp(reader, stackMode),
    };

    const config: ReleaseConfig = {
        project: source.project,
        environment,
        environments,
        ...(pins === undefined ? {} : { pins }),
        imagePullPolicy: reader.oneOf(
            "imagePullPolicy",
            reader.required("imagePullPolicy", "a pull policy"),
            IMAGE_PULL_POLICIES,
        ),
        namespace,
        protect: reader.boolean("protect"),
        coreUrl,
        adminPassword: reader.secret("adminPassword"),
        chart: {
            repository: chartRepository,
            name: chartName,
            private: reader.boolean("chartPrivate"),
            ociReference: `oci://${chartRepository}`,
        },
        registry: {
            server: registryServer,
            imageRegistry,
            username: registryUsername,
            token: reader.secret("registryToken"),
            pullSecretName,
        },
        github: {
            owner: githubOwner,
            repository: githubRepository,
            hydrationRepository: reader.matchingKey(
                "hydrationRepository",
                OWNER_AND_REPOSITORY,
                "owner/name of the repository the program hydrates (environment branches), e.g. carverauto/serviceradar-release",
            ),
            environmentsRepository: reader.matchingKey(
                "githubEnvironmentsRepository",
                GITHUB_REPOSITORY,
                "a GitHub repository name",
                environmentsRepositoryDefault(reader, githubOwner),
            ),
            deploymentTagPattern,
            // The workflows that run the gate start on the default branch (repository_dispatch, workflow_dispatch):
            // the environments admit it beside the release tags.
            deploymentBranchPattern: reader.matchingKey(
                "deploymentBranchPattern",
                PRINTABLE_TOKEN,
                "a branch pattern such as main (printable, no spaces)",
                reader.optional("deploymentsBranch"),
            ),
            reviewerTeamIds: reader.integerList("reviewerTeamIds"),
            reviewerUserIds: reader.integerList("reviewerUserIds"),
        },
        argocd: {
            namespace: reader.matchingKey("argocdNamespace", DNS_LABEL, "a namespace name"),
            project: reader.matchingKey("argocdProject", DNS_SUBDOMAIN, "an Argo CD AppProject name"),
            applicationName,
            releaseName: reader.matchingKey(
                "releaseName",
                HELM_RELEASE,
                "a Helm release name (lower-case DNS label, at most 53 characters)",
            ),
            destinationServer: "https://kubernetes.default.svc",
        },
        values,
        promotion,
        discovery: {
            prereleases: reader.boolean("discoverPrereleases"),
            approval: reader.oneOf(
                "discoverApproval",
                reader.required("discoverApproval", "auto or pull-request"),
                DISCOVERY_APPROVALS,
            ),
            images: reader.nameList(
                "discoverImages",
                OCI_PATH,
                'a JSON list of image repositories without tag, e.g. ["ghcr.io/carverauto/serviceradar-core-elx"]',
            ),
        },
        ownsPipeline,
        deployments: stackMode.deploymentsEnabled
            ? readDeployments(reader, promotion.githubApp)
            : refuseDeployments(reader, stackMode),
    };
    refuseNameCollisions(config);
    // Last: only now does the reader know every key this stack's mode reads.
    reader.refuseUnknownKeys(declaredProjectKeys());
    return deepFreeze(config);
}

/** The keys of the release pins, read only where the stack decides what runs (ReleasePinSettings). */
const RELEASE_PIN_KEYS = ["version", "imageTag", "chartVersion", "valuesRevision"] as const;

/** The release pins of a stack that decides what runs: `version` is required, the others derive from it. */
function readReleasePins(reader: KeyReader): ReleasePinSettings {
    const version = reader.required("version", "a semver release without a leading v, e.g. 1.0.71");
    if (!isReleaseVersion(version)) {
        reader.fail("version", version, "a semver release without a leading v, e.g. 1.0.71");
    }
    const imageTag = reader.matchingKey(
        "imageTag",
        IMAGE_TAG,
        "a container image tag ([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}), e.g. v1.0.71",
        releaseTag(version),
    );
    const chartVersion = reader.optional("chartVersion") ?? derivedChartVersion(version);
    // semver reads a blank range as `*`: any whitespace is refused before it can become "any version".
    if (/\s/.test(chartVersion) || (!isReleaseVersion(chartVersion) && semver.validRange(chartVersion) === null)) {
        reader.fail("chartVersion", chartVersion, "a chart version (semver without v, e.g. 1.0.71) or a semver range");
    }
    const valuesRevision = reader.matchingKey(
        "valuesRevision",
        GIT_REF,
        "a git tag, branch or commit id the values are read at, e.g. v1.2.27",
        releaseTag(version),
    );
    return { version, imageTag, chartVersion, valuesRevision };
}

/**
 * Promoter mode, a stack other than the pipeline stack: the environment runs the hydrated commit the promoter carries
 * from the pipeline stack, so a pin set here would be ignored. Each one set is refused, naming it; none is required.
 */
function refuseReleasePins(
    reader: KeyReader,
    { environment, pipelineStack }: { environment: EnvironmentName; pipelineStack: EnvironmentName },
): undefined {
    return reader.refuseSet(
        RELEASE_PIN_KEYS,
        (key) =>
            `it unset on ${environment} in promoter mode: ${pipelineStack} decides what ${environment} runs; ` +
            `remove ${key} from Pulumi.${environment}.yaml (set it on ${pipelineStack}, or use promotionMode=direct)`,
    );
}

/** Where a stack stands: what decides which keys its mode reads. */
interface StackMode {
    environment: EnvironmentName;
    mode: PromotionMode;
    pipelineStack: EnvironmentName;
    deploymentsEnabled: boolean;
}

/** The one line of a key the stack's mode ignores: the stack, why nothing reads it there, and what to do. */
function ignoredOn(environment: EnvironmentName, why: string, instead: string): string {
    return `it unset on ${environment}: ${why}; remove it from Pulumi.${environment}.yaml, or ${instead}`;
}

/**
 * A stack that declares no GitOps Promoter (direct mode, or another stack than the pipeline stack): the promoter's
 * GitHub App keys are refused there, and the hydrator's id too unless Pulumi Deployments runs as it.
 */
function refuseGithubApp(reader: KeyReader, stack: StackMode): undefined {
    const { environment, mode, pipelineStack, deploymentsEnabled } = stack;
    const keys = GITHUB_APP_KEYS;
    const promoter =
        mode === "direct"
            ? {
                  why: "in direct mode no GitOps Promoter is declared, so nothing uses its GitHub App",
                  instead:
                      environment === pipelineStack
                          ? "set promotionMode=promoter"
                          : `set it on ${pipelineStack}, in promoter mode`,
              }
            : {
                  why: `only ${pipelineStack}, the pipeline stack, declares GitOps Promoter and its GitHub App`,
                  instead: `set it on ${pipelineStack}`,
              };
    reader.refuseSet([keys.appId, keys.installationId, keys.privateKey], () =>
        ignoredOn(environment, promoter.why, promoter.instead),
    );
    if (deploymentsEnabled) return undefined;
    return reader.refuseSet([keys.hydratorAppId], () =>
        ignoredOn(
            environment,
            `only the rulesets of the pipeline stack in promoter mode and Pulumi Deployments read it, and ${environment} ` +
                "has neither",
            environment === pipelineStack && mode === "direct"
                ? "set promotionMode=promoter or deploymentsEnabled=true"
                : "set deploymentsEnabled=true",
        ),
    );
}

/**
 * Pulumi Deployments off: its keys are refused, and the hydrator's App credentials, which only a deployment run
 * authenticates with. `deploymentsRepository` and `deploymentsBranch` are not among them: they name where this program
 * lives, which every stack reads (the GitHub environments' repository and branch pattern default to them).
 */
function refuseDeployments(reader: KeyReader, { environment }: StackMode): undefined {
    const keys = DEPLOYMENT_KEYS;
    return reader.refuseSet(
        [
            keys.organization,
            keys.kubeconfig,
            keys.driftSchedule,
            keys.driftRemediate,
            GITHUB_APP_KEYS.hydratorInstallationId,
            GITHUB_APP_KEYS.hydratorPrivateKey,
        ],
        () =>
            ignoredOn(
                environment,
                "only Pulumi Deployments reads it, and deploymentsEnabled is not true",
                "set deploymentsEnabled=true",
            ),
    );
}

/**
 * The keys of the GitHub Apps: the promoter's, read only where the promoter objects are declared; the hydrator's id
 * there too (the rulesets admit it), and the hydrator's credentials where Pulumi Deployments runs as it.
 */
const GITHUB_APP_KEYS = {
    appId: "promoterGithubAppId",
    installationId: "promoterGithubAppInstallationId",
    privateKey: "promoterGithubAppPrivateKey",
    hydratorAppId: "hydratorGithubAppId",
    hydratorInstallationId: "hydratorGithubAppInstallationId",
    hydratorPrivateKey: "hydratorGithubAppPrivateKey",
} as const;

/** A revision that cannot move: a full commit id, `refs/tags/<tag>`, or a release tag (`v1.2.27`, `1.2.27`). */
const FIXED_REVISION = /^(?:[0-9a-f]{40}|refs\/tags\/.+|v?\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?)$/;

/**
 * The values of an environment after the first move only with a release or a promotion: read at a branch, a push to
 * it would change them at the next `pulumi up` with no release, and (in promoter mode, where the pipeline stack
 * hydrates every environment) reach demo through its promotion unjudged. There a branch is refused.
 */
function refuseMovingValuesRevision(
    reader: KeyReader,
    revision: string,
    where: { laterEnvironment: boolean; hydratesLaterEnvironments: boolean },
): void {
    if (FIXED_REVISION.test(revision) || !(where.laterEnvironment || where.hydratesLaterEnvironments)) return;
    reader.fail(
        "valuesRevision",
        revision,
        "a release tag (v1.2.27), refs/tags/<tag> or a full commit id: values read at a branch would move an " +
            "environment after the first without a release",
    );
}

/** The Argo CD Application of an environment whose stack does not set `applicationName`. */
export function defaultApplicationName(environment: EnvironmentName): string {
    return `serviceradar-${environment}`;
}

/** A name the program derives, and the setting it comes from (for the one-line error naming both). */
interface DerivedName {
    name: string;
    /** The config key the name comes from (the error's key), or undefined for a fixed name of the program. */
    key?: string;
    what: string;
}

/**
 * Refuses a configuration in which one derived name would serve two roles: a branch that is one environment's live
 * branch and another's proposed one, or one Kubernetes object (kind, namespace, name) declared twice, or an
 * environment's namespace that is Argo CD's, the promoter's or another environment's. The names come from the
 * program's own builders; another stack's own settings are not visible here, so its names are its defaults.
 */
function refuseNameCollisions(config: ReleaseConfig): void {
    const collide = (groups: ReadonlyMap<string, DerivedName[]>, kind: string) => {
        for (const [, names] of groups) {
            if (names.length < 2) continue;
            const [first, second] = names;
            // The setting to change is named: the first one that is a setting (a fixed name cannot be changed).
            const [blamed, other] =
                first.key !== undefined || second.key === undefined ? [first, second] : [second, first];
            throw new ConfigError(
                blamed.key ?? "environments",
                `Invalid configuration ${config.project}:${blamed.key ?? "environments"}: ${JSON.stringify(blamed.name)} ` +
                    `would be both ${blamed.what} and ${other.what} (${kind}); expected names that differ.`,
            );
        }
    };
    const group = <T extends DerivedName>(names: T[], identity: (name: T) => string) => {
        const groups = new Map<string, T[]>();
        for (const name of names) groups.set(identity(name), [...(groups.get(identity(name)) ?? []), name]);
        return groups;
    };

    const branches = config.environments.flatMap((environment): DerivedName[] => [
        { name: environmentBranch(environment), what: `the live branch of ${environment}` },
        { name: proposedBranch(environment), what: `the proposed branch of ${environment}` },
    ]);
    collide(
        group(branches, (branch) => branch.name),
        "one git branch",
    );

    const others = config.environments.filter((environment) => environment !== config.environment);
    const namespaces: DerivedName[] = [
        { name: config.namespace, key: "namespace", what: `the namespace of ${config.environment}` },
        { name: config.argocd.namespace, key: "argocdNamespace", what: "Argo CD's namespace" },
        { name: config.promotion.promoterNamespace, key: "promoterNamespace", what: "GitOps Promoter's namespace" },
        ...others.map((environment) => ({ name: environment, what: `the namespace of ${environment} (its default)` })),
    ];
    collide(namespaceClashes(namespaces), "one namespace");

    const objects: Array<DerivedName & { kind: string; namespace: string }> = [
        {
            kind: "Secret",
            namespace: config.namespace,
            name: config.registry.pullSecretName,
            key: "pullSecretName",
            what: `the image pull secret of ${config.environment}`,
        },
        {
            kind: "Secret",
            namespace: config.promotion.promoterNamespace,
            name: SCM_SECRET_NAME,
            what: "GitOps Promoter's GitHub App secret",
        },
        {
            kind: "Secret",
            namespace: config.argocd.namespace,
            name: chartRepositoryCredentialName(config.chart.repository),
            what: "Argo CD's chart repository credential",
        },
        {
            kind: "Application",
            namespace: config.argocd.namespace,
            name: config.argocd.applicationName,
            key: "applicationName",
            what: `the Argo CD Application of ${config.environment}`,
        },
        {
            kind: "Application",
            namespace: config.argocd.namespace,
            name: PROMOTER_APPLICATION_NAME,
            what: "GitOps Promoter's Argo CD Application",
        },
        ...others.map((environment) => ({
            kind: "Application",
            namespace: config.argocd.namespace,
            name: defaultApplicationName(environment),
            what: `the Argo CD Application of ${environment} (its default name)`,
        })),
    ];
    collide(
        group(objects, (object) => `${object.kind}/${object.namespace}/${object.name}`),
        "one Kubernetes object",
    );
}

/** The environment's namespace against every other namespace the program knows; the others may share one. */
function namespaceClashes(namespaces: DerivedName[]): Map<string, DerivedName[]> {
    const [own, ...rest] = namespaces;
    const clash = rest.find((other) => other.name === own.name);
    return new Map(clash === undefined ? [] : [[own.name, [own, clash]]]);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
    return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * `environmentGates`: a JSON object (a YAML map in a stack file) from environment to its gates, e.g.
 * `{"demo-staging": {"e2e": true, "soak": "30m"}, "customer-a": {"e2e": true}}`; an environment it leaves out has none.
 * Unset: the first environment has the e2e gate and `soakDuration`, the others none. One key for every environment
 * because the pipeline stack declares every environment's gates, and a stack only reads its own configuration.
 */
function readEnvironmentGates(
    reader: KeyReader,
    environments: readonly EnvironmentName[],
    soakDuration: string | undefined,
): Record<EnvironmentName, EnvironmentGates> {
    const value = reader.optional("environmentGates");
    const gates = (e2e: boolean, soak: string | undefined): EnvironmentGates =>
        soak === undefined ? { e2e } : { e2e, soakDuration: soak };
    if (value === undefined) {
        return Object.fromEntries(
            environments.map((env, i) => [env, i === 0 ? gates(true, soakDuration) : gates(false, undefined)]),
        );
    }
    if (soakDuration !== undefined) {
        reader.fail(
            "soakDuration",
            soakDuration,
            "it unset when environmentGates is set (give each environment's soak there)",
        );
    }
    const allowed =
        `a JSON object from environments of ${environments.join(", ")} to {"e2e": true|false, "soak": "<duration>"}, ` +
        'e.g. {"demo-staging": {"e2e": true, "soak": "30m"}}';
    const parsed = parseJson(value);
    if (!isPlainObject(parsed)) reader.fail("environmentGates", value, allowed);
    for (const [env, entry] of Object.entries(parsed)) {
        const valid =
            environments.includes(env) &&
            isPlainObject(entry) &&
            Object.keys(entry).every((key) => key === "e2e" || key === "soak") &&
            (entry.e2e === undefined || typeof entry.e2e === "boolean") &&
            (entry.soak === undefined || (typeof entry.soak === "string" && GO_DURATION.test(entry.soak)));
        if (!valid) reader.fail("environmentGates", value, allowed);
    }
    const of = (env: string) => (parsed[env] ?? {}) as { e2e?: boolean; soak?: string };
    return Object.fromEntries(environments.map((env) => [env, gates(of(env).e2e ?? false, of(env).soak)]));
}

/**
 * Where the GitHub environments with the e2e secrets go by default: the repository whose workflows run the gate, i.e.
 * the one holding this program (`deploymentsRepository`, also what Pulumi Deployments checks out). The GitHub provider
 * addresses repositories of `githubOwner` by name, so one of another owner must be named explicitly.
 */
function environmentsRepositoryDefault(reader: KeyReader, githubOwner: string): string | undefined {
    const program = reader.optional("deploymentsRepository");
    if (program === undefined) return undefined;
    reader.matching(
        "deploymentsRepository",
        program,
        OWNER_AND_REPOSITORY,
        "owner/name of the repository holding this program",
    );
    const [owner, name] = program.split("/");
    if (
        owner.toLowerCase() !== githubOwner.toLowerCase() &&
        reader.optional("githubEnvironmentsRepository") === undefined
    ) {
        reader.fail(
            "deploymentsRepository",
            program,
            `a repository of githubOwner ${githubOwner}, or githubEnvironmentsRepository set to a repository of ` +
                `${githubOwner} whose workflows run the e2e gate (the GitHub provider addresses ${githubOwner}'s repositories)`,
        );
    }
    return name;
}

/**
 * The GitHub App of the default layout (docs/configuration.md, "Which repository holds what"): the App GitOps Promoter
 * and the hydrator run as, installed on the carverauto organisation, as the shipped pipeline stack always named it.
 * Applied by the parser where the keys are read, not declared in Pulumi.yaml, whose defaults the CLI sets on every
 * stack: a stack whose mode ignores the keys would then carry them, set, though nothing reads them there. Its private
 * key is never a default.
 */
const DEFAULT_GITHUB_APP = { appId: "2459954", installationId: "99273302" } as const;

function readGithubApp(reader: KeyReader): GithubAppSettings {
    const keys = GITHUB_APP_KEYS;
    const appId = reader.positiveInteger(keys.appId, reader.optional(keys.appId) ?? DEFAULT_GITHUB_APP.appId);
    const hydratorAppId = reader.optional(keys.hydratorAppId);
    return {
        appId,
        hydratorAppId: hydratorAppId === undefined ? appId : reader.positiveInteger(keys.hydratorAppId, hydratorAppId),
        installationId: reader.positiveInteger(
            keys.installationId,
            reader.optional(keys.installationId) ?? DEFAULT_GITHUB_APP.installationId,
        ),
        privateKey: reader.secret(keys.privateKey),
    };
}

/**
 * The Pulumi Cloud organization of the default layout. Applied here where Deployments is enabled rather than declared
 * in Pulumi.yaml, whose defaults the CLI sets on every stack: one without Deployments would carry it set (as
 * DEFAULT_GITHUB_APP).
 */
const DEFAULT_DEPLOYMENTS_ORGANIZATION = "carverauto";

/**
 * The keys of Pulumi Deployments, read where it is enabled; the repository and branch in every mode (they name where
 * this program lives).
 */
const DEPLOYMENT_KEYS = {
    organization: "deploymentsOrganization",
    repository: "deploymentsRepository",
    branch: "deploymentsBranch",
    kubeconfig: "deploymentKubeconfig",
    driftSchedule: "deploymentsDriftSchedule",
    driftRemediate: "deploymentsDriftRemediate",
} as const;

/**
 * The stored GitHub token Pulumi Deployments once ran with. An installation token expires after an hour and the
 * rulesets admit no other writer of the hydrated branches, so a stored token cannot hydrate: each run now mints the
 * hydrator's App token (hydratorGithubApp*). Set anywhere, it is refused, saying what replaced it.
 */
const RETIRED_DEPLOYMENT_TOKEN = "deploymentGithubToken";

function refuseRetiredDeploymentToken(reader: KeyReader): void {
    const value = reader.optional(RETIRED_DEPLOYMENT_TOKEN);
    if (value === undefined) return;
    reader.fail(
        RETIRED_DEPLOYMENT_TOKEN,
        value,
        "it unset: Pulumi Deployments no longer runs with a stored token (an installation token expires after an " +
            "hour); each run mints a token of the hydrator's GitHub App with hydratorGithubAppPrivateKey (on the " +
            "pipeline stack in promoter mode, by default promoterGithubAppPrivateKey); " +
            `remove it with \`pulumi config rm ${RETIRED_DEPLOYMENT_TOKEN}\``,
        true,
    );
}

/** Five cron fields (minute hour day month weekday) of digits, `*`, `/`, `,` and `-`, as Pulumi Cloud takes them. */
const CRON = /^[0-9*/,-]+( [0-9*/,-]+){4}$/;

/**
 * The hydrator's App as a Deployments run authenticates: `hydratorGithubAppId`, by default the promoter's App (the
 * stack's own keys where the promoter objects are declared, else the default layout's App), with the promoter's
 * installation and, where the stack holds it, the promoter's key: the pipeline stack is not asked for one App twice.
 * Another App needs its installation and key; a stack without the promoter's key sets the hydrator's.
 */
function readHydratorApp(reader: KeyReader, promoter: GithubAppSettings | undefined): GithubAppCredentials {
    const keys = GITHUB_APP_KEYS;
    // The promoter's App: the stack's own where the promoter objects are declared, else the default layout's (whose
    // key this stack does not hold).
    const promoterApp = promoter ?? {
        appId: Number(DEFAULT_GITHUB_APP.appId),
        installationId: Number(DEFAULT_GITHUB_APP.installationId),
        privateKey: undefined,
    };
    const hydratorAppId = reader.optional(keys.hydratorAppId);
    const appId =
        promoter?.hydratorAppId ??
        (hydratorAppId === undefined ? promoterApp.appId : reader.positiveInteger(keys.hydratorAppId, hydratorAppId));
    const same = appId === promoterApp.appId;
    const installationId = reader.optional(keys.hydratorInstallationId);
    const needed = `(needed by Pulumi Deployments, which runs as the hydrator's App ${appId}, not the promoter's)`;
    return {
        appId,
        installationId:
            installationId === undefined && same
                ? promoterApp.installationId
                : reader.positiveInteger(
                      keys.hydratorInstallationId,
                      installationId ??
                          reader.required(keys.hydratorInstallationId, `the hydrator's App installation id ${needed}`),
                  ),
        privateKey:
            reader.optional(keys.hydratorPrivateKey) === undefined && same && promoterApp.privateKey !== undefined
                ? promoterApp.privateKey
                : reader.secret(keys.hydratorPrivateKey),
    };
}

function readDeployments(reader: KeyReader, promoter: GithubAppSettings | undefined): DeploymentSettings {
    const keys = DEPLOYMENT_KEYS;
    const driftSchedule = reader.optional(keys.driftSchedule);
    if (driftSchedule !== undefined) {
        reader.matching(keys.driftSchedule, driftSchedule, CRON, "a five-field cron expression, e.g. 0 */6 * * *");
    }
    return {
        organization: reader.matchingKey(
            keys.organization,
            GITHUB_OWNER,
            "a Pulumi Cloud organization name",
            DEFAULT_DEPLOYMENTS_ORGANIZATION,
        ),
        repository: reader.matchingKey(
            keys.repository,
            OWNER_AND_REPOSITORY,
            "owner/name of the repository holding this program",
        ),
        branch: reader.matchingKey(keys.branch, GIT_BRANCH, "a git branch name"),
        kubeconfig: reader.secret(keys.kubeconfig),
        githubApp: readHydratorApp(reader, promoter),
        ...(driftSchedule === undefined ? {} : { driftSchedule }),
        driftRemediate:
            reader.optional(keys.driftRemediate) === undefined ? false : reader.boolean(keys.driftRemediate),
    };
}

function deepFreeze<T>(value: T): T {
    if (value !== null && typeof value === "object" && !Output.isInstance(value) && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const child of Object.values(value as object)) deepFreeze(child);
    }
    return value;
}
