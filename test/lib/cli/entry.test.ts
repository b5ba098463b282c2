// How a command is bound to its process (lib/cli/entry.ts), in-process against a stand-in of Node's `process`: which
// argv and streams it gets, the exit code it leaves, and what SIGINT/SIGTERM do. test/exitCodes.test.ts shows the same
// with real processes; this is where a mutant of the binding can be seen.
import { strict as assert } from "node:assert";
import { EventEmitter } from "node:events";
import { Command, CommandContext, ProcessHost, commandEntry, lineWriter, runAsProcess } from "../../../lib/cli/entry";

class HostStandIn extends EventEmitter implements ProcessHost {
    readonly out: string[] = [];
    readonly err: string[] = [];
    readonly stdout = { write: (text: string) => this.out.push(text) };
    readonly stderr = { write: (text: string) => this.err.push(text) };
    exitCode?: number | string | null;
    constructor(
        readonly argv: readonly string[],
        readonly env: Record<string, string | undefined> = { HOME: "/home/ci" },
    ) {
        super();
    }
}

/** A command that records what it was given and, when cancellable, ends with 130 once its signal aborts. */
function recordingCommand(code = 0) {
    const seen: { argv?: readonly string[]; context?: CommandContext } = {};
    let finish: (code: number) => void = () => undefined;
    const command: Command = (argv, context) =>
        new Promise<number>((resolve) => {
            seen.argv = argv;
            seen.context = context;
            finish = resolve;
            context.signal?.addEventListener("abort", () => resolve(130));
            if (!context.signal) resolve(code);
        });
    return { command, seen, finish: (value: number) => finish(value) };
}

describe("lib/cli/entry: a command bound to its process", () => {
    it("gets the arguments after node and the script, the process's environment and streams; its code is the exit code", async () => {
        const host = new HostStandIn(["/usr/bin/node", "tools/status.ts", "--stack", "demo"]);
        const { command, seen } = recordingCommand(7);
        await runAsProcess(command, { name: "status", cancellable: false }, host);
        assert.deepEqual(seen.argv, ["--stack", "demo"]);
        assert.equal(seen.context?.env, host.env);
        assert.equal(seen.context?.stdout, host.stdout);
        assert.equal(seen.context?.stderr, host.stderr);
        assert.equal(seen.context?.signal, undefined, "a command that does not act on signals gets none");
        assert.equal(host.exitCode, 7);
    });

    it("leaves SIGINT and SIGTERM alone for a command that does not act on them, so they end the process", async () => {
        const host = new HostStandIn(["node", "tools/discover.ts"]);
        const pending = recordingCommand();
        const running = runAsProcess(pending.command, { name: "discover", cancellable: false }, host);
        assert.equal(host.listenerCount("SIGINT"), 0);
        assert.equal(host.listenerCount("SIGTERM"), 0);
        await running;
    });

    for (const signal of ["SIGINT", "SIGTERM"] as const) {
        it(`turns ${signal} into a cancellation of a cancellable command, says so once, and lets go of both signals`, async () => {
            const host = new HostStandIn(["node", "e2e/cli.ts"]);
            const { command, seen } = recordingCommand();
            const running = runAsProcess(command, { name: "e2e", cancellable: true }, host);
            assert.equal(host.listenerCount("SIGINT"), 1);
            assert.equal(host.listenerCount("SIGTERM"), 1);
            assert.equal(seen.context?.signal?.aborted, false);
            host.emit(signal, signal);
            await running;
            assert.equal(seen.context?.signal?.aborted, true);
            assert.deepEqual(host.err, [`e2e: received ${signal}, stopping\n`]);
            assert.equal(host.exitCode, 130);
            assert.equal(host.listenerCount("SIGINT"), 0, "no handler outlives the command");
            assert.equal(host.listenerCount("SIGTERM"), 0, "no handler outlives the command");
        });
    }

    it("lets go of both signals when a cancellable command ends by itself", async () => {
        const host = new HostStandIn(["node", "e2e/cli.ts"]);
        const pending = recordingCommand();
        const running = runAsProcess(pending.command, { name: "e2e", cancellable: true }, host);
        pending.finish(0);
        await running;
        assert.equal(host.exitCode, 0);
        assert.equal(host.listenerCount("SIGINT") + host.listenerCount("SIGTERM"), 0);
        assert.deepEqual(host.err, []);
    });

    it("turns whatever escapes a command body into one line and the internal-error code", async () => {
        const host = new HostStandIn(["node", "tools/status.ts"]);
        const failing = commandEntry("status", 5, () => {
            throw new Error("token ghp_secret leaked in a stack trace");
        });
        await runAsProcess(failing, { name: "status", cancellable: false }, host);
        assert.deepEqual(host.err, ["status: internal error\n"]);
        assert.equal(host.exitCode, 5);
    });

    it("writes lines: one newline per line, nothing else", () => {
        const host = new HostStandIn([]);
        const line = lineWriter(host.stdout);
        line("a");
        line("");
        assert.deepEqual(host.out, ["a\n", "\n"]);
    });
});
