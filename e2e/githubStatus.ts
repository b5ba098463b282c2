// GitHub commit statuses: POST {api}/repos/{owner}/{repo}/statuses/{sha}.

import { setTimeout as delay } from "node:timers/promises";
import { FetchLike, USER_AGENT } from "../lib/cli/http";
import { Redactor } from "../lib/cli/redact";
import { excerpt, untrustedText } from "../lib/cli/sanitize";
import { createGitHubClient } from "../lib/github/client";
import { answerText, failedAnswer, requestFailureOf } from "../lib/github/errors";
import { truncate } from "./report";

export type StatusState = "pending" | "success" | "failure" | "error";

export interface StatusTarget {
    /** API root, e.g. https://api.github.com or https://ghe.example.com/api/v3. */
    apiUrl: string;
    /** owner/name */
    repo: string;
    sha: string;
    token: string;
    context: string;
    targetUrl?: string;
}

export interface PostOptions {
    fetch?: FetchLike;
    timeoutMs?: number;
    /** Total attempts for 5xx, 429 and network errors (default 3). */
    attempts?: number;
    retryDelayMs?: number;
    /** The longest `retry-after` of a rate-limited answer waited out (default 60 s); a longer one ends the posting. */
    maxRetryAfterMs?: number;
    redactor?: Redactor;
    /** Stops the post and its retries at once (the gate was cancelled). */
    signal?: AbortSignal;
    /** Body size cap of GitHub's answer. */
    maxBodyBytes?: number;
}

export type PostResult = { ok: true; status: number } | { ok: false; message: string };

export const DESCRIPTION_LIMIT = 140;

export function isValidSha(sha: string): boolean {
    return /^[0-9a-fA-F]{40}$/.test(sha);
}

/** The Actions run page, when running inside GitHub Actions. */
export function defaultTargetUrl(env: Record<string, string | undefined>): string | undefined {
    const server = env.GITHUB_SERVER_URL;
    const repo = env.GITHUB_REPOSITORY;
    const runId = env.GITHUB_RUN_ID;
    if (!server || !repo || !runId) {
        return undefined;
    }
    return `${server.replace(/\/+$/, "")}/${repo}/actions/runs/${runId}`;
}

export function statusUrl(target: StatusTarget): string {
    const [owner, name] = target.repo.split("/");
    return (
        `${target.apiUrl.replace(/\/+$/, "")}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(name)}` +
        `/statuses/${target.sha.toLowerCase()}`
    );
}

/**
 * The wait GitHub asks for with `retry-after` (seconds) on a rate-limited answer: a secondary rate limit is a 403 or a
 * 429, and GitHub's docs say not to retry before that many seconds have passed.
 */
function retryAfterMs(err: unknown, status: number): number | undefined {
    if (status !== 403 && status !== 429) return undefined;
    const header = (err as { response?: { headers?: Record<string, unknown> } }).response?.headers?.["retry-after"];
    const seconds = Number(header);
    return header === undefined || !Number.isFinite(seconds) || seconds < 0 ? undefined : seconds * 1000;
}

/** Why one attempt did not post the status, whether another attempt may, and how long GitHub asked to wait first. */
function explainFailure(
    err: unknown,
    url: string,
    redactor: Redactor,
): { message: string; final: boolean; waitMs?: number } {
    const failure = requestFailureOf(err);
    if (failure) return { message: failure.message, final: failure.kind === "cancelled" || failure.permanent };
    const answer = failedAnswer(err);
    if (answer) {
        const waitMs = retryAfterMs(err, answer.status);
        return {
            message:
                `GitHub answered HTTP ${answer.status} to POST ${url}: ${excerpt(answerText(answer.data), redactor, 160)}` +
                (waitMs === undefined ? "" : ` (retry after ${waitMs / 1000} s)`),
            final: waitMs === undefined && answer.status < 500 && answer.status !== 429,
            waitMs,
        };
    }
    return { message: `POST ${url} failed: ${String(err)}`, final: false };
}

/**
 * Posts one commit status through the GitHub client. Never throws: returns a one-line, redacted reason on failure.
 * Retries 5xx, 429 and network errors a few times, a rate-limited answer not before its `retry-after` (up to
 * maxRetryAfterMs; a longer wait ends it); 4xx (bad token, unknown repo or sha) fail at once. The retries are
 * counted here, not by the client, so that a cancellation also ends the wait between two attempts at once.
 */
export async function postCommitStatus(
    target: StatusTarget,
    state: StatusState,
    description: string,
    options: PostOptions = {},
): Promise<PostResult> {
    const redactor = options.redactor ?? new Redactor();
    redactor.add(target.token);
    const attempts = Math.max(1, options.attempts ?? 3);
    const url = statusUrl(target);
    const [owner, repo] = target.repo.split("/");
    const client = createGitHubClient({
        token: target.token,
        apiUrl: target.apiUrl,
        userAgent: USER_AGENT,
        fetch: options.fetch,
        timeoutMs: options.timeoutMs ?? 15_000,
        maxBodyBytes: options.maxBodyBytes,
        retries: 0,
    });
    const payload = {
        state,
        context: target.context,
        description: truncate(untrustedText(redactor.redact(description), 1000), DESCRIPTION_LIMIT),
        ...(target.targetUrl ? { target_url: target.targetUrl } : {}),
    };
    let lastMessage = "";
    let waitMs: number | undefined;
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
        try {
            const response = await client.request("POST /repos/{owner}/{repo}/statuses/{sha}", {
                owner,
                repo,
                sha: target.sha.toLowerCase(),
                ...payload,
                request: { signal: options.signal },
            });
            // A redirect is not followed for a POST: Octokit hands it over as an answer, which is no success here.
            const status: number = response.status;
            if (status >= 200 && status < 300) {
                return { ok: true, status };
            }
            lastMessage = `GitHub answered HTTP ${status} to POST ${url}: ${excerpt(answerText(response.data), redactor, 160)}`;
            break;
        } catch (err) {
            const failed = explainFailure(err, url, redactor);
            lastMessage = failed.message;
            waitMs = failed.waitMs;
            if (failed.final || (waitMs !== undefined && waitMs > (options.maxRetryAfterMs ?? 60_000))) {
                break;
            }
        }
        if (attempt < attempts) {
            const pause = Math.max(options.retryDelayMs ?? 1000, waitMs ?? 0);
            const waited = await delay(pause, true, { signal: options.signal }).catch(() => false);
            if (!waited) {
                break;
            }
        }
    }
    return { ok: false, message: redactor.redact(lastMessage) };
}
