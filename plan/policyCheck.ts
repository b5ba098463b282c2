// The one file that drives @pulumi/policy through its internals: its analyzer handlers, its protobuf runtime and its
// enforcement-level conversion, so that the offline plan reaches the verdict `pulumi preview --policy-pack` reaches.
import { createRequire } from "module";
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
import type { PlannedResource } from "./mockRuntime";
import {
    PACK_ENFORCEMENT_LEVEL,
    policyPackVersion,
    ReconciledPolicyConfig,
    reconcilePolicyConfig,
} from "./policyConfig";
import { redactMessage, secretLeaves } from "./policyRedaction";

/** One policy diagnostic, as `pulumi preview --policy-pack policies` would print it. */
export interface PolicyViolation {
    policy: string;
    level: "advisory" | "mandatory" | "remediate" | "disabled";
    /** URN of the resource the violation is about; absent for a stack-wide violation without one. */
    resource?: string;
    message: string;
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
 * The checks `serve()` makes on a pack before it serves it, which it answers by exiting the process: here they throw.
 * Exported so that a test can give it packs other than the one the project defines.
 */
export function checkPackDefinition(name: string, policies: Policies): void {
    if (!/^[a-zA-Z0-9-_.]{1,100}$/.test(name)) throw new Error(`invalid policy pack name ${JSON.stringify(name)}`);
    for (const policy of policies) {
        // serve() would exit the process on these; fail as an error instead.
        if (policy.name === "all") throw new Error('a policy may not be named "all"');
        if (
            policy.configSchema?.properties?.enforcementLevel ||
            policy.configSchema?.required?.includes("enforcementLevel")
        ) {
            throw new Error(`${policy.name}: enforcementLevel cannot be part of a configSchema`);
        }
    }
}

/**
 * @pulumi/policy's analyzer for the pack's policies, without a socket. `analyze` and `analyzeStack` are the package's
 * `makeAnalyzeRpcFun` / `makeAnalyzeStackRpcFun`, exactly as `serve()` builds them. `configure` and `configureStack`
 * (which set the policy config and stack tags those handlers read) are not exported: they are taken from `serve()`
 * itself, which registers them on a grpc-js Server; the registration is captured and the bind skipped, so nothing
 * listens and mocha can exit. `serve` allows one pack per process, so this runs once.
 */
function analyzerHandlers(): AnalyzerHandlers {
    if (handlers !== undefined) return handlers;
    checkPackDefinition(packName, packPolicies);
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
    reconciled: Record<string, ReconciledPolicyConfig>,
    stack: { project: string; stack: string },
): Promise<PolicyViolation[]> {
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
export async function checkPolicies(
    resources: PlannedResource[],
    policyConfig: object,
    stack: { project: string; stack: string },
): Promise<PolicyViolation[]> {
    return checkReconciledPolicies(resources, reconcilePolicyConfig(packPolicies, policyConfig), stack);
}

/** `checkPolicies` for a config already reconciled (`reconcilePolicyConfig` over the pack's policies). */
export function checkReconciledPolicies(
    resources: PlannedResource[],
    reconciled: Record<string, ReconciledPolicyConfig>,
    stack: { project: string; stack: string },
): Promise<PolicyViolation[]> {
    const result = queue.then(() => run(resources, reconciled, stack));
    queue = result.catch(() => undefined);
    return result;
}
