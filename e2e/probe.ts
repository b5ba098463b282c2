// How the checks talk to the ServiceRadar API: one bounded request at a time (lib/cli/http.ts), failures turned into
// check results with a redacted body excerpt, cancellation thrown as GateCancelled.

import { setTimeout as delay } from "node:timers/promises";
import { FetchLike, HttpResponse, RequestFailure, httpRequest, joinUrl, tryParseJson } from "../lib/cli/http";
import { Redactor } from "../lib/cli/redact";
import { excerpt, untrustedText } from "../lib/cli/sanitize";
import { Category, CheckId, CheckResult, checkResult } from "./result";

export interface GateOptions {
    /** Base URL of serviceradar-web-ng, e.g. https://staging.serviceradar.cloud (no trailing slash needed). */
    baseUrl: string;
    username: string;
    password: string;
    readyTimeoutMs: number;
    readyIntervalMs: number;
    checkTimeoutMs: number;
    /** Size cap of every response body (default DEFAULT_MAX_BODY_BYTES). */
    maxBodyBytes?: number;
}

export interface GateDeps {
    fetch?: FetchLike;
    /** Monotonic clock in milliseconds. */
    now?: () => number;
    sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
    /** Receives progress lines (readiness polling). */
    log?: (line: string) => void;
    /** Cancels the whole run. */
    signal?: AbortSignal;
    /** Shared redactor; the issued access token is added to it. */
    redactor?: Redactor;
}

/** Thrown when the run is cancelled; the caller decides what to report. */
export class GateCancelled extends Error {
    constructor() {
        super("e2e gate cancelled");
        this.name = "GateCancelled";
    }
}

export interface Context {
    opts: GateOptions;
    fetch: FetchLike;
    now: () => number;
    sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
    log: (line: string) => void;
    signal?: AbortSignal;
    redactor: Redactor;
}

export function makeContext(opts: GateOptions, deps: GateDeps): Context {
    return {
        opts,
        fetch: deps.fetch ?? fetch,
        now: deps.now ?? (() => performance.now()),
        sleep: deps.sleep ?? ((ms, signal) => delay(ms, undefined, { signal })),
        log: deps.log ?? (() => undefined),
        signal: deps.signal,
        redactor: deps.redactor ?? new Redactor([opts.password]),
    };
}

export function throwIfCancelled(ctx: Context): void {
    if (ctx.signal?.aborted) {
        throw new GateCancelled();
    }
}

/** A failure decided by an HTTP response: carries the status and a redacted body excerpt. */
export function httpFail(
    ctx: Context,
    id: CheckId,
    started: number,
    category: Category,
    message: string,
    response: HttpResponse,
): CheckResult {
    return checkResult(id, "fail", ctx.now() - started, message, {
        category,
        httpStatus: response.status,
        bodyExcerpt: excerpt(response.body, ctx.redactor),
    });
}

/** A failure with no HTTP response (refused, DNS, TLS, timeout). */
export function requestFail(
    ctx: Context,
    id: CheckId,
    started: number,
    category: Category,
    err: RequestFailure,
): CheckResult {
    return checkResult(id, "fail", ctx.now() - started, ctx.redactor.redact(err.message), { category });
}

/** Sends a request; RequestFailure is returned rather than thrown, cancellation is thrown. */
export async function send(
    ctx: Context,
    method: "GET" | "POST",
    path: string,
    init: { headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
): Promise<HttpResponse | RequestFailure> {
    throwIfCancelled(ctx);
    try {
        return await httpRequest(
            {
                method,
                url: joinUrl(ctx.opts.baseUrl, path),
                headers: init.headers,
                body: init.body,
                timeoutMs: init.timeoutMs ?? ctx.opts.checkTimeoutMs,
                signal: ctx.signal,
                maxBodyBytes: ctx.opts.maxBodyBytes,
            },
            ctx.fetch,
        );
    } catch (err) {
        if (err instanceof RequestFailure) {
            if (err.kind === "cancelled") {
                throw new GateCancelled();
            }
            return err;
        }
        throw err;
    }
}

export function describeRedirect(response: HttpResponse): string {
    const location = response.headers.get("location");
    const where = location ? ` to ${untrustedText(location, 120)}` : "";
    return `unexpected redirect (HTTP ${response.status})${where}; pass the final URL as --url`;
}

/** The `error` (and `error_description`) of a JSON error body, if any, as one safe line. */
export function jsonError(body: string): string | undefined {
    const parsed = tryParseJson(body);
    if (!parsed.ok || parsed.value === null || typeof parsed.value !== "object") {
        return undefined;
    }
    const record = parsed.value as Record<string, unknown>;
    const error = typeof record.error === "string" ? untrustedText(record.error, 80) : undefined;
    const description =
        typeof record.error_description === "string" ? untrustedText(record.error_description, 160) : undefined;
    if (error && description) {
        return `${error}: ${description}`;
    }
    return error ?? description;
}

export function statusLine(response: HttpResponse, redactor: Redactor): string {
    const text = excerpt(response.body, redactor, 40);
    return `HTTP ${response.status}${text ? ` "${text}"` : ""}`;
}
