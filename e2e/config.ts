// Command-line flags and environment variables of the e2e gate.

import type { GateOptions } from "./probe";
import { ParsedArgs, UsageError, durationOption, parseCommandLine } from "../lib/cli/args";
import { DEFAULT_GITHUB_API_URL } from "../lib/github/client";
import { E2E_STATUS_CONTEXT, isValidRepo } from "../lib/github/names";
import { StatusTarget, defaultTargetUrl, isValidSha } from "./githubStatus";

export type Env = Record<string, string | undefined>;

export const DEFAULT_ADMIN_USER = "root@localhost";
export const DEFAULTS = {
    readyTimeout: "300s",
    readyInterval: "5s",
    checkTimeout: "15s",
    statusContext: E2E_STATUS_CONTEXT,
} as const;

/** What the gate needs to run its checks, plus where its results go. */
export interface GateConfig extends GateOptions {
    junitPath?: string;
    status?: StatusTarget;
}

export type ParseResult =
    | { kind: "help" }
    | { kind: "ok"; config: GateConfig }
    /** `status` is set when commit-status reporting was configured well enough to report the error itself. */
    | { kind: "error"; message: string; status?: StatusTarget };

/** The gate's flags; every one takes a value. */
const FLAGS = {
    url: "string",
    "ready-timeout": "string",
    "ready-interval": "string",
    "check-timeout": "string",
    junit: "string",
    "report-sha": "string",
    repo: "string",
    "status-context": "string",
    "target-url": "string",
    "github-api": "string",
} as const;
type FlagName = keyof typeof FLAGS;
type Flags = ReadonlyMap<string, string>;

export const USAGE = `Usage: npm run e2e -- --url <coreUrl> [options]

Checks a deployed ServiceRadar (web-ng) over its public HTTP API: waits for readiness, then
liveness, a password-grant token, an SRQL query and the device list. Exit 0 only if every check passed.

Options:
  --url <url>               ServiceRadar base URL (env SERVICERADAR_CORE_URL if omitted)
  --ready-timeout <dur>     total time to wait for GET /health/ready (default ${DEFAULTS.readyTimeout})
  --ready-interval <dur>    pause between readiness attempts (default ${DEFAULTS.readyInterval})
  --check-timeout <dur>     limit for each HTTP request (default ${DEFAULTS.checkTimeout})
  --junit <file>            also write a JUnit XML report to <file>
  --report-sha <sha>        post GitHub commit statuses (pending, then success/failure) on this 40-hex commit
  --repo <owner/name>       repository of that commit (default env GITHUB_REPOSITORY)
  --status-context <name>   commit status context (default ${DEFAULTS.statusContext})
  --target-url <url>        link on the status (default the GitHub Actions run URL, if known)
  --github-api <url>        GitHub API root (default env GITHUB_API_URL or ${DEFAULT_GITHUB_API_URL})
  -h, --help                show this help

Durations: 500ms, 90s, 2m, 1m30s, or plain seconds, from 1ms to 596h31m23s (the longest timer Node.js can set).
Environment: SERVICERADAR_ADMIN_PASSWORD (required), SERVICERADAR_ADMIN_USER (default ${DEFAULT_ADMIN_USER}),
  SERVICERADAR_CORE_URL, GITHUB_TOKEN (required with --report-sha).
Exit codes: 0 all passed, 1 a check failed or was skipped, 2 usage/configuration error, 3 internal error,
  4 checks passed but a report (commit status or JUnit file) could not be delivered, 130 cancelled.`;

/** An empty environment variable (an unset GitHub secret expands to "") counts as missing. */
function envValue(env: Env, name: string): string | undefined {
    const value = env[name];
    return value === undefined || value.trim() === "" ? undefined : value;
}

function checkUrl(raw: string, what: string): { ok: true; url: string } | { ok: false; message: string } {
    let url: URL;
    try {
        url = new URL(raw.trim());
    } catch {
        return {
            ok: false,
            message: `${what} "${raw}" is not a valid URL (expected e.g. https://staging.example.com)`,
        };
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
        return { ok: false, message: `${what} "${raw}" must start with http:// or https://` };
    }
    if (url.username || url.password) {
        return { ok: false, message: `${what} must not contain credentials; use the environment variables instead` };
    }
    if (url.search || url.hash) {
        return { ok: false, message: `${what} "${url.origin}${url.pathname}..." must not contain a query or fragment` };
    }
    return { ok: true, url: `${url.origin}${url.pathname}`.replace(/\/+$/, "") };
}

/**
 * Builds the commit-status target when --report-sha is given.
 * Returns undefined when status reporting was not asked for.
 */
function parseStatus(flags: Flags, env: Env): { status?: StatusTarget; error?: string } {
    const sha = flags.get("report-sha");
    const statusFlags: FlagName[] = ["repo", "status-context", "target-url", "github-api"];
    if (sha === undefined) {
        const stray = statusFlags.find((name) => flags.has(name));
        return stray ? { error: `--${stray} only makes sense with --report-sha` } : {};
    }
    if (!isValidSha(sha)) {
        return { error: `--report-sha must be a full 40-character hex commit SHA, got "${sha}"` };
    }
    const token = envValue(env, "GITHUB_TOKEN");
    if (!token) {
        return { error: "--report-sha needs a GitHub token in the environment variable GITHUB_TOKEN" };
    }
    const repo = flags.get("repo") ?? envValue(env, "GITHUB_REPOSITORY");
    if (!repo) {
        return { error: "--report-sha needs --repo <owner/name> (or GITHUB_REPOSITORY in the environment)" };
    }
    if (!isValidRepo(repo)) {
        return { error: `--repo must look like owner/name, got "${repo}"` };
    }
    const context = flags.get("status-context") ?? DEFAULTS.statusContext;
    if (context.trim() === "") {
        return { error: "--status-context must not be empty" };
    }
    const api = checkUrl(
        flags.get("github-api") ?? envValue(env, "GITHUB_API_URL") ?? DEFAULT_GITHUB_API_URL,
        "GitHub API URL",
    );
    if (!api.ok) {
        return { error: api.message };
    }
    let targetUrl = flags.get("target-url") ?? defaultTargetUrl(env);
    if (targetUrl !== undefined) {
        try {
            const parsed = new URL(targetUrl);
            if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
                throw new Error("scheme");
            }
        } catch {
            return { error: `--target-url "${targetUrl}" must be an http(s) URL` };
        }
        targetUrl = targetUrl.trim();
    }
    return { status: { apiUrl: api.url, repo, sha: sha.toLowerCase(), token, context, targetUrl } };
}

/** Turns argv and the environment into a validated configuration, or a one-line error. */
export function parseConfig(argv: string[], env: Env): ParseResult {
    let args: ParsedArgs;
    try {
        args = parseCommandLine(argv, FLAGS, { positionals: false });
    } catch (err) {
        if (err instanceof UsageError) return { kind: "error", message: err.message };
        throw err;
    }
    if (args.help) {
        return { kind: "help" };
    }
    const flags: Flags = args.strings;
    const statusPart = parseStatus(flags, env);
    if (statusPart.error) {
        return { kind: "error", message: statusPart.error };
    }
    const status = statusPart.status;
    const fail = (message: string): ParseResult => ({ kind: "error", message, status });

    const rawUrl = flags.get("url") ?? envValue(env, "SERVICERADAR_CORE_URL");
    if (!rawUrl) {
        return fail("missing --url <coreUrl> (or SERVICERADAR_CORE_URL in the environment)");
    }
    const url = checkUrl(rawUrl, "--url");
    if (!url.ok) {
        return fail(url.message);
    }
    const password = envValue(env, "SERVICERADAR_ADMIN_PASSWORD");
    if (!password) {
        return fail("SERVICERADAR_ADMIN_PASSWORD is not set (the admin password of the environment under test)");
    }
    const username = envValue(env, "SERVICERADAR_ADMIN_USER")?.trim() ?? DEFAULT_ADMIN_USER;

    let readyTimeoutMs: number, readyIntervalMs: number, checkTimeoutMs: number;
    try {
        readyTimeoutMs = durationOption(args, "ready-timeout", DEFAULTS.readyTimeout);
        readyIntervalMs = durationOption(args, "ready-interval", DEFAULTS.readyInterval);
        checkTimeoutMs = durationOption(args, "check-timeout", DEFAULTS.checkTimeout);
    } catch (err) {
        if (err instanceof UsageError) return fail(err.message);
        throw err;
    }
    const junitPath = flags.get("junit");
    if (junitPath !== undefined && junitPath.trim() === "") {
        return fail("--junit needs a file path");
    }
    return {
        kind: "ok",
        config: {
            baseUrl: url.url,
            username,
            password,
            readyTimeoutMs,
            readyIntervalMs,
            checkTimeoutMs,
            junitPath,
            status,
        },
    };
}
