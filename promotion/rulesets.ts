import type { ReleaseConfig } from "../config/config";
import { DRY_BRANCH, environmentBranch, proposedBranch } from "./promoter";

/**
 * The check run GitOps Promoter posts on a later environment's promotion pull request (its proposed hydrated commit),
 * success only once the environment before runs the same DRY commit with its gates passing (gitops-promoter v0.36.0
 * `api/v1alpha1/constants.go` `PreviousEnvironmentCommitStatusKey`; `internal/controller/promotionstrategy_controller.go`
 * `createOrUpdatePreviousEnvironmentCommitStatus`, sha `Status.Proposed.Hydrated.Sha`).
 */
export const PREVIOUS_ENVIRONMENT_CHECK = "promoter-previous-environment";

/*
 * Why the gates' own check runs are not required: the promoter names a gate's check run `<key>/<branch>`
 * (`internal/controller/argocdcommitstatus_controller.go` `updateAggregatedCommitStatus`,
 * `webrequestcommitstatus_controller.go` `upsertCommitStatus`, `internal/utils/commitstatus.go` `UpsertCommitStatus`
 * for TimedCommitStatus; posted by `internal/scms/github/commit_status.go` `createCheckRun`), and gates are *active*
 * commit statuses: posted on an environment's live hydrated commit, never on a promotion pull request's head. Required
 * on the pull request, they would never arrive. The previous-environment check carries them instead: it passes only
 * when every gate of the environment before passed on the commit that environment runs, for this DRY commit
 * (`isPreviousEnvironmentPending`, `checkCommitStatusesPassing`).
 */

/** A repository ruleset as `@pulumi/github` 6.15.0 `RepositoryRuleset` takes it (plain values, no Outputs). */
export interface RulesetPlan {
    /** The Pulumi resource name's suffix. */
    id: string;
    name: string;
    target: "branch";
    enforcement: "active";
    conditions: { refName: { includes: string[]; excludes: string[] } };
    rules: {
        creation?: boolean;
        update?: boolean;
        deletion?: boolean;
        nonFastForward?: boolean;
        pullRequest?: {
            allowedMergeMethods: string[];
            dismissStaleReviewsOnPush: boolean;
            requireCodeOwnerReview: boolean;
            requireLastPushApproval: boolean;
            requiredApprovingReviewCount: number;
            requiredReviewThreadResolution: boolean;
        };
        requiredStatusChecks?: {
            requiredChecks: { context: string; integrationId: number }[];
            strictRequiredStatusChecksPolicy: boolean;
            doNotEnforceOnCreate: boolean;
        };
    };
    bypassActors: { actorId: number; actorType: "Integration"; bypassMode: "always" | "pull_request" }[];
}

const refs = (branches: string[]) => ({ refName: { includes: branches.map((b) => `refs/heads/${b}`), excludes: [] } });

/** A GitHub App that may write a branch directly (REST `bypass_mode` values: `always`, `pull_request`, `exempt`). */
function writer(appId: number): RulesetPlan["bypassActors"][number] {
    return { actorId: appId, actorType: "Integration", bypassMode: "always" };
}

/**
 * The rulesets of the hydration repository. Live environment branches change only through a pull request merged with
 * a merge commit (the promoter merges with method `merge`: `internal/scms/github/pullrequest.go` `Merge`), and nobody
 * bypasses that: the promoter's merge satisfies the rules, and a bypass would let its App, or whoever holds its key,
 * merge past red gates. Every environment after the first also needs the promoter's own previous-environment check on
 * the pull request, from the promoter's App only (`integration_id`), so a person cannot merge demo's promotion while
 * staging's gates are red. The proposed `-next` branches are written only by the hydrator's App and the promoter's
 * App (which pushes an "ours" merge there when the branches conflict: `changetransferpolicy_controller.go`
 * `gitMergeStrategyOurs`); the DRY branch only by the hydrator.
 */
export function environmentRulesets(config: ReleaseConfig): RulesetPlan[] {
    const app = config.promotion.githubApp;
    if (!app) throw new Error("the rulesets are declared only in promoter mode on the pipeline stack");
    const [first, ...later] = config.environments;
    const base = { target: "branch" as const, enforcement: "active" as const };
    const hydratedWriters = [...new Set([app.hydratorAppId, app.appId])].map(writer);
    const rulesets: RulesetPlan[] = [
        {
            id: "environment-branches",
            name: "serviceradar-release environment branches: pull requests only",
            ...base,
            conditions: refs(config.environments.map(environmentBranch)),
            rules: {
                deletion: true,
                nonFastForward: true,
                pullRequest: {
                    allowedMergeMethods: ["merge"],
                    dismissStaleReviewsOnPush: false,
                    requireCodeOwnerReview: false,
                    requireLastPushApproval: false,
                    requiredApprovingReviewCount: 0,
                    requiredReviewThreadResolution: false,
                },
            },
            bypassActors: [],
        },
        {
            id: "proposed-branches",
            name: "serviceradar-release proposed branches: the hydrator and the promoter only",
            ...base,
            conditions: refs(config.environments.map(proposedBranch)),
            rules: { creation: true, update: true, deletion: true, nonFastForward: true },
            bypassActors: hydratedWriters,
        },
        {
            id: "dry-branch",
            name: "serviceradar-release DRY branch: the hydrator only",
            ...base,
            conditions: refs([DRY_BRANCH]),
            rules: { creation: true, update: true, deletion: true, nonFastForward: true },
            bypassActors: [writer(app.hydratorAppId)],
        },
    ];
    if (later.length > 0) {
        rulesets.push({
            id: "promotion-gates",
            name: `serviceradar-release promotion gates: after ${first}, the previous environment's gates passed`,
            ...base,
            conditions: refs(later.map(environmentBranch)),
            rules: {
                requiredStatusChecks: {
                    requiredChecks: [{ context: PREVIOUS_ENVIRONMENT_CHECK, integrationId: app.appId }],
                    strictRequiredStatusChecksPolicy: false,
                    // The hydrator starts a missing live branch (no history, nothing to check yet).
                    doNotEnforceOnCreate: true,
                },
            },
            bypassActors: [],
        });
    }
    return rulesets;
}
