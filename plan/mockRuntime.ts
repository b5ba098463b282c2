import * as pulumi from "@pulumi/pulumi";
import { programConfigValues, type StackConfiguration } from "../config/stackConfig";

/** The options of a resource registration that matter to a reader of the plan. */
export interface PlannedOptions {
    protect: boolean;
    retainOnDelete: boolean;
    deleteBeforeReplace: boolean;
    dependsOn: string[];
    /** Earlier identities of the resource (a renamed type token), as alias specs; the engine derives the children's. */
    aliases: Record<string, unknown>[];
}

/** One resource as the engine would receive it; secret inputs stay wrapped until rendered. */
export interface PlannedResource {
    type: string;
    name: string;
    urn: string;
    parent?: string;
    custom: boolean;
    inputs: Record<string, unknown>;
    options: PlannedOptions;
}

export interface PlanRun {
    resources: PlannedResource[];
    /** Stack outputs, secrets still wrapped. */
    outputs: Record<string, unknown>;
}

const SECRET_SIG = pulumi.runtime.specialSigKey;
const SECRET_VALUE = pulumi.runtime.specialSecretSig;

export function isWrappedSecret(value: unknown): value is { value: unknown } {
    return (
        value !== null && typeof value === "object" && (value as Record<string, unknown>)[SECRET_SIG] === SECRET_VALUE
    );
}

/** The one place secrets are unwrapped: into `[secret]` for anything shown, or into their value for checks. */
export function mapSecrets(value: unknown, onSecret: (secret: unknown) => unknown): unknown {
    if (isWrappedSecret(value)) return onSecret(value.value);
    if (Array.isArray(value)) return value.map((v) => mapSecrets(v, onSecret));
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapSecrets(v, onSecret)]));
    }
    return value;
}

export const REDACTED = "[secret]";
export const redactSecrets = (value: unknown) => mapSecrets(value, () => REDACTED);
export const revealSecrets = (value: unknown): unknown => mapSecrets(value, (secret) => revealSecrets(secret));

interface RegisterRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getCustom(): boolean;
    getProtect(): boolean | undefined;
    getRetainondelete(): boolean | undefined;
    getDeletebeforereplace(): boolean;
    getDependenciesList(): string[];
    getAliasesList(): { toObject(): { spec?: Record<string, unknown>; urn?: string } }[];
}

/** A macrotask turn: every microtask chain queued before it (mock registrations, applies) has run by then. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Quiet turns in a row after which nothing more will register (measured: applies settle within one). */
const QUIET_TURNS = 3;

/**
 * Runs a Pulumi program on Pulumi's own mock runtime and records every registration as the engine would see it.
 * Resources created inside an apply register after the program's stack outputs resolve, so the run is complete
 * only once no registration is in flight and a few event-loop turns pass without a new one, as Pulumi's language
 * host waits for its outstanding RPCs. Runs are sequential: the mock runtime is process-global, so a second run
 * waits for the first. `program` is what the language host would load: it returns the stack outputs.
 */
export function runProgramOnMocks(program: () => unknown, stack: StackConfiguration): Promise<PlanRun> {
    const run = previousRun.then(() => runOnce(program, stack));
    previousRun = run.then(
        () => undefined,
        () => undefined,
    );
    return run;
}

let previousRun: Promise<void> = Promise.resolve();

async function runOnce(program: () => unknown, stack: StackConfiguration): Promise<PlanRun> {
    // No engine address survives from the environment: the mock runtime is the only one the program talks to.
    pulumi.runtime.resetOptions(stack.project, stack.stack, -1, "", "", true, "");
    pulumi.runtime.setMocks(
        {
            newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }),
            call: (args) => args.inputs,
        },
        stack.project,
        stack.stack,
        true,
    );
    pulumi.runtime.setAllConfig(programConfigValues(stack), [...stack.secretKeys]);

    const resources: PlannedResource[] = [];
    let inFlight = 0;
    const monitor = pulumi.runtime.getMonitor() as unknown as {
        registerResource(
            req: RegisterRequest & { getObject(): unknown },
            cb: (err: unknown, res: { getUrn(): string }) => void,
        ): void;
    };
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, callback) => {
        inFlight++;
        register(req, (err, response) => {
            inFlight--;
            if (!err) {
                resources.push({
                    type: req.getType(),
                    name: req.getName(),
                    urn: response.getUrn(),
                    parent: req.getParent() || undefined,
                    custom: req.getCustom(),
                    inputs: pulumi.runtime.deserializeProperties(req.getObject() as never) as Record<string, unknown>,
                    options: {
                        protect: req.getProtect() ?? false,
                        retainOnDelete: req.getRetainondelete() ?? false,
                        deleteBeforeReplace: req.getDeletebeforereplace(),
                        dependsOn: req.getDependenciesList(),
                        aliases: req.getAliasesList().map((alias) => {
                            const { spec, urn } = alias.toObject();
                            return spec
                                ? Object.fromEntries(Object.entries(spec).filter(([, v]) => v !== "" && v !== false))
                                : { urn };
                        }),
                    },
                });
            }
            callback(err, response);
        });
    };

    // The SDK surfaces a program's error on several promise chains, one of them unobserved; like Pulumi's own
    // language host, the plan treats an unhandled rejection during the run as the program's failure.
    let failure: unknown;
    const onUnhandled = (err: unknown) => (failure ??= err);
    process.on("unhandledRejection", onUnhandled);
    // @pulumi/pulumi runtime/debuggable.js reads `new Error().stack` for every promise it makes; with tsx's source maps
    // on, each of those maps every frame, a third of a plan's CPU. The plan reports errors by message, never by stack,
    // so the maps are off while the program runs (and restored for whatever runs after; `process.sourceMapsEnabled`
    // needs Node 20.7; `engines` asks for 20.19, DEVELOPERS.md says why).
    const sourceMaps = process.sourceMapsEnabled;
    process.setSourceMapsEnabled(false);
    try {
        let outputs: Record<string, unknown> = {};
        try {
            const exports = await pulumi.runtime.runInPulumiStack(async () => program());
            outputs = await pulumi.runtime.serializeProperties("outputs", exports ?? {});
        } catch (err) {
            failure ??= err;
        }
        for (let quiet = 0, seen = -1; quiet < QUIET_TURNS;) {
            await nextTurn();
            quiet = inFlight === 0 && resources.length === seen ? quiet + 1 : 0;
            seen = resources.length;
        }
        if (failure !== undefined) throw failure;
        return { resources: resources.filter((r) => r.type !== "pulumi:pulumi:Stack"), outputs };
    } finally {
        process.setSourceMapsEnabled(sourceMaps);
        process.off("unhandledRejection", onUnhandled);
    }
}

/**
 * Loads a program module the way the language host does, afresh on every run: a module already in `require`'s
 * cache would not declare its resources again. Loaded with require, not import(): a CJS module that throws under
 * tsx's ESM loader is reported as uncaught even when the import's rejection is handled.
 */
export function programModule(programPath: string): () => unknown {
    return () => {
        delete require.cache[require.resolve(programPath)];
        return require(programPath);
    };
}
