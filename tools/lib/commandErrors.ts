import { UsageError } from "../../lib/cli/args";
import { EXIT, ExitCode } from "../../lib/cli/exitCodes";
import { Output } from "./args";
import { FileEditError } from "../../lib/lockedFile";
import { StackFileError } from "../../config/stackFile";

/**
 * How every tool turns a thrown error into one message and its exit code. Nothing was written in any case (a failed
 * write says so itself, and the one case where it cannot promise it, it names where the intended text is).
 */
export function reportCommandError(command: string, io: Output, err: unknown): ExitCode {
    if (err instanceof UsageError) {
        io.err(`${command}: ${err.message}`);
        io.err("Run with --help for usage.");
        return EXIT.usage;
    }
    if (err instanceof StackFileError || err instanceof FileEditError) {
        io.err(`${command}: ${err.message}`);
        return EXIT.usage;
    }
    io.err(`${command}: internal error: ${err instanceof Error ? err.message : String(err)}`);
    return EXIT.internalError;
}
