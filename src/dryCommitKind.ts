/**
 * Marks the resource that commits the DRY release files in one commit. Dynamic resources all share one type token,
 * so the policy pack recognises this one by this property.
 */
export const DRY_RELEASE_COMMIT_KIND = "serviceradar-dry-release-commit";
