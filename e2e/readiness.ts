// The gate's first check: the release is ready (GET /health/ready answers 200), polled by the one bounded poller.

import { formatDuration } from "../lib/cli/duration";
import { HttpResponse, RequestFailure } from "../lib/cli/http";
import { PollCancelled, pollUntil } from "../lib/cli/poll";
import { GateCancelled, GateDeps, GateOptions, httpFail, makeContext, send, statusLine } from "./probe";
import { CheckResult, checkResult } from "./result";

function attempts(n: number): string {
    return `${n} attempt${n === 1 ? "" : "s"}`;
}

/**
 * Polls GET /health/ready until it answers 200, for at most `readyTimeoutMs` in total, `readyIntervalMs` apart.
 * Every request is bounded by the smaller of the per-check timeout and the time left. Network errors that waiting
 * cannot fix (unknown host, TLS certificate problems) end the wait at once.
 */
export async function waitForReady(opts: GateOptions, deps: GateDeps = {}): Promise<CheckResult> {
    const ctx = makeContext(opts, deps);
    const started = ctx.now();
    const total = formatDuration(opts.readyTimeoutMs);
    // What the report names when the time is up: the last real answer or failure.
    let lastResponse: HttpResponse | undefined;
    let lastFailure: RequestFailure | undefined;

    let polled;
    try {
        polled = await pollUntil<CheckResult>(
            async ({ number, remainingMs, elapsedMs }) => {
                const attemptTimeoutMs = Math.max(1, Math.ceil(Math.min(opts.checkTimeoutMs, remainingMs)));
                const outcome = await send(ctx, "GET", "/health/ready", { timeoutMs: attemptTimeoutMs });
                if (!(outcome instanceof RequestFailure)) {
                    if (outcome.status === 200) {
                        const message = `ready after ${attempts(number)}`;
                        return {
                            kind: "done",
                            value: checkResult("readiness", "pass", elapsedMs(), message, { httpStatus: 200 }),
                        };
                    }
                    lastResponse = outcome;
                    lastFailure = undefined;
                    return { kind: "again", last: statusLine(outcome, ctx.redactor) };
                }
                // An attempt cut short by the overall deadline says nothing new: the report keeps the previous real outcome.
                const cutShort = outcome.kind === "timeout" && attemptTimeoutMs < opts.checkTimeoutMs;
                if (!cutShort || !(lastResponse || lastFailure)) {
                    lastFailure = outcome;
                    lastResponse = undefined;
                }
                const last = ctx.redactor.redact(outcome.message);
                if (outcome.permanent) {
                    const message = `${last} (not retried: waiting cannot fix this)`;
                    return {
                        kind: "done",
                        value: checkResult("readiness", "fail", elapsedMs(), message, { category: "deployment" }),
                    };
                }
                return { kind: "again", last, cutShort };
            },
            {
                timeoutMs: opts.readyTimeoutMs,
                intervalMs: opts.readyIntervalMs,
                now: ctx.now,
                sleep: ctx.sleep,
                signal: ctx.signal,
                progress: ({ attempt, elapsedMs, last }) =>
                    ctx.log(
                        `waiting for readiness: attempt ${attempt}, last ${last}, elapsed ${formatDuration(elapsedMs)} of ${total}`,
                    ),
            },
        );
    } catch (err) {
        if (err instanceof PollCancelled) throw new GateCancelled();
        throw err;
    }
    if (polled.kind === "done") return polled.value;

    const message = `not ready after ${formatDuration(ctx.now() - started)} (${attempts(polled.attempts)}, limit ${total})`;
    if (lastResponse) {
        const detail = `${message}; last answer HTTP ${lastResponse.status}`;
        return httpFail(ctx, "readiness", started, "deployment", detail, lastResponse);
    }
    const lastError = lastFailure ? ctx.redactor.redact(lastFailure.message) : polled.last;
    return checkResult("readiness", "fail", ctx.now() - started, `${message}; last error: ${lastError}`, {
        category: "deployment",
    });
}
