// Waiting for a release to be live behind the environment's public URL, over HTTP only (no cluster credentials):
// poll GET <url>/health/ready until it answers 200 and, when the answer names a version, until it names ours.

import { formatDuration } from "../../lib/cli/duration";
import { FetchLike, MAX_REDIRECTS, RequestFailure, httpRequest } from "../../lib/cli/http";
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

/** Polls until the version is confirmed, or readiness alone is accepted after the settle time, or the time is up. */
export async function waitForVersion(options: WaitOptions): Promise<WaitOutcome> {
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    const log = options.log ?? (() => undefined);
    const want = normalizeVersion(options.version);
    const target = `${options.url.replace(/\/+$/, "")}/health/ready`;
    const started = now();
    let attempts = 0;
    let last = "no attempt made";
    let lastLogged = "";

    for (;;) {
        attempts += 1;
        let seen: string | undefined;
        let ready = false;
        try {
            const response = await httpRequest(
                {
                    method: "GET",
                    url: target,
                    headers: { accept: "application/json" },
                    timeoutMs: options.requestTimeoutMs ?? 10_000,
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
            last = err.kind === "timeout" ? "no answer in time" : err.detail;
        }
        const elapsed = now() - started;
        if (last !== lastLogged) {
            log(`${formatDuration(elapsed)}: ${target}: ${last}`);
            lastLogged = last;
        }
        if (ready && seen === want) return { kind: "confirmed", attempts, elapsedMs: elapsed };
        if (ready && seen === undefined && !options.requireVersion && elapsed >= options.settleMs) {
            return { kind: "unverified", attempts, elapsedMs: elapsed };
        }
        if (elapsed >= options.timeoutMs) return { kind: "timeout", attempts, elapsedMs: elapsed, last };
        await sleep(Math.min(options.intervalMs, Math.max(0, options.timeoutMs - elapsed)));
    }
}
