import { strict as assert } from "node:assert";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXIT } from "../../lib/cli/exitCodes";
import { CliDeps, runCli, runE2eCommand } from "../../e2e/main";
import { GateCancelled } from "../../e2e/probe";
import { GateResult } from "../../e2e/result";
import { runInProcess } from "../support/commands";
import { captureIO } from "./helpers";

const SHA = "0123456789abcdef0123456789abcdef01234567";
const ENV = { SERVICERADAR_ADMIN_PASSWORD: "pw", GITHUB_TOKEN: "ghs_token", GITHUB_REPOSITORY: "o/r" };
const REPORT = ["--report-sha", SHA, "--github-api", "https://gh.example"];

const PASSED: GateResult = {
    passed: true,
    durationMs: 2000,
    checks: [{ id: "readiness", name: "ready", outcome: "pass", durationMs: 5, message: "ok" }],
};

/** A GitHub statuses API that accepts every post and records the state and description. */
function fakeGitHub(): { posts: Array<{ state: string; description: string }>; fetch: CliDeps["fetch"] } {
    const posts: Array<{ state: string; description: string }> = [];
    return {
        posts,
        fetch: async (_input, init) => {
            const body = JSON.parse(String(init?.body)) as { state: string; description: string };
            posts.push({ state: body.state, description: body.description });
            return new Response("{}", { status: 201, headers: { "content-type": "application/json" } });
        },
    };
}

function deps(extra: Partial<CliDeps>): CliDeps {
    return { clock: () => new Date("2026-12-05T00:00:00.000Z"), runGate: async () => PASSED, ...extra };
}

describe("e2e gate run (in process, the gate stood in for)", () => {
    it("prints the target, the limits and the report, and exits 0 without any commit status", async () => {
        const out = captureIO();
        const code = await runCli(
            ["--url", "https://h.example:8443/sr", "--ready-interval", "2s"],
            ENV,
            out.io,
            deps({}),
        );
        assert.equal(code, EXIT.ok);
        assert.deepEqual(out.stdout, [
            "ServiceRadar e2e gate: https://h.example:8443/sr as root@localhost",
            "limits: readiness 5m (every 2s), each request 15s",
            "ServiceRadar e2e gate report for https://h.example:8443/sr",
            "RESULT  CHECK      TIME  DETAIL",
            "PASS    readiness  5ms   ready: ok",
            "Summary: PASSED: 1/1 checks passed, 0 failed, 0 skipped in 2s",
        ]);
        assert.deepEqual(out.stderr, []);
    });

    it("posts pending against the host, then success, and names the short commit on each", async () => {
        const gh = fakeGitHub();
        const out = captureIO();
        const code = await runCli(
            ["--url", "https://h.example:8443/sr", ...REPORT],
            ENV,
            out.io,
            deps({ fetch: gh.fetch }),
        );
        assert.equal(code, EXIT.ok);
        assert.deepEqual(gh.posts, [
            { state: "pending", description: "e2e checks running against h.example:8443" },
            { state: "success", description: "1/1 checks passed in 2s" },
        ]);
        assert.equal(
            out.stdout[2],
            'commit status: pending "e2e checks running against h.example:8443" on o/r@0123456789ab (e2e-tests)',
        );
        assert.equal(out.stdout[7], 'commit status: success "1/1 checks passed in 2s" on o/r@0123456789ab (e2e-tests)');
        assert.equal(out.stdout.length, 8);
    });

    it("writes the JUnit report and says where", async () => {
        const written: Array<[string, string]> = [];
        const out = captureIO();
        const code = await runCli(
            ["--url", "https://h.example", "--junit", "out/e2e.xml"],
            ENV,
            out.io,
            deps({ writeFile: async (path, data) => void written.push([path, data]) }),
        );
        assert.equal(code, EXIT.ok);
        assert.equal(written.length, 1);
        assert.equal(written[0][0], "out/e2e.xml");
        assert.match(written[0][1], /timestamp="2026-12-05T00:00:00.000Z"/);
        assert.equal(out.stdout.at(-1), "JUnit report written to out/e2e.xml");
    });

    it("writes the JUnit file as UTF-8 by default, creating its folder", async () => {
        const dir = await mkdtemp(join(tmpdir(), "e2e-main-"));
        try {
            const path = join(dir, "nested", "e2e.xml");
            const result: GateResult = { ...PASSED, checks: [{ ...PASSED.checks[0], name: "prêt ✓" }] };
            const code = await runCli(["--url", "https://h.example", "--junit", path], ENV, captureIO().io, {
                runGate: async () => result,
            });
            assert.equal(code, EXIT.ok);
            assert.match(await readFile(path, "utf8"), /name="readiness: prêt ✓"/);
        } finally {
            await rm(dir, { recursive: true, force: true });
        }
    });

    it("exits 4 when the checks passed but the JUnit report could not be written", async () => {
        const out = captureIO();
        const code = await runCli(
            ["--url", "https://h.example", "--junit", "out/e2e.xml"],
            ENV,
            out.io,
            deps({
                writeFile: async () => {
                    throw new Error("disk full");
                },
            }),
        );
        assert.equal(code, EXIT.reportNotDelivered);
        assert.deepEqual(out.stderr, ["e2e: could not write the JUnit report to out/e2e.xml: Error: disk full"]);
    });

    it("exits 130 and posts error when the gate is cancelled, even before the signal says so", async () => {
        const gh = fakeGitHub();
        const out = captureIO();
        const code = await runCli(
            ["--url", "https://h.example", ...REPORT],
            ENV,
            out.io,
            deps({
                fetch: gh.fetch,
                runGate: async () => {
                    throw new GateCancelled();
                },
            }),
        );
        assert.equal(code, EXIT.cancelled);
        assert.deepEqual(out.stderr, ["e2e: cancelled before the checks finished"]);
        assert.deepEqual(gh.posts.at(-1), {
            state: "error",
            description: "e2e gate cancelled before the checks finished",
        });
    });

    it("exits 3 and posts error naming the crash when the gate throws", async () => {
        const gh = fakeGitHub();
        const out = captureIO();
        const code = await runCli(
            ["--url", "https://h.example", ...REPORT],
            ENV,
            out.io,
            deps({
                fetch: gh.fetch,
                runGate: async () => {
                    throw new TypeError("boom");
                },
            }),
        );
        assert.equal(code, EXIT.gateInternalError);
        assert.deepEqual(out.stderr, ["e2e: internal error: TypeError: boom"]);
        assert.deepEqual(gh.posts, [
            { state: "pending", description: "e2e checks running against h.example" },
            { state: "error", description: "e2e gate crashed: TypeError: boom" },
        ]);
    });

    it("leaves a posted final status alone when printing its confirmation fails", async () => {
        const gh = fakeGitHub();
        const stderr: string[] = [];
        const io = {
            stdout: (line: string) => {
                if (line.startsWith("commit status: success")) throw new Error("stdout closed");
            },
            stderr: (line: string) => void stderr.push(line),
        };
        const code = await runCli(["--url", "https://h.example", ...REPORT], ENV, io, deps({ fetch: gh.fetch }));
        assert.equal(code, EXIT.gateInternalError);
        assert.deepEqual(stderr, ["e2e: internal error: Error: stdout closed"]);
        assert.deepEqual(gh.posts, [
            { state: "pending", description: "e2e checks running against h.example" },
            { state: "success", description: "1/1 checks passed in 2s" },
        ]);
    });

    it("passes the command's signal to the gate: an aborted run stops at once with 130", async () => {
        const controller = new AbortController();
        controller.abort();
        const result = await runInProcess(
            runE2eCommand,
            ["--url", "http://127.0.0.1:9", "--ready-timeout", "2s", "--ready-interval", "1s"],
            { env: { SERVICERADAR_ADMIN_PASSWORD: "pw" }, signal: controller.signal },
        );
        assert.equal(result.code, EXIT.cancelled, result.stdout + result.stderr);
        assert.equal(result.stderr, "e2e: cancelled before the checks finished\n");
    });
});
