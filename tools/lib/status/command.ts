// `npm run status -- [--json | --markdown] [--repo owner/name] [--history <n>] [--api-url <url>]`: where every release
// stands, read from GitHub only (a token with read access; no cluster credentials). Prints once and exits.

import { ConfigError } from "../../../config/config";
import * as path from "path";
import type { FetchLike } from "../../../lib/cli/http";
import { Redactor } from "../../../lib/cli/redact";
import { untrustedText } from "../../../lib/cli/sanitize";
import { DEFAULT_GITHUB_API_URL, createGitHubClient } from "../../../lib/github/client";
import { GitHubFailure, classifyGitHubError } from "../../../lib/github/errors";
import { UsageError, parseCommandLine } from "../../../lib/cli/args";
import { EXIT, ExitCode } from "../../../lib/cli/exitCodes";
import { Output, guardedOutput } from "../args";
import { isValidRepo } from "../../../lib/github/names";
import { StackFileError } from "../../../config/stackFile";
import { STATUS_MAX_BODY_BYTES, StatusReport, collectStatus, isoTime } from "./report";
import { renderJson, renderMarkdown, renderText } from "./render";
import { readStatusSettings } from "./settings";

export const DEFAULT_HISTORY = 5;
const MAX_HISTORY = 100;
const USER_AGENT = "serviceradar-release-status";

export const STATUS_USAGE = `Usage: npm run status -- [options]

Where every release stands, per environment in promotion order, read from GitHub only: the release its branch
environment/<env> runs, the one proposed on environment/<env>-next, the gates (check runs and commit statuses) on the
running commit, the open promotion pull request, who must merge it, and the last promotions.

Options:
  --json               one JSON document, for programs
  --markdown           Markdown, for $GITHUB_STEP_SUMMARY
  --repo <owner/name>  repository of the environment branches (default hydrationRepository)
  --history <n>        last promotions shown per environment, 0..${MAX_HISTORY} (default ${DEFAULT_HISTORY})
  --api-url <url>      GitHub API root (default env GITHUB_API_URL or ${DEFAULT_GITHUB_API_URL})
  -h, --help           show this help

Environment: GITHUB_TOKEN (required; read access to the repository's contents, pull requests, checks and commit
statuses). Exit codes: 0 printed, 2 usage or configuration error, 4 GitHub could not be asked (network, timeout,
5xx), 5 internal error, 6 the token lacks access, 7 rate-limited (the message says when it resets).`;

/** Where the command writes: process.stdout/stderr, or a test's capture. */
export interface TextSink {
    write(text: string): unknown;
}

export interface StatusCommandOptions {
    env: Record<string, string | undefined>;
    stdout: TextSink;
    stderr: TextSink;
    /** The fetch behind the GitHub client (tests point it at a loopback stand-in). */
    fetch?: FetchLike;
    /** Project directory holding Pulumi.yaml and the stack files (default: this repository). */
    root?: string;
    now?: () => Date;
    /** First retry delay of network failures and 5xx (default 500 ms). */
    retryBaseDelayMs?: number;
}

interface StatusArguments {
    format: "text" | "json" | "markdown";
    repo?: string;
    history: number;
    apiUrl?: string;
    help: boolean;
}

function parseStatusArguments(argv: readonly string[]): StatusArguments {
    const args = parseCommandLine(
        argv,
        { json: "boolean", markdown: "boolean", repo: "string", history: "string", "api-url": "string" },
        { positionals: false },
    );
    const [json, markdown] = [args.booleans.has("json"), args.booleans.has("markdown")];
    if (json && markdown) throw new UsageError("--json and --markdown exclude each other");
    const history = args.strings.get("history") ?? String(DEFAULT_HISTORY);
    if (!/^\d{1,3}$/.test(history) || Number(history) > MAX_HISTORY) {
        throw new UsageError(
            `--history ${JSON.stringify(untrustedText(history, 40))} is not a whole number 0..${MAX_HISTORY}`,
        );
    }
    const repo = args.strings.get("repo");
    if (repo !== undefined && !isValidRepo(repo)) {
        throw new UsageError(`--repo ${JSON.stringify(untrustedText(repo, 80))} is not owner/name`);
    }
    return {
        format: json ? "json" : markdown ? "markdown" : "text",
        repo,
        history: Number(history),
        apiUrl: args.strings.get("api-url"),
        help: args.help,
    };
}

/**
 * The API root: an http(s) URL without credentials in it (the token goes in a header, never in a URL). Shared with
 * `npm run discover`.
 */
export function apiUrlOf(given: string | undefined, env: StatusCommandOptions["env"]): string {
    const raw = given ?? (env.GITHUB_API_URL?.trim() || DEFAULT_GITHUB_API_URL);
    const source = given === undefined ? "GITHUB_API_URL" : "--api-url";
    let url: URL;
    try {
        url = new URL(raw);
    } catch {
        throw new UsageError(`${source} ${JSON.stringify(untrustedText(raw, 80))} is not a URL`);
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new UsageError(`${source} must be an http(s) URL`);
    if (url.username !== "" || url.password !== "") throw new UsageError(`${source} must not contain credentials`);
    if (url.search !== "" || url.hash !== "") throw new UsageError(`${source} must not have a query or fragment`);
    return url.href.replace(/\/+$/, "");
}

/** What the token must be allowed, named after the API whose answer refused it. */
function missingPermission(failure: GitHubFailure, requestUrl: string | undefined): string {
    const pathname = requestUrl === undefined ? "" : new URL(requestUrl).pathname;
    // What follows /repos/{owner}/{repo}: a repository named `pulls` or `status` is the repository, not that API.
    const below = /\/repos\/[^/]+\/[^/]+(\/.*)?$/.exec(pathname)?.[1] ?? "";
    if (/^\/commits\/[^/]+\/check-runs$/.test(below)) return "Checks: read";
    if (/^\/commits\/[^/]+\/status$/.test(below)) return "Commit statuses: read";
    if (/^\/pulls$/.test(below)) return "Pull requests: read";
    if (/^\/(branches|contents)\//.test(below)) return "Contents: read";
    return failure.status === 401 ? "a valid token" : "read access to the repository (Metadata and Contents: read)";
}

function requestUrlOf(err: unknown): string | undefined {
    const url = (err as { request?: { url?: unknown } } | undefined)?.request?.url;
    return typeof url === "string" ? url : undefined;
}

/** One line and an exit code for a failed GitHub request. */
function describeFailure(failure: GitHubFailure, err: unknown, repo: string, now: Date): [string, ExitCode] {
    switch (failure.kind) {
        case "rate-limited": {
            const reset = failure.resetAt;
            const when =
                reset === undefined
                    ? "GitHub did not say when it resets"
                    : `it resets at ${isoTime(reset)} (in ${Math.max(0, Math.ceil((reset.getTime() - now.getTime()) / 60_000))} min)`;
            return [
                `GitHub rate limit reached (HTTP ${failure.status}); ${when}. Nothing was printed.`,
                EXIT.gitHubRateLimited,
            ];
        }
        case "no-access":
        case "not-found": {
            const need = missingPermission(failure, requestUrlOf(err));
            const what = failure.status === 401 ? "GitHub rejected GITHUB_TOKEN" : `GITHUB_TOKEN cannot read ${repo}`;
            return [`${what} (HTTP ${failure.status}: ${failure.message}); it needs ${need}.`, EXIT.gitHubNoAccess];
        }
        case "unreachable":
            return [`could not read GitHub: ${failure.message}`, EXIT.gitHubUnreachable];
        case "refused":
            return [`GitHub refused a request (HTTP ${failure.status}: ${failure.message})`, EXIT.gitHubUnreachable];
    }
}

function render(report: StatusReport, format: StatusArguments["format"]): string {
    if (format === "json") return renderJson(report);
    if (format === "markdown") return renderMarkdown(report);
    return renderText(report);
}

/** Runs the command; every line it prints passes through the redactor (GITHUB_TOKEN) and the output guard. */
export async function runStatusCommand(argv: readonly string[], options: StatusCommandOptions): Promise<ExitCode> {
    const token = options.env.GITHUB_TOKEN?.trim() || undefined;
    const lines = (sink: TextSink) => (text: string) => sink.write(`${text}\n`);
    const io: Output = guardedOutput({ out: lines(options.stdout), err: lines(options.stderr) }, new Redactor([token]));
    const now = (options.now ?? (() => new Date()))();
    let repo = "the repository";
    try {
        const args = parseStatusArguments(argv);
        if (args.help) {
            io.out(STATUS_USAGE);
            return EXIT.ok;
        }
        const apiUrl = apiUrlOf(args.apiUrl, options.env);
        const settings = readStatusSettings(options.root ?? path.resolve(__dirname, "../../.."));
        repo = args.repo ?? settings.repo;
        if (token === undefined) {
            throw new UsageError(
                `GITHUB_TOKEN is not set; it needs read access to ${repo} (a CI job's github.token will do)`,
            );
        }
        const client = createGitHubClient({
            token,
            apiUrl,
            userAgent: USER_AGENT,
            fetch: options.fetch,
            retryBaseDelayMs: options.retryBaseDelayMs,
            maxBodyBytes: STATUS_MAX_BODY_BYTES,
            warn: (line) => io.err(`status: warning: ${untrustedText(line, 200)}`),
        });
        const report = await collectStatus(client, { ...settings, repo }, { historyCount: args.history, now });
        for (const line of render(report, args.format).split("\n")) io.out(line);
        return EXIT.ok;
    } catch (err) {
        if (err instanceof UsageError || err instanceof StackFileError || err instanceof ConfigError) {
            io.err(`status: ${err.message}`);
            if (err instanceof UsageError) io.err("Run with --help for usage.");
            return EXIT.usage;
        }
        const failure = classifyGitHubError(err, now);
        if (failure !== undefined) {
            const [message, code] = describeFailure(failure, err, repo, now);
            io.err(`status: ${message}`);
            return code;
        }
        io.err(`status: internal error: ${untrustedText(err instanceof Error ? err.message : String(err), 300)}`);
        return EXIT.internalError;
    }
}
