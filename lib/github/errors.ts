// What a failed GitHub request means for whoever runs a tool: rate-limited (and until when), no access, not found, or
// GitHub could not be asked. Octokit's errors are read by shape (status, response headers, cause), so any version of
// @octokit/request-error is understood without depending on it directly.

import { RequestFailure } from "../cli/http";
import { untrustedText } from "../cli/sanitize";

export type GitHubFailure =
    /** 403 or 429 with a spent quota or a Retry-After: the request may succeed after `resetAt`. */
    | { kind: "rate-limited"; status: number; resetAt?: Date; message: string }
    /** 401 (token rejected) or 403 (token lacks a permission). */
    | { kind: "no-access"; status: number; message: string }
    | { kind: "not-found"; status: number; message: string }
    /** No usable answer: network failure, timeout, oversized body, refused redirect, 5xx. */
    | { kind: "unreachable"; status?: number; message: string }
    /** Any other answer GitHub refused with (e.g. 422). */
    | { kind: "refused"; status: number; message: string };

interface HttpErrorShape {
    status: number;
    message: string;
    cause?: unknown;
    response?: { headers?: Record<string, string | number | undefined> };
}

function isHttpError(err: unknown): err is HttpErrorShape {
    return err instanceof Error && typeof (err as Partial<HttpErrorShape>).status === "number";
}

function header(err: HttpErrorShape, name: string): string | undefined {
    const value = err.response?.headers?.[name];
    return value === undefined ? undefined : String(value);
}

/**
 * When a rate limit lifts: Retry-After (seconds from now) wins over X-RateLimit-Reset (epoch seconds). An absent header
 * is Number(undefined), NaN, which no finite check lets through.
 */
function rateLimitReset(err: HttpErrorShape, now: Date): Date | undefined {
    const retryAfter = Number(header(err, "retry-after"));
    if (Number.isFinite(retryAfter) && retryAfter >= 0) {
        return new Date(now.getTime() + retryAfter * 1000);
    }
    const reset = Number(header(err, "x-ratelimit-reset"));
    return Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000) : undefined;
}

/** GitHub's own words (its `message`, with the documentation link Octokit appends), as one short safe line. */
function gitHubText(err: HttpErrorShape): string {
    return untrustedText(err.message, 200);
}

/**
 * The failure an error from a GitHub client call stands for, or undefined when it is not a GitHub request failure at
 * all (a bug, which the caller reports as internal).
 */
export function classifyGitHubError(err: unknown, now: Date): GitHubFailure | undefined {
    // Thrown outside a request (readPages' bounds): no answer to judge, the listing could not be read.
    if (err instanceof RequestFailure) return { kind: "unreachable", message: err.detail };
    if (!isHttpError(err)) return undefined;
    const { status } = err;
    if (err.cause instanceof RequestFailure) return { kind: "unreachable", message: err.cause.detail };
    const spent = header(err, "x-ratelimit-remaining") === "0" || header(err, "retry-after") !== undefined;
    if (status === 429 || (status === 403 && spent)) {
        return { kind: "rate-limited", status, resetAt: rateLimitReset(err, now), message: gitHubText(err) };
    }
    if (status === 401 || status === 403) return { kind: "no-access", status, message: gitHubText(err) };
    if (status === 404) return { kind: "not-found", status, message: gitHubText(err) };
    if (status >= 500) return { kind: "unreachable", status, message: `HTTP ${status}: ${gitHubText(err)}` };
    return { kind: "refused", status, message: gitHubText(err) };
}

/** True when `err` is GitHub's 404 (a branch or file that does not exist). */
export function isNotFound(err: unknown): boolean {
    return isHttpError(err) && err.status === 404 && !(err.cause instanceof RequestFailure);
}

/**
 * The body of an answer as Octokit hands it over (`response.data`: parsed JSON, text, or bytes), as text again, for
 * quoting GitHub's words in a failure line. Not yet safe to print: the caller redacts and sanitises it.
 */
export function answerText(data: unknown): string {
    if (typeof data === "string") return data;
    if (data === undefined || data === null) return "";
    if (data instanceof ArrayBuffer) return `(${data.byteLength} bytes that are not text)`;
    try {
        return JSON.stringify(data, (_key, value: unknown) => (typeof value === "bigint" ? String(value) : value));
    } catch {
        return String(data);
    }
}

/** GitHub's answer carried by a failed client call (status and body), or undefined for a failure without one. */
export function failedAnswer(err: unknown): { status: number; data: unknown } | undefined {
    if (!isHttpError(err) || err.cause instanceof RequestFailure) return undefined;
    return { status: err.status, data: (err as { response?: { data?: unknown } }).response?.data };
}

/** The request failure behind an error from a client call (network, timeout, cancelled, ...), if that is what it is. */
export function requestFailureOf(err: unknown): RequestFailure | undefined {
    if (err instanceof RequestFailure) return err;
    const cause = (err as { cause?: unknown } | null)?.cause;
    return cause instanceof RequestFailure ? cause : undefined;
}
