// `npm run --silent environments -- [--json | --github-output] [--root <dir>]`: the environments in promotion order
// with each one's gates and how CI reaches it, read with the program's own parser, so the workflows derive their
// matrices from `environments` (Pulumi.yaml and the pipeline stack's file) instead of naming stacks.

import * as path from "node:path";
import { ConfigError } from "../../config/config";
import { environmentPolicyConfig, projectPolicyPackDir } from "../../lib/policyPackFiles";
import { commandEntry } from "../../lib/cli/entry";
import { UsageError, parseCommandLine } from "../../lib/cli/args";
import { EXIT } from "../../lib/cli/exitCodes";
import { Output, REPOSITORY_ROOT, ToolContext, contextOutput, guardedOutput } from "./args";
import { readStatusSettings } from "./status/settings";
import { gateTarget, stackReleaseConfig } from "./stackSettings";
import { StackFileError } from "../../config/stackFile";

export const ENVIRONMENTS_USAGE = `Usage: npm run --silent environments -- [--json | --github-output] [--root <dir>]

The environments in promotion order (config environments), each with its gates (environmentGates: e2e, soak), who
merges its promotion (autoMergeEnvironments), its promotion mode, whether Pulumi Deployments applies it, and where its
e2e gate reports (the same values as tools/stack-info.ts).
  --json           one JSON document on one line: {"pipelineStack", "environments": [...]}
  --github-output  key=value lines for $GITHUB_OUTPUT: environments (the JSON list), names, first,
                   first_policy_config, policy_configs (environment -> policy config), e2e_environments (the JSON list of those with the e2e gate), release_e2e_environments (those
                   of them a release reaches without a person: the first, then auto-merged ones)
Exit codes: 0 printed, 2 usage or configuration error (a missing stack file names the file).`;

/** One environment as the workflows see it; the keys are the matrix's (`matrix.name`, `matrix.e2e`, ...). */
export interface EnvironmentEntry {
    name: string;
    /** 1-based place in the promotion order. */
    position: number;
    /** The environment before it, which must pass its gates first; absent for the first. */
    previous?: string;
    /** GitOps Promoter merges its promotion pull request itself; otherwise a person does. */
    autoMerge: boolean;
    /** CI's e2e gate runs against it and reports on its live hydrated commit (promoter) or the release tag (direct). */
    e2e: boolean;
    /** Soak time before the next environment may receive the release; empty for none. */
    soak: string;
    promotionMode: string;
    deploymentsEnabled: boolean;
    githubRepo: string;
    statusContext: string;
    statusRef: string;
    /** The policy config its stack passes (`policies/<env>.json`, or the nearest earlier environment's), repo-relative. */
    policyConfig: string;
}

export interface EnvironmentsReport {
    pipelineStack: string;
    environments: EnvironmentEntry[];
}

/** Every environment of the pipeline stack's configuration, each also read from its own stack file. */
export function readEnvironments(root: string): EnvironmentsReport {
    const { pipelineStack, environments } = readStatusSettings(root);
    const pipeline = stackReleaseConfig(root, pipelineStack);
    const packDir = projectPolicyPackDir(root);
    return {
        pipelineStack,
        environments: environments.map((name, index) => {
            const own = stackReleaseConfig(root, name);
            const target = gateTarget(own);
            const gates = pipeline.promotion.gates[name];
            return {
                name,
                position: index + 1,
                ...(index > 0 ? { previous: environments[index - 1] } : {}),
                autoMerge: pipeline.promotion.autoMerge.includes(name),
                e2e: gates.e2e,
                soak: gates.soakDuration ?? "",
                promotionMode: own.promotion.mode,
                deploymentsEnabled: own.deployments !== undefined,
                githubRepo: target.repo,
                statusContext: target.context,
                statusRef: target.ref,
                policyConfig: path.relative(root, environmentPolicyConfig(name, environments, packDir)),
            };
        }),
    };
}

function textLines(report: EnvironmentsReport): string[] {
    return [
        `Environments in promotion order (gates declared by ${report.pipelineStack}):`,
        ...report.environments.map((env) => {
            const gates = [env.e2e ? "e2e" : "", env.soak ? `soak ${env.soak}` : ""].filter(Boolean);
            return (
                `  ${env.position}. ${env.name}${env.previous ? ` (after ${env.previous})` : ""}: gates ` +
                `${gates.length > 0 ? gates.join(", ") : "none"}; ${env.autoMerge ? "auto-merged" : "merged by a person"}; ` +
                `${env.promotionMode} mode; ${env.deploymentsEnabled ? "Pulumi Deployments" : "pulumi up from CI"}`
            );
        }),
    ];
}

/**
 * The environments with the e2e gate that a release reaches without a person: the first (the release workflow stages
 * it), then each following one while GitOps Promoter merges its promotion itself. The release workflow gates these;
 * an environment after a person's merge is gated when its promotion runs.
 */
export function releaseGatedEnvironments(list: readonly EnvironmentEntry[]): EnvironmentEntry[] {
    const reached = list.findIndex((env, index) => index > 0 && !env.autoMerge);
    return list.slice(0, reached === -1 ? list.length : reached).filter((env) => env.e2e);
}

function githubOutputLines(report: EnvironmentsReport): string[] {
    const list = report.environments;
    return [
        `environments=${JSON.stringify(list)}`,
        `names=${JSON.stringify(list.map((env) => env.name))}`,
        `first=${list[0].name}`,
        `first_policy_config=${list[0].policyConfig}`,
        `policy_configs=${JSON.stringify(Object.fromEntries(list.map((env) => [env.name, env.policyConfig])))}`,
        `e2e_environments=${JSON.stringify(list.filter((env) => env.e2e))}`,
        `release_e2e_environments=${JSON.stringify(releaseGatedEnvironments(list))}`,
    ];
}

export function runEnvironments(argv: readonly string[], given: Output, options: { root: string }): number {
    const io = guardedOutput(given);
    try {
        const args = parseCommandLine(
            argv,
            { json: "boolean", "github-output": "boolean", root: "string" },
            { positionals: false },
        );
        if (args.help) {
            io.out(ENVIRONMENTS_USAGE);
            return EXIT.ok;
        }
        if (args.booleans.has("json") && args.booleans.has("github-output")) {
            throw new UsageError("--json and --github-output: choose one output format");
        }
        const report = readEnvironments(args.strings.get("root") ?? options.root);
        const lines = args.booleans.has("json")
            ? [JSON.stringify(report)]
            : args.booleans.has("github-output")
              ? githubOutputLines(report)
              : textLines(report);
        for (const line of lines) io.out(line);
        return EXIT.ok;
    } catch (err) {
        if (err instanceof UsageError || err instanceof StackFileError || err instanceof ConfigError) {
            io.err(`environments: ${err.message}`);
            return EXIT.usage;
        }
        io.err(`environments: internal error: ${err instanceof Error ? err.message : String(err)}`);
        return EXIT.internalError;
    }
}

/** `npm run environments` as a command (what tools/environments.ts runs). */
export const runEnvironmentsCommand = commandEntry("environments", EXIT.internalError, (argv, context: ToolContext) =>
    runEnvironments(argv, contextOutput(context), { root: context.root ?? REPOSITORY_ROOT }),
);
