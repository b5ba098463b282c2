// The "Exit codes" table of docs/commands.md, held to account by real processes: every row (code, name, command) is one child
// process of that command's entry file (`node --import tsx <entry>`, as CI and `npm run` start it) against loopback
// stand-ins and temporary stack files, and its exit code must be the row's. The table is parsed from docs/commands.md, so a
// row added, changed or dropped there changes what runs here; every name must also be in lib/cli/exitCodes.ts with
// the row's number, and every scenario below must belong to a row (neither side can drift).

import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import { IncomingMessage, ServerResponse, request as httpRequest } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { EXIT } from "../lib/cli/exitCodes";
import { CommandResult, REPO_ROOT, SpawnOptions, spawnCommand } from "./support/commands";
import { ADMIN_PASSWORD, startFakeGitHub, startFakeServiceRadar } from "./e2e/helpers";
import { gitHubExample, preloadOpenApi, schemaErrors } from "./support/githubOpenApi";
import { closedPort, json, startLoopbackServer } from "./support/loopbackServer";
import { startRegistryStandIn } from "./support/registryStandIn";
import { shippedBranch, writeCheckout } from "./support/environmentBranch";
import { GitHubStandIn } from "./support/gitHubStandIn";
import { hotfixHydration } from "./support/hotfixPull";
import { HYDRATION, rollbackHistory } from "./support/rollbackHistory";
import { allGreen, noAccess, rateLimited } from "./support/statusScenarios";
import { StandInRefusal, StandInRepository, fakeSha, startGitHubStandIn } from "./support/statusStandIn";
import { directProject, removeDir, setKey, tempProject } from "./tools/helpers";

/** Each command of the table and the file its `npm run` script (or CI step) starts. */
const ENTRIES: Record<string, string> = {
    gate: "e2e/cli.ts",
    plan: "plan/cli.ts",
    release: "tools/release.ts",
    promote: "tools/promote.ts",
    "stack-info": "tools/stack-info.ts",
    "wait-for-version": "tools/wait-for-version.ts",
    status: "tools/status.ts",
    discover: "tools/discover.ts",
    environments: "tools/environments.ts",
    "check-branch": "tools/check-branch.ts",
    rollback: "tools/rollback.ts",
    hotfix: "tools/hotfix.ts",
};

interface TableRow {
    code: number;
    name: string;
    commands: string[];
}

/** The rows of the "Exit codes" table of docs/commands.md; `all` stands for every command of ENTRIES. */
function documentedExitCodes(commandsDoc: string): TableRow[] {
    const section = commandsDoc.split(/^## Exit codes$/m)[1]?.split(/^## /m)[0];
    assert.ok(section, 'docs/commands.md has no "## Exit codes" section');
    const rows = section
        .split("\n")
        .filter((line) => /^\| \d+ \|/.test(line))
        .map((line) => {
            const [code, name, commands] = line
                .split("|")
                .slice(1, 4)
                .map((cell) => cell.trim());
            const list = commands === "all" ? Object.keys(ENTRIES) : commands.split(/,\s*/);
            return { code: Number(code), name: name.replace(/`/g, ""), commands: list };
        });
    assert.ok(rows.length > 0, "the Exit codes table has no rows");
    return rows;
}

const GITHUB_TOKEN = "ghp_exitCodeTableToken0123456789";
const SHA = "0123456789abcdef0123456789abcdef01234567";
const GATE_FAST = ["--ready-interval", "50ms", "--ready-timeout", "3s", "--check-timeout", "2s"];

/**
 * Preloaded into a child (NODE_OPTIONS) for the internal-error rows: its stdout fails the way a device does (EIO),
 * which no command expects. A `--help` run then meets it on its first line.
 */
const FAILING_STDOUT = path.join(os.tmpdir(), `sr-exit-codes-failing-stdout-${process.pid}.cjs`);
const FAILING_STDOUT_SOURCE = `process.stdout.write = () => { throw Object.assign(new Error("write EIO"), { code: "EIO" }); };\n`;

/** What a scenario starts: the entry's arguments and environment, and what to clean up once the child exited. */
interface Run {
    args: string[];
    options?: SpawnOptions;
    cleanup?: () => Promise<void> | void;
    /** What the child must print: the reason of the row, so that the code is not reached some other way. */
    says?: RegExp;
}

type Scenario = () => Promise<Run>;

const internalError: Scenario = async () => ({
    args: ["--help"],
    options: { env: { NODE_OPTIONS: `--require ${FAILING_STDOUT}` } },
});

const usage: Scenario = async () => ({ args: ["--no-such-flag"] });

async function withDir(dir: string, run: Omit<Run, "cleanup">, cleanup?: () => Promise<void>): Promise<Run> {
    return {
        ...run,
        cleanup: async () => {
            removeDir(dir);
            await cleanup?.();
        },
    };
}

/** The e2e gate against a ready ServiceRadar stand-in, reporting to a GitHub statuses stand-in answering `status`. */
async function gate(reportStatus?: number): Promise<Run> {
    const serviceRadar = await startFakeServiceRadar();
    const gitHub = await startFakeGitHub(() => ({
        status: reportStatus ?? 201,
        body: { message: "Validation Failed" },
    }));
    const report = reportStatus === undefined ? [] : ["--report-sha", SHA, "--repo", "o/r", "--github-api", gitHub.url];
    return {
        args: ["--url", serviceRadar.url, ...GATE_FAST, ...report],
        options: { env: { SERVICERADAR_ADMIN_PASSWORD: ADMIN_PASSWORD, GITHUB_TOKEN } },
        cleanup: async () => {
            await serviceRadar.close();
            await gitHub.close();
        },
    };
}

/**
 * `promote 1.4.0` in direct mode with demo-staging at 1.4.0, demo at `demo`; the gate's combined status from `apiUrl`,
 * else from a stand-in answering GitHub's own example, checked against the OpenAPI description, with `e2e-tests` in
 * `gateState`.
 */
async function promote(demo: string, gateState: string, apiUrl?: string): Promise<Run> {
    const dir = directProject("1.4.0", demo);
    const combined = gitHubExample<{ statuses: Record<string, unknown>[] } & Record<string, unknown>>(
        "combined-commit-status",
    );
    const body = {
        ...combined,
        sha: SHA,
        state: gateState,
        total_count: 1,
        statuses: [{ ...combined.statuses[0], context: "e2e-tests", state: gateState }],
    };
    const invalid = schemaErrors("GET", "/repos/{owner}/{repo}/commits/{ref}/status", 200, body);
    const gitHub = await startLoopbackServer((_req, res) => json(res, 200, body));
    return withDir(
        dir,
        {
            args: ["1.4.0", "--root", dir, "--github-api", apiUrl ?? gitHub.url],
            options: { env: { GITHUB_TOKEN } },
        },
        async () => {
            await gitHub.close();
            assert.deepEqual(invalid, [], "the combined status is one GitHub's description allows");
        },
    );
}

/** `release <version>` on a temporary copy of the stack files with demo-staging at 1.5.0. */
async function release(...args: string[]): Promise<Run> {
    const dir = tempProject();
    setKey(dir, "demo-staging", "version", "1.5.0");
    return withDir(dir, { args: [...args, "--root", dir] });
}

/** wait-for-version against a /health/ready that answers `status` with `body`. */
async function waitFor(status: number, body: unknown): Promise<Run> {
    const serviceRadar = await startLoopbackServer((_req, res) => json(res, status, body));
    return {
        args: [
            "--url",
            serviceRadar.url,
            "--version",
            "1.2.3",
            "--timeout",
            "1500ms",
            "--interval",
            "100ms",
            "--settle",
            "0",
        ],
        options: { env: {} },
        cleanup: () => serviceRadar.close(),
    };
}

/** `status` against the GitHub stand-in (answers checked against GitHub's OpenAPI description), or `apiUrl`. */
async function status(repository: StandInRepository | undefined, apiUrl?: string): Promise<Run> {
    const gitHub = repository && (await startGitHubStandIn(repository, GITHUB_TOKEN));
    return {
        args: [],
        options: { env: { GITHUB_TOKEN, GITHUB_API_URL: apiUrl ?? gitHub?.url ?? "" } },
        cleanup: async () => {
            assert.deepEqual(gitHub?.schemaErrors ?? [], []);
            await gitHub?.close();
        },
    };
}

/** The self-signed certificate of 127.0.0.1 the registry's TLS front presents, and the file a child trusts it from. */
function loopbackCertificate(dir: string): { key: Buffer; cert: Buffer; caFile: string } {
    const keyFile = path.join(dir, "key.pem");
    const caFile = path.join(dir, "cert.pem");
    execFileSync(
        "openssl",
        [
            ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"],
            ["-keyout", keyFile, "-out", caFile, "-days", "1", "-subj", "/CN=127.0.0.1"],
            ["-addext", "subjectAltName=IP:127.0.0.1"],
        ].flat(),
        { stdio: "ignore" },
    );
    return { key: fs.readFileSync(keyFile), cert: fs.readFileSync(caFile), caFile };
}

interface DiscoverSetup {
    /** Tags of carverauto/serviceradar, newest first (each with the staging values file). */
    tags: string[];
    /** Publish 1.2.28 whole in the registry (chart and images). */
    published?: boolean;
    privateRegistry?: boolean;
    registryRateLimited?: boolean;
    /** Where the registry is: the stand-in behind TLS (default) or a refused port. */
    registryClosed?: boolean;
    gitHubRefusal?: StandInRepository["refusal"];
    gitHubClosed?: boolean;
}

/**
 * `discover --dry-run` on a temporary copy of the stack files (demo-staging at 1.2.27). The registry is https only in a
 * real process, so the registry stand-in sits behind a TLS front on 127.0.0.1 whose certificate the child trusts
 * (NODE_EXTRA_CA_CERTS).
 */
async function discover(setup: DiscoverSetup): Promise<Run> {
    const dir = tempProject();
    const tls = loopbackCertificate(dir);
    let backendPort = 0;
    const front = createHttpsServer({ key: tls.key, cert: tls.cert }, (req: IncomingMessage, res: ServerResponse) => {
        const upstream = httpRequest(
            { host: "127.0.0.1", port: backendPort, method: req.method, path: req.url, headers: req.headers },
            (answer) => {
                res.writeHead(answer.statusCode ?? 502, answer.headers);
                answer.pipe(res);
            },
        );
        req.pipe(upstream);
    });
    await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
    const frontHost = `127.0.0.1:${(front.address() as AddressInfo).port}`;
    const registry = await startRegistryStandIn({
        privateRepositories: setup.privateRegistry ? ["carverauto/charts/serviceradar"] : [],
        username: "carverauto-bot",
        password: "registry-password",
        realm: `https://${frontHost}/token`,
    });
    backendPort = registry.server.port;
    if (setup.published) {
        registry.pushChart("carverauto/charts/serviceradar", "1.2.28");
        registry.pushImage("serviceradar/serviceradar-core-elx", "v1.2.28");
    }
    if (setup.registryRateLimited) registry.rateLimitNext = 1000;
    const registryHost = setup.registryClosed ? `127.0.0.1:${await closedPort()}` : frontHost;
    setKey(dir, "demo-staging", "version", "1.2.27");
    setKey(dir, "demo-staging", "chartRepository", `${registryHost}/carverauto/charts`);
    setKey(dir, "demo-staging", "registryServer", registryHost);
    setKey(
        dir,
        "demo-staging",
        "discoverImages",
        JSON.stringify([`${registryHost}/serviceradar/serviceradar-core-elx`]),
    );
    const commits: StandInRepository["commits"] = {};
    for (const tag of setup.tags) {
        commits[fakeSha(tag)] = {
            files: { "helm/serviceradar/values-demo-staging.yaml": "global: {}\n" },
            committedAt: "2026-12-01T10:00:00Z",
        };
    }
    const repositories: StandInRepository[] = [
        {
            owner: "carverauto",
            name: "serviceradar",
            branches: {},
            commits,
            pulls: [],
            tags: setup.tags.map((name) => ({ name, sha: fakeSha(name) })),
            refusal: setup.gitHubRefusal,
        },
        { owner: "carverauto", name: "serviceradar-release", branches: {}, commits: {}, pulls: [] },
    ];
    const gitHub = await startGitHubStandIn(repositories, GITHUB_TOKEN);
    const apiUrl = setup.gitHubClosed ? `http://127.0.0.1:${await closedPort()}` : gitHub.url;
    return withDir(
        dir,
        {
            args: ["--dry-run", "--root", dir],
            options: { env: { GITHUB_TOKEN, GITHUB_API_URL: apiUrl, NODE_EXTRA_CA_CERTS: tls.caFile } },
        },
        async () => {
            assert.deepEqual(gitHub.schemaErrors, []);
            await gitHub.close();
            await registry.close();
            await new Promise<void>((resolve) => {
                front.closeAllConnections();
                front.close(() => resolve());
            });
        },
    );
}

const NEWER_TAGS = ["v1.2.28", "v1.2.27"];

/** `check-branch --environment demo` on a checkout of environment/demo: the shipped release, plus `pushedValues`. */
async function checkBranch(pushedValues: string | undefined, says: RegExp): Promise<Run> {
    const dir = writeCheckout(
        fs.mkdtempSync(path.join(os.tmpdir(), "sr-exit-codes-branch-")),
        shippedBranch("demo", pushedValues),
    );
    return withDir(dir, { args: ["--environment", "demo", "--dir", dir], says });
}

interface RollbackSetup {
    /** What GitHub answers instead, to every request. */
    refusal?: StandInRefusal;
    /** GitHub is a refused port. */
    closed?: boolean;
    /** Someone pushes to hydrator/dry after the rollback read its head, before it moves the branch. */
    branchMoves?: boolean;
}

/**
 * `rollback --environment demo --to <to>` (promoter mode) against the git-data stand-in holding the history of
 * environment/demo: it ran 1.2.26, 1.2.27 and now runs 1.2.28.
 */
async function rollback(to: string, says: RegExp, setup: RollbackSetup = {}): Promise<Run> {
    const gitHub = new GitHubStandIn();
    gitHub.acceptBaseTree = true;
    const url = await gitHub.start();
    rollbackHistory(gitHub);
    gitHub.refusal = setup.refusal;
    if (setup.branchMoves) {
        gitHub.beforeRefUpdate = () => {
            gitHub.beforeRefUpdate = undefined;
            gitHub.push(
                HYDRATION,
                "heads/hydrator/dry",
                { "release.json": '{"version":"1.2.29"}\n' },
                "release 1.2.29",
            );
        };
    }
    return {
        args: ["--environment", "demo", "--to", to, "--reason", "1.2.28 breaks logins"],
        says,
        options: {
            env: {
                GITHUB_TOKEN,
                GITHUB_ACTOR: "octocat",
                GITHUB_API_URL: setup.closed ? `http://127.0.0.1:${await closedPort()}` : url,
            },
        },
        cleanup: async () => {
            await gitHub.stop();
            assert.deepEqual(gitHub.schemaErrors, []);
            if (setup.branchMoves) {
                assert.equal(gitHub.refUpdates.length, 1, "the rollback stopped at the branch that moved");
                assert.ok(
                    gitHub.refUpdates.every((update) => update.force === false),
                    "nothing forced",
                );
            }
        },
    };
}

/** `hotfix --environment demo --pr 7` against the status stand-in holding the promoter's pull request `repository`. */
async function hotfix(repository: StandInRepository, says: RegExp, closed = false): Promise<Run> {
    const gitHub = await startGitHubStandIn(repository, GITHUB_TOKEN);
    return {
        args: ["--environment", "demo", "--pr", "7", "--reason", "CVE-2026-1: demo exposed"],
        says,
        options: {
            env: {
                GITHUB_TOKEN,
                GITHUB_ACTOR: "octocat",
                GITHUB_API_URL: closed ? `http://127.0.0.1:${await closedPort()}` : gitHub.url,
            },
        },
        cleanup: async () => {
            await gitHub.close();
            assert.deepEqual(gitHub.schemaErrors, []);
        },
    };
}

/** A secondary rate limit: GitHub's 429 with the Retry-After the client reads. */
const SECONDARY_RATE_LIMIT: StandInRefusal = {
    status: 429,
    message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
    headers: { "retry-after": "60" },
};

/** A token that cannot see the private hydration repository: GitHub answers 404 rather than reveal it. */
const NOT_VISIBLE: StandInRefusal = { status: 404, message: "Not Found" };

/** One scenario per (exit-code name, command) of the table: the row it stands for is its key. */
const SCENARIOS: Record<string, Scenario> = {
    "ok/gate": () => gate(),
    "ok/plan": async () => ({ args: ["--stack", "demo-staging"] }),
    "ok/release": () => release("1.6.0"),
    "ok/promote": () => promote("1.3.9", "success"),
    "ok/stack-info": async () => ({ args: ["--stack", "demo-staging"] }),
    "ok/wait-for-version": () => waitFor(200, { status: "ready", version: "1.2.3" }),
    "ok/status": () => status(allGreen()),
    "ok/discover": () => discover({ tags: NEWER_TAGS, published: true }),
    "checksFailed/gate": async () => ({
        args: [
            "--url",
            `http://127.0.0.1:${await closedPort()}`,
            "--ready-timeout",
            "300ms",
            "--ready-interval",
            "100ms",
        ],
        options: { env: { SERVICERADAR_ADMIN_PASSWORD: ADMIN_PASSWORD } },
    }),
    "refused/release": () => release("1.4.9"),
    "refused/promote": () => promote("1.3.9", "failure"),
    "timedOut/wait-for-version": () => waitFor(503, { status: "starting" }),
    "mandatoryPolicyViolation/plan": async () => ({
        // Demo in direct mode decides its own release (its file has none in promoter mode): the version comes along.
        args: [
            "--stack",
            "demo",
            "--config",
            "promotionMode=direct",
            "--config",
            "version=1.2.27",
            "--config",
            "imageTag=latest",
        ],
    }),
    "usage/gate": usage,
    "usage/plan": usage,
    "usage/release": usage,
    "usage/promote": usage,
    "usage/stack-info": usage,
    "usage/wait-for-version": usage,
    "usage/status": usage,
    "usage/discover": usage,
    "gateInternalError/gate": internalError,
    "nothingToDo/release": () => release("1.5.0"),
    "nothingToDo/promote": () => promote("1.4.0", "success"),
    "nothingToDo/discover": () => discover({ tags: ["v1.2.27", "v1.2.26"] }),
    "reportNotDelivered/gate": () => gate(422),
    "gitHubUnreachable/promote": async () => promote("1.3.9", "success", `http://127.0.0.1:${await closedPort()}`),
    "gitHubUnreachable/status": async () => status(undefined, `http://127.0.0.1:${await closedPort()}`),
    "gitHubUnreachable/discover": () => discover({ tags: NEWER_TAGS, gitHubClosed: true }),
    "registryUnreachable/discover": () => discover({ tags: NEWER_TAGS, registryClosed: true }),
    "internalError/release": internalError,
    "internalError/promote": internalError,
    "internalError/stack-info": internalError,
    "internalError/wait-for-version": internalError,
    "internalError/status": internalError,
    "internalError/discover": internalError,
    "gitHubNoAccess/status": () => status(noAccess()),
    "gitHubNoAccess/discover": () => discover({ tags: NEWER_TAGS, gitHubRefusal: noAccess().refusal }),
    "registryNoAccess/discover": () => discover({ tags: NEWER_TAGS, published: true, privateRegistry: true }),
    "gitHubRateLimited/status": () => status(rateLimited()),
    "gitHubRateLimited/discover": () => discover({ tags: NEWER_TAGS, gitHubRefusal: rateLimited().refusal }),
    "registryRateLimited/discover": () => discover({ tags: NEWER_TAGS, published: true, registryRateLimited: true }),
    "ok/environments": async () => ({ args: ["--json"] }),
    "usage/environments": usage,
    "internalError/environments": internalError,
    "ok/check-branch": () => checkBranch(undefined, /environment\/demo passes policies\/demo\.json/),
    "branchRefused/check-branch": () =>
        checkBranch(
            "global:\n  imageTag: latest\n",
            /\[mandatory\] immutable-image-tags: [\s\S]*environment\/demo refused/,
        ),
    "usage/check-branch": usage,
    "internalError/check-branch": internalError,
    "ok/rollback": () => rollback("1.2.27", /^AUDIT rollback demo 1\.2\.28 -> 1\.2\.27 \(promoter mode\)/m),
    "refused/rollback": () => rollback("1.2.20", /did not run 1\.2\.20 in its last 3 commits; nothing was written/),
    "usage/rollback": usage,
    "nothingToDo/rollback": () => rollback("1.2.28", /already runs 1\.2\.28; nothing to do/),
    "gitHubUnreachable/rollback": () => rollback("1.2.27", /could not be asked .*ECONNREFUSED/, { closed: true }),
    "internalError/rollback": internalError,
    "gitHubNoAccess/rollback": () =>
        rollback("1.2.27", /HTTP 403 .*the token lacks access/, { refusal: noAccess().refusal }),
    "gitHubRateLimited/rollback": () =>
        rollback("1.2.27", /rate limit reached \(HTTP 403\).*resets at/, { refusal: rateLimited().refusal }),
    "headMoved/rollback": () =>
        rollback("1.2.27", /hydrator\/dry moved while the rollback was written/, { branchMoves: true }),
    "ok/hotfix": () => hotfix(hotfixHydration(), /^AUDIT hotfix merged carverauto\/serviceradar-release#7 /m),
    "refused/hotfix": () =>
        hotfix(hotfixHydration({ head: "feature/x" }), /not the promoter's open pull request.*nothing was merged/),
    "usage/hotfix": usage,
    "gitHubUnreachable/hotfix": () => hotfix(hotfixHydration(), /could not be asked .*ECONNREFUSED/, true),
    "internalError/hotfix": internalError,
    "gitHubNoAccess/hotfix": () =>
        hotfix({ ...hotfixHydration(), refusal: NOT_VISIBLE }, /HTTP 404 .*the token lacks access/),
    "gitHubRateLimited/hotfix": () =>
        hotfix({ ...hotfixHydration(), refusal: SECONDARY_RATE_LIMIT }, /rate limit reached \(HTTP 429\).*resets at/),
    "headMoved/hotfix": () =>
        hotfix(hotfixHydration({ headMovesTo: fakeSha("pushed meanwhile") }), /HTTP 409: Head branch was modified/),
};

/** The SIGTERM row: the gate waiting for readiness is sent SIGTERM after its second attempt. */
async function cancelledGate(): Promise<Run> {
    const serviceRadar = await startFakeServiceRadar({ notReadyCount: Infinity });
    let sent = false;
    return {
        args: ["--url", serviceRadar.url, "--ready-timeout", "60s", "--ready-interval", "100ms"],
        options: {
            env: { SERVICERADAR_ADMIN_PASSWORD: ADMIN_PASSWORD },
            onStdout: (stdout, child) => {
                if (!sent && stdout.includes("waiting for readiness: attempt 2")) {
                    sent = true;
                    child.kill("SIGTERM");
                }
            },
        },
        cleanup: () => serviceRadar.close(),
    };
}
SCENARIOS["cancelled/gate"] = cancelledGate;

/** Children at once: each costs about a second of CPU to start, and the machine has two cores. */
const CONCURRENT_CHILDREN = 3;

async function runBounded<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
    const results: T[] = new Array(tasks.length);
    let next = 0;
    const worker = async (): Promise<void> => {
        while (next < tasks.length) {
            const index = next++;
            results[index] = await tasks[index]();
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
    return results;
}

async function runScenario(command: string, scenario: Scenario): Promise<CommandResult> {
    const run = await scenario();
    try {
        const result = await spawnCommand(ENTRIES[command], run.args, { killAfterMs: 90_000, ...run.options });
        const printed = `${result.stdout}${result.stderr}`;
        if (run.says && !run.says.test(printed)) throw new Error(`printed no ${run.says}: ${printed}`);
        return result;
    } finally {
        await run.cleanup?.();
    }
}

const rows = documentedExitCodes(fs.readFileSync(path.join(REPO_ROOT, "docs", "commands.md"), "utf8"));
const pairs = rows.flatMap((row) => row.commands.map((command) => ({ row, command, key: `${row.name}/${command}` })));

describe("the documented exit-code table, one real process per row and command", function () {
    this.timeout(600_000);
    const results = new Map<string, CommandResult | Error>();

    before(async function () {
        preloadOpenApi();
        fs.writeFileSync(FAILING_STDOUT, FAILING_STDOUT_SOURCE);
        const runnable = pairs.filter((pair) => SCENARIOS[pair.key] !== undefined && ENTRIES[pair.command]);
        await runBounded(
            runnable.map((pair) => async () => {
                try {
                    results.set(pair.key, await runScenario(pair.command, SCENARIOS[pair.key]));
                } catch (err) {
                    results.set(pair.key, err as Error);
                }
            }),
            CONCURRENT_CHILDREN,
        );
    });

    after(() => fs.rmSync(FAILING_STDOUT, { force: true }));

    it("every name of the table is in lib/cli/exitCodes.ts with the table's number, and every EXIT name is in the table", () => {
        for (const row of rows) {
            assert.equal((EXIT as Record<string, number>)[row.name], row.code, `${row.name} in lib/cli/exitCodes.ts`);
        }
        assert.deepEqual(Object.keys(EXIT).sort(), [...new Set(rows.map((row) => row.name))].sort());
    });

    it("every command of the table has an entry file, and every scenario here belongs to a row", () => {
        for (const { command } of pairs) assert.ok(ENTRIES[command], `no entry file known for command ${command}`);
        assert.deepEqual(Object.keys(SCENARIOS).sort(), pairs.map((pair) => pair.key).sort());
    });

    for (const { row, command, key } of pairs) {
        it(`${command} exits ${row.code} (${row.name})`, () => {
            const result = results.get(key);
            assert.ok(result !== undefined, `no scenario ran for ${key}`);
            if (result instanceof Error) throw result;
            assert.equal(result.code, row.code, `${key}: ${result.stdout}${result.stderr}`);
            assert.ok(!`${result.stdout}${result.stderr}`.includes(GITHUB_TOKEN), `${key} printed the token`);
        });
    }
});
