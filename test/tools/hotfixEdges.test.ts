// `npm run hotfix` at its edges, pinned exactly: the audit comment it writes and the audit line it prints, which pull
// requests it refuses, which --pr it takes, and how each of GitHub's answers becomes one line (with the right hint) and
// an exit code. Each test fails on a one-line change of tools/lib/hotfixCommand.ts.

import { strict as assert } from "assert";
import { EXIT } from "../../lib/cli/exitCodes";
import { HOTFIX_USAGE, runHotfixCommand } from "../../tools/lib/hotfixCommand";
import { preloadOpenApi } from "../support/githubOpenApi";
import { HOTFIX_HEAD, hotfixHydration } from "../support/hotfixPull";
import { StandInCheckRun, StandInCommitStatus, StandInRepository, observedFetch } from "../support/statusStandIn";
import { runEntry, setKey } from "./helpers";
import { REASON, hotfix, onlyReads } from "./hotfixRun";

const DOCS = "https://docs.github.com/rest";
const AT = "2026-12-04T12:00:00.000Z";

/** The hydration repository with these gates on the pull request's head. */
function withGates(checkRuns: StandInCheckRun[], statuses: StandInCommitStatus[]): StandInRepository {
    const repo = hotfixHydration();
    Object.assign(repo.commits[HOTFIX_HEAD], { checkRuns, statuses });
    return repo;
}

/** The hydration repository answering `status` with `message` to the requests whose path matches `path`. */
function refusing(status: number, message: string, path: RegExp): StandInRepository {
    return { ...hotfixHydration(), refusal: { status, message, path } };
}

describe("npm run hotfix: edges", function () {
    this.timeout(60_000);
    before(() => preloadOpenApi());

    describe("what it writes and prints", () => {
        const cases: [string, StandInRepository, string][] = [
            [
                "every check run and commit status, a running check by its status",
                withGates(
                    [
                        { name: "promoter-previous-environment", conclusion: "failure" },
                        { name: "argocd-health", status: "in_progress" },
                    ],
                    [{ context: "serviceradar/e2e", state: "pending" }],
                ),
                "promoter-previous-environment=failure, argocd-health=in_progress, serviceradar/e2e=pending",
            ],
            ["no gate at all", withGates([], []), "none reported"],
        ];
        for (const [what, repo, gates] of cases) {
            it(`comments and prints the audit with ${what}`, async () => {
                const { code, io } = await hotfix(repo);
                assert.equal(code, EXIT.ok, io.text());
                assert.deepEqual(repo.comments, [
                    {
                        issue: 7,
                        body: [
                            `**Hotfix merge** of this promotion into \`environment/demo\`, requested by @octocat at ${AT}.`,
                            "",
                            `Reason: ${REASON}`,
                            "",
                            `Head checked: \`${HOTFIX_HEAD}\`. Gates on it at that time: ${gates}.`,
                            "",
                            "Merged by `npm run hotfix` (GitOps Promoter's hotfix path: merging the promotion pull request).",
                        ].join("\n"),
                    },
                ]);
                assert.deepEqual(io.stdout, [
                    "AUDIT hotfix merged carverauto/serviceradar-release#7 (environment/demo-next -> environment/demo) " +
                        `at ${HOTFIX_HEAD} as ${repo.pulls[0].mergeSha} by octocat at ${AT}; gates: ${gates}; ` +
                        `reason: ${REASON}`,
                ]);
                assert.deepEqual(io.stderr, []);
            });
        }

        it("tells GitHub who calls: every request's User-Agent starts with serviceradar-release-hotfix", async () => {
            const observed = observedFetch();
            const { code, io } = await hotfix(hotfixHydration(), [], { fetch: observed.fetch });
            assert.equal(code, EXIT.ok, io.text());
            assert.equal(observed.userAgents.length, 5, "the pull request, its gates (2), the comment, the merge");
            for (const agent of observed.userAgents) assert.match(agent, /^serviceradar-release-hotfix /);
        });

        it("reads the clock when no time is given", async () => {
            const before = Date.now();
            const { code, io } = await hotfix(hotfixHydration(), ["--json"], { clock: true });
            assert.equal(code, EXIT.ok, io.text());
            const at = Date.parse(JSON.parse(io.stdout[0]).at);
            assert.ok(at >= before && at <= Date.now(), `${at} is now`);
        });

        it("--root wins over the default project directory", async () => {
            const { code, io } = await hotfix(hotfixHydration(), ["--root", "{dir}"], {
                optionsRoot: "/nonexistent-project",
            });
            assert.equal(code, EXIT.ok, io.text());
        });
    });

    describe("which pull requests it refuses, writing nothing", () => {
        const refusal = (shown: string) =>
            "hotfix: #7 in carverauto/serviceradar-release is not the promoter's open pull request into " +
            `environment/demo (head ${shown}; expected environment/demo-next into environment/demo, open); nothing ` +
            "was merged";
        const cases: [string, Parameters<typeof hotfixHydration>[0], string][] = [
            [
                "into another base",
                { base: "main" },
                "carverauto/serviceradar-release:environment/demo-next, base main, open",
            ],
            [
                "that is closed",
                { state: "closed" },
                "carverauto/serviceradar-release:environment/demo-next, base environment/demo, closed",
            ],
            [
                "from another branch",
                { head: "feature/x" },
                "carverauto/serviceradar-release:feature/x, base environment/demo, open",
            ],
        ];
        for (const [what, overrides, shown] of cases) {
            it(`a pull request ${what}`, async () => {
                const repo = hotfixHydration(overrides);
                const { code, io, requests } = await hotfix(repo);
                assert.equal(code, EXIT.refused, io.text());
                assert.deepEqual(io.stderr, [refusal(shown)]);
                assert.ok(onlyReads(requests), requests.join("\n"));
                assert.equal(repo.comments, undefined);
            });
        }
    });

    describe("--pr", () => {
        for (const pr of ["0", "07", "x7", "7x", "12345678901", "-7"]) {
            it(`refuses --pr ${pr} as a usage error, asking GitHub nothing`, async () => {
                const { code, io, requests } = await hotfix(
                    hotfixHydration(),
                    ["--environment", "demo", `--pr=${pr}`, "--reason", "x"],
                    { replace: true },
                );
                assert.equal(code, EXIT.usage, io.text());
                assert.deepEqual(io.stderr, [
                    "hotfix: --pr <number> is required: the number of the promotion pull request",
                    "Run with --help for usage.",
                ]);
                assert.deepEqual(requests, []);
            });
        }

        it("takes a pull request number of ten digits", async () => {
            const repo = hotfixHydration({ number: 1234567890 });
            const { code, io } = await hotfix(repo, ["--environment", "demo", "--pr", "1234567890", "--reason", "x"], {
                replace: true,
            });
            assert.equal(code, EXIT.ok, io.text());
            assert.equal(repo.pulls[0].state, "closed");
        });
    });

    describe("GitHub's answers, one line and one exit code each", () => {
        const cases: [string, () => StandInRepository, number, string][] = [
            [
                "a 403 reading the pull request is no access",
                () => refusing(403, "Resource not accessible by integration", /\/pulls\/7$/),
                EXIT.gitHubNoAccess,
                `hotfix: GitHub answered HTTP 403 to read the pull request (Resource not accessible by integration - ${DOCS}): ` +
                    "the token lacks access, or it does not exist; nothing was merged",
            ],
            [
                "a 403 reading the gates names the head",
                () => refusing(403, "Resource not accessible by integration", /check-runs$/),
                EXIT.gitHubNoAccess,
                `hotfix: GitHub answered HTTP 403 to read the gates of ${HOTFIX_HEAD} (Resource not accessible by ` +
                    `integration - ${DOCS}): the token lacks access, or it does not exist; nothing was merged`,
            ],
            [
                "a 422 on the comment is refused, without the bypass hint (that is the merge's)",
                () => refusing(422, "Validation Failed", /comments$/),
                EXIT.refused,
                `hotfix: GitHub refused to comment on pull request #7 (HTTP 422: Validation Failed - ${DOCS}); nothing ` +
                    "was merged",
            ],
            [
                "a 405 on the merge names the bypass",
                () => hotfixHydration({ mergeRefusal: 405 }),
                EXIT.refused,
                `hotfix: GitHub refused to merge pull request #7 at ${HOTFIX_HEAD} (HTTP 405: Pull Request is not ` +
                    `mergeable - ${DOCS}/pulls/pulls#merge-a-pull-request); a ruleset requires checks the token's ` +
                    'identity may not bypass (README, "Bypass and rollback"); nothing was merged',
            ],
            [
                "a 409 on the merge says to look at the new head",
                () => hotfixHydration({ headMovesTo: "0".repeat(40) }),
                EXIT.headMoved,
                `hotfix: GitHub refused to merge pull request #7 at ${HOTFIX_HEAD} (HTTP 409: Head branch was ` +
                    `modified. Review and try the merge again. - ${DOCS}/pulls/pulls#merge-a-pull-request): it moved ` +
                    "meanwhile; look at the new head and run hotfix again; nothing was merged",
            ],
        ];
        for (const [what, repo, code, line] of cases) {
            it(what, async () => {
                const outcome = await hotfix(repo());
                assert.equal(outcome.code, code, outcome.io.text());
                assert.deepEqual(outcome.io.stderr, [line]);
                assert.deepEqual(outcome.io.stdout, []);
            });
        }
    });

    describe("as the command tools/hotfix.ts runs", () => {
        it("--help through the command entry", async () => {
            const { code, stdout } = await runEntry(runHotfixCommand, ["--help"]);
            assert.equal(code, EXIT.ok);
            assert.equal(stdout, `${HOTFIX_USAGE}\n`);
        });

        it("reads the project the context names", async () => {
            const argv = ["--environment", "demo", "--pr", "7", "--reason", "x", "--actor", "octocat"];
            const { code, stderr } = await runEntry(runHotfixCommand, argv, (dir) =>
                setKey(dir, "demo", "promotionMode", "bogus"),
            );
            assert.equal(code, EXIT.usage);
            assert.equal(
                stderr,
                'hotfix: Invalid configuration serviceradar-release:promotionMode: "bogus"; expected one of promoter, direct.\n',
            );
        });
    });
});
