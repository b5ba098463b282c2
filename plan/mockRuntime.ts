import * as pulumi from "@pulumi/pulumi";
import type { StackConfiguration } from "./stackConfig";

/** The options of a resource registration that matter to a reader of the plan. */
export interface PlannedOptions {
    protect: boolean;
    retainOnDelete: boolean;
    deleteBeforeReplace: boolean;
    dependsOn: string[];
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
}

/**
 * Runs a Pulumi program on Pulumi's own mock runtime and records every registration as the engine would see it.
 * Resources created inside an apply register after `runtime.disconnect()` returns, so the plan is complete only once
 * the event loop has drained: the result resolves on the process's `beforeExit`, as Pulumi's Node host does. One
 * plan per process. The program is loaded with require, not import(): a CJS module that throws under tsx's ESM
 * loader is reported as uncaught even when the import's rejection is handled.
 */
export function runProgramOnMocks(programPath: string, stack: StackConfiguration): Promise<PlanRun> {
    pulumi.runtime.setMocks(
        {
            newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }),
            call: (args) => args.inputs,
        },
        stack.project,
        stack.stack,
        true,
    );
    pulumi.runtime.setAllConfig({ ...stack.values }, [...stack.secretKeys]);

    const resources: PlannedResource[] = [];
    const monitor = pulumi.runtime.getMonitor() as unknown as {
        registerResource(
            req: RegisterRequest & { getObject(): unknown },
            cb: (err: unknown, res: { getUrn(): string }) => void,
        ): void;
    };
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, callback) =>
        register(req, (err, response) => {
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
                    },
                });
            }
            callback(err, response);
        });

    return new Promise<PlanRun>((resolve, reject) => {
        let outputs: Record<string, unknown> | undefined;
        let failure: unknown;
        // The SDK surfaces a program's error on several promise chains, one of them unobserved; like Pulumi's own
        // language host, the plan treats an unhandled rejection as the program's failure instead of crashing.
        process.on("unhandledRejection", (err) => (failure ??= err));
        pulumi.runtime
            .runInPulumiStack(async () => require(programPath))
            .then((exports) => pulumi.runtime.serializeProperties("outputs", exports ?? {}))
            .then((serialized) => (outputs = serialized))
            .catch((err) => (failure = err));
        process.once("beforeExit", () => {
            if (failure !== undefined) reject(failure);
            else
                resolve({
                    resources: resources.filter((r) => r.type !== "pulumi:pulumi:Stack"),
                    outputs: outputs ?? {},
                });
        });
    });
}
