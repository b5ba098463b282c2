// The REST body `@pulumi/github` 6.15.0 sends for a `RepositoryRuleset`'s inputs. The Pulumi provider is the bridged
// terraform-provider-github: its inputs are the Terraform schema in camelCase (`bypassActors` is `bypass_actors`), and
// `github/util_rules.go` `resourceGithubRulesetObject` builds go-github's `RepositoryRuleset` from them
// (`expandBypassActors`: actor_id, actor_type, bypass_mode passed through unchanged; `expandConditions`: ref_name
// include/exclude; `expandRules`: each boolean rule that is true becomes `{type}`, `update` carries
// `update_allows_fetch_and_merge`, `pull_request` all five review fields and `allowed_merge_methods`,
// `required_status_checks` the checks with their integration id, the strict policy and do_not_enforce_on_create).
// go-github serializes the rules as GitHub's array of `{type, parameters}`.

type Inputs = Record<string, any>;

export function rulesetRestBody(inputs: Inputs): Record<string, unknown> {
    const rules = inputs.rules ?? {};
    const out: { type: string; parameters?: Record<string, unknown> }[] = [];
    if (rules.creation) out.push({ type: "creation" });
    if (rules.update) {
        out.push({
            type: "update",
            parameters: { update_allows_fetch_and_merge: rules.updateAllowsFetchAndMerge ?? false },
        });
    }
    if (rules.deletion) out.push({ type: "deletion" });
    if (rules.requiredLinearHistory) out.push({ type: "required_linear_history" });
    if (rules.requiredSignatures) out.push({ type: "required_signatures" });
    if (rules.pullRequest) {
        const pr = rules.pullRequest;
        out.push({
            type: "pull_request",
            parameters: {
                dismiss_stale_reviews_on_push: pr.dismissStaleReviewsOnPush ?? false,
                require_code_owner_review: pr.requireCodeOwnerReview ?? false,
                require_last_push_approval: pr.requireLastPushApproval ?? false,
                required_approving_review_count: pr.requiredApprovingReviewCount ?? 0,
                required_review_thread_resolution: pr.requiredReviewThreadResolution ?? false,
                // util_rules.go defaultPullRequestMergeMethods when none is given.
                allowed_merge_methods: pr.allowedMergeMethods?.length
                    ? pr.allowedMergeMethods
                    : ["merge", "rebase", "squash"],
            },
        });
    }
    if (rules.requiredStatusChecks) {
        const checks = rules.requiredStatusChecks;
        out.push({
            type: "required_status_checks",
            parameters: {
                required_status_checks: checks.requiredChecks.map((c: Inputs) => ({
                    context: c.context,
                    ...(c.integrationId ? { integration_id: c.integrationId } : {}),
                })),
                strict_required_status_checks_policy: checks.strictRequiredStatusChecksPolicy ?? false,
                do_not_enforce_on_create: checks.doNotEnforceOnCreate ?? false,
            },
        });
    }
    if (rules.nonFastForward) out.push({ type: "non_fast_forward" });
    return {
        name: inputs.name,
        target: inputs.target,
        source_type: "Repository",
        source: inputs.repository,
        enforcement: inputs.enforcement,
        bypass_actors: (inputs.bypassActors ?? []).map((a: Inputs) => ({
            actor_id: a.actorId,
            actor_type: a.actorType,
            bypass_mode: a.bypassMode,
        })),
        conditions: {
            ref_name: { include: inputs.conditions.refName.includes, exclude: inputs.conditions.refName.excludes },
        },
        rules: out,
    };
}
