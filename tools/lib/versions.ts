// Release versions: what counts as one, how two compare, and the values derived from one.

import * as semver from "semver";
import { ParsedArgs, UsageError, singlePositional } from "../../lib/cli/args";
import { EXIT, ExitCode } from "../../lib/cli/exitCodes";
import { Output } from "./args";

export type VersionCheck = { ok: true; version: string } | { ok: false; message: string };

const EXAMPLE = "1.2.28";

/**
 * Accepts exactly a semver release without a leading v (1.2.28, 1.3.0-rc.1): the form of the stack's `version` key.
 * Anything else is refused with a message that names the value and, when one exists, the accepted spelling.
 */
export function parseReleaseVersion(input: string | undefined): VersionCheck {
    if (input === undefined || input.trim() === "") {
        return { ok: false, message: `missing version: expected semver without a leading v, e.g. ${EXAMPLE}` };
    }
    if (semver.valid(input) === input) return { ok: true, version: input };
    const shown = JSON.stringify(input);
    const trimmed = input.trim();
    if (/^[vV]/.test(trimmed) && semver.valid(trimmed.slice(1)) === trimmed.slice(1)) {
        const bare = trimmed.slice(1);
        return { ok: false, message: `${shown} is not a release version: drop the leading "v" and pass ${bare}` };
    }
    const cleaned = semver.clean(input);
    if (cleaned !== null && cleaned !== input) {
        return { ok: false, message: `${shown} is not a release version: did you mean ${cleaned}?` };
    }
    return {
        ok: false,
        message: `${shown} is not a release version: expected semver without a leading v, e.g. ${EXAMPLE}`,
    };
}

export type Movement = "forward" | "same" | "backward";

/** How moving from `current` to `next` relates to semver order (both must be valid). */
export function movement(current: string, next: string): Movement {
    const order = semver.compare(next, current);
    return order > 0 ? "forward" : order < 0 ? "backward" : "same";
}

/** True when `value` is a valid release version (used to check what a stack file currently holds). */
export function isReleaseVersion(value: string | undefined): value is string {
    return value !== undefined && semver.valid(value) === value;
}

/** The one positional argument of release and promote: a release version, or a UsageError saying what is wrong. */
export function versionArgument(args: ParsedArgs, example: string): string {
    const check = parseReleaseVersion(singlePositional(args, `version (e.g. ${example})`));
    if (!check.ok) throw new UsageError(check.message);
    return check.version;
}

/**
 * The rule release and promote share for moving a stack from one version to another: the same version is a no-op,
 * a step back needs --rollback. Returns the exit code when the move stops here, undefined when it may go on.
 */
export function stopUnwantedMove(
    command: string,
    move: { stack: string; file: string; from: string; to: string; rollback: boolean },
    io: Output,
): ExitCode | undefined {
    const direction = movement(move.from, move.to);
    if (direction === "same") {
        io.out(`${move.stack} is already at ${move.to}; nothing to do (${move.file} unchanged).`);
        return EXIT.nothingToDo;
    }
    if (direction === "backward" && !move.rollback) {
        io.err(
            `${command}: refusing to move ${move.stack} backwards from ${move.from} to ${move.to}; ` +
                `pass --rollback to roll back on purpose (${move.file} unchanged)`,
        );
        return EXIT.refused;
    }
    return undefined;
}
