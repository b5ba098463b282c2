// What the release tools share beyond the one flag parser (lib/cli/args.ts): the --stack flag, output sinks and the
// repository they run from.

import * as path from "node:path";
import { ParsedArgs, UsageError } from "../../lib/cli/args";
import { CommandContext, lineWriter } from "../../lib/cli/entry";
import { Redactor } from "../../lib/cli/redact";
import { safeOutput } from "../../lib/cli/sanitize";
import { isStackName } from "../../config/stackFile";

/** Where a command writes; tests capture it, the CLIs bind it to process.stdout/stderr. */
export interface Output {
    out(line: string): void;
    err(line: string): void;
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
