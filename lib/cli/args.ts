// The one command-line parser of the gate, the release tools and the status command: Node's own util.parseArgs,
// with one policy for what goes wrong (a one-line usage error that names the flag, never the value typed after it).

import { parseArgs } from "node:util";
import { DurationError, DurationRange, parseDuration } from "./duration";

/** A wrong command line: the command prints it as one line, points at --help and exits with EXIT.usage. */
export class UsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "UsageError";
    }
}

export type FlagType = "string" | "boolean";

/** What a command line said: its positionals, the string flags (the last occurrence wins) and the boolean flags. */
export interface ParsedArgs {
    positionals: string[];
    strings: Map<string, string>;
    booleans: Set<string>;
    /** `-h` or `--help` was given: every command takes it. */
    help: boolean;
}

interface ParseArgsError extends Error {
    code?: string;
}

/**
 * util.parseArgs quotes whole arguments, and an argument can carry a secret (`--config key=<secret>`,
 * `--reason=<token>`): the message names the flag only.
 */
export function usageMessage(err: ParseArgsError): string {
    const flag = /'(-[^'=\s,]*)/.exec(err.message)?.[1];
    const longFlag = /--[A-Za-z0-9-]+/.exec(err.message)?.[0] ?? flag ?? "a flag";
    if (err.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
        if (/does not take an argument/.test(err.message)) return `${longFlag} takes no value`;
        return `${longFlag} needs a value (write ${longFlag}=<value> if the value starts with -)`;
    }
    if (err.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `unknown option ${flag ?? ""}`.trim();
    return "unexpected argument (every value follows its flag)";
}

function isParseArgsError(err: unknown): err is ParseArgsError {
    return err instanceof Error && /^ERR_PARSE_ARGS_/.test(String((err as ParseArgsError).code));
}

/**
 * Parses `--name value`, `--name=value`, boolean `--name`, `-h`/`--help` and, when the command takes them, positionals
 * (everything after `--` is one). Unknown flags, a missing value, a value that looks like a flag (write
 * `--name=-value`) and a value on a boolean flag are UsageErrors.
 */
export function parseCommandLine(
    argv: readonly string[],
    spec: Readonly<Record<string, FlagType>>,
    options: { positionals: boolean } = { positionals: true },
): ParsedArgs {
    let parsed;
    try {
        parsed = parseArgs({
            args: [...argv],
            options: {
                ...Object.fromEntries(Object.entries(spec).map(([name, type]) => [name, { type }])),
                help: { type: "boolean", short: "h" },
            },
            strict: true,
            allowPositionals: options.positionals,
        });
    } catch (err) {
        if (isParseArgsError(err)) throw new UsageError(usageMessage(err));
        throw err;
    }
    const result: ParsedArgs = {
        positionals: parsed.positionals,
        strings: new Map(),
        booleans: new Set(),
        help: false,
    };
    for (const [name, value] of Object.entries(parsed.values)) {
        if (name === "help") result.help = value === true;
        else if (typeof value === "string") result.strings.set(name, value);
        else if (value === true) result.booleans.add(name);
    }
    return result;
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

/** The one positional argument a command takes, or a usage error naming what is missing or extra. */
export function singlePositional(args: ParsedArgs, what: string): string {
    if (args.positionals.length === 0) throw new UsageError(`missing ${what}`);
    if (args.positionals.length > 1) {
        throw new UsageError(`expected one ${what}, got ${args.positionals.map((p) => JSON.stringify(p)).join(" ")}`);
    }
    return args.positionals[0];
}
