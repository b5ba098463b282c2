import { strict as assert } from "node:assert";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXIT } from "../../lib/cli/exitCodes";
import { runCli, runE2eCommand } from "../../e2e/main";
import { CommandResult, runInProcess, spawnCommand } from "../support/commands";
import {
    ACCESS_TOKEN,
    ADMIN_PASSWORD,
    assertWellFormedXml,
    captureIO,
    startFakeGitHub,
    startFakeServiceRadar,
} from "./helpers";
import { closedPort, LoopbackServer, send } from "../support/loopbackServer";

const SHA = "0123456789abcdef0123456789abcdef01234567";
const GITHUB_TOKEN = "ghs_TESTtoken1234567890abcdefSECRET";
const FAST = ["--ready-interval", "20ms", "--ready-timeout", "2s", "--check-timeout", "1s"];

function assertNoSecrets(text: string): void {
    for (const secret of [ADMIN_PASSWORD, encodeURIComponent(ADMIN_PASSWORD), ACCESS_TOKEN, GITHUB_TOKEN]) {
        assert.ok(!text.includes(secret), `secret leaked in output:\n${text}`);
    }
}

describe("e2e gate CLI (in process)", () => {
    let sr: LoopbackServer | undefined;
    let gh: (LoopbackServer & { statuses: import("./helpers").PostedStatus[] }) | undefined;
    let dir: string | undefined;

    afterEach(async () => {
        await sr?.close();
        await gh?.close();
        if (dir) {
            await rm(dir, { recursive: true, force: true });
        }
        sr = undefined;
        gh = undefined;
        dir = undefined;
    });

    function statusEnv(extra: Record<string, string> = {}): Record<string, string> {
        return {
            SERVICERADAR_ADMIN_PASSWORD: ADMIN_PASSWORD,
            GITHUB_TOKEN,
            GITHUB_REPOSITORY: "carverauto/serviceradar",
            GITHUB_SERVER_URL: "https://github.com",
            GITHUB_RUN_ID: "987654",
            ...extra,
        };
    }

    it("posts pending then success with the token in the Authorization header, and prints no secret", async () => {
        sr = await startFakeServiceRadar({ notReadyCount: 1 });
        gh = await startFakeGitHub();
        const out = captureIO();
        const code = await runCli(
            [
                "--url",
                sr.url,
                ...FAST,
                "--report-sha",
                SHA,
                "--repo",
                "carverauto/serviceradar-gitops",
                "--github-api",
                gh.url,
            ],
            statusEnv(),
            out.io,
        );
        assert.equal(code, EXIT.ok, out.all());
        assert.deepEqual(
            gh.statuses.map((s) => s.body.state),
            ["pending", "success"],
        );
        for (const status of gh.statuses) {
            assert.equal(status.path, `/repos/carverauto/serviceradar-gitops/statuses/${SHA}`);
            assert.equal(status.authorization, `Bearer ${GITHUB_TOKEN}`);
            assert.equal(status.accept, "application/vnd.github+json");
            assert.equal(status.apiVersion, "2022-11-28");
            assert.equal(status.body.context, "e2e-tests");
            assert.equal(status.body.target_url, "https://github.com/carverauto/serviceradar/actions/runs/987654");
            assert.ok((status.body.description ?? "").length <= 140);
        }
        assert.match(gh.statuses[1].body.description ?? "", /^5\/5 checks passed in /);
        const text = out.all();
        assert.match(text, /waiting for readiness: attempt 1, last HTTP 503/);
        assert.match(text, /^PASS\s+devices/m);
        assert.match(text, /Summary: PASSED: 5\/5 checks passed/);
        assert.match(text, /commit status: success/);
        assertNoSecrets(text);
    });

    it("posts failure when a check fails, exits 1, and writes a JUnit report that counts it", async () => {
        sr = await startFakeServiceRadar({ password: "not-the-configured-one" });
        gh = await startFakeGitHub();
        dir = await mkdtemp(join(tmpdir(), "e2e-gate-"));
        const junit = join(dir, "nested", "e2e-junit.xml");
        const out = captureIO();
        const code = await runCli(
            [
                "--url",
                sr.url,
                ...FAST,
                "--junit",
                junit,
                "--report-sha",
                SHA,
                "--github-api",
                gh.url,
                "--status-context",
                "e2e-tests/demo-staging",
            ],
            statusEnv(),
            out.io,
        );
        assert.equal(code, EXIT.checksFailed, out.all());
        assert.deepEqual(
            gh.statuses.map((s) => [s.body.state, s.body.context]),
            [
                ["pending", "e2e-tests/demo-staging"],
                ["failure", "e2e-tests/demo-staging"],
            ],
        );
        assert.equal(
            gh.statuses[1].body.description,
            "2/5 checks passed; failed: auth (credentials); skipped: query, devices",
        );
        const text = out.all();
        assert.match(
            text,
            /^FAIL\s+auth\s+\S+\s+authentication .*credentials rejected for root@localhost \(HTTP 401 invalid_grant/m,
        );
        assert.match(text, /category: credentials problem/);
        assert.match(text, /HTTP 401, body: \{"error":"invalid_grant"/);
        assert.match(text, /Summary: FAILED: 2\/5 checks passed, 1 failed, 2 skipped in \S+; broken: credentials$/m);
        assertNoSecrets(text);

        const xml = await readFile(junit, "utf8");
        const elements = assertWellFormedXml(xml);
        assert.equal(elements.filter((e) => e === "testcase").length, 5);
        assert.equal(elements.filter((e) => e === "failure").length, 1);
        assert.equal(elements.filter((e) => e === "skipped").length, 2);
        assert.match(
            xml,
            /<testsuite name="serviceradar-e2e" tests="5" failures="1" errors="0" skipped="2" time="\d+\.\d{3}"/,
        );
        assertNoSecrets(xml);
    });

    it("exits 2 with one line on stderr for a missing password, and still reports error to GitHub", async () => {
        gh = await startFakeGitHub();
        const out = captureIO();
        const code = await runCli(
            ["--url", "http://127.0.0.1:9", "--report-sha", SHA, "--github-api", gh.url],
            statusEnv({ SERVICERADAR_ADMIN_PASSWORD: "" }),
            out.io,
        );
        assert.equal(code, EXIT.usage);
        assert.equal(
            out.stderr[0],
            "e2e: SERVICERADAR_ADMIN_PASSWORD is not set (the admin password of the environment under test)",
        );
        assert.deepEqual(
            gh.statuses.map((s) => s.body.state),
            ["error"],
        );
        assert.match(
            gh.statuses[0].body.description ?? "",
            /^e2e gate configuration error: SERVICERADAR_ADMIN_PASSWORD is not set/,
        );
    });

    it("exits 4 when checks pass but the final status cannot be posted, without leaking the token", async () => {
        sr = await startFakeServiceRadar();
        gh = await startFakeGitHub((count) =>
            count === 1
                ? { status: 201, body: {} }
                : { status: 403, body: { message: `Bad credentials for ${GITHUB_TOKEN}` } },
        );
        const out = captureIO();
        const code = await runCli(
            ["--url", sr.url, ...FAST, "--report-sha", SHA, "--github-api", gh.url],
            statusEnv(),
            out.io,
            {
                statusRetryDelayMs: 0,
            },
        );
        assert.equal(code, EXIT.reportNotDelivered, out.all());
        assert.equal(gh.statuses.length, 2, "4xx is not retried");
        assert.match(
            out.stderr.join("\n"),
            /could not post the success commit status: GitHub answered HTTP 403 .*Bad credentials for \[REDACTED\]/,
        );
        assertNoSecrets(out.all());
    });

    it("retries a 5xx from GitHub and succeeds", async () => {
        sr = await startFakeServiceRadar();
        gh = await startFakeGitHub((count) =>
            count === 2 ? { status: 502, body: "bad gateway" } : { status: 201, body: {} },
        );
        const out = captureIO();
        const code = await runCli(
            ["--url", sr.url, ...FAST, "--report-sha", SHA, "--github-api", gh.url],
            statusEnv(),
            out.io,
            {
                statusRetryDelayMs: 0,
            },
        );
        assert.equal(code, EXIT.ok, out.all());
        assert.deepEqual(
            gh.statuses.map((s) => s.body.state),
            ["pending", "success", "success"],
        );
    });

    it("on cancellation posts error so the status never stays pending, and exits 130", async () => {
        sr = await startFakeServiceRadar({ notReadyCount: Infinity });
        gh = await startFakeGitHub();
        const cancel = new AbortController();
        const out = captureIO();
        setTimeout(() => cancel.abort(), 150);
        const started = Date.now();
        const code = await runCli(
            [
                "--url",
                sr.url,
                "--ready-timeout",
                "30s",
                "--ready-interval",
                "50ms",
                "--report-sha",
                SHA,
                "--github-api",
                gh.url,
            ],
            statusEnv(),
            out.io,
            { signal: cancel.signal },
        );
        assert.equal(code, EXIT.cancelled);
        assert.ok(Date.now() - started < 2000);
        assert.deepEqual(
            gh.statuses.map((s) => s.body.state),
            ["pending", "error"],
        );
        assert.match(gh.statuses[1].body.description ?? "", /cancelled/);
    });

    it("on an internal crash posts error and exits 3 with one line", async () => {
        gh = await startFakeGitHub();
        const out = captureIO();
        const code = await runCli(
            ["--url", "http://127.0.0.1:9", "--report-sha", SHA, "--github-api", gh.url],
            statusEnv(),
            out.io,
            {
                runGate: async () => {
                    throw new Error(`unexpected\nsecond line ${ADMIN_PASSWORD}`);
                },
            },
        );
        assert.equal(code, EXIT.gateInternalError);
        assert.deepEqual(
            gh.statuses.map((s) => s.body.state),
            ["pending", "error"],
        );
        assert.deepEqual(out.stderr, ["e2e: internal error: Error: unexpected"]);
    });
});

describe("e2e gate CLI through its entry (what e2e/cli.ts runs)", () => {
    let sr: LoopbackServer | undefined;

    afterEach(async () => {
        await sr?.close();
        sr = undefined;
    });

    it("exits 0 and prints an all-PASS report for a healthy deployment", async () => {
        sr = await startFakeServiceRadar();
        const result = await runInProcess(runE2eCommand, ["--url", sr.url, ...FAST], {
            env: { SERVICERADAR_ADMIN_PASSWORD: ADMIN_PASSWORD },
        });
        assert.equal(result.code, 0, result.stdout + result.stderr);
        assert.equal((result.stdout.match(/^PASS /gm) ?? []).length, 5, result.stdout);
        assert.match(result.stdout, /Summary: PASSED: 5\/5 checks passed/);
        assert.equal(result.stderr, "");
        assertNoSecrets(result.stdout + result.stderr);
    });

    it("exits 2 with a one-line error when the password is missing, and 0 for --help", async () => {
        const missing = await runInProcess(runE2eCommand, ["--url", "http://127.0.0.1:9"], { env: {} });
        assert.equal(missing.code, 2);
        assert.equal(missing.stdout, "");
        assert.equal(
            missing.stderr,
            "e2e: SERVICERADAR_ADMIN_PASSWORD is not set (the admin password of the environment under test)\nRun with --help for usage.\n",
        );
        const help = await runInProcess(runE2eCommand, ["--help"], { env: {} });
        assert.equal(help.code, 0);
        assert.match(help.stdout, /^Usage: npm run e2e -- --url <coreUrl> \[options\]/);
    });

    it("uses SERVICERADAR_CORE_URL, reports a data-path failure and exits 1", async () => {
        sr = await startFakeServiceRadar({
            routes: { "GET /api/devices": (_req, res) => send(res, 500, { error: "internal_error" }) },
        });
        const result = await runInProcess(runE2eCommand, FAST, {
            env: { SERVICERADAR_ADMIN_PASSWORD: ADMIN_PASSWORD, SERVICERADAR_CORE_URL: sr.url },
        });
        assert.equal(result.code, 1, result.stdout + result.stderr);
        assert.match(result.stdout, /^FAIL\s+devices .*server error \(HTTP 500 internal_error\)$/m);
        assert.match(result.stdout, /category: data-path problem/);
        assert.match(
            result.stdout,
            /Summary: FAILED: 4\/5 checks passed, 1 failed, 0 skipped in \S+; broken: data-path/,
        );
        assertNoSecrets(result.stdout + result.stderr);
    });
});

// What only the real entry file in its own process shows: its own exit with no stack trace, and a signal turned into
// a cancelled gate. The two children are independent, so they run at the same time.
describe("e2e gate CLI (child process, as CI runs it)", function () {
    this.timeout(20_000);
    const CLI = "e2e/cli.ts";
    let sr: LoopbackServer | undefined;
    let gh: (LoopbackServer & { statuses: import("./helpers").PostedStatus[] }) | undefined;
    let refusedPort = 0;
    let refused: CommandResult;
    let terminated: CommandResult;

    before(async () => {
        sr = await startFakeServiceRadar({ notReadyCount: Infinity });
        gh = await startFakeGitHub();
        refusedPort = await closedPort();
        let killed = false;
        [refused, terminated] = await Promise.all([
            spawnCommand(
                CLI,
                ["--url", `http://127.0.0.1:${refusedPort}`, "--ready-timeout", "300ms", "--ready-interval", "100ms"],
                { env: { SERVICERADAR_ADMIN_PASSWORD: ADMIN_PASSWORD } },
            ),
            spawnCommand(
                CLI,
                [
                    "--url",
                    sr.url,
                    "--ready-timeout",
                    "60s",
                    "--ready-interval",
                    "100ms",
                    "--report-sha",
                    SHA,
                    "--repo",
                    "o/r",
                    "--github-api",
                    gh.url,
                ],
                {
                    env: { SERVICERADAR_ADMIN_PASSWORD: ADMIN_PASSWORD, GITHUB_TOKEN },
                    onStdout: (stdout, child) => {
                        if (!killed && stdout.includes("waiting for readiness: attempt 2")) {
                            killed = true;
                            child.kill("SIGTERM");
                        }
                    },
                },
            ),
        ]);
    });

    after(async () => {
        await sr?.close();
        await gh?.close();
    });

    it("exits 1 with a plain one-line cause for a refused connection (no stack trace)", () => {
        const result = refused;
        assert.equal(result.code, 1, result.stdout + result.stderr);
        assert.match(
            result.stdout,
            new RegExp(
                `^FAIL\\s+liveness .*GET http://127\\.0\\.0\\.1:${refusedPort}/health/live failed: connection refused .*\\(ECONNREFUSED\\)$`,
                "m",
            ),
        );
        assert.match(result.stdout, /category: deployment problem/);
        assert.ok(!/\n\s+at /.test(result.stdout + result.stderr), "no stack trace");
    });

    it("on SIGTERM while waiting, posts error instead of leaving the status pending, and exits 130", () => {
        const result = terminated;
        assert.equal(result.code, 130, result.stdout + result.stderr);
        assert.match(result.stderr, /^e2e: received SIGTERM, stopping$/m);
        assert.deepEqual(
            gh?.statuses.map((s) => s.body.state),
            ["pending", "error"],
        );
        assertNoSecrets(result.stdout + result.stderr);
    });
});
