// The promotion gate: the commit status a context reports on a ref of the ServiceRadar repository, read from
// GET {api}/repos/{owner}/{repo}/commits/{ref}/status (the combined status; one latest entry per context).

import { formatDuration } from "../../lib/cli/duration";
import { FetchLike, tryParseJson } from "../../lib/cli/http";
import { Redactor } from "../../lib/cli/redact";
import { excerpt, untrustedText } from "../../lib/cli/sanitize";
import { GitHubClient, createGitHubClient } from "../../lib/github/client";
import { answerText, failedAnswer, requestFailureOf } from "../../lib/github/errors";

const PER_PAGE = 100;
const MAX_PAGES = 10;
const USER_AGENT = "serviceradar-release-promote";

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
    /** Attempts for network errors, timeouts and 5xx (default 3); a rate limit (429) is reported, not waited out. */
    attempts?: number;
    /** The first retry waits this long, the n-th n² times as long (default that of lib/github/client.ts). */
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

/** A ref as a path: each segment encoded, its slashes kept (heads/environment/demo-staging). */
function refPath(ref: string): string {
    return ref.split("/").map(encodeURIComponent).join("/");
}

/** The combined-status URL of a ref, as the client requests it. */
export function combinedStatusUrl(apiUrl: string, repo: string, ref: string, page = 1): string {
    const [owner, name] = repo.split("/");
    return (
        `${apiUrl.replace(/\/+$/, "")}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(name)}` +
        `/commits/${refPath(ref)}/status?per_page=${PER_PAGE}&page=${page}`
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

type PageResult = { ok: true; body: unknown } | { ok: false; message: string; httpStatus?: number };

/** One page of the combined status; the client retries what may pass on a second try. */
async function getPage(client: GitHubClient, query: StatusQuery, page: number): Promise<PageResult> {
    const redactor = new Redactor([query.token]);
    const [owner, repo] = query.repo.split("/");
    try {
        // The ref goes into the route already encoded: a template variable would encode its slashes too.
        const response = await client.request(`GET /repos/{owner}/{repo}/commits/${refPath(query.ref)}/status`, {
            owner,
            repo,
            per_page: PER_PAGE,
            page,
        });
        const status: number = response.status;
        const data: unknown = response.data;
        if (status < 200 || status >= 300) {
            const body = excerpt(answerText(data), redactor);
            return { ok: false, message: explainHttp(status, query, body), httpStatus: status };
        }
        // Octokit parses a JSON media type; any other answer is text that may still be JSON.
        const parsed = typeof data === "string" ? tryParseJson(data) : { ok: true as const, value: data };
        if (parsed.ok) return { ok: true, body: parsed.value };
        return {
            ok: false,
            message: `GitHub answered with something that is not JSON: ${excerpt(answerText(data), redactor)}`,
        };
    } catch (err) {
        const failure = requestFailureOf(err);
        if (failure) {
            const timeoutMs = query.timeoutMs ?? 15_000;
            const reason =
                failure.kind === "timeout" ? `no answer within ${formatDuration(timeoutMs)}` : failure.detail;
            return { ok: false, message: `could not reach GitHub at ${query.apiUrl}: ${redactor.redact(reason)}` };
        }
        const answer = failedAnswer(err);
        if (answer === undefined) throw err;
        const body = excerpt(answerText(answer.data), redactor);
        return { ok: false, message: explainHttp(answer.status, query, body), httpStatus: answer.status };
    }
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
    const client = createGitHubClient({
        token: query.token,
        apiUrl: query.apiUrl,
        userAgent: USER_AGENT,
        fetch: query.fetch,
        timeoutMs: query.timeoutMs ?? 15_000,
        retries: Math.max(1, query.attempts ?? 3) - 1,
        retryBaseDelayMs: query.retryDelayMs,
        maxBodyBytes: query.maxBodyBytes,
    });
    const statuses: CommitStatus[] = [];
    let sha: string | undefined;
    // Pages are counted here: the combined status carries no Link header to follow, only total_count.
    for (let page = 1; page <= MAX_PAGES; page += 1) {
        const result = await getPage(client, query, page);
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
