// The exit codes of every command of this repository: the e2e gate, the offline plan, release, promote, stack-info,
// environments, wait-for-version, status, discover, check-branch, rollback and hotfix. One table, so that no two
// commands give one number two meanings without it being written here. Some numbers do mean different things in
// different commands (the gate's codes were published before the tools'): each name says what it means and which
// commands use it. The "Exit codes" table of docs/commands.md documents the same.

export const EXIT = {
    /** Every command: done (the gate: every check passed; release/promote: written; status: printed). */
    ok: 0,
    /** The gate: a check failed or was skipped. */
    checksFailed: 1,
    /**
     * release, promote: a rule refused the change (backwards without --rollback, gate not green, wrong mode);
     * rollback: the environment never ran that version, or it is not older; hotfix: the pull request is not the
     * promoter's, or GitHub refused the merge (405 not mergeable, 422).
     */
    refused: 1,
    /** check-branch: a mandatory policy refuses what the environment branch makes the environment run. */
    branchRefused: 1,
    /** wait-for-version: the environment did not serve the release in time. */
    timedOut: 1,
    /** The offline plan: a policy at a mandatory level refused the plan. */
    mandatoryPolicyViolation: 1,
    /** Every command: usage or configuration error, one line; nothing was written. */
    usage: 2,
    /** The gate: unexpected internal error. */
    gateInternalError: 3,
    /**
     * release, promote: the stack already runs that version; discover: no newer release published whole, or its pull
     * request is already open. Nothing was written.
     */
    nothingToDo: 3,
    /** The gate: the checks passed but the commit status or the JUnit report could not be delivered. */
    reportNotDelivered: 4,
    /** promote, status, discover, rollback, hotfix: GitHub could not be asked (network, timeout, 5xx, an unexpected refusal). */
    gitHubUnreachable: 4,
    /** discover: the OCI registry could not be asked (network, timeout, 5xx, a broken token answer). */
    registryUnreachable: 4,
    /** The tools (release, promote, stack-info, environments, wait-for-version, status, discover, rollback, hotfix): internal error. */
    internalError: 5,
    /** status, discover, rollback, hotfix: the token cannot read (or write) what it needs (401, or 403/404 on the repository or one of its APIs). */
    gitHubNoAccess: 6,
    /** discover: the registry refused the anonymous token and the credentials (or none may be sent to it). */
    registryNoAccess: 6,
    /** status, discover, rollback, hotfix: GitHub's rate limit is spent; the line says when it resets. */
    gitHubRateLimited: 7,
    /** discover: the registry answered 429 (TOOMANYREQUESTS); the line gives its Retry-After. */
    registryRateLimited: 7,
    /**
     * hotfix: the pull request's head moved after it was checked (GitHub's 409 on a merge with `sha`); rollback: the
     * environment's -next branch (or hydrator/dry) moved while the rollback was written. Nothing was merged or moved.
     */
    headMoved: 8,
    /** The gate: cancelled by SIGINT/SIGTERM (the final commit status is `error`). */
    cancelled: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
