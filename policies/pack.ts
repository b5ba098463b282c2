import { Policies } from "@pulumi/policy";
import { chartImageVersionAgreement } from "./chart-image-version-agreement";
import { dataSafety } from "./data-safety";
import { immutableImageTags } from "./immutable-image-tags";
import { mutableTagsPullAlways } from "./mutable-tags-pull-always";
import { noPrerelease } from "./no-prerelease";
import { pinnedChartVersion } from "./pinned-chart-version";

/** The pack's name, as `pulumi preview --policy-pack policies` reports it. */
export const packName = "serviceradar-release";

/**
 * The release policies. Enforcement levels are not chosen here but by the stack's policy config file
 * (policies/<stack>.json): mandatory in demo, advisory in demo-staging.
 */
export const policies: Policies = [
    immutableImageTags,
    pinnedChartVersion,
    chartImageVersionAgreement,
    noPrerelease,
    dataSafety,
    mutableTagsPullAlways,
];
