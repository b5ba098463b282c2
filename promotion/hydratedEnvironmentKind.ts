/**
 * Marks the resource that hydrates one environment branch. Dynamic resources all share one type token, so the policy
 * pack recognises this one by this property.
 */
export const HYDRATED_ENVIRONMENT_KIND = "serviceradar-hydrated-environment";

/** Every GitOps Promoter environment branch starts with this; only the promoter moves them, behind the gates. */
export const ENVIRONMENT_BRANCH_PREFIX = "environment/";
