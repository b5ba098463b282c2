import { strict as assert } from "node:assert";
import { checkAuth, checkDevices, checkLiveness, checkQuery } from "../../e2e/checks";
import { runGate } from "../../e2e/gate";
import { GateOptions } from "../../e2e/probe";
import { waitForReady } from "../../e2e/readiness";
import { CheckResult } from "../../e2e/result";
import { Redactor } from "../../lib/cli/redact";
import { ACCESS_TOKEN, ADMIN_PASSWORD, ADMIN_USER, startFakeServiceRadar } from "./helpers";
import { closedPort, LoopbackServer, send, startLoopbackServer } from "../support/loopbackServer";

function options(url: string, overrides: Partial<GateOptions> = {}): GateOptions {
    return {
        baseUrl: url,
        username: ADMIN_USER,
        password: ADMIN_PASSWORD,
        readyTimeoutMs: 2000,
        readyIntervalMs: 20,
        checkTimeoutMs: 1000,
        ...overrides,
    };
}

function byId(checks: CheckResult[]): Record<string, CheckResult> {
    return Object.fromEntries(checks.map((check) => [check.id, check]));
}

describe("e2e gate checks against a local ServiceRadar stand-in", () => {
    let server: LoopbackServer | undefined;

    afterEach(async () => {
        await server?.close();
        server = undefined;
    });

    it("happy path: every check passes with the documented request shapes", async () => {
        server = await startFakeServiceRadar();
        const result = await runGate(options(server.url));
        assert.deepEqual(
            result.checks.map((c) => [c.id, c.outcome]),
            [
                ["readiness", "pass"],
                ["liveness", "pass"],
                ["auth", "pass"],
                ["query", "pass"],
                ["devices", "pass"],
            ],
        );
        assert.equal(result.passed, true);
        const checks = byId(result.checks);
        assert.match(checks.query.message, /1 row/);
        assert.match(checks.devices.message, /2 devices/);

        const token = server.requests.find((r) => r.path === "/oauth/token");
        assert.ok(token);
        assert.equal(token.method, "POST");
        assert.match(String(token.headers["content-type"]), /^application\/x-www-form-urlencoded/);
        const form = new URLSearchParams(token.body);
        assert.equal(form.get("grant_type"), "password");
        assert.equal(form.get("username"), ADMIN_USER);
        assert.equal(form.get("password"), ADMIN_PASSWORD);
        const query = server.requests.find((r) => r.path === "/api/query");
        assert.ok(query);
        assert.equal(query.headers.authorization, `Bearer ${ACCESS_TOKEN}`);
        assert.deepEqual(JSON.parse(query.body), { query: "show devices", limit: 1 });
        assert.ok(!server.requests.some((r) => ["/auth/login", "/api/status", "/api/gateways"].includes(r.path)));
    });

    it('waits through 503 "not ready" answers and passes once ready, logging progress', async () => {
        server = await startFakeServiceRadar({ notReadyCount: 3 });
        const log: string[] = [];
        const check = await waitForReady(options(server.url), { log: (line) => log.push(line) });
        assert.equal(check.outcome, "pass");
        assert.equal(check.message, "ready after 4 attempts");
        assert.equal(log.length, 3);
        assert.match(log[0], /^waiting for readiness: attempt 1, last HTTP 503 "not ready", elapsed \d+ms of 2s$/);
        assert.match(log[2], /attempt 3/);
    });

    it("gives up on a never-ready deployment within its bound and skips the rest", async () => {
        server = await startFakeServiceRadar({ notReadyCount: Infinity });
        const started = Date.now();
        const result = await runGate(options(server.url, { readyTimeoutMs: 300, readyIntervalMs: 50 }));
        const elapsed = Date.now() - started;
        assert.ok(elapsed >= 290 && elapsed < 1500, `took ${elapsed}ms`);
        const checks = byId(result.checks);
        assert.equal(checks.readiness.outcome, "fail");
        assert.equal(checks.readiness.category, "deployment");
        assert.equal(checks.readiness.httpStatus, 503);
        assert.equal(checks.readiness.bodyExcerpt, "not ready");
        assert.match(
            checks.readiness.message,
            /^not ready after \d+ms \(\d+ attempts, limit 300ms\); last answer HTTP 503$/,
        );
        assert.equal(checks.liveness.outcome, "pass");
        assert.deepEqual([checks.auth.outcome, checks.query.outcome, checks.devices.outcome], ["skip", "skip", "skip"]);
        assert.equal(result.passed, false);
        assert.ok(
            !server.requests.some((r) => r.path === "/oauth/token"),
            "no password attempt on a not-ready release",
        );
    });

    it("reports a rejected password as a credentials problem and skips token checks", async () => {
        server = await startFakeServiceRadar({ password: "a-different-password" });
        const result = await runGate(options(server.url));
        const checks = byId(result.checks);
        assert.equal(checks.auth.outcome, "fail");
        assert.equal(checks.auth.category, "credentials");
        assert.equal(checks.auth.httpStatus, 401);
        assert.match(checks.auth.message, /credentials rejected for root@localhost \(HTTP 401 invalid_grant/);
        assert.match(checks.auth.bodyExcerpt ?? "", /invalid_grant/);
        assert.equal(checks.query.outcome, "skip");
        assert.equal(checks.devices.outcome, "skip");
        assert.match(checks.query.message, /no token/);
        assert.equal(result.passed, false);
    });

    it("reports 429 slow_down as rate limiting", async () => {
        server = await startFakeServiceRadar({
            routes: { "POST /oauth/token": (_req, res) => send(res, 429, { error: "slow_down" }) },
        });
        const auth = await checkAuth(options(server.url));
        assert.equal(auth.token, undefined);
        assert.equal(auth.check.category, "credentials");
        assert.match(auth.check.message, /rate limited \(HTTP 429 slow_down\)/);
    });

    it("reports a token refused by /api/query (401) as a credentials problem, not a crash", async () => {
        server = await startFakeServiceRadar({
            routes: { "POST /api/query": (_req, res) => send(res, 401, { error: "authentication_required" }) },
        });
        const result = await runGate(options(server.url));
        const checks = byId(result.checks);
        assert.equal(checks.auth.outcome, "pass");
        assert.equal(checks.query.outcome, "fail");
        assert.equal(checks.query.category, "credentials");
        assert.equal(checks.query.httpStatus, 401);
        assert.match(checks.query.message, /token refused by \/api\/query \(HTTP 401 authentication_required\)/);
        assert.equal(checks.devices.outcome, "pass");
        assert.equal(result.passed, false);
    });

    it("reports a query 500 as a data-path failure with status and body excerpt", async () => {
        server = await startFakeServiceRadar({
            routes: {
                "POST /api/query": (_req, res) =>
                    send(res, 500, `** (DBConnection.ConnectionError) ${"x".repeat(400)}`),
            },
        });
        const check = await checkQuery(options(server.url), ACCESS_TOKEN);
        assert.equal(check.outcome, "fail");
        assert.equal(check.category, "data-path");
        assert.equal(check.httpStatus, 500);
        assert.match(check.message, /server error \(HTTP 500\)/);
        assert.match(check.bodyExcerpt ?? "", /^\*\* \(DBConnection\.ConnectionError\) x+… \(\+\d+ chars\)$/);
        assert.ok((check.bodyExcerpt ?? "").length < 230);
    });

    it("reports malformed JSON and wrong shapes as data-path failures", async () => {
        server = await startFakeServiceRadar({
            routes: {
                "POST /api/query": (_req, res) => send(res, 200, '{"results": [', "application/json"),
                "GET /api/devices": (_req, res) => send(res, 200, { devices: [] }),
            },
        });
        const query = await checkQuery(options(server.url), ACCESS_TOKEN);
        assert.equal(query.outcome, "fail");
        assert.equal(query.category, "data-path");
        assert.match(query.message, /not valid JSON/);
        const devices = await checkDevices(options(server.url), ACCESS_TOKEN);
        assert.equal(devices.outcome, "fail");
        assert.match(devices.message, /not a JSON array/);
    });

    it("fails a query whose result carries an error or lacks a results array", async () => {
        let body: unknown = { results: [], error: 'parse error near "devics"' };
        server = await startFakeServiceRadar({ routes: { "POST /api/query": (_req, res) => send(res, 200, body) } });
        const withError = await checkQuery(options(server.url), ACCESS_TOKEN);
        assert.equal(withError.outcome, "fail");
        assert.match(withError.message, /query returned an error: parse error/);
        body = { rows: [], error: null };
        const noResults = await checkQuery(options(server.url), ACCESS_TOKEN);
        assert.equal(noResults.outcome, "fail");
        assert.match(noResults.message, /"results" is missing/);
        body = { results: [], pagination: {}, viz: null, error: null };
        assert.equal((await checkQuery(options(server.url), ACCESS_TOKEN)).outcome, "pass");
    });

    it("times out a hanging endpoint with the per-check timeout and carries on", async () => {
        server = await startFakeServiceRadar({ routes: { "POST /api/query": () => undefined } });
        const started = Date.now();
        const result = await runGate(options(server.url, { checkTimeoutMs: 200 }));
        const elapsed = Date.now() - started;
        const checks = byId(result.checks);
        assert.equal(checks.query.outcome, "fail");
        assert.equal(checks.query.category, "data-path");
        assert.match(
            checks.query.message,
            /^POST http:\/\/127\.0\.0\.1:\d+\/api\/query failed: no complete response within 200ms \(timed out\)$/,
        );
        assert.ok(checks.query.durationMs >= 190 && checks.query.durationMs < 800, String(checks.query.durationMs));
        assert.equal(checks.devices.outcome, "pass");
        assert.ok(elapsed < 1500, `took ${elapsed}ms`);
    });

    it("a refused connection is a one-line deployment failure naming the URL and cause", async () => {
        const port = await closedPort();
        const url = `http://127.0.0.1:${port}`;
        const result = await runGate(options(url, { readyTimeoutMs: 300, readyIntervalMs: 100 }));
        const checks = byId(result.checks);
        for (const id of ["readiness", "liveness"]) {
            assert.equal(checks[id].outcome, "fail");
            assert.equal(checks[id].category, "deployment");
            assert.ok(!checks[id].message.includes("\n"));
            assert.ok(!/\bat .*\.(ts|js):\d+/.test(checks[id].message), "no stack trace");
        }
        assert.match(
            checks.liveness.message,
            new RegExp(`^GET ${url}/health/live failed: connection refused .*\\(ECONNREFUSED\\)$`),
        );
        assert.match(checks.readiness.message, /last error: GET .*\/health\/ready failed: connection refused/);
        assert.equal(result.passed, false);
    });

    it("keeps the last real answer when the final attempt is cut short by the deadline", async () => {
        let calls = 0;
        server = await startFakeServiceRadar({
            routes: {
                "GET /health/ready": (_req, res) => {
                    calls += 1;
                    if (calls === 1) {
                        send(res, 503, "not ready");
                    }
                    // later attempts hang until the overall deadline cuts them off
                },
            },
        });
        const check = await waitForReady(options(server.url, { readyTimeoutMs: 250, readyIntervalMs: 10 }));
        assert.equal(check.outcome, "fail");
        assert.equal(check.httpStatus, 503);
        assert.match(check.message, /last answer HTTP 503$/);
    });

    it("stops waiting at once on errors that waiting cannot fix", async () => {
        const dnsFailure = async (): Promise<Response> => {
            throw new TypeError("fetch failed", {
                cause: Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" }),
            });
        };
        const started = Date.now();
        const check = await waitForReady(options("https://nope.invalid", { readyTimeoutMs: 5000 }), {
            fetch: dnsFailure,
        });
        assert.ok(Date.now() - started < 500);
        assert.equal(check.outcome, "fail");
        assert.match(
            check.message,
            /^GET https:\/\/nope\.invalid\/health\/ready failed: DNS lookup failed: host not found \(ENOTFOUND\) \(not retried/,
        );
    });

    it("reports a redirect instead of following it", async () => {
        server = await startLoopbackServer((_req, res) => {
            res.writeHead(301, { location: "https://elsewhere.example/health/live" });
            res.end();
        });
        const check = await checkLiveness(options(server.url));
        assert.equal(check.outcome, "fail");
        assert.match(check.message, /unexpected redirect \(HTTP 301\) to https:\/\/elsewhere\.example\/health\/live/);
    });

    it("never echoes the password or the token found in response bodies", async () => {
        server = await startFakeServiceRadar({
            routes: {
                "POST /oauth/token": (_req, res, body) => {
                    const form = new URLSearchParams(body);
                    if (form.get("password") === ADMIN_PASSWORD) {
                        send(res, 200, {
                            access_token: ACCESS_TOKEN,
                            token_type: "Bearer",
                            expires_in: 3600,
                            scope: "read write",
                        });
                    }
                },
                "POST /api/query": (req, res) =>
                    send(res, 500, `boom; you sent ${req.headers.authorization} and ${ADMIN_PASSWORD}`),
                "GET /api/devices": (_req, res) =>
                    send(res, 502, `token=${ACCESS_TOKEN} pw=${encodeURIComponent(ADMIN_PASSWORD)}`),
            },
        });
        const redactor = new Redactor([ADMIN_PASSWORD]);
        const result = await runGate(options(server.url), { redactor });
        const text = JSON.stringify(result);
        assert.equal(byId(result.checks).query.outcome, "fail");
        assert.ok(!text.includes(ADMIN_PASSWORD), text);
        assert.ok(!text.includes(encodeURIComponent(ADMIN_PASSWORD)), text);
        assert.ok(!text.includes(ACCESS_TOKEN), text);
        assert.match(text, /\[REDACTED\]/);
        assert.ok(redactor.redact(ACCESS_TOKEN) === "[REDACTED]", "issued token was added to the shared redactor");
    });
});
