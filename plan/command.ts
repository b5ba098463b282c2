import * as path from "path";
import { parseArgs } from "util";
import { UsageError, usageMessage } from "../lib/cli/args";
import { jsonOutput, safeOutput, untrustedText } from "../lib/cli/sanitize";
import { EXIT } from "../lib/cli/exitCodes";
import { PlanRun, programModule, revealSecrets, runProgramOnMocks } from "./mockRuntime";
import { policies } from "../policies/pack";
import { environmentSummaries } from "./environments";
import { adoptionImportFile } from "./adoption";
import { checkReconciledPolicies } from "./policyCheck";
import { loadPolicyConfig, policyConfigFor, reconcilePolicyConfig } from "./policyConfig";
import { writeManifests } from "./out";
import { diffPlans, PlanDocument } from "./diff";
import { diffMarkdown, diffText } from "./diffRender";
import { planAtRef, resolveCommit } from "./planAtRef";
import { kubernetesManifests, planDocument, planTable, PlanReport } from "./render";
import { loadStackConfig, releaseConfigFrom, secretPlaceholder } from "../config/stackConfig";

export const USAGE =
    "usage: npm run plan -- --stack <stack> [--json | --markdown] [--diff <git ref>] [--out <dir>] [--config <key>=<value> ...]";

const ROOT = path.resolve(__dirname, "..");

/** What one plan command printed and how it exited; the CLI writes it out, the tests read it. */
export interface PlanCommandResult {
    code: number;
    stdout: string;
    stderr: string;
}

interface PlanArgs {
    stack: string;
    json: boolean;
    markdown: boolean;
    /** Compare with the same plan at this git ref instead of printing the plan. */
    diff?: string;
    out?: string;
    config: string[];
    program: string;
}

function parsePlanArgs(argv: string[]): PlanArgs {
    let values;
    try {
        ({ values } = parseArgs({
            args: argv,
            options: {
                stack: { type: "string", short: "s" },
                json: { type: "boolean" },
                markdown: { type: "boolean" },
                diff: { type: "string" },
                out: { type: "string" },
                config: { type: "string", short: "c", multiple: true },
                program: { type: "string" },
            },
            strict: true,
            allowPositionals: false,
        }));
    } catch (err) {
        throw new UsageError(usageMessage(err as Error & { code?: string }));
    }
    if (!values.stack) throw new UsageError("--stack is required");
    if (values.json && values.markdown) throw new UsageError("--json and --markdown: choose one output format");
    if (values.markdown && values.diff === undefined) throw new UsageError("--markdown is the form of a --diff only");
    return {
        stack: values.stack,
        json: values.json ?? false,
        markdown: values.markdown ?? false,
        diff: values.diff,
        out: values.out,
        config: values.config ?? [],
        program: values.program ?? "index.ts",
    };
}

/** The placeholder secrets the program actually used: a key this stack never reads is not worth reporting. */
function usedPlaceholders(placeholders: readonly string[], run: PlanRun): string[] {
    const planned = JSON.stringify(revealSecrets([run.resources.map((r) => r.inputs), run.outputs]));
    return placeholders.filter((key) => planned.includes(secretPlaceholder(key)));
}

/** Where the command reads Pulumi.yaml and the stack files; the program and the policy pack stay this repository's. */
export interface PlanOptions {
    configRoot?: string;
}

async function plan(args: PlanArgs, options: PlanOptions): Promise<PlanCommandResult> {
    // A ref that names no commit is a usage error before anything is planned.
    const diffBase = args.diff === undefined ? undefined : { ref: args.diff, commit: resolveCommit(ROOT, args.diff) };
    const stackConfig = loadStackConfig(options.configRoot ?? ROOT, args.stack, args.config);
    // Parsed by the program's own parser before the run: a bad value is the program's one-line error naming the key,
    // and the promotion order picks the policy config.
    const chain = releaseConfigFrom(stackConfig).environments;
    // Read before planning, so that a stack without a policy config fails before anything runs.
    const policyFile = policyConfigFor(args.stack, chain);
    const policyConfig = policyFile === undefined ? {} : loadPolicyConfig(policyFile);
    const run = await runProgramOnMocks(programModule(path.resolve(ROOT, args.program)), stackConfig);
    const reconciled = reconcilePolicyConfig(policies, policyConfig);
    const report: PlanReport = {
        ...run,
        project: stackConfig.project,
        stack: stackConfig.stack,
        placeholders: usedPlaceholders(stackConfig.placeholders, run),
        policyViolations: await checkReconciledPolicies(run.resources, reconciled, {
            project: stackConfig.project,
            stack: stackConfig.stack,
        }),
        policyConfigFile: policyFile && path.relative(ROOT, policyFile),
        environments: environmentSummaries(
            run.resources,
            Object.fromEntries(Object.entries(reconciled).map(([name, c]) => [name, c.enforcementLevel])),
            chain,
        ),
        imports: adoptionImportFile(run.resources),
    };

    if (args.out) writeManifests(args.out, kubernetesManifests(report));
    return {
        code: report.policyViolations.some((v) => v.level === "mandatory") ? EXIT.mandatoryPolicyViolation : EXIT.ok,
        stdout: diffBase === undefined ? planOutput(report, args) : await diffOutput(report, args, diffBase),
        stderr: (stackConfig.warnings ?? []).map((warning) => `warning: ${safeOutput(warning)}\n`).join(""),
    };
}

/** Each sink escaped for what reads it: JSON for programs, the table for a terminal or a job summary's fence. */
function planOutput(report: PlanReport, args: PlanArgs): string {
    return args.json ? `${jsonOutput(planDocument(report), 2)}\n` : `${safeOutput(planTable(report))}\n`;
}

/** The plan compared with the same plan (same stack, same overrides) at a git ref of this repository. */
async function diffOutput(report: PlanReport, args: PlanArgs, at: { ref: string; commit: string }): Promise<string> {
    const base = await planAtRef(ROOT, at, args.stack, args.config);
    // Through JSON, as the plan at the ref arrives, so both sides compare alike (an undefined field is no field).
    const current = JSON.parse(JSON.stringify(planDocument(report))) as PlanDocument;
    const diff = await diffPlans(base.plan, current, at);
    if (args.json) return `${jsonOutput(diff, 2)}\n`;
    return `${args.markdown ? diffMarkdown(diff) : safeOutput(diffText(diff))}\n`;
}

/**
 * `npm run plan`: exit 0 planned, 1 a mandatory policy violation, 2 a usage or configuration error printed as one
 * line. It runs in-process on the mock runtime, so the tests call it many times in one process.
 */
export async function planCommand(argv: string[], options: PlanOptions = {}): Promise<PlanCommandResult> {
    try {
        return await plan(parsePlanArgs(argv), options);
    } catch (err) {
        if (err instanceof UsageError)
            return { code: EXIT.usage, stdout: "", stderr: `error: ${err.message}\n${USAGE}\n` };
        const message = err instanceof Error ? err.message.split("\n")[0] : String(err);
        return { code: EXIT.usage, stdout: "", stderr: `error: ${untrustedText(message, 1000)}\n` };
    }
}
