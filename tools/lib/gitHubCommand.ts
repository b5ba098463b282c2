// What the GitHub-writing tools (rollback, hotfix) share: their common flags, the one client built from them, and one
// line and exit code for a failed request (GitHub's own words, made safe to print; the token never appears).

import { FlagType, ParsedArgs, UsageError, parseCommandLine } from "../../lib/cli/args";
import { EXIT, ExitCode } from "../../lib/cli/exitCodes";
import { FetchLike } from "../../lib/cli/http";
import { controlCharacterIn, untrustedText } from "../../lib/cli/sanitize";
import { GitHubClient, createGitHubClient } from "../../lib/github/client";
import { classifyGitHubError } from "../../lib/github/errors";
import { isValidRepo } from "../../lib/github/names";
import { Redactor } from "../../lib/cli/redact";
import { apiUrlOf } from "./status/command";
import { Output, guardedOutput } from "./args";
import { reportCommandError } from "./commandErrors";

/** Flags every GitHub-writing tool takes besides its own. */
export const GITHUB_WRITE_FLAGS = {
    environment: "string",
    reason: "string",
    repo: "string",
    actor: "string",
    json: "boolean",
    "api-url": "string",
    root: "string",
} as const;

export const MAX_REASON = 300;

export interface GitHubWriteOptions {
    root: string;
    env: Record<string, string | undefined>;
    fetch?: FetchLike;
    now?: () => Date;
    retryBaseDelayMs?: number;
}

/** --reason: required, one line of plain text, at most MAX_REASON characters. */
export function reasonOption(args: ParsedArgs): string {
    const raw = args.strings.get("reason");
    if (raw === undefined || raw.trim() === "") throw new UsageError('--reason "<why>" is required (it is recorded)');
    // The project's one notion of a control character (tabs and line breaks are folded into spaces below).
    if (controlCharacterIn(raw) !== undefined) {
        throw new UsageError("--reason contains a control character; write the reason as one line of plain text");
    }
    // One line: a line break would start a new trailer in the commit message.
    const reason = raw.trim().replace(/\s+/g, " ");
    if (reason.length > MAX_REASON) {
        throw new UsageError(`--reason is longer than ${MAX_REASON} characters; link to the incident instead`);
    }
    return reason;
}

/** Who asked: --actor, else GITHUB_ACTOR (the workflow's), else USER; a GitHub login's characters only. */
export function actorOf(args: ParsedArgs, env: Record<string, string | undefined>): string {
    const actor = (args.strings.get("actor") ?? env.GITHUB_ACTOR ?? env.USER ?? "").trim();
    if (actor === "") throw new UsageError("--actor is not given and GITHUB_ACTOR is not set: say who asks for this");
    if (!/^[A-Za-z0-9][A-Za-z0-9_.\[\]-]{0,60}$/.test(actor)) {
        throw new UsageError(`--actor ${JSON.stringify(untrustedText(actor, 40))} is not a GitHub login`);
    }
    return actor;
}

export function repoOption(args: ParsedArgs, fallback: string): string {
    const repo = args.strings.get("repo") ?? fallback;
    if (!isValidRepo(repo)) throw new UsageError(`--repo ${JSON.stringify(untrustedText(repo, 80))} is not owner/name`);
    return repo;
}

export function environmentOption(args: ParsedArgs): string {
    const environment = args.strings.get("environment");
    if (environment === undefined) throw new UsageError("--environment <env> is required");
    if (!/^[A-Za-z0-9_.-]+$/.test(environment) || /^\.+$/.test(environment)) {
        throw new UsageError(`--environment ${JSON.stringify(untrustedText(environment, 60))} is not a stack name`);
    }
    return environment;
}

export function gitHubClientFor(
    name: string,
    args: ParsedArgs,
    options: GitHubWriteOptions,
    io: Output,
): { client: GitHubClient; token: string } {
    const token = options.env.GITHUB_TOKEN?.trim();
    if (token === undefined || token === "") throw new UsageError("GITHUB_TOKEN is not set");
    const client = createGitHubClient({
        token,
        apiUrl: apiUrlOf(args.strings.get("api-url"), options.env),
        userAgent: `serviceradar-release-${name}`,
        fetch: options.fetch,
        retryBaseDelayMs: options.retryBaseDelayMs,
        warn: (line) => io.err(`${name}: warning: ${untrustedText(line, 200)}`),
    });
    return { client, token };
}

/** A write is sent once: retrying a merge or a ref move after a lost answer could act twice. */
export const ONCE = { request: { retries: 0 } } as const;

/**
 * One line and the exit code for a failed GitHub request, or undefined when `err` is no GitHub failure (a bug).
 * `doing` names the request in the operator's words ("merge pull request #12").
 */
export function gitHubFailureExit(err: unknown, doing: string, now: Date): [string, ExitCode] | undefined {
    const failure = classifyGitHubError(err, now);
    if (failure === undefined) return undefined;
    switch (failure.kind) {
        case "rate-limited":
            return [
                `GitHub rate limit reached (HTTP ${failure.status}) while trying to ${doing}; ` +
                    (failure.resetAt
                        ? `it resets at ${failure.resetAt.toISOString()}`
                        : "GitHub did not say when it resets"),
                EXIT.gitHubRateLimited,
            ];
        case "no-access":
        case "not-found":
            return [
                `GitHub answered HTTP ${failure.status} to ${doing} (${failure.message}): the token lacks access, or it does not exist`,
                EXIT.gitHubNoAccess,
            ];
        case "unreachable":
            return [`GitHub could not be asked to ${doing}: ${failure.message}`, EXIT.gitHubUnreachable];
        case "refused":
            if (failure.status === 409) {
                return [
                    `GitHub refused to ${doing} (HTTP 409: ${failure.message}): it moved meanwhile`,
                    EXIT.headMoved,
                ];
            }
            return [`GitHub refused to ${doing} (HTTP ${failure.status}: ${failure.message})`, EXIT.refused];
    }
}

/** What a GitHub-writing command's body gets: its flags, its output, the time it started, and a way to say what it does. */
export interface GitHubWriteRun {
    args: ParsedArgs;
    io: Output;
    now: Date;
    /** Names the request under way, in the operator's words, for the failure line. */
    progress(doing: string): void;
}

export interface GitHubWriteCommand {
    name: string;
    usage: string;
    /** Flags beside GITHUB_WRITE_FLAGS. */
    flags: Record<string, FlagType>;
    body(run: GitHubWriteRun): Promise<number>;
    /** An error the command explains itself (a line already printed), as its exit code; undefined for the rest. */
    own?(err: unknown, io: Output): number | undefined;
    /** What the operator does next after a GitHub failure with this code, appended to the line. */
    hint(code: ExitCode, doing: string): string;
}

/**
 * Runs a GitHub-writing command: every line redacted (GITHUB_TOKEN) and made safe, --help, and every failure as one
 * line and its exit code (usage and stack-file errors 2, GitHub's answers by gitHubFailureExit, anything else 5).
 */
export async function runGitHubWrite(
    command: GitHubWriteCommand,
    argv: readonly string[],
    given: Output,
    options: GitHubWriteOptions,
): Promise<number> {
    const io = guardedOutput(given, new Redactor([options.env.GITHUB_TOKEN?.trim()]));
    const now = (options.now ?? (() => new Date()))();
    let doing = "read GitHub";
    try {
        const args = parseCommandLine(argv, { ...GITHUB_WRITE_FLAGS, ...command.flags }, { positionals: false });
        if (args.help) {
            io.out(command.usage);
            return EXIT.ok;
        }
        return await command.body({ args, io, now, progress: (what) => (doing = what) });
    } catch (err) {
        const own = command.own?.(err, io);
        if (own !== undefined) return own;
        const failure = gitHubFailureExit(err, doing, now);
        if (failure === undefined) return reportCommandError(command.name, io, err);
        const [line, code] = failure;
        io.err(`${command.name}: ${line}${command.hint(code, doing)}`);
        return code;
    }
}
