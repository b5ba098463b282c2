// What `npm run wait-for-version` (tools/lib/readiness.ts) takes as the version a readiness answer reports, what it
// asks, what it prints while it waits and when it gives up, pinned line by line. The clock is the test's own (it moves
// only when the wait sleeps), so every elapsed time in a line is exact.

import { strict as assert } from "node:assert";
import { normalizeVersion, reportedVersion, waitForVersion, WaitOptions } from "../../tools/lib/readiness";
import { LoopbackServer, closedPort, json, startLoopbackServer } from "../support/loopbackServer";

describe("the version a readiness answer reports", () => {
    it("strips only a leading v", () => {
        assert.equal(normalizeVersion("1.2.28-v2"), "1.2.28-v2");
        assert.equal(normalizeVersion("v1.2.28-v2"), "1.2.28-v2");
    });

    it("is a version-like string under a version key: not a dependency's version, not a word, not a number", () => {
        const cases: [unknown, string | undefined][] = [
            [{ postgres: "16.2", version: "1.2.28" }, "1.2.28"],
            [{ version: "git-1.2.28", release: "1.2.28" }, "1.2.28"],
            [{ version: 12, app_version: "1.2.28" }, "1.2.28"],
            [{ version: "10.2.0" }, "10.2.0"],
            [{ version: " v1.2.28 " }, "1.2.28"],
            // A null beside it is no object to search.
            [{ status: "ok", details: null, build: { version: "1.2.28" } }, "1.2.28"],
            // A list names other things (dependencies, checks), not the release itself.
            [{ checks: [{ name: "postgres", version: "16.2" }] }, undefined],
        ];
        for (const [body, version] of cases) assert.equal(reportedVersion(JSON.stringify(body)), version);
    });

    it("is looked for four levels deep, no deeper", () => {
        const nested = (levels: number): unknown =>
            levels === 0 ? { version: "1.2.28" } : { [`level${levels}`]: nested(levels - 1) };
        assert.equal(reportedVersion(JSON.stringify(nested(4))), "1.2.28");
        assert.equal(reportedVersion(JSON.stringify(nested(5))), undefined);
    });
});

describe("waiting for a version behind /health/ready", () => {
    let server: LoopbackServer | undefined;
    afterEach(async () => {
        await server?.close();
        server = undefined;
    });

    /** Serves the answers in order, the last one from then on; `undefined`: no answer at all. */
    async function serve(...answers: ([number, unknown] | undefined)[]): Promise<LoopbackServer> {
        server = await startLoopbackServer((_req, res) => {
            const answer = answers[Math.min(server!.requests.length, answers.length) - 1];
            if (answer !== undefined) json(res, answer[0], answer[1]);
        });
        return server;
    }

    /** waitForVersion on the test's clock, its log kept. */
    async function wait(options: Partial<WaitOptions> & Pick<WaitOptions, "url">) {
        let clock = 0;
        const lines: string[] = [];
        const outcome = await waitForVersion({
            version: "v1.2.28",
            timeoutMs: 10_000,
            intervalMs: 1000,
            settleMs: 60_000,
            requireVersion: false,
            now: () => clock,
            sleep: async (ms) => {
                clock += ms;
            },
            log: (line) => lines.push(line),
            ...options,
        });
        return { outcome, lines };
    }

    it("logs one line per change of the answer, at the time of the attempt, for the URL without its trailing slashes", async () => {
        const { url } = await serve(
            [503, { status: "starting" }],
            [503, { status: "starting" }],
            [200, { version: "1.2.27" }],
            [200, { version: "1.2.27" }],
            [200, { version: "1.2.28" }],
        );
        const { outcome, lines } = await wait({ url: `${url}//` });
        assert.deepEqual(outcome, { kind: "confirmed", attempts: 5, elapsedMs: 4000 });
        assert.deepEqual(lines, [
            `0ms: ${url}/health/ready: HTTP 503`,
            `2s: ${url}/health/ready: ready, running 1.2.27`,
        ]);
        assert.deepEqual(
            server!.requests.map((r) => `${r.method} ${r.path} ${r.headers.accept}`),
            Array(5).fill("GET /health/ready application/json"),
        );
    });

    it("readiness without a version is accepted once the settle time has passed, on the attempt that reaches it", async () => {
        const { url } = await serve([200, { status: "ok" }]);
        assert.deepEqual((await wait({ url, settleMs: 0 })).outcome, { kind: "unverified", attempts: 1, elapsedMs: 0 });
    });

    it("with --require-version, readiness without a version times out saying so", async () => {
        const { url } = await serve([200, { status: "ok" }]);
        const { outcome, lines } = await wait({ url, requireVersion: true, settleMs: 0, timeoutMs: 3000 });
        assert.deepEqual(outcome, {
            kind: "timeout",
            attempts: 3,
            elapsedMs: 3000,
            last: "ready, no version reported",
        });
        assert.deepEqual(lines, [`0ms: ${url}/health/ready: ready, no version reported`]);
    });

    it("an environment that cannot be reached is never taken as ready, and says why", async () => {
        const url = `http://127.0.0.1:${await closedPort()}`;
        const { outcome } = await wait({ url, settleMs: 0, timeoutMs: 2000 });
        const refused = "failed: connection refused (nothing is listening at that host and port) (ECONNREFUSED)";
        assert.deepEqual(outcome, { kind: "timeout", attempts: 2, elapsedMs: 2000, last: refused });
    });

    it("a request that used its whole time limit is the last answer: no answer in time", async () => {
        const { url } = await serve([503, {}], undefined);
        const { outcome, lines } = await wait({ url, requestTimeoutMs: 50, timeoutMs: 2000 });
        assert.deepEqual(outcome, { kind: "timeout", attempts: 2, elapsedMs: 2000, last: "no answer in time" });
        assert.deepEqual(lines, [`0ms: ${url}/health/ready: HTTP 503`, `1s: ${url}/health/ready: no answer in time`]);
    });

    it("an attempt cut short by the deadline says nothing: the last answer stays what the environment said", async () => {
        const { url } = await serve([503, {}], undefined);
        // The second attempt starts 50 ms before the deadline, so its request may take only those 50 ms.
        const { outcome, lines } = await wait({ url, timeoutMs: 1050 });
        assert.deepEqual(outcome, { kind: "timeout", attempts: 2, elapsedMs: 1050, last: "HTTP 503" });
        assert.deepEqual(lines, [`0ms: ${url}/health/ready: HTTP 503`, `1s: ${url}/health/ready: no answer in time`]);
    });

    it("a request is cut short at the deadline, not left to its own longer limit", async () => {
        const { url } = await serve(undefined);
        const lines: string[] = [];
        const started = Date.now();
        const outcome = await waitForVersion({
            url,
            version: "1.2.28",
            timeoutMs: 150,
            intervalMs: 1000,
            settleMs: 0,
            requireVersion: false,
            log: (line) => lines.push(line),
        });
        assert.ok(Date.now() - started < 3000, `${Date.now() - started} ms`);
        assert.equal(outcome.kind === "timeout" && outcome.last, "no answer in time");
        assert.equal(lines.length, 1);
        assert.match(lines[0], new RegExp(`^[0-9]+ms: ${url}/health/ready: no answer in time$`));
    });
});
