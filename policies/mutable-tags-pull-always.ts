import { StackValidationPolicy } from "@pulumi/policy";
import { formatPath, imageSettings, pullPolicyFor } from "./lib/helmValues";
import { classify, valuesViews } from "./lib/imageInventory";
import { classifyImageReference, pullsLatest } from "./lib/imageReference";
import { quote } from "./lib/messages";
import { workloadContainers, workloadKind } from "./lib/workloads";

const ALWAYS = "Always";

/**
 * A stack that runs a mutable tag (demo-staging tests whatever the tag points to) must pull it on every start, or
 * nodes keep running the image they pulled first and the test proves nothing.
 */
export const mutableTagsPullAlways: StackValidationPolicy = {
    name: "mutable-tags-pull-always",
    description:
        "Where an image tag is mutable (latest, main, empty, anything but v<semver>, sha-<40 hex> or a digest), it must " +
        "be pulled with imagePullPolicy Always: global.imagePullPolicy (or the image's own pullPolicy) in Helm values, " +
        "imagePullPolicy on containers. Otherwise nodes keep a stale image.",
    remediationSteps:
        "Set global.imagePullPolicy: Always (stack config imagePullPolicy=Always) or the reported pullPolicy / container " +
        "imagePullPolicy to Always, or pin the image to an immutable tag.",
    validateStack: (args, reportViolation) => {
        const resources = args.resources.map((r) => ({ type: r.type, urn: r.urn, props: r.props }));
        for (const view of valuesViews(resources)) {
            for (const setting of imageSettings(view.values)) {
                if (setting.overriddenByDigest) continue;
                const verdict = classify(setting.kind, setting.value);
                if (verdict.immutable || verdict.kind === "invalid") continue;
                const policy = pullPolicyFor(view.values, setting.path);
                if (policy?.value === ALWAYS) continue;
                const current = policy
                    ? `${formatPath(policy.path)} is ${quote(policy.value)}`
                    : "no pull policy is set (the ServiceRadar chart defaults to IfNotPresent)";
                reportViolation(
                    `${formatPath(setting.path)} in ${view.label} is the mutable ${quote(setting.value)} but ${current}. ` +
                        `Set ${policy ? formatPath(policy.path) : "global.imagePullPolicy"} to "Always".`,
                    view.urn,
                );
            }
        }
        for (const resource of resources) {
            const kind = workloadKind(resource.type);
            if (kind === undefined) continue;
            for (const container of workloadContainers(kind, resource.props)) {
                const verdict = classifyImageReference(container.image);
                if (verdict.immutable || verdict.kind === "invalid" || verdict.kind === "empty") continue;
                // Kubernetes defaults imagePullPolicy to Always for :latest and tag-less images, IfNotPresent otherwise.
                const defaulted =
                    container.imagePullPolicy === undefined ||
                    container.imagePullPolicy === null ||
                    container.imagePullPolicy === "";
                const effective = defaulted
                    ? pullsLatest(String(container.image))
                        ? ALWAYS
                        : "IfNotPresent"
                    : container.imagePullPolicy;
                if (effective === ALWAYS) continue;
                reportViolation(
                    `${container.location}${container.name ? ` (${container.name})` : ""} runs the mutable ${quote(container.image)} ` +
                        `with imagePullPolicy ${quote(effective)}${defaulted ? " (the Kubernetes default for this tag)" : ""}. Set imagePullPolicy: Always.`,
                    resource.urn,
                );
            }
        }
    },
};
