// Runs `npm run rollback` in-process against the git-data stand-in holding demo's history (test/support/rollbackHistory.ts),
// in a temporary copy of the project: what rollback.test.ts and rollbackEdges.test.ts share.

import { strict as assert } from "assert";
import type { FetchLike } from "../../lib/cli/http";
import { runRollback } from "../../tools/lib/rollbackCommand";
import { GitHubStandIn } from "../support/gitHubStandIn";
import { HYDRATION, rollbackHistory } from "../support/rollbackHistory";
import { loopbackFetch } from "../support/statusStandIn";
import { Captured, capture, readStack, removeDir, tempProject } from "./helpers";

export const TOKEN = "ghs_rollbackTOKEN0123456789abcdefghijklmn";
export const NOW = new Date("2026-12-04T12:00:00Z");
export const REASON = "1.2.28 breaks logins";

export interface RollbackRunOptions {
    /** Replaces or removes (undefined) the run's environment variables (GITHUB_TOKEN, GITHUB_ACTOR, GITHUB_API_URL). */
    env?: (url: string) => Record<string, string | undefined>;
    fetch?: FetchLike;
    /** Leaves `now` out of the options, so the command reads the clock itself. */
    clock?: boolean;
    /** The project directory the options name (default: the temporary project, which --root may name instead). */
    optionsRoot?: (dir: string) => string;
}

export interface RollbackRun {
    code: number;
    io: Captured;
    github: GitHubStandIn;
    stackText: string;
}

/**
 * `npm run rollback -- --environment demo --reason "1.2.28 breaks logins" <args>` after `setup` changed the stand-in
 * (demo ran 1.2.26, 1.2.27, 1.2.28) or the project; `args` may name the temporary project as {dir}
 * and the stand-in's API root as {url}.
 */
export async function rollback(
    args: string[],
    setup: (github: GitHubStandIn, dir: string) => void = () => undefined,
    options: RollbackRunOptions = {},
): Promise<RollbackRun> {
    const github = new GitHubStandIn();
    github.acceptBaseTree = true;
    const url = await github.start();
    const dir = tempProject();
    rollbackHistory(github);
    setup(github, dir);
    const io = capture();
    try {
        const code = await runRollback(
            [
                "--environment",
                "demo",
                "--reason",
                REASON,
                ...args.map((arg) => arg.replace("{dir}", dir).replace("{url}", url)),
            ],
            io,
            {
                root: options.optionsRoot?.(dir) ?? dir,
                env: options.env?.(url) ?? { GITHUB_TOKEN: TOKEN, GITHUB_ACTOR: "octocat", GITHUB_API_URL: url },
                fetch: options.fetch ?? loopbackFetch,
                now: options.clock ? undefined : () => NOW,
                retryBaseDelayMs: 1,
            },
        );
        assert.ok(!io.text().includes(TOKEN), "the token was printed");
        return { code, io, github, stackText: readStack(dir, "demo") };
    } finally {
        await github.stop();
        removeDir(dir);
    }
}

/** Every request that writes (anything but GET). */
export const writes = (github: GitHubStandIn) => github.requests.filter((request) => request.method !== "GET");

/** Replaces `branch`'s history by commits of exactly these trees, oldest first (nothing carried over); their shas. */
export function replaceHistory(github: GitHubStandIn, branch: string, trees: Record<string, string>[]): string[] {
    const shas: string[] = [];
    for (const files of trees) {
        const tree = github.storeTree(files);
        shas.push(github.storeCommit({ tree, parents: shas.slice(-1), message: `hydrate ${shas.length}` }));
    }
    github.refsOf(HYDRATION).set(`heads/${branch}`, shas[shas.length - 1]);
    return shas.reverse();
}
