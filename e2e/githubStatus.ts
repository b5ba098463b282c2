// GitHub commit statuses: POST {api}/repos/{owner}/{repo}/statuses/{sha}.

import { setTimeout as delay } from "node:timers/promises";
import { FetchLike, RequestFailure, httpRequest } from "../lib/cli/http";
import { Redactor } from "../lib/cli/redact";
import { excerpt, untrustedText } from "../lib/cli/sanitize";
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
    redactor?: Redactor;
    /** Stops the post and its retries at once (the gate was cancelled). */
    signal?: AbortSignal;
    /** Body size cap of GitHub's answer. */
    maxBodyBytes?: number;
}

export type PostResult = { ok: true; status: number } | { ok: false; message: string };

export const DEFAULT_GITHUB_API = "https://api.github.com";
export const DESCRIPTION_LIMIT = 140;

export function isValidSha(sha: string): boolean {
    return /^[0-9a-fA-F]{40}$/.test(sha);
}

export function isValidRepo(repo: string): boolean {
    return /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repo);
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
 * Posts one commit status. Never throws: returns a one-line, redacted reason on failure.
 * Retries 5xx, 429 and network errors a few times; 4xx (bad token, unknown repo or sha) fail at once.
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
    const payload: Record<string, string> = {
        state,
        context: target.context,
        description: truncate(untrustedText(redactor.redact(description), 1000), DESCRIPTION_LIMIT),
    };
    if (target.targetUrl) {
        payload.target_url = target.targetUrl;
    }
    let lastMessage = "";
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
        try {
            const response = await httpRequest(
                {
                    method: "POST",
                    url,
                    headers: {
                        authorization: `Bearer ${target.token}`,
                        accept: "application/vnd.github+json",
                        "x-github-api-version": "2022-11-28",
                        "content-type": "application/json",
                    },
                    body: JSON.stringify(payload),
                    timeoutMs: options.timeoutMs ?? 15_000,
                    signal: options.signal,
                    maxBodyBytes: options.maxBodyBytes,
                },
                options.fetch,
            );
            if (response.status >= 200 && response.status < 300) {
                return { ok: true, status: response.status };
            }
            lastMessage = `GitHub answered HTTP ${response.status} to POST ${url}: ${excerpt(response.body, redactor, 160)}`;
            if (response.status < 500 && response.status !== 429) {
                break;
            }
        } catch (err) {
            lastMessage = err instanceof RequestFailure ? err.message : `POST ${url} failed: ${String(err)}`;
            if (err instanceof RequestFailure && (err.kind === "cancelled" || err.permanent)) {
                break;
            }
        }
        if (attempt < attempts) {
            const waited = await delay(options.retryDelayMs ?? 1000, true, { signal: options.signal }).catch(
                () => false,
            );
            if (!waited) {
                break;
            }
        }
    }
    return { ok: false, message: redactor.redact(lastMessage) };
}
