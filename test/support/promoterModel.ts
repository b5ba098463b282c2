// GitOps Promoter v0.36.0's promotion rules, as read in its source, over the GitHub stand-in's branches. Only what the
// hydrator's DRY identity decides is modelled; each function names the upstream function it follows.

import { GitHubStandIn } from "./gitHubStandIn";

/** One branch tip as a ChangeTransferPolicy sees it: the hydrated commit and the drySha of its `hydrator.metadata`. */
export interface BranchState {
    hydrated: string;
    /** `""` when the branch has no `hydrator.metadata` (a live branch never promoted to). */
    dry: string;
}

/** `Status.Proposed` / `Status.Active` of one environment's ChangeTransferPolicy. */
export interface EnvironmentState {
    environment: string;
    proposed: BranchState;
    active: BranchState;
}

/**
 * `internal/controller/changetransferpolicy_controller.go` `calculateStatus` → `setCommitMetadata`: the DRY sha is
 * `drySha` of the `hydrator.metadata` file at the tip of `<branch>-next` (proposed) and of `<branch>` (active).
 */
export function environmentState(github: GitHubStandIn, repository: string, environment: string): EnvironmentState {
    const tip = (branch: string): BranchState => {
        const hydrated = github.head(repository, branch);
        if (hydrated === undefined) throw new Error(`${branch} does not exist`);
        const metadata = github.filesAt(hydrated)["hydrator.metadata"];
        return { hydrated, dry: metadata === undefined ? "" : String(JSON.parse(metadata).drySha ?? "") };
    };
    return {
        environment,
        proposed: tip(`environment/${environment}-next`),
        active: tip(`environment/${environment}`),
    };
}

/**
 * `createOrUpdatePullRequest`: a promotion pull request exists only while the proposed DRY sha differs from the
 * active one; hydrated content is never compared.
 */
export function promotionOpen(state: EnvironmentState): boolean {
    return state.proposed.dry !== state.active.dry;
}

/**
 * The promoter merging the promotion pull request (`mergePullRequests`): the live branch gets a merge commit whose
 * tree is the proposed branch's.
 */
export function mergePromotion(github: GitHubStandIn, repository: string, environment: string): string {
    const live = `heads/environment/${environment}`;
    const next = github.head(repository, `environment/${environment}-next`)!;
    const refs = github.refsOf(repository);
    const merge = github.storeCommit({
        tree: github.commits.get(next)!.tree,
        parents: [refs.get(live)!, next],
        message: `Promote ${environment}`,
    });
    refs.set(live, merge);
    return merge;
}

/**
 * `internal/controller/promotionstrategy_controller.go` `updatePreviousEnvironmentCommitStatus` and
 * `isPreviousEnvironmentPending`: the phase of `promoter-previous-environment` on an environment's promotion. The
 * target is the environment's proposed DRY sha (`getEffectiveHydratedDrySha`: this hydrator writes no git note, so
 * `Proposed.Dry.Sha`). The previous environment must have been hydrated for it (`Proposed.Dry.Sha == target`),
 * have merged it (`Active.Dry.Sha == target`), and pass its active commit statuses (`checkCommitStatusesPassing`),
 * which the promoter computes for its active hydrated commit. Without a note no environment is ever a no-op
 * (`envIsNoOp` is false), so the recursion never skips one. `hydrator.metadata` carries no `date`, so every
 * `Active.Dry.CommitTime` is zero (`internal/git/git.go` `GetShaMetadataFromFile`) and the commit-time ordering check
 * holds trivially. `undefined`: no promotion, so no check
 * (`Active.Dry.Sha == Proposed.Dry.Sha` is skipped).
 */
export function previousEnvironmentCheck(
    previous: EnvironmentState,
    current: EnvironmentState,
    gatesPassOn: (hydratedSha: string) => boolean,
): "success" | "pending" | undefined {
    if (!promotionOpen(current)) return undefined;
    const target = current.proposed.dry;
    if (previous.proposed.dry !== target) return "pending"; // "Waiting for the hydrator to finish processing ..."
    if (previous.active.dry !== target) return "pending"; // "Waiting for previous environment to be promoted"
    return gatesPassOn(previous.active.hydrated) ? "success" : "pending";
}
