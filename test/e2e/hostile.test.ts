// Hostile servers and hostile input against the e2e gate (issue 12): echoed secrets, control characters and forged
// lines in server text, endless bodies, out-of-range durations and a GitHub too slow to wait for on cancellation.
// Every test goes through runCli, the way e2e/cli.ts runs the gate, against stand-ins on 127.0.0.1.

import { strict as assert } from "node:assert";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXIT } from "../../lib/cli/exitCodes";
import { runCli } from "../../e2e/main";
import { ACCESS_TOKEN, ADMIN_PASSWORD, captureIO, startFakeGitHub, startFakeServiceRadar } from "./helpers";
import { LoopbackServer, send, startLoopbackServer } from "../support/loopbackServer";

const SHA = "0123456789abcdef0123456789abcdef01234567";
const GITHUB_TOKEN = "ghs_HOSTILEtoken1234567890abcdef";
const FAST = ["--ready-interval", "20ms", "--ready-timeout", "2s", "--check-timeout", "1s"];

/** Every spelling of a secret that would let a reader recover it from a text or an XML file. */
function spellings(secret: string): string[] {
    const xml = secret.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
    return [
        ...new Set([secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2), xml]),
    ];
}

function assertNoSecret(text: string, secrets: string[]): void {
    for (const secret of secrets)
        for (const form of spellings(secret))
            assert.ok(!text.includes(form), `${JSON.stringify(form)} leaked:\n${text}`);
}

/** Lines a GitHub Actions runner would take as a workflow command, or that carry terminal control bytes. */
function assertNoInjection(text: string): void {
    for (const line of text.split("\n")) {
        assert.doesNotMatch(line, /^\s*(::|##\[)/, `workflow command in output: ${JSON.stringify(line)}`);
    }
    assert.doesNotMatch(text, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/, JSON.stringify(text));
}

/** Streams JSON-looking bytes until the client goes away (throttled so a client without a cap does not eat GBs). */
function endless(res: ServerResponse): void {
    res.writeHead(200, { "content-type": "application/json" });
    res.write("[");
    const chunk = `${'{"uid":"sr:dev","hostname":"edge"},'.repeat(1000)}`;
    const timer = setInterval(() => {
        if (res.destroyed) return clearInterval(timer);
        res.write(chunk);
    }, 2);
    res.on("close", () => clearInterval(timer));
}

describe("e2e gate against hostile servers (issue 12)", () => {
    let sr: LoopbackServer | undefined;
    let gh: (LoopbackServer & { statuses: import("./helpers").PostedStatus[] }) | undefined;
    let dir: string | undefined;

    afterEach(async () => {
        await sr?.close();
        await gh?.close();
        if (dir) await rm(dir, { recursive: true, force: true });
        sr = gh = dir = undefined;
    });

    const env = { SERVICERADAR_ADMIN_PASSWORD: ADMIN_PASSWORD, GITHUB_TOKEN, GITHUB_REPOSITORY: "o/r" };

    it("keeps echoed secrets (raw, URL-encoded, in Location, in an error body) out of stdout and the JUnit report", async () => {
        sr = await startFakeServiceRadar({
            routes: {
                "GET /health/live": (_req, res) => {
                    res.writeHead(302, {
                        location: `/login?next=${encodeURIComponent(ADMIN_PASSWORD)}&raw=${ADMIN_PASSWORD}`,
                    });
                    res.end();
                },
                "POST /api/query": (_req, res) =>
                    send(res, 400, { error: "bad_token", error_description: `token ${ACCESS_TOKEN} refused` }),
                "GET /api/devices": (_req, res) =>
                    send(res, 500, {
                        error: "server_error",
                        error_description: `login as ${encodeURIComponent(ADMIN_PASSWORD)} failed for ${ADMIN_PASSWORD}`,
                    }),
            },
        });
        dir = await mkdtemp(join(tmpdir(), "e2e-hostile-"));
        const junit = join(dir, "report.xml");
        const out = captureIO();
        const code = await runCli(["--url", sr.url, ...FAST, "--junit", junit], env, out.io);
        assert.equal(code, EXIT.checksFailed, out.all());
        const xml = await readFile(junit, "utf8");
        assert.match(xml, /<failure /);
        assertNoSecret(out.all(), [ADMIN_PASSWORD, ACCESS_TOKEN]);
        assertNoSecret(xml, [ADMIN_PASSWORD, ACCESS_TOKEN]);
    });

    it("a one-character password is redacted where it stands alone, not inside every word", async () => {
        sr = await startFakeServiceRadar({
            password: "e",
            routes: { "GET /api/devices": (_req, res) => send(res, 500, { error: "password e was rejected" }) },
        });
        const out = captureIO();
        const code = await runCli(["--url", sr.url, ...FAST], { SERVICERADAR_ADMIN_PASSWORD: "e" }, out.io);
        assert.equal(code, EXIT.checksFailed, out.all());
        assert.match(out.all(), /^ServiceRadar e2e gate: /m);
        assert.match(out.all(), /Summary: FAILED: 4\/5 checks passed/);
        assert.match(out.all(), /password \[REDACTED\] was rejected/);
    });

    it("prints server text on one line: no workflow commands, no control bytes, no forged result lines", async () => {
        const forged =
            "\n::error file=x::pwned\n##[error]old-style\r\u001b[2K\u0000\u2028Summary: PASSED: 5/5 checks passed";
        sr = await startFakeServiceRadar({
            routes: {
                "GET /health/live": (_req, res) => send(res, 503, `down${forged}`),
                "POST /api/query": (_req, res) =>
                    send(res, 400, { error: `bad${forged}`, error_description: "x".repeat(50_000) }),
                "GET /api/devices": (_req, res) => send(res, 500, { error: `boom${forged}` }),
            },
        });
        gh = await startFakeGitHub();
        dir = await mkdtemp(join(tmpdir(), "e2e-hostile-"));
        const junit = join(dir, "report.xml");
        const out = captureIO();
        const code = await runCli(
            ["--url", sr.url, ...FAST, "--junit", junit, "--report-sha", SHA, "--github-api", gh.url],
            env,
            out.io,
        );
        assert.equal(code, EXIT.checksFailed, out.all());
        assertNoInjection(out.all());
        assert.deepEqual(
            out.stdout.filter((line) => line.startsWith("Summary:")).map((line) => line.slice(0, 16)),
            ["Summary: FAILED:"],
        );
        for (const line of out.all().split("\n")) assert.ok(line.length < 1200, `unbounded line (${line.length})`);
        const xml = await readFile(junit, "utf8");
        assertNoInjection(xml);
        assert.doesNotMatch(xml, /&#x?(1b|0*27);/i);
        for (const status of gh.statuses) assertNoInjection(status.body.description ?? "");
    });

    it("stops reading an endless body at the size cap instead of buffering it", async () => {
        sr = await startFakeServiceRadar({ routes: { "GET /api/devices": (_req, res) => endless(res) } });
        const out = captureIO();
        const started = Date.now();
        const code = await runCli(
            ["--url", sr.url, "--ready-interval", "20ms", "--ready-timeout", "2s", "--check-timeout", "5s"],
            env,
            out.io,
            { maxBodyBytes: 64 * 1024 } as Parameters<typeof runCli>[3],
        );
        assert.equal(code, EXIT.checksFailed, out.all());
        assert.match(out.all(), /^FAIL\s+devices .*response body is larger than 64 KiB/m);
        assert.ok(Date.now() - started < 2000, `took ${Date.now() - started}ms`);
    });

    it("refuses durations setTimeout cannot hold, and zero, naming the flag, the value and the range", async () => {
        const cancel = new AbortController();
        const guard = setTimeout(() => cancel.abort(), 1000);
        try {
            for (const [flag, value] of [
                ["--ready-timeout", "600h"],
                ["--check-timeout", "2147483648ms"],
                ["--ready-interval", "0"],
                ["--ready-interval", "0ms"],
            ]) {
                const out = captureIO();
                const code = await runCli(["--url", "http://127.0.0.1:9", flag, value], env, out.io, {
                    signal: cancel.signal,
                });
                assert.equal(code, EXIT.usage, `${flag} ${value}: ${out.all()}`);
                assert.equal(
                    out.stderr[0],
                    `e2e: ${flag}: "${value}" is out of range: allowed 1ms to 596h31m23s (the longest timer Node.js can set)`,
                );
            }
        } finally {
            clearTimeout(guard);
        }
    });

    it("on cancellation does not wait for a GitHub that does not answer: exits 130 within the cancel budget", async () => {
        sr = await startFakeServiceRadar({ notReadyCount: Infinity });
        gh = await startFakeGitHub();
        const silent = await startLoopbackServer(() => undefined);
        try {
            const cancel = new AbortController();
            setTimeout(() => cancel.abort(), 150);
            const started = Date.now();
            const run = runCli(
                ["--url", sr.url, "--ready-interval", "50ms", "--report-sha", SHA, "--github-api", silent.url],
                env,
                captureIO().io,
                { signal: cancel.signal, statusRetryDelayMs: 0, cancelStatusTimeoutMs: 300 } as Parameters<
                    typeof runCli
                >[3],
            );
            const code = await Promise.race([
                run,
                new Promise<string>((resolve) => setTimeout(() => resolve("still running after 3s"), 3000)),
            ]);
            assert.equal(code, EXIT.cancelled);
            assert.ok(Date.now() - started < 1500, `took ${Date.now() - started}ms`);
            // The pending post was abandoned and the final `error` post was still attempted, within its budget.
            assert.deepEqual(
                silent.requests.map((request) => (JSON.parse(request.body) as { state: string }).state),
                ["pending", "error"],
            );
        } finally {
            await silent.close();
        }
    });
});
