import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EXIT } from "../../lib/cli/exitCodes";
import type { StatusReport } from "../../tools/lib/status/report";
import { readStatusSettings } from "../../tools/lib/status/settings";
import { ConfigError } from "../../config/config";
import { DESCRIPTION_FILE, gitHubExample, preloadOpenApi, schemaErrors } from "../support/githubOpenApi";
import { STATUS_SAMPLES_FILE, runAgainstStandIn, statusSamplesDocument } from "../support/statusSamples";
import {
    TOKEN,
    allGreen,
    demoNeverHydrated,
    gateFailing,
    noAccess,
    rateLimited,
    waitingForReview,
} from "../support/statusScenarios";
import { spawnCommand } from "../support/commands";
import { startGitHubStandIn } from "../support/statusStandIn";

const ROOT = path.resolve(__dirname, "../..");

/** Runs the command and checks what every run must hold: the stand-in's answers matched GitHub's schemas. */
async function status(...args: Parameters<typeof runAgainstStandIn>) {
    const result = await runAgainstStandIn(...args);
    assert.deepEqual(result.schemaErrors, [], "the stand-in answered outside GitHub's OpenAPI description");
    assert.ok(!`${result.stdout}${result.stderr}`.includes(TOKEN), "the token was printed");
    return result;
}

/**
 * The real CLI in its own process against an all-green stand-in, started when this file loads so that its start-up
 * runs beside the tests below instead of after them. The stand-in answers from this process's event loop, so the
 * child is never waited for synchronously.
 */
async function runRealCli() {
    const standIn = await startGitHubStandIn(allGreen(), TOKEN);
    try {
        const child = await spawnCommand("tools/status.ts", ["--json"], {
            env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: standIn.url },
        });
        return { child, schemaErrors: [...standIn.schemaErrors] };
    } finally {
        await standIn.close();
    }
}
const realCli = runRealCli();
// Awaited by its test; until then a rejection must not count as unhandled.
realCli.catch(() => undefined);

function jsonReport(stdout: string): StatusReport {
    return JSON.parse(stdout) as StatusReport;
}

describe("npm run status", function () {
    before(function () {
        this.timeout(60_000);
        preloadOpenApi();
    });

    describe("against a GitHub stand-in checked against the OpenAPI description", function () {
        it("all green: both environments run 1.2.27, every gate passed, nothing is held back", async function () {
            const { code, stdout, stderr } = await status(allGreen(), []);
            assert.equal(code, EXIT.ok, stderr);
            assert.equal(stderr, "");
            assert.match(stdout, /^Release status of carverauto\/serviceradar-release at 2025-06-02T12:00:00Z$/m);
            const [staging, demo] = stdout.split(/\n(?=demo: )/);
            for (const section of [staging, demo]) {
                assert.match(section, /running {3}ServiceRadar 1\.2\.27 \(chart 1\.2\.27, images v1\.2\.27\)/);
                assert.match(section, /proposed {2}same commit as running/);
                assert.match(section, /success +argocd-health \(check run\)/);
                assert.match(section, /success +serviceradar\/e2e \(commit status\) .*actions\/runs\/1000/);
                assert.match(section, /held back by: nothing/);
                assert.match(section, /promotion pull request: none open/);
            }
            assert.match(staging, /merged by GitOps Promoter, once the checks pass \(auto-merge\)/);
            assert.match(demo, /^demo: promotions merged by a person$/m);
            assert.match(staging, /2025-06-01T12:00:00Z \(24h ago\) {2}#41 Promote demo-staging/);
        });

        it("reads exactly the environments' branches and pull requests, in promotion order, as JSON", async function () {
            const { code, stdout, requests } = await status(allGreen(), ["--json", "--history", "2"]);
            assert.equal(code, EXIT.ok);
            const report = jsonReport(stdout);
            assert.deepEqual(
                report.environments.map((env) => env.environment),
                ["demo-staging", "demo"],
            );
            const [staging] = report.environments;
            assert.ok(staging.running.hydrated);
            assert.equal(staging.running.drySha?.length, 40);
            assert.equal(staging.running.imageTag, "v1.2.27");
            assert.equal(staging.running.chartVersion, "1.2.27");
            assert.equal(staging.history.length, 2, "--history 2");
            assert.deepEqual(
                staging.gates.map((gate) => `${gate.source}:${gate.name}:${gate.outcome}`),
                [
                    "check run:argocd-health:passing",
                    "check run:e2e-tests:passing",
                    "commit status:serviceradar/e2e:passing",
                ],
            );
            assert.ok(requests.includes("GET /repos/carverauto/serviceradar-release/branches/environment%2Fdemo-next"));
            assert.ok(
                requests.some(
                    (request) =>
                        request.startsWith("GET /repos/carverauto/serviceradar-release/pulls?") &&
                        request.includes("state=open") &&
                        request.includes("base=environment%2Fdemo&") &&
                        request.includes("head=carverauto%3Aenvironment%2Fdemo-next"),
                ),
                requests.join("\n"),
            );
        });

        it("a failing gate: staging's e2e failed, so demo's promotion is held back and says why", async function () {
            const { code, stdout } = await status(gateFailing(), []);
            assert.equal(code, EXIT.ok, "a failing gate is a status, not a failure of the command");
            assert.match(stdout, /failure +serviceradar\/e2e \(commit status\) {2}2 of 5 checks failed/);
            assert.match(stdout, /failure +e2e-tests \(check run\)/);
            const demo = stdout.slice(stdout.indexOf("\ndemo: "));
            assert.match(demo, /promotion pull request #43: Promote demo/);
            assert.match(demo, /- demo-staging's gate serviceradar\/e2e is failure/);
            assert.match(demo, /- check promoter-previous-environment on pull request #43 is failure/);
            assert.match(demo, /- pull request #43 waits for a person to merge it$/m);
            assert.match(demo, /proposed {2}ServiceRadar 1\.2\.28/);
        });

        it("a pull request waiting for review: green checks, a person must merge, the requested reviewer named", async function () {
            const { code, stdout } = await status(waitingForReview(), ["--json"]);
            assert.equal(code, EXIT.ok);
            const [staging, demo] = jsonReport(stdout).environments;
            assert.deepEqual(staging.heldBackBy, []);
            assert.equal(demo.promotion?.number, 43);
            assert.equal(demo.promotion?.autoMerge, false);
            assert.deepEqual(demo.promotion?.requestedReviewers, ["mfreeman451"]);
            assert.deepEqual(demo.heldBackBy, [
                "pull request #43 waits for a person to merge it (review requested from mfreeman451)",
            ]);
        });

        it("an environment never hydrated: a missing branch is reported, not an error", async function () {
            const { code, stdout, stderr } = await status(demoNeverHydrated(), []);
            assert.equal(code, EXIT.ok, stderr);
            assert.match(stdout, /running {3}never hydrated \(branch environment\/demo does not exist\)/);
            assert.match(stdout, /proposed {2}never hydrated \(branch environment\/demo-next does not exist\)/);
        });

        it("a branch without hydrator.metadata is never hydrated either", async function () {
            const repo = allGreen();
            const demoHead = repo.branches["environment/demo"];
            const { "hydrator.metadata": _metadata, ...rest } = repo.commits[demoHead].files;
            repo.commits[demoHead] = { ...repo.commits[demoHead], files: rest };
            const { code, stdout } = await status(repo, ["--json"]);
            assert.equal(code, EXIT.ok);
            const demo = jsonReport(stdout).environments[1];
            assert.deepEqual(demo.running, {
                branch: "environment/demo",
                hydrated: false,
                reason: "environment/demo has no hydrator.metadata",
            });
            assert.deepEqual(demo.gates, []);
        });

        it("a token without access (403 on the repository): one line naming what is missing", async function () {
            const { code, stdout, stderr } = await status(noAccess(), []);
            assert.equal(code, EXIT.gitHubNoAccess);
            assert.equal(stdout, "");
            assert.equal(
                stderr,
                "status: GITHUB_TOKEN cannot read carverauto/serviceradar-release (HTTP 403: Resource not accessible by " +
                    "personal access token - https://docs.github.com/rest); it needs read access to the repository " +
                    "(Metadata and Contents: read).\n",
            );
        });

        it("a token without Checks access: the line names that permission", async function () {
            const repo = {
                ...allGreen(),
                refusal: { status: 403, message: "Resource not accessible", path: /check-runs$/ },
            };
            const { code, stderr } = await status(repo, []);
            assert.equal(code, EXIT.gitHubNoAccess);
            assert.match(stderr, /it needs Checks: read\.\n$/);
            assert.equal(stderr.split("\n").length, 2, "one line");
        });

        it("a rejected token (401) is no access, and the token never shows even when GitHub echoes it", async function () {
            const { code, stderr } = await status(allGreen(), [], { GITHUB_TOKEN: "ghp_wrongTokenEchoedBack42" });
            assert.equal(code, EXIT.gitHubNoAccess);
            assert.match(stderr, /^status: GitHub rejected GITHUB_TOKEN \(HTTP 401: Bad credentials/);
            const echoed = { ...allGreen(), refusal: { status: 403, message: `token ${TOKEN} lacks scope` } };
            const result = await status(echoed, []);
            assert.match(result.stderr, /token \[REDACTED\] lacks scope/);
        });

        it("rate-limited (403, quota spent): one line with the reset time, its own exit code", async function () {
            const { code, stdout, stderr } = await status(rateLimited(), []);
            assert.equal(code, EXIT.gitHubRateLimited);
            assert.equal(stdout, "");
            assert.equal(
                stderr,
                "status: GitHub rate limit reached (HTTP 403); it resets at 2025-06-02T12:15:00Z (in 15 min). " +
                    "Nothing was printed.\n",
            );
        });

        it("rate-limited (429 with Retry-After, a secondary limit): reset counted from Retry-After", async function () {
            const repo = {
                ...allGreen(),
                refusal: {
                    status: 429,
                    message: "You have exceeded a secondary rate limit.",
                    headers: { "retry-after": "60" },
                },
            };
            const { code, stderr, requests } = await status(repo, []);
            assert.equal(code, EXIT.gitHubRateLimited);
            assert.match(stderr, /resets at 2025-06-02T12:01:00Z \(in 1 min\)/);
            assert.equal(requests.length, 1, "a rate limit is reported, not retried");
        });

        it("GitHub failing (502 on pull requests) is exit 4 after bounded retries", async function () {
            const repo = { ...allGreen(), refusal: { status: 502, message: "Server Error", path: /\/pulls$/ } };
            const { code, stderr, requests } = await status(repo, []);
            assert.equal(code, EXIT.gitHubUnreachable);
            assert.match(stderr, /^status: could not read GitHub: HTTP 502: Server Error/);
            assert.ok(requests.filter((request) => request.includes("/pulls?")).length >= 3, "retried");
        });

        it("a history longer than one answer's cap: pages small enough that real pull requests fit", async function () {
            // GitHub's pull request items are about 21 KB each: 60 of them in one answer exceed 1 MiB.
            const repo = allGreen();
            const merged = repo.pulls.find((pull) => pull.base === "environment/demo-staging" && pull.mergedAt)!;
            for (let n = 1; n <= 60; n++) repo.pulls.push({ ...merged, number: 1000 + n });
            const { code, stdout, stderr } = await status(repo, ["--json", "--history", "60"]);
            assert.equal(code, EXIT.ok, stderr);
            assert.ok(jsonReport(stdout).environments[0].history.length >= 60);
        });

        it("text from GitHub cannot steer a terminal, a runner or the Markdown summary", async function () {
            const repo = waitingForReview();
            const hostile = "::error::pwned\n## [click](javascript:alert(1)) <img src=x onerror=alert(1)> @everyone";
            const open = repo.pulls.findIndex((pull) => pull.state === "open");
            repo.pulls[open] = { ...repo.pulls[open], title: hostile };
            const text = await status(repo, []);
            const titleLine = text.stdout.split("\n").find((line) => line.includes("pwned")) ?? "";
            assert.match(
                titleLine,
                /^ {2}promotion pull request #43: \[quoted\] ::error::pwned ## \[click\]/,
                "one defused line",
            );
            assert.ok(!text.stdout.split("\n").some((line) => /^\s*::/.test(line)));
            const markdown = await status(repo, ["--markdown"]);
            const line = markdown.stdout.split("\n").find((row) => row.includes("pwned")) ?? "";
            assert.ok(line.includes("\\<img src=x onerror=alert\\(1\\)\\>"), line);
            assert.ok(line.includes("\\[click\\]\\(javascript\\:alert\\(1\\)\\)"), line);
            assert.ok(line.includes("\\@everyone"), line);
            assert.ok(!/\]\(javascript/.test(line));
        });
    });

    describe("the OpenAPI check itself", function () {
        it("refuses a body that is not what the operation answers", function () {
            assert.deepEqual(
                schemaErrors("GET", "/repos/{owner}/{repo}/commits/{ref}/check-runs", 200, {
                    total_count: 0,
                    check_runs: [],
                }),
                [],
            );
            const errors = schemaErrors("GET", "/repos/{owner}/{repo}/commits/{ref}/check-runs", 200, {
                check_runs: [{}],
            });
            assert.ok(
                errors.some((error) => error.includes("must have required property 'total_count'")),
                errors.join("\n"),
            );
            assert.ok(
                errors.some((error) => error.includes("/check_runs/0 must have required property 'head_sha'")),
                errors.join("\n"),
            );
        });

        it("the vendored description holds exactly the selection, and every reference in it resolves", function () {
            const description = JSON.parse(fs.readFileSync(DESCRIPTION_FILE, "utf8"));
            const selection = JSON.parse(
                fs.readFileSync(path.join(path.dirname(DESCRIPTION_FILE), "selection.json"), "utf8"),
            ) as { operations: [string, string][]; examples: string[]; schemas: string[] };
            assert.deepEqual(
                Object.entries(description.paths as Record<string, object>)
                    .flatMap(([template, methods]) => Object.keys(methods).map((method) => [method, template]))
                    .sort(),
                [...selection.operations].sort(),
            );
            for (const name of selection.examples) assert.ok(description.components.examples[name], name);
            for (const name of selection.schemas) assert.ok(description.components.schemas[name], name);
            const refs = JSON.stringify(description).match(/"\$ref":"#\/components\/[^"]+"/g) ?? [];
            assert.ok(refs.length > 50, "the operations reference components");
            const missing = refs
                .map((ref) => ref.slice('"$ref":"#/'.length, -1).split("/"))
                .filter(([, kind, name]) => description.components[kind]?.[name] === undefined);
            assert.deepEqual(missing, []);
        });

        it("names the selection file for an operation or example that is not vendored", function () {
            assert.throws(
                () => schemaErrors("GET", "/repos/{owner}/{repo}/issues", 200, []),
                /no operation GET \/repos\/\{owner\}\/\{repo\}\/issues: add it to test\/fixtures\/github-openapi\/selection\.json/,
            );
            assert.throws(() => gitHubExample("issue-items"), /no example issue-items: add it to/);
        });

        it("a stand-in answer outside the schema is recorded and answered as a 500, so the run fails", async function () {
            const repo = allGreen();
            const head = repo.branches["environment/demo"];
            repo.commits[head].checkRuns = [{ name: "argocd-health", conclusion: "exploded" as "failure" }];
            const result = await runAgainstStandIn(repo, []);
            assert.equal(result.code, EXIT.gitHubUnreachable);
            assert.ok(
                result.schemaErrors.some((error) => error.includes("/check_runs/0/conclusion")),
                result.schemaErrors.join("\n"),
            );
        });
    });

    describe("usage and configuration", function () {
        const usage = [
            [["--json", "--markdown"], /--json and --markdown exclude each other/],
            [["--history", "many"], /--history "many" is not a whole number 0\.\.100/],
            [["--history", "101"], /--history "101"/],
            [["--repo", "not a repo"], /--repo "not a repo" is not owner\/name/],
            [["--bogus"], /unknown option --bogus/],
            [["--api-url", "https://user:pw@ghe.example.com/api/v3"], /--api-url must not contain credentials/],
            [["--api-url", "file:///etc/passwd"], /--api-url must be an http\(s\) URL/],
        ] as const;
        for (const [argv, message] of usage) {
            it(`exit 2: ${argv.join(" ")}`, async function () {
                const { code, stdout, stderr, requests } = await status(allGreen(), argv);
                assert.equal(code, EXIT.usage);
                assert.equal(stdout, "");
                assert.match(stderr, message);
                assert.deepEqual(requests, [], "nothing was asked of GitHub");
            });
        }

        it("exit 2 without GITHUB_TOKEN, naming the repository it needs", async function () {
            const { code, stderr } = await status(allGreen(), [], { GITHUB_TOKEN: "" });
            assert.equal(code, EXIT.usage);
            assert.match(
                stderr,
                /^status: GITHUB_TOKEN is not set; it needs read access to carverauto\/serviceradar-release/,
            );
        });

        it("--repo reads another repository", async function () {
            const repo = { ...allGreen(), owner: "someone", name: "fork" };
            const { code, stdout } = await status(repo, ["--repo", "someone/fork"]);
            assert.equal(code, EXIT.ok);
            assert.match(stdout, /^Release status of someone\/fork/);
        });

        it("--help prints the usage with the exit codes", async function () {
            const { code, stdout } = await status(allGreen(), ["--help"]);
            assert.equal(code, EXIT.ok);
            assert.match(stdout, /6 the token lacks access, 7 rate-limited/);
        });

        /** A project whose pipeline stack file adds `lines` to the real demo-staging file. */
        function projectWith(lines: string): string {
            const root = fs.mkdtempSync(path.join(os.tmpdir(), "status-settings-"));
            fs.copyFileSync(path.join(ROOT, "Pulumi.yaml"), path.join(root, "Pulumi.yaml"));
            const staging = fs.readFileSync(path.join(ROOT, "Pulumi.demo-staging.yaml"), "utf8");
            fs.writeFileSync(path.join(root, "Pulumi.demo-staging.yaml"), staging + lines);
            return root;
        }

        it("environments default to demo-staging then demo, the first auto-merged", function () {
            const settings = readStatusSettings(projectWith(""));
            assert.deepEqual(settings.environments, ["demo-staging", "demo"]);
            assert.deepEqual(settings.autoMergeEnvironments, ["demo-staging"]);
            assert.equal(settings.repo, "carverauto/serviceradar-release");
        });

        it("reads environments, autoMergeEnvironments and the repository with the program's own parser", function () {
            const settings = readStatusSettings(
                projectWith(
                    '  serviceradar-release:environments: \'["dev", "demo-staging", "demo"]\'\n' +
                        "  serviceradar-release:autoMergeEnvironments:\n    - dev\n    - demo-staging\n" +
                        "  serviceradar-release:hydrationRepository: carverauto/serviceradar-fork\n",
                ),
            );
            assert.deepEqual(settings.environments, ["dev", "demo-staging", "demo"]);
            assert.deepEqual(settings.autoMergeEnvironments, ["dev", "demo-staging"]);
            assert.equal(settings.repo, "carverauto/serviceradar-fork");
            assert.throws(
                () => readStatusSettings(projectWith('  serviceradar-release:environments: \'["demo", "demo"]\'\n')),
                (err: unknown) => err instanceof ConfigError && err.key === "environments",
            );
        });

        it("a broken configuration is exit 2 before GitHub is asked", async function () {
            const root = projectWith("  serviceradar-release:environments: '{}'\n");
            try {
                const { code, stderr, requests } = await status(allGreen(), [], { GITHUB_TOKEN: TOKEN }, root);
                assert.equal(code, EXIT.usage);
                assert.match(
                    stderr,
                    /^status: Invalid configuration serviceradar-release:environments: "\{\}"; expected a JSON list/,
                );
                assert.deepEqual(requests, []);
            } finally {
                fs.rmSync(root, { recursive: true, force: true });
            }
        });
    });

    it("docs/status.md holds what the command prints now (npx tsx test/support/statusSamples.ts)", async function () {
        assert.equal(fs.readFileSync(STATUS_SAMPLES_FILE, "utf8"), await statusSamplesDocument());
    });

    it("the real CLI (npm run status) prints JSON and exits 0", async function () {
        const { child, schemaErrors: answeredOutsideSchema } = await realCli;
        assert.equal(child.code, EXIT.ok, child.stderr);
        assert.deepEqual(
            jsonReport(child.stdout).environments.map((env) => env.heldBackBy),
            [[], []],
        );
        assert.ok(!child.stdout.includes(TOKEN));
        assert.deepEqual(answeredOutsideSchema, []);
    });
});
