// One HTTP request with a hard time limit, on Node's global fetch; failures become one-line plain-language errors.

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface HttpRequest {
    method: "GET" | "POST";
    url: string;
    headers?: Record<string, string>;
    body?: string;
    /** Hard limit for connect + response + body, in milliseconds. */
    timeoutMs: number;
    /** Aborts the request early (e.g. the gate was cancelled). */
    signal?: AbortSignal;
}

export interface HttpResponse {
    status: number;
    headers: Headers;
    body: string;
    durationMs: number;
}

export type FailureKind = "timeout" | "network" | "cancelled";

/** A request that produced no HTTP response. `message` is one line and names the URL and the cause. */
export class RequestFailure extends Error {
    constructor(
        message: string,
        readonly kind: FailureKind,
        readonly url: string,
        readonly code: string | undefined,
        /** True when retrying cannot help (bad certificate, unknown host, malformed URL). */
        readonly permanent: boolean,
    ) {
        super(message);
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
        return new RequestFailure(`${target} cancelled`, "cancelled", url, undefined, true);
    }
    if (timedOut) {
        return new RequestFailure(
            `${target} failed: no complete response within ${timeoutMs}ms (timed out)`,
            "timeout",
            url,
            "TIMEOUT",
            false,
        );
    }
    const code = findErrorCode(err);
    const cause = describeCode(code);
    if (cause) {
        return new RequestFailure(`${target} failed: ${cause.text} (${code})`, "network", url, code, cause.permanent);
    }
    const detail = innermostMessage(err) || String(err);
    return new RequestFailure(`${target} failed: ${detail}${code ? ` (${code})` : ""}`, "network", url, code, false);
}

/**
 * Sends one request and reads the whole body as text, all within `timeoutMs`.
 * Redirects are not followed: a 3xx is returned as-is so the gate can say where the URL points instead of
 * silently POSTing to a login page.
 */
export async function httpRequest(req: HttpRequest, fetchImpl: FetchLike = fetch): Promise<HttpResponse> {
    const started = performance.now();
    // AbortSignal.timeout only takes whole milliseconds.
    const timeoutMs = Math.max(1, Math.ceil(req.timeoutMs));
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = req.signal ? AbortSignal.any([timeout, req.signal]) : timeout;
    try {
        const response = await fetchImpl(req.url, {
            method: req.method,
            headers: { "user-agent": USER_AGENT, ...req.headers },
            body: req.body,
            redirect: "manual",
            signal,
        });
        const body = await response.text();
        return { status: response.status, headers: response.headers, body, durationMs: performance.now() - started };
    } catch (err) {
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
