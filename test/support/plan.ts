import { execFile } from "child_process";
import * as path from "path";
import { planCommand, PlanCommandResult } from "../../plan/command";

export const ROOT = path.resolve(__dirname, "../..");

export type PlanResult = PlanCommandResult;

export interface PlannedResourceJson {
    type: string;
    name: string;
    urn: string;
    parent?: string;
    inputs: Record<string, any>;
    options: {
        protect: boolean;
        retainOnDelete: boolean;
        deleteBeforeReplace: boolean;
        dependsOn: string[];
        aliases: Record<string, unknown>[];
    };
}

export interface PlanJson {
    stack: string;
    project: string;
    resources: PlannedResourceJson[];
    outputs: Record<string, unknown>;
    placeholders: string[];
    policyViolations: { policy: string; level: string; resource?: string; message: string }[];
}

const cache = new Map<string, Promise<PlanResult>>();
let cachedUnder: string | number | undefined;

/**
 * Whether a plan may be served from the cache, and under which mutant. `npm run mutation` switches mutants on and off
 * between runs of the same loaded tests (test/support/strykerMochaRunner.mjs): a plan computed under one mutant, or
 * before any, must not answer a test run under another, and while it measures which tests reach which code (no
 * mutant active) each test must compute its own plan, or only the first test of an argument list counts as reaching
 * the program and the others never run against its mutants.
 */
function planCache(): Map<string, Promise<PlanResult>> | undefined {
    const stryker = (globalThis as { __stryker__?: { activeMutant?: string | number } }).__stryker__;
    if (stryker === undefined) return cache;
    if (stryker.activeMutant === undefined) return undefined;
    if (stryker.activeMutant !== cachedUnder) {
        cache.clear();
        cachedUnder = stryker.activeMutant;
    }
    return cache;
}

/**
 * Runs the plan command in this process, exactly as `npm run plan -- ...` runs it (the same `index.ts` on the same
 * mock runtime, the same output and exit code), cached per argument list.
 */
export function runPlan(args: string[]): Promise<PlanResult> {
    const cached = planCache();
    const key = JSON.stringify(args);
    let result = cached?.get(key);
    if (!result) {
        result = planCommand(args);
        cached?.set(key, result);
    }
    return result;
}

/**
 * Runs a command in its own process without blocking: the few end-to-end checks of the CLI start theirs when their
 * file loads, so they run on the second core beside the in-process suite.
 */
export function spawnAsync(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<PlanResult> {
    return new Promise((resolve) => {
        execFile(command, args, { cwd: ROOT, encoding: "utf8", timeout: 120_000, env }, (error, stdout, stderr) =>
            resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr }),
        );
    });
}

/** `npm run plan -- ...` as CI runs it (node with tsx, no npm wrapper), in its own process. */
export function runPlanProcess(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<PlanResult> {
    return spawnAsync(process.execPath, ["--import", "tsx", "plan/cli.ts", ...args], env);
}

/** The `--json` plan of a stack; fails loudly when the command did not succeed. */
export async function planJson(stack: string, ...config: string[]): Promise<PlanJson> {
    const result = await runPlan(["--stack", stack, "--json", ...config.flatMap((c) => ["--config", c])]);
    if (result.stdout.trim() === "") {
        throw new Error(`plan of ${stack} produced no JSON (exit ${result.code}): ${result.stderr}`);
    }
    return JSON.parse(result.stdout) as PlanJson;
}

export function resourcesOfType(plan: PlanJson, type: string): PlannedResourceJson[] {
    return plan.resources.filter((r) => r.type === type);
}

export function onlyResource(
    plan: PlanJson,
    type: string,
    predicate: (r: PlannedResourceJson) => boolean = () => true,
) {
    const matches = resourcesOfType(plan, type).filter(predicate);
    if (matches.length !== 1)
        throw new Error(`expected one ${type} in the ${plan.stack} plan, found ${matches.length}`);
    return matches[0];
}
