// `npm run rollback` at its edges, pinned exactly: what it writes to GitHub (commits, trees, refs and their `force`),
// how each of GitHub's answers becomes a line and an exit code, how far back it looks, which releases it refuses, and
// what it prints next. Each test fails on a one-line change of tools/lib/rollbackCommand.ts or gitHubCommand.ts.

import { strict as assert } from "assert";
import { EXIT } from "../../lib/cli/exitCodes";
import { hydratorMetadata } from "../../promotion/hydratedFiles";
import { MAX_HISTORY_COMMITS, ROLLBACK_USAGE, runRollbackCommand } from "../../tools/lib/rollbackCommand";
import { GitHubStandIn } from "../support/gitHubStandIn";
import { HYDRATION, hydrated } from "../support/rollbackHistory";
import { observedFetch } from "../support/statusStandIn";
import { configOf, readStack, runEntry, setKey } from "./helpers";
import { NOW, REASON, TOKEN, replaceHistory, rollback, writes } from "./rollbackRun";

const DOCS = "https://docs.github.com/rest";
const NEXT_STEPS_AT = (to: string, from: string) => [
    "Next: GitOps Promoter opens the promotion pull request environment/demo-next -> environment/demo; the " +
        "environment's gates and rulesets apply to it.",
    `  To make it stick, set the pipeline stack's version too: npm run release -- ${to} --rollback --stack ` +
        `demo-staging (commit and push), or the next pulumi up of demo-staging hydrates environment/demo-next with ` +
        `${from} again.`,
];
const NEVER_RAN = (version: string, looked: number) =>
    `rollback: environment/demo in carverauto/serviceradar-release did not run ${version} in its last ${looked} ` +
    "commits; nothing was written (roll back to a release the environment ran, or release it: npm run release -- " +
    "<version> --rollback)";

/** Pushes `files` onto `branch` the moment the rollback asks GitHub to move that branch (someone else's push). */
function pushMeanwhile(github: GitHubStandIn, branch: string, files: Record<string, string>) {
    github.beforeRefUpdate = () => {
        const asked = github.refUpdates[github.refUpdates.length - 1];
        if (asked.ref === `heads/${branch}`) github.push(HYDRATION, asked.ref, files, "pushed meanwhile");
    };
}

describe("npm run rollback: edges", function () {
    this.timeout(60_000);

    describe("what it writes", () => {
        it("rolls back to the newest commit that ran the version, with the exact records, messages and audit line", async () => {
            const { code, io, github } = await rollback(["--to", "1.2.26"]);
            assert.equal(code, EXIT.ok, io.text());
            const ran126 = github.history(HYDRATION, "environment/demo")[2];
            const [dryHead] = github.history(HYDRATION, "hydrator/dry");
            const [nextHead] = github.history(HYDRATION, "environment/demo-next");
            const subject = "rollback: demo 1.2.28 -> 1.2.26";
            const trailers =
                "Rollback-To: 1.2.26\nRollback-From: 1.2.28\nReason: 1.2.28 breaks logins\nRequested-By: octocat";
            assert.equal(github.commits.get(dryHead)!.message, `${subject}\n\n${trailers}\n`);
            assert.equal(
                github.filesAt(dryHead)["rollback.json"],
                `${JSON.stringify(
                    {
                        environment: "demo",
                        from: "1.2.28",
                        to: "1.2.26",
                        reason: REASON,
                        requestedBy: "octocat",
                        at: NOW.toISOString(),
                        hydratedCommit: ran126,
                    },
                    null,
                    2,
                )}\n`,
            );
            assert.equal(
                github.commits.get(nextHead)!.message,
                `${subject}\n\nContent of ${ran126}, which ran 1.2.26.\n\n${trailers}\nRollback-Dry-Sha: ${dryHead}\n`,
            );
            assert.deepEqual(github.filesAt(nextHead), {
                ...github.filesAt(ran126),
                "hydrator.metadata": hydratorMetadata(dryHead, `https://github.com/${HYDRATION}`, subject),
            });
            assert.deepEqual(io.stdout, [
                `AUDIT rollback demo 1.2.28 -> 1.2.26 (promoter mode) hydrated ${ran126} on environment/demo-next as ` +
                    `${nextHead}, DRY ${dryHead} by octocat at 2026-12-04T12:00:00.000Z; reason: ${REASON}`,
            ]);
            assert.deepEqual(io.stderr, NEXT_STEPS_AT("1.2.26", "1.2.28"));
            // Refs only move forward: GitHub is asked never to force.
            assert.deepEqual(
                github.refUpdates.map((update) => [update.ref, update.force]),
                [
                    ["heads/hydrator/dry", false],
                    ["heads/environment/demo-next", false],
                ],
            );
        });

        it("never forces environment/demo-next over a push that came meanwhile: GitHub's 422 is exit 8, the push stays", async () => {
            const { code, io, github } = await rollback(["--to", "1.2.27"], (g) =>
                pushMeanwhile(g, "environment/demo-next", { "values-release.yaml": "global:\n  imageTag: v1.2.29\n" }),
            );
            assert.equal(code, EXIT.headMoved, io.text());
            assert.deepEqual(io.stderr, [
                "rollback: environment/demo-next moved while the rollback was written (GitHub refused a ref update " +
                    "that is not a fast-forward); hydrator/dry holds the record, environment/demo-next was not moved; " +
                    "run rollback again",
            ]);
            assert.deepEqual(io.stdout, []);
            const next = github.head(HYDRATION, "environment/demo-next")!;
            assert.equal(github.commits.get(next)!.message, "pushed meanwhile", "the other push is kept");
            assert.ok(github.refUpdates.every((update) => update.force === false));
        });

        it("never forces hydrator/dry over a push that came meanwhile, and then leaves -next alone", async () => {
            const { code, io, github } = await rollback(["--to", "1.2.27"], (g) =>
                pushMeanwhile(g, "hydrator/dry", { "release.json": '{"version":"1.2.29"}\n' }),
            );
            assert.equal(code, EXIT.headMoved, io.text());
            assert.deepEqual(io.stderr, [
                "rollback: hydrator/dry moved while the rollback was written (GitHub refused a ref update that is not " +
                    "a fast-forward); nothing was moved; run rollback again",
            ]);
            const dry = github.head(HYDRATION, "hydrator/dry")!;
            assert.equal(github.commits.get(dry)!.message, "pushed meanwhile");
            assert.deepEqual(
                github.refUpdates.map((update) => update.ref),
                ["heads/hydrator/dry"],
            );
        });
    });

    describe("GitHub's answers, one line and one exit code each", () => {
        const refusedWith = (status: number, message: string, path: RegExp, headers?: Record<string, string>) =>
            rollback(["--to", "1.2.27"], (g) => (g.refusal = { status, message, path, headers }));
        const cases: { name: string; run: () => ReturnType<typeof rollback>; code: number; line: string }[] = [
            {
                name: "a 403 on a ref update is no access, not a moved branch",
                run: () => refusedWith(403, "Resource not accessible by integration", /\/git\/refs\//),
                code: EXIT.gitHubNoAccess,
                line:
                    "rollback: GitHub answered HTTP 403 to record the rollback on hydrator/dry (Resource not " +
                    `accessible by integration - ${DOCS}): the token lacks access, or it does not exist`,
            },
            {
                name: "a 403 on the second ref update names environment/demo-next",
                run: () => refusedWith(403, "Resource not accessible by integration", /\/git\/refs\/.*demo-next$/),
                code: EXIT.gitHubNoAccess,
                line:
                    "rollback: GitHub answered HTTP 403 to commit the rollback on environment/demo-next (Resource not " +
                    `accessible by integration - ${DOCS}): the token lacks access, or it does not exist`,
            },
            {
                name: "a 409 on a ref update (GitHub's Conflict) is exit 8 with the way on",
                run: () => refusedWith(409, "Git Repository is empty.", /\/git\/refs\//),
                code: EXIT.headMoved,
                line:
                    "rollback: GitHub refused to record the rollback on hydrator/dry (HTTP 409: Git Repository is " +
                    `empty. - ${DOCS}): it moved meanwhile; run rollback again`,
            },
            {
                name: "a 422 from a ruleset on a ref update, the branch where it was, is refused, not 'moved'",
                run: () => refusedWith(422, "Repository rule violations found", /\/git\/refs\/.*demo-next$/),
                code: EXIT.refused,
                line:
                    "rollback: GitHub refused to commit the rollback on environment/demo-next (HTTP 422: Repository " +
                    `rule violations found - ${DOCS})`,
            },
            {
                name: "a 422 on writing a tree is refused, with no 'run again'",
                run: () => refusedWith(422, "Invalid tree info", /\/git\/trees$/),
                code: EXIT.refused,
                line: `rollback: GitHub refused to record the rollback on hydrator/dry (HTTP 422: Invalid tree info - ${DOCS})`,
            },
            {
                name: "a spent rate limit says when it resets",
                run: () =>
                    refusedWith(403, "API rate limit exceeded", /./, {
                        "x-ratelimit-remaining": "0",
                        "x-ratelimit-reset": String(Date.parse("2026-12-04T13:00:00Z") / 1000),
                    }),
                code: EXIT.gitHubRateLimited,
                line:
                    "rollback: GitHub rate limit reached (HTTP 403) while trying to read the history of " +
                    "environment/demo; it resets at 2026-12-04T13:00:00.000Z",
            },
            {
                name: "a spent rate limit without a reset time says so",
                run: () => refusedWith(403, "API rate limit exceeded", /./, { "x-ratelimit-remaining": "0" }),
                code: EXIT.gitHubRateLimited,
                line:
                    "rollback: GitHub rate limit reached (HTTP 403) while trying to read the history of " +
                    "environment/demo; GitHub did not say when it resets",
            },
            {
                name: "a 500 reading a file is GitHub unreachable, not a file that is missing",
                run: () => refusedWith(500, "Server Error", /\/contents\//),
                code: EXIT.gitHubUnreachable,
                line: `rollback: GitHub could not be asked to read the history of environment/demo: HTTP 500: Server Error - ${DOCS}`,
            },
            {
                name: "a 500 reading hydrator.metadata names the commit it read",
                run: () => refusedWith(500, "Server Error", /\/contents\/hydrator\.metadata$/),
                code: EXIT.gitHubUnreachable,
                line: "", // filled in below: the sha is the stand-in's
            },
            {
                name: "a 500 reading the branch heads names them",
                run: () => refusedWith(500, "Server Error", /\/git\/ref\/heads/),
                code: EXIT.gitHubUnreachable,
                line:
                    "rollback: GitHub could not be asked to read the heads of hydrator/dry and environment/demo-next: " +
                    `HTTP 500: Server Error - ${DOCS}`,
            },
            {
                name: "a branch that does not exist is GitHub's 404: not found",
                run: () => rollback(["--to", "1.2.27"], (g) => g.refsOf(HYDRATION).delete("heads/environment/demo")),
                code: EXIT.gitHubNoAccess,
                line:
                    "rollback: GitHub answered HTTP 404 to read the history of environment/demo (Not Found): the " +
                    "token lacks access, or it does not exist",
            },
        ];
        for (const { name, run, code, line } of cases) {
            it(name, async () => {
                const outcome = await run();
                assert.equal(outcome.code, code, outcome.io.text());
                const ran127 = outcome.github.history(HYDRATION, "environment/demo")[1];
                const expected =
                    line === ""
                        ? `rollback: GitHub could not be asked to read hydrator.metadata of ${ran127}: HTTP 500: Server Error - ${DOCS}`
                        : line;
                assert.deepEqual(outcome.io.stderr, [expected]);
                assert.deepEqual(outcome.io.stdout, []);
            });
        }

        it("the token is redacted from GitHub's words even where no 'Bearer' precedes it, and is sent trimmed", async () => {
            const { code, io } = await rollback(
                ["--to", "1.2.27"],
                (g) => (g.refusal = { status: 422, message: `token ${TOKEN} may not write`, path: /\/git\/trees$/ }),
                { env: (url) => ({ GITHUB_TOKEN: ` ${TOKEN} `, GITHUB_ACTOR: "octocat", GITHUB_API_URL: url }) },
            );
            assert.equal(code, EXIT.refused, io.text());
            assert.deepEqual(io.stderr, [
                "rollback: GitHub refused to record the rollback on hydrator/dry (HTTP 422: token [REDACTED] may not " +
                    `write - ${DOCS})`,
            ]);
        });
    });

    describe("how far back it looks", () => {
        /** demo ran 1.2.26, 1.2.27, then 1.2.28 `again` more times: 1.2.27 is commit `again + 2` from the head. */
        const resynced = (again: number) => (g: GitHubStandIn) => {
            for (let i = 0; i < again; i++) g.push(HYDRATION, "heads/environment/demo", { "resync.txt": `${i}\n` });
        };
        const contentReads = (github: GitHubStandIn) =>
            github.requests.filter((request) => /\/contents\/values-release\.yaml/.test(request.path)).length;

        it(`finds a release at the ${MAX_HISTORY_COMMITS}th commit`, async () => {
            const { code, io, github } = await rollback(["--to", "1.2.27"], resynced(MAX_HISTORY_COMMITS - 2));
            assert.equal(code, EXIT.ok, io.text());
            assert.equal(contentReads(github), MAX_HISTORY_COMMITS);
        });

        it(`refuses a release first seen at the ${MAX_HISTORY_COMMITS + 1}st commit, having read no further`, async () => {
            const { code, io, github } = await rollback(["--to", "1.2.27"], resynced(MAX_HISTORY_COMMITS - 1));
            assert.equal(code, EXIT.refused, io.text());
            assert.deepEqual(io.stderr, [NEVER_RAN("1.2.27", MAX_HISTORY_COMMITS)]);
            assert.equal(contentReads(github), MAX_HISTORY_COMMITS);
            assert.deepEqual(writes(github), []);
        });

        it("refuses a release the whole (short) history never ran, counting what it read", async () => {
            const { code, io, github } = await rollback(["--to", "1.2.20"]);
            assert.equal(code, EXIT.refused, io.text());
            assert.deepEqual(io.stderr, [NEVER_RAN("1.2.20", 3)]);
            assert.deepEqual(writes(github), []);
        });

        it("has nothing to do when the head runs the version, having read the head only", async () => {
            const { code, io, github } = await rollback(["--to", "1.2.28"]);
            assert.equal(code, EXIT.nothingToDo, io.text());
            assert.deepEqual(io.stderr, ["rollback: environment/demo already runs 1.2.28; nothing to do"]);
            assert.equal(contentReads(github), 1);
        });

        it("a commit without values-release.yaml (GitHub's 404) ran no release: the walk goes on past it", async () => {
            const { code, io } = await rollback(["--to", "1.2.20"], (g) =>
                replaceHistory(g, "environment/demo", [
                    { "README.md": "an environment branch before the hydrator wrote it\n" },
                    hydrated("1.2.27", "dry-1.2.27"),
                    hydrated("1.2.28", "dry-1.2.28"),
                ]),
            );
            assert.equal(code, EXIT.refused, io.text());
            assert.deepEqual(io.stderr, [NEVER_RAN("1.2.20", 3)]);
        });
    });

    describe("which release it runs now, and which it refuses", () => {
        it("refuses a 'rollback' to a release newer than the one running, writing nothing", async () => {
            // demo was rolled back to 1.2.26 already: 1.2.28 is in its history but is no rollback from 1.2.26.
            const { code, io, github } = await rollback(["--to", "1.2.28"], (g) =>
                g.push(HYDRATION, "heads/environment/demo", hydrated("1.2.26", "dry-again")),
            );
            assert.equal(code, EXIT.refused, io.text());
            assert.deepEqual(io.stderr, [
                "rollback: 1.2.28 is not older than 1.2.26, which environment/demo runs; that is a release, not a rollback",
            ]);
            assert.deepEqual(writes(github), []);
        });

        // A head whose release cannot be read runs "(unknown)": the rollback goes ahead (nothing to compare with).
        const unreadableHeads: [string, Record<string, string>][] = [
            ["no values-release.yaml", { "README.md": "hand-made\n" }],
            ["an imageTag without the leading v", { "values-release.yaml": "global:\n  imageTag: 1.2.28-dev\n" }],
            ["no imageTag", { "values-release.yaml": "global: {}\n" }],
            ["a values file that does not parse", { "values-release.yaml": "global:\n  imageTag: v1.2.28\n: :\n" }],
        ];
        for (const [what, head] of unreadableHeads) {
            it(`a head with ${what} runs (unknown), and the rollback goes ahead`, async () => {
                const { code, io, github } = await rollback(["--to", "1.2.27"], (g) =>
                    replaceHistory(g, "environment/demo", [hydrated("1.2.27", "dry-1.2.27"), head]),
                );
                assert.equal(code, EXIT.ok, io.text());
                const dry = JSON.parse(github.filesAt(github.head(HYDRATION, "hydrator/dry")!)["rollback.json"]);
                assert.equal(dry.from, "(unknown)");
                assert.match(io.stdout[0], /^AUDIT rollback demo \(unknown\) -> 1\.2\.27 \(promoter mode\) /);
                assert.deepEqual(io.stderr, NEXT_STEPS_AT("1.2.27", "(unknown)"));
            });
        }

        it("a values file that does not parse is no evidence of a release, even if it names one", async () => {
            const { code, io, github } = await rollback(["--to", "1.2.27"], (g) =>
                replaceHistory(g, "environment/demo", [
                    hydrated("1.2.27", "dry-1.2.27"),
                    {
                        ...hydrated("1.2.27", "dry-broken"),
                        "values-release.yaml": "global:\n  imageTag: v1.2.27\n: :\n",
                    },
                    hydrated("1.2.28", "dry-1.2.28"),
                ]),
            );
            assert.equal(code, EXIT.ok, io.text());
            const oldest = github.history(HYDRATION, "environment/demo")[2];
            const dry = JSON.parse(github.filesAt(github.head(HYDRATION, "hydrator/dry")!)["rollback.json"]);
            assert.equal(dry.hydratedCommit, oldest);
        });
    });

    describe("hydrator.metadata's repoURL on -next", () => {
        const withMetadata = (metadata: string | undefined) => (g: GitHubStandIn) => {
            const files = hydrated("1.2.27", "dry-1.2.27");
            if (metadata === undefined) delete files["hydrator.metadata"];
            else files["hydrator.metadata"] = metadata;
            replaceHistory(g, "environment/demo", [files, hydrated("1.2.28", "dry-1.2.28")]);
        };
        const cases: [string, string | undefined, string][] = [
            [
                "is the one the commit that ran the release names",
                JSON.stringify({ drySha: "x", repoURL: "https://github.example.com/carverauto/serviceradar-release" }),
                "https://github.example.com/carverauto/serviceradar-release",
            ],
            [
                "is the repository's own when that commit has no hydrator.metadata",
                undefined,
                `https://github.com/${HYDRATION}`,
            ],
            ["is the repository's own when the file is no JSON", "drySha: x\n", `https://github.com/${HYDRATION}`],
            [
                "is the repository's own when repoURL is not a string",
                '{"repoURL": 42}',
                `https://github.com/${HYDRATION}`,
            ],
        ];
        for (const [name, metadata, repoURL] of cases) {
            it(name, async () => {
                const { code, io, github } = await rollback(["--to", "1.2.27"], withMetadata(metadata));
                assert.equal(code, EXIT.ok, io.text());
                const dryHead = github.head(HYDRATION, "hydrator/dry")!;
                assert.equal(
                    github.filesAt(github.head(HYDRATION, "environment/demo-next")!)["hydrator.metadata"],
                    hydratorMetadata(dryHead, repoURL, "rollback: demo 1.2.28 -> 1.2.27"),
                );
            });
        }
    });

    describe("direct mode", () => {
        const direct =
            (version: string | undefined, extra: Record<string, string> = {}) =>
            (_g: GitHubStandIn, dir: string) => {
                setKey(dir, "demo", "promotionMode", "direct");
                if (version !== undefined) setKey(dir, "demo", "version", version);
                for (const [key, value] of Object.entries(extra)) setKey(dir, "demo", key, value);
            };

        it("prints the commit to make, with the trailers, and how it is applied; notes a pin that follows", async () => {
            const { code, io, stackText } = await rollback(
                ["--to", "1.2.27"],
                direct("1.2.28", { imageTag: "v1.2.28", chartVersion: "9.9.9" }),
            );
            assert.equal(code, EXIT.ok, io.text());
            assert.equal(configOf(stackText)["serviceradar-release:imageTag"], "v1.2.27");
            assert.deepEqual(io.stdout, [
                "  serviceradar-release:imageTag: v1.2.28 -> v1.2.27 (it equalled the value version implies, so it " +
                    "keeps following version)",
                "AUDIT rollback demo 1.2.28 -> 1.2.27 (direct mode) in Pulumi.demo.yaml by octocat at " +
                    `2026-12-04T12:00:00.000Z; reason: ${REASON}`,
            ]);
            assert.deepEqual(io.stderr, [
                "rollback: warning: serviceradar-release:chartVersion is pinned to 9.9.9 in Pulumi.demo.yaml and " +
                    "does not follow version (version 1.2.27 implies 1.2.27); remove the key or set it by hand",
                "Next:",
                '  git add Pulumi.demo.yaml && git commit -m "rollback: ServiceRadar 1.2.27 to demo" -m "Rollback-To: ' +
                    `1.2.27\nRollback-From: 1.2.28\nReason: ${REASON}\nRequested-By: octocat" && git push`,
                "  deploymentsEnabled is not true for demo (Pulumi.yaml default): nothing runs pulumi up on the push. " +
                    "The rollback workflow's own pulumi up step does, or run pulumi up -s demo; Argo CD then syncs it.",
            ]);
        });

        it("has nothing to do when the stack file already has the version, and leaves it alone", async () => {
            let before = "";
            const { code, io, stackText } = await rollback(["--to", "1.2.27"], (g, dir) => {
                direct("1.2.27")(g, dir);
                before = readStack(dir, "demo");
            });
            assert.equal(code, EXIT.nothingToDo, io.text());
            assert.deepEqual(io.stderr, ["rollback: Pulumi.demo.yaml already has version 1.2.27; nothing to do"]);
            assert.deepEqual(io.stdout, []);
            assert.equal(stackText, before);
        });

        it("refuses a 'rollback' to a newer release than the stack file's, leaving it alone", async () => {
            const { code, io, stackText } = await rollback(["--to", "1.2.27"], direct("1.2.26"));
            assert.equal(code, EXIT.refused, io.text());
            assert.deepEqual(io.stderr, [
                "rollback: 1.2.27 is not older than 1.2.26 (Pulumi.demo.yaml); that is a release, not a rollback",
            ]);
            assert.deepEqual(io.stdout, []);
            assert.equal(configOf(stackText)["serviceradar-release:version"], "1.2.26");
        });

        it("a 500 looking up the release tag is GitHub unreachable, not a missing tag", async () => {
            const { code, io, stackText } = await rollback(["--to", "1.2.27"], (g, dir) => {
                direct("1.2.28")(g, dir);
                g.refusal = { status: 500, message: "Server Error", path: /\/git\/ref\/tags/ };
            });
            assert.equal(code, EXIT.gitHubUnreachable, io.text());
            assert.deepEqual(io.stderr, [
                "rollback: GitHub could not be asked to find the release tag v1.2.27 in carverauto/serviceradar: " +
                    `HTTP 500: Server Error - ${DOCS}`,
            ]);
            assert.equal(configOf(stackText)["serviceradar-release:version"], "1.2.28");
        });
    });

    describe("its flags and its environment", () => {
        it("--help prints the usage only and asks GitHub nothing", async () => {
            const { code, io, github } = await rollback(["--help"]);
            assert.equal(code, EXIT.ok);
            assert.deepEqual(io.stdout, [ROLLBACK_USAGE]);
            assert.deepEqual(io.stderr, []);
            assert.deepEqual(github.requests, []);
        });

        const usage: [string, string[], string, ((url: string) => Record<string, string | undefined>)?][] = [
            [
                "a --to with a leading v",
                ["--to", "v1.2.27"],
                '--to: "v1.2.27" is not a release version: drop the leading "v" and pass 1.2.27',
            ],
            [
                "no GITHUB_TOKEN",
                ["--to", "1.2.27"],
                "GITHUB_TOKEN is not set",
                (url) => ({ GITHUB_ACTOR: "octocat", GITHUB_API_URL: url }),
            ],
            [
                "a blank GITHUB_TOKEN",
                ["--to", "1.2.27"],
                "GITHUB_TOKEN is not set",
                (url) => ({ GITHUB_TOKEN: "  ", GITHUB_ACTOR: "octocat", GITHUB_API_URL: url }),
            ],
            ["a stray argument", ["--to", "1.2.27", "now"], "unexpected argument (every value follows its flag)"],
            [
                "a --repo that is not owner/name",
                ["--to", "1.2.27", "--repo", "serviceradar"],
                '--repo "serviceradar" is not owner/name',
            ],
        ];
        for (const [what, args, message, env] of usage) {
            it(`refuses ${what} as a usage error, asking GitHub nothing`, async () => {
                const { code, io, github } = await rollback(args, undefined, { env });
                assert.equal(code, EXIT.usage, io.text());
                assert.deepEqual(io.stderr, [`rollback: ${message}`, "Run with --help for usage."]);
                assert.deepEqual(github.requests, []);
            });
        }

        it("--repo names the repository it reads and writes", async () => {
            const { code, io, github } = await rollback(["--to", "1.2.27", "--repo", "carverauto/elsewhere"]);
            assert.equal(code, EXIT.gitHubNoAccess, io.text());
            assert.match(github.requests[0].path, /^\/repos\/carverauto\/elsewhere\/commits\?/);
        });

        it("--api-url wins over GITHUB_API_URL", async () => {
            const { code, io } = await rollback(["--to", "1.2.27", "--api-url", "{url}"], undefined, {
                env: (url) => ({ GITHUB_TOKEN: TOKEN, GITHUB_ACTOR: "octocat", GITHUB_API_URL: "http://127.0.0.1:9/" }),
            });
            assert.equal(code, EXIT.ok, io.text());
        });

        it("--root wins over the default project directory", async () => {
            const { code, io } = await rollback(["--to", "1.2.27", "--root", "{dir}"], undefined, {
                optionsRoot: () => "/nonexistent-project",
            });
            assert.equal(code, EXIT.ok, io.text());
        });

        it("tells GitHub who calls: every request's User-Agent starts with serviceradar-release-rollback", async () => {
            const observed = observedFetch();
            const { code, io } = await rollback(["--to", "1.2.27"], undefined, { fetch: observed.fetch });
            assert.equal(code, EXIT.ok, io.text());
            assert.ok(observed.userAgents.length > 0);
            for (const agent of observed.userAgents) assert.match(agent, /^serviceradar-release-rollback /);
        });

        it("passes on GitHub's deprecation notice as a warning line", async () => {
            const observed = observedFetch({ deprecation: "true", sunset: "Tue, 01 Jun 2027 00:00:00 GMT" });
            const { code, io } = await rollback(["--to", "1.2.28"], undefined, { fetch: observed.fetch });
            assert.equal(code, EXIT.nothingToDo, io.text());
            // One warning per answer (the history, then the head's values file), each cut at 200 characters.
            assert.equal(io.stderr.length, 3, io.text());
            assert.match(
                io.stderr[0],
                /^rollback: warning: \[@octokit\/request\] "GET http:\/\/127\.0\.0\.1:\d+\/repos\/carverauto\/serviceradar-release\/commits\?sha=environment%2Fdemo&per_page=30" is deprecated\. It is scheduled to be removed on Tue, 01 Jun 2027 00:00:… \(\+\d+ chars\)$/,
            );
            assert.equal(io.stderr[2], "rollback: environment/demo already runs 1.2.28; nothing to do");
        });

        it("reads the clock when no time is given", async () => {
            const before = Date.now();
            const { code, io, github } = await rollback(["--to", "1.2.27", "--json"], undefined, { clock: true });
            assert.equal(code, EXIT.ok, io.text());
            const at = Date.parse(JSON.parse(io.stdout[0]).at);
            assert.ok(at >= before && at <= Date.now(), `${at} is now`);
            assert.ok(writes(github).length > 0);
        });
    });

    describe("as the command tools/rollback.ts runs", () => {
        it("--help through the command entry", async () => {
            const { code, stdout } = await runEntry(runRollbackCommand, ["--help"]);
            assert.equal(code, EXIT.ok);
            assert.equal(stdout, `${ROLLBACK_USAGE}\n`);
        });

        it("reads the project the context names", async () => {
            const argv = ["--environment", "demo", "--to", "1.2.27", "--reason", "x", "--actor", "octocat"];
            const { code, stderr } = await runEntry(runRollbackCommand, argv, (dir) =>
                setKey(dir, "demo", "promotionMode", "bogus"),
            );
            assert.equal(code, EXIT.usage);
            assert.equal(
                stderr,
                'rollback: Invalid configuration serviceradar-release:promotionMode: "bogus"; expected one of promoter, direct.\n',
            );
        });
    });
});
