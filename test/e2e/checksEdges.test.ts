// Edge answers of ServiceRadar's HTTP API to the gate's checks, through a scripted fetch and a stepped clock, so every
// verdict, category, request and line is pinned exactly (mutation testing showed them loosely tested).
import { strict as assert } from "node:assert";
import { checkAuth, checkDevices, checkLiveness, checkQuery } from "../../e2e/checks";
import { GateCancelled, GateDeps, GateOptions, makeContext, statusLine } from "../../e2e/probe";
import { CHECK_NAMES, CheckResult } from "../../e2e/result";
import { FetchLike, USER_AGENT, tryParseJson } from "../../lib/cli/http";
import { Redactor } from "../../lib/cli/redact";

const BASE = "https://sr.example.test";
const USER = "root@localhost";
const PASSWORD = "Pa55-w0rd&secret!";
const TOKEN = "eyJhbGciOiJIUzI1NiJ9.edge-token.sig";

const opts: GateOptions = {
    baseUrl: BASE,
    username: USER,
    password: PASSWORD,
    readyTimeoutMs: 2000,
    readyIntervalMs: 20,
    checkTimeoutMs: 1000,
};

interface Sent {
    url: string;
    method?: string;
    headers: Record<string, string>;
    body?: string;
}

interface Answer {
    status: number;
    body?: string;
    headers?: Record<string, string>;
}

/** One scripted answer; the clock reads 1000 when the check starts and 1250 at every later reading. */
function scripted(answer: Answer | ((init?: RequestInit) => Promise<Response>)): { deps: GateDeps; sent: Sent[] } {
    const sent: Sent[] = [];
    const fetch: FetchLike = async (url, init) => {
        sent.push({
            url,
            method: init?.method,
            headers: { ...(init?.headers as Record<string, string>) },
            body: init?.body as string | undefined,
        });
        if (typeof answer === "function") return answer(init);
        return new Response(answer.body ?? "", { status: answer.status, headers: answer.headers });
    };
    let reads = 0;
    const now = (): number => (reads++ === 0 ? 1000 : 1250);
    return { deps: { fetch, now }, sent };
}

function fail(
    id: keyof typeof CHECK_NAMES,
    category: CheckResult["category"],
    message: string,
    httpStatus: number,
    bodyExcerpt: string,
): CheckResult {
    return { id, name: CHECK_NAMES[id], outcome: "fail", durationMs: 250, message, category, httpStatus, bodyExcerpt };
}

function pass(id: keyof typeof CHECK_NAMES, message: string): CheckResult {
    return { id, name: CHECK_NAMES[id], outcome: "pass", durationMs: 250, message, httpStatus: 200 };
}

const json = (value: unknown): string => JSON.stringify(value);

describe("e2e checks: liveness answers", () => {
    it('passes on " OK " (trimmed, any case) with the note "ok", after GET /health/live', async () => {
        const { deps, sent } = scripted({ status: 200, body: " OK \n" });
        assert.deepEqual(await checkLiveness(opts, deps), pass("liveness", "ok"));
        assert.deepEqual(sent, [
            { url: `${BASE}/health/live`, method: "GET", headers: { "user-agent": USER_AGENT }, body: undefined },
        ]);
    });

    it("passes on another 200 body, quoting it", async () => {
        const { deps } = scripted({ status: 200, body: "alive\n" });
        assert.deepEqual(await checkLiveness(opts, deps), pass("liveness", 'HTTP 200 (body "alive")'));
    });

    for (const status of [300, 399]) {
        it(`fails HTTP ${status} as a redirect of the deployment`, async () => {
            const { deps } = scripted({ status, headers: { location: "/login" } });
            assert.deepEqual(
                await checkLiveness(opts, deps),
                fail(
                    "liveness",
                    "deployment",
                    `unexpected redirect (HTTP ${status}) to /login; pass the final URL as --url`,
                    status,
                    "",
                ),
            );
        });
    }

    for (const status of [299, 400, 503]) {
        it(`fails HTTP ${status} as not the expected 200 "ok"`, async () => {
            const { deps } = scripted({ status, body: "down" });
            assert.deepEqual(
                await checkLiveness(opts, deps),
                fail("liveness", "deployment", `expected HTTP 200 "ok", got HTTP ${status}`, status, "down"),
            );
        });
    }
});

describe("e2e checks: the token request and its answers", () => {
    it("sends the password grant as a form, asks for JSON, and passes a Bearer token with its lifetime", async () => {
        const redactor = new Redactor([]);
        const { deps, sent } = scripted({
            status: 200,
            body: json({ access_token: TOKEN, token_type: "Bearer", expires_in: 3600 }),
        });
        const result = await checkAuth(opts, { ...deps, redactor });
        assert.deepEqual(result, {
            check: pass("auth", `token issued for ${USER} (Bearer, expires in 3600s)`),
            token: TOKEN,
        });
        assert.deepEqual(sent, [
            {
                url: `${BASE}/oauth/token`,
                method: "POST",
                headers: {
                    "user-agent": USER_AGENT,
                    "content-type": "application/x-www-form-urlencoded",
                    accept: "application/json",
                },
                body: new URLSearchParams({ grant_type: "password", username: USER, password: PASSWORD }).toString(),
            },
        ]);
        assert.ok(!redactor.redact(`token ${TOKEN}`).includes(TOKEN), "the issued token is redacted from then on");
    });

    it("notes a token type other than bearer, and an absent one as unknown", async () => {
        const mac = scripted({ status: 200, body: json({ access_token: TOKEN, token_type: "mac" }) });
        assert.deepEqual(
            (await checkAuth(opts, mac.deps)).check.message,
            `token issued for ${USER} (mac) (unexpected token_type "mac")`,
        );
        const bare = scripted({ status: 200, body: json({ access_token: TOKEN, token_type: 7, expires_in: "3600" }) });
        assert.deepEqual(
            (await checkAuth(opts, bare.deps)).check.message,
            `token issued for ${USER} (unknown) (unexpected token_type "unknown")`,
        );
        const upper = scripted({
            status: 200,
            body: json({ access_token: TOKEN, token_type: "BEARER", expires_in: 60 }),
        });
        assert.deepEqual(
            (await checkAuth(opts, upper.deps)).check.message,
            `token issued for ${USER} (BEARER, expires in 60s)`,
        );
    });

    for (const body of [json({}), "null", json({ access_token: 12345 }), json("x")]) {
        it(`fails a 200 without a usable access_token: ${body}`, async () => {
            const { deps } = scripted({ status: 200, body });
            assert.deepEqual(await checkAuth(opts, deps), {
                check: fail("auth", "deployment", "HTTP 200 but no access_token in the response", 200, body),
            });
        });
    }

    it("fails a 200 that is not JSON, naming the parse error", async () => {
        const body = "<html>login</html>";
        const parsed = tryParseJson(body);
        assert.ok(!parsed.ok);
        const { deps } = scripted({ status: 200, body });
        assert.deepEqual(await checkAuth(opts, deps), {
            check: fail("auth", "deployment", `HTTP 200 but response is not JSON (${parsed.error})`, 200, body),
        });
    });

    const rejected = (status: number, error: string): string =>
        `credentials rejected for ${USER} (HTTP ${status}${error}): check the admin user and password for this environment`;

    it("fails 400, 401 and 403 as rejected credentials, with the error and its description when given", async () => {
        const body = json({ error: "invalid_grant", error_description: "bad password" });
        for (const status of [400, 401]) {
            const { deps } = scripted({ status, body });
            assert.deepEqual(await checkAuth(opts, deps), {
                check: fail("auth", "credentials", rejected(status, " invalid_grant: bad password"), status, body),
            });
        }
        const forbidden = scripted({ status: 403, body: "" });
        assert.deepEqual(await checkAuth(opts, forbidden.deps), {
            check: fail("auth", "credentials", rejected(403, ""), 403, ""),
        });
        const described = scripted({ status: 401, body: json({ error_description: "locked" }) });
        assert.equal((await checkAuth(opts, described.deps)).check.message, rejected(401, " locked"));
        const nullBody = scripted({ status: 401, body: "null" });
        assert.equal((await checkAuth(opts, nullBody.deps)).check.message, rejected(401, ""));
    });

    it("fails 429 without an error as rate limiting of the credentials", async () => {
        const { deps } = scripted({ status: 429, body: "" });
        assert.deepEqual(await checkAuth(opts, deps), {
            check: fail(
                "auth",
                "credentials",
                "rate limited (HTTP 429): too many password attempts from this IP; wait a minute before retrying",
                429,
                "",
            ),
        });
    });

    for (const status of [300, 399]) {
        it(`fails HTTP ${status} from the token endpoint as a redirect, without a Location`, async () => {
            const { deps } = scripted({ status });
            assert.deepEqual(await checkAuth(opts, deps), {
                check: fail(
                    "auth",
                    "deployment",
                    `unexpected redirect (HTTP ${status}); pass the final URL as --url`,
                    status,
                    "",
                ),
            });
        });
    }

    for (const [status, body, line] of [
        [299, "", "token endpoint answered HTTP 299"],
        [404, "", "token endpoint answered HTTP 404"],
        [500, json({ error: "server_error" }), "token endpoint answered HTTP 500 server_error"],
    ] as const) {
        it(`fails HTTP ${status} from the token endpoint as a deployment problem`, async () => {
            const { deps } = scripted({ status, body });
            assert.deepEqual(await checkAuth(opts, deps), { check: fail("auth", "deployment", line, status, body) });
        });
    }

    it("fails a refused connection as a deployment problem with no token", async () => {
        const { deps } = scripted(() =>
            Promise.reject(Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } })),
        );
        assert.deepEqual(await checkAuth(opts, deps), {
            check: {
                id: "auth",
                name: CHECK_NAMES.auth,
                outcome: "fail",
                durationMs: 250,
                message: `POST ${BASE}/oauth/token failed: connection refused (nothing is listening at that host and port) (ECONNREFUSED)`,
                category: "deployment",
            },
        });
    });
});

describe("e2e checks: the bearer checks (query, devices)", () => {
    it("POSTs the SRQL query as JSON with the bearer token and passes one row", async () => {
        const { deps, sent } = scripted({ status: 200, body: json({ results: [{ uid: "d1" }] }) });
        assert.deepEqual(await checkQuery(opts, TOKEN, deps), pass("query", "well-formed result (1 row)"));
        assert.deepEqual(sent, [
            {
                url: `${BASE}/api/query`,
                method: "POST",
                headers: {
                    "user-agent": USER_AGENT,
                    authorization: `Bearer ${TOKEN}`,
                    accept: "application/json",
                    "content-type": "application/json",
                },
                body: json({ query: "show devices", limit: 1 }),
            },
        ]);
    });

    it("GETs the devices with the bearer token and no body or content type", async () => {
        const { deps, sent } = scripted({ status: 200, body: json([{}]) });
        assert.deepEqual(await checkDevices(opts, TOKEN, deps), pass("devices", "1 device listed"));
        assert.deepEqual(sent, [
            {
                url: `${BASE}/api/devices`,
                method: "GET",
                headers: { "user-agent": USER_AGENT, authorization: `Bearer ${TOKEN}`, accept: "application/json" },
                body: undefined,
            },
        ]);
        const none = scripted({ status: 200, body: "[]" });
        assert.deepEqual(await checkDevices(opts, TOKEN, none.deps), pass("devices", "0 devices listed"));
        const object = scripted({ status: 200, body: "{}" });
        assert.deepEqual(
            await checkDevices(opts, TOKEN, object.deps),
            fail("devices", "data-path", "HTTP 200 but the body is not a JSON array", 200, "{}"),
        );
    });

    for (const [body, verdict] of [
        ["[]", "HTTP 200 but the body is not a JSON object"],
        ["null", "HTTP 200 but the body is not a JSON object"],
        ['"rows"', "HTTP 200 but the body is not a JSON object"],
        [json({ error: "parse error at 1" }), "query returned an error: parse error at 1"],
        [json({ error: { code: 3 } }), 'query returned an error: {"code":3}'],
        [json({ results: {} }), 'HTTP 200 but "results" is missing or not an array'],
    ] as const) {
        it(`fails a query answer ${body}`, async () => {
            const { deps } = scripted({ status: 200, body });
            assert.deepEqual(await checkQuery(opts, TOKEN, deps), fail("query", "data-path", verdict, 200, body));
        });
    }

    it("passes a query answer with a null error and no rows", async () => {
        const { deps } = scripted({ status: 200, body: json({ error: null, results: [] }) });
        assert.deepEqual(await checkQuery(opts, TOKEN, deps), pass("query", "well-formed result (0 rows)"));
    });

    it("fails a 200 that is not JSON on the data path", async () => {
        const body = "<html/>";
        const parsed = tryParseJson(body);
        assert.ok(!parsed.ok);
        const { deps } = scripted({ status: 200, body });
        assert.deepEqual(
            await checkDevices(opts, TOKEN, deps),
            fail("devices", "data-path", `HTTP 200 but the body is not valid JSON (${parsed.error})`, 200, body),
        );
    });

    for (const [status, body, category, line] of [
        [
            401,
            json({ error: "invalid_token" }),
            "credentials",
            "token refused by /api/query (HTTP 401 invalid_token): the token issued by /oauth/token is not accepted here",
        ],
        [
            403,
            "",
            "credentials",
            "token refused by /api/query (HTTP 403): the token issued by /oauth/token is not accepted here",
        ],
        [300, "", "data-path", "unexpected redirect (HTTP 300); pass the final URL as --url"],
        [399, "", "data-path", "unexpected redirect (HTTP 399); pass the final URL as --url"],
        [299, "", "data-path", "unexpected answer (HTTP 299)"],
        [400, json({ error: "bad_query" }), "data-path", "request rejected (HTTP 400 bad_query)"],
        [404, "", "data-path", "unexpected answer (HTTP 404)"],
        [499, "", "data-path", "unexpected answer (HTTP 499)"],
        [500, "", "data-path", "server error (HTTP 500)"],
    ] as const) {
        it(`fails HTTP ${status} of the query as ${category}: ${line}`, async () => {
            const { deps } = scripted({ status, body });
            assert.deepEqual(await checkQuery(opts, TOKEN, deps), fail("query", category, line, status, body));
        });
    }

    it("fails a timed-out read on the data path, a refused connection on the deployment", async () => {
        const hang = scripted(
            (init) =>
                new Promise<Response>((_resolve, reject) =>
                    init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
                ),
        );
        const timedOut = await checkDevices({ ...opts, checkTimeoutMs: 5 }, TOKEN, hang.deps);
        assert.deepEqual(timedOut, {
            id: "devices",
            name: CHECK_NAMES.devices,
            outcome: "fail",
            durationMs: 250,
            message: `GET ${BASE}/api/devices failed: no complete response within 5ms (timed out)`,
            category: "data-path",
        });
        const refused = scripted(() =>
            Promise.reject(Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } })),
        );
        const result = await checkDevices(opts, TOKEN, refused.deps);
        assert.equal(result.category, "deployment");
    });
});

describe("e2e probe: context, cancellation and lines", () => {
    it("throws GateCancelled before sending when the run is already cancelled", async () => {
        const { deps, sent } = scripted({ status: 200, body: "ok" });
        await assert.rejects(checkLiveness(opts, { ...deps, signal: AbortSignal.abort() }), (err: unknown) => {
            assert.ok(err instanceof GateCancelled);
            assert.equal(err.message, "e2e gate cancelled");
            assert.equal(err.name, "GateCancelled");
            return true;
        });
        assert.deepEqual(sent, []);
    });

    it("throws GateCancelled when the run is cancelled during a request", async () => {
        const controller = new AbortController();
        const { deps } = scripted(() => {
            controller.abort();
            return Promise.reject(new DOMException("aborted", "AbortError"));
        });
        await assert.rejects(checkLiveness(opts, { ...deps, signal: controller.signal }), GateCancelled);
    });

    it("sleeps by default with a cancellable timer", async () => {
        const ctx = makeContext(opts, {});
        await assert.rejects(() => ctx.sleep(60_000, AbortSignal.abort()), { name: "AbortError" });
    });

    it("redacts the password from failure excerpts by default", async () => {
        const { deps } = scripted({ status: 401, body: `wrong password ${PASSWORD}` });
        const { check } = await checkAuth(opts, { fetch: deps.fetch, now: deps.now });
        assert.ok(check.bodyExcerpt !== undefined && !check.bodyExcerpt.includes(PASSWORD), check.bodyExcerpt);
    });

    it("words a status line with and without a body", () => {
        const redactor = new Redactor([]);
        assert.equal(
            statusLine({ status: 503, headers: new Headers(), body: "", durationMs: 1 }, redactor),
            "HTTP 503",
        );
        assert.equal(
            statusLine({ status: 503, headers: new Headers(), body: "not ready", durationMs: 1 }, redactor),
            'HTTP 503 "not ready"',
        );
    });
});
