import { ResourceValidationPolicy } from "@pulumi/policy";
import { resourceImageFindings } from "./lib/imageInventory";
import { IMMUTABLE_TAG_RULE } from "./lib/imageReference";
import { quote } from "./lib/messages";

/**
 * Every image the stack deploys is pinned: the same configuration must always run the same bits, so that what passed
 * the gate in demo-staging is what reaches demo.
 */
export const immutableImageTags: ResourceValidationPolicy = {
    name: "immutable-image-tags",
    description:
        `Every image the stack deploys must be pinned to an immutable tag: ${IMMUTABLE_TAG_RULE}. ` +
        "A mutable tag (latest, main, a missing or empty tag) lets the same configuration run different code.",
    remediationSteps:
        "Set the reported key or container image to the release tag (v<version>, e.g. v1.2.27), the commit tag " +
        "sha-<40-hex commit id>, or append @sha256:<64-hex digest>. Tags are case-sensitive: V1.2.3 and SHA-... are not " +
        "release or commit tags.",
    validateResource: (args, reportViolation) => {
        const { findings, unreadable } = resourceImageFindings(args.type, args.props);
        for (const finding of findings) {
            if (finding.verdict.immutable || finding.overriddenByDigest) continue;
            reportViolation(
                `${finding.location} is ${quote(finding.value)}: ${finding.verdict.problem}. Pin it to ${IMMUTABLE_TAG_RULE}.`,
            );
        }
        for (const { location, problem } of unreadable) {
            reportViolation(
                `${location}: ${problem}, so the image tags it sets cannot be checked. Fix it so it parses.`,
            );
        }
    },
};
