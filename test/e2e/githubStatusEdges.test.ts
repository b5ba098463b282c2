// Posting the gate's commit status at its edges: which answers are retried and how often, which end it at once, and
// the URLs it builds from what the runner and the user give it.
import { strict as assert } from "node:assert";
import { defaultTargetUrl, isValidSha, postCommitStatus, statusUrl } from "../../e2e/githubStatus";
import { LoopbackServer, send, startLoopbackServer } from "../support/loopbackServer";

const SHA = "0123456789abcdef0123456789abcdef01234567";
const TOKEN = "ghs_statusEdgesTokenNeverShown";

describe("e2e/githubStatus, at its edges", () => {
    it("a commit id is exactly 40 hexadecimal characters", () => {
        assert.ok(isValidSha(SHA.toUpperCase()));
        for (const bad of [`x${SHA}`, `${SHA}x`, SHA.slice(1), `${SHA}\n`]) assert.ok(!isValidSha(bad), bad);
    });

    it("links the Actions run only when the server, the repository and the run id are all known", () => {
        const env = { GITHUB_SERVER_URL: "https://github.com//", GITHUB_REPOSITORY: "o/r", GITHUB_RUN_ID: "7" };
        assert.equal(defaultTargetUrl(env), "https://github.com/o/r/actions/runs/7");
        for (const missing of Object.keys(env)) {
            assert.equal(defaultTargetUrl({ ...env, [missing]: "" }), undefined, missing);
        }
    });

    it("builds the statuses URL with one slash after the API root, an encoded owner and a lower-case sha", () => {
        assert.equal(
            statusUrl({
                apiUrl: "https://ghe.example/api/v3//",
                repo: "o w/r",
                sha: SHA.toUpperCase(),
                token: "",
                context: "e2e",
            }),
            `https://ghe.example/api/v3/repos/o%20w/r/statuses/${SHA}`,
        );
    });

    it("a network failure is tried again unless it is permanent (an unknown host) or the wait was cancelled", async () => {
        const failingFetch = (code: string) => {
            let calls = 0;
            const fetch = async () => {
                calls += 1;
                throw new TypeError("fetch failed", { cause: Object.assign(new Error(code), { code }) });
            };
            return { fetch: fetch as unknown as typeof globalThis.fetch, calls: () => calls };
        };
        const target = { apiUrl: "http://127.0.0.1:9", repo: "o/r", sha: SHA, token: TOKEN, context: "e2e" };
        for (const [code, expected] of [
            ["ECONNREFUSED", 3],
            ["ENOTFOUND", 1],
        ] as const) {
            const stub = failingFetch(code);
            const result = await postCommitStatus(target, "success", "d", { fetch: stub.fetch, retryDelayMs: 1 });
            assert.equal(stub.calls(), expected, code);
            assert.ok(!result.ok && result.message.includes(`(${code})`), JSON.stringify(result));
        }
        const controller = new AbortController();
        controller.abort();
        const stub = failingFetch("ECONNREFUSED");
        const cancelled = await postCommitStatus(target, "success", "d", {
            fetch: stub.fetch,
            retryDelayMs: 1,
            signal: controller.signal,
        });
        assert.ok(stub.calls() <= 1, `${stub.calls()} calls after cancellation`);
        assert.equal(cancelled.ok, false);
    });

    describe("which answers are tried again", () => {
        let server: LoopbackServer | undefined;
        afterEach(async () => {
            await server?.close();
            server = undefined;
        });

        async function postAgainst(answer: (post: number) => [number, Record<string, string>?], attempts = 3) {
            let posts = 0;
            server = await startLoopbackServer((_req, res) => {
                posts += 1;
                const [status, headers = {}] = answer(posts);
                if (status === 201) return send(res, 201, { id: 1, state: "success", context: "e2e" });
                res.writeHead(status, { "content-type": "application/json", ...headers });
                res.end(JSON.stringify({ message: `answer ${posts}` }));
            });
            const result = await postCommitStatus(
                { apiUrl: server.url, repo: "o/r", sha: SHA, token: TOKEN, context: "e2e" },
                "success",
                "all checks passed",
                { attempts, retryDelayMs: 1, maxRetryAfterMs: 1_000 },
            );
            return { result, posts };
        }

        it("a 5xx, every attempt; then the last answer is the reason", async () => {
            const { result, posts } = await postAgainst(() => [502]);
            assert.equal(posts, 3);
            assert.ok(
                !result.ok && /^GitHub answered HTTP 502 to POST .*: .*answer 3/.test(result.message),
                JSON.stringify(result),
            );
        });

        it("a 429 without retry-after, again; a success on a later attempt is a success", async () => {
            const { result, posts } = await postAgainst((post) => (post < 3 ? [429] : [201]));
            assert.deepEqual(result, { ok: true, status: 201 });
            assert.equal(posts, 3);
        });

        it("a 403 with retry-after 0, again at once", async () => {
            const { result, posts } = await postAgainst((post) => (post === 1 ? [403, { "retry-after": "0" }] : [201]));
            assert.deepEqual(result, { ok: true, status: 201 });
            assert.equal(posts, 2);
        });

        it("a 403 without retry-after, a 404 or a 422: never again", async () => {
            for (const status of [403, 404, 422]) {
                const { result, posts } = await postAgainst(() => [status]);
                assert.equal(posts, 1, String(status));
                assert.ok(
                    !result.ok && result.message.startsWith(`GitHub answered HTTP ${status} `),
                    JSON.stringify(result),
                );
                await server?.close();
            }
        });

        it("says exactly what GitHub answered, with no retry note when GitHub asked for no wait", async () => {
            const { result } = await postAgainst(() => [403]);
            assert.deepEqual(result, {
                ok: false,
                message: `GitHub answered HTTP 403 to POST ${server!.url}/repos/o/r/statuses/${SHA}: {"message":"answer 1"}`,
            });
            await server?.close();
            const redirected = await postAgainst(() => [307, { location: "/elsewhere" }]);
            assert.deepEqual(redirected.result, {
                ok: false,
                message: `GitHub answered HTTP 307 to POST ${server!.url}/repos/o/r/statuses/${SHA}: {"message":"answer 1"}`,
            });
        });

        it("a 500 is a server error like any 5xx: tried again", async () => {
            const { posts } = await postAgainst(() => [500]);
            assert.equal(posts, 3);
        });

        it("a 300 is no success: only a 2xx is", async () => {
            const { result, posts } = await postAgainst(() => [300]);
            assert.equal(posts, 1);
            assert.equal(result.ok, false);
        });

        it("a retry-after that is negative or no number is ignored: a 403 then fails at once", async () => {
            for (const retryAfter of ["-1", "soon"]) {
                const { result, posts } = await postAgainst(() => [403, { "retry-after": retryAfter }]);
                assert.equal(posts, 1, retryAfter);
                assert.ok(!result.ok && !result.message.includes("retry after"), JSON.stringify(result));
                await server?.close();
            }
        });

        it("a 200 is a success; a redirect is not followed for a POST and is no success", async () => {
            assert.deepEqual((await postAgainst(() => [200])).result, { ok: true, status: 200 });
            await server?.close();
            const { result, posts } = await postAgainst(() => [307, { location: "/elsewhere" }]);
            assert.equal(posts, 1);
            assert.equal(result.ok, false);
        });

        it("a retry-after exactly as long as the longest wait allowed is still waited for", async () => {
            const { result, posts } = await postAgainst((post) => (post === 1 ? [429, { "retry-after": "1" }] : [201]));
            assert.deepEqual(result, { ok: true, status: 201 });
            assert.equal(posts, 2);
        });

        it("a retry-after on a 5xx is no rate limit: tried again at the usual pace", async () => {
            const { posts } = await postAgainst(() => [502, { "retry-after": "3600" }]);
            assert.equal(posts, 3);
        });

        it("one attempt when asked for one, whatever the answer", async () => {
            const { posts } = await postAgainst(() => [502], 1);
            assert.equal(posts, 1);
        });
    });

    describe("the pause between two posts", () => {
        const target = { apiUrl: "http://127.0.0.1:9", repo: "o/r", sha: SHA, token: TOKEN, context: "e2e" };
        /** A fetch whose every post is refused at the socket (retried), counting posts and when each was made. */
        function refusedFetch(onPost: (post: number) => void = () => undefined) {
            const times: number[] = [];
            const fetch = async () => {
                times.push(performance.now());
                onPost(times.length);
                throw new TypeError("fetch failed", {
                    cause: Object.assign(new Error("refused"), { code: "ECONNREFUSED" }),
                });
            };
            return { fetch: fetch as unknown as typeof globalThis.fetch, times };
        }

        it("is a second unless told otherwise, and as long as told", async () => {
            const byDefault = refusedFetch();
            await postCommitStatus(target, "success", "d", { fetch: byDefault.fetch, attempts: 2 });
            assert.equal(byDefault.times.length, 2);
            assert.ok(byDefault.times[1] - byDefault.times[0] >= 990, `${byDefault.times[1] - byDefault.times[0]} ms`);
            const told = refusedFetch();
            await postCommitStatus(target, "success", "d", { fetch: told.fetch, attempts: 3, retryDelayMs: 5 });
            assert.equal(told.times.length, 3);
            assert.ok(told.times[2] - told.times[0] < 900, `${told.times[2] - told.times[0]} ms for two 5 ms pauses`);
        });

        it("follows the last attempt with no pause", async function () {
            this.timeout(5_000);
            const started = performance.now();
            const result = await postCommitStatus(target, "success", "d", {
                fetch: refusedFetch().fetch,
                attempts: 1,
                retryDelayMs: 60_000,
            });
            assert.equal(result.ok, false);
            assert.ok(performance.now() - started < 2_000);
        });

        it("ends at once when cancelled during it, with the last answer as the reason", async function () {
            this.timeout(5_000);
            const controller = new AbortController();
            const stub = refusedFetch(() => setTimeout(() => controller.abort(), 20));
            const started = performance.now();
            const result = await postCommitStatus(target, "success", "d", {
                fetch: stub.fetch,
                attempts: 3,
                retryDelayMs: 60_000,
                signal: controller.signal,
            });
            assert.ok(performance.now() - started < 2_000, "the pause was not cut short");
            assert.equal(stub.times.length, 1, "nothing is posted after the cancellation");
            assert.ok(!result.ok && result.message.includes("(ECONNREFUSED)"), JSON.stringify(result));
        });

        it("waits for a retry-after of up to a minute by default; a longer one ends it, naming the wait", async () => {
            let posts = 0;
            const server = await startLoopbackServer((_req, res) => {
                posts += 1;
                res.writeHead(403, { "content-type": "application/json", "retry-after": "61" });
                res.end(JSON.stringify({ message: "You have exceeded a secondary rate limit." }));
            });
            try {
                const result = await postCommitStatus({ ...target, apiUrl: server.url }, "success", "d", {
                    retryDelayMs: 1,
                });
                assert.equal(posts, 1);
                assert.ok(
                    !result.ok && result.message.endsWith(`secondary rate limit."} (retry after 61 s)`),
                    JSON.stringify(result),
                );
            } finally {
                await server.close();
            }
        });
    });
});
