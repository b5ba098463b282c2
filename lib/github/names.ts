// Names the e2e gate and the release tools share on GitHub: how a repository is written, and the commit-status
// context the e2e gate reports in direct mode (the one `npm run promote` checks).

/** The context of the e2e gate's commit status: its default, and what direct-mode promotion looks for. */
export const E2E_STATUS_CONTEXT = "e2e-tests";

/** One owner/name check for every flag and setting naming a repository. */
export function isValidRepo(repo: string): boolean {
    return /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repo);
}
