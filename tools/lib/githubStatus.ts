// The promotion gate: the commit status a context reports on a ref of the ServiceRadar repository, read from
// GET {api}/repos/{owner}/{repo}/commits/{ref}/status (the combined status; one latest entry per context).

import { setTimeout as delay } from "node:timers/promises";
import { formatDuration } from "../../lib/cli/duration";
import { FetchLike, MAX_REDIRECTS, RequestFailure, httpRequest, tryParseJson } from "../../lib/cli/http";
import { Redactor } from "../../lib/cli/redact";
import { excerpt, untrustedText } from "../../lib/cli/sanitize";

export const DEFAULT_GITHUB_API = "https://api.github.com";
/** The context the e2e gate reports on the release tag in direct mode. */
export const DIRECT_STATUS_CONTEXT = "e2e-tests";
const PER_PAGE = 100;
const MAX_PAGES = 10;

export type { FetchLike };

export interface StatusQuery {
    /** API root, e.g. https://api.github.com or https://ghe.example.com/api/v3. */
    apiUrl: string;
    /** owner/name */
    repo: string;
    /** Tag, branch or sha, e.g. v1.2.28. */
    ref: string;
    token: string;
    timeoutMs?: number;
    /** Attempts for network errors, timeouts, 429 and 5xx (default 3). */
    attempts?: number;
    retryDelayMs?: number;
    fetch?: FetchLike;
    /** Size cap of each answer (default 1 MiB). */
    maxBodyBytes?: number;
}

export interface CommitStatus {
    context: string;
    state: string;
    description?: string | null;
    target_url?: string | null;
    updated_at?: string;
    created_at?: string;
}

export type StatusFetch =
    { ok: true; sha?: string; statuses: CommitStatus[] } | { ok: false; message: string; httpStatus?: number };

export type GateState = "success" | "failure" | "error" | "pending" | "missing";

export interface GateVerdict {
    state: GateState;
    context: string;
    ref: string;
    sha?: string;
    status?: CommitStatus;
}

export function isValidRepo(repo: string): boolean {
    return /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repo);
}

/** The combined-status URL of a ref; each path segment of the ref is encoded, its slashes kept. */
export function combinedStatusUrl(apiUrl: string, repo: string, ref: string, page = 1): string {
    const [owner, name] = repo.split("/");
    const encodedRef = ref.split("/").map(encodeURIComponent).join("/");
    return (
        `${apiUrl.replace(/\/+$/, "")}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(name)}` +
        `/commits/${encodedRef}/status?per_page=${PER_PAGE}&page=${page}`
    );
}

/** Why an answer is not usable; `body` is GitHub's answer, already redacted and made one safe line. */
function explainHttp(status: number, query: StatusQuery, body: string): string {
    const where = `${query.repo}@${query.ref}`;
    if (status === 401)
        return `GitHub rejected the token (HTTP 401) reading the status of ${where}; check GITHUB_TOKEN`;
    if (status === 403 || status === 429) {
        return `GitHub refused to read the status of ${where} (HTTP ${status}: ${body}); check the token's access or rate limit`;
    }
    if (status === 404) {
        return `GitHub has no ref ${query.ref} in ${query.repo} (HTTP 404), or the token cannot see the repository`;
    }
    return `GitHub answered HTTP ${status} reading the status of ${where}: ${body}`;
}

async function getPage(
    query: StatusQuery,
    page: number,
): Promise<{ ok: true; body: unknown } | { ok: false; message: string; httpStatus?: number }> {
    const url = combinedStatusUrl(query.apiUrl, query.repo, query.ref, page);
    const attempts = Math.max(1, query.attempts ?? 3);
    const redactor = new Redactor([query.token]);
    let last: { ok: false; message: string; httpStatus?: number } = { ok: false, message: "not attempted" };
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
        try {
            const response = await httpRequest(
                {
                    method: "GET",
                    url,
                    headers: {
                        authorization: `Bearer ${query.token}`,
                        accept: "application/vnd.github+json",
                        "x-github-api-version": "2022-11-28",
                    },
                    timeoutMs: query.timeoutMs ?? 15_000,
                    maxBodyBytes: query.maxBodyBytes,
                    followRedirects: MAX_REDIRECTS,
                },
                query.fetch,
            );
            if (response.status >= 200 && response.status < 300) {
                const parsed = tryParseJson(response.body);
                if (parsed.ok) return { ok: true, body: parsed.value };
                return {
                    ok: false,
                    message: `GitHub answered with something that is not JSON: ${excerpt(response.body, redactor)}`,
                };
            }
            last = {
                ok: false,
                message: explainHttp(response.status, query, excerpt(response.body, redactor)),
                httpStatus: response.status,
            };
            if (response.status < 500 && response.status !== 429) return last;
        } catch (err) {
            if (!(err instanceof RequestFailure)) throw err;
            const reason =
                err.kind === "timeout" ? `no answer within ${formatDuration(query.timeoutMs ?? 15_000)}` : err.detail;
            last = { ok: false, message: `could not reach GitHub at ${query.apiUrl}: ${redactor.redact(reason)}` };
            if (err.permanent) return last;
        }
        if (attempt < attempts) await delay(query.retryDelayMs ?? 1000);
    }
    return last;
}

function isStatus(value: unknown): value is CommitStatus {
    return (
        value !== null &&
        typeof value === "object" &&
        typeof (value as CommitStatus).context === "string" &&
        typeof (value as CommitStatus).state === "string"
    );
}

/** Reads every status of a ref (following pages), or says in one redacted line why it could not. */
export async function fetchCommitStatuses(query: StatusQuery): Promise<StatusFetch> {
    const statuses: CommitStatus[] = [];
    let sha: string | undefined;
    for (let page = 1; page <= MAX_PAGES; page += 1) {
        const result = await getPage(query, page);
        if (!result.ok) return result;
        const body = result.body as { sha?: unknown; statuses?: unknown; total_count?: unknown } | null;
        if (body === null || typeof body !== "object" || !Array.isArray(body.statuses)) {
            return { ok: false, message: "GitHub's answer has no statuses[] list" };
        }
        if (typeof body.sha === "string" && /^[0-9a-f]{40}$/i.test(body.sha)) sha = body.sha;
        const pageStatuses = body.statuses.filter(isStatus);
        statuses.push(...pageStatuses);
        const total = typeof body.total_count === "number" ? body.total_count : undefined;
        if (body.statuses.length < PER_PAGE || (total !== undefined && statuses.length >= total)) break;
    }
    return { ok: true, sha, statuses };
}

function timeOf(status: CommitStatus): number {
    const stamp = Date.parse(status.updated_at ?? status.created_at ?? "");
    return Number.isNaN(stamp) ? 0 : stamp;
}

/** The state of `context` among `statuses` (the most recent entry wins); "missing" when it never reported. */
export function evaluateGate(
    statuses: readonly CommitStatus[],
    context: string,
    ref: string,
    sha?: string,
): GateVerdict {
    const matching = statuses.filter((status) => status.context === context);
    if (matching.length === 0) return { state: "missing", context, ref, sha };
    const latest = matching.reduce((best, status) => (timeOf(status) > timeOf(best) ? status : best));
    const known: readonly string[] = ["success", "failure", "error", "pending"];
    const state = (known.includes(latest.state) ? latest.state : "error") as GateState;
    return { state, context, ref, sha, status: latest };
}

/** One line saying what the gate reported, for the refusal or the go-ahead. */
export function describeVerdict(verdict: GateVerdict, repo: string): string {
    const at = `${repo}@${verdict.ref}${verdict.sha ? ` (${verdict.sha.slice(0, 12)})` : ""}`;
    if (verdict.state === "missing") {
        return `commit status "${verdict.context}" is missing on ${at}: the e2e gate never reported there`;
    }
    // Both come from GitHub, written by whoever can post statuses: printed as one safe line each.
    const details = [verdict.status?.description, verdict.status?.target_url]
        .filter((part): part is string => typeof part === "string" && part !== "")
        .map((part) => untrustedText(part, 200))
        .join(" - ");
    return `commit status "${verdict.context}" is ${verdict.state} on ${at}${details ? `: ${details}` : ""}`;
}
