// The one bounded poller: the e2e gate's readiness wait and `wait-for-version` both ask "is it there yet?" the same
// way: attempts a fixed pause apart, never past the deadline, a progress line after each attempt that did not end
// the wait, and cancellation that stops the pause at once.

import { setTimeout as delay } from "node:timers/promises";

/**
 * What one attempt found: the wait is over (with its value), or not yet (with a one-line summary of what was seen).
 * `cutShort`: the attempt ran out of time only because the deadline came first, which says nothing about the target.
 */
export type AttemptOutcome<T> = { kind: "done"; value: T } | { kind: "again"; last: string; cutShort?: boolean };

export interface Attempt {
    /** 1 for the first attempt. */
    number: number;
    /** Time left until the deadline when the attempt starts: an attempt's own time limit must not exceed it. */
    remainingMs: number;
    /** Time since the wait began, read when called. */
    elapsedMs: () => number;
}

export interface Progress {
    attempt: number;
    elapsedMs: number;
    last: string;
}

export interface PollSchedule {
    timeoutMs: number;
    intervalMs: number;
    /** Monotonic clock in milliseconds (default performance.now). */
    now?: () => number;
    sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
    /** Stops the wait between attempts; the poller then throws PollCancelled. */
    signal?: AbortSignal;
    /** Called after every attempt that did not end the wait; each caller words its own progress line. */
    progress?: (progress: Progress) => void;
}

export type PollOutcome<T> =
    | { kind: "done"; value: T; attempts: number; elapsedMs: number }
    /** `last`: what the last attempt that was not cut short by the deadline saw (if every one was, the last one). */
    | { kind: "timeout"; attempts: number; elapsedMs: number; last: string };

/** The wait was cancelled (signal aborted) before it ended. */
export class PollCancelled extends Error {
    constructor() {
        super("wait cancelled");
        this.name = "PollCancelled";
    }
}

/**
 * Calls `attempt` until it reports done or the deadline passes, `intervalMs` apart (the last pause shortened to end at
 * the deadline). No attempt starts at or after the deadline.
 */
export async function pollUntil<T>(
    attempt: (attempt: Attempt) => Promise<AttemptOutcome<T>>,
    schedule: PollSchedule,
): Promise<PollOutcome<T>> {
    const now = schedule.now ?? (() => performance.now());
    const sleep = schedule.sleep ?? ((ms: number, signal?: AbortSignal) => delay(ms, undefined, { signal }));
    const started = now();
    const deadline = started + schedule.timeoutMs;
    const elapsedMs = () => now() - started;
    let seen: string | undefined;
    for (let number = 1; ; number += 1) {
        const outcome = await attempt({ number, remainingMs: deadline - now(), elapsedMs });
        if (outcome.kind === "done")
            return { kind: "done", value: outcome.value, attempts: number, elapsedMs: elapsedMs() };
        schedule.progress?.({ attempt: number, elapsedMs: elapsedMs(), last: outcome.last });
        if (!outcome.cutShort || seen === undefined) seen = outcome.last;
        const last = seen;
        const timeout = (): PollOutcome<T> => ({
            kind: "timeout",
            attempts: number,
            elapsedMs: elapsedMs(),
            last,
        });
        const left = deadline - now();
        if (left <= 0) return timeout();
        if (schedule.signal?.aborted) throw new PollCancelled();
        try {
            await sleep(Math.min(schedule.intervalMs, left), schedule.signal);
        } catch (err) {
            if (schedule.signal?.aborted) throw new PollCancelled();
            throw err;
        }
        if (now() >= deadline) return timeout();
    }
}
