// Command-line parsing shared by the release tools: flags, durations, exit codes and output sinks.

import * as path from "node:path";
import { DurationError, DurationRange, parseDuration } from "../../lib/cli/duration";
import { CommandContext, lineWriter } from "../../lib/cli/entry";
import { Redactor } from "../../lib/cli/redact";
import { safeOutput } from "../../lib/cli/sanitize";

/** Exit codes of every tool under tools/ (documented in docs/release.md). */
export const EXIT = {
    /** The change was written (or the wait succeeded). */
    ok: 0,
    /** Refused by a rule: backwards without --rollback, gate not green, wrong promotion mode, staging mismatch. */
    refused: 1,
    /** Usage or input error: unknown flag, bad version, missing file, missing token. Nothing was written. */
    usage: 2,
    /** Nothing to do: the stack already runs that version. Nothing was written. */
    noop: 3,
    /** The GitHub API could not answer (network, timeout, 401/403/404, 5xx). Nothing was written. */
    github: 4,
    /** Unexpected internal error. */
    internal: 5,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Where a command writes; tests capture it, the CLIs bind it to process.stdout/stderr. */
export interface Output {
    out(line: string): void;
    err(line: string): void;
}

export class UsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "UsageError";
    }
}

export type FlagType = "string" | "boolean";

export interface ParsedArgs {
    positionals: string[];
    strings: Map<string, string>;
    booleans: Set<string>;
    help: boolean;
}

/**
 * Parses `--name value`, `--name=value`, boolean `--name`, positionals and `--` (end of flags). Unknown flags, a
 * missing value and a value on a boolean flag are usage errors. A value that itself starts with `--` must be given
 * as `--name=--value`, so that a forgotten value never swallows the next flag.
 */
export function parseArgs(argv: readonly string[], spec: Readonly<Record<string, FlagType>>): ParsedArgs {
    const parsed: ParsedArgs = { positionals: [], strings: new Map(), booleans: new Set(), help: false };
    let flagsDone = false;
    for (let i = 0; i < argv.length; i += 1) {
        const arg = argv[i];
        if (flagsDone || !arg.startsWith("-") || arg === "-") {
            parsed.positionals.push(arg);
            continue;
        }
        if (arg === "--") {
            flagsDone = true;
            continue;
        }
        if (arg === "-h" || arg === "--help") {
            parsed.help = true;
            continue;
        }
        if (!arg.startsWith("--")) throw new UsageError(`unknown option ${arg}`);
        const eq = arg.indexOf("=");
        const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
        const type = Object.prototype.hasOwnProperty.call(spec, name) ? spec[name] : undefined;
        if (type === undefined) throw new UsageError(`unknown option --${name}`);
        if (type === "boolean") {
            if (eq >= 0) throw new UsageError(`--${name} takes no value`);
            parsed.booleans.add(name);
            continue;
        }
        let value: string | undefined;
        if (eq >= 0) {
            value = arg.slice(eq + 1);
        } else {
            value = argv[i + 1];
            if (value === undefined || value.startsWith("--")) {
                throw new UsageError(`--${name} needs a value (write --${name}=<value> if the value starts with --)`);
            }
            i += 1;
        }
        parsed.strings.set(name, value);
    }
    return parsed;
}

/**
 * A duration flag's value in milliseconds (or the default), range-checked by the one duration parser; a bad value is a
 * UsageError naming the flag, the value and the allowed range.
 */
export function durationOption(args: ParsedArgs, name: string, fallback: string, range?: DurationRange): number {
    try {
        return parseDuration(args.strings.get(name) ?? fallback, `--${name}`, range);
    } catch (err) {
        throw err instanceof DurationError ? new UsageError(err.message) : err;
    }
}

/** Pulumi stack names as file names: letters, digits, `-`, `_`, `.`; never a path (no `/`, `\`, and not `.` or `..`). */
export function isStackName(stack: string): boolean {
    return /^[A-Za-z0-9_.-]+$/.test(stack) && !/^\.+$/.test(stack);
}

/** The --stack flag (or the default), refused when it is not a stack name, so that no path is ever built from it. */
export function stackOption(args: ParsedArgs, fallback: string): string;
export function stackOption(args: ParsedArgs): string | undefined;
export function stackOption(args: ParsedArgs, fallback?: string): string | undefined {
    const stack = args.strings.get("stack") ?? fallback;
    if (stack !== undefined && !isStackName(stack)) {
        throw new UsageError(
            `--stack ${JSON.stringify(stack)} is not a stack name (letters, digits, "-", "_" and "." only; not a path)`,
        );
    }
    return stack;
}

/** The one positional argument a command takes, or a usage error naming what is missing or extra. */
export function singlePositional(args: ParsedArgs, what: string): string {
    if (args.positionals.length === 0) throw new UsageError(`missing ${what}`);
    if (args.positionals.length > 1) {
        throw new UsageError(`expected one ${what}, got ${args.positionals.map((p) => JSON.stringify(p)).join(" ")}`);
    }
    return args.positionals[0];
}

/**
 * The one way a command's lines leave it: redacted (tokens, secret-looking fields) and made safe to print (control
 * characters visible, no line a GitHub Actions runner would execute), whatever produced them.
 */
export function guardedOutput(io: Output, redactor: Redactor = new Redactor()): Output {
    return {
        out: (line) => io.out(safeOutput(redactor.redact(line))),
        err: (line) => io.err(safeOutput(redactor.redact(line))),
    };
}

/** What the tools run with: the command context, and the project directory used when --root is not given. */
export interface ToolContext extends CommandContext {
    /** Default: this repository. */
    root?: string;
}

/** The repository holding Pulumi.yaml and the stack files, where the tools run from. */
export const REPOSITORY_ROOT = path.resolve(__dirname, "..", "..");

/** An Output writing lines to the context's streams. */
export function contextOutput(context: CommandContext): Output {
    return { out: lineWriter(context.stdout), err: lineWriter(context.stderr) };
}
