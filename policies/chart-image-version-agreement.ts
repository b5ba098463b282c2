import { StackValidationPolicy } from "@pulumi/policy";
import { formatPath, getPath, isPlainObject, ValuesPath, Values } from "./lib/helmValues";
import { valuesViews } from "./lib/imageInventory";
import { classifyDigest } from "./lib/imageReference";
import { quote } from "./lib/messages";
import { isExactSemver } from "./lib/versions";

export interface ChartImageVersionAgreementConfig {
    /** Why chart and image versions may disagree in this stack; a non-empty reason turns the check off. */
    allowMismatchReason?: string;
    /** Charts whose images are released with the chart (image tag v<chartVersion>). */
    charts?: string[];
    /** `image.tags.<name>` entries that follow their own upstream versions (e.g. nats). */
    independentImageTags?: string[];
}

/** The tags that carry the ServiceRadar release: `global.imageTag` and `image.tags.<component>`. */
export function releaseImageTags(
    values: Values,
    independent: readonly string[],
): { path: ValuesPath; value: unknown }[] {
    const tags: { path: ValuesPath; value: unknown }[] = [];
    const global = getPath(values, ["global", "imageTag"]);
    if (global !== undefined && global !== null) tags.push({ path: ["global", "imageTag"], value: global });
    const perImage = getPath(values, ["image", "tags"]);
    const digests = getPath(values, ["image", "digests"]);
    if (isPlainObject(perImage)) {
        for (const [name, value] of Object.entries(perImage)) {
            if (independent.includes(name) || value === null || typeof value === "object") continue;
            const digest = isPlainObject(digests) ? digests[name] : undefined;
            if (typeof digest === "string" && classifyDigest(digest).immutable) continue;
            tags.push({ path: ["image", "tags", name], value });
        }
    }
    return tags;
}

/** Design Decision 6: the chart version and the image version move together (chart 1.2.27 runs images v1.2.27). */
export const chartImageVersionAgreement: StackValidationPolicy = {
    name: "chart-image-version-agreement",
    description:
        "The chart version and the image version must agree (design Decision 6): chart <version> runs image tag " +
        "v<version> (global.imageTag and image.tags.*), wherever the chart is pinned (an Argo CD Application source or the " +
        "DRY umbrella Chart.yaml with its values files). A deliberate mismatch needs allowMismatchReason in the policy config.",
    remediationSteps:
        "Set global.imageTag to v<chartVersion> (and remove per-image tags that differ), or bump the chart version to " +
        "match the image. To run a different image on purpose, set a non-empty allowMismatchReason for this policy in " +
        "policies/<stack>.json.",
    configSchema: {
        properties: {
            allowMismatchReason: {
                type: "string",
                default: "",
                description: "Why chart and image versions may differ in this stack; non-empty turns the check off.",
            },
            charts: {
                type: "array",
                items: { type: "string", minLength: 1 },
                default: ["serviceradar"],
                description: "Charts whose image tags must be v<chartVersion>.",
            },
            independentImageTags: {
                type: "array",
                items: { type: "string", minLength: 1 },
                default: ["nats"],
                description: "Names under image.tags that follow their own upstream version.",
            },
        },
    },
    validateStack: (args, reportViolation) => {
        const config = args.getConfig<ChartImageVersionAgreementConfig>();
        if ((config.allowMismatchReason ?? "").trim() !== "") return;
        const charts = config.charts ?? ["serviceradar"];
        const independent = config.independentImageTags ?? ["nats"];
        const resources = args.resources.map((r) => ({ type: r.type, urn: r.urn, props: r.props }));
        for (const view of valuesViews(resources)) {
            if (view.chart === undefined || !charts.includes(view.chart) || !isExactSemver(view.chartVersion)) continue;
            const expected = `v${view.chartVersion}`;
            const tags = releaseImageTags(view.values, independent);
            if (tags.length === 0) {
                reportViolation(
                    `${view.label}: chart ${quote(view.chart)} ${quote(view.chartVersion)} is deployed without global.imageTag, so ` +
                        `the chart's default image tag (latest) runs. Set global.imageTag to ${quote(expected)}.`,
                    view.urn,
                );
                continue;
            }
            for (const tag of tags) {
                const tagName = typeof tag.value === "string" ? tag.value.split("@")[0] : tag.value;
                if (tagName === expected) continue;
                reportViolation(
                    `${formatPath(tag.path)} in ${view.label} is ${quote(tag.value)} but chart ${quote(view.chart)} is ` +
                        `${quote(view.chartVersion)}: images must be ${quote(expected)}. Align them, or set allowMismatchReason.`,
                    view.urn,
                );
            }
        }
    },
};
