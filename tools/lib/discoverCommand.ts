// `npm run discover -- [--stack demo-staging] [--json] [--dry-run] ...`: finds ServiceRadar releases newer than the one
// the stack runs (release tags v<semver> of githubOwner/githubRepository), proves the newest of them was published
// whole (the environment's values file at the tag, the chart and every image the chart runs in the OCI registry), and
// starts it through the release path a person uses (`npm run release`), or leaves it to a pull request when the stack
// says a person approves. Nothing is written before every check of the release passed.

import * as semver from "semver";
import { UsageError, parseCommandLine, durationOption } from "../../lib/cli/args";
import { CommandContext, commandEntry } from "../../lib/cli/entry";
import { EXIT, ExitCode } from "../../lib/cli/exitCodes";
import { FetchLike } from "../../lib/cli/http";
import { Redactor } from "../../lib/cli/redact";
import { untrustedText } from "../../lib/cli/sanitize";
import { DEFAULT_GITHUB_API_URL, GitHubClient, createGitHubClient } from "../../lib/github/client";
import { classifyGitHubError } from "../../lib/github/errors";
import { isValidRepo } from "../../lib/github/names";
import { ReleaseConfig } from "../../config/config";
import { derivedChartVersion, releaseTag } from "../../config/releasePins";
import { Output, REPOSITORY_ROOT, ToolContext, contextOutput, guardedOutput, stackOption } from "./args";
import { reportCommandError } from "./commandErrors";
import { discoveryBranch, fileExistsAt, openPullRequestFrom, releaseVersionsOf } from "./discoverGitHub";
import { RegistryClient, RegistryFailure, artifactReference } from "./discoverRegistry";
import { runRelease } from "./releaseCommand";
import { STAGING_STACK } from "../../config/stackFile";
import { serviceRadarRepo, stackReleaseConfig } from "./stackSettings";
import { apiUrlOf } from "./status/command";

const DEFAULT_MAX_CANDIDATES = 5;

export const DISCOVER_USAGE = `Usage: npm run discover -- [--stack ${STAGING_STACK}] [--json] [--dry-run] [options]

Finds ServiceRadar releases newer than the stack's version (tags v<semver> of githubOwner/githubRepository;
pre-releases only when discoverPrereleases is true), newest first, and checks that each was published whole: the
environment's values file at the tag (valuesRepository, valuesPath), the chart <chartRepository>/<chartName>:<version>
and every image of discoverImages at v<version> in their OCI registries. A release with a missing artifact is reported
in one line and skipped. The newest complete one is started: discoverApproval auto runs npm run release -- <version>;
pull-request does the same edit for a pull request from ${discoveryBranch("<stack>", "<version>")}, unless one is
already open.

Options:
  --stack <name>             stack to stage on (default ${STAGING_STACK}; only the first environment)
  --json                     one JSON document on stdout (the release's own lines go to stderr)
  --dry-run                  check, report and write nothing
  --max-candidates <n>       newer releases checked at most, 1..20 (default ${DEFAULT_MAX_CANDIDATES})
  --pull-requests-repo <r>   owner/name of this repository, where the pull request is looked for
                             (default env GITHUB_REPOSITORY; needed when discoverApproval is pull-request)
  --api-url <url>            GitHub API root (default env GITHUB_API_URL or ${DEFAULT_GITHUB_API_URL})
  --timeout <dur>            limit per request (default 15s)
  --root <dir>               project directory holding Pulumi.yaml and the stack files (default: this repository)
  -h, --help                 show this help

Environment: GITHUB_TOKEN (required: read the ServiceRadar repository's tags and contents), REGISTRY_TOKEN (optional:
registryUsername's token, sent only to registryServer's own token realm after the anonymous token was refused).
Exit codes: 0 a release was started (or, with --dry-run, found), 2 usage or configuration error, 3 nothing to do
(no newer complete release, or its pull request is already open), 4 GitHub or the registry could not be asked,
5 internal error, 6 GitHub or the registry refused access, 7 rate-limited. Nothing is written unless it exits 0.`;

export interface DiscoverOptions {
    root: string;
    fetch?: FetchLike;
    /** Registries spoken to over plain http (tests' loopback stand-in). */
    plainHttpRegistries?: readonly string[];
    retryBaseDelayMs?: number;
}

interface CandidateResult {
    version: string;
    complete: boolean;
    /** The first artifact found missing. */
    missing?: string;
}

interface DiscoveryReport {
    stack: string;
    current: string;
    approval: string;
    dryRun: boolean;
    candidates: CandidateResult[];
    /** The version started (or, dry run, that would be). */
    release?: string;
    /** pull-request approval: the branch the version bump goes to. */
    branch?: string;
    /** Why nothing was started, when nothing was. */
    nothingToDo?: string;
}

/** The newer releases the stack may take, newest first: above its version, pre-releases only when allowed. */
export function candidateVersions(tagged: readonly string[], current: string, prereleases: boolean): string[] {
    const newer = tagged.filter(
        (version) => semver.gt(version, current) && (prereleases || semver.prerelease(version) === null),
    );
    return [...new Set(newer)].sort(semver.rcompare);
}

/** The first artifact of `version` that is not published, or undefined when all are. */
async function missingArtifact(
    version: string,
    config: ReleaseConfig,
    github: GitHubClient,
    registry: RegistryClient,
): Promise<string | undefined> {
    const tag = releaseTag(version);
    const valuesPath = config.values.pathPattern.replace(/\{environment\}/g, config.environment);
    if (!(await fileExistsAt(github, config.values.repository, valuesPath, tag))) {
        return `values file ${config.values.repository}/${valuesPath} not found at ${tag}`;
    }
    const chart = await registry.check(
        artifactReference(`${config.chart.repository}/${config.chart.name}`, derivedChartVersion(version)),
        "chart",
    );
    if (!chart.found) return `chart ${chart.reason}`;
    for (const image of config.discovery.images) {
        const check = await registry.check(artifactReference(image, tag), "image");
        if (!check.found) return `image ${check.reason}`;
    }
    return undefined;
}

/**
 * The first of `candidates` (newest first) whose artifacts are all published; each one with a missing artifact is
 * recorded in the report and reported in one line.
 */
async function newestPublished(
    candidates: readonly string[],
    report: DiscoveryReport,
    io: Output,
    missingOf: (version: string) => Promise<string | undefined>,
): Promise<string | undefined> {
    for (const version of candidates) {
        const missing = await missingOf(version);
        report.candidates.push({ version, complete: missing === undefined, missing });
        if (missing === undefined) return version;
        io.err(`discover: skipped ${releaseTag(version)}: ${missing}`);
    }
    return undefined;
}

/** One line and an exit code for a GitHub or registry failure, or undefined for anything else. */
function sourceFailure(err: unknown): [string, ExitCode] | undefined {
    if (err instanceof RegistryFailure) {
        const codes: Record<RegistryFailure["kind"], ExitCode> = {
            unreachable: EXIT.registryUnreachable,
            "no-access": EXIT.registryNoAccess,
            "rate-limited": EXIT.registryRateLimited,
        };
        return [`registry: ${err.message}`, codes[err.kind]];
    }
    const failure = classifyGitHubError(err, new Date());
    switch (failure?.kind) {
        case undefined:
            return undefined;
        case "rate-limited": {
            const reset = failure.resetAt === undefined ? "" : `; it resets at ${failure.resetAt.toISOString()}`;
            return [`GitHub rate limit reached (HTTP ${failure.status})${reset}`, EXIT.gitHubRateLimited];
        }
        case "no-access":
        case "not-found":
            // The values file's 404 is an answer (the file is missing); a 404 reaching here is a repository or API
            // the token cannot see, as `npm run status` reads it.
            return [
                `GitHub refused GITHUB_TOKEN (HTTP ${failure.status}: ${failure.message}); it needs Contents: read ` +
                    "(and Pull requests: read with discoverApproval pull-request)",
                EXIT.gitHubNoAccess,
            ];
        case "unreachable":
            return [`could not read GitHub: ${failure.message}`, EXIT.gitHubUnreachable];
        case "refused":
            return [`GitHub refused a request (HTTP ${failure.status}: ${failure.message})`, EXIT.gitHubUnreachable];
    }
}

async function discover(
    argv: readonly string[],
    io: Output,
    redactor: Redactor,
    context: CommandContext,
    options: DiscoverOptions,
) {
    const args = parseCommandLine(
        argv,
        {
            stack: "string",
            json: "boolean",
            "dry-run": "boolean",
            "max-candidates": "string",
            "pull-requests-repo": "string",
            "api-url": "string",
            timeout: "string",
            root: "string",
        },
        { positionals: false },
    );
    if (args.help) {
        io.out(DISCOVER_USAGE);
        return EXIT.ok;
    }
    const stack = stackOption(args, STAGING_STACK);
    const root = args.strings.get("root") ?? options.root;
    const json = args.booleans.has("json");
    const dryRun = args.booleans.has("dry-run");
    const maxCandidates = args.strings.get("max-candidates") ?? String(DEFAULT_MAX_CANDIDATES);
    if (!/^[1-9][0-9]?$/.test(maxCandidates) || Number(maxCandidates) > 20) {
        throw new UsageError(`--max-candidates ${JSON.stringify(untrustedText(maxCandidates, 40))} is not 1..20`);
    }
    const timeoutMs = durationOption(args, "timeout", "15s");
    const apiUrl = apiUrlOf(args.strings.get("api-url"), context.env);
    const config = stackReleaseConfig(root, stack);
    if (stack !== config.environments[0]) {
        throw new UsageError(
            `discovery stages releases on ${config.environments[0]} only; ${stack} is reached by promotion`,
        );
    }
    if (config.pins === undefined) {
        throw new UsageError(
            `discovery writes the version of the stack that decides it; in promoter mode that is ` +
                `${config.promotion.pipelineStack}, not ${stack}`,
        );
    }
    const current = config.pins.version;
    const { approval } = config.discovery;
    const pullRequestsRepo = args.strings.get("pull-requests-repo") ?? context.env.GITHUB_REPOSITORY;
    if (approval === "pull-request" && (pullRequestsRepo === undefined || !isValidRepo(pullRequestsRepo))) {
        throw new UsageError(
            "discoverApproval is pull-request: give --pull-requests-repo <owner/name> (or GITHUB_REPOSITORY), " +
                "the repository the version bump is proposed in",
        );
    }
    const token = context.env.GITHUB_TOKEN?.trim() || undefined;
    if (token === undefined) {
        throw new UsageError(`GITHUB_TOKEN is not set; it needs read access to ${serviceRadarRepo(config)}`);
    }
    const github = createGitHubClient({
        token,
        apiUrl,
        userAgent: "serviceradar-release-discover",
        fetch: options.fetch,
        timeoutMs,
        retryBaseDelayMs: options.retryBaseDelayMs,
        warn: (line) => io.err(`discover: warning: ${untrustedText(line, 200)}`),
    });
    const registry = new RegistryClient({
        credentialsRegistry: config.registry.server,
        username: config.registry.username,
        token: context.env.REGISTRY_TOKEN?.trim() || undefined,
        fetch: options.fetch,
        timeoutMs,
        plainHttpRegistries: options.plainHttpRegistries,
        redactor,
    });

    const report: DiscoveryReport = { stack, current, approval, dryRun, candidates: [] };
    const finish = (code: ExitCode): ExitCode => {
        if (json) io.out(JSON.stringify(report, null, 2));
        return code;
    };
    const say = (line: string) => (json ? io.err(line) : io.out(line));

    const tagged = await releaseVersionsOf(github, serviceRadarRepo(config));
    const candidates = candidateVersions(tagged, current, config.discovery.prereleases);
    report.release = await newestPublished(candidates.slice(0, Number(maxCandidates)), report, io, (version) =>
        missingArtifact(version, config, github, registry),
    );
    const version = report.release;
    if (version === undefined) {
        report.nothingToDo =
            candidates.length === 0
                ? `${stack} runs ${current}; no newer release is tagged in ${serviceRadarRepo(config)}`
                : `${stack} runs ${current}; no newer release was published whole`;
        say(`discover: ${report.nothingToDo}`);
        return finish(EXIT.nothingToDo);
    }
    if (approval === "pull-request") {
        report.branch = discoveryBranch(stack, version);
        const open = await openPullRequestFrom(github, pullRequestsRepo as string, report.branch);
        if (open !== undefined) {
            report.nothingToDo = `the pull request for ${version} is already open: ${open}`;
            say(`discover: ${report.nothingToDo}`);
            return finish(EXIT.nothingToDo);
        }
    }
    if (dryRun) {
        say(`discover: ${releaseTag(version)} is published whole; would release it to ${stack} (${approval})`);
        return finish(EXIT.ok);
    }
    say(`discover: ${releaseTag(version)} is published whole; releasing it to ${stack} (${approval})`);
    // The release path a person takes: the same command, the same checks and the same stack-file edit.
    const releaseIo: Output = json ? { out: io.err, err: io.err } : io;
    const code = runRelease([version, "--stack", stack, "--root", root], releaseIo, { root });
    if (code !== EXIT.ok) {
        report.release = undefined;
        report.nothingToDo = `npm run release exited ${code}`;
    } else if (report.branch !== undefined) {
        say(`discover: ${approval}: commit this on ${report.branch} and open a pull request; a person merges it`);
    }
    return finish(code as ExitCode);
}

/** Runs discovery; every line passes the redactor (GITHUB_TOKEN, REGISTRY_TOKEN) and the output guard. */
export async function runDiscover(
    argv: readonly string[],
    context: CommandContext,
    options: DiscoverOptions,
): Promise<number> {
    const redactor = new Redactor([context.env.GITHUB_TOKEN, context.env.REGISTRY_TOKEN]);
    const io = guardedOutput(contextOutput(context), redactor);
    try {
        return await discover(argv, io, redactor, context, options);
    } catch (err) {
        const failure = sourceFailure(err);
        if (failure !== undefined) {
            io.err(`discover: ${failure[0]}. Nothing was written.`);
            return failure[1];
        }
        return reportCommandError("discover", io, err);
    }
}

/** `npm run discover -- ...` as a command (what tools/discover.ts runs). */
export const runDiscoverCommand = commandEntry("discover", EXIT.internalError, (argv, context: ToolContext) =>
    runDiscover(argv, context, { root: context.root ?? REPOSITORY_ROOT }),
);
