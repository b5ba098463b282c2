import * as fs from "fs";
import { createRequire } from "module";
import * as path from "path";
import Ajv from "ajv";
import * as YAML from "yaml";
import type { EnforcementLevel, Policies } from "@pulumi/policy";
import {
    AnalyzeRequest,
    AnalyzeResponse,
    AnalyzeStackRequest,
    AnalyzerResource,
    AnalyzerResourceOptions,
    AnalyzerStackConfigureRequest,
    ConfigureAnalyzerRequest,
    PolicyConfig,
} from "@pulumi/pulumi/proto/analyzer_pb";
import { packName, policies as packPolicies } from "../policies/pack";
import { MAX_SHOWN } from "../policies/lib/messages";
import { isWrappedSecret, PlannedResource, REDACTED, revealSecrets } from "./mockRuntime";

/** One policy diagnostic, as `pulumi preview --policy-pack policies` would print it. */
export interface PolicyViolation {
    policy: string;
    level: "advisory" | "mandatory" | "remediate" | "disabled";
    /** URN of the resource the violation is about; absent for a stack-wide violation without one. */
    resource?: string;
    message: string;
}

/** A policy config file the CLI would refuse (bad enforcement level, a value its configSchema rejects). */
export class PolicyConfigError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "PolicyConfigError";
    }
}

/** Where the pack lives; the CLI runs it as `--policy-pack policies`. */
export const POLICY_PACK_DIR = path.resolve(__dirname, "..", "policies");

/** `policies/<stack>.json`: the file a stack passes as `--policy-pack-config`. */
export function policyConfigPath(stack: string, packDir: string = POLICY_PACK_DIR): string {
    return path.join(packDir, `${stack}.json`);
}

/**
 * The policy config an environment's stack passes: its own `policies/<env>.json`, or else the file of the nearest
 * environment before it in the promotion order, so a new environment after demo is judged like demo without a file
 * of its own.
 */
export function policyConfigFor(
    stack: string,
    chain: readonly string[],
    packDir: string = POLICY_PACK_DIR,
): string | undefined {
    const index = chain.indexOf(stack);
    const candidates = [stack, ...chain.slice(0, Math.max(index, 0)).reverse()];
    const found = candidates.map((env) => policyConfigPath(env, packDir)).find((file) => fs.existsSync(file));
    // A stack outside the list has no environment to be judged as: the program refuses it, naming the list.
    if (found === undefined && index >= 0) {
        throw new PolicyConfigError(
            `no policy config for ${stack}: add ${path.relative(process.cwd(), policyConfigPath(stack, packDir))}`,
        );
    }
    return found;
}

/** Reads a `--policy-pack-config` file; an empty file is an empty config, as the CLI allows. */
export function loadPolicyConfig(file: string): object {
    const text = fs.readFileSync(file, "utf8");
    if (text.trim() === "") return {};
    const parsed = JSON.parse(text) as unknown;
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
        throw new PolicyConfigError(`${file}: a policy pack config is a JSON object of policy names`);
    }
    return parsed;
}

/** The pack version, read where the Pulumi CLI reads it: policies/package.json. */
export function policyPackVersion(packDir: string = POLICY_PACK_DIR): string {
    const pkg = JSON.parse(fs.readFileSync(path.join(packDir, "package.json"), "utf8")) as { version?: string };
    if (!pkg.version) throw new Error(`${packDir}/package.json has no version; the policy pack needs one`);
    return pkg.version;
}

const LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];
/** The level PolicyPack gives policies that set none (PolicyPackArgs.enforcementLevel is not set in policies/index.ts). */
const PACK_ENFORCEMENT_LEVEL: EnforcementLevel = "advisory";

export interface ReconciledPolicyConfig {
    enforcementLevel: EnforcementLevel;
    properties: Record<string, unknown>;
}

function isLevel(value: unknown): value is EnforcementLevel {
    return typeof value === "string" && (LEVELS as readonly string[]).includes(value);
}

/**
 * What the Pulumi CLI does with a `--policy-pack-config` file before it calls the analyzer's Configure: each policy
 * starts from its own level (or the pack's) and its configSchema defaults; `all` sets every policy's level; a
 * policy's own entry (a level string, or an object with `enforcementLevel` and properties) overrides that; the result
 * is validated against each policy's configSchema. How the analyzer then applies the levels is left to @pulumi/policy.
 */
export function reconcilePolicyConfig(policies: Policies, config: object): Record<string, ReconciledPolicyConfig> {
    const given = new Map<string, { level?: EnforcementLevel; properties: Record<string, unknown> }>();
    for (const [name, value] of Object.entries(config)) {
        if (typeof value === "string") {
            if (!isLevel(value))
                throw new PolicyConfigError(
                    `${name}: ${JSON.stringify(value)} is not an enforcement level (${LEVELS.join(", ")})`,
                );
            given.set(name, { level: value, properties: {} });
        } else if (value !== null && typeof value === "object" && !Array.isArray(value)) {
            const { enforcementLevel, ...properties } = value as Record<string, unknown>;
            if (enforcementLevel !== undefined && !isLevel(enforcementLevel)) {
                throw new PolicyConfigError(
                    `${name}: ${JSON.stringify(enforcementLevel)} is not an enforcement level (${LEVELS.join(", ")})`,
                );
            }
            given.set(name, { level: enforcementLevel, properties });
        } else {
            throw new PolicyConfigError(
                `${name}: ${JSON.stringify(value)} is not valid; a policy's config is a level string or an object`,
            );
        }
    }

    const result: Record<string, ReconciledPolicyConfig> = {};
    for (const policy of policies) {
        const defaults: Record<string, unknown> = {};
        for (const [key, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
            if (typeof schema === "object" && schema.default !== undefined)
                defaults[key] = structuredClone(schema.default);
        }
        result[policy.name] = {
            enforcementLevel: policy.enforcementLevel ?? PACK_ENFORCEMENT_LEVEL,
            properties: defaults,
        };
    }
    const all = given.get("all");
    if (all?.level !== undefined) {
        for (const name of Object.keys(result)) result[name].enforcementLevel = all.level;
    }
    for (const [name, entry] of given) {
        if (name === "all" || result[name] === undefined) continue; // the CLI ignores entries for policies the pack lacks
        if (entry.level !== undefined) result[name].enforcementLevel = entry.level;
        Object.assign(result[name].properties, entry.properties);
    }

    const ajv = new Ajv({ allErrors: true, strict: false });
    const errors: string[] = [];
    for (const policy of policies) {
        if (!policy.configSchema) continue;
        const validate = ajv.compile({
            type: "object",
            properties: { ...policy.configSchema.properties, enforcementLevel: { type: "string", enum: [...LEVELS] } },
            ...(policy.configSchema.required ? { required: policy.configSchema.required } : {}),
        });
        if (!validate(result[policy.name].properties)) {
            for (const e of validate.errors ?? [])
                errors.push(`${policy.name}: ${e.instancePath || "(root)"} ${e.message ?? "is invalid"}`);
        }
    }
    if (errors.length > 0) throw new PolicyConfigError(`invalid policy pack config: ${errors.join("; ")}`);
    return result;
}

// ------------------------------------------------------------------------------------------------------------------
// @pulumi/policy's own analyzer, in-process.
// ------------------------------------------------------------------------------------------------------------------

type Callback<T> = (err: unknown, response?: T) => void;

/** The handlers @pulumi/policy registers on its gRPC server (server.js `serve`). */
interface AnalyzerHandlers {
    analyze(call: { request: AnalyzeRequest }, callback: Callback<AnalyzeResponse>): void;
    analyzeStack(call: { request: AnalyzeStackRequest }, callback: Callback<AnalyzeResponse>): void;
    configure(call: { request: ConfigureAnalyzerRequest }, callback: Callback<unknown>): void;
    configureStack(call: { request: AnalyzerStackConfigureRequest }, callback: Callback<unknown>): void;
}

interface StructModule {
    Struct: { fromJavaScript(value: Record<string, unknown>): unknown };
}
interface ProtoUtil {
    mapEnforcementLevel(level: EnforcementLevel): number;
    convertEnforcementLevel(level: number): EnforcementLevel;
}
type Handler = (call: { request: never }, callback: Callback<never>) => void;
interface PolicyServer {
    serve(
        name: string,
        version: string,
        level: EnforcementLevel,
        args: { policies: Policies },
        initialConfig?: object,
    ): void;
    makeAnalyzeRpcFun(name: string, version: string, level: EnforcementLevel, policies: Policies): Handler;
    makeAnalyzeStackRpcFun(name: string, version: string, level: EnforcementLevel, policies: Policies): Handler;
}
interface GrpcServerPrototype {
    addService(service: unknown, implementation: unknown): void;
    bindAsync(...args: unknown[]): void;
}

/** Loads modules exactly as @pulumi/policy resolves them, so that prototypes and classes are the ones it uses. */
const policyRequire = createRequire(require.resolve("@pulumi/policy/package.json"));
const structProto = policyRequire("google-protobuf/google/protobuf/struct_pb") as StructModule;
const protoutil = policyRequire("./protoutil") as ProtoUtil;

let handlers: AnalyzerHandlers | undefined;

/**
 * @pulumi/policy's analyzer for the pack's policies, without a socket. `analyze` and `analyzeStack` are the package's
 * `makeAnalyzeRpcFun` / `makeAnalyzeStackRpcFun`, exactly as `serve()` builds them. `configure` and `configureStack`
 * (which set the policy config and stack tags those handlers read) are not exported: they are taken from `serve()`
 * itself, which registers them on a grpc-js Server; the registration is captured and the bind skipped, so nothing
 * listens and mocha can exit. `serve` allows one pack per process, so this runs once.
 */
function analyzerHandlers(): AnalyzerHandlers {
    if (handlers !== undefined) return handlers;
    if (!/^[a-zA-Z0-9-_.]{1,100}$/.test(packName))
        throw new Error(`invalid policy pack name ${JSON.stringify(packName)}`);
    for (const policy of packPolicies) {
        // serve() would exit the process on these; fail as an error instead.
        if (policy.name === "all") throw new Error('a policy may not be named "all"');
        if (
            policy.configSchema?.properties?.enforcementLevel ||
            policy.configSchema?.required?.includes("enforcementLevel")
        ) {
            throw new Error(`${policy.name}: enforcementLevel cannot be part of a configSchema`);
        }
    }
    const grpc = policyRequire("@grpc/grpc-js") as { Server: { prototype: GrpcServerPrototype } };
    const server = policyRequire("./server") as PolicyServer;
    const prototype = grpc.Server.prototype;
    const { addService, bindAsync } = prototype;
    let captured: AnalyzerHandlers | undefined;
    prototype.addService = function (_service: unknown, implementation: unknown) {
        captured = implementation as AnalyzerHandlers;
    };
    prototype.bindAsync = function () {
        /* no socket: the handlers are called in-process */
    };
    const version = policyPackVersion();
    try {
        server.serve(packName, version, PACK_ENFORCEMENT_LEVEL, { policies: packPolicies });
    } finally {
        prototype.addService = addService;
        prototype.bindAsync = bindAsync;
    }
    if (captured === undefined) throw new Error("@pulumi/policy did not register its analyzer service");
    handlers = {
        analyze: server.makeAnalyzeRpcFun(packName, version, PACK_ENFORCEMENT_LEVEL, packPolicies),
        analyzeStack: server.makeAnalyzeStackRpcFun(packName, version, PACK_ENFORCEMENT_LEVEL, packPolicies),
        configure: captured.configure,
        configureStack: captured.configureStack,
    };
    return handlers;
}

function call<Req, Res>(
    handler: (call: { request: Req }, callback: Callback<Res>) => void,
    request: Req,
): Promise<Res> {
    return new Promise((resolve, reject) =>
        handler({ request }, (err, response) =>
            err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(response as Res),
        ),
    );
}

/** Plain JSON for a protobuf Struct: no undefined (a dropped key, as the engine drops it), no class instances. */
function plain(value: unknown): unknown {
    if (value === undefined) return undefined;
    if (value === null || typeof value === "string" || typeof value === "boolean") return value;
    if (typeof value === "number") return Number.isFinite(value) ? value : null;
    if (Array.isArray(value)) return value.map((v) => plain(v) ?? null);
    if (typeof value === "object") {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
            const p = plain(v);
            if (p !== undefined) out[k] = p;
        }
        return out;
    }
    return String(value);
}

/**
 * The properties as the engine marshals them for an analyzer (KeepSecrets): secrets stay wrapped in Pulumi's secret
 * signature object, and @pulumi/policy's deserializer unwraps them, so policies see the values.
 */
function properties(inputs: Record<string, unknown>): unknown {
    return structProto.Struct.fromJavaScript(plain(inputs) as Record<string, unknown>);
}

function resourceOptions(resource: PlannedResource): AnalyzerResourceOptions {
    // retainOnDelete is not part of the analyzer protocol (AnalyzerResourceOptions has no such field).
    const options = new AnalyzerResourceOptions();
    options.setProtect(resource.options.protect);
    options.setDeletebeforereplace(resource.options.deleteBeforeReplace);
    options.setDeletebeforereplacedefined(resource.options.deleteBeforeReplace);
    options.setCustomtimeouts(new AnalyzerResourceOptions.CustomTimeouts());
    if (resource.parent) options.setParent(resource.parent);
    return options;
}

/** The Analyze request the engine sends for one resource. */
export function analyzeRequest(resource: PlannedResource): AnalyzeRequest {
    return describeResource(new AnalyzeRequest(), resource);
}

/** The fields AnalyzeRequest and AnalyzerResource share, filled the same way for both. */
interface ResourceMessage {
    setType(value: string): unknown;
    setName(value: string): unknown;
    setUrn(value: string): unknown;
    setProperties(value: never): unknown;
    setOptions(value: AnalyzerResourceOptions): unknown;
}

function describeResource<T extends ResourceMessage>(message: T, resource: PlannedResource): T {
    message.setType(resource.type);
    message.setName(resource.name);
    message.setUrn(resource.urn);
    message.setProperties(properties(resource.inputs) as never);
    message.setOptions(resourceOptions(resource));
    return message;
}

function analyzerResource(resource: PlannedResource): AnalyzerResource {
    const r = describeResource(new AnalyzerResource(), resource);
    if (resource.parent) r.setParent(resource.parent);
    r.setDependenciesList([...resource.options.dependsOn]);
    return r;
}

/** The AnalyzeStack request the engine sends at the end of a preview. */
export function analyzeStackRequest(resources: readonly PlannedResource[]): AnalyzeStackRequest {
    const request = new AnalyzeStackRequest();
    request.setResourcesList(resources.map(analyzerResource));
    return request;
}

/** The Configure request the CLI sends with a reconciled policy config. */
export function configureRequest(config: Record<string, ReconciledPolicyConfig>): ConfigureAnalyzerRequest {
    const request = new ConfigureAnalyzerRequest();
    const map = request.getPolicyconfigMap();
    for (const [name, entry] of Object.entries(config)) {
        const policyConfig = new PolicyConfig();
        policyConfig.setEnforcementlevel(protoutil.mapEnforcementLevel(entry.enforcementLevel) as never);
        policyConfig.setProperties(
            structProto.Struct.fromJavaScript(plain(entry.properties) as Record<string, unknown>) as never,
        );
        map.set(name, policyConfig);
    }
    return request;
}

// ------------------------------------------------------------------------------------------------------------------
// Secrets never reach a message.
// ------------------------------------------------------------------------------------------------------------------

function secretLeaves(value: unknown, into: Set<string>, inSecret = false): void {
    if (isWrappedSecret(value)) {
        secretLeaves(revealSecrets(value.value), into, true);
        return;
    }
    if (Array.isArray(value)) value.forEach((v) => secretLeaves(v, into, inSecret));
    else if (value !== null && typeof value === "object")
        Object.values(value).forEach((v) => secretLeaves(v, into, inSecret));
    else if (inSecret && (typeof value === "string" || typeof value === "number") && String(value) !== "") {
        const text = String(value);
        into.add(text);
        // A secret document (JSON or YAML) may be parsed by a policy and quoted piecewise.
        if (typeof value === "string" && /[:{]/.test(text)) {
            try {
                const doc = YAML.parse(text) as unknown;
                if (doc !== null && typeof doc === "object") secretLeaves(doc, into, true);
            } catch {
                /* not a document */
            }
        }
    }
}

/**
 * Replaces secret values in a message: every quoted occurrence (policies quote resource values with
 * policies/lib/messages.ts `quote`, which may shorten them) and any bare occurrence of a secret of 8 characters or
 * more. Short secrets are replaced only where quoted, so that ordinary words in the prose stay readable.
 */
export function redactMessage(message: string, secrets: ReadonlySet<string>): string {
    let out = message;
    for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
        const forms = [JSON.stringify(secret)];
        if (secret.length > MAX_SHOWN) forms.push(JSON.stringify(`${secret.slice(0, MAX_SHOWN)}…`));
        for (const form of forms) out = out.split(form).join(JSON.stringify(REDACTED));
        if (secret.length >= 8) out = out.split(secret).join(REDACTED);
    }
    return out;
}

// ------------------------------------------------------------------------------------------------------------------

let queue: Promise<unknown> = Promise.resolve();

/** The violations of an analyzer response; `fallbackUrn` is the analyzed resource for resource policies. */
export function responseViolations(
    response: AnalyzeResponse,
    secrets: ReadonlySet<string> = new Set(),
    fallbackUrn?: string,
): PolicyViolation[] {
    return response.getDiagnosticsList().map((d) => ({
        policy: d.getPolicyname(),
        level: protoutil.convertEnforcementLevel(d.getEnforcementlevel()),
        resource: d.getUrn() || fallbackUrn,
        message: redactMessage(d.getMessage(), secrets),
    }));
}

async function run(
    resources: PlannedResource[],
    policyConfig: object,
    stack: { project: string; stack: string },
): Promise<PolicyViolation[]> {
    const reconciled = reconcilePolicyConfig(packPolicies, policyConfig);
    const analyzer = analyzerHandlers();

    const stackRequest = new AnalyzerStackConfigureRequest();
    stackRequest.setProject(stack.project);
    stackRequest.setStack(stack.stack);
    stackRequest.setDryRun(true);
    await call(analyzer.configureStack.bind(analyzer), stackRequest);
    await call(analyzer.configure.bind(analyzer), configureRequest(reconciled));

    const secrets = new Set<string>();
    for (const resource of resources) secretLeaves(resource.inputs, secrets);

    const violations: PolicyViolation[] = [];
    for (const resource of resources) {
        const response = await call(analyzer.analyze.bind(analyzer), analyzeRequest(resource));
        violations.push(...responseViolations(response, secrets, resource.urn));
    }
    violations.push(
        ...responseViolations(
            await call(analyzer.analyzeStack.bind(analyzer), analyzeStackRequest(resources)),
            secrets,
        ),
    );
    return violations;
}

/**
 * Runs the policy pack over planned resources through @pulumi/policy's own analyzer dispatch (its `analyze`,
 * `analyzeStack` and `configure` handlers), configured from a `--policy-pack-config` object the way the Pulumi CLI
 * configures it, so that the offline plan and `pulumi preview --policy-pack policies --policy-pack-config
 * policies/<stack>.json` reach the same verdict. Calls are serialized: the analyzer keeps its configuration in module
 * state.
 */
export function checkPolicies(
    resources: PlannedResource[],
    policyConfig: object,
    stack: { project: string; stack: string },
): Promise<PolicyViolation[]> {
    const result = queue.then(() => run(resources, policyConfig, stack));
    queue = result.catch(() => undefined);
    return result;
}
