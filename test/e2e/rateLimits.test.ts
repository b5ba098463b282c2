// The gate against stand-ins that refuse the way the real services document it: web-ng's password grant (401
// invalid_grant, and 429 slow_down beyond 10 attempts per 60 s per IP: HTTP-API.md; RFC 6749 section 5.2 names 400 for
// invalid_grant, which an OAuth library may send), and GitHub's secondary rate limit on creating a commit status (403 or
// 429 with `retry-after`: "you should not retry your request until after that many seconds has elapsed").

import { strict as assert } from "node:assert";
import { checkAuth } from "../../e2e/checks";
import { postCommitStatus } from "../../e2e/githubStatus";
import { ADMIN_PASSWORD, ADMIN_USER, PASSWORD_ATTEMPTS_PER_WINDOW, startFakeServiceRadar } from "./helpers";
import { LoopbackServer, send, startLoopbackServer } from "../support/loopbackServer";

const SHA = "0123456789abcdef0123456789abcdef01234567";
const TOKEN = "ghs_rateLimitTokenNeverShown";
const SECONDARY_LIMIT = {
    message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
    documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
};

describe("the e2e gate against rate limits and refusals as the real services answer them", function () {
    this.timeout(20_000);
    let server: LoopbackServer | undefined;
    afterEach(async () => {
        await server?.close();
        server = undefined;
    });

    function gateOptions(url: string, password: string) {
        return {
            baseUrl: url,
            username: ADMIN_USER,
            password,
            readyTimeoutMs: 2000,
            readyIntervalMs: 20,
            checkTimeoutMs: 1000,
        };
    }

    it("wrong passwords are 401 invalid_grant; past the limit even the right one is 429 slow_down, reported as rate limiting", async () => {
        server = await startFakeServiceRadar();
        for (let attempt = 1; attempt <= PASSWORD_ATTEMPTS_PER_WINDOW; attempt++) {
            const wrong = await checkAuth(gateOptions(server.url, "not-the-password"));
            assert.equal(wrong.check.httpStatus, 401, `attempt ${attempt}`);
            assert.match(wrong.check.message, /credentials rejected for root@localhost \(HTTP 401 invalid_grant/);
        }
        const limited = await checkAuth(gateOptions(server.url, ADMIN_PASSWORD));
        assert.equal(limited.token, undefined);
        assert.equal(limited.check.outcome, "fail");
        assert.equal(limited.check.httpStatus, 429);
        assert.equal(limited.check.category, "credentials");
        assert.match(limited.check.message, /rate limited \(HTTP 429 slow_down\): too many password attempts/);
        assert.doesNotMatch(limited.check.message, /credentials rejected/, "not blamed on the password");
    });

    it("RFC 6749's 400 invalid_grant is rejected credentials, like web-ng's 401", async () => {
        server = await startFakeServiceRadar({
            routes: {
                "POST /oauth/token": (_req, res) =>
                    send(res, 400, { error: "invalid_grant", error_description: "Invalid username or password" }),
            },
        });
        const auth = await checkAuth(gateOptions(server.url, ADMIN_PASSWORD));
        assert.equal(auth.token, undefined);
        assert.equal(auth.check.category, "credentials");
        assert.match(auth.check.message, /credentials rejected for root@localhost \(HTTP 400 invalid_grant/);
    });

    /** A statuses endpoint answering the first `limited` posts with the secondary rate limit, then 201. */
    async function statuses(limited: number, status: 403 | 429, retryAfter: string): Promise<LoopbackServer> {
        let posts = 0;
        return startLoopbackServer((_req, res) => {
            posts += 1;
            if (posts <= limited) {
                res.writeHead(status, { "content-type": "application/json", "retry-after": retryAfter });
                res.end(JSON.stringify(SECONDARY_LIMIT));
                return;
            }
            send(res, 201, { id: 1, state: "success", context: "e2e" });
        });
    }

    function post(apiUrl: string) {
        return postCommitStatus(
            { apiUrl, repo: "o/r", sha: SHA, token: TOKEN, context: "e2e" },
            "success",
            "all checks passed",
            { retryDelayMs: 10, maxRetryAfterMs: 5_000 },
        );
    }

    for (const status of [429, 403] as const) {
        it(`a commit status answered ${status} with retry-after: 1 is posted again only after that second`, async () => {
            server = await statuses(1, status, "1");
            const started = performance.now();
            const result = await post(server.url);
            const elapsed = performance.now() - started;
            assert.deepEqual(result, { ok: true, status: 201 });
            assert.equal(server.requests.length, 2);
            assert.ok(elapsed >= 950, `retried after ${Math.round(elapsed)} ms, before GitHub's retry-after`);
        });
    }

    it("a retry-after longer than the gate waits ends the posting at once, saying so, without the token", async () => {
        server = await statuses(10, 429, "3600");
        const result = await post(server.url);
        assert.equal(server.requests.length, 1, "no retry before GitHub's retry-after");
        assert.equal(result.ok, false);
        const message = result.ok ? "" : result.message;
        assert.match(message, /GitHub answered HTTP 429 to POST .*secondary rate limit.* \(retry after 3600 s\)$/);
        assert.ok(!message.includes(TOKEN));
    });
});
