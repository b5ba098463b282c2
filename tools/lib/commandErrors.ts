import { EXIT, ExitCode, Output, UsageError } from "./args";
import { StackFileError } from "./stackFile";

/** How every tool turns a thrown error into one message and its exit code (nothing was written in any case). */
export function reportCommandError(command: string, io: Output, err: unknown): ExitCode {
    if (err instanceof UsageError) {
        io.err(`${command}: ${err.message}`);
        io.err("Run with --help for usage.");
        return EXIT.usage;
    }
    if (err instanceof StackFileError) {
        io.err(`${command}: ${err.message}`);
        return EXIT.usage;
    }
    io.err(`${command}: internal error: ${err instanceof Error ? err.message : String(err)}`);
    return EXIT.internal;
}
