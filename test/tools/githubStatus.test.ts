import { strict as assert } from "node:assert";
import {
    CommitStatus,
    combinedStatusUrl,
    describeVerdict,
    evaluateGate,
    fetchCommitStatuses,
} from "../../tools/lib/githubStatus";
import { json, LoopbackServer, startLoopbackServer } from "../support/loopbackServer";

const TOKEN = "ghs_statusTokenForTests_0123456789";
const SHA = "0123456789abcdef0123456789abcdef01234567";

function status(context: string, state: string, updated = "2025-01-01T00:00:00Z"): CommitStatus {
    return { context, state, description: `${context} ${state}`, target_url: "https://ci/run/1", updated_at: updated };
}

describe("tools/lib/githubStatus: evaluating the gate", () => {
    it("reports the state of the context, or missing", () => {
        const statuses = [status("build", "success"), status("e2e-tests", "failure")];
        assert.equal(evaluateGate(statuses, "e2e-tests", "v1.2.3").state, "failure");
        assert.equal(evaluateGate(statuses, "build", "v1.2.3").state, "success");
        assert.equal(evaluateGate(statuses, "serviceradar/e2e", "v1.2.3").state, "missing");
        assert.equal(evaluateGate([status("e2e-tests", "pending")], "e2e-tests", "v1.2.3").state, "pending");
        assert.equal(evaluateGate([status("e2e-tests", "weird")], "e2e-tests", "v1.2.3").state, "error");
    });

    it("takes the most recent entry of a context", () => {
        const statuses = [
            status("e2e-tests", "failure", "2025-01-01T00:00:00Z"),
            status("e2e-tests", "success", "2025-01-02T00:00:00Z"),
        ];
        assert.equal(evaluateGate(statuses, "e2e-tests", "v1").state, "success");
        assert.equal(evaluateGate([...statuses].reverse(), "e2e-tests", "v1").state, "success");
    });

    it("describes the verdict with repository, ref, sha and details", () => {
        const verdict = evaluateGate([status("e2e-tests", "failure")], "e2e-tests", "v1.2.3", SHA);
        assert.equal(
            describeVerdict(verdict, "o/r"),
            'commit status "e2e-tests" is failure on o/r@v1.2.3 (0123456789ab): e2e-tests failure - https://ci/run/1',
        );
        assert.match(describeVerdict(evaluateGate([], "e2e-tests", "v1"), "o/r"), /is missing on o\/r@v1/);
    });

    it("builds the combined-status URL, keeping slashes of branch refs", () => {
        assert.equal(
            combinedStatusUrl("https://api.github.com/", "carverauto/serviceradar", "heads/environment/demo-staging"),
            "https://api.github.com/repos/carverauto/serviceradar/commits/heads/environment/demo-staging/status?per_page=100&page=1",
        );
    });
});

describe("tools/lib/githubStatus: reading statuses from the API stand-in", () => {
    let server: LoopbackServer | undefined;
    afterEach(async () => {
        await server?.close();
        server = undefined;
    });

    it("sends the token as a Bearer header to GET /repos/{owner}/{repo}/commits/{ref}/status", async () => {
        server = await startLoopbackServer((_req, res) =>
            json(res, 200, { sha: SHA, total_count: 1, statuses: [status("e2e-tests", "success")] }),
        );
        const result = await fetchCommitStatuses({
            apiUrl: server.url,
            repo: "carverauto/serviceradar",
            ref: "v1.2.3",
            token: TOKEN,
        });
        assert.ok(result.ok);
        assert.equal(result.sha, SHA);
        assert.equal(server.requests.length, 1);
        assert.equal(server.requests[0].method, "GET");
        assert.equal(
            server.requests[0].path,
            "/repos/carverauto/serviceradar/commits/v1.2.3/status?per_page=100&page=1",
        );
        assert.equal(server.requests[0].headers.authorization, `Bearer ${TOKEN}`);
    });

    it("follows pages until every status is read", async () => {
        const all = Array.from({ length: 150 }, (_, i) => status(`ctx-${i}`, "success"));
        server = await startLoopbackServer((req, res) => {
            const page = Number(new URL(req.url ?? "/", "http://x").searchParams.get("page"));
            json(res, 200, { sha: SHA, total_count: 150, statuses: all.slice((page - 1) * 100, page * 100) });
        });
        const result = await fetchCommitStatuses({ apiUrl: server.url, repo: "o/r", ref: "v1", token: TOKEN });
        assert.ok(result.ok);
        assert.equal(result.statuses.length, 150);
        assert.equal(server.requests.length, 2);
    });

    it("explains 404 and 401 without retrying and without the token", async () => {
        server = await startLoopbackServer((req, res) =>
            json(res, req.url?.includes("/missing/") ? 404 : 401, { message: `bad ${req.headers.authorization}` }),
        );
        const missing = await fetchCommitStatuses({
            apiUrl: server.url,
            repo: "o/r",
            ref: "missing/ref",
            token: TOKEN,
            retryDelayMs: 1,
        });
        assert.ok(!missing.ok && missing.httpStatus === 404 && /no ref missing\/ref in o\/r/.test(missing.message));
        const denied = await fetchCommitStatuses({
            apiUrl: server.url,
            repo: "o/r",
            ref: "v1",
            token: TOKEN,
            retryDelayMs: 1,
        });
        assert.ok(!denied.ok && denied.httpStatus === 401 && /rejected the token/.test(denied.message));
        assert.equal(server.requests.length, 2);
    });

    it("retries 5xx, then reports the answer with the token redacted", async () => {
        server = await startLoopbackServer((req, res) => json(res, 502, { echoed: req.headers.authorization }));
        const result = await fetchCommitStatuses({
            apiUrl: server.url,
            repo: "o/r",
            ref: "v1",
            token: TOKEN,
            attempts: 3,
            retryDelayMs: 1,
        });
        assert.ok(!result.ok);
        assert.equal(server.requests.length, 3);
        assert.match(result.message, /HTTP 502/);
        assert.ok(!result.message.includes(TOKEN), result.message);
        assert.ok(result.message.includes("Bearer [REDACTED]"), result.message);
    });

    it("times out a silent server", async () => {
        server = await startLoopbackServer(() => undefined);
        const result = await fetchCommitStatuses({
            apiUrl: server.url,
            repo: "o/r",
            ref: "v1",
            token: TOKEN,
            timeoutMs: 200,
            attempts: 1,
        });
        assert.ok(!result.ok && /no answer within/.test(result.message), !result.ok ? result.message : "ok");
    });
});
