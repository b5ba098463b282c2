// Every HTTP request of the e2e gate and the release tools: a hard time limit, a capped body, no redirect to another
// origin, and failures as one-line plain-language errors (server-provided text in them is made safe to print).

import { BodyTooLarge, DEFAULT_MAX_BODY_BYTES, readBoundedText } from "./boundedBody";
import { untrustedText } from "./sanitize";

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Same-origin redirects followed at most (a loop must end). */
export const MAX_REDIRECTS = 5;

export interface HttpRequest {
    /** HEAD: an OCI registry answers whether a manifest exists without sending it (tools/lib/discoverRegistry.ts). */
    /** PUT/PATCH: GitHub's REST API merges a pull request (PUT) and moves a ref (PATCH) with them. */
    method: "GET" | "HEAD" | "POST" | "PUT" | "PATCH";
    url: string;
    headers?: Record<string, string>;
    body?: string;
    /** Hard limit for connect + response + body, in milliseconds. */
    timeoutMs: number;
    /** Aborts the request early (e.g. the gate was cancelled). */
    signal?: AbortSignal;
    /** Body size cap (default DEFAULT_MAX_BODY_BYTES). */
    maxBodyBytes?: number;
    /**
     * Same-origin redirects of a GET to follow (default 0: a redirect is returned as-is). A redirect to another origin is
     * never followed: the request fails, so no verdict is ever taken from a server the caller did not name.
     */
    followRedirects?: number;
}

export interface HttpResponse {
    status: number;
    headers: Headers;
    body: string;
    durationMs: number;
}

/** `pagination`: a listing's links loop or run past the page bound (lib/github/client.ts readPages). */
export type FailureKind = "timeout" | "network" | "cancelled" | "redirect" | "too-large" | "pagination";

/** A request that produced no usable HTTP response. `message` is one line: the request, then `detail`. */
export class RequestFailure extends Error {
    /** What went wrong, without the request: `failed: connection refused (ECONNREFUSED)`. */
    readonly detail: string;

    constructor(
        target: string,
        detail: string,
        readonly kind: FailureKind,
        readonly url: string,
        readonly code: string | undefined,
        /** True when retrying cannot help (bad certificate, unknown host, malformed URL, a refused redirect). */
        readonly permanent: boolean,
    ) {
        super(`${target} ${detail}`);
        this.detail = detail;
        this.name = "RequestFailure";
    }
}

export const USER_AGENT = "serviceradar-e2e-gate";

interface Cause {
    text: string;
    permanent: boolean;
}

const CODE_TEXT: Record<string, Cause> = {
    ECONNREFUSED: { text: "connection refused (nothing is listening at that host and port)", permanent: false },
    ENOTFOUND: { text: "DNS lookup failed: host not found", permanent: true },
    EAI_AGAIN: { text: "DNS lookup failed temporarily (resolver unavailable)", permanent: false },
    ECONNRESET: { text: "connection reset by the server", permanent: false },
    EPIPE: { text: "connection closed by the server while sending", permanent: false },
    ETIMEDOUT: { text: "connection timed out", permanent: false },
    UND_ERR_CONNECT_TIMEOUT: { text: "connection timed out", permanent: false },
    UND_ERR_HEADERS_TIMEOUT: { text: "server sent no response headers in time", permanent: false },
    UND_ERR_BODY_TIMEOUT: { text: "server stopped sending the response body", permanent: false },
    UND_ERR_SOCKET: { text: "connection closed unexpectedly by the server", permanent: false },
    EHOSTUNREACH: { text: "host unreachable", permanent: false },
    ENETUNREACH: { text: "network unreachable", permanent: false },
    CERT_HAS_EXPIRED: { text: "TLS certificate has expired", permanent: true },
    CERT_NOT_YET_VALID: { text: "TLS certificate is not yet valid", permanent: true },
    DEPTH_ZERO_SELF_SIGNED_CERT: { text: "TLS certificate is self-signed and not trusted", permanent: true },
    SELF_SIGNED_CERT_IN_CHAIN: {
        text: "TLS certificate chain contains an untrusted self-signed certificate",
        permanent: true,
    },
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: {
        text: "TLS certificate could not be verified (incomplete chain or unknown issuer)",
        permanent: true,
    },
    UNABLE_TO_GET_ISSUER_CERT: { text: "TLS certificate issuer is unknown", permanent: true },
    UNABLE_TO_GET_ISSUER_CERT_LOCALLY: { text: "TLS certificate issuer is not trusted locally", permanent: true },
    ERR_TLS_CERT_ALTNAME_INVALID: { text: "TLS certificate does not match the host name", permanent: true },
    EPROTO: { text: "TLS handshake failed (is an https:// URL pointing at a plain-HTTP port?)", permanent: true },
    ERR_SSL_WRONG_VERSION_NUMBER: {
        text: "TLS handshake failed (is an https:// URL pointing at a plain-HTTP port?)",
        permanent: true,
    },
    ERR_INVALID_URL: { text: "invalid URL", permanent: true },
};

/** Finds the most specific `code` in an error's cause chain (fetch wraps socket errors as `TypeError: fetch failed`). */
export function findErrorCode(err: unknown): string | undefined {
    const seen = new Set<unknown>();
    const queue: unknown[] = [err];
    let found: string | undefined;
    while (queue.length > 0) {
        const current = queue.shift();
        if (current === null || typeof current !== "object" || seen.has(current)) {
            continue;
        }
        seen.add(current);
        const record = current as { code?: unknown; cause?: unknown; errors?: unknown };
        if (typeof record.code === "string" && record.code !== "") {
            found = record.code;
        }
        if (record.cause !== undefined) {
            queue.push(record.cause);
        }
        if (Array.isArray(record.errors)) {
            queue.push(...record.errors);
        }
    }
    return found;
}

function innermostMessage(err: unknown): string {
    let current: unknown = err;
    let message = "";
    for (let depth = 0; depth < 5 && current && typeof current === "object"; depth += 1) {
        const record = current as { message?: unknown; cause?: unknown };
        if (typeof record.message === "string" && record.message !== "") {
            message = record.message;
        }
        current = record.cause;
    }
    return message.split("\n")[0] ?? "";
}

/** Plain words for an error code; TLS codes not listed still read as a certificate problem. */
export function describeCode(code: string | undefined): Cause | undefined {
    if (!code) {
        return undefined;
    }
    const known = CODE_TEXT[code];
    if (known) {
        return known;
    }
    if (/CERT|SSL|TLS/.test(code)) {
        return { text: `TLS error (${code})`, permanent: true };
    }
    return undefined;
}

/** Converts whatever fetch threw into a RequestFailure with a one-line message. */
export function toRequestFailure(
    err: unknown,
    method: string,
    url: string,
    timeoutMs: number,
    timedOut: boolean,
    cancelled: boolean,
): RequestFailure {
    const target = `${method} ${url}`;
    if (cancelled) {
        return new RequestFailure(target, "cancelled", "cancelled", url, undefined, true);
    }
    if (timedOut) {
        return new RequestFailure(
            target,
            `failed: no complete response within ${timeoutMs}ms (timed out)`,
            "timeout",
            url,
            "TIMEOUT",
            false,
        );
    }
    const code = findErrorCode(err);
    const cause = describeCode(code);
    if (cause) {
        return new RequestFailure(target, `failed: ${cause.text} (${code})`, "network", url, code, cause.permanent);
    }
    const detail = untrustedText(innermostMessage(err) || String(err), 200);
    return new RequestFailure(target, `failed: ${detail}${code ? ` (${code})` : ""}`, "network", url, code, false);
}

/** A redirect the caller did not ask to follow, or one that leaves the origin: the request fails here. */
class RedirectRefused extends Error {}

/**
 * The Fetch standard's redirect statuses (https://fetch.spec.whatwg.org/#redirect-status), the ones `fetch` itself
 * would follow: a 300 (a choice to make) or a 304 (a cached answer) carries no URL to go to, whatever its headers say.
 */
const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** Where a redirect points, if this request may follow it (same origin, GET, within the bound). */
function nextHop(
    req: HttpRequest,
    origin: string,
    current: string,
    response: Response,
    hops: number,
): string | undefined {
    const location = response.headers.get("location");
    if (!REDIRECT_STATUSES.has(response.status) || location === null) return undefined;
    if ((req.followRedirects ?? 0) === 0 || req.method !== "GET") return undefined;
    let next: URL;
    try {
        next = new URL(location, current);
    } catch {
        throw new RedirectRefused(
            `was redirected to an invalid location "${untrustedText(location, 80)}"; not followed`,
        );
    }
    if (next.origin !== origin) {
        throw new RedirectRefused(`was redirected to another origin (${untrustedText(next.origin, 80)}); not followed`);
    }
    if (hops >= (req.followRedirects ?? 0)) throw new RedirectRefused(`was redirected more than ${hops} times`);
    return next.href;
}

/**
 * Sends one request and reads the whole body as text (at most `maxBodyBytes`), all within `timeoutMs`. A redirect is
 * returned as-is unless `followRedirects` allows following it within the origin, so the gate can say where a URL
 * points instead of silently POSTing to a login page, and no tool takes a verdict from another server.
 */
export async function httpRequest(req: HttpRequest, fetchImpl: FetchLike = fetch): Promise<HttpResponse> {
    const started = performance.now();
    // AbortSignal.timeout only takes whole milliseconds.
    const timeoutMs = Math.max(1, Math.ceil(req.timeoutMs));
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = req.signal ? AbortSignal.any([timeout, req.signal]) : timeout;
    try {
        const origin = new URL(req.url).origin;
        let url = req.url;
        for (let hops = 0; ; hops += 1) {
            const response = await fetchImpl(url, {
                method: req.method,
                headers: { "user-agent": USER_AGENT, ...req.headers },
                body: req.body,
                redirect: "manual",
                signal,
            });
            const next = nextHop(req, origin, url, response, hops);
            if (next === undefined) {
                const body = await readBoundedText(response, req.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
                return {
                    status: response.status,
                    headers: response.headers,
                    body,
                    durationMs: performance.now() - started,
                };
            }
            await response.body?.cancel().catch(() => undefined);
            url = next;
        }
    } catch (err) {
        const target = `${req.method} ${req.url}`;
        if (err instanceof RedirectRefused) {
            throw new RequestFailure(target, err.message, "redirect", req.url, undefined, true);
        }
        if (err instanceof BodyTooLarge) {
            throw new RequestFailure(target, `failed: ${err.message}`, "too-large", req.url, undefined, true);
        }
        const cancelled = req.signal?.aborted === true;
        throw toRequestFailure(err, req.method, req.url, timeoutMs, !cancelled && timeout.aborted, cancelled);
    }
}

/** Joins a base URL (which may carry a path prefix) with an absolute API path. */
export function joinUrl(baseUrl: string, path: string): string {
    return `${baseUrl.replace(/\/+$/, "")}${path}`;
}

/** Parses JSON without throwing. */
export function tryParseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
    try {
        return { ok: true, value: JSON.parse(text) as unknown };
    } catch (err) {
        return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
}
