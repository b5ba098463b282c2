// The contract between the program and the pack: the program writes these, the pack reads them. They live in the pack
// (promotion/ and deployments/ import them from here) so that `pulumi policy publish` can upload policies/ alone.

/** The pack's name, as `pulumi preview --policy-pack policies` reports it and Pulumi Cloud publishes it. */
export const PACK_NAME = "serviceradar-release";

/**
 * Marks the resource that hydrates one environment branch. Dynamic resources all share one type token, so the policy
 * pack recognises this one by this property.
 */
export const HYDRATED_ENVIRONMENT_KIND = "serviceradar-hydrated-environment";

/** Every GitOps Promoter environment branch starts with this; only the promoter moves them, behind the gates. */
export const ENVIRONMENT_BRANCH_PREFIX = "environment/";

/**
 * The values files of a hydrated environment branch, in the order its Argo CD Application lists them (`valueFiles`):
 * Helm merges them in this order, so the release pins win over the environment's own values.
 */
export const HYDRATED_VALUE_FILES: readonly string[] = ["values-environment.yaml", "values-release.yaml"];
