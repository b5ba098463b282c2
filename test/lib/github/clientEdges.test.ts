// The GitHub client at its edges: Octokit's `paginate(route, mapFn)` form and `done()`, a listing of exactly
// MAX_PAGES pages, the exact failure a refused link or a looping listing ends in, answers without a body (204, 205,
// 304), non-text and big-integer bodies, GitHub's rate-limit headers through the real client, which failures are
// retried, and a method the client refuses. Loopback stand-ins or an injected fetch only.
import { strict as assert } from "node:assert";
import type { ServerResponse } from "node:http";
import { FetchLike, RequestFailure } from "../../../lib/cli/http";
import { MAX_PAGES, createGitHubClient } from "../../../lib/github/client";
import { answerText, classifyGitHubError, failedAnswer, requestFailureOf } from "../../../lib/github/errors";
import { json, LoopbackServer, loopbackServersPerTest } from "../../support/loopbackServer";

const TOKEN = "ghs_clientEdgesTokenForTests_0123456789";
const NOW = new Date("2026-12-05T03:00:00.000Z");
const BRANCHES = "GET /repos/{owner}/{repo}/branches";
const REPO = { owner: "o", repo: "r" };

async function caught(promise: Promise<unknown>): Promise<unknown> {
    return promise.then(
        () => assert.fail("expected the call to fail"),
        (err: unknown) => err,
    );
}

/** A page of one branch (or repository) `name`, linking to `next` when given. */
function branchPage(res: ServerResponse, name: string, next?: string): void {
    res.writeHead(200, {
        "content-type": "application/json",
        ...(next === undefined ? {} : { link: `<${next}>; rel="next"` }),
    });
    res.end(JSON.stringify([{ name, protected: false }]));
}

describe("lib/github/client: edges", () => {
    const server = loopbackServersPerTest();
    const client = (apiUrl: string, retries = 0, fetch?: FetchLike) =>
        createGitHubClient({ token: TOKEN, apiUrl, userAgent: "edges-test", retries, retryBaseDelayMs: 1, fetch });

    /** Two pages of branches: `a` links to `b`. */
    async function twoPages(): Promise<LoopbackServer> {
        const api: LoopbackServer = await server((req, res) =>
            req.url?.includes("page=2")
                ? branchPage(res, "b")
                : branchPage(res, "a", `${api.url}/repos/o/r/branches?page=2`),
        );
        return api;
    }

    it("paginate(route, mapFn) maps every page, as Octokit's own paginate does", async () => {
        const api = await twoPages();
        const names = await client(api.url).paginate("GET /user/repos", (response) =>
            response.data.map((repository) => `repository ${repository.name}`),
        );
        assert.deepEqual(names, ["repository a", "repository b"]);
    });

    it("paginate stops after the page whose mapFn calls done(), and reads no further page", async () => {
        const api = await twoPages();
        const names = await client(api.url).paginate(BRANCHES, { ...REPO, per_page: 1 }, (response, done) => {
            done();
            return response.data.map((branch) => branch.name);
        });
        assert.deepEqual(names, ["a"]);
        assert.equal(api.requests.length, 1);
    });

    it("a listing of exactly MAX_PAGES pages is read whole", async () => {
        const api: LoopbackServer = await server((req, res) => {
            const page = Number(new URL(req.url ?? "", api.url).searchParams.get("page") ?? "1");
            branchPage(
                res,
                `b${page}`,
                page < MAX_PAGES ? `${api.url}/repos/o/r/branches?page=${page + 1}` : undefined,
            );
        });
        const branches = await client(api.url).paginate(BRANCHES, REPO);
        assert.equal(branches.length, MAX_PAGES);
        assert.equal(api.requests.length, MAX_PAGES);
    });

    it("a listing that links back to itself fails as a permanent pagination failure naming the page", async () => {
        const api: LoopbackServer = await server((req, res) => branchPage(res, "a", `${api.url}${req.url}`));
        const err = await caught(client(api.url).paginate(BRANCHES, { ...REPO, per_page: 1 }));
        const url = `${api.url}/repos/o/r/branches?per_page=1`;
        assert.ok(err instanceof RequestFailure, String(err));
        assert.equal(err.message, `GET ${url} failed: the listing links back to a page it already sent; stopped`);
        assert.equal(err.kind, "pagination");
        assert.equal(err.url, url);
        assert.equal(err.permanent, true);
        assert.deepEqual(classifyGitHubError(err, NOW), {
            kind: "unreachable",
            message: "failed: the listing links back to a page it already sent; stopped",
        });
    });

    it("a link to another origin or to no valid URL is refused before it is requested, never retried", async () => {
        const api: LoopbackServer = await server((req, res) =>
            branchPage(res, "a", req.url?.includes("bad") ? "http://[bad/branches" : "http://localhost:1/branches"),
        );
        for (const [path, link, named] of [
            ["/repos/o/r/branches", "http://localhost:1/branches", "http://localhost:1"],
            ["/repos/o/r/bad", "http://[bad/branches", "an invalid URL"],
        ]) {
            const err = await caught(client(api.url, 2).paginate(`GET ${path}`));
            const failure = requestFailureOf(err);
            assert.ok(failure instanceof RequestFailure, String(err));
            const detail = `refused: ${named} is not the API's origin (${api.url}); the token is sent to that origin only`;
            assert.equal(failure.message, `GET ${link} ${detail}`);
            assert.equal(failure.kind, "redirect");
            assert.equal(failure.url, link);
            assert.equal(failure.permanent, true);
            assert.deepEqual(classifyGitHubError(err, NOW), { kind: "unreachable", message: detail });
        }
        assert.equal(api.requests.length, 2);
    });

    it("answers without a body (204, 205) succeed, and a 304 is Octokit's Not modified", async () => {
        let status = 204;
        const api = await server((_req, res) => {
            res.writeHead(status, { etag: '"x"' });
            res.end();
        });
        for (status of [204, 205]) {
            const response = await client(api.url).request("PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge", {
                owner: "o",
                repo: "r",
                pull_number: 1,
            });
            assert.equal(response.status, status);
        }
        status = 304;
        const err = await caught(client(api.url).request("GET /repos/{owner}/{repo}", { owner: "o", repo: "r" }));
        assert.equal((err as { status?: number }).status, 304);
        assert.equal((err as Error).message, "Not modified");
    });

    it("a non-text error body is handed over as bytes, named by their count", async () => {
        const api = await server((_req, res) => {
            res.writeHead(422, { "content-type": "application/octet-stream" });
            // Valid UTF-8 on purpose: lib/cli/http.ts reads every body as text, so bytes that are not UTF-8 reach
            // Octokit as replacement characters (3 bytes each) and would be counted as such.
            res.end(Buffer.from([0x50, 0x4b, 3, 4, 0]));
        });
        const err = await caught(client(api.url).request("GET /repos/{owner}/{repo}", { owner: "o", repo: "r" }));
        const answer = failedAnswer(err);
        assert.equal(answer?.status, 422);
        assert.equal(answerText(answer?.data), "(5 bytes that are not text)");
        assert.deepEqual(classifyGitHubError(err, NOW), { kind: "refused", status: 422, message: "Unknown error" });
    });

    it("an integer past 2^53 in an error body is quoted with all its digits", async () => {
        const api = await server((_req, res) =>
            json(res, 422, '{"message":"Validation Failed","id":12345678901234567890}'),
        );
        const err = await caught(client(api.url).request("GET /repos/{owner}/{repo}", { owner: "o", repo: "r" }));
        assert.equal(
            answerText(failedAnswer(err)?.data),
            '{"message":"Validation Failed","id":"12345678901234567890"}',
        );
    });

    it("GitHub's secondary rate limit (403, Retry-After) is reported with its reset time, not retried", async () => {
        const api = await server((_req, res) => {
            res.writeHead(403, {
                "content-type": "application/json",
                "retry-after": "60",
                "x-ratelimit-remaining": "4",
            });
            res.end(
                JSON.stringify({
                    message: "You have exceeded a secondary rate limit.",
                    documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
                }),
            );
        });
        const err = await caught(client(api.url, 2).request("GET /repos/{owner}/{repo}", { owner: "o", repo: "r" }));
        assert.deepEqual(classifyGitHubError(err, NOW), {
            kind: "rate-limited",
            status: 403,
            resetAt: new Date("2026-12-05T03:01:00.000Z"),
            message:
                "You have exceeded a secondary rate limit. - https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
        });
        assert.equal(api.requests.length, 1);
    });

    it("a network failure that may pass (connection refused) is retried", async () => {
        let calls = 0;
        const refused: FetchLike = () => {
            calls += 1;
            return Promise.reject(
                Object.assign(new TypeError("fetch failed"), {
                    cause: Object.assign(new Error("x"), { code: "ECONNREFUSED" }),
                }),
            );
        };
        const err = await caught(
            client("https://api.github.test", 2, refused).request("GET /repos/{owner}/{repo}", {
                owner: "o",
                repo: "r",
            }),
        );
        assert.equal(requestFailureOf(err)?.kind, "network");
        assert.equal(requestFailureOf(err)?.permanent, false);
        assert.equal(calls, 3);
    });

    it("a 5xx answer that arrives as the caller's signal fires is not retried", async () => {
        const cancel = new AbortController();
        let calls = 0;
        const fetchThenCancel: FetchLike = () => {
            calls += 1;
            cancel.abort();
            return Promise.resolve(new Response('{"message":"bad gateway"}', { status: 502 }));
        };
        const err = await caught(
            client("https://api.github.test", 2, fetchThenCancel).request("GET /repos/{owner}/{repo}", {
                owner: "o",
                repo: "r",
                request: { signal: cancel.signal },
            }),
        );
        assert.equal((err as { status?: number }).status, 502);
        assert.equal(calls, 1);
    });

    it("a DELETE is refused by the client itself, before any request is sent", async () => {
        const api = await server((_req, res) => json(res, 204, ""));
        const err = await caught(
            client(api.url).request("DELETE /repos/{owner}/{repo}/git/refs/{ref}", {
                owner: "o",
                repo: "r",
                ref: "heads/x",
            }),
        );
        assert.equal((err as Error).message, "DELETE requests are not supported by the bounded GitHub client");
        assert.equal(api.requests.length, 0);
    });
});
