/**
 * Commits several files to a branch in one commit through GitHub's Git Data API (tree, commit, ref), so that a
 * release's DRY pins change together: the Source Hydrator and the promoter then see one DRY commit per release.
 */
export interface FileCommitRequest {
    /** GitHub REST root, e.g. https://api.github.com. */
    apiUrl: string;
    owner: string;
    repository: string;
    branch: string;
    /** Path in the repository to the file's full content. */
    files: Record<string, string>;
    message: string;
}

export interface FileCommitResult {
    /** The branch head after the call: the new commit, or the old head when the files already had this content. */
    commitSha: string;
    changed: boolean;
}

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

const RETRIES_WHEN_BRANCH_MOVED = 3;

/** A failed call, with GitHub's HTTP status. A plain Error, not a class: this code runs in Pulumi's dynamic provider
 * host as serialized functions, where subclassing Error would lose the message. */
export type GitHubCommitError = Error & { status?: number };

function commitError(message: string, status?: number): GitHubCommitError {
    return Object.assign(new Error(message), { name: "GitHubCommitError", status });
}

/** One GitHub API call; a failure names the call and GitHub's message, never the token. */
async function github<T>(fetchImpl: Fetch, token: string, method: string, url: string, body?: unknown): Promise<T> {
    const response = await fetchImpl(url, {
        method,
        headers: {
            Authorization: `Bearer ${token}`,
            Accept: "application/vnd.github+json",
            "X-GitHub-Api-Version": "2022-11-28",
            ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    if (!response.ok) {
        let detail = text.slice(0, 200);
        try {
            detail = (JSON.parse(text) as { message?: string }).message ?? detail;
        } catch {
            // not JSON: keep the excerpt
        }
        throw commitError(
            `${method} ${url} answered HTTP ${response.status}: ${detail.split(token).join("[redacted]")}`,
            response.status,
        );
    }
    return JSON.parse(text) as T;
}

export async function commitFiles(
    request: FileCommitRequest,
    token: string,
    fetchImpl: Fetch = fetch,
): Promise<FileCommitResult> {
    if (!token) throw commitError("GITHUB_TOKEN is not set: it is needed to commit the DRY release files");
    const repo = `${request.apiUrl.replace(/\/+$/, "")}/repos/${request.owner}/${request.repository}`;
    const ref = `heads/${request.branch.split("/").map(encodeURIComponent).join("/")}`;
    for (let attempt = 1; ; attempt++) {
        const head = await github<{ object: { sha: string } }>(fetchImpl, token, "GET", `${repo}/git/ref/${ref}`);
        const parent = await github<{ tree: { sha: string } }>(
            fetchImpl,
            token,
            "GET",
            `${repo}/git/commits/${head.object.sha}`,
        );
        const tree = await github<{ sha: string }>(fetchImpl, token, "POST", `${repo}/git/trees`, {
            base_tree: parent.tree.sha,
            tree: Object.entries(request.files)
                .sort(([a], [b]) => a.localeCompare(b))
                .map(([path, content]) => ({ path, mode: "100644", type: "blob", content })),
        });
        if (tree.sha === parent.tree.sha) return { commitSha: head.object.sha, changed: false };
        const commit = await github<{ sha: string }>(fetchImpl, token, "POST", `${repo}/git/commits`, {
            message: request.message,
            tree: tree.sha,
            parents: [head.object.sha],
        });
        try {
            await github(fetchImpl, token, "PATCH", `${repo}/git/refs/${ref}`, { sha: commit.sha, force: false });
            return { commitSha: commit.sha, changed: true };
        } catch (err) {
            // Someone pushed in between: rebuild on the new head rather than overwrite their commit.
            const moved = (err as GitHubCommitError).status === 422;
            if (!moved || attempt >= RETRIES_WHEN_BRANCH_MOVED) throw err;
        }
    }
}
