// lib/cli/http at the edges mutation testing showed unpinned: which statuses are redirects (the Fetch standard's five,
// not every 3xx, never a 2xx or 4xx that happens to carry a Location), a redirect without a body, a Location that is
// no URL, and the small helpers every caller leans on.
import { strict as assert } from "node:assert";
import { RequestFailure, httpRequest, joinUrl, toRequestFailure, tryParseJson } from "../../../lib/cli/http";

/** A fetch that answers from a script and records what was asked, so a followed hop shows as a second request. */
function scriptedFetch(answers: Record<string, () => Response>) {
    const asked: string[] = [];
    const fetchImpl = async (input: string): Promise<Response> => {
        asked.push(input);
        const answer = answers[new URL(input).pathname];
        if (!answer) throw new Error(`unexpected request ${input}`);
        return answer();
    };
    return { asked, fetchImpl };
}

const ORIGIN = "http://app.example:8080";
const get = (path: string, fetchImpl: (input: string) => Promise<Response>) =>
    httpRequest({ method: "GET", url: `${ORIGIN}${path}`, timeoutMs: 2_000, followRedirects: 5 }, fetchImpl);

async function failureOf(promise: Promise<unknown>): Promise<RequestFailure> {
    const outcome = await promise.then(
        () => undefined,
        (err: unknown) => err,
    );
    assert.ok(outcome instanceof RequestFailure, `expected a RequestFailure, got ${String(outcome)}`);
    return outcome;
}

describe("lib/cli/http: what counts as a redirect", () => {
    for (const status of [301, 302, 303, 307, 308]) {
        it(`follows a ${status} within the origin, resolving a relative Location against the current URL`, async () => {
            const { asked, fetchImpl } = scriptedFetch({
                "/api/start": () => new Response("", { status, headers: { location: "next?x=1" } }),
                "/api/next": () => new Response("arrived", { status: 200 }),
            });
            const response = await get("/api/start", fetchImpl);
            assert.equal(response.status, 200);
            assert.equal(response.body, "arrived");
            assert.deepEqual(asked, [`${ORIGIN}/api/start`, `${ORIGIN}/api/next?x=1`]);
        });
    }

    for (const status of [200, 201, 300, 400, 404, 500]) {
        it(`returns a ${status} that carries a Location as it is, following nothing`, async () => {
            const { asked, fetchImpl } = scriptedFetch({
                "/start": () => new Response(`answer ${status}`, { status, headers: { location: "/elsewhere" } }),
            });
            const response = await get("/start", fetchImpl);
            assert.equal(response.status, status);
            assert.equal(response.body, `answer ${status}`);
            assert.deepEqual(asked, [`${ORIGIN}/start`]);
        });
    }

    it("returns a 304 (no body by definition) as it is, following nothing", async () => {
        const { asked, fetchImpl } = scriptedFetch({
            "/start": () => new Response(null, { status: 304, headers: { location: "/elsewhere" } }),
        });
        const response = await get("/start", fetchImpl);
        assert.equal(response.status, 304);
        assert.equal(response.body, "");
        assert.deepEqual(asked, [`${ORIGIN}/start`]);
    });

    it("returns a redirect status without a Location as it is: there is nowhere to go", async () => {
        const { asked, fetchImpl } = scriptedFetch({ "/start": () => new Response("moved", { status: 302 }) });
        const response = await get("/start", fetchImpl);
        assert.equal(response.status, 302);
        assert.deepEqual(asked, [`${ORIGIN}/start`]);
    });

    it("measures how long the request took, from the first byte asked to the last read", async () => {
        const { fetchImpl } = scriptedFetch({
            "/slow": () => new Response(new Blob(["x"]).stream(), { status: 200 }),
        });
        const slowFetch = async (input: string) => {
            await new Promise((resolve) => setTimeout(resolve, 30));
            return fetchImpl(input);
        };
        const before = performance.now();
        const { durationMs } = await get("/slow", slowFetch);
        const outside = performance.now() - before;
        assert.ok(durationMs >= 25 && durationMs <= outside, `${durationMs} ms measured, ${outside} ms around it`);
    });

    it("follows a redirect that has no body at all", async () => {
        const { asked, fetchImpl } = scriptedFetch({
            "/start": () => new Response(null, { status: 302, headers: { location: "/next" } }),
            "/next": () => new Response("arrived", { status: 200 }),
        });
        assert.equal((await get("/start", fetchImpl)).body, "arrived");
        assert.equal(asked.length, 2);
    });

    it("refuses, permanently and without a second request, a Location that is no URL", async () => {
        const { asked, fetchImpl } = scriptedFetch({
            "/start": () => new Response("", { status: 302, headers: { location: "http://[::1" } }),
        });
        const failure = await failureOf(get("/start", fetchImpl));
        assert.equal(failure.kind, "redirect");
        assert.equal(failure.permanent, true);
        assert.equal(
            failure.message,
            `GET ${ORIGIN}/start was redirected to an invalid location "http://[::1"; not followed`,
        );
        assert.deepEqual(asked, [`${ORIGIN}/start`]);
    });

    it("a body beyond the cap is a permanent failure: asking again gets the same body", async () => {
        const { fetchImpl } = scriptedFetch({ "/big": () => new Response("x".repeat(2048), { status: 200 }) });
        const failure = await failureOf(
            httpRequest({ method: "GET", url: `${ORIGIN}/big`, timeoutMs: 2_000, maxBodyBytes: 1024 }, fetchImpl),
        );
        assert.equal(failure.kind, "too-large");
        assert.equal(failure.permanent, true);
        assert.equal(failure.url, `${ORIGIN}/big`);
    });
});

describe("lib/cli/http: the helpers", () => {
    it("joins a base URL with any number of trailing slashes to an absolute path", () => {
        assert.equal(joinUrl("https://core.example/prefix", "/api/query"), "https://core.example/prefix/api/query");
        assert.equal(joinUrl("https://core.example/prefix//", "/api/query"), "https://core.example/prefix/api/query");
        assert.equal(joinUrl("https://core.example///", "/api/query"), "https://core.example/api/query");
    });

    it("parses JSON without throwing, saying why a text is not JSON", () => {
        assert.deepEqual(tryParseJson('{"a":1}'), { ok: true, value: { a: 1 } });
        const bad = tryParseJson("{");
        assert.equal(bad.ok, false);
        assert.match(bad.ok ? "" : bad.error, /JSON/);
    });

    it("a failure is a RequestFailure by name too (stack traces and String(err) show it)", () => {
        const failure = toRequestFailure(
            new TypeError("fetch failed", { cause: Object.assign(new Error("x"), { code: "ECONNRESET" }) }),
            "GET",
            "http://h/x",
            1_000,
            false,
            false,
        );
        assert.equal(failure.name, "RequestFailure");
        assert.equal(failure.kind, "network");
        assert.equal(failure.code, "ECONNRESET");
        assert.equal(failure.detail, "failed: connection reset by the server (ECONNRESET)");
        assert.equal(String(failure), `RequestFailure: GET http://h/x ${failure.detail}`);
    });
});
