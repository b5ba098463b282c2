import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import { EXIT } from "../../lib/cli/exitCodes";
import { runPromote, runPromoteCommand } from "../../tools/lib/promoteCommand";
import { AUDIT_MARKER } from "../../config/stackFile";
import { runInProcess } from "../support/commands";
import { projectWithCustomerA } from "../support/customerA";
import { capture, configOf, directProject, readStack, removeDir, setKey } from "./helpers";
import { json, LoopbackServer, startLoopbackServer } from "../support/loopbackServer";

const TOKEN = "ghp_promoteTokenNeverPrinted_42";
const SHA = "fedcba9876543210fedcba9876543210fedcba98";
const VERSION_KEY = "serviceradar-release:version";

type Scenario = { state?: string; http?: number };

/** The GitHub API stand-in: the combined status of carverauto/serviceradar@v1.4.0 carries `e2e-tests` in `state`. */
async function gitHub(scenario: Scenario): Promise<LoopbackServer> {
    return startLoopbackServer((req, res) => {
        if (scenario.http !== undefined)
            return json(res, scenario.http, { message: `nope ${req.headers.authorization}` });
        if (!req.url?.startsWith("/repos/carverauto/serviceradar/commits/v1.4.0/status"))
            return json(res, 404, { message: "Not Found" });
        const statuses = [{ context: "build", state: "success", updated_at: "2025-01-01T00:00:00Z" }];
        if (scenario.state !== undefined) {
            statuses.push({ context: "e2e-tests", state: scenario.state, updated_at: "2025-01-01T00:00:00Z" });
        }
        json(res, 200, { sha: SHA, total_count: statuses.length, statuses });
    });
}

describe("npm run promote (tools/lib/promoteCommand)", () => {
    let dir = "";
    let server: LoopbackServer | undefined;
    afterEach(async () => {
        await server?.close();
        server = undefined;
        if (dir) removeDir(dir);
        dir = "";
    });

    async function promote(args: string[], env: Record<string, string | undefined> = { GITHUB_TOKEN: TOKEN }) {
        const io = capture();
        const code = await runPromote(args, io, {
            root: dir,
            env,
            retryDelayMs: 1,
            now: () => new Date("2025-06-01T12:00:00.000Z"),
        });
        return { code, io };
    }

    it("promotes when the e2e gate is green, sending the token and never printing it", async () => {
        dir = directProject("1.4.0", "1.3.9");
        server = await gitHub({ state: "success" });
        const before = readStack(dir, "demo");
        const { code, io } = await promote(["1.4.0", "--github-api", server.url]);
        assert.equal(code, EXIT.ok, io.text());
        assert.equal(server.requests.length, 1);
        assert.equal(server.requests[0].headers.authorization, `Bearer ${TOKEN}`);
        assert.match(server.requests[0].path, /^\/repos\/carverauto\/serviceradar\/commits\/v1\.4\.0\/status/);
        const after = readStack(dir, "demo");
        assert.equal(configOf(after)[VERSION_KEY], "1.4.0");
        assert.equal(after, before.replace(`${VERSION_KEY}: 1.3.9`, `${VERSION_KEY}: 1.4.0`));
        assert.match(
            io.text(),
            /Gate passed: commit status "e2e-tests" is success on carverauto\/serviceradar@v1\.4\.0/,
        );
        assert.ok(!io.text().includes(TOKEN));
    });

    it("refuses when staging moves to another release while the gate is checked", async () => {
        dir = directProject("1.4.0", "1.3.9");
        const stagingFile = `${dir}/Pulumi.demo-staging.yaml`;
        server = await startLoopbackServer((_req, res) => {
            // A release of 1.4.1 lands while promote waits for GitHub: the green gate is 1.4.0's, staging's is not.
            fs.writeFileSync(stagingFile, fs.readFileSync(stagingFile, "utf8").replace("1.4.0", "1.4.1"));
            json(res, 200, {
                sha: SHA,
                total_count: 1,
                statuses: [{ context: "e2e-tests", state: "success", updated_at: "2025-01-01T00:00:00Z" }],
            });
        });
        const before = readStack(dir, "demo");
        const { code, io } = await promote(["1.4.0", "--github-api", server.url]);
        assert.equal(code, EXIT.refused, io.text());
        assert.match(io.stderr.join("\n"), /demo-staging moved to 1\.4\.1 while the gate was checked/);
        assert.equal(readStack(dir, "demo"), before);
    });

    for (const state of ["failure", "error", "pending"]) {
        it(`refuses when the e2e gate is ${state}, leaving demo unchanged`, async () => {
            dir = directProject("1.4.0", "1.3.9");
            server = await gitHub({ state });
            const before = readStack(dir, "demo");
            const { code, io } = await promote(["1.4.0", "--github-api", server.url]);
            assert.equal(code, EXIT.refused, io.text());
            assert.match(
                io.stderr.join("\n"),
                new RegExp(`commit status "e2e-tests" is ${state} on carverauto/serviceradar@v1\\.4\\.0`),
            );
            assert.equal(readStack(dir, "demo"), before);
        });
    }

    it("refuses when the e2e gate never reported (missing)", async () => {
        dir = directProject("1.4.0", "1.3.9");
        server = await gitHub({});
        const before = readStack(dir, "demo");
        const { code, io } = await promote(["1.4.0", "--github-api", server.url]);
        assert.equal(code, EXIT.refused, io.text());
        assert.match(io.stderr.join("\n"), /commit status "e2e-tests" is missing/);
        assert.equal(readStack(dir, "demo"), before);
    });

    it("honours --repo, --context and --ref", async () => {
        dir = directProject("1.4.0", "1.3.9");
        server = await startLoopbackServer((_req, res) =>
            json(res, 200, { sha: SHA, statuses: [{ context: "custom", state: "success" }] }),
        );
        const { code, io } = await promote([
            "1.4.0",
            "--github-api",
            server.url,
            "--repo",
            "me/fork",
            "--context",
            "custom",
            "--ref",
            "release/1.4",
        ]);
        assert.equal(code, EXIT.ok, io.text());
        assert.match(server.requests[0].path, /^\/repos\/me\/fork\/commits\/release\/1\.4\/status/);
    });

    it("exits 4 when GitHub cannot answer, without echoing the token", async () => {
        dir = directProject("1.4.0", "1.3.9");
        server = await gitHub({ http: 500 });
        const before = readStack(dir, "demo");
        const { code, io } = await promote(["1.4.0", "--github-api", server.url]);
        assert.equal(code, EXIT.gitHubUnreachable, io.text());
        assert.match(io.text(), /HTTP 500/);
        assert.ok(!io.text().includes(TOKEN), io.text());
        assert.equal(readStack(dir, "demo"), before);
    });

    it("needs GITHUB_TOKEN unless forced", async () => {
        dir = directProject("1.4.0", "1.3.9");
        const { code, io } = await promote(["1.4.0"], {});
        assert.equal(code, EXIT.usage);
        assert.match(io.stderr.join("\n"), /GITHUB_TOKEN is not set/);
    });

    it("refuses a version demo-staging is not running", async () => {
        dir = directProject("1.3.9", "1.3.8");
        server = await gitHub({ state: "success" });
        const { code, io } = await promote(["1.4.0", "--github-api", server.url]);
        assert.equal(code, EXIT.refused);
        assert.match(io.stderr.join("\n"), /demo-staging runs 1\.3\.9, not 1\.4\.0/);
        assert.equal(server.requests.length, 0, "the gate is not even asked");
    });

    it("refuses in promoter mode, naming where the mode comes from", async () => {
        dir = directProject("1.4.0", "1.3.9");
        setKey(dir, "demo", "promotionMode", "promoter");
        const { code, io } = await promote(["1.4.0"]);
        assert.equal(code, EXIT.refused);
        assert.match(
            io.stderr.join("\n"),
            /promotionMode is promoter for demo \(Pulumi\.demo\.yaml\).*merge the promoter's demo PR/,
        );
    });

    it("refuses going backwards unless --rollback, and is a no-op for the same version", async () => {
        dir = directProject("1.3.0", "1.4.0");
        server = await startLoopbackServer((_req, res) =>
            json(res, 200, { statuses: [{ context: "e2e-tests", state: "success" }] }),
        );
        const backwards = await promote(["1.3.0", "--github-api", server.url]);
        assert.equal(backwards.code, EXIT.refused);
        assert.match(
            backwards.io.stderr.join("\n"),
            /refusing to move demo backwards from 1\.4\.0 to 1\.3\.0; pass --rollback/,
        );
        const rollback = await promote(["1.3.0", "--rollback", "--github-api", server.url]);
        assert.equal(rollback.code, EXIT.ok, rollback.io.text());
        assert.equal(configOf(readStack(dir, "demo"))[VERSION_KEY], "1.3.0");
        const again = await promote(["1.3.0", "--github-api", server.url]);
        assert.equal(again.code, EXIT.nothingToDo);
        assert.match(again.io.stdout.join("\n"), /already at 1\.3\.0; nothing to do/);
    });

    it("refuses --force without a reason, and --reason without --force", async () => {
        dir = directProject("1.4.0", "1.3.9");
        for (const args of [
            ["1.4.0", "--force"],
            ["1.4.0", "--force", "--reason", "   "],
            ["1.4.0", "--reason", "why"],
        ]) {
            const { code, io } = await promote(args);
            assert.equal(code, EXIT.usage, args.join(" "));
            assert.match(io.stderr.join("\n"), /--force needs --reason|--reason is only used with --force/);
        }
        assert.equal(configOf(readStack(dir, "demo"))[VERSION_KEY], "1.3.9");
    });

    it("--force --reason writes demo without asking GitHub and records who, when and why", async () => {
        dir = directProject("1.3.9", "1.3.8");
        server = await gitHub({ state: "failure" });
        const { code, io } = await promote(
            ["1.4.0", "--force", "--reason", "CVE-2025-1234\nhotfix", "--github-api", server.url],
            {
                GITHUB_ACTOR: "octocat",
            },
        );
        assert.equal(code, EXIT.ok, io.text());
        assert.equal(server.requests.length, 0);
        const text = readStack(dir, "demo");
        const lines = text.split("\n");
        const at = lines.findIndex((line) => line.includes(`${VERSION_KEY}: 1.4.0`));
        assert.ok(at > 0, text);
        assert.equal(
            lines[at - 1],
            `  # ${AUDIT_MARKER} 1.4.0 by octocat at 2025-06-01T12:00:00.000Z (gate e2e-tests on carverauto/serviceradar@v1.4.0 ` +
                "not checked; demo-staging runs 1.3.9); reason: CVE-2025-1234 hotfix",
        );
        assert.match(io.stdout.join("\n"), /AUDIT forced promotion recorded in Pulumi\.demo\.yaml: 1\.4\.0 by octocat/);

        // The next regular promotion removes the stale record (git history keeps it).
        setKey(dir, "demo-staging", "version", "1.4.1");
        server.requests.length = 0;
        await server.close();
        server = await gitHub({ state: "success" });
        const next = await promote(["1.4.1", "--github-api", server.url, "--ref", "v1.4.0"]);
        assert.equal(next.code, EXIT.ok, next.io.text());
        assert.ok(!readStack(dir, "demo").includes(AUDIT_MARKER));
    });

    it("falls back to USER for the audit record", async () => {
        dir = directProject("1.4.0", "1.3.9");
        const { code } = await promote(["1.4.0", "--force", "--reason", "r"], { USER: "alice" });
        assert.equal(code, EXIT.ok);
        assert.match(readStack(dir, "demo"), /forced-promotion: 1\.4\.0 by alice at /);
    });

    it("names a bad version", async () => {
        dir = directProject("1.4.0", "1.3.9");
        const { code, io } = await promote(["v1.4.0"]);
        assert.equal(code, EXIT.usage);
        assert.match(
            io.stderr.join("\n"),
            /"v1\.4\.0" is not a release version: drop the leading "v" and pass 1\.4\.0/,
        );
    });

    describe("through its entry (what tools/promote.ts runs)", () => {
        const promoteCommand = (args: string[]) =>
            runInProcess(runPromoteCommand, [...args, "--root", dir], { env: { GITHUB_TOKEN: TOKEN } });

        it("checks the gate on the stand-in, writes demo, exits 0 and never prints the token", async () => {
            dir = directProject("1.4.0", "1.3.9");
            server = await gitHub({ state: "success" });
            const result = await promoteCommand(["1.4.0", "--github-api", server.url]);
            assert.equal(result.code, 0, result.stdout + result.stderr);
            assert.equal(server.requests[0].headers.authorization, `Bearer ${TOKEN}`);
            assert.match(result.stdout, /Promoted demo: version 1\.3\.9 -> 1\.4\.0 in Pulumi\.demo\.yaml/);
            assert.ok(!(result.stdout + result.stderr).includes(TOKEN));
            assert.equal(configOf(readStack(dir, "demo"))[VERSION_KEY], "1.4.0");
        });

        it("exits 1 on a red gate and 2 on --force without --reason", async () => {
            dir = directProject("1.4.0", "1.3.9");
            server = await gitHub({ state: "failure" });
            const red = await promoteCommand(["1.4.0", "--github-api", server.url]);
            assert.equal(red.code, 1, red.stdout + red.stderr);
            assert.match(red.stderr, /is failure on carverauto\/serviceradar@v1\.4\.0/);
            const noReason = await promoteCommand(["1.4.0", "--force"]);
            assert.equal(noReason.code, 2, noReason.stdout + noReason.stderr);
            assert.equal(configOf(readStack(dir, "demo"))[VERSION_KEY], "1.3.9");
        });
    });
});

describe("npm run promote --stack: any environment after the first, from the one before it", () => {
    it("promotes customer-a from demo (config environments), and refuses the first environment", async () => {
        const dir = projectWithCustomerA();
        try {
            for (const stack of ["demo-staging", "demo", "customer-a"]) setKey(dir, stack, "promotionMode", "direct");
            setKey(dir, "demo", "version", "1.4.0");
            const run = async (args: string[]) => {
                const io = capture();
                const code = await runPromote(args, io, { root: dir, env: {}, now: () => new Date(0) });
                return { code, out: io.stdout.join("\n"), err: io.stderr.join("\n") };
            };
            const refused = await run(["1.4.1", "--stack", "customer-a"]);
            assert.equal(refused.code, EXIT.refused);
            assert.match(refused.err, /^promote: demo runs 1\.4\.0, not 1\.4\.1 \(Pulumi\.demo\.yaml\)/);
            const forced = await run(["1.4.1", "--stack", "customer-a", "--force", "--reason", "customer hotfix"]);
            assert.equal(forced.code, EXIT.ok, forced.err);
            assert.match(readStack(dir, "customer-a"), /serviceradar-release:version: 1\.4\.1/);
            assert.match(forced.out, /demo runs 1\.4\.0/);
            const first = await run(["1.4.1", "--stack", "demo-staging", "--force", "--reason", "x"]);
            assert.equal(first.code, EXIT.usage);
            assert.match(
                first.err,
                /--stack "demo-staging": expected an environment after the first of demo-staging, demo, customer-a/,
            );
        } finally {
            removeDir(dir);
        }
    });
});
