// `npm run release -- <version> [--rollback] [--stack demo-staging] [--root <dir>]`: stages a ServiceRadar release by
// writing `version` into the staging stack's file. Pulumi Deployments (or the release workflow) applies it on push.

import { commandEntry } from "../../lib/cli/entry";
import { UsageError, parseCommandLine } from "../../lib/cli/args";
import { EXIT, ExitCode } from "../../lib/cli/exitCodes";
import { Output, REPOSITORY_ROOT, ToolContext, contextOutput, guardedOutput, stackOption } from "./args";
import { reportCommandError } from "./commandErrors";
import { LockedEditOptions } from "../../lib/lockedFile";
import { ModeSetting, applyStepOf, promotionModeOf } from "./settings";
import {
    PROMOTION_TARGET,
    STAGING_STACK,
    VersionEditResult,
    editStackVersion,
    readProjectFile,
    stackFileName,
    updateStackFile,
} from "../../config/stackFile";
import { isReleaseVersion, movement, versionArgument, stopUnwantedMove } from "./versions";

export const RELEASE_USAGE = `Usage: npm run release -- <version> [--rollback] [--stack ${STAGING_STACK}] [--root <dir>]

Writes <version> (semver without a leading v, e.g. 1.2.28) into Pulumi.<stack>.yaml as
serviceradar-release:version, keeping every other key, the order and the comments.

Options:
  --rollback      allow a version lower than the stack's current one
  --stack <name>  stack to release to (default ${STAGING_STACK}; ${PROMOTION_TARGET} is reached only by npm run promote)
  --root <dir>    project directory holding Pulumi.yaml and the stack files (default: this repository)
  -h, --help      show this help

Exit codes: 0 written, 1 refused (lower version without --rollback), 2 usage or input error,
  3 nothing to do (the stack already has that version), 5 internal error.`;

export interface ReleaseOptions extends LockedEditOptions {
    /** Default project directory when --root is not given. */
    root: string;
}

export function runRelease(argv: readonly string[], given: Output, options: ReleaseOptions): number {
    const io = guardedOutput(given);
    try {
        return release(argv, io, options);
    } catch (err) {
        return reportCommandError("release", io, err);
    }
}

function release(argv: readonly string[], io: Output, options: ReleaseOptions): number {
    const args = parseCommandLine(argv, { rollback: "boolean", stack: "string", root: "string" });
    if (args.help) {
        io.out(RELEASE_USAGE);
        return EXIT.ok;
    }
    const version = versionArgument(args, "npm run release -- 1.2.28");
    const stack = stackOption(args, STAGING_STACK);
    if (stack === PROMOTION_TARGET) {
        throw new UsageError(
            `${PROMOTION_TARGET} is only reached by promotion: release to ${STAGING_STACK}, let the e2e gate pass, then ` +
                `merge the promoter's PR (promoter mode) or run npm run promote -- ${version} (direct mode)`,
        );
    }
    const root = args.strings.get("root") ?? options.root;
    const project = readProjectFile(root);
    const file = stackFileName(stack);
    const rollback = args.booleans.has("rollback");

    // The file is read, judged and written under its lock: concurrent releases are serialised, none writes over a
    // version it has not seen, and the no-op / step-back rule is applied to what the file holds at that moment.
    const outcome: { stopped?: ExitCode; edit?: VersionEditResult; mode?: ModeSetting; apply?: string } = {};
    updateStackFile(
        root,
        stack,
        (text) => {
            const edit = editStackVersion(text, { project: project.name, version }, file);
            const previous = edit.previous;
            if (previous !== undefined && !isReleaseVersion(previous)) {
                io.err(
                    `release: warning: ${file} held version ${JSON.stringify(previous)}, which is not semver; replacing it`,
                );
            } else if (previous !== undefined) {
                outcome.stopped = stopUnwantedMove(
                    "release",
                    { stack, file, from: previous, to: version, rollback },
                    io,
                );
                if (outcome.stopped !== undefined) return undefined;
                if (movement(previous, version) === "forward" && rollback) {
                    io.err(
                        `release: warning: --rollback given but ${version} is newer than ${previous}; releasing forward`,
                    );
                }
            }
            outcome.mode = promotionModeOf(project, text, stack);
            outcome.apply = applyStepOf(project, text, stack, "release");
            outcome.edit = edit;
            return edit.text;
        },
        options,
    );
    if (outcome.stopped !== undefined) return outcome.stopped;
    const { edit, mode, apply } = outcome as { edit: VersionEditResult; mode: ModeSetting; apply: string };
    const previous = edit.previous;

    const from = previous === undefined ? "(unset)" : previous;
    const rollingBack =
        previous !== undefined && isReleaseVersion(previous) && movement(previous, version) === "backward";
    io.out(`${rollingBack ? "Rolled back" : "Released"} ${stack}: version ${from} -> ${version} in ${file}`);
    for (const note of edit.notes) io.out(`  ${note}`);
    for (const warning of edit.warnings) io.err(`release: warning: ${warning}`);
    io.out("");
    io.out("Next:");
    io.out(`  1. git add ${file} && git commit -m "release: ServiceRadar ${version} to ${stack}" && git push`);
    io.out(`     ${apply}`);
    io.out(`  2. The e2e gate runs against ${stack} (release workflow, job e2e).`);
    if (mode.mode === "promoter") {
        io.out(`  3. promotionMode is promoter (${mode.source}): once the gate reports success, GitOps Promoter opens`);
        io.out(`     the ${PROMOTION_TARGET} PR; a human merges it to promote ${version}.`);
    } else {
        io.out(`  3. promotionMode is direct (${mode.source}): once the gate reports success on v${version}, run`);
        io.out(
            `     npm run promote -- ${version}   (or the promote workflow) to write ${stackFileName(PROMOTION_TARGET)}.`,
        );
    }
    return EXIT.ok;
}

/** `npm run release -- ...` as a command (what tools/release.ts runs). */
export const runReleaseCommand = commandEntry("release", EXIT.internalError, (argv, context: ToolContext) =>
    runRelease(argv, contextOutput(context), { root: context.root ?? REPOSITORY_ROOT }),
);
