import { Policies } from "@pulumi/policy";
import { chartImageVersionAgreement } from "./chart-image-version-agreement";
import { dataSafety } from "./data-safety";
import { immutableImageTags } from "./immutable-image-tags";
import { mutableTagsPullAlways } from "./mutable-tags-pull-always";
import { noPrerelease } from "./no-prerelease";
import { pinnedChartVersion } from "./pinned-chart-version";
import { forOwnEnvironment, forPromotedContent } from "./lib/promotion";
import { PACK_NAME } from "./lib/programContract";

/** The pack's name, as `pulumi preview --policy-pack policies` reports it. */
export const packName = PACK_NAME;

/** The rules about what a release runs: they follow the content to the environment it reaches. */
const releaseRules = [immutableImageTags, pinnedChartVersion, chartImageVersionAgreement, noPrerelease];

/**
 * The release policies. Enforcement levels are not chosen here but by the stack's policy config file
 * (policies/<stack>.json): mandatory in demo, advisory in demo-staging. A level follows the environment a value
 * reaches: each release rule judges what runs in the declaring stack's own environment under its name, and what that
 * stack writes for a later environment under `<name>-promoted`, whose level every stack's file sets to that later
 * environment's (mandatory).
 */
export const policies: Policies = [
    ...releaseRules.map(forOwnEnvironment),
    ...releaseRules.map(forPromotedContent),
    dataSafety,
    mutableTagsPullAlways,
];
