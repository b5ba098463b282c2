import { strict as assert } from "node:assert";
import { RequestFailure } from "../../../lib/cli/http";
import { GITHUB_API_VERSION, createGitHubClient } from "../../../lib/github/client";
import { classifyGitHubError, requestFailureOf } from "../../../lib/github/errors";
import { E2E_STATUS_CONTEXT, isValidRepo } from "../../../lib/github/names";
import { json, LoopbackServer, startLoopbackServer } from "../../support/loopbackServer";

const TOKEN = "ghs_clientTokenForTests_0123456789";

describe("lib/github/client: the one GitHub client", () => {
    let server: LoopbackServer | undefined;
    afterEach(async () => {
        await server?.close();
        server = undefined;
    });

    function client(url: string, retries = 2) {
        return createGitHubClient({
            token: TOKEN,
            apiUrl: url,
            userAgent: "client-test",
            retries,
            retryBaseDelayMs: 1,
        });
    }

    it("sends the token as Bearer, GitHub's media type and the API version", async () => {
        server = await startLoopbackServer((_req, res) => json(res, 201, { id: 1 }));
        await client(server.url).request("POST /repos/{owner}/{repo}/statuses/{sha}", {
            owner: "o",
            repo: "r",
            sha: "a".repeat(40),
            state: "success",
        });
        const headers = server.requests[0].headers;
        assert.equal(headers.authorization, `Bearer ${TOKEN}`);
        assert.equal(headers.accept, "application/vnd.github+json");
        assert.equal(headers["x-github-api-version"], GITHUB_API_VERSION);
    });

    it("retries a 5xx, but not a failure retrying cannot change (a redirect to another origin)", async () => {
        server = await startLoopbackServer((_req, res) => json(res, 502, { message: "bad gateway" }));
        await assert.rejects(client(server.url).request("GET /repos/{owner}/{repo}", { owner: "o", repo: "r" }));
        assert.equal(server.requests.length, 3);

        const elsewhere = server.url.replace("127.0.0.1", "localhost");
        const redirecting = await startLoopbackServer((_req, res) => {
            res.writeHead(302, { location: `${elsewhere}/repos/o/r` });
            res.end();
        });
        try {
            const err = await client(redirecting.url)
                .request("GET /repos/{owner}/{repo}", { owner: "o", repo: "r" })
                .then(
                    () => undefined,
                    (caught: unknown) => caught,
                );
            assert.equal(requestFailureOf(err)?.kind, "redirect");
            assert.equal(classifyGitHubError(err, new Date())?.kind, "unreachable");
            assert.equal(redirecting.requests.length, 1);
        } finally {
            await redirecting.close();
        }
    });

    it("ends a request at once when its signal fires, without retrying it", async () => {
        server = await startLoopbackServer(() => undefined);
        const cancel = new AbortController();
        setTimeout(() => cancel.abort(), 100);
        const started = Date.now();
        // A retry would first wait 5 s: the cancelled request must not be retried at all.
        const err = await client(server.url, 5000)
            .request("GET /repos/{owner}/{repo}", { owner: "o", repo: "r", request: { signal: cancel.signal } })
            .then(
                () => undefined,
                (caught: unknown) => caught,
            );
        const failure = requestFailureOf(err);
        assert.ok(failure instanceof RequestFailure, String(err));
        assert.equal(failure.kind, "cancelled");
        assert.ok(Date.now() - started < 2000, `took ${Date.now() - started}ms`);
        assert.equal(server.requests.length, 1);
    });
});

describe("lib/github/names", () => {
    it("accepts owner/name only", () => {
        assert.ok(isValidRepo("carverauto/serviceradar"));
        assert.ok(isValidRepo("a-b_c.d/e.f-g_h"));
        for (const bad of ["serviceradar", "o/r/x", "/r", "o/", "o r/x", "o/r?x", ""])
            assert.ok(!isValidRepo(bad), bad);
    });

    it("names the e2e gate's context once", () => {
        assert.equal(E2E_STATUS_CONTEXT, "e2e-tests");
    });
});
