// The pins a release version implies when the stack sets none, shared by the program (config/config.ts) and the release
// tools, which move them along with the version. Kept free of @pulumi/pulumi so that a tool can load it in a blink.

/**
 * The git tag of a ServiceRadar release, v<version>: its images' tag (imageTag's default), the revision its values
 * files are read at (valuesRevision's default) and, in direct mode, where the e2e gate reports.
 */
export function releaseTag(version: string): string {
    return `v${version}`;
}

/** The chart version a release implies (chartVersion's default): chart and app versions move together. */
export function derivedChartVersion(version: string): string {
    return version;
}
