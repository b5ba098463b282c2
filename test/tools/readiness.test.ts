import { strict as assert } from "node:assert";
import { EXIT } from "../../lib/cli/exitCodes";
import { normalizeVersion, reportedVersion, waitForVersion } from "../../tools/lib/readiness";
import { runWaitCommand } from "../../tools/lib/waitCommand";
import { runInProcess } from "../support/commands";
import { json, LoopbackServer, startLoopbackServer } from "../support/loopbackServer";

describe("tools/lib/readiness", () => {
    it("finds a version-like field in a readiness answer", () => {
        assert.equal(reportedVersion('{"status":"ok","version":"v1.2.28"}'), "1.2.28");
        assert.equal(reportedVersion('{"status":"ok","build":{"app_version":"1.2.28"}}'), "1.2.28");
        assert.equal(reportedVersion('{"status":"ok","checks":{"db":"ok"}}'), undefined);
        assert.equal(reportedVersion('{"schema_version":12}'), undefined);
        assert.equal(reportedVersion("OK"), undefined);
        assert.equal(normalizeVersion(" v1.0.0 "), "1.0.0");
    });

    describe("waiting against a stand-in", () => {
        let server: LoopbackServer | undefined;
        afterEach(async () => {
            await server?.close();
            server = undefined;
        });

        it("waits through 503 and the old version until the new version is served", async () => {
            const answers: Array<[number, unknown]> = [
                [503, { status: "starting" }],
                [200, { status: "ok", version: "1.2.27" }],
                [200, { status: "ok", version: "1.2.28" }],
            ];
            server = await startLoopbackServer((req, res) => {
                assert.equal(req.url, "/health/ready");
                const [code, body] = answers[Math.min(server?.requests.length ?? 1, answers.length) - 1];
                json(res, code, body);
            });
            const outcome = await waitForVersion({
                url: server.url,
                version: "1.2.28",
                timeoutMs: 5000,
                intervalMs: 5,
                settleMs: 0,
                requireVersion: false,
            });
            assert.equal(outcome.kind, "confirmed");
            assert.equal(server.requests.length, 3);
        });

        it("times out while the old version is still served", async () => {
            server = await startLoopbackServer((_req, res) => json(res, 200, { version: "1.2.27" }));
            const outcome = await waitForVersion({
                url: server.url,
                version: "1.2.28",
                timeoutMs: 100,
                intervalMs: 10,
                settleMs: 0,
                requireVersion: false,
            });
            assert.equal(outcome.kind, "timeout");
            assert.ok(outcome.kind === "timeout" && outcome.last === "ready, running 1.2.27");
        });

        it("accepts readiness without a version only after the settle time, or never with --require-version", async () => {
            server = await startLoopbackServer((_req, res) => json(res, 200, { status: "ok" }));
            const settled = await waitForVersion({
                url: server.url,
                version: "1.2.28",
                timeoutMs: 2000,
                intervalMs: 10,
                settleMs: 60,
                requireVersion: false,
            });
            assert.equal(settled.kind, "unverified");
            assert.ok(
                settled.elapsedMs >= 60 && server.requests.length > 1,
                `${settled.elapsedMs}ms, ${server.requests.length} requests`,
            );
            const strict = await waitForVersion({
                url: server.url,
                version: "1.2.28",
                timeoutMs: 100,
                intervalMs: 10,
                settleMs: 0,
                requireVersion: true,
            });
            assert.equal(strict.kind, "timeout");
        });

        it("the CLI exits 0 when confirmed, 1 on timeout, 2 on bad input (through its entry)", async () => {
            server = await startLoopbackServer((_req, res) => json(res, 200, { version: "v2.0.0" }));
            const wait = (args: string[], env: Record<string, string> = {}) =>
                runInProcess(runWaitCommand, args, { env });
            const confirmed = await wait(["--version", "2.0.0", "--interval", "10ms"], {
                SERVICERADAR_CORE_URL: server.url,
            });
            assert.equal(confirmed.code, EXIT.ok, confirmed.stdout + confirmed.stderr);
            assert.match(confirmed.stdout, /serves 2\.0\.0/);
            const late = await wait([
                "--url",
                server.url,
                "--version",
                "2.0.1",
                "--timeout",
                "100ms",
                "--interval",
                "10ms",
                "--settle",
                "0",
            ]);
            assert.equal(late.code, EXIT.refused);
            assert.match(late.stderr, /did not serve 2\.0\.1 .*last: ready, running 2\.0\.0/);
            assert.equal((await wait(["--url", server.url, "--version", "v2"])).code, EXIT.usage);
            assert.equal((await wait(["--version", "2.0.0"])).code, EXIT.usage);
            assert.equal((await wait(["--url", "https://u:p@x", "--version", "2.0.0"])).code, EXIT.usage);
        });
    });
});
