// A loopback stand-in for the part of GitHub's REST API that `npm run status` reads, listening on 127.0.0.1 only. Its
// answers start from GitHub's own example answers in the OpenAPI description, and every body it sends is checked
// against the schema of its operation and status first: a body that does not match is recorded in `schemaErrors` and
// answered as a 500, so a test cannot pass on a shape GitHub would never send.

import { createHash } from "crypto";
import { gitHubExample, requestBodyErrors, schemaErrors } from "./githubOpenApi";
import { startLoopbackServer } from "./loopbackServer";

export interface StandInCheckRun {
    name: string;
    status?: "queued" | "in_progress" | "completed";
    conclusion?: "success" | "failure" | "neutral" | "cancelled" | "skipped" | "timed_out" | "action_required" | null;
    title?: string;
}

export interface StandInCommitStatus {
    context: string;
    state: "success" | "failure" | "error" | "pending";
    description?: string;
}

export interface StandInCommit {
    /** Path to text, at the root of the commit's tree. */
    files: Record<string, string>;
    committedAt: string;
    checkRuns?: StandInCheckRun[];
    statuses?: StandInCommitStatus[];
}

export interface StandInPull {
    number: number;
    title: string;
    /** Branch names. */
    head: string;
    base: string;
    headSha: string;
    state: "open" | "closed";
    updatedAt: string;
    mergedAt?: string;
    draft?: boolean;
    requestedReviewers?: string[];
    /** What `PUT .../merge` answers instead of merging: 405 not mergeable (a ruleset, a required check) or 422. */
    mergeRefusal?: 405 | 422;
    /** The head moves to this sha once the pull request has been read (someone pushed meanwhile): a merge names the old one. */
    headMovesTo?: string;
    /** Set by a merge: the merge commit. */
    mergeSha?: string;
    /** owner/name the head branch lives in (default the repository itself; another one is a fork). */
    headRepository?: string;
}

/** A comment GitHub stored (`POST .../issues/{n}/comments`). */
export interface StandInComment {
    issue: number;
    body: string;
}

/** An error GitHub answers instead, for every request whose path matches `path` (default: every request). */
export interface StandInRefusal {
    status: number;
    message: string;
    headers?: Record<string, string>;
    path?: RegExp;
}

export interface StandInRepository {
    owner: string;
    name: string;
    /** Branch name to commit sha. */
    branches: Record<string, string>;
    commits: Record<string, StandInCommit>;
    pulls: StandInPull[];
    /** Tags, newest first as GitHub lists them, each naming a commit of `commits` (`npm run discover`). */
    tags?: { name: string; sha: string }[];
    /** Tags per page at most, whatever per_page asks (to make the client follow the Link header). */
    tagPageSize?: number;
    /** The origin the tags' Link header names instead of the stand-in's own (a hostile answer). */
    tagLinkOrigin?: string;
    refusal?: StandInRefusal;
    /** Comments posted on issues and pull requests, in order. */
    comments?: StandInComment[];
}

export interface GitHubStandIn {
    /** API root to pass as --api-url / GITHUB_API_URL. */
    url: string;
    /** `GET /path?query` of every request, in arrival order. */
    requests: string[];
    schemaErrors: string[];
    close(): Promise<void>;
}

const DOCS = "https://docs.github.com/rest";

/** A stable 40-hex sha for a label, so fixtures and sample outputs do not change between runs. */
export function fakeSha(label: string): string {
    return createHash("sha1").update(label).digest("hex");
}

type Json = Record<string, unknown>;

function repositoryBody(repo: StandInRepository): Json {
    const body = gitHubExample<Json>("full-repository-default-response");
    // GitHub's example lacks `language`, which its own schema requires (and nests two more repositories that lack it).
    delete body.source;
    delete body.parent;
    delete body.template_repository;
    const owner = { ...(body.owner as Json), login: repo.owner };
    return {
        ...body,
        name: repo.name,
        full_name: `${repo.owner}/${repo.name}`,
        owner,
        html_url: `https://github.com/${repo.owner}/${repo.name}`,
        language: "Go",
        private: false,
    };
}

function branchBody(repo: StandInRepository, branch: string, sha: string, commit: StandInCommit): Json {
    const body = gitHubExample<Json>("branch-get");
    const head = body.commit as Json;
    const inner = head.commit as Json;
    return {
        ...body,
        name: branch,
        commit: {
            ...head,
            sha,
            html_url: `https://github.com/${repo.owner}/${repo.name}/commit/${sha}`,
            commit: { ...inner, committer: { ...(inner.committer as Json), date: commit.committedAt } },
        },
    };
}

function contentBody(path: string, text: string): Json {
    const body = gitHubExample<Json>("content-file-response-if-content-is-a-file");
    return {
        ...body,
        name: path,
        path,
        sha: fakeSha(text),
        size: Buffer.byteLength(text),
        encoding: "base64",
        // GitHub wraps the base64 text at 60 characters.
        content: (
            Buffer.from(text)
                .toString("base64")
                .match(/.{1,60}/g) ?? []
        ).join("\n"),
    };
}

function checkRunsBody(repo: StandInRepository, sha: string, runs: readonly StandInCheckRun[]): Json {
    const template = gitHubExample<{ check_runs: Json[] }>("check-run-paginated").check_runs[0];
    const checkRuns = runs.map((run, index) => {
        const status = run.status ?? "completed";
        return {
            ...template,
            id: index + 1,
            name: run.name,
            head_sha: sha,
            status,
            conclusion: status === "completed" ? (run.conclusion ?? "success") : null,
            completed_at: status === "completed" ? template.completed_at : null,
            html_url: `https://github.com/${repo.owner}/${repo.name}/runs/${index + 1}`,
            details_url: `https://github.com/${repo.owner}/${repo.name}/runs/${index + 1}`,
            output: { ...(template.output as Json), title: run.title ?? null },
        };
    });
    return { total_count: checkRuns.length, check_runs: checkRuns };
}

/**
 * The commit a `{ref}` of `GET .../commits/{ref}/status` names: "a SHA, a branch name, or a tag name", the latter two
 * also spelled heads/<branch> and tags/<tag>.
 */
function commitOfRef(repo: StandInRepository, ref: string): string | undefined {
    if (/^[0-9a-f]{40}$/.test(ref)) return ref;
    const tag = (name: string) => repo.tags?.find((candidate) => candidate.name === name)?.sha;
    if (ref.startsWith("heads/")) return repo.branches[ref.slice("heads/".length)];
    if (ref.startsWith("tags/")) return tag(ref.slice("tags/".length));
    return repo.branches[ref] ?? tag(ref);
}

/**
 * GitHub's combined status: the latest status of each context, per_page of them (default 30, at most 100) on page
 * `page`, with total_count counting them all (the answer carries no Link header).
 */
function combinedStatusBody(sha: string, statuses: readonly StandInCommitStatus[], query: URLSearchParams): Json {
    const body = gitHubExample<Json & { statuses: Json[] }>("combined-commit-status");
    const template = body.statuses[0];
    const states = statuses.map((status) => status.state);
    const combined = states.some((state) => state === "failure" || state === "error")
        ? "failure"
        : states.every((state) => state === "success") && states.length > 0
          ? "success"
          : "pending";
    const perPage = Math.min(Number(query.get("per_page") ?? 30), 100);
    const first = perPage * (Number(query.get("page") ?? 1) - 1);
    return {
        ...body,
        sha,
        state: combined,
        total_count: statuses.length,
        statuses: statuses.slice(first, first + perPage).map((status, index) => ({
            ...template,
            id: first + index + 1,
            context: status.context,
            state: status.state,
            description: status.description ?? null,
            target_url: `https://github.com/carverauto/serviceradar-release/actions/runs/${1000 + first + index}`,
        })),
    };
}

function pullBody(repo: StandInRepository, pull: StandInPull): Json {
    const template = gitHubExample<Json[]>("pull-request-simple-items")[0];
    const user = template.user as Json;
    const side = (part: Json, ref: string, sha: string) => ({ ...part, ref, sha, label: `${repo.owner}:${ref}` });
    return {
        ...template,
        number: pull.number,
        title: pull.title,
        state: pull.state,
        html_url: `https://github.com/${repo.owner}/${repo.name}/pull/${pull.number}`,
        updated_at: pull.updatedAt,
        closed_at: pull.state === "closed" ? pull.updatedAt : null,
        merged_at: pull.mergedAt ?? null,
        draft: pull.draft === true,
        auto_merge: null,
        requested_reviewers: (pull.requestedReviewers ?? []).map((login) => ({ ...user, login })),
        // GitHub's example team lacks `type`, which the schema requires.
        requested_teams: [],
        head: side(template.head as Json, pull.head, pull.headSha),
        base: side(template.base as Json, pull.base, fakeSha(`base of ${pull.number}`)),
    };
}

interface Answer {
    status: number;
    /** The operation's method (default GET). */
    method?: "GET" | "POST" | "PUT";
    /** The operation's path as the OpenAPI description names it. */
    operation: string;
    body: unknown;
    headers?: Record<string, string>;
    /** Link relations by name, to a path on this stand-in. */
    links?: Record<string, string>;
}

const notFound = (operation: string): Answer => ({
    status: 404,
    operation,
    body: { message: "Not Found", documentation_url: DOCS, status: "404" },
});

function tagBody(repo: StandInRepository, tag: { name: string; sha: string }): Json {
    const template = gitHubExample<Json[]>("tag-items")[0];
    const site = `https://github.com/${repo.owner}/${repo.name}`;
    return {
        ...template,
        name: tag.name,
        commit: { sha: tag.sha, url: `https://api.github.com/repos/${repo.owner}/${repo.name}/commits/${tag.sha}` },
        zipball_url: `${site}/zipball/${tag.name}`,
        tarball_url: `${site}/tarball/${tag.name}`,
    };
}

/** One page of the repository's tags, with GitHub's Link header to the next one. */
function tagsAnswer(repo: StandInRepository, pathname: string, query: URLSearchParams, origin: string): Answer {
    const tags = repo.tags ?? [];
    const perPage = Math.min(Number(query.get("per_page") ?? 30), repo.tagPageSize ?? 100);
    const page = Number(query.get("page") ?? 1);
    const body = tags.slice((page - 1) * perPage, page * perPage).map((tag) => tagBody(repo, tag));
    const headers: Record<string, string> = {};
    if (page * perPage < tags.length) {
        const next = new URLSearchParams({ per_page: String(perPage), page: String(page + 1) });
        headers.link = `<${repo.tagLinkOrigin ?? origin}${pathname}?${next}>; rel="next"`;
    }
    return { status: 200, operation: "/repos/{owner}/{repo}/tags", body, headers };
}

function answer(repo: StandInRepository, pathname: string, query: URLSearchParams, origin = ""): Answer {
    const base = `/repos/${repo.owner}/${repo.name}`;
    const rest = pathname.startsWith(base) ? pathname.slice(base.length) : undefined;
    const commitOf = (sha: string) => repo.commits[sha];
    if (rest === "") return { status: 200, operation: "/repos/{owner}/{repo}", body: repositoryBody(repo) };
    if (rest === undefined) return notFound("/repos/{owner}/{repo}");

    let match = /^\/branches\/(.+)$/.exec(rest);
    if (match) {
        const operation = "/repos/{owner}/{repo}/branches/{branch}";
        const branch = decodeURIComponent(match[1]);
        const sha = repo.branches[branch];
        if (sha === undefined) return notFound(operation);
        return { status: 200, operation, body: branchBody(repo, branch, sha, commitOf(sha)) };
    }
    match = /^\/contents\/(.+)$/.exec(rest);
    if (match) {
        const operation = "/repos/{owner}/{repo}/contents/{path}";
        const path = decodeURIComponent(match[1]);
        const ref = query.get("ref") ?? "";
        const text = commitOf(repo.tags?.find((tag) => tag.name === ref)?.sha ?? ref)?.files[path];
        return text === undefined ? notFound(operation) : { status: 200, operation, body: contentBody(path, text) };
    }
    match = /^\/commits\/([0-9a-f]{40})\/check-runs$/.exec(rest);
    if (match) {
        const sha = match[1];
        const operation = "/repos/{owner}/{repo}/commits/{ref}/check-runs";
        return { status: 200, operation, body: checkRunsBody(repo, sha, commitOf(sha)?.checkRuns ?? []) };
    }
    match = /^\/commits\/(.+)\/status$/.exec(rest);
    if (match) {
        const operation = "/repos/{owner}/{repo}/commits/{ref}/status";
        const sha = commitOfRef(repo, decodeURIComponent(match[1]));
        const commit = sha === undefined ? undefined : commitOf(sha);
        return sha === undefined || commit === undefined
            ? notFound(operation)
            : { status: 200, operation, body: combinedStatusBody(sha, commit.statuses ?? [], query) };
    }
    if (rest === "/tags") return tagsAnswer(repo, pathname, query, origin);
    match = /^\/pulls\/(\d+)$/.exec(rest);
    if (match) {
        const operation = "/repos/{owner}/{repo}/pulls/{pull_number}";
        const pull = repo.pulls.find((candidate) => candidate.number === Number(match![1]));
        if (pull === undefined) return notFound(operation);
        const body = fullPullBody(repo, pull);
        if (pull.headMovesTo !== undefined) [pull.headSha, pull.headMovesTo] = [pull.headMovesTo, undefined];
        return { status: 200, operation, body };
    }
    if (rest === "/pulls") {
        const state = query.get("state") ?? "open";
        const head = query.get("head");
        const pulls = repo.pulls
            .filter((pull) => state === "all" || pull.state === state)
            .filter((pull) => query.get("base") === null || pull.base === query.get("base"))
            .filter((pull) => head === null || `${repo.owner}:${pull.head}` === head)
            .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
        // GitHub's paging: per_page items (default 30) of page `page`, and a Link to the next page while there is one.
        const perPage = Number(query.get("per_page") ?? 30);
        const pageNumber = Number(query.get("page") ?? 1);
        const rest = pulls.slice(perPage * (pageNumber - 1));
        const next = new URLSearchParams(query);
        next.set("page", String(pageNumber + 1));
        return {
            status: 200,
            operation: "/repos/{owner}/{repo}/pulls",
            body: rest.slice(0, perPage).map((pull) => pullBody(repo, pull)),
            links: rest.length > perPage ? { next: `${pathname}?${next}` } : undefined,
        };
    }
    return notFound("/repos/{owner}/{repo}");
}

/** GitHub's pull request (`GET .../pulls/{pull_number}`): the listing's item plus the merge state. */
function fullPullBody(repo: StandInRepository, pull: StandInPull): Json {
    const template = gitHubExample<Json>("pull-request");
    const simple = pullBody(repo, pull);
    return {
        ...template,
        ...simple,
        merged: pull.mergedAt !== undefined,
        mergeable: pull.mergeRefusal === undefined,
        merge_commit_sha: pull.mergeSha ?? null,
        merged_by: null,
        head: {
            ...(simple.head as Json),
            repo: {
                ...((simple.head as Json).repo as Json),
                full_name: pull.headRepository ?? `${repo.owner}/${repo.name}`,
            },
        },
    };
}

const MERGE = "/repos/{owner}/{repo}/pulls/{pull_number}/merge";
const COMMENTS = "/repos/{owner}/{repo}/issues/{issue_number}/comments";

/**
 * The writes the hotfix makes: a comment (201) and a merge, answered as GitHub documents `PUT .../merge`: 200 merged,
 * 405 "Pull Request is not mergeable", 409 when `sha` is not the head any more, 422 for a merge GitHub cannot make.
 */
function writeAnswer(repo: StandInRepository, method: string, pathname: string, input: any): Answer | undefined {
    const base = `/repos/${repo.owner}/${repo.name}`;
    const rest = pathname.startsWith(base) ? pathname.slice(base.length) : "";
    let match = /^\/issues\/(\d+)\/comments$/.exec(rest);
    if (method === "POST" && match) {
        const comments = (repo.comments ??= []);
        comments.push({ issue: Number(match[1]), body: String(input?.body) });
        const template = gitHubExample<Json>("issue-comment");
        const url = `https://github.com/${repo.owner}/${repo.name}/pull/${match[1]}#issuecomment-${comments.length}`;
        return {
            status: 201,
            method: "POST",
            operation: COMMENTS,
            body: { ...template, id: comments.length, body: input?.body, html_url: url },
        };
    }
    match = /^\/pulls\/(\d+)\/merge$/.exec(rest);
    if (method === "PUT" && match) {
        const refuse = (status: number, message: string): Answer => ({
            status,
            method: "PUT",
            operation: MERGE,
            body: { message, documentation_url: `${DOCS}/pulls/pulls#merge-a-pull-request` },
        });
        const pull = repo.pulls.find((candidate) => candidate.number === Number(match![1]));
        if (pull === undefined) return { ...notFound(MERGE), method: "PUT" };
        if (pull.state !== "open" || pull.mergeRefusal === 405) return refuse(405, "Pull Request is not mergeable");
        if (input?.sha !== undefined && input.sha !== pull.headSha) {
            return refuse(409, "Head branch was modified. Review and try the merge again.");
        }
        if (pull.mergeRefusal === 422) return refuse(422, "Merge commit could not be created");
        const sha = fakeSha(`merge of #${pull.number} at ${pull.headSha}`);
        const head = repo.commits[pull.headSha];
        repo.commits[sha] = { files: { ...(head?.files ?? {}) }, committedAt: pull.updatedAt };
        repo.branches[pull.base] = sha;
        Object.assign(pull, { state: "closed", mergedAt: pull.updatedAt, mergeSha: sha });
        const template = gitHubExample<Json>("pull-request-merge-result-response-if-merge-was-successful");
        return { status: 200, method: "PUT", operation: MERGE, body: { ...template, sha, merged: true } };
    }
    return undefined;
}

/** The operation a path belongs to, for checking a refusal's body against the right schema. */
function operationOf(repo: StandInRepository, pathname: string): string {
    return answer(repo, pathname, new URLSearchParams()).operation;
}

/**
 * Serves one repository, or several (`npm run discover` reads ServiceRadar's tags and looks for its pull request in
 * this program's repository): a request goes to the repository its path names, else to the first.
 */
export async function startGitHubStandIn(
    served: StandInRepository | StandInRepository[],
    token: string,
): Promise<GitHubStandIn> {
    const repositories = Array.isArray(served) ? served : [served];
    const requests: string[] = [];
    const errors: string[] = [];
    const server = await startLoopbackServer((req, res, text) => {
        const url = new URL(req.url ?? "/", "http://127.0.0.1");
        requests.push(`${req.method} ${url.pathname}${url.search}`);
        const repo =
            repositories.find((candidate) => url.pathname.startsWith(`/repos/${candidate.owner}/${candidate.name}/`)) ??
            repositories[0];
        const authorization = req.headers.authorization ?? "";
        let reply: Answer;
        if (authorization !== `token ${token}` && authorization !== `Bearer ${token}`) {
            reply = {
                status: 401,
                operation: operationOf(repo, url.pathname),
                body: { message: "Bad credentials", documentation_url: DOCS, status: "401" },
            };
        } else if (repo.refusal && (repo.refusal.path ?? /./).test(url.pathname)) {
            reply = {
                status: repo.refusal.status,
                operation: operationOf(repo, url.pathname),
                body: { message: repo.refusal.message, documentation_url: DOCS, status: String(repo.refusal.status) },
                headers: repo.refusal.headers,
            };
        } else if (req.method !== "GET") {
            const input = text === "" ? undefined : JSON.parse(text);
            reply = writeAnswer(repo, req.method ?? "", url.pathname, input) ?? notFound("/repos/{owner}/{repo}");
            // The request must be one GitHub accepts: its body is checked against the operation's request schema.
            const refused = reply.status < 300 ? requestBodyErrors(reply.method ?? "GET", reply.operation, input) : [];
            if (refused.length > 0) {
                errors.push(...refused);
                reply = { ...reply, status: 422, body: { message: "Invalid request", documentation_url: DOCS } };
            }
        } else {
            reply = answer(repo, url.pathname, url.searchParams, `http://${req.headers.host}`);
        }
        const invalid = schemaErrors(reply.method ?? "GET", reply.operation, reply.status, reply.body);
        if (invalid.length > 0) {
            errors.push(...invalid);
            reply = { ...reply, status: 500, body: { message: `stand-in answer does not match GitHub's schema` } };
        }
        const link = Object.entries(reply.links ?? {})
            .map(([rel, target]) => `<${server.url}${target}>; rel="${rel}"`)
            .join(", ");
        res.writeHead(reply.status, {
            "content-type": "application/json; charset=utf-8",
            ...(link === "" ? {} : { link }),
            ...reply.headers,
        });
        res.end(JSON.stringify(reply.body));
    });
    return { url: server.url, requests, schemaErrors: errors, close: server.close };
}

/** A fetch that refuses anything but the loopback interface, so no test can reach a real GitHub. */
export const loopbackFetch = (input: string, init?: RequestInit): Promise<Response> => {
    if (new URL(input).hostname !== "127.0.0.1") return Promise.reject(new Error(`test fetch refused ${input}`));
    return fetch(input, init);
};

/**
 * loopbackFetch that records the User-Agent each request is sent with (what GitHub logs of the caller) and adds
 * `headers` to every answer (e.g. GitHub's Deprecation and Sunset headers on an endpoint it retires).
 */
export function observedFetch(headers: Record<string, string> = {}): {
    fetch: (input: string, init?: RequestInit) => Promise<Response>;
    userAgents: string[];
} {
    const userAgents: string[] = [];
    const fetch = async (input: string, init?: RequestInit): Promise<Response> => {
        userAgents.push(new Headers(init?.headers).get("user-agent") ?? "(none)");
        const answer = await loopbackFetch(input, init);
        const merged = new Headers(answer.headers);
        for (const [name, value] of Object.entries(headers)) merged.set(name, value);
        return new Response(await answer.arrayBuffer(), { status: answer.status, headers: merged });
    };
    return { fetch, userAgents };
}
