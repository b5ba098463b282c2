// Running the repository's commands in tests: in-process through the same entry the CLI files run (the default, no
// Node + tsx start per case), or as a child process where a process is the point (signals, the real entry file,
// concurrent processes sharing a lock).

import { spawn } from "node:child_process";
import * as path from "node:path";
import type { Command, CommandContext } from "../../lib/cli/entry";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");

/** What a command left behind, as a user would see it: its exit code and the text of both streams. */
export interface CommandResult {
    code: number | null;
    stdout: string;
    stderr: string;
}

function collector(): { write(text: string): boolean; text: string } {
    return {
        text: "",
        write(text: string) {
            this.text += text;
            return true;
        },
    };
}

/**
 * Runs `command` in this process with string sinks for its streams. Process warnings emitted meanwhile (e.g. a library
 * calling process.emitWarning) are added to stderr the way Node prints them, since a real process would show them
 * there: a test that checks what reaches stderr still sees them.
 */
export async function runInProcess<Given extends Omit<CommandContext, "stdout" | "stderr">>(
    command: Command<Given & Pick<CommandContext, "stdout" | "stderr">>,
    argv: readonly string[],
    context: Given,
): Promise<CommandResult> {
    const stdout = collector();
    const stderr = collector();
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => {
        warnings.push(`(node:${process.pid}) ${warning.name}: ${warning.message}\n`);
    };
    process.on("warning", onWarning);
    try {
        const code = await command(argv, { ...context, stdout, stderr });
        // Warnings are delivered on a later tick than the call that emitted them.
        await new Promise((resolve) => setImmediate(resolve));
        return { code, stdout: stdout.text, stderr: stderr.text + warnings.join("") };
    } finally {
        process.removeListener("warning", onWarning);
    }
}

export interface SpawnOptions {
    /** Variables beside PATH and HOME: nothing else of this process's environment reaches the child. */
    env?: Record<string, string>;
    /** Called on every stdout chunk with all stdout so far, e.g. to signal the child at a given point. */
    onStdout?: (stdoutSoFar: string, child: ReturnType<typeof spawn>) => void;
    /** Kill the child after this long (default 15 s); a plan under load takes longer. */
    killAfterMs?: number;
}

const SPAWN_KILL_AFTER_MS = 15_000;

/**
 * Runs `node --import tsx <script> ...args` from the repository root, as CI does, asynchronously so that stand-in
 * servers in this process keep answering and several children can run at once. A child still running after 15 s is
 * killed (the test then fails on its exit code), or after `killAfterMs`.
 */
export function spawnCommand(
    script: string,
    args: readonly string[],
    options: SpawnOptions = {},
): Promise<CommandResult> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
            cwd: REPO_ROOT,
            env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...options.env },
            stdio: ["ignore", "pipe", "pipe"],
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk: Buffer) => {
            stdout += chunk.toString("utf8");
            options.onStdout?.(stdout, child);
        });
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
        const timer = setTimeout(() => child.kill("SIGKILL"), options.killAfterMs ?? SPAWN_KILL_AFTER_MS);
        child.on("error", (err) => {
            clearTimeout(timer);
            reject(err);
        });
        child.on("close", (code) => {
            clearTimeout(timer);
            resolve({ code, stdout, stderr });
        });
    });
}
