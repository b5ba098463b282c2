// `tsx tools/stack-info.ts --stack <stack> [--version <v>] [--root <dir>]`: prints key=value lines (for
// $GITHUB_OUTPUT) describing where the stack's e2e gate reports, so workflows follow the stack files.

import { commandEntry } from "../../lib/cli/entry";
import { UsageError, parseCommandLine } from "../../lib/cli/args";
import { EXIT } from "../../lib/cli/exitCodes";
import { Output, REPOSITORY_ROOT, ToolContext, contextOutput, guardedOutput, stackOption } from "./args";
import { gateTarget, stackReleaseConfig } from "./stackSettings";
import { StackFileError } from "../../config/stackFile";
import { parseReleaseVersion } from "./versions";

export const STACK_INFO_USAGE = `Usage: tsx tools/stack-info.ts --stack <stack> [--version <version>] [--root <dir>]

Prints, one key=value a line: stack, version, promotion_mode, github_repo, status_context, status_ref,
deployments_enabled. status_ref is heads/environment/<stack> in promoter mode (the hydrated commit) and
tags/v<version> in direct mode; deployments_enabled is the stack's deploymentsEnabled (true: Pulumi Deployments runs
pulumi up on push).
Exit codes: 0 printed, 2 usage or input error.`;

export function runStackInfo(argv: readonly string[], given: Output, options: { root: string }): number {
    const io = guardedOutput(given);
    try {
        const args = parseCommandLine(
            argv,
            { stack: "string", version: "string", root: "string" },
            { positionals: false },
        );
        if (args.help) {
            io.out(STACK_INFO_USAGE);
            return EXIT.ok;
        }
        const stack = stackOption(args);
        if (stack === undefined) throw new UsageError("--stack <stack> is required");
        const root = args.strings.get("root") ?? options.root;
        // The stack as its file reads; where it decides its version (not a promoter-mode stack other than the
        // pipeline stack), parsed again with --version so that what derives from the version follows it.
        const own = stackReleaseConfig(root, stack);
        const raw = args.strings.get("version") ?? own.pins?.version;
        if (raw === undefined) {
            throw new UsageError(
                `--version <version> is required for ${stack}: in promoter mode ${own.promotion.pipelineStack} ` +
                    `decides what ${stack} runs, so its stack file has no version`,
            );
        }
        const check = parseReleaseVersion(raw);
        if (!check.ok) throw new UsageError(check.message);
        const config = own.pins === undefined ? own : stackReleaseConfig(root, stack, [`version=${check.version}`]);
        const target = gateTarget(config);
        const deployments = config.deployments !== undefined;
        const lines: Array<[string, string]> = [
            ["stack", stack],
            ["version", check.version],
            ["promotion_mode", target.mode],
            ["github_repo", target.repo],
            ["status_context", target.context],
            ["status_ref", target.ref],
            ["deployments_enabled", String(deployments)],
        ];
        for (const [key, value] of lines) {
            if (/[\r\n]/.test(value)) throw new UsageError(`${key} contains a line break`);
            io.out(`${key}=${value}`);
        }
        return EXIT.ok;
    } catch (err) {
        if (err instanceof UsageError || err instanceof StackFileError) {
            io.err(`stack-info: ${err.message}`);
            return EXIT.usage;
        }
        io.err(`stack-info: internal error: ${err instanceof Error ? err.message : String(err)}`);
        return EXIT.internalError;
    }
}

/** `tsx tools/stack-info.ts ...` as a command (what tools/stack-info.ts runs). */
export const runStackInfoCommand = commandEntry("stack-info", EXIT.internalError, (argv, context: ToolContext) =>
    runStackInfo(argv, contextOutput(context), { root: context.root ?? REPOSITORY_ROOT }),
);
