/**
 * The few GitHub REST calls the hydrator makes: resolve a release revision to its commit, read a file at a commit,
 * and write a branch's whole content as one commit through the Git Data API (tree, commit, fast-forward ref). This
 * code runs in Pulumi's dynamic-provider host as serialized functions, so it uses plain functions and the global
 * `fetch`: no classes (an Error subclass loses its message there) and no client library held in a closure. That is
 * why it does not use lib/github/client.ts, the Octokit client of the tools and the gate: a closure capturing an
 * Octokit instance does not serialize.
 */

import { readBoundedText } from "../lib/cli/boundedBody";
import { redactSecrets } from "../lib/cli/redact";
import { excerpt } from "../lib/cli/sanitize";

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export interface GitHubApi {
    /** REST root, e.g. https://api.github.com. */
    apiUrl: string;
    token: string;
    fetchImpl?: Fetch;
    /** Deadline of one attempt, answer and body included (default CALL_TIMEOUT_MS). */
    timeoutMs?: number;
    /** The first retry waits this long, the next twice as long (default 500 ms). */
    retryBaseDelayMs?: number;
}

/** A failed call, with GitHub's HTTP status; `transient` when another attempt may succeed. */
export type GitHubApiError = Error & { status?: number; transient?: boolean; retryAfterMs?: number };

const RETRIES_WHEN_BRANCH_MOVED = 3;
/** GitHub's contents API serves files up to 1 MB; a values file is far smaller. */
const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
const CALL_TIMEOUT_MS = 30_000;
/** Attempts of a call that may be repeated safely (see mayRepeat); a failed `pulumi up` is the alternative. */
const MAX_ATTEMPTS = 3;
/** A Retry-After longer than this is not waited out inside `pulumi up`: the call fails, saying so. */
const MAX_RETRY_AFTER_MS = 10_000;

type Redacting = { redact(text: string): string };

export function apiError(message: string, status?: number, extra: Partial<GitHubApiError> = {}): GitHubApiError {
    return Object.assign(new Error(message), { name: "GitHubApiError", status, ...extra });
}

function repositoryRoot(api: GitHubApi, ownerAndName: string): string {
    const [owner, name] = ownerAndName.split("/");
    return `${api.apiUrl.replace(/\/+$/, "")}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(name)}`;
}

/** A path whose segments are escaped but whose slashes stay, as GitHub's ref and contents routes want. */
function escapedPath(path: string): string {
    return path.split("/").map(encodeURIComponent).join("/");
}

/**
 * Calls whose repetition cannot do harm: reads, creating a tree or a commit (the same content is the same object),
 * and moving a ref without force to a given commit (a second move to where it already points is a no-op). Creating
 * a ref is not: after a lost answer, a second attempt would fail on the ref the first one made.
 */
function mayRepeat(method: string, url: string): boolean {
    // A second installation token after a lost answer is harmless too: the first is never used and expires in an hour.
    return method === "GET" || method === "PATCH" || /\/git\/(trees|commits)$|\/access_tokens$/.test(url);
}

/** Retry-After in milliseconds (seconds or an HTTP date), undefined when absent or unreadable. */
function retryAfterMs(header: string | null): number | undefined {
    if (header === null) return undefined;
    const seconds = Number(header);
    if (header.trim() !== "" && Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(header);
    return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/**
 * One attempt, answer and body under one deadline. The deadline is a timer of its own, not AbortSignal.timeout
 * (whose timer does not keep the process alive, so a stalled body could outlive it), and the body read races it, so
 * a body that never ends cannot hold `pulumi up`.
 */
async function attempt(api: GitHubApi, method: string, url: string, body: unknown, redactor: Redacting) {
    const timeoutMs = api.timeoutMs ?? CALL_TIMEOUT_MS;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
            const error = apiError(`${method} ${url} did not answer completely within ${timeoutMs} ms`, undefined, {
                transient: true,
            });
            controller.abort(error);
            reject(error);
        }, timeoutMs);
    });
    const exchange = (async () => {
        const response = await (api.fetchImpl ?? fetch)(url, {
            method,
            headers: {
                Authorization: `Bearer ${api.token}`,
                Accept: "application/vnd.github+json",
                "X-GitHub-Api-Version": "2022-11-28",
                ...(body === undefined ? {} : { "Content-Type": "application/json" }),
            },
            body: body === undefined ? undefined : JSON.stringify(body),
            redirect: "error",
            signal: controller.signal,
        });
        // Read through the project's one bounded reader: an endless answer costs at most the cap, not all of it.
        const text = await readBoundedText(response, MAX_RESPONSE_BYTES).catch((err: Error) => {
            if (err.name !== "BodyTooLarge") throw err;
            throw apiError(`${method} ${url} answered more than the ${MAX_RESPONSE_BYTES} bytes allowed`);
        });
        return { response, text };
    })();
    exchange.catch(() => undefined); // settled after the deadline: nobody waits for it any more
    try {
        return await Promise.race([exchange, deadline]);
    } catch (err) {
        if ((err as GitHubApiError).name === "GitHubApiError") throw err;
        // fetch's own failure (connection refused, reset, ...): its message names no secret, but is redacted anyway.
        const cause =
            err instanceof Error
                ? `${err.message} ${String((err.cause as Error | undefined)?.message ?? "")}`
                : String(err);
        throw apiError(`${method} ${url} failed: ${excerpt(cause, redactor, 200)}`, undefined, { transient: true });
    } finally {
        clearTimeout(timer);
    }
}

/**
 * One GitHub API call. Every attempt has a deadline that holds (body included); a call that may be repeated safely
 * (mayRepeat) is tried up to MAX_ATTEMPTS times after a network failure, a timeout, a 5xx or a 429, waiting with
 * backoff or the Retry-After GitHub asks for (up to MAX_RETRY_AFTER_MS). A failure names the call and GitHub's
 * message, redacted (lib/cli/redact.ts: the token in every spelling) and as one line.
 */
async function call<T>(api: GitHubApi, method: string, url: string, body?: unknown): Promise<T> {
    // A plain object, not lib/cli/redact's Redactor: a class instance does not survive the provider's serialization.
    const redactor = { redact: (text: string) => redactSecrets(text, [api.token]) };
    for (let attemptNumber = 1; ; attemptNumber++) {
        try {
            return await answerOf<T>(await attempt(api, method, url, body, redactor), method, url, redactor);
        } catch (err) {
            const failure = err as GitHubApiError;
            const wait = failure.retryAfterMs ?? (api.retryBaseDelayMs ?? 500) * 2 ** (attemptNumber - 1);
            if (!failure.transient || !mayRepeat(method, url) || attemptNumber >= MAX_ATTEMPTS) throw err;
            if (wait > MAX_RETRY_AFTER_MS) {
                throw apiError(`${failure.message} (GitHub asks to wait ${Math.ceil(wait / 1000)} s)`, failure.status);
            }
            await new Promise((resolve) => setTimeout(resolve, wait));
        }
    }
}

/** The parsed answer, or the failure it stands for. */
function answerOf<T>(
    { response, text }: { response: Response; text: string },
    method: string,
    url: string,
    redactor: Redacting,
): T {
    if (!response.ok) {
        let detail = text;
        try {
            detail = (JSON.parse(text) as { message?: string }).message ?? text;
        } catch {
            // not JSON: keep the text
        }
        throw apiError(
            `${method} ${url} answered HTTP ${response.status}: ${excerpt(String(detail), redactor, 200)}`,
            response.status,
            {
                transient: response.status >= 500 || response.status === 429,
                retryAfterMs: retryAfterMs(response.headers.get("retry-after")),
            },
        );
    }
    try {
        return JSON.parse(text) as T;
    } catch {
        // JSON.parse's message quotes the text: never shown.
        throw apiError(`${method} ${url} answered HTTP ${response.status} with a body that is not JSON`);
    }
}

function requireToken(api: GitHubApi): void {
    if (!api.token) {
        throw apiError(
            "GITHUB_TOKEN is not set, nor the GitHub App's GITHUB_APP_ID, GITHUB_APP_INSTALLATION_ID and " +
                "GITHUB_APP_PEM_FILE: the hydrator needs one of them to read and write the repository",
        );
    }
}

/**
 * A new installation access token of a GitHub App (`POST /app/installations/{installation_id}/access_tokens`, which
 * GitHub answers with `token` and `expires_at`, an hour ahead), asked with `api.token` = the App's JWT. The token
 * reaches every repository and permission the installation was granted.
 */
export async function createInstallationToken(api: GitHubApi, installationId: string): Promise<string> {
    requireToken(api);
    const root = api.apiUrl.replace(/\/+$/, "");
    const url = `${root}/app/installations/${encodeURIComponent(installationId)}/access_tokens`;
    const answer = await call<{ token?: unknown }>(api, "POST", url);
    if (typeof answer.token !== "string" || answer.token === "") {
        throw apiError(`POST ${url} answered without a token`);
    }
    return answer.token;
}

/** The commit a tag, branch or commit id names. */
export async function resolveCommit(api: GitHubApi, ownerAndName: string, revision: string): Promise<string> {
    requireToken(api);
    const commit = await call<{ sha: string }>(
        api,
        "GET",
        `${repositoryRoot(api, ownerAndName)}/commits/${escapedPath(revision)}`,
    );
    return commit.sha;
}

/** A file at a commit: its text and its git blob sha (which names exactly those bytes). */
export async function readBlobAt(
    api: GitHubApi,
    ownerAndName: string,
    path: string,
    sha: string,
): Promise<{ text: string; blobSha: string }> {
    requireToken(api);
    const file = await call<{ type?: string; encoding?: string; content?: string; sha?: string }>(
        api,
        "GET",
        `${repositoryRoot(api, ownerAndName)}/contents/${escapedPath(path)}?ref=${encodeURIComponent(sha)}`,
    );
    if (
        file.type !== "file" ||
        file.encoding !== "base64" ||
        typeof file.content !== "string" ||
        typeof file.sha !== "string"
    ) {
        throw apiError(`${ownerAndName}@${sha}:${path} is not a file GitHub returns inline`);
    }
    let text: string;
    try {
        text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(file.content, "base64"));
    } catch {
        throw apiError(`${ownerAndName}@${sha}:${path} is not UTF-8 text; a values file must be`);
    }
    return { text, blobSha: file.sha };
}

export interface BranchContentRequest {
    ownerAndName: string;
    branch: string;
    /** The branch's whole content after the commit: path to text. Files not listed are removed. */
    files: Record<string, string>;
    message: string;
    /** Where a missing branch starts; without it, a missing branch starts with this content and no history. */
    createFrom?: { branch: string; files: Record<string, string>; message: string };
}

export interface BranchContentResult {
    /** The branch head after the call: the new commit, or the old head when the content was already this. */
    commitSha: string;
    changed: boolean;
}

type Ref = { object: { sha: string } };

async function branchHead(api: GitHubApi, root: string, branch: string): Promise<string | undefined> {
    try {
        return (await call<Ref>(api, "GET", `${root}/git/ref/heads/${escapedPath(branch)}`)).object.sha;
    } catch (err) {
        if ((err as GitHubApiError).status === 404) return undefined;
        throw err;
    }
}

async function createTree(api: GitHubApi, root: string, files: Record<string, string>): Promise<string> {
    const entries = Object.entries(files)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([path, content]) => ({ path, mode: "100644", type: "blob", content }));
    return (await call<{ sha: string }>(api, "POST", `${root}/git/trees`, { tree: entries })).sha;
}

async function createCommit(api: GitHubApi, root: string, message: string, tree: string, parents: string[]) {
    return (await call<{ sha: string }>(api, "POST", `${root}/git/commits`, { message, tree, parents })).sha;
}

async function createBranch(api: GitHubApi, root: string, branch: string, sha: string): Promise<void> {
    await call(api, "POST", `${root}/git/refs`, { ref: `refs/heads/${branch}`, sha });
}

/**
 * A missing branch starts from `createFrom.branch`, and that one, if missing too, from a commit of its own with no
 * parent: environment branches never inherit the repository's main history.
 */
async function ensureBranch(
    api: GitHubApi,
    root: string,
    request: BranchContentRequest & Required<Pick<BranchContentRequest, "createFrom">>,
): Promise<string> {
    const head = await branchHead(api, root, request.branch);
    if (head !== undefined) return head;
    const { createFrom } = request;
    let start = await branchHead(api, root, createFrom.branch);
    if (start === undefined) {
        const tree = await createTree(api, root, createFrom.files);
        start = await createCommit(api, root, createFrom.message, tree, []);
        await createBranch(api, root, createFrom.branch, start);
    }
    await createBranch(api, root, request.branch, start);
    return start;
}

/** Writes the branch's whole content as exactly one commit, or none when it already has this content. */
export async function writeBranchContent(api: GitHubApi, request: BranchContentRequest): Promise<BranchContentResult> {
    requireToken(api);
    const root = repositoryRoot(api, request.ownerAndName);
    const { createFrom } = request;
    let head = createFrom
        ? await ensureBranch(api, root, { ...request, createFrom })
        : await branchHead(api, root, request.branch);
    if (head === undefined) {
        const commit = await createCommit(api, root, request.message, await createTree(api, root, request.files), []);
        await createBranch(api, root, request.branch, commit);
        return { commitSha: commit, changed: true };
    }
    for (let attempt = 1; ; attempt++) {
        const parent = await call<{ tree: { sha: string } }>(api, "GET", `${root}/git/commits/${head}`);
        const tree = await createTree(api, root, request.files);
        if (tree === parent.tree.sha) return { commitSha: head, changed: false };
        const commit = await createCommit(api, root, request.message, tree, [head]);
        try {
            await call(api, "PATCH", `${root}/git/refs/heads/${escapedPath(request.branch)}`, {
                sha: commit,
                force: false,
            });
            return { commitSha: commit, changed: true };
        } catch (err) {
            // Someone pushed in between (GitHub's 422 to an update that is not a fast-forward): rebuild on the new head
            // rather than overwrite their commit. A 422 with the head unchanged is another refusal (a ruleset): retrying
            // cannot help, GitHub's words are the reason.
            if ((err as GitHubApiError).status !== 422 || attempt >= RETRIES_WHEN_BRANCH_MOVED) throw err;
            const moved = await branchHead(api, root, request.branch);
            if (moved === undefined || moved === head) throw err;
            head = moved;
        }
    }
}

/** A branch's head commit and that commit's tree; undefined when the branch does not exist. */
export async function readBranchHead(
    api: GitHubApi,
    ownerAndName: string,
    branch: string,
): Promise<{ commitSha: string; treeSha: string } | undefined> {
    requireToken(api);
    const root = repositoryRoot(api, ownerAndName);
    const head = await branchHead(api, root, branch);
    if (head === undefined) return undefined;
    const commit = await call<{ tree: { sha: string } }>(api, "GET", `${root}/git/commits/${head}`);
    return { commitSha: head, treeSha: commit.tree.sha };
}

/** The tree of a commit; undefined when the repository no longer has that commit. */
export async function readCommitTree(api: GitHubApi, ownerAndName: string, commitSha: string) {
    requireToken(api);
    const root = repositoryRoot(api, ownerAndName);
    try {
        return (
            await call<{ tree: { sha: string } }>(api, "GET", `${root}/git/commits/${encodeURIComponent(commitSha)}`)
        ).tree.sha;
    } catch (err) {
        if ([404, 422].includes((err as GitHubApiError).status ?? 0)) return undefined;
        throw err;
    }
}

/** A branch holds a few files; a tree of more entries than this is not read whole. */
const MAX_TREE_FILES = 1000;

type TreeEntry = { path: string; mode: string; type: string; sha: string; size?: number };

/**
 * A tree's whole content, path to text (Git Data API: the tree read recursively, then each blob). What is not a
 * UTF-8 text file is named by a placeholder (a submodule, a binary file), so the content still compares unequal to
 * what the program writes. A tree GitHub truncates, or of more than MAX_TREE_FILES entries, is refused.
 */
export async function readTreeFiles(
    api: GitHubApi,
    ownerAndName: string,
    treeSha: string,
): Promise<Record<string, string>> {
    requireToken(api);
    const root = repositoryRoot(api, ownerAndName);
    const tree = await call<{ tree?: TreeEntry[]; truncated?: boolean }>(
        api,
        "GET",
        `${root}/git/trees/${encodeURIComponent(treeSha)}?recursive=1`,
    );
    const entries = (tree.tree ?? []).filter((entry) => entry.type !== "tree");
    if (tree.truncated === true || entries.length > MAX_TREE_FILES) {
        throw apiError(`${ownerAndName} tree ${treeSha} holds more than the ${MAX_TREE_FILES} files read back`);
    }
    const files: Record<string, string> = {};
    for (const entry of entries) {
        if (entry.type !== "blob") {
            files[entry.path] = `(${entry.type} ${entry.sha})`;
            continue;
        }
        const blob = await call<{ content?: string; encoding?: string }>(
            api,
            "GET",
            `${root}/git/blobs/${encodeURIComponent(entry.sha)}`,
        );
        if (blob.encoding !== "base64" || typeof blob.content !== "string") {
            throw apiError(`${ownerAndName} blob ${entry.sha} (${entry.path}) is not returned as base64`);
        }
        try {
            files[entry.path] = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(blob.content, "base64"));
        } catch {
            files[entry.path] = `(not UTF-8 text: blob ${entry.sha})`;
        }
    }
    return files;
}
