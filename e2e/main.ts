// The gate as a function: argv + environment in, report lines out, exit code returned. runE2eCommand is what
// e2e/cli.ts runs as the process (and what tests run in-process); runCli takes the test hooks.

import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { formatDuration } from "../lib/cli/duration";
import { FetchLike } from "../lib/cli/http";
import { CommandContext, commandEntry, lineWriter } from "../lib/cli/entry";
import { EXIT } from "../lib/cli/exitCodes";
import { Redactor } from "../lib/cli/redact";
import { safeOutput, untrustedText } from "../lib/cli/sanitize";
import { runGate } from "./gate";
import { GateCancelled } from "./probe";
import { GateResult } from "./result";
import { Env, GateConfig, USAGE, parseConfig } from "./config";
import { StatusState, StatusTarget, postCommitStatus } from "./githubStatus";
import { toJUnitXml } from "./junit";
import { formatReport, statusDescription, truncate } from "./report";

export interface CliIO {
    stdout: (line: string) => void;
    stderr: (line: string) => void;
}

export interface CliDeps {
    fetch?: FetchLike;
    now?: () => number;
    sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
    /** Aborted on SIGINT/SIGTERM: the run stops and the commit status is set to `error`. */
    signal?: AbortSignal;
    /** Delay between commit-status retries (default 1000 ms). */
    statusRetryDelayMs?: number;
    /**
     * Time left to post the final `error` status once cancelled (default 5 s, one attempt): a runner sends SIGKILL a
     * few seconds after SIGTERM, and a slow GitHub must not keep a cancelled gate alive.
     */
    cancelStatusTimeoutMs?: number;
    /** Size cap of every response body (default 1 MiB). */
    maxBodyBytes?: number;
    writeFile?: (path: string, data: string) => Promise<void>;
    /** Wall-clock start time for the JUnit timestamp. */
    clock?: () => Date;
    /** Test hook: replaces runGate. */
    runGate?: typeof runGate;
}

async function defaultWriteFile(path: string, data: string): Promise<void> {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, data, "utf8");
}

const CANCEL_STATUS_TIMEOUT_MS = 5000;

function errorText(err: unknown): string {
    const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return untrustedText(text.split("\n")[0] ?? text);
}

/** Runs the gate and returns the process exit code. Never throws. */
export async function runCli(argv: string[], env: Env, io: CliIO, deps: CliDeps = {}): Promise<number> {
    // Every line leaving the gate is redacted and made safe to print, whatever produced it.
    const redactor = new Redactor([env.SERVICERADAR_ADMIN_PASSWORD, env.GITHUB_TOKEN]);
    const out = (line: string): void => io.stdout(safeOutput(redactor.redact(line)));
    const err = (line: string): void => io.stderr(safeOutput(redactor.redact(line)));

    let status: StatusTarget | undefined;
    let terminalPosted = false;
    const post = async (state: StatusState, description: string): Promise<boolean> => {
        if (!status) {
            return true;
        }
        // Once cancelled, the final post gets a short budget of its own instead of the cancelled signal.
        const cancelled = deps.signal?.aborted === true;
        const posted = await postCommitStatus(status, state, description, {
            fetch: deps.fetch,
            redactor,
            retryDelayMs: deps.statusRetryDelayMs,
            maxBodyBytes: deps.maxBodyBytes,
            ...(cancelled
                ? { attempts: 1, timeoutMs: deps.cancelStatusTimeoutMs ?? CANCEL_STATUS_TIMEOUT_MS }
                : { signal: deps.signal }),
        });
        if (posted.ok) {
            // Set before printing: a crash while printing must not replace the final state with "error".
            if (state !== "pending") {
                terminalPosted = true;
            }
            out(
                `commit status: ${state} "${truncate(redactor.redact(description), 140)}" on ${status.repo}@${status.sha.slice(0, 12)} (${status.context})`,
            );
            return true;
        }
        err(`e2e: could not post the ${state} commit status: ${posted.message}`);
        return false;
    };

    try {
        const parsed = parseConfig(argv, env);
        if (parsed.kind === "help") {
            out(USAGE);
            return EXIT.ok;
        }
        if (parsed.kind === "error") {
            err(`e2e: ${parsed.message}`);
            err("Run with --help for usage.");
            if (parsed.status) {
                status = parsed.status;
                await post("error", `e2e gate configuration error: ${parsed.message}`);
            }
            return EXIT.usage;
        }
        const config: GateConfig = parsed.config;
        status = config.status;

        out(`ServiceRadar e2e gate: ${config.baseUrl} as ${config.username}`);
        out(
            `limits: readiness ${formatDuration(config.readyTimeoutMs)} (every ${formatDuration(config.readyIntervalMs)}), ` +
                `each request ${formatDuration(config.checkTimeoutMs)}`,
        );
        // A failed pending post is only a warning: what counts is the final state below.
        await post("pending", `e2e checks running against ${new URL(config.baseUrl).host}`);
        let reportFailed = false;

        const startedAt = (deps.clock ?? (() => new Date()))();
        let result: GateResult;
        try {
            result = await (deps.runGate ?? runGate)(
                {
                    baseUrl: config.baseUrl,
                    username: config.username,
                    password: config.password,
                    readyTimeoutMs: config.readyTimeoutMs,
                    readyIntervalMs: config.readyIntervalMs,
                    checkTimeoutMs: config.checkTimeoutMs,
                    maxBodyBytes: deps.maxBodyBytes,
                },
                { fetch: deps.fetch, now: deps.now, sleep: deps.sleep, signal: deps.signal, redactor, log: out },
            );
        } catch (caught) {
            if (caught instanceof GateCancelled || deps.signal?.aborted) {
                err("e2e: cancelled before the checks finished");
                await post("error", "e2e gate cancelled before the checks finished");
                return EXIT.cancelled;
            }
            throw caught;
        }

        for (const line of formatReport(result, config.baseUrl)) {
            out(line);
        }

        if (config.junitPath) {
            try {
                await (deps.writeFile ?? defaultWriteFile)(
                    config.junitPath,
                    toJUnitXml(result, { timestamp: startedAt.toISOString(), target: config.baseUrl, redactor }),
                );
                out(`JUnit report written to ${config.junitPath}`);
            } catch (writeError) {
                err(`e2e: could not write the JUnit report to ${config.junitPath}: ${errorText(writeError)}`);
                reportFailed = true;
            }
        }

        if (status && !(await post(result.passed ? "success" : "failure", statusDescription(result)))) {
            reportFailed = true;
        }

        if (!result.passed) {
            return EXIT.checksFailed;
        }
        return reportFailed ? EXIT.reportNotDelivered : EXIT.ok;
    } catch (crash) {
        err(`e2e: internal error: ${errorText(crash)}`);
        if (status && !terminalPosted) {
            await post("error", `e2e gate crashed: ${errorText(crash)}`);
        }
        return EXIT.gateInternalError;
    }
}

/** `npm run e2e -- ...` as a command: the gate on the context's streams, cancelled by its signal. */
export const runE2eCommand = commandEntry("e2e", EXIT.gateInternalError, (argv, context: CommandContext) =>
    runCli(
        [...argv],
        context.env,
        { stdout: lineWriter(context.stdout), stderr: lineWriter(context.stderr) },
        { signal: context.signal },
    ),
);
