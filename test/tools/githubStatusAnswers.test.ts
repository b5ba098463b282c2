// How the promotion gate reads each answer of GET /repos/{owner}/{repo}/commits/{ref}/status: GitHub's own answers
// come from the OpenAPI-checked stand-in (test/support/statusStandIn.ts); answers GitHub does not send (text, a 300,
// a broken body, a page that never ends) from a bare loopback server, since the stand-in refuses to send them.

import { strict as assert } from "node:assert";
import {
    CommitStatus,
    GateVerdict,
    StatusFetch,
    StatusQuery,
    combinedStatusUrl,
    describeVerdict,
    evaluateGate,
    fetchCommitStatuses,
} from "../../tools/lib/githubStatus";
import { RELEASE_SHA, serviceRadarRelease } from "../support/statusScenarios";
import { json, LoopbackServer, send, startLoopbackServer } from "../support/loopbackServer";
import { GitHubStandIn, StandInCommitStatus, StandInRepository, startGitHubStandIn } from "../support/statusStandIn";

// No token shape the Redactor knows by its look (no ghp_/Bearer): only the redactor given the token can hide it.
const TOKEN = "plain-secret-for-the-gate-7f3a";
const SHA = RELEASE_SHA;

function contexts(count: number): StandInCommitStatus[] {
    return Array.from({ length: count }, (_, i) => ({ context: `ctx-${i}`, state: "success" as const }));
}

function failed(result: StatusFetch): { message: string; httpStatus?: number } {
    assert.ok(!result.ok, "expected a failure");
    return { message: result.message, httpStatus: result.httpStatus };
}

describe("tools/lib/githubStatus: GitHub's answers to the combined status, as the stand-in serves them", () => {
    let gitHub: GitHubStandIn | undefined;
    afterEach(async () => {
        assert.deepEqual(gitHub?.schemaErrors ?? [], []);
        await gitHub?.close();
        gitHub = undefined;
    });

    async function read(repo: StandInRepository, ref = "v1.4.0"): Promise<StatusFetch> {
        gitHub = await startGitHubStandIn(repo, TOKEN);
        return fetchCommitStatuses({
            apiUrl: gitHub.url,
            repo: "carverauto/serviceradar",
            ref,
            token: TOKEN,
            retryDelayMs: 1,
        });
    }

    it("reads 230 contexts in three pages of 100 and stops at total_count", async () => {
        const result = await read(serviceRadarRelease(contexts(230)));
        assert.ok(result.ok);
        assert.equal(result.sha, SHA);
        assert.deepEqual(
            result.statuses.map((s) => s.context),
            contexts(230).map((s) => s.context),
        );
        assert.deepEqual(
            gitHub?.requests,
            [1, 2, 3].map(
                (page) => `GET /repos/carverauto/serviceradar/commits/v1.4.0/status?per_page=100&page=${page}`,
            ),
        );
    });

    it("asks for no second page when the first holds all 100 of total_count", async () => {
        const result = await read(serviceRadarRelease(contexts(100)));
        assert.ok(result.ok);
        assert.equal(result.statuses.length, 100);
        assert.equal(gitHub?.requests.length, 1);
    });

    it("names the repository and ref on a 403, quoting GitHub, asked once", async () => {
        const refusal = { status: 403, message: "Resource not accessible by personal access token" };
        const { message, httpStatus } = failed(await read(serviceRadarRelease([], refusal)));
        assert.equal(httpStatus, 403);
        assert.equal(
            message,
            "GitHub refused to read the status of carverauto/serviceradar@v1.4.0 (HTTP 403: " +
                '{"message":"Resource not accessible by personal access token",' +
                '"documentation_url":"https://docs.github.com/rest","status":"403"}); ' +
                "check the token's access or rate limit",
        );
        assert.equal(gitHub?.requests.length, 1);
    });

    it("reports a 429 with retry-after as a refusal at once, not waited out nor retried", async () => {
        const refusal = { status: 429, message: "API rate limit exceeded", headers: { "retry-after": "30" } };
        const { message, httpStatus } = failed(await read(serviceRadarRelease([], refusal)));
        assert.equal(httpStatus, 429);
        assert.equal(
            message,
            "GitHub refused to read the status of carverauto/serviceradar@v1.4.0 (HTTP 429: " +
                '{"message":"API rate limit exceeded","documentation_url":"https://docs.github.com/rest","status":"429"}); ' +
                "check the token's access or rate limit",
        );
        assert.equal(gitHub?.requests.length, 1);
    });

    it("hides the token GitHub echoes in a refusal, spelled bare", async () => {
        const refusal = { status: 403, message: `token ${TOKEN} lacks statuses:read` };
        const { message } = failed(await read(serviceRadarRelease([], refusal)));
        assert.ok(!message.includes(TOKEN), message);
        assert.match(message, /token \[REDACTED\] lacks statuses:read/);
    });

    it("says which ref is unknown on a 404 and that the token may not see the repository", async () => {
        const { message, httpStatus } = failed(await read(serviceRadarRelease([]), "v9.9.9"));
        assert.equal(httpStatus, 404);
        assert.equal(
            message,
            "GitHub has no ref v9.9.9 in carverauto/serviceradar (HTTP 404), or the token cannot see the repository",
        );
    });

    it("says the token was rejected on a 401", async () => {
        gitHub = await startGitHubStandIn(serviceRadarRelease([]), "another-token");
        const result = await fetchCommitStatuses({
            apiUrl: gitHub.url,
            repo: "carverauto/serviceradar",
            ref: "v1.4.0",
            token: TOKEN,
        });
        assert.deepEqual(failed(result), {
            message:
                "GitHub rejected the token (HTTP 401) reading the status of carverauto/serviceradar@v1.4.0; check GITHUB_TOKEN",
            httpStatus: 401,
        });
    });
});

describe("tools/lib/githubStatus: answers GitHub does not send, from a bare loopback server", () => {
    let server: LoopbackServer | undefined;
    afterEach(async () => {
        await server?.close();
        server = undefined;
    });

    const query = (url: string, more: Partial<StatusQuery> = {}): StatusQuery => ({
        apiUrl: url,
        repo: "o/r",
        ref: "v1",
        token: TOKEN,
        retryDelayMs: 1,
        ...more,
    });

    /** Serves `pages[page - 1]` as JSON (the last one for any page past them). */
    async function pages(...bodies: unknown[]): Promise<StatusFetch> {
        server = await startLoopbackServer((req, res) => {
            const page = Number(new URL(req.url ?? "/", "http://x").searchParams.get("page"));
            json(res, 200, bodies[Math.min(page, bodies.length) - 1]);
        });
        return fetchCommitStatuses(query(server.url));
    }

    const entries = (count: number, from = 0): CommitStatus[] =>
        Array.from({ length: count }, (_, i) => ({ context: `c${from + i}`, state: "success" }));

    it("ends at a page shorter than per_page, even if total_count promises more", async () => {
        const result = await pages({ total_count: 130, statuses: entries(30) }, { total_count: 130, statuses: [] });
        assert.ok(result.ok);
        assert.equal(result.statuses.length, 30);
        assert.equal(server?.requests.length, 1);
    });

    it("ignores a total_count that is not a number and reads on to the short page", async () => {
        const result = await pages(
            { total_count: "1", statuses: entries(100) },
            { total_count: "1", statuses: entries(5, 100) },
        );
        assert.ok(result.ok);
        assert.equal(result.statuses.length, 105);
        assert.equal(server?.requests.length, 2);
    });

    it("stops after ten full pages whatever total_count says", async () => {
        const result = await pages({ total_count: 5000, statuses: entries(100) });
        assert.ok(result.ok);
        assert.equal(result.statuses.length, 1000);
        assert.deepEqual(
            server?.requests.map((r) => new URL(r.path, "http://x").searchParams.get("page")),
            ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"],
        );
    });

    it("keeps only entries with a string context and state", async () => {
        const good = { context: "e2e-tests", state: "success" };
        const result = await pages({
            statuses: [null, "e2e-tests", 7, { context: 1, state: "success" }, { context: "e2e-tests" }, good],
        });
        assert.ok(result.ok);
        assert.deepEqual(result.statuses, [good]);
    });

    it("keeps a sha only when it is 40 hex digits, whatever their case", async () => {
        const hex = "0123456789abcdef0123456789ABCDEF01234567";
        for (const [sha, kept] of [
            [hex, hex],
            [`zz${hex}`, undefined],
            [`${hex}zz`, undefined],
            [42, undefined],
            // Not a string, though it reads as one: String([hex]) is the hex.
            [[hex], undefined],
        ] as const) {
            const result = await pages({ sha, statuses: [] });
            assert.ok(result.ok);
            assert.equal(result.sha, kept, String(sha));
            await server?.close();
        }
    });

    for (const [what, body] of [
        ["null", null],
        ["an object without statuses", {}],
        ["statuses that are not a list", { statuses: "e2e-tests: success" }],
        ["a number", 42],
    ] as const) {
        it(`fails on ${what} instead of a combined status`, async () => {
            assert.deepEqual(failed(await pages(body)), {
                message: "GitHub's answer has no statuses[] list",
                httpStatus: undefined,
            });
        });
    }

    it("reads JSON sent as text/plain", async () => {
        server = await startLoopbackServer((_req, res) =>
            send(res, 200, JSON.stringify({ statuses: [{ context: "e2e-tests", state: "success" }] })),
        );
        const result = await fetchCommitStatuses(query(server.url));
        assert.ok(result.ok);
        assert.deepEqual(result.statuses, [{ context: "e2e-tests", state: "success" }]);
    });

    it("quotes, redacted, a text answer that is not JSON", async () => {
        server = await startLoopbackServer((_req, res) => send(res, 200, `<html>proxy login for ${TOKEN}</html>`));
        assert.deepEqual(failed(await fetchCommitStatuses(query(server.url))), {
            message: "GitHub answered with something that is not JSON: <html>proxy login for [REDACTED]</html>",
            httpStatus: undefined,
        });
    });

    it("reports a 300 (not a redirect GitHub's client follows) with its body", async () => {
        server = await startLoopbackServer((_req, res) => json(res, 300, { choices: ["a", "b"] }));
        assert.deepEqual(failed(await fetchCommitStatuses(query(server.url))), {
            message: 'GitHub answered HTTP 300 reading the status of o/r@v1: {"choices":["a","b"]}',
            httpStatus: 300,
        });
    });

    it("asks once when told one attempt, even on a 502", async () => {
        server = await startLoopbackServer((_req, res) => json(res, 502, { message: "Bad Gateway" }));
        const { message } = failed(await fetchCommitStatuses(query(server.url, { attempts: 1 })));
        assert.equal(message, 'GitHub answered HTTP 502 reading the status of o/r@v1: {"message":"Bad Gateway"}');
        assert.equal(server.requests.length, 1);
    });

    it("gives up on a silent server after the given time, and says how long it waited", async function () {
        // Well below the 15 s default: a request that waited for the default would fail this test on its timeout.
        this.timeout(5_000);
        server = await startLoopbackServer(() => undefined);
        const { message } = failed(await fetchCommitStatuses(query(server.url, { timeoutMs: 300, attempts: 1 })));
        assert.equal(message, `could not reach GitHub at ${server.url}: no answer within 300ms`);
    });
});

describe("tools/lib/githubStatus: the gate's verdict and its line", () => {
    const at = (updated: string | undefined, state: string): CommitStatus => ({
        context: "e2e-tests",
        state,
        updated_at: updated,
    });

    it("takes the first listed of two entries of the same time", () => {
        const same = "2025-01-01T00:00:00Z";
        assert.equal(evaluateGate([at(same, "failure"), at(same, "success")], "e2e-tests", "v1").state, "failure");
        assert.equal(
            evaluateGate([at(undefined, "pending"), at(undefined, "success")], "e2e-tests", "v1").state,
            "pending",
        );
    });

    it("says a missing gate never reported, without a sha when none is known", () => {
        assert.equal(
            describeVerdict(evaluateGate([], "e2e-tests", "v1.4.0"), "o/r"),
            'commit status "e2e-tests" is missing on o/r@v1.4.0: the e2e gate never reported there',
        );
    });

    it("adds description and target_url only when they are non-empty text", () => {
        const line = (status: Partial<CommitStatus>) =>
            describeVerdict(evaluateGate([{ ...at(undefined, "success"), ...status }], "e2e-tests", "v1"), "o/r");
        assert.equal(line({}), 'commit status "e2e-tests" is success on o/r@v1');
        assert.equal(line({ description: "", target_url: null }), 'commit status "e2e-tests" is success on o/r@v1');
        assert.equal(
            line({ description: "", target_url: "https://ci/run/7" }),
            'commit status "e2e-tests" is success on o/r@v1: https://ci/run/7',
        );
    });

    it("describes a verdict that carries no status entry", () => {
        const verdict: GateVerdict = { state: "pending", context: "e2e-tests", ref: "v1" };
        assert.equal(describeVerdict(verdict, "o/r"), 'commit status "e2e-tests" is pending on o/r@v1');
    });

    it("drops every trailing slash of the API root from the combined-status URL", () => {
        assert.equal(
            combinedStatusUrl("https://ghe.example.com/api/v3//", "o/r", "v1", 2),
            "https://ghe.example.com/api/v3/repos/o/r/commits/v1/status?per_page=100&page=2",
        );
    });
});
