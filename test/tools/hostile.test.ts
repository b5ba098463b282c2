// Hostile servers and hostile input against promote and wait-for-version (issue 12): redirects to another origin,
// endless bodies, control characters and workflow commands in server text, out-of-range durations and --reason
// text that would break the stack file. Stand-ins listen on 127.0.0.1 only.

import { strict as assert } from "node:assert";
import { ServerResponse } from "node:http";
import * as YAML from "yaml";
import { EXIT } from "../../lib/cli/exitCodes";
import { runPromote } from "../../tools/lib/promoteCommand";
import { waitForVersion } from "../../tools/lib/readiness";
import { runWait } from "../../tools/lib/waitCommand";
import { capture, configOf, directProject, readStack, removeDir } from "./helpers";
import { json, loopbackServersPerTest } from "../support/loopbackServer";

const TOKEN = "ghp_hostileTokenNeverPrinted_42";
const SHA = "fedcba9876543210fedcba9876543210fedcba98";
const VERSION_KEY = "serviceradar-release:version";

function statuses(state: string, description = "e2e passed"): unknown {
    return { sha: SHA, total_count: 1, statuses: [{ context: "e2e-tests", state, description }] };
}

/** Streams bytes until the client goes away (throttled, so a client without a cap does not eat GBs). */
function endless(res: ServerResponse): void {
    res.writeHead(200, { "content-type": "application/json" });
    res.write('{"statuses":[');
    const chunk = '{"context":"c","state":"success"},'.repeat(1000);
    const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(chunk)), 2);
    res.on("close", () => clearInterval(timer));
}

function redirectTo(target: string): (req: { url?: string }, res: ServerResponse) => void {
    return (req, res) => {
        res.writeHead(302, { location: `${target}${req.url ?? "/"}` });
        res.end();
    };
}

function assertNoInjection(text: string): void {
    for (const line of text.split("\n"))
        assert.doesNotMatch(line, /^\s*(::|##\[)/, `workflow command in output: ${JSON.stringify(line)}`);
    assert.doesNotMatch(text, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/, JSON.stringify(text));
}

describe("promote and wait-for-version against hostile servers (issue 12)", () => {
    let dir = "";
    afterEach(() => {
        if (dir) removeDir(dir);
        dir = "";
    });
    const standIn = loopbackServersPerTest();

    async function promote(args: string[], extra: Record<string, unknown> = {}) {
        const io = capture();
        const code = await runPromote(args, io, {
            root: dir,
            env: { GITHUB_TOKEN: TOKEN },
            retryDelayMs: 1,
            ...extra,
        } as Parameters<typeof runPromote>[2]);
        return { code, io };
    }

    it("promote refuses a redirect to another origin and takes no verdict from it", async () => {
        dir = directProject("1.4.0", "1.3.9");
        const elsewhere = await standIn((_req, res) => json(res, 200, statuses("success")));
        const github = await standIn(redirectTo(elsewhere.url.replace("127.0.0.1", "localhost")));
        const { code, io } = await promote(["1.4.0", "--github-api", github.url]);
        assert.equal(code, EXIT.gitHubUnreachable, io.text());
        assert.match(io.stderr.join("\n"), /redirected to another origin \(http:\/\/localhost:\d+\); not followed/);
        assert.equal(elsewhere.requests.length, 0, "the other origin was contacted");
        assert.equal(configOf(readStack(dir, "demo"))[VERSION_KEY], "1.3.9");
        assert.ok(!io.text().includes(TOKEN));
    });

    it("promote follows a redirect within the same origin (a renamed repository)", async () => {
        dir = directProject("1.4.0", "1.3.9");
        const github = await standIn((req, res) => {
            if (req.url?.startsWith("/repos/carverauto/")) {
                res.writeHead(301, { location: req.url.replace("/repos/carverauto/", "/repos/renamed/") });
                return res.end();
            }
            json(res, 200, statuses("success"));
        });
        const { code, io } = await promote(["1.4.0", "--github-api", github.url]);
        assert.equal(code, EXIT.ok, io.text());
        assert.equal(github.requests.length, 2);
        assert.equal(github.requests[1].headers.authorization, `Bearer ${TOKEN}`);
    });

    it("promote stops reading an endless GitHub answer at the size cap", async () => {
        dir = directProject("1.4.0", "1.3.9");
        const github = await standIn((_req, res) => endless(res));
        const started = Date.now();
        const { code, io } = await promote(["1.4.0", "--github-api", github.url, "--timeout", "5s"], {
            maxBodyBytes: 64 * 1024,
        });
        assert.equal(code, EXIT.gitHubUnreachable, io.text());
        assert.match(io.stderr.join("\n"), /response body is larger than 64 KiB/);
        assert.ok(Date.now() - started < 1500, `took ${Date.now() - started}ms`);
    });

    it("promote prints GitHub's description on one line, without workflow commands or control bytes", async () => {
        dir = directProject("1.4.0", "1.3.9");
        const hostile =
            "tests red\n::error::forged\r\n##[warning]old\u001b]0;title\u0007\u0000\u2028Gate passed: all green";
        const github = await standIn((_req, res) => json(res, 200, statuses("failure", hostile)));
        const { code, io } = await promote(["1.4.0", "--github-api", github.url]);
        assert.equal(code, EXIT.refused, io.text());
        assertNoInjection(io.text());
        assert.ok(!io.stdout.some((line) => line.startsWith("Gate passed")), io.text());
        assert.match(io.stderr.join("\n"), /is failure on .*tests red/);
    });

    it("promote refuses --timeout 0 and timeouts setTimeout cannot hold", async () => {
        dir = directProject("1.4.0", "1.3.9");
        const github = await standIn((_req, res) => json(res, 200, statuses("success")));
        for (const value of ["0", "0s", "600h"]) {
            const { code, io } = await promote(["1.4.0", "--github-api", github.url, "--timeout", value]);
            assert.equal(code, EXIT.usage, `${value}: ${io.text()}`);
            assert.equal(
                io.stderr[0],
                `promote: --timeout: "${value}" is out of range: allowed 1ms to 596h31m23s (the longest timer Node.js can set)`,
            );
        }
        assert.equal(github.requests.length, 0);
    });

    it("promote --reason with control characters is refused; the file stays parseable and unchanged", async () => {
        dir = directProject("1.4.0", "1.3.9");
        const before = readStack(dir, "demo");
        for (const reason of ["hotfix\u001b[31m", "nul\u0000byte", "next\u0085line", "sep\u2028arator", "bell\u0007"]) {
            const { code, io } = await promote(["1.4.0", "--force", "--reason", reason]);
            assert.equal(code, EXIT.usage, `${JSON.stringify(reason)}: ${io.text()}`);
            assert.match(io.stderr[0], /^promote: --reason contains a control character \(U\+[0-9A-F]{4}\)/);
        }
        assert.equal(readStack(dir, "demo"), before);
    });

    it("promote --reason with YAML-looking text is recorded and the stack file re-parses to the same config", async () => {
        dir = directProject("1.4.0", "1.3.9");
        const before = configOf(readStack(dir, "demo"));
        const reason = `a # b: 'c' "d" ::error:: {x: [1]} --- ... & * ! | > % @ \` ✓ tab\there`;
        const { code, io } = await promote(["1.4.0", "--force", "--reason", reason]);
        assert.equal(code, EXIT.ok, io.text());
        const text = readStack(dir, "demo");
        const doc = YAML.parseDocument(text);
        assert.deepEqual(doc.errors, []);
        assert.deepEqual(configOf(text), { ...before, [VERSION_KEY]: "1.4.0" });
        assert.ok(text.includes(reason.replace("\t", " ")), text);
    });

    it("wait-for-version refuses a redirect to another origin and is not satisfied by it", async () => {
        const elsewhere = await standIn((_req, res) => json(res, 200, { version: "2.0.0" }));
        const core = await standIn(redirectTo(elsewhere.url.replace("127.0.0.1", "localhost")));
        const outcome = await waitForVersion({
            url: core.url,
            version: "2.0.0",
            timeoutMs: 150,
            intervalMs: 20,
            settleMs: 0,
            requireVersion: true,
        });
        assert.equal(outcome.kind, "timeout");
        assert.match(outcome.kind === "timeout" ? outcome.last : "", /redirected to another origin/);
        assert.equal(elsewhere.requests.length, 0);
    });

    it("wait-for-version stops reading an endless readiness body at the size cap", async () => {
        const core = await standIn((_req, res) => endless(res));
        const started = Date.now();
        const outcome = await waitForVersion({
            url: core.url,
            version: "2.0.0",
            timeoutMs: 100,
            intervalMs: 20,
            settleMs: 0,
            requireVersion: true,
            requestTimeoutMs: 5000,
            maxBodyBytes: 64 * 1024,
        } as Parameters<typeof waitForVersion>[0]);
        assert.equal(outcome.kind, "timeout");
        assert.match(outcome.kind === "timeout" ? outcome.last : "", /response body is larger than 64 KiB/);
        assert.ok(Date.now() - started < 1500, `took ${Date.now() - started}ms`);
    });

    it("wait-for-version logs a reported version on one line, without workflow commands or control bytes", async () => {
        const core = await standIn((_req, res) => json(res, 200, { version: "1.9.0\n::error::forged\u001b[2K" }));
        const io = capture();
        const code = await runWait(
            ["--url", core.url, "--version", "2.0.0", "--timeout", "100ms", "--interval", "20ms", "--settle", "0"],
            io,
            { env: {} },
        );
        assert.equal(code, EXIT.refused, io.text());
        assertNoInjection(io.text());
    });

    it("wait-for-version refuses --interval 0 and durations setTimeout cannot hold", async () => {
        const core = await standIn((_req, res) => json(res, 200, { version: "2.0.0" }));
        for (const [flag, value] of [
            ["--interval", "0"],
            ["--interval", "0ms"],
            ["--timeout", "600h"],
            ["--settle", "2147483648ms"],
        ]) {
            const io = capture();
            const args = ["--url", core.url, "--version", "2.0.0", "--timeout", "200ms", flag, value];
            const code = await runWait(args, io, { env: {} });
            assert.equal(code, EXIT.usage, `${flag} ${value}: ${io.text()}`);
            const low = flag === "--settle" ? "0ms" : "1ms";
            assert.equal(
                io.stderr[0],
                `wait-for-version: ${flag}: "${value}" is out of range: allowed ${low} to 596h31m23s (the longest timer Node.js can set)`,
            );
        }
    });
});
