// The gate's scenarios against the ServiceRadar HTTP API (web-ng): readiness, liveness, token, SRQL query, devices.

import { setTimeout as delay } from "node:timers/promises";
import { formatDuration } from "../lib/cli/duration";
import { FetchLike, HttpResponse, RequestFailure, httpRequest, joinUrl, tryParseJson } from "../lib/cli/http";
import { Redactor } from "../lib/cli/redact";
import { excerpt, untrustedText } from "../lib/cli/sanitize";

export type CheckOutcome = "pass" | "fail" | "skip";

/** What an operator should look at: the credentials, the deployment (reachability/health), or the data path. */
export type Category = "credentials" | "deployment" | "data-path";

export const CATEGORY_HINT: Record<Category, string> = {
    credentials:
        "credentials problem: check SERVICERADAR_ADMIN_USER / SERVICERADAR_ADMIN_PASSWORD and token acceptance",
    deployment: "deployment problem: the release is unreachable or unhealthy (URL, ingress, pods, database readiness)",
    "data-path": "data-path problem: the API is up and login works, but queries or device reads are broken",
};

export interface CheckResult {
    id: string;
    name: string;
    outcome: CheckOutcome;
    durationMs: number;
    /** Set on failures: which part of the system is implicated. */
    category?: Category;
    /** One line: what happened (why it failed, why it was skipped, or what passed). */
    message: string;
    /** HTTP status of the response that decided the result, when there was one. */
    httpStatus?: number;
    /** Redacted, truncated response body on failure. */
    bodyExcerpt?: string;
}

export interface GateResult {
    checks: CheckResult[];
    passed: boolean;
    durationMs: number;
}

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

export const CHECK_NAMES = {
    readiness: "deployment ready (GET /health/ready)",
    liveness: "API liveness (GET /health/live)",
    auth: "authentication (POST /oauth/token, password grant)",
    query: 'SRQL query (POST /api/query "show devices" limit 1)',
    devices: "device list (GET /api/devices)",
} as const;

export type CheckId = keyof typeof CHECK_NAMES;

/** Thrown when the run is cancelled; the caller decides what to report. */
export class GateCancelled extends Error {
    constructor() {
        super("e2e gate cancelled");
        this.name = "GateCancelled";
    }
}

interface Context {
    opts: GateOptions;
    fetch: FetchLike;
    now: () => number;
    sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
    log: (line: string) => void;
    signal?: AbortSignal;
    redactor: Redactor;
}

function makeContext(opts: GateOptions, deps: GateDeps): Context {
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

function throwIfCancelled(ctx: Context): void {
    if (ctx.signal?.aborted) {
        throw new GateCancelled();
    }
}

function result(
    id: CheckId,
    outcome: CheckOutcome,
    durationMs: number,
    message: string,
    extra: Partial<CheckResult> = {},
): CheckResult {
    return { id, name: CHECK_NAMES[id], outcome, durationMs, message, ...extra };
}

/** A failure decided by an HTTP response: carries the status and a redacted body excerpt. */
function httpFail(
    ctx: Context,
    id: CheckId,
    started: number,
    category: Category,
    message: string,
    response: HttpResponse,
): CheckResult {
    return result(id, "fail", ctx.now() - started, message, {
        category,
        httpStatus: response.status,
        bodyExcerpt: excerpt(response.body, ctx.redactor),
    });
}

/** A failure with no HTTP response (refused, DNS, TLS, timeout). */
function requestFail(ctx: Context, id: CheckId, started: number, category: Category, err: RequestFailure): CheckResult {
    return result(id, "fail", ctx.now() - started, ctx.redactor.redact(err.message), { category });
}

/** Sends a request; RequestFailure is returned rather than thrown, cancellation is thrown. */
async function send(
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

function describeRedirect(response: HttpResponse): string {
    const location = response.headers.get("location");
    const where = location ? ` to ${untrustedText(location, 120)}` : "";
    return `unexpected redirect (HTTP ${response.status})${where}; pass the final URL as --url`;
}

/** The `error` (and `error_description`) of a JSON error body, if any, as one safe line. */
function jsonError(body: string): string | undefined {
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

function statusLine(response: HttpResponse, redactor: Redactor): string {
    const text = excerpt(response.body, redactor, 40);
    return `HTTP ${response.status}${text ? ` "${text}"` : ""}`;
}

/**
 * Polls GET /health/ready until it answers 200, for at most `readyTimeoutMs` in total, `readyIntervalMs` apart.
 * Every request is bounded by the smaller of the per-check timeout and the time left. Network errors that waiting
 * cannot fix (unknown host, TLS certificate problems) end the wait at once.
 */
export async function waitForReady(opts: GateOptions, deps: GateDeps = {}): Promise<CheckResult> {
    const ctx = makeContext(opts, deps);
    const started = ctx.now();
    const deadline = started + opts.readyTimeoutMs;
    const total = formatDuration(opts.readyTimeoutMs);
    let attempt = 0;
    let last = "no answer yet";
    let lastResponse: HttpResponse | undefined;
    let lastFailure: RequestFailure | undefined;

    for (;;) {
        attempt += 1;
        const remaining = deadline - ctx.now();
        const attemptTimeoutMs = Math.max(1, Math.ceil(Math.min(opts.checkTimeoutMs, remaining)));
        const outcome = await send(ctx, "GET", "/health/ready", { timeoutMs: attemptTimeoutMs });
        const elapsed = ctx.now() - started;
        if (!(outcome instanceof RequestFailure) && outcome.status === 200) {
            return result("readiness", "pass", elapsed, `ready after ${attempt} attempt${attempt === 1 ? "" : "s"}`, {
                httpStatus: 200,
            });
        }
        if (outcome instanceof RequestFailure) {
            // An attempt cut short by the overall deadline says nothing new: keep the previous real outcome for the report.
            const truncated =
                outcome.kind === "timeout" && attemptTimeoutMs < opts.checkTimeoutMs && (lastResponse || lastFailure);
            if (!truncated) {
                lastFailure = outcome;
                lastResponse = undefined;
            }
            last = ctx.redactor.redact(outcome.message);
            if (outcome.permanent) {
                return result("readiness", "fail", elapsed, `${last} (not retried: waiting cannot fix this)`, {
                    category: "deployment",
                });
            }
        } else {
            lastResponse = outcome;
            lastFailure = undefined;
            last = statusLine(outcome, ctx.redactor);
        }
        ctx.log(
            `waiting for readiness: attempt ${attempt}, last ${last}, elapsed ${formatDuration(elapsed)} of ${total}`,
        );

        const left = deadline - ctx.now();
        if (left <= 0) {
            break;
        }
        throwIfCancelled(ctx);
        try {
            await ctx.sleep(Math.min(opts.readyIntervalMs, left), ctx.signal);
        } catch (err) {
            if (ctx.signal?.aborted) {
                throw new GateCancelled();
            }
            throw err;
        }
        if (ctx.now() >= deadline) {
            break;
        }
    }

    const message = `not ready after ${formatDuration(ctx.now() - started)} (${attempt} attempt${attempt === 1 ? "" : "s"}, limit ${total})`;
    if (lastResponse) {
        return httpFail(
            ctx,
            "readiness",
            started,
            "deployment",
            `${message}; last answer HTTP ${lastResponse.status}`,
            lastResponse,
        );
    }
    return result(
        "readiness",
        "fail",
        ctx.now() - started,
        `${message}; last error: ${lastFailure ? ctx.redactor.redact(lastFailure.message) : last}`,
        {
            category: "deployment",
        },
    );
}

/** GET /health/live must answer 200 (text `ok`). */
export async function checkLiveness(opts: GateOptions, deps: GateDeps = {}): Promise<CheckResult> {
    const ctx = makeContext(opts, deps);
    const started = ctx.now();
    const response = await send(ctx, "GET", "/health/live");
    if (response instanceof RequestFailure) {
        return requestFail(ctx, "liveness", started, "deployment", response);
    }
    if (response.status === 200) {
        const body = response.body.trim();
        const note = body.toLowerCase() === "ok" ? "ok" : `HTTP 200 (body "${excerpt(body, ctx.redactor, 40)}")`;
        return result("liveness", "pass", ctx.now() - started, note, { httpStatus: 200 });
    }
    if (response.status >= 300 && response.status < 400) {
        return httpFail(ctx, "liveness", started, "deployment", describeRedirect(response), response);
    }
    return httpFail(
        ctx,
        "liveness",
        started,
        "deployment",
        `expected HTTP 200 "ok", got HTTP ${response.status}`,
        response,
    );
}

export interface AuthResult {
    check: CheckResult;
    token?: string;
}

/** POST /oauth/token with the password grant; returns the access token on success. */
export async function checkAuth(opts: GateOptions, deps: GateDeps = {}): Promise<AuthResult> {
    const ctx = makeContext(opts, deps);
    const started = ctx.now();
    const form = new URLSearchParams({ grant_type: "password", username: opts.username, password: opts.password });
    const response = await send(ctx, "POST", "/oauth/token", {
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        body: form.toString(),
    });
    if (response instanceof RequestFailure) {
        return { check: requestFail(ctx, "auth", started, "deployment", response) };
    }
    const status = response.status;
    if (status === 200) {
        const parsed = tryParseJson(response.body);
        const record =
            parsed.ok && parsed.value !== null && typeof parsed.value === "object"
                ? (parsed.value as Record<string, unknown>)
                : undefined;
        const token = record && typeof record.access_token === "string" ? record.access_token : "";
        if (!token) {
            const why = parsed.ok ? "no access_token in the response" : `response is not JSON (${parsed.error})`;
            return { check: httpFail(ctx, "auth", started, "deployment", `HTTP 200 but ${why}`, response) };
        }
        ctx.redactor.add(token);
        const tokenType = typeof record?.token_type === "string" ? untrustedText(record.token_type, 40) : "unknown";
        const expires = typeof record?.expires_in === "number" ? `, expires in ${record.expires_in}s` : "";
        const note = tokenType.toLowerCase() === "bearer" ? "" : ` (unexpected token_type "${tokenType}")`;
        return {
            check: result(
                "auth",
                "pass",
                ctx.now() - started,
                `token issued for ${opts.username} (${tokenType}${expires})${note}`,
                {
                    httpStatus: 200,
                },
            ),
            token,
        };
    }
    const error = jsonError(response.body);
    if (status === 400 || status === 401 || status === 403) {
        return {
            check: httpFail(
                ctx,
                "auth",
                started,
                "credentials",
                `credentials rejected for ${opts.username} (HTTP ${status}${error ? ` ${error}` : ""}): check the admin user and password for this environment`,
                response,
            ),
        };
    }
    if (status === 429) {
        return {
            check: httpFail(
                ctx,
                "auth",
                started,
                "credentials",
                `rate limited (HTTP 429${error ? ` ${error}` : ""}): too many password attempts from this IP; wait a minute before retrying`,
                response,
            ),
        };
    }
    if (status >= 300 && status < 400) {
        return { check: httpFail(ctx, "auth", started, "deployment", describeRedirect(response), response) };
    }
    return {
        check: httpFail(
            ctx,
            "auth",
            started,
            "deployment",
            `token endpoint answered HTTP ${status}${error ? ` ${error}` : ""}`,
            response,
        ),
    };
}

/** Common handling of bearer-authenticated endpoints; `validate` judges a 200 body. */
async function bearerCheck(
    id: "query" | "devices",
    opts: GateOptions,
    deps: GateDeps,
    token: string,
    method: "GET" | "POST",
    path: string,
    body: string | undefined,
    validate: (value: unknown) => { ok: true; message: string } | { ok: false; message: string },
): Promise<CheckResult> {
    const ctx = makeContext(opts, deps);
    ctx.redactor.add(token);
    const started = ctx.now();
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: "application/json" };
    if (body !== undefined) {
        headers["content-type"] = "application/json";
    }
    const response = await send(ctx, method, path, { headers, body });
    if (response instanceof RequestFailure) {
        return requestFail(ctx, id, started, response.kind === "timeout" ? "data-path" : "deployment", response);
    }
    const status = response.status;
    const error = jsonError(response.body);
    if (status === 200) {
        const parsed = tryParseJson(response.body);
        if (!parsed.ok) {
            return httpFail(
                ctx,
                id,
                started,
                "data-path",
                `HTTP 200 but the body is not valid JSON (${parsed.error})`,
                response,
            );
        }
        const verdict = validate(parsed.value);
        if (!verdict.ok) {
            return httpFail(ctx, id, started, "data-path", verdict.message, response);
        }
        return result(id, "pass", ctx.now() - started, verdict.message, { httpStatus: 200 });
    }
    if (status === 401 || status === 403) {
        return httpFail(
            ctx,
            id,
            started,
            "credentials",
            `token refused by ${path} (HTTP ${status}${error ? ` ${error}` : ""}): the token issued by /oauth/token is not accepted here`,
            response,
        );
    }
    if (status >= 300 && status < 400) {
        return httpFail(ctx, id, started, "data-path", describeRedirect(response), response);
    }
    const what = status === 400 ? "request rejected" : status >= 500 ? "server error" : "unexpected answer";
    return httpFail(ctx, id, started, "data-path", `${what} (HTTP ${status}${error ? ` ${error}` : ""})`, response);
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** POST /api/query `show devices` limit 1: a JSON object with a `results` array and no `error`. */
export function checkQuery(opts: GateOptions, token: string, deps: GateDeps = {}): Promise<CheckResult> {
    return bearerCheck(
        "query",
        opts,
        deps,
        token,
        "POST",
        "/api/query",
        JSON.stringify({ query: "show devices", limit: 1 }),
        (value) => {
            if (value === null || typeof value !== "object" || Array.isArray(value)) {
                return { ok: false, message: "HTTP 200 but the body is not a JSON object" };
            }
            const record = value as Record<string, unknown>;
            if (record.error !== undefined && record.error !== null) {
                const text = typeof record.error === "string" ? record.error : JSON.stringify(record.error);
                return { ok: false, message: `query returned an error: ${untrustedText(text, 120)}` };
            }
            if (!Array.isArray(record.results)) {
                return { ok: false, message: 'HTTP 200 but "results" is missing or not an array' };
            }
            return { ok: true, message: `well-formed result (${plural(record.results.length, "row")})` };
        },
    );
}

/** GET /api/devices: a JSON array. */
export function checkDevices(opts: GateOptions, token: string, deps: GateDeps = {}): Promise<CheckResult> {
    return bearerCheck("devices", opts, deps, token, "GET", "/api/devices", undefined, (value) => {
        if (!Array.isArray(value)) {
            return { ok: false, message: "HTTP 200 but the body is not a JSON array" };
        }
        return { ok: true, message: `${plural(value.length, "device")} listed` };
    });
}

/** The gate passes only when every check passed: a skipped check is not a pass. */
export function gatePassed(checks: CheckResult[]): boolean {
    return checks.length > 0 && checks.every((check) => check.outcome === "pass");
}

function skipped(id: CheckId, message: string): CheckResult {
    return result(id, "skip", 0, message);
}

/**
 * Runs the whole gate: wait for readiness, then liveness, token, query, devices.
 * When readiness fails, the token and the checks that need it are skipped (a not-ready release would only burn
 * password attempts); when the token cannot be obtained, the query and device checks are skipped.
 * A skipped check never counts as passed.
 */
export async function runGate(opts: GateOptions, deps: GateDeps = {}): Promise<GateResult> {
    const ctx = makeContext(opts, deps);
    const shared: GateDeps = { ...deps, redactor: ctx.redactor, now: ctx.now, sleep: ctx.sleep, fetch: ctx.fetch };
    const started = ctx.now();
    const checks: CheckResult[] = [];

    const readiness = await waitForReady(opts, shared);
    checks.push(readiness);
    checks.push(await checkLiveness(opts, shared));

    if (readiness.outcome !== "pass") {
        checks.push(skipped("auth", "skipped: the deployment never became ready"));
        checks.push(skipped("query", "skipped: the deployment never became ready"));
        checks.push(skipped("devices", "skipped: the deployment never became ready"));
    } else {
        const auth = await checkAuth(opts, shared);
        checks.push(auth.check);
        if (auth.token) {
            checks.push(await checkQuery(opts, auth.token, shared));
            checks.push(await checkDevices(opts, auth.token, shared));
        } else {
            checks.push(skipped("query", "skipped: no token (authentication failed)"));
            checks.push(skipped("devices", "skipped: no token (authentication failed)"));
        }
    }

    return {
        checks,
        passed: gatePassed(checks),
        durationMs: ctx.now() - started,
    };
}
