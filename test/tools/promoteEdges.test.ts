// npm run promote, line by line: what it prints, asks GitHub and writes for each answer of the gate (read from the
// OpenAPI-checked stand-in, test/support/statusStandIn.ts), each refusal and each usage error. The broad behaviour is in
// promote.test.ts; here every printed line and every audit record is pinned whole.

import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import { EXIT } from "../../lib/cli/exitCodes";
import { AUDIT_MARKER } from "../../config/stackFile";
import { PROMOTE_USAGE, runPromote, runPromoteCommand } from "../../tools/lib/promoteCommand";
import { runInProcess } from "../support/commands";
import { projectWithCustomerA } from "../support/customerA";
import { GitHubStandIn, StandInCommitStatus, loopbackFetch, startGitHubStandIn } from "../support/statusStandIn";
import { RELEASE_SHA, serviceRadarRelease } from "../support/statusScenarios";
import { capture, configOf, directProject, readStack, removeDir, removeKey, setKey, stackPath } from "./helpers";

// No token shape the Redactor knows by its look: only the redactor given GITHUB_TOKEN can hide it.
const TOKEN = "plain-promote-secret-91c";
const SHA = RELEASE_SHA;
const NOW = "2025-06-01T12:00:00.000Z";
const VERSION_KEY = "serviceradar-release:version";
/** The stand-in's target_url of the second status entry, e2e-tests (test/support/statusStandIn.ts). */
const GATE_URL = "https://github.com/carverauto/serviceradar-release/actions/runs/1001";

describe("npm run promote: every line it prints and writes", () => {
    let dir = "";
    let gitHub: GitHubStandIn | undefined;
    afterEach(async () => {
        assert.deepEqual(gitHub?.schemaErrors ?? [], []);
        await gitHub?.close();
        gitHub = undefined;
        if (dir) removeDir(dir);
        dir = "";
    });

    interface Run {
        env?: Record<string, string | undefined>;
        /** Called before each request reaches GitHub: what changes while promote waits for the answer. */
        meanwhile?: () => void;
    }

    async function promote(args: string[], run: Run = {}) {
        const io = capture();
        const code = await runPromote(args, io, {
            root: dir,
            env: run.env ?? { GITHUB_TOKEN: TOKEN },
            retryDelayMs: 1,
            now: () => new Date(NOW),
            fetch: (input, init) => {
                run.meanwhile?.();
                return loopbackFetch(input, init);
            },
        });
        return { code, out: io.stdout, err: io.stderr };
    }

    /** Promotes 1.4.0 against the stand-in whose v1.4.0 carries `statuses`. */
    async function promoteAgainst(statuses: StandInCommitStatus[], run: Run = {}) {
        gitHub = await startGitHubStandIn(serviceRadarRelease(statuses), TOKEN);
        return promote(["1.4.0", "--github-api", gitHub.url], run);
    }

    const e2e = (state: StandInCommitStatus["state"]): StandInCommitStatus[] => [
        { context: "build", state: "success" },
        { context: "e2e-tests", state, description: `e2e ${state}` },
    ];

    it("prints the check, the gate, the write and the next steps of a green gate, and nothing on stderr", async () => {
        dir = directProject("1.4.0", "1.3.9");
        const { code, out, err } = await promoteAgainst(e2e("success"));
        assert.equal(code, EXIT.ok, err.join("\n"));
        assert.deepEqual(err, []);
        assert.deepEqual(out, [
            `Checking commit status "e2e-tests" on carverauto/serviceradar@v1.4.0 (${gitHub?.url})...`,
            `Gate passed: commit status "e2e-tests" is success on carverauto/serviceradar@v1.4.0 (${SHA.slice(0, 12)}): ` +
                `e2e success - ${GATE_URL}`,
            "Promoted demo: version 1.3.9 -> 1.4.0 in Pulumi.demo.yaml",
            "",
            "Next:",
            '  git add Pulumi.demo.yaml && git commit -m "promote: ServiceRadar 1.4.0 to demo" && git push',
            "  deploymentsEnabled is not true for demo (Pulumi.yaml default): nothing runs pulumi up on the push. The promote " +
                "workflow's own pulumi up step does, or run pulumi up -s demo; Argo CD then syncs it.",
        ]);
        assert.deepEqual(gitHub?.requests, [
            "GET /repos/carverauto/serviceradar/commits/v1.4.0/status?per_page=100&page=1",
        ]);
    });

    for (const [state, hint] of [
        ["pending", "wait for the e2e gate to finish"],
        ["failure", 'fix the release, or bypass with --force --reason "..." for a hotfix'],
        ["error", 'fix the release, or bypass with --force --reason "..." for a hotfix'],
    ] as const) {
        it(`refuses a ${state} gate with its hint, leaving demo unchanged`, async () => {
            dir = directProject("1.4.0", "1.3.9");
            const before = readStack(dir, "demo");
            const { code, err } = await promoteAgainst(e2e(state));
            assert.equal(code, EXIT.refused);
            assert.deepEqual(err, [
                `promote: refusing: commit status "e2e-tests" is ${state} on carverauto/serviceradar@v1.4.0 ` +
                    `(${SHA.slice(0, 12)}): e2e ${state} - ${GATE_URL}; ${hint} ` +
                    "(Pulumi.demo.yaml unchanged)",
            ]);
            assert.equal(readStack(dir, "demo"), before);
        });
    }

    it("refuses a gate that never reported, pointing at the workflow and --context/--ref", async () => {
        dir = directProject("1.4.0", "1.3.9");
        const { code, err } = await promoteAgainst([{ context: "build", state: "success" }]);
        assert.equal(code, EXIT.refused);
        assert.deepEqual(err, [
            `promote: refusing: commit status "e2e-tests" is missing on carverauto/serviceradar@v1.4.0 ` +
                `(${SHA.slice(0, 12)}): the e2e gate never reported there; run the e2e gate (release workflow) or ` +
                "check --context/--ref (Pulumi.demo.yaml unchanged)",
        ]);
    });

    it("exits 4 with GitHub's refusal when the tag is unknown", async () => {
        dir = directProject("1.4.0", "1.3.9");
        gitHub = await startGitHubStandIn(serviceRadarRelease([]), TOKEN);
        const { code, err } = await promote(["1.4.0", "--github-api", gitHub.url, "--ref", "v1.4.0-missing"]);
        assert.equal(code, EXIT.gitHubUnreachable);
        assert.deepEqual(err, [
            "promote: cannot check the gate: GitHub has no ref v1.4.0-missing in carverauto/serviceradar (HTTP 404), " +
                "or the token cannot see the repository (Pulumi.demo.yaml unchanged)",
        ]);
    });

    it("writes a version into a demo that has none yet, saying it was unset", async () => {
        dir = directProject("1.4.0", "1.3.9");
        removeKey(dir, "demo", "version");
        const { code, out, err } = await promoteAgainst(e2e("success"));
        assert.equal(code, EXIT.ok, err.join("\n"));
        assert.equal(out[2], "Promoted demo: version (unset) -> 1.4.0 in Pulumi.demo.yaml");
        assert.equal(configOf(readStack(dir, "demo"))[VERSION_KEY], "1.4.0");
    });

    it("prints the edit's notes and warnings: an imageTag moved along, a chartVersion pinned elsewhere", async () => {
        dir = directProject("1.4.0", "1.3.9");
        setKey(dir, "demo", "imageTag", "v1.3.9");
        setKey(dir, "demo", "chartVersion", "1.3.0");
        const { code, out, err } = await promoteAgainst(e2e("success"));
        assert.equal(code, EXIT.ok, err.join("\n"));
        assert.equal(
            out[3],
            "  serviceradar-release:imageTag: v1.3.9 -> v1.4.0 (it equalled the value version implies, so it keeps following version)",
        );
        assert.deepEqual(err, [
            "promote: warning: serviceradar-release:chartVersion is pinned to 1.3.0 in Pulumi.demo.yaml and does not " +
                "follow version (version 1.4.0 implies 1.4.0); remove the key or set it by hand",
        ]);
    });

    it("stops under the lock when demo moved ahead while the gate was checked, writing nothing", async () => {
        dir = directProject("1.4.0", "1.3.9");
        const { code, err } = await promoteAgainst(e2e("success"), {
            meanwhile: () => setKey(dir, "demo", "version", "1.5.0"),
        });
        assert.equal(code, EXIT.refused);
        assert.deepEqual(err, [
            "promote: refusing to move demo backwards from 1.5.0 to 1.4.0; pass --rollback to roll back on purpose " +
                "(Pulumi.demo.yaml unchanged)",
        ]);
        assert.equal(configOf(readStack(dir, "demo"))[VERSION_KEY], "1.5.0");
    });

    it("stops when staging lost its version while the gate was checked", async () => {
        dir = directProject("1.4.0", "1.3.9");
        const before = readStack(dir, "demo");
        const { code, err } = await promoteAgainst(e2e("success"), {
            meanwhile: () => removeKey(dir, "demo-staging", "version"),
        });
        assert.equal(code, EXIT.refused);
        assert.deepEqual(err, [
            "promote: demo-staging moved to (no version) while the gate was checked (Pulumi.demo-staging.yaml); " +
                "run promote again (Pulumi.demo.yaml unchanged)",
        ]);
        assert.equal(readStack(dir, "demo"), before);
    });

    describe("refusals before GitHub is asked", () => {
        const firstRelease = (version: string, rollback: string) =>
            `release it there first (npm run release -- ${version}${rollback}) and let the e2e gate pass, or bypass ` +
            `with --force --reason "..." (Pulumi.demo.yaml unchanged)`;

        for (const [staged, rollback] of [
            ["1.3.9", ""],
            ["1.5.0", " --rollback"],
        ]) {
            it(`tells how to release 1.4.0 to a staging at ${staged}${rollback ? " (a step back)" : ""}`, async () => {
                dir = directProject(staged, "1.3.8");
                const { code, err } = await promote(["1.4.0"]);
                assert.equal(code, EXIT.refused);
                assert.deepEqual(err, [
                    `promote: demo-staging runs ${staged}, not 1.4.0 (Pulumi.demo-staging.yaml); ` +
                        firstRelease("1.4.0", rollback),
                ]);
            });
        }

        it("says staging has no version at all", async () => {
            dir = directProject("1.4.0", "1.3.8");
            removeKey(dir, "demo-staging", "version");
            const { code, err } = await promote(["1.4.0"]);
            assert.equal(code, EXIT.refused);
            assert.deepEqual(err, [
                "promote: demo-staging runs (no version), not 1.4.0 (Pulumi.demo-staging.yaml); " +
                    firstRelease("1.4.0", ""),
            ]);
        });

        it("names promoter mode, where it is set, and the PR to merge instead", async () => {
            dir = directProject("1.4.0", "1.3.9");
            setKey(dir, "demo", "promotionMode", "promoter");
            const { code, err } = await promote(["1.4.0"]);
            assert.equal(code, EXIT.refused);
            assert.deepEqual(err, [
                "promote: promotionMode is promoter for demo (Pulumi.demo.yaml): GitOps Promoter carries releases " +
                    "from demo-staging to demo; merge the promoter's demo PR instead. npm run promote only works " +
                    "when promotionMode is direct (Pulumi.demo.yaml unchanged)",
            ]);
        });

        it("refuses a later environment in promoter mode as promoter mode, though it may hold no version", async () => {
            // customer-a's stack file holds no version (demo-staging decides it in promoter mode): promote must not
            // judge it as if the promoted version were already written there (an invalid configuration, exit 2).
            dir = projectWithCustomerA();
            for (const stack of ["demo-staging", "demo"]) setKey(dir, stack, "promotionMode", "direct");
            setKey(dir, "demo", "version", "1.4.1");
            setKey(dir, "customer-a", "promotionMode", "promoter");
            const { code, err } = await promote(["1.4.1", "--stack", "customer-a"]);
            assert.equal(code, EXIT.refused, err.join("\n"));
            assert.deepEqual(err, [
                "promote: promotionMode is promoter for customer-a (Pulumi.customer-a.yaml): GitOps Promoter carries " +
                    "releases from demo to customer-a; merge the promoter's customer-a PR instead. npm run promote " +
                    "only works when promotionMode is direct (Pulumi.customer-a.yaml unchanged)",
            ]);
        });

        it("names the step back and the no-op with the command's name", async () => {
            dir = directProject("1.3.0", "1.4.0");
            const back = await promote(["1.3.0"]);
            assert.equal(back.code, EXIT.refused);
            assert.deepEqual(back.err, [
                "promote: refusing to move demo backwards from 1.4.0 to 1.3.0; pass --rollback to roll back on " +
                    "purpose (Pulumi.demo.yaml unchanged)",
            ]);
            setKey(dir, "demo-staging", "version", "1.4.0");
            const same = await promote(["1.4.0"]);
            assert.equal(same.code, EXIT.nothingToDo);
            assert.deepEqual(same.out, ["demo is already at 1.4.0; nothing to do (Pulumi.demo.yaml unchanged)."]);
        });
    });

    describe("--force: the audit record", () => {
        /** The comment line above the version key, without the indentation and the marker. */
        function auditLine(): string {
            const lines = readStack(dir, "demo").split("\n");
            const at = lines.findIndex((line) => line.startsWith(`  ${VERSION_KEY}:`));
            return lines[at - 1].replace(`  # ${AUDIT_MARKER} `, "");
        }

        it("trims the actor, folds the reason's whitespace and skips the staging note when staging runs it", async () => {
            dir = directProject("1.4.0", "1.3.9");
            const { code, out } = await promote(["1.4.0", "--force", "--reason", "  CVE-2025-1   \t hotfix  "], {
                env: { GITHUB_ACTOR: "  octocat ", USER: "alice" },
            });
            assert.equal(code, EXIT.ok, out.join("\n"));
            const audit =
                `1.4.0 by octocat at ${NOW} (gate e2e-tests on carverauto/serviceradar@v1.4.0 not checked); ` +
                "reason: CVE-2025-1 hotfix";
            assert.equal(auditLine(), audit);
            assert.ok(out.includes(`AUDIT forced promotion recorded in Pulumi.demo.yaml: ${audit}`), out.join("\n"));
        });

        it("records an unknown actor and a staging without a version", async () => {
            dir = directProject("1.4.0", "1.3.9");
            removeKey(dir, "demo-staging", "version");
            const { code, out } = await promote(["1.4.0", "--force", "--reason", "r"], { env: { USER: " " } });
            assert.equal(code, EXIT.ok, out.join("\n"));
            assert.equal(
                auditLine(),
                `1.4.0 by unknown at ${NOW} (gate e2e-tests on carverauto/serviceradar@v1.4.0 not checked; ` +
                    "demo-staging runs (unset)); reason: r",
            );
        });

        it("keeps GITHUB_TOKEN pasted into the reason out of the stack file and the output", async () => {
            dir = directProject("1.4.0", "1.3.9");
            const { code, out } = await promote(["1.4.0", "--force", "--reason", `leaked ${TOKEN} in chat`], {
                env: { GITHUB_TOKEN: TOKEN, GITHUB_ACTOR: "octocat" },
            });
            assert.equal(code, EXIT.ok);
            assert.match(auditLine(), /reason: leaked \[REDACTED\] in chat$/);
            assert.ok(!readStack(dir, "demo").includes(TOKEN));
            assert.ok(!out.join("\n").includes(TOKEN), out.join("\n"));
        });

        it("takes a reason of 300 characters and refuses one of 301", async () => {
            dir = directProject("1.4.0", "1.3.9");
            const long = await promote(["1.4.0", "--force", "--reason", "x".repeat(301)]);
            assert.equal(long.code, EXIT.usage);
            assert.equal(long.err[0], "promote: --reason is longer than 300 characters; link to the incident instead");
            const just = await promote(["1.4.0", "--force", "--reason", "x".repeat(300)]);
            assert.equal(just.code, EXIT.ok, just.err.join("\n"));
        });
    });

    describe("usage errors: exit 2, one line, nothing asked or written", () => {
        for (const [what, args, message] of [
            ["no version", [], "promote: missing version (e.g. npm run promote -- 1.2.28)"],
            [
                "a control character in the reason",
                ["1.4.0", "--force", "--reason", "bell\u0007"],
                "promote: --reason contains a control character (U+0007); write the reason as plain text",
            ],
            [
                "a --repo that is no owner/name",
                ["1.4.0", "--repo", "serviceradar"],
                'promote: --repo must look like owner/name, got "serviceradar"',
            ],
            ["an empty --context", ["1.4.0", "--context", ""], "promote: --context must not be empty"],
            ["a blank --context", ["1.4.0", "--context", "  "], "promote: --context must not be empty"],
            ["an empty --ref", ["1.4.0", "--ref", ""], "promote: --ref must not be empty"],
            ["a blank --ref", ["1.4.0", "--ref", " \t"], "promote: --ref must not be empty"],
            [
                "a --github-api that is not http(s)",
                ["1.4.0", "--github-api", "ftp://api.github.com"],
                'promote: --github-api must be an http(s) URL, got "ftp://api.github.com"',
            ],
            [
                "a --github-api with an URL inside",
                ["1.4.0", "--github-api", "see https://api.github.com"],
                'promote: --github-api must be an http(s) URL, got "see https://api.github.com"',
            ],
            [
                "--stack naming the first environment",
                ["1.4.0", "--stack", "demo-staging"],
                '--stack "demo-staging": expected an environment after the first of demo-staging, demo ' +
                    "(the first is written by npm run release)",
            ],
        ] as const) {
            it(what, async () => {
                dir = directProject("1.4.0", "1.3.9");
                const before = readStack(dir, "demo");
                const { code, err } = await promote([...args]);
                assert.equal(code, EXIT.usage, err.join("\n"));
                assert.deepEqual(err, [
                    message.startsWith("promote: ") ? message : `promote: ${message}`,
                    "Run with --help for usage.",
                ]);
                assert.equal(readStack(dir, "demo"), before);
            });
        }
    });

    it("--help prints the usage and exits 0", async () => {
        const { code, out, err } = await promote(["--help"]);
        assert.equal(code, EXIT.ok);
        assert.deepEqual([out, err], [[PROMOTE_USAGE], []]);
    });

    it("through its entry, works in the context's root when --root is not given", async () => {
        // Staging runs 77.7.7 in the temporary project only: there, promote gets as far as the missing token.
        dir = directProject("77.7.7", "1.3.9");
        const result = await runInProcess(runPromoteCommand, ["77.7.7"], { env: {}, root: dir });
        assert.equal(result.code, EXIT.usage, result.stderr);
        assert.match(result.stderr, /^promote: GITHUB_TOKEN is not set/);
        assert.ok(fs.existsSync(stackPath(dir, "demo")));
    });
});
