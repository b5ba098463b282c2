import * as fs from "fs";
import * as path from "path";
import { ConfigError } from "../src/config";
import { PlanRun, revealSecrets, runProgramOnMocks } from "./mockRuntime";
import { checkPolicies, loadPolicyConfig, policyConfigPath } from "./policyCheck";
import { kubernetesManifests, planDocument, planTable, PlanReport } from "./render";
import { loadStackConfig, secretPlaceholder } from "./stackConfig";

const USAGE = "usage: npm run plan -- --stack <stack> [--json] [--out <dir>] [--config <key>=<value> ...]";

interface PlanArgs {
    stack: string;
    json: boolean;
    out?: string;
    config: string[];
    program: string;
}

function parseArgs(argv: string[]): PlanArgs {
    const args: PlanArgs = { stack: "", json: false, config: [], program: "index.ts" };
    for (let i = 0; i < argv.length; i++) {
        const flag = argv[i];
        const value = () => {
            const next = argv[++i];
            if (next === undefined) throw new UsageError(`${flag} needs a value`);
            return next;
        };
        if (flag === "--stack" || flag === "-s") args.stack = value();
        else if (flag === "--json") args.json = true;
        else if (flag === "--out") args.out = value();
        else if (flag === "--config" || flag === "-c") args.config.push(value());
        else if (flag === "--program") args.program = value();
        else throw new UsageError(`unknown argument ${flag}`);
    }
    if (!args.stack) throw new UsageError("--stack is required");
    return args;
}

class UsageError extends Error {}

/** The placeholder secrets the program actually used: a key this stack never reads is not worth reporting. */
function usedPlaceholders(placeholders: readonly string[], run: PlanRun): string[] {
    const planned = JSON.stringify(revealSecrets([run.resources.map((r) => r.inputs), run.outputs]));
    return placeholders.filter((key) => planned.includes(secretPlaceholder(key)));
}

async function main(): Promise<number> {
    const root = path.resolve(__dirname, "..");
    const args = parseArgs(process.argv.slice(2));
    const stackConfig = loadStackConfig(root, args.stack, args.config);
    // Read before planning, so that a stack without a policy config fails before anything runs.
    const policyConfig = loadPolicyConfig(policyConfigPath(args.stack));
    const run = await runProgramOnMocks(path.resolve(root, args.program), stackConfig);
    const report: PlanReport = {
        ...run,
        project: stackConfig.project,
        stack: stackConfig.stack,
        placeholders: usedPlaceholders(stackConfig.placeholders, run),
        policyViolations: await checkPolicies(run.resources, policyConfig, {
            project: stackConfig.project,
            stack: stackConfig.stack,
        }),
    };

    if (args.out) {
        fs.mkdirSync(args.out, { recursive: true });
        for (const [file, manifest] of kubernetesManifests(report))
            fs.writeFileSync(path.join(args.out, file), manifest);
    }
    process.stdout.write(args.json ? `${JSON.stringify(planDocument(report), null, 2)}\n` : `${planTable(report)}\n`);
    return report.policyViolations.some((v) => v.level === "mandatory") ? 1 : 0;
}

main().then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
        if (err instanceof UsageError) process.stderr.write(`error: ${err.message}\n${USAGE}\n`);
        else if (err instanceof ConfigError || err instanceof Error) process.stderr.write(`error: ${oneLine(err)}\n`);
        else process.stderr.write(`error: ${String(err)}\n`);
        process.exitCode = 2;
    },
);

function oneLine(err: Error): string {
    return err.message.split("\n")[0];
}
