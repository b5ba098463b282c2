import { spawnSync } from "child_process";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");
const runs = Number(process.argv.find((a) => a.startsWith("--runs="))?.slice("--runs=".length) ?? 5);

function timePlan(args: string[]): number {
    const start = process.hrtime.bigint();
    const child = spawnSync(process.execPath, ["--import", "tsx", "plan/cli.ts", "--json", ...args], {
        cwd: ROOT,
        encoding: "utf8",
    });
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    if (child.status !== 0) throw new Error(`plan ${args.join(" ")} failed (${child.status}): ${child.stderr}`);
    return elapsed;
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function measure(label: string, args: string[]) {
    timePlan(args); // warm the file system cache and tsx's transform cache
    const samples = Array.from({ length: runs }, () => timePlan(args));
    return { label, median: median(samples), min: Math.min(...samples), max: Math.max(...samples) };
}

/** The pipeline stack with 20 environments: the same project, the list longer (customer-01 ... after demo). */
const TWENTY_ENVIRONMENTS = JSON.stringify([
    "demo-staging",
    "demo",
    ...Array.from({ length: 18 }, (_, i) => `customer-${String(i + 1).padStart(2, "0")}`),
]);

const floor = measure("floor (empty program)", ["--stack", "demo", "--program", "plan/emptyProgram.ts"]);
const pipeline = measure("demo-staging", ["--stack", "demo-staging"]);
const twenty = measure("demo-staging, 20 envs", [
    "--stack",
    "demo-staging",
    "--config",
    `environments=${TWENTY_ENVIRONMENTS}`,
]);
const rows = [floor, pipeline, measure("demo", ["--stack", "demo"]), twenty];

console.log(`Offline plan timings, ${runs} runs each after one warm-up, whole process (node + tsx + mock runtime):`);
for (const row of rows) {
    const ratio = (row.median / floor.median).toFixed(2);
    console.log(
        `  ${row.label.padEnd(24)} median ${row.median.toFixed(0).padStart(6)} ms  (min ${row.min.toFixed(0)}, max ${row.max.toFixed(0)})  ${ratio}x floor`,
    );
}
console.log(`20 environments take ${(twenty.median / pipeline.median).toFixed(2)}x the 2-environment plan.`);
