// `tsx tools/wait-for-version.ts --url <coreUrl> --version <v> [--timeout 25m] [--interval 10s] [--settle 5m]
//   [--require-version]`: waits until the environment serves the release, over its public HTTP API only.

import { formatDuration } from "../../lib/cli/duration";
import { CommandContext, commandEntry } from "../../lib/cli/entry";
import type { FetchLike } from "../../lib/cli/http";
import { UsageError, durationOption, parseCommandLine } from "../../lib/cli/args";
import { EXIT } from "../../lib/cli/exitCodes";
import { Output, contextOutput, guardedOutput } from "./args";
import { waitForVersion } from "./readiness";
import { parseReleaseVersion } from "./versions";

export const WAIT_USAGE = `Usage: tsx tools/wait-for-version.ts --url <coreUrl> --version <version> [options]

Polls GET <url>/health/ready until it answers 200 and reports <version> (a "version"-like field of a JSON
body, with or without a leading v). If the answer reports no version at all, the rollout cannot be seen from
outside: readiness alone is accepted once --settle has passed since the start, unless --require-version.

Options:
  --url <url>          environment base URL (default env SERVICERADAR_CORE_URL)
  --version <version>  release expected (semver without v)
  --timeout <dur>      give up after this long (default 25m)
  --interval <dur>     pause between attempts (default 10s)
  --settle <dur>       when no version is reported, accept readiness after this long (default 5m)
  --require-version    fail instead of accepting readiness without a version
Durations: 500ms, 90s, 5m, 1h30m or plain seconds, at most 596h31m23s (--settle may be 0).
Answers are read up to 1 MiB; a redirect is followed only within the same origin.
Exit codes: 0 live (confirmed, or unverified after --settle), 1 timed out, 2 usage error.`;

export interface WaitCommandOptions {
    env: Record<string, string | undefined>;
    fetch?: FetchLike;
    sleep?: (ms: number) => Promise<void>;
}

export async function runWait(argv: readonly string[], given: Output, options: WaitCommandOptions): Promise<number> {
    const io = guardedOutput(given);
    try {
        const args = parseCommandLine(
            argv,
            {
                url: "string",
                version: "string",
                timeout: "string",
                interval: "string",
                settle: "string",
                "require-version": "boolean",
            },
            { positionals: false },
        );
        if (args.help) {
            io.out(WAIT_USAGE);
            return EXIT.ok;
        }
        const rawUrl = args.strings.get("url") ?? options.env.SERVICERADAR_CORE_URL;
        if (rawUrl === undefined || rawUrl.trim() === "")
            throw new UsageError("missing --url <coreUrl> (or SERVICERADAR_CORE_URL)");
        let url: URL;
        try {
            url = new URL(rawUrl.trim());
        } catch {
            throw new UsageError("--url is not a valid URL");
        }
        if ((url.protocol !== "http:" && url.protocol !== "https:") || url.username || url.password) {
            throw new UsageError("--url must be an http(s) URL without credentials");
        }
        const check = parseReleaseVersion(args.strings.get("version"));
        if (!check.ok) throw new UsageError(`--version: ${check.message}`);
        const timeoutMs = durationOption(args, "timeout", "25m");
        const intervalMs = durationOption(args, "interval", "10s");
        const settleMs = durationOption(args, "settle", "5m", { minMs: 0 });
        if (settleMs > timeoutMs) throw new UsageError("--settle must not be longer than --timeout");
        const base = `${url.origin}${url.pathname}`.replace(/\/+$/, "");
        io.out(`Waiting up to ${formatDuration(timeoutMs)} for ${base} to serve ${check.version}...`);
        const outcome = await waitForVersion({
            url: base,
            version: check.version,
            timeoutMs,
            intervalMs,
            settleMs,
            requireVersion: args.booleans.has("require-version"),
            fetch: options.fetch,
            sleep: options.sleep,
            log: (line) => io.out(`  ${line}`),
        });
        if (outcome.kind === "confirmed") {
            io.out(
                `${base} serves ${check.version} (after ${formatDuration(outcome.elapsedMs)}, ${outcome.attempts} attempts).`,
            );
            return EXIT.ok;
        }
        if (outcome.kind === "unverified") {
            io.err(
                `wait-for-version: warning: ${base}/health/ready is ready but reports no version; accepted after ` +
                    `${formatDuration(outcome.elapsedMs)} without confirming ${check.version}`,
            );
            return EXIT.ok;
        }
        io.err(
            `wait-for-version: ${base} did not serve ${check.version} within ${formatDuration(timeoutMs)} (last: ${outcome.last})`,
        );
        return EXIT.timedOut;
    } catch (err) {
        if (err instanceof UsageError) {
            io.err(`wait-for-version: ${err.message}`);
            return EXIT.usage;
        }
        io.err(`wait-for-version: internal error: ${err instanceof Error ? err.message : String(err)}`);
        return EXIT.internalError;
    }
}

/** `tsx tools/wait-for-version.ts ...` as a command (what tools/wait-for-version.ts runs). */
export const runWaitCommand = commandEntry("wait-for-version", EXIT.internalError, (argv, context: CommandContext) =>
    runWait(argv, contextOutput(context), { env: context.env }),
);
