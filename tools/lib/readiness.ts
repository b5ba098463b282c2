// Waiting for a release to be live behind the environment's public URL, over HTTP only (no cluster credentials):
// poll GET <url>/health/ready (the gate's readiness endpoint, with the gate's poller, lib/cli/poll.ts) until it
// answers 200 and, when the answer names a version, until it names ours.

import { formatDuration } from "../../lib/cli/duration";
import { FetchLike, MAX_REDIRECTS, RequestFailure, httpRequest } from "../../lib/cli/http";
import { pollUntil } from "../../lib/cli/poll";
import { untrustedText } from "../../lib/cli/sanitize";

const VERSION_KEYS =
    /^(version|app_?version|appVersion|release|release_?version|build_?version|serviceradar_?version)$/i;

/** Strips a leading v, so that a tag (v1.2.28) and a version (1.2.28) compare equal. */
export function normalizeVersion(value: string): string {
    return value.trim().replace(/^[vV](?=[0-9])/, "");
}

/**
 * The version a readiness answer reports, if any: the first string under a version-like key (version, app_version,
 * release, ...) found breadth-first in a JSON body, normalized without a leading v. Non-JSON bodies report none.
 */
export function reportedVersion(body: string): string | undefined {
    let data: unknown;
    try {
        data = JSON.parse(body);
    } catch {
        return undefined;
    }
    const queue: Array<{ value: unknown; depth: number }> = [{ value: data, depth: 0 }];
    while (queue.length > 0) {
        const { value, depth } = queue.shift() as { value: unknown; depth: number };
        if (value === null || typeof value !== "object" || Array.isArray(value)) continue;
        for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
            if (VERSION_KEYS.test(key) && typeof child === "string" && /^[vV]?[0-9]+\.[0-9]+/.test(child.trim())) {
                return normalizeVersion(child);
            }
        }
        if (depth < 4)
            for (const child of Object.values(value as Record<string, unknown>))
                queue.push({ value: child, depth: depth + 1 });
    }
    return undefined;
}

export interface WaitOptions {
    /** Base URL of the environment, e.g. https://staging.serviceradar.cloud. */
    url: string;
    version: string;
    timeoutMs: number;
    intervalMs: number;
    /**
     * When /health/ready is 200 but names no version, the rollout cannot be observed: after this long since the wait
     * began, accept readiness alone (unless requireVersion).
     */
    settleMs: number;
    requireVersion: boolean;
    requestTimeoutMs?: number;
    /** Size cap of each readiness answer (default 1 MiB). */
    maxBodyBytes?: number;
    fetch?: FetchLike;
    sleep?: (ms: number) => Promise<void>;
    now?: () => number;
    log?: (line: string) => void;
}

export type WaitOutcome =
    | { kind: "confirmed"; attempts: number; elapsedMs: number }
    | { kind: "unverified"; attempts: number; elapsedMs: number }
    | { kind: "timeout"; attempts: number; elapsedMs: number; last: string };

/**
 * Polls (with the gate's poller) until the version is confirmed, or readiness alone is accepted after the settle time,
 * or the time is up. Each request is bounded by the smaller of its own limit and the time left.
 */
export async function waitForVersion(options: WaitOptions): Promise<WaitOutcome> {
    const log = options.log ?? (() => undefined);
    const want = normalizeVersion(options.version);
    const target = `${options.url.replace(/\/+$/, "")}/health/ready`;
    let lastLogged = "";

    const polled = await pollUntil<"confirmed" | "unverified">(
        async ({ remainingMs, elapsedMs }) => {
            let seen: string | undefined;
            let ready = false;
            let last: string;
            const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
            const timeoutMs = Math.max(1, Math.min(requestTimeoutMs, remainingMs));
            try {
                const response = await httpRequest(
                    {
                        method: "GET",
                        url: target,
                        headers: { accept: "application/json" },
                        timeoutMs,
                        maxBodyBytes: options.maxBodyBytes,
                        followRedirects: MAX_REDIRECTS,
                    },
                    options.fetch,
                );
                ready = response.status === 200;
                seen = ready ? reportedVersion(response.body) : undefined;
                last = ready
                    ? seen === undefined
                        ? "ready, no version reported"
                        : `ready, running ${untrustedText(seen, 80)}`
                    : `HTTP ${response.status}`;
            } catch (err) {
                if (!(err instanceof RequestFailure)) throw err;
                if (err.kind === "timeout" && timeoutMs < requestTimeoutMs) {
                    return { kind: "again", last: "no answer in time", cutShort: true };
                }
                last = err.kind === "timeout" ? "no answer in time" : err.detail;
            }
            if (ready && seen === want) return { kind: "done", value: "confirmed" };
            if (ready && seen === undefined && !options.requireVersion && elapsedMs() >= options.settleMs) {
                return { kind: "done", value: "unverified" };
            }
            return { kind: "again", last };
        },
        {
            timeoutMs: options.timeoutMs,
            intervalMs: options.intervalMs,
            now: options.now,
            sleep: options.sleep,
            // One line per change of what the environment answers, not one per attempt: a 25-minute wait stays short.
            progress: ({ elapsedMs, last }) => {
                if (last === lastLogged) return;
                log(`${formatDuration(elapsedMs)}: ${target}: ${last}`);
                lastLogged = last;
            },
        },
    );
    if (polled.kind === "timeout") return polled;
    return { kind: polled.value, attempts: polled.attempts, elapsedMs: polled.elapsedMs };
}
