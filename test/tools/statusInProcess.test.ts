// `npm run status` run in this process (runStatusCommand against the loopback stand-in), so that mutation testing
// sees tools/lib/status/report.ts and command.ts: the whole JSON report of each scenario, every usage error and
// every failure line with its exit code.

import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EXIT } from "../../lib/cli/exitCodes";
import type { StatusReport } from "../../tools/lib/status/report";
import { STATUS_USAGE, apiUrlOf, runStatusCommand } from "../../tools/lib/status/command";
import { STATUS_SAMPLES_FILE, runAgainstStandIn, statusSamplesDocument } from "../support/statusSamples";
import {
    NOW,
    TOKEN,
    allGreen,
    demoNeverHydrated,
    gateFailing,
    noAccess,
    rateLimited,
    waitingForReview,
} from "../support/statusScenarios";
import { StandInRefusal, StandInRepository, observedFetch, startGitHubStandIn } from "../support/statusStandIn";
import { preloadOpenApi } from "../support/githubOpenApi";

/** What `--json --history 2` printed for each scenario, checked by reading it: see the scenarios' comments. */
const GOLDEN = JSON.parse(fs.readFileSync(path.join(__dirname, "statusReport.golden.json"), "utf8")) as Record<
    string,
    { code: number; stderr: string; report: unknown }
>;

const SCENARIOS: Record<string, () => StandInRepository> = {
    allGreen,
    gateFailing,
    waitingForReview,
    demoNeverHydrated,
};

describe("npm run status, in-process: the report and the command's answers", function () {
    before(function () {
        this.timeout(60_000);
        preloadOpenApi();
    });

    for (const [name, scenario] of Object.entries(SCENARIOS)) {
        it(`${name}: prints exactly the JSON report of every environment and exits 0`, async function () {
            const { code, stdout, stderr, schemaErrors } = await runAgainstStandIn(scenario(), [
                "--json",
                "--history",
                "2",
            ]);
            assert.deepEqual(schemaErrors, []);
            assert.deepEqual({ code, stderr, report: JSON.parse(stdout) }, GOLDEN[name]);
        });
    }

    it("text and Markdown print what docs/status.md shows (npx tsx test/support/statusSamples.ts)", async function () {
        assert.equal(await statusSamplesDocument(), fs.readFileSync(STATUS_SAMPLES_FILE, "utf8"));
    });

    it("--help prints the usage and nothing else, exit 0, without a token", async function () {
        const { code, stdout, stderr } = await runAgainstStandIn(allGreen(), ["--help"], { GITHUB_TOKEN: undefined });
        assert.deepEqual({ code, stdout, stderr }, { code: EXIT.ok, stdout: `${STATUS_USAGE}\n`, stderr: "" });
    });

    const usage: Array<[string[], string]> = [
        [["--json", "--markdown"], "--json and --markdown exclude each other"],
        [["extra"], "unexpected argument (every value follows its flag)"],
        [["--history", "many"], '--history "many" is not a whole number 0..100'],
        [["--history", "101"], '--history "101" is not a whole number 0..100'],
        [["--history", "1000"], '--history "1000" is not a whole number 0..100'],
        [["--history=-1"], '--history "-1" is not a whole number 0..100'],
        [["--history", "5x"], '--history "5x" is not a whole number 0..100'],
        [["--history", "x5"], '--history "x5" is not a whole number 0..100'],
        [["--repo", "not a repo"], '--repo "not a repo" is not owner/name'],
        [["--api-url", "not a url"], '--api-url "not a url" is not a URL'],
        [["--api-url", "https://user:pw@ghe.example.com/api/v3"], "--api-url must not contain credentials"],
        [["--api-url", "https://user@ghe.example.com/api/v3"], "--api-url must not contain credentials"],
        [["--api-url", "https://:pw@ghe.example.com/api/v3"], "--api-url must not contain credentials"],
        [["--api-url", "https://ghe.example.com/api/v3?x=1"], "--api-url must not have a query or fragment"],
        [["--api-url", "https://ghe.example.com/api/v3#top"], "--api-url must not have a query or fragment"],
        [["--api-url", "file:///etc/passwd"], "--api-url must be an http(s) URL"],
    ];
    for (const [argv, message] of usage) {
        it(`exit 2 before GitHub is asked: ${argv.join(" ")}`, async function () {
            const { code, stdout, stderr, requests } = await runAgainstStandIn(allGreen(), argv);
            assert.deepEqual(
                { code, stdout, stderr, requests },
                {
                    code: EXIT.usage,
                    stdout: "",
                    stderr: `status: ${message}\nRun with --help for usage.\n`,
                    requests: [],
                },
            );
        });
    }

    it("exit 2 when GITHUB_TOKEN is unset or blank, naming the repository --repo chose", async function () {
        for (const token of [undefined, "", "  "]) {
            const { code, stderr, requests } = await runAgainstStandIn(allGreen(), ["--repo", "someone/fork"], {
                GITHUB_TOKEN: token,
            });
            assert.deepEqual(
                { code, stderr, requests },
                {
                    code: EXIT.usage,
                    stderr:
                        "status: GITHUB_TOKEN is not set; it needs read access to someone/fork (a CI job's " +
                        "github.token will do)\nRun with --help for usage.\n",
                    requests: [],
                },
            );
        }
    });

    it("GITHUB_API_URL a bad URL is exit 2 naming the variable", async function () {
        const { code, stderr } = await runAgainstStandIn(allGreen(), [], {
            GITHUB_TOKEN: TOKEN,
            GITHUB_API_URL: "nope",
        });
        assert.equal(code, EXIT.usage);
        assert.equal(stderr, 'status: GITHUB_API_URL "nope" is not a URL\nRun with --help for usage.\n');
    });

    it("the API root: --api-url over GITHUB_API_URL over github.com, trailing slashes dropped", function () {
        assert.equal(apiUrlOf(undefined, {}), "https://api.github.com");
        assert.equal(apiUrlOf(undefined, { GITHUB_API_URL: "  " }), "https://api.github.com");
        assert.equal(apiUrlOf(undefined, { GITHUB_API_URL: " http://ghe.local/api/v3// " }), "http://ghe.local/api/v3");
        assert.equal(
            apiUrlOf("https://x.example/api/", { GITHUB_API_URL: "http://ghe.local" }),
            "https://x.example/api",
        );
    });

    const refused = (refusal: StandInRefusal) => ({ ...allGreen(), refusal });
    const failures: Array<[string, StandInRepository, Record<string, string>, number, string]> = [
        [
            "403 on the repository",
            noAccess(),
            { GITHUB_TOKEN: TOKEN },
            EXIT.gitHubNoAccess,
            "GITHUB_TOKEN cannot read carverauto/serviceradar-release (HTTP 403: Resource not accessible by personal " +
                "access token - https://docs.github.com/rest); it needs read access to the repository (Metadata and " +
                "Contents: read).",
        ],
        [
            "403 on check runs",
            refused({ status: 403, message: "m", path: /check-runs$/ }),
            { GITHUB_TOKEN: TOKEN },
            EXIT.gitHubNoAccess,
            "GITHUB_TOKEN cannot read carverauto/serviceradar-release (HTTP 403: m - https://docs.github.com/rest); " +
                "it needs Checks: read.",
        ],
        [
            "404 on commit statuses",
            refused({ status: 404, message: "m", path: /\/status$/ }),
            { GITHUB_TOKEN: TOKEN },
            EXIT.gitHubNoAccess,
            "GITHUB_TOKEN cannot read carverauto/serviceradar-release (HTTP 404: m - https://docs.github.com/rest); " +
                "it needs Commit statuses: read.",
        ],
        [
            "403 on pull requests",
            refused({ status: 403, message: "m", path: /\/pulls$/ }),
            { GITHUB_TOKEN: TOKEN },
            EXIT.gitHubNoAccess,
            "GITHUB_TOKEN cannot read carverauto/serviceradar-release (HTTP 403: m - https://docs.github.com/rest); " +
                "it needs Pull requests: read.",
        ],
        [
            "403 on branches",
            refused({ status: 403, message: "m", path: /\/branches\// }),
            { GITHUB_TOKEN: TOKEN },
            EXIT.gitHubNoAccess,
            "GITHUB_TOKEN cannot read carverauto/serviceradar-release (HTTP 403: m - https://docs.github.com/rest); " +
                "it needs Contents: read.",
        ],
        [
            "403 on contents",
            refused({ status: 403, message: "m", path: /\/contents\// }),
            { GITHUB_TOKEN: TOKEN },
            EXIT.gitHubNoAccess,
            "GITHUB_TOKEN cannot read carverauto/serviceradar-release (HTTP 403: m - https://docs.github.com/rest); " +
                "it needs Contents: read.",
        ],
        [
            "401, a rejected token",
            allGreen(),
            { GITHUB_TOKEN: "ghp_wrong" },
            EXIT.gitHubNoAccess,
            "GitHub rejected GITHUB_TOKEN (HTTP 401: Bad credentials - https://docs.github.com/rest); it needs a valid token.",
        ],
        [
            "429 without a reset time",
            refused({ status: 429, message: "slow" }),
            { GITHUB_TOKEN: TOKEN },
            EXIT.gitHubRateLimited,
            "GitHub rate limit reached (HTTP 429); GitHub did not say when it resets. Nothing was printed.",
        ],
        [
            "403 rate-limited, resetting in 15 minutes",
            rateLimited(),
            { GITHUB_TOKEN: TOKEN },
            EXIT.gitHubRateLimited,
            "GitHub rate limit reached (HTTP 403); it resets at 2025-06-02T12:15:00Z (in 15 min). Nothing was printed.",
        ],
        [
            "429 with Retry-After 61 s: minutes rounded up",
            refused({ status: 429, message: "slow", headers: { "retry-after": "61" } }),
            { GITHUB_TOKEN: TOKEN },
            EXIT.gitHubRateLimited,
            "GitHub rate limit reached (HTTP 429); it resets at 2025-06-02T12:01:01Z (in 2 min). Nothing was printed.",
        ],
        [
            "422",
            refused({ status: 422, message: "bad" }),
            { GITHUB_TOKEN: TOKEN },
            EXIT.gitHubUnreachable,
            "GitHub refused a request (HTTP 422: bad - https://docs.github.com/rest)",
        ],
        [
            "502 on pull requests, after retries",
            refused({ status: 502, message: "Server Error", path: /\/pulls$/ }),
            { GITHUB_TOKEN: TOKEN },
            EXIT.gitHubUnreachable,
            "could not read GitHub: HTTP 502: Server Error - https://docs.github.com/rest",
        ],
    ];
    for (const [name, repo, env, exit, line] of failures) {
        it(`a failed request (${name}): exit ${exit} and one line`, async function () {
            const { code, stdout, stderr } = await runAgainstStandIn(repo, [], env);
            assert.deepEqual({ code, stdout, stderr }, { code: exit, stdout: "", stderr: `status: ${line}\n` });
        });
    }

    it("an answer the report cannot use is an internal error, exit 5, on one line", async function () {
        let stdout = "";
        let stderr = "";
        const code = await runStatusCommand(["--repo", "o/r"], {
            env: { GITHUB_TOKEN: ` ${TOKEN} `, GITHUB_API_URL: "http://127.0.0.1:9" },
            stdout: { write: (text: string) => (stdout += text) },
            stderr: { write: (text: string) => (stderr += text) },
            fetch: async () =>
                new Response(JSON.stringify(`${TOKEN}\u001b[2J`), {
                    status: 200,
                    headers: { "content-type": "application/json" },
                }),
            now: () => NOW,
            retryBaseDelayMs: 1,
        });
        assert.deepEqual(
            { code, stdout, stderr },
            {
                code: EXIT.internalError,
                stdout: "",
                stderr: "status: internal error: Cannot read properties of undefined (reading 'sha')\n",
            },
        );
    });

    it("--history takes 0 to 100: 0 reads no history, 100 reads all of it", async function () {
        for (const [history, counts, code] of [
            ["0", [0, 0], EXIT.ok],
            ["100", [3, 2], EXIT.ok],
            ["10", [3, 2], EXIT.ok],
        ] as const) {
            const run = await runAgainstStandIn(allGreen(), ["--json", "--history", history]);
            assert.equal(run.code, code, run.stderr);
            const report = JSON.parse(run.stdout) as { environments: { history: unknown[] }[] };
            assert.deepEqual(
                report.environments.map((env) => env.history.length),
                counts,
            );
            assert.equal(
                run.requests.filter((request) => request.includes("state=closed")).length,
                history === "0" ? 0 : 2,
            );
        }
    });

    for (const name of ["pulls", "status", "check-runs"]) {
        it(`a repository named ${name} refused is the repository refused, not the ${name} API`, async function () {
            const repo = { ...noAccess(), owner: "o", name };
            const { code, stderr } = await runAgainstStandIn(repo, ["--repo", `o/${name}`]);
            assert.equal(code, EXIT.gitHubNoAccess);
            assert.equal(
                stderr,
                `status: GITHUB_TOKEN cannot read o/${name} (HTTP 403: Resource not accessible by personal access ` +
                    "token - https://docs.github.com/rest); it needs read access to the repository (Metadata and " +
                    "Contents: read).\n",
            );
        });
    }

    it("GITHUB_TOKEN is used trimmed, and never printed even when GitHub echoes it", async function () {
        const spaced = await runAgainstStandIn(allGreen(), ["--json"], { GITHUB_TOKEN: ` ${TOKEN}\n` });
        assert.deepEqual([spaced.code, spaced.stderr], [EXIT.ok, ""]);
        const echoed = { ...allGreen(), refusal: { status: 403, message: `token ${TOKEN} lacks scope` } };
        const { code, stderr } = await runAgainstStandIn(echoed, []);
        assert.equal(code, EXIT.gitHubNoAccess);
        assert.equal(
            stderr,
            "status: GITHUB_TOKEN cannot read carverauto/serviceradar-release (HTTP 403: token [REDACTED] lacks scope " +
                "- https://docs.github.com/rest); it needs read access to the repository (Metadata and Contents: read).\n",
        );
    });

    it("a project without Pulumi.yaml, or with a broken configuration, is exit 2 before GitHub is asked", async function () {
        const empty = fs.mkdtempSync(path.join(os.tmpdir(), "status-root-"));
        const broken = fs.mkdtempSync(path.join(os.tmpdir(), "status-root-"));
        try {
            const root = path.resolve(__dirname, "../..");
            fs.copyFileSync(path.join(root, "Pulumi.yaml"), path.join(broken, "Pulumi.yaml"));
            fs.writeFileSync(
                path.join(broken, "Pulumi.demo-staging.yaml"),
                fs.readFileSync(path.join(root, "Pulumi.demo-staging.yaml"), "utf8") +
                    "  serviceradar-release:environments: '{}'\n",
            );
            const missing = await runAgainstStandIn(allGreen(), [], { GITHUB_TOKEN: TOKEN }, empty);
            assert.deepEqual(
                [missing.code, missing.stderr, missing.requests],
                [EXIT.usage, `status: no Pulumi.yaml in ${empty} (pass --root <project dir>)\n`, []],
            );
            const invalid = await runAgainstStandIn(allGreen(), [], { GITHUB_TOKEN: TOKEN }, broken);
            assert.deepEqual(
                [invalid.code, invalid.stderr, invalid.requests],
                [
                    EXIT.usage,
                    'status: Invalid configuration serviceradar-release:environments: "{}"; expected a JSON list of ' +
                        'environment names in promotion order, e.g. ["demo-staging", "demo"] (lower-case DNS labels, ' +
                        "no repeats).\n",
                    [],
                ],
            );
        } finally {
            fs.rmSync(empty, { recursive: true, force: true });
            fs.rmSync(broken, { recursive: true, force: true });
        }
    });

    it("GitHub's deprecation notices are warning lines on stderr, cut at 200 characters; the clock is read when none is given", async function () {
        const standIn = await startGitHubStandIn(allGreen(), TOKEN);
        try {
            const observed = observedFetch({ deprecation: "true", sunset: "Tue, 01 Jun 2027 00:00:00 GMT" });
            let stdout = "";
            let stderr = "";
            const before = Date.now();
            const code = await runStatusCommand(["--json", "--history", "1"], {
                env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: standIn.url },
                stdout: { write: (text: string) => (stdout += text) },
                stderr: { write: (text: string) => (stderr += text) },
                fetch: observed.fetch,
                retryBaseDelayMs: 1,
            });
            assert.equal(code, EXIT.ok, stderr);
            const generatedAt = Date.parse((JSON.parse(stdout) as StatusReport).generatedAt);
            assert.ok(generatedAt >= before - 1000 && generatedAt <= Date.now(), "generated now");
            const lines = stderr.trimEnd().split("\n");
            assert.equal(lines.length, observed.userAgents.length);
            for (const line of lines) {
                assert.match(
                    line,
                    /^status: warning: \[@octokit\/request\] "GET http:\/\/127\.0\.0\.1:\d+\/repos\/carverauto\/serviceradar-release[^…]*(is deprecated\. It is scheduled to be removed on Tue, 01 Jun 2027 00:00:00 GMT|… \(\+\d+ chars\))$/,
                );
            }
            for (const agent of observed.userAgents) assert.match(agent, /^serviceradar-release-status /);
        } finally {
            await standIn.close();
        }
    });
});
