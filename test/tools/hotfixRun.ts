// Runs `npm run hotfix` in-process against the status stand-in holding the promoter's pull request #7
// (test/support/hotfixPull.ts), in a temporary copy of the project: what hotfix.test.ts and hotfixEdges.test.ts share.

import { strict as assert } from "assert";
import type { FetchLike } from "../../lib/cli/http";
import { runHotfix } from "../../tools/lib/hotfixCommand";
import { StandInRepository, loopbackFetch, startGitHubStandIn } from "../support/statusStandIn";
import { Captured, capture, removeDir, tempProject } from "./helpers";

export const TOKEN = "ghs_hotfixTOKEN0123456789abcdefghijklmnop";
export const REASON = "CVE-2026-1: demo exposed";

export interface HotfixRunOptions {
    fetch?: FetchLike;
    /** Leaves `now` out of the options, so the command reads the clock itself. */
    clock?: boolean;
    /** The project directory the options name (default: the temporary project, which --root may name instead). */
    optionsRoot?: string;
    /** Changes the temporary project before the run. */
    prepare?: (dir: string) => void;
}

export interface HotfixRun {
    code: number;
    io: Captured;
    /** `METHOD /path?query` of every request, in order. */
    requests: string[];
}

/**
 * `npm run hotfix -- --environment demo --pr 7 --reason "CVE-2026-1: demo exposed" <extra>` against `repo`; with
 * `replace`, `extra` is the whole argument list instead. `extra` may name the temporary project as {dir}.
 */
export async function hotfix(
    repo: StandInRepository,
    extra: string[] = [],
    options: HotfixRunOptions & { replace?: boolean } = {},
): Promise<HotfixRun> {
    const standIn = await startGitHubStandIn(repo, TOKEN);
    const dir = tempProject();
    options.prepare?.(dir);
    const io = capture();
    const base = options.replace ? [] : ["--environment", "demo", "--pr", "7", "--reason", REASON];
    try {
        const code = await runHotfix([...base, ...extra.map((arg) => arg.replace("{dir}", dir))], io, {
            root: options.optionsRoot ?? dir,
            env: { GITHUB_TOKEN: TOKEN, GITHUB_ACTOR: "octocat", GITHUB_API_URL: standIn.url },
            fetch: options.fetch ?? loopbackFetch,
            now: options.clock ? undefined : () => new Date("2026-12-04T12:00:00Z"),
            retryBaseDelayMs: 1,
        });
        assert.deepEqual(standIn.schemaErrors, [], "answers or requests outside GitHub's OpenAPI description");
        assert.ok(!io.text().includes(TOKEN), "the token was printed");
        return { code, io, requests: standIn.requests };
    } finally {
        await standIn.close();
        removeDir(dir);
    }
}

/** Whether every request only read. */
export const onlyReads = (requests: string[]) => requests.every((request) => request.startsWith("GET"));
