// What every command of this repository is to its entry file and to its tests: a function of argv and a context
// (environment, output streams, cancellation) that returns the exit code. The entry files (e2e/cli.ts, tools/*.ts)
// only bind it to the process with runAsProcess; tests call the same function in-process with string sinks, so the
// one thing only a child process can show (signals, the process's own exit) is all that is left to spawn.

/** Where a command's output goes: process.stdout / process.stderr, or a collector in tests. */
export interface TextSink {
    write(text: string): unknown;
}

export interface CommandContext {
    env: Record<string, string | undefined>;
    stdout: TextSink;
    stderr: TextSink;
    /** Aborted on SIGINT/SIGTERM for commands that handle cancellation (see runAsProcess). */
    signal?: AbortSignal;
}

export type Command<Context extends CommandContext = CommandContext> = (
    argv: readonly string[],
    context: Context,
) => Promise<number>;

/** Writes one line (newline added) to a sink: the commands produce lines, the streams take text. */
export function lineWriter(sink: TextSink): (line: string) => void {
    return (line) => {
        sink.write(`${line}\n`);
    };
}

/**
 * A command whose body may throw or reject: whatever escapes it becomes the one line `<name>: internal error` and the
 * command's internal-error exit code, never a stack trace. The bodies already report their own errors; this is the
 * last resort.
 */
export function commandEntry<Context extends CommandContext>(
    name: string,
    internalExitCode: number,
    body: (argv: readonly string[], context: Context) => number | Promise<number>,
): Command<Context> {
    return async (argv, context) => {
        try {
            return await body(argv, context);
        } catch {
            context.stderr.write(`${name}: internal error\n`);
            return internalExitCode;
        }
    };
}

export interface ProcessOptions {
    /** Prefix of the line printed when a signal arrives. */
    name: string;
    /**
     * Whether SIGINT/SIGTERM abort the command's signal instead of ending the process. Only commands that act on the
     * signal may say yes (the e2e gate posts `error` and exits 130): for the others a handler would swallow the
     * signal and keep a long wait alive, where the default ends the process at once.
     */
    cancellable: boolean;
}

/**
 * What runAsProcess takes from the process: Node's `process` has all of it. Named so that the binding itself (which
 * argv, which streams, which signals, the exit code) is tested in-process with a stand-in, not only by child processes.
 */
export interface ProcessHost {
    argv: readonly string[];
    env: Record<string, string | undefined>;
    stdout: TextSink;
    stderr: TextSink;
    exitCode?: number | string | null;
    once(event: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
    removeListener(event: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
}

/**
 * Runs a command as this process: its argv, environment and streams, its exit code, signals as configured. Resolves
 * once the exit code is set (the entry files do not wait for it; tests do).
 */
export function runAsProcess(command: Command, options: ProcessOptions, host: ProcessHost = process): Promise<void> {
    const cancel = new AbortController();
    const onSignal = (signal: NodeJS.Signals): void => {
        host.stderr.write(`${options.name}: received ${signal}, stopping\n`);
        cancel.abort();
    };
    if (options.cancellable) {
        host.once("SIGINT", onSignal);
        host.once("SIGTERM", onSignal);
    }
    const context: CommandContext = {
        env: host.env,
        stdout: host.stdout,
        stderr: host.stderr,
        signal: options.cancellable ? cancel.signal : undefined,
    };
    return command(host.argv.slice(2), context).then((code) => {
        host.exitCode = code;
        host.removeListener("SIGINT", onSignal);
        host.removeListener("SIGTERM", onSignal);
    });
}
