import * as YAML from "yaml";
import { ENVIRONMENT_LABEL, VALUES_REF } from "../environment/argocd";
import { HYDRATED_ENVIRONMENT_KIND } from "../promotion/hydratedEnvironmentKind";
import { RELEASE_VALUES_FILE } from "../promotion/hydratedFiles";
import { PROMOTED_SUFFIX } from "../policies/lib/promotion";
import type { PlannedResource } from "./mockRuntime";
import { revealSecrets } from "./mockRuntime";

/** The release rules whose level follows the environment a value reaches (policies/pack.ts). */
export const RELEASE_RULES = [
    "immutable-image-tags",
    "pinned-chart-version",
    "chart-image-version-agreement",
    "no-prerelease",
];

/** What one environment will run, as this stack declares it, and at which policy levels it was judged. */
export interface EnvironmentSummary {
    environment: string;
    /** `serviceradar 1.2.27`, or where the environment takes its release from when this stack does not pin it. */
    chart: string;
    imageTag: string;
    values: string;
    /** Set when this stack writes the content for a later environment. */
    promotedFrom?: string;
    /** `2 of 3, after demo-staging`: the environment's place in the promotion chain. */
    place?: string;
    /** Rule name (as the pack registers it) to level. */
    levels: Record<string, string>;
}

type Props = Record<string, any>;

function levelsOf(levels: Record<string, string>, promoted: boolean): Record<string, string> {
    return Object.fromEntries(
        RELEASE_RULES.map((rule) => {
            const name = promoted ? `${rule}${PROMOTED_SUFFIX}` : rule;
            return [name, levels[name] ?? "not in the pack"];
        }),
    );
}

function fromHydration(props: Props, levels: Record<string, string>): EnvironmentSummary {
    const files = (props.files ?? {}) as Record<string, string>;
    const dependency = YAML.parse(files["Chart.yaml"] ?? "")?.dependencies?.[0] ?? {};
    const pins = YAML.parse(files[RELEASE_VALUES_FILE] ?? "") ?? {};
    const values = props.values ?? {};
    return {
        environment: props.environment,
        chart: `${dependency.name} ${dependency.version}`,
        imageTag: String(pins.global?.imageTag),
        values: `${values.repository}@${values.revision}:${values.path}`,
        promotedFrom: props.promotedFrom,
        levels: levelsOf(levels, typeof props.promotedFrom === "string"),
    };
}

function fromApplication(props: Props, levels: Record<string, string>): EnvironmentSummary {
    const spec = props.spec ?? {};
    const environment = String(props.metadata?.labels?.[ENVIRONMENT_LABEL]);
    const sources: Props[] = spec.sources ?? (spec.source ? [spec.source] : []);
    const chart = sources.find((s) => s.chart !== undefined);
    if (chart === undefined) {
        const git = sources[0] ?? {};
        return {
            environment,
            chart: `as GitOps Promoter merged it into ${git.targetRevision}`,
            imageTag: "as pinned there",
            values: `${git.repoURL}@${git.targetRevision}`,
            levels: levelsOf(levels, false),
        };
    }
    const ref = sources.find((s) => s.ref === VALUES_REF);
    const valueFiles: string[] = chart.helm?.valueFiles ?? [];
    return {
        environment,
        chart: `${chart.chart} ${chart.targetRevision}`,
        imageTag: String(chart.helm?.valuesObject?.global?.imageTag),
        values: valueFiles
            .map((f) =>
                ref && f.startsWith(`$${VALUES_REF}/`)
                    ? `${ref.repoURL}@${ref.targetRevision}:${f.slice(VALUES_REF.length + 2)}`
                    : f,
            )
            .join(", "),
        levels: levelsOf(levels, false),
    };
}

/**
 * Every environment this stack decides something for, in promotion order: the pipeline stack's hydrations (its own
 * environment first), else this stack's own Application.
 */
export function environmentSummaries(
    resources: readonly PlannedResource[],
    levels: Record<string, string>,
    chain: readonly string[],
): EnvironmentSummary[] {
    const props = (r: PlannedResource) => revealSecrets(r.inputs) as Props;
    const hydrations = resources.filter(
        (r) => r.type === "pulumi-nodejs:dynamic:Resource" && r.inputs.kind === HYDRATED_ENVIRONMENT_KIND,
    );
    const summaries =
        hydrations.length > 0
            ? hydrations.map((r) => fromHydration(props(r), levels))
            : resources
                  .filter((r) => r.type === "kubernetes:argoproj.io/v1alpha1:Application")
                  .map((r) => props(r))
                  .filter((p) => p.metadata?.labels?.[ENVIRONMENT_LABEL] !== undefined)
                  .map((p) => fromApplication(p, levels));
    const position = (env: string) => (chain.includes(env) ? chain.indexOf(env) : chain.length);
    return summaries
        .sort((a, b) => position(a.environment) - position(b.environment))
        .map((summary) => {
            const index = chain.indexOf(summary.environment);
            if (index < 0) return summary;
            const after = index === 0 ? "first" : `after ${chain.slice(0, index).join(", then ")}`;
            return { ...summary, place: `${index + 1} of ${chain.length}, ${after}` };
        });
}
