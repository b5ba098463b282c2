// `npm run discover` against loopback stand-ins: GitHub (tags, contents, pulls; every answer checked against GitHub's
// OpenAPI description) and an OCI registry answering as the distribution API documents (token challenge, 401, 404,
// 429, OCI index and Docker manifest list, HEAD without a body).

import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { CommandContext } from "../../lib/cli/entry";
import { EXIT } from "../../lib/cli/exitCodes";
import {
    DISCOVER_USAGE,
    DiscoverOptions,
    candidateVersions,
    runDiscover,
    runDiscoverCommand,
} from "../../tools/lib/discoverCommand";
import { parseBearerChallenge } from "../../tools/lib/discoverRegistry";
import { runInProcess, CommandResult } from "../support/commands";
import { preloadOpenApi } from "../support/githubOpenApi";
import { closedPort } from "../support/loopbackServer";
import { DOCKER_MANIFEST_LIST, RegistryStandIn, startRegistryStandIn } from "../support/registryStandIn";
import {
    GitHubStandIn,
    StandInRefusal,
    StandInRepository,
    fakeSha,
    loopbackFetch,
    startGitHubStandIn,
} from "../support/statusStandIn";
import { configOf, readStack, removeDir, setKey, tempProject } from "./helpers";

const GITHUB_TOKEN = "ghp_discoveryTestToken0123456789";
const REGISTRY_TOKEN = "registry-secret-token-42";
const VALUES_PATH = "helm/serviceradar/values-demo-staging.yaml";
const IMAGES = ["serviceradar/serviceradar-core-elx", "serviceradar/serviceradar-web-ng"];

/** The ServiceRadar repository with one commit per tag; `withoutValues` tags lack the staging values file. */
function serviceRadar(tags: string[], withoutValues: string[] = []): StandInRepository {
    const commits: StandInRepository["commits"] = {};
    const tagRefs = tags.map((name) => {
        const sha = fakeSha(name);
        commits[sha] = {
            files: withoutValues.includes(name) ? {} : { [VALUES_PATH]: "global: {}\n" },
            committedAt: "2026-12-01T10:00:00Z",
        };
        return { name, sha };
    });
    return { owner: "carverauto", name: "serviceradar", branches: {}, commits, pulls: [], tags: tagRefs };
}

const releaseRepository = (pulls: StandInRepository["pulls"] = []): StandInRepository => ({
    owner: "carverauto",
    name: "serviceradar-release",
    branches: {},
    commits: {},
    pulls,
});

/** Publishes a release in the registry: its chart and every image, minus the ones named in `except`. */
function publish(registry: RegistryStandIn, version: string, except: string[] = []): void {
    if (!except.includes("chart")) registry.pushChart("carverauto/charts/serviceradar", version);
    for (const image of IMAGES) if (!except.includes(image)) registry.pushImage(image, `v${version}`);
}

describe("npm run discover", function () {
    this.timeout(30_000);
    let dir: string;
    let registry: RegistryStandIn;
    let github: GitHubStandIn | undefined;
    /** Hosts spoken to over plain http: the stand-ins (a real registry and its realm are https). */
    let plainHttp: string[];

    before(() => preloadOpenApi());

    beforeEach(async () => {
        dir = tempProject();
        plainHttp = [];
        registry = await startRegistryStandIn({
            privateRepositories: [],
            username: "carverauto-bot",
            password: REGISTRY_TOKEN,
        });
        setKey(dir, "demo-staging", "chartRepository", `${registry.host}/carverauto/charts`);
        setKey(dir, "demo-staging", "registryServer", registry.host);
        setKey(dir, "demo-staging", "discoverImages", JSON.stringify(IMAGES.map((i) => `${registry.host}/${i}`)));
    });

    afterEach(async () => {
        await github?.close();
        github = undefined;
        await registry.close();
        removeDir(dir);
    });

    /** `options` replace the runner's (root, fetch, ...) where a test needs another. */
    async function discover(
        repositories: StandInRepository[],
        argv: string[] = [],
        env: Record<string, string | undefined> = {},
        options: Partial<DiscoverOptions> = {},
    ): Promise<CommandResult> {
        github = await startGitHubStandIn(repositories, GITHUB_TOKEN);
        const context: Omit<CommandContext, "stdout" | "stderr"> = {
            env: { GITHUB_TOKEN, GITHUB_API_URL: github.url, ...env },
        };
        const result = await runInProcess(
            (args, ctx: CommandContext) =>
                runDiscover(args, ctx, {
                    root: dir,
                    fetch: loopbackFetch,
                    plainHttpRegistries: [registry.host, ...plainHttp],
                    retryBaseDelayMs: 1,
                    ...options,
                }),
            ["--stack", "demo-staging", ...argv],
            context,
        );
        assert.deepEqual(github.schemaErrors, []);
        return result;
    }

    /** A stream's text as lines, without the final newline. */
    const lines = (text: string) => text.trimEnd().split("\n");

    const stagedVersion = () => configOf(readStack(dir, "demo-staging"))["serviceradar-release:version"];

    it("starts the newest release published whole, skipping a newer one with an image missing (one line)", async () => {
        publish(registry, "1.2.28");
        publish(registry, "1.2.29", ["serviceradar/serviceradar-web-ng"]);
        publish(registry, "1.3.0-rc.1");
        const tags = ["v1.3.0-rc.1", "v1.2.29", "latest", "v1.2.28", "v1.2", "1.2.30", "v1.2.27", "v1.2.26"];
        const result = await discover([serviceRadar(tags)]);
        assert.equal(result.code, EXIT.ok, result.stderr);
        assert.equal(stagedVersion(), "1.2.28");
        const skipped = result.stderr.split("\n").filter((line) => line.includes("skipped"));
        assert.deepEqual(skipped, [
            `discover: skipped v1.2.29: image ${registry.host}/serviceradar/serviceradar-web-ng:v1.2.29 not found`,
        ]);
        assert.match(result.stdout, /Released demo-staging: version 1\.2\.27 -> 1\.2\.28/);
        // The chart is read (GET: its config media type is checked), the images only asked for (HEAD).
        const manifestRequests = registry.server.requests
            .filter((r) => r.path.includes("/manifests/") && r.headers.authorization !== undefined)
            .map((r) => `${r.method} ${r.path}`);
        assert.ok(manifestRequests.includes("GET /v2/carverauto/charts/serviceradar/manifests/1.2.28"));
        assert.ok(manifestRequests.includes("HEAD /v2/serviceradar/serviceradar-core-elx/manifests/v1.2.28"));
        assert.ok(!manifestRequests.some((r) => r.includes("1.3.0-rc.1")), "a pre-release is not even checked");
    });

    it("refuses a first environment that does not decide its version (promoter mode, another pipeline stack)", async () => {
        setKey(dir, "demo-staging", "pipelineStack", "demo");
        setKey(dir, "demo-staging", "version", "");
        // Through the command entry, which takes the project from its context's root; refused before any request.
        const result = await runInProcess(runDiscoverCommand, ["--stack", "demo-staging"], { env: {}, root: dir });
        assert.equal(result.code, EXIT.usage, result.stderr);
        assert.equal(
            lines(result.stderr)[0],
            "discover: discovery writes the version of the stack that decides it; in promoter mode that is demo, not " +
                "demo-staging",
        );
    });

    it("a second run starts nothing: the stack already runs the newest release", async () => {
        publish(registry, "1.2.28");
        const repo = serviceRadar(["v1.2.28", "v1.2.27"]);
        assert.equal((await discover([repo])).code, EXIT.ok);
        await github?.close();
        const before = readStack(dir, "demo-staging");
        const second = await discover([repo]);
        assert.equal(second.code, EXIT.nothingToDo, second.stderr);
        assert.match(
            second.stdout,
            /demo-staging runs 1\.2\.28; no newer release is tagged in carverauto\/serviceradar/,
        );
        assert.equal(readStack(dir, "demo-staging"), before);
    });

    it("skips a tag without its chart, and one without the environment's values file; writes nothing", async () => {
        publish(registry, "1.2.29", ["chart"]);
        publish(registry, "1.2.28");
        const before = readStack(dir, "demo-staging");
        const result = await discover([serviceRadar(["v1.2.29", "v1.2.28"], ["v1.2.28"])]);
        assert.equal(result.code, EXIT.nothingToDo, result.stderr);
        assert.deepEqual(
            result.stderr.split("\n").filter((line) => line.includes("skipped")),
            [
                `discover: skipped v1.2.29: chart ${registry.host}/carverauto/charts/serviceradar:1.2.29 not found (MANIFEST_UNKNOWN)`,
                `discover: skipped v1.2.28: values file carverauto/serviceradar/${VALUES_PATH} not found at v1.2.28`,
            ],
        );
        assert.equal(readStack(dir, "demo-staging"), before);
    });

    it("skips a tag whose chart reference holds something that is not a Helm chart", async () => {
        publish(registry, "1.2.28", ["chart"]);
        registry.pushImage("carverauto/charts/serviceradar", "1.2.28");
        const result = await discover([serviceRadar(["v1.2.28"])]);
        assert.equal(result.code, EXIT.nothingToDo, result.stderr);
        assert.match(result.stderr, /skipped v1\.2\.28: chart .*serviceradar:1\.2\.28 is not a Helm chart/);
        assert.equal(stagedVersion(), "1.2.27");
    });

    it("stages a pre-release only when discoverPrereleases is true", async () => {
        publish(registry, "1.3.0-rc.1");
        const tags = ["v1.3.0-rc.1", "v1.2.27"];
        const refused = await discover([serviceRadar(tags)]);
        assert.equal(refused.code, EXIT.nothingToDo, refused.stderr);
        assert.equal(stagedVersion(), "1.2.27");
        await github?.close();
        setKey(dir, "demo-staging", "discoverPrereleases", "true");
        const allowed = await discover([serviceRadar(tags)]);
        assert.equal(allowed.code, EXIT.ok, allowed.stderr);
        assert.equal(stagedVersion(), "1.3.0-rc.1");
    });

    it("--dry-run --json reports the release it would start and writes nothing; tags are read page by page", async () => {
        publish(registry, "1.2.28");
        registry.pushImage("serviceradar/serviceradar-web-ng", "v1.2.28", DOCKER_MANIFEST_LIST);
        const repo = { ...serviceRadar(["v1.2.26", "v1.2.25", "v1.2.24", "v1.2.28"]), tagPageSize: 2 };
        const before = readStack(dir, "demo-staging");
        const result = await discover([repo], ["--dry-run", "--json"]);
        assert.equal(result.code, EXIT.ok, result.stderr);
        const report = JSON.parse(result.stdout);
        assert.equal(report.release, "1.2.28");
        assert.deepEqual(report.candidates, [{ version: "1.2.28", complete: true }]);
        assert.equal(readStack(dir, "demo-staging"), before);
        assert.equal(github!.requests.filter((r) => r.includes("/tags")).length, 2);
    });

    it("a Link header naming another origin is not followed: the next page is asked of the API root", async () => {
        publish(registry, "1.2.28");
        const elsewhere = await startRegistryStandIn();
        try {
            const repo = {
                ...serviceRadar(["v1.2.26", "v1.2.28"]),
                tagPageSize: 1,
                tagLinkOrigin: elsewhere.url,
            };
            const result = await discover([repo], ["--dry-run"]);
            assert.equal(result.code, EXIT.ok, result.stderr);
            assert.deepEqual(elsewhere.server.requests, []);
            assert.deepEqual(
                github!.requests.filter((r) => r.includes("/tags")),
                [
                    "GET /repos/carverauto/serviceradar/tags?per_page=100&page=1",
                    "GET /repos/carverauto/serviceradar/tags?per_page=100&page=2",
                ],
            );
        } finally {
            await elsewhere.close();
        }
    });

    it("private images: the anonymous token first, then registryUsername + REGISTRY_TOKEN; never printed", async () => {
        await registry.close();
        registry = await startRegistryStandIn({
            privateRepositories: IMAGES,
            username: "carverauto-bot",
            password: REGISTRY_TOKEN,
        });
        setKey(dir, "demo-staging", "chartRepository", `${registry.host}/carverauto/charts`);
        setKey(dir, "demo-staging", "registryServer", registry.host);
        setKey(dir, "demo-staging", "discoverImages", JSON.stringify(IMAGES.map((i) => `${registry.host}/${i}`)));
        publish(registry, "1.2.28");
        const repo = serviceRadar(["v1.2.28"]);

        const anonymous = await discover([repo]);
        assert.equal(anonymous.code, EXIT.registryNoAccess, anonymous.stderr);
        assert.match(anonymous.stderr, /REGISTRY_TOKEN is not set\. Nothing was written\./);
        assert.equal(stagedVersion(), "1.2.27");
        await github?.close();

        // As a secret file hands it over, with its newline.
        const withToken = await discover([repo], [], { REGISTRY_TOKEN: `${REGISTRY_TOKEN}\n` });
        assert.equal(withToken.code, EXIT.ok, withToken.stderr);
        const basic = `Basic ${Buffer.from(`carverauto-bot:${REGISTRY_TOKEN}`).toString("base64")}`;
        const imageScope = "repository:serviceradar/serviceradar-core-elx:pull";
        const forImage = registry.tokenRequests.filter((r) => r.scope === imageScope).map((r) => r.authorization);
        assert.deepEqual(forImage.slice(-2), [undefined, basic], "anonymous first, then the credentials");
        assert.ok(!`${withToken.stdout}${withToken.stderr}`.includes(REGISTRY_TOKEN));
    });

    it("never sends the credentials to a token realm on another origin", async () => {
        const elsewhere = await startRegistryStandIn();
        plainHttp.push(elsewhere.host);
        try {
            await registry.close();
            registry = await startRegistryStandIn({
                privateRepositories: ["carverauto/charts/serviceradar"],
                username: "carverauto-bot",
                password: REGISTRY_TOKEN,
                realm: `${elsewhere.url}/token`,
            });
            setKey(dir, "demo-staging", "chartRepository", `${registry.host}/carverauto/charts`);
            setKey(dir, "demo-staging", "registryServer", registry.host);
            publish(registry, "1.2.28");
            const result = await discover([serviceRadar(["v1.2.28"])], [], { REGISTRY_TOKEN });
            assert.equal(result.code, EXIT.registryNoAccess, result.stderr);
            assert.ok(elsewhere.tokenRequests.length > 0, "the anonymous token was asked for");
            assert.deepEqual(
                elsewhere.tokenRequests.map((r) => r.authorization),
                elsewhere.tokenRequests.map(() => undefined),
            );
            assert.equal(stagedVersion(), "1.2.27");
        } finally {
            await elsewhere.close();
        }
    });

    it("a registry answering 429 is reported with its Retry-After; nothing is written", async () => {
        publish(registry, "1.2.28");
        registry.rateLimitNext = 1;
        const result = await discover([serviceRadar(["v1.2.28"])]);
        assert.equal(result.code, EXIT.registryRateLimited, result.stderr);
        assert.match(result.stderr, /HTTP 429, retry after 30 s\. Nothing was written\./);
        assert.equal(stagedVersion(), "1.2.27");
    });

    it("GitHub failures keep the project's exit codes, say so in one line and write nothing", async () => {
        publish(registry, "1.2.28");
        const reset = "2030-01-01T00:00:00.000Z";
        // GitHub's message as Octokit words it: the message, then the body's documentation_url.
        const docs = " - https://docs.github.com/rest";
        const needs = "it needs Contents: read (and Pull requests: read with discoverApproval pull-request)";
        const refusals: [StandInRefusal, number, string][] = [
            [
                { status: 403, message: "API rate limit exceeded", headers: { "x-ratelimit-remaining": "0" } },
                EXIT.gitHubRateLimited,
                "GitHub rate limit reached (HTTP 403)",
            ],
            [
                {
                    status: 403,
                    message: "API rate limit exceeded",
                    headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(Date.parse(reset) / 1000) },
                },
                EXIT.gitHubRateLimited,
                `GitHub rate limit reached (HTTP 403); it resets at ${reset}`,
            ],
            [
                { status: 502, message: "Bad Gateway" },
                EXIT.gitHubUnreachable,
                `could not read GitHub: HTTP 502: Bad Gateway${docs}`,
            ],
            [
                { status: 404, message: "Not Found", path: /\/tags$/ },
                EXIT.gitHubNoAccess,
                `GitHub refused GITHUB_TOKEN (HTTP 404: Not Found${docs}); ${needs}`,
            ],
            // A GitHub (or a proxy) quoting the token back: the line shows it redacted.
            [
                { status: 401, message: `Bad credentials: ${GITHUB_TOKEN}` },
                EXIT.gitHubNoAccess,
                `GitHub refused GITHUB_TOKEN (HTTP 401: Bad credentials: [REDACTED]${docs}); ${needs}`,
            ],
        ];
        for (const [refusal, code, line] of refusals) {
            const result = await discover([{ ...serviceRadar(["v1.2.28"]), refusal }]);
            await github?.close();
            assert.equal(result.code, code, `${refusal.status}: ${result.stderr}`);
            assert.deepEqual(result.stderr.trimEnd().split("\n").slice(-1), [
                `discover: ${line}. Nothing was written.`,
            ]);
            assert.equal(stagedVersion(), "1.2.27");
        }
    });

    it("a registry that cannot be reached is exit 4; nothing is written", async () => {
        const gone = `127.0.0.1:${await closedPort()}`;
        plainHttp.push(gone);
        setKey(dir, "demo-staging", "chartRepository", `${gone}/carverauto/charts`);
        // The pull secret's registry must be the chart's (config/config.ts): the whole registry is gone.
        setKey(dir, "demo-staging", "registryServer", gone);
        const result = await discover([serviceRadar(["v1.2.28"])]);
        assert.equal(result.code, EXIT.registryUnreachable, result.stderr);
        assert.match(result.stderr, /^discover: registry: HEAD|^discover: registry: GET .*connection refused/m);
        assert.equal(stagedVersion(), "1.2.27");
    });

    it("--dry-run --json: every candidate checked, the skipped one with what it misses; discover's lines on stderr", async () => {
        publish(registry, "1.2.29", ["serviceradar/serviceradar-web-ng"]);
        publish(registry, "1.2.28");
        const argv = ["--dry-run", "--json", "--max-candidates", "20"];
        const result = await discover([serviceRadar(["v1.2.29", "v1.2.28"])], argv);
        assert.equal(result.code, EXIT.ok, result.stderr);
        const missing = `image ${registry.host}/serviceradar/serviceradar-web-ng:v1.2.29 not found`;
        assert.deepEqual(JSON.parse(result.stdout), {
            stack: "demo-staging",
            current: "1.2.27",
            approval: "auto",
            dryRun: true,
            candidates: [
                { version: "1.2.29", complete: false, missing },
                { version: "1.2.28", complete: true },
            ],
            release: "1.2.28",
        });
        assert.deepEqual(lines(result.stderr), [
            `discover: skipped v1.2.29: ${missing}`,
            "discover: v1.2.28 is published whole; would release it to demo-staging (auto)",
        ]);
    });

    it("--max-candidates 1 checks only the newest; none published whole is one line on stdout and exit 3", async () => {
        publish(registry, "1.2.29", ["chart"]);
        publish(registry, "1.2.28");
        const result = await discover([serviceRadar(["v1.2.29", "v1.2.28"])], ["--max-candidates", "1"]);
        assert.equal(result.code, EXIT.nothingToDo, result.stderr);
        assert.deepEqual(lines(result.stdout), [
            "discover: demo-staging runs 1.2.27; no newer release was published whole",
        ]);
        assert.deepEqual(lines(result.stderr), [
            `discover: skipped v1.2.29: chart ${registry.host}/carverauto/charts/serviceradar:1.2.29 not found (MANIFEST_UNKNOWN)`,
        ]);
    });

    it("a release started from --root: discover's one line, then the release's own, and no JSON without --json", async () => {
        publish(registry, "1.2.28");
        const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), "no-project-"));
        try {
            const result = await discover(
                [serviceRadar(["v1.2.28"])],
                ["--root", dir, "--max-candidates", "10"],
                {},
                {
                    root: elsewhere,
                },
            );
            assert.equal(result.code, EXIT.ok, result.stderr);
            assert.equal(stagedVersion(), "1.2.28");
            const stdout = lines(result.stdout);
            assert.deepEqual(stdout.slice(0, 2), [
                "discover: v1.2.28 is published whole; releasing it to demo-staging (auto)",
                "Released demo-staging: version 1.2.27 -> 1.2.28 in Pulumi.demo-staging.yaml",
            ]);
            assert.deepEqual(
                stdout.filter((line) => line.startsWith("discover:") || line.startsWith("{")),
                stdout.slice(0, 1),
            );
        } finally {
            removeDir(elsewhere);
        }
    });

    it("a release written meanwhile (a newer version in the stack file): the release refuses, nothing is started", async () => {
        publish(registry, "1.2.28");
        // Someone releases 1.2.30 while discover asks the registry; the release path judges the file as it is then.
        const concurrentRelease = (input: string, init?: RequestInit) => {
            if (input.includes("/manifests/")) setKey(dir, "demo-staging", "version", "1.2.30");
            return loopbackFetch(input, init);
        };
        const result = await discover([serviceRadar(["v1.2.28"])], ["--json"], {}, { fetch: concurrentRelease });
        assert.equal(result.code, EXIT.refused, result.stderr);
        assert.equal(stagedVersion(), "1.2.30");
        assert.deepEqual(lines(result.stderr), [
            "discover: v1.2.28 is published whole; releasing it to demo-staging (auto)",
            "release: refusing to move demo-staging backwards from 1.2.30 to 1.2.28; pass --rollback to roll back on " +
                "purpose (Pulumi.demo-staging.yaml unchanged)",
        ]);
        const report = JSON.parse(result.stdout);
        assert.equal(report.release, undefined);
        assert.equal(report.nothingToDo, `npm run release exited ${EXIT.refused}`);
    });

    it("--help prints the usage and asks nothing", async () => {
        const result = await discover([serviceRadar(["v1.2.28"])], ["--help"]);
        assert.equal(result.code, EXIT.ok);
        assert.equal(result.stdout, `${DISCOVER_USAGE}\n`);
        assert.deepEqual(github!.requests, []);
    });

    it("each option is read, and each bad value or missing GITHUB_TOKEN is one usage line; GitHub is not asked", async () => {
        const cases: [string[], Record<string, string | undefined>, string][] = [
            ...["21", "a5", "5x", "1a"].map((n): [string[], {}, string] => [
                ["--max-candidates", n],
                {},
                `--max-candidates "${n}" is not 1..20`,
            ]),
            [
                ["--timeout", "soon"],
                {},
                `--timeout: "soon" is not a duration (e.g. 500ms, 90s, 5m, 1h30m, or plain seconds)`,
            ],
            [["v1.2.28"], {}, "unexpected argument (every value follows its flag)"],
            [
                [],
                { GITHUB_TOKEN: undefined },
                "GITHUB_TOKEN is not set; it needs read access to carverauto/serviceradar",
            ],
            [[], { GITHUB_TOKEN: " \n" }, "GITHUB_TOKEN is not set; it needs read access to carverauto/serviceradar"],
        ];
        for (const [argv, env, line] of cases) {
            const result = await discover([serviceRadar([])], argv, env);
            await github?.close();
            assert.equal(result.code, EXIT.usage, `${argv.join(" ")}: ${result.stderr}`);
            assert.equal(result.stderr, `discover: ${line}\nRun with --help for usage.\n`);
            assert.deepEqual(github!.requests, []);
        }
    });

    it("--api-url is the GitHub asked, before GITHUB_API_URL", async () => {
        const gone = `http://127.0.0.1:${await closedPort()}`;
        const result = await discover([serviceRadar(["v1.2.28"])], ["--api-url", gone]);
        assert.equal(result.code, EXIT.gitHubUnreachable, result.stderr);
        assert.deepEqual(github!.requests, []);
    });

    describe("discoverApproval: pull-request", () => {
        beforeEach(() => setKey(dir, "demo-staging", "discoverApproval", "pull-request"));

        it("bumps the version for a pull request from discover/demo-staging/v<version>", async () => {
            publish(registry, "1.2.28");
            const result = await discover(
                [serviceRadar(["v1.2.28"]), releaseRepository()],
                ["--json", "--pull-requests-repo", "carverauto/serviceradar-release"],
            );
            assert.equal(result.code, EXIT.ok, result.stderr);
            assert.equal(JSON.parse(result.stdout).branch, "discover/demo-staging/v1.2.28");
            assert.equal(stagedVersion(), "1.2.28");
        });

        it("without --json: discover's line, then where the bump is to be committed", async () => {
            publish(registry, "1.2.28");
            const result = await discover(
                [serviceRadar(["v1.2.28"]), releaseRepository()],
                ["--pull-requests-repo", "carverauto/serviceradar-release"],
            );
            assert.equal(result.code, EXIT.ok, result.stderr);
            assert.deepEqual(
                lines(result.stdout).filter((line) => line.startsWith("discover:")),
                [
                    "discover: v1.2.28 is published whole; releasing it to demo-staging (pull-request)",
                    "discover: pull-request: commit this on discover/demo-staging/v1.2.28 and open a pull request; a " +
                        "person merges it",
                ],
            );
        });

        it("a pull-request repository that is no owner/name is a usage error", async () => {
            const result = await discover(
                [serviceRadar(["v1.2.28"])],
                ["--pull-requests-repo", "serviceradar-release"],
            );
            assert.equal(result.code, EXIT.usage, result.stderr);
            assert.equal(
                lines(result.stderr)[0],
                "discover: discoverApproval is pull-request: give --pull-requests-repo <owner/name> (or " +
                    "GITHUB_REPOSITORY), the repository the version bump is proposed in",
            );
        });

        it("GitHub refusing the pull-request listing (422) is exit 4, in GitHub's words", async () => {
            publish(registry, "1.2.28");
            const refusing = {
                ...releaseRepository(),
                refusal: { status: 422, message: "Validation Failed", path: /\/pulls$/ },
            };
            const result = await discover([serviceRadar(["v1.2.28"]), refusing], [], {
                GITHUB_REPOSITORY: "carverauto/serviceradar-release",
            });
            assert.equal(result.code, EXIT.gitHubUnreachable, result.stderr);
            assert.deepEqual(lines(result.stderr).slice(-1), [
                "discover: GitHub refused a request (HTTP 422: Validation Failed - https://docs.github.com/rest). " +
                    "Nothing was written.",
            ]);
            assert.equal(stagedVersion(), "1.2.27");
        });

        it("starts nothing while that pull request is open", async () => {
            publish(registry, "1.2.28");
            const open = releaseRepository([
                {
                    number: 7,
                    title: "release: ServiceRadar 1.2.28 to demo-staging",
                    head: "discover/demo-staging/v1.2.28",
                    base: "main",
                    headSha: fakeSha("pr 7"),
                    state: "open",
                    updatedAt: "2026-12-01T10:00:00Z",
                },
            ]);
            const result = await discover([serviceRadar(["v1.2.28"]), open], [], {
                GITHUB_REPOSITORY: "carverauto/serviceradar-release",
            });
            assert.equal(result.code, EXIT.nothingToDo, result.stderr);
            assert.match(
                result.stdout,
                /already open: https:\/\/github\.com\/carverauto\/serviceradar-release\/pull\/7/,
            );
            assert.equal(stagedVersion(), "1.2.27");
        });
    });

    it("usage errors are one line and exit 2, before GitHub is asked", async () => {
        const cases: [string[], Record<string, string>, RegExp][] = [
            [["--stack", "demo"], {}, /discovery stages releases on demo-staging only/],
            [["--max-candidates", "0"], {}, /--max-candidates "0" is not 1\.\.20/],
            [[], { GITHUB_TOKEN: "" }, /GITHUB_TOKEN is not set/],
            [["--stack", "../demo"], {}, /is not a stack name/],
        ];
        for (const [argv, env, message] of cases) {
            const result = await discover([serviceRadar([])], argv, env);
            await github?.close();
            assert.equal(result.code, EXIT.usage, `${argv.join(" ")}: ${result.stderr}`);
            assert.match(result.stderr, message);
            assert.deepEqual(github!.requests, []);
        }
        setKey(dir, "demo-staging", "discoverApproval", "pull-request");
        const noRepository = await discover([serviceRadar([])]);
        assert.equal(noRepository.code, EXIT.usage);
        assert.match(noRepository.stderr, /give --pull-requests-repo/);
    });
});

describe("discovery's pure parts", () => {
    it("candidates: newer than the stack, newest first, pre-releases only when allowed", () => {
        const tagged = ["1.2.27", "1.2.28", "1.3.0-rc.1", "1.2.26", "1.10.0", "1.2.28"];
        assert.deepEqual(candidateVersions(tagged, "1.2.27", false), ["1.10.0", "1.2.28"]);
        assert.deepEqual(candidateVersions(tagged, "1.2.27", true), ["1.10.0", "1.3.0-rc.1", "1.2.28"]);
    });

    it("reads a Bearer challenge as the token specification writes it", () => {
        assert.deepEqual(
            parseBearerChallenge(
                'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:carverauto/x:pull"',
            ),
            { realm: "https://ghcr.io/token", service: "ghcr.io", scope: "repository:carverauto/x:pull" },
        );
        assert.equal(parseBearerChallenge('Basic realm="Harbor"'), undefined);
        assert.equal(parseBearerChallenge(null), undefined);
    });
});
