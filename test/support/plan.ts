import { spawnSync } from "child_process";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "../..");

export interface PlanResult {
    code: number;
    stdout: string;
    stderr: string;
}

export interface PlannedResourceJson {
    type: string;
    name: string;
    urn: string;
    parent?: string;
    inputs: Record<string, any>;
    options: { protect: boolean; retainOnDelete: boolean; deleteBeforeReplace: boolean; dependsOn: string[] };
}

export interface PlanJson {
    stack: string;
    project: string;
    resources: PlannedResourceJson[];
    outputs: Record<string, unknown>;
    placeholders: string[];
    policyViolations: { policy: string; level: string; resource?: string; message: string }[];
}

const cache = new Map<string, PlanResult>();

/** Runs the plan command exactly as a user does (`npm run plan -- ...` is `tsx plan/cli.ts ...`), cached per args. */
export function runPlan(args: string[]): PlanResult {
    const key = JSON.stringify(args);
    const cached = cache.get(key);
    if (cached) return cached;
    const child = spawnSync(process.execPath, ["--import", "tsx", "plan/cli.ts", ...args], {
        cwd: ROOT,
        encoding: "utf8",
        timeout: 120_000,
    });
    const result = { code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
    cache.set(key, result);
    return result;
}

/** The `--json` plan of a stack; fails loudly when the command did not succeed. */
export function planJson(stack: string, ...config: string[]): PlanJson {
    const result = runPlan(["--stack", stack, "--json", ...config.flatMap((c) => ["--config", c])]);
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
