import {
    applicationSources,
    isApplication,
    kustomizeImages,
    sourceValueLayers,
    ApplicationSource,
} from "./applicationSources";
import {
    chartDependencies,
    dependencyValues,
    dryGroups,
    dryValueSets,
    isValuesFile,
    repositoryFiles,
    RepositoryFile,
} from "./dryFiles";
import { effectiveValues, formatPath, imageSettings, parseValuesYaml, ImageSetting, Values } from "./helmValues";
import { classifyDigest, classifyImageReference, classifyTag, TagVerdict } from "./imageReference";
import { workloadContainers, workloadKind } from "./workloads";

/** One image tag, digest or reference that a resource deploys, with its verdict. */
export interface ImageFinding {
    /** Human location: `global.imageTag in spec.source.helm.valuesObject`, `spec.template.spec.containers[0] (app)`. */
    location: string;
    kind: ImageSetting["kind"];
    value: unknown;
    verdict: TagVerdict;
    /** A tag made irrelevant by a valid digest next to it. */
    overriddenByDigest: boolean;
}

/** A place that may hold image tags but cannot be read (bad YAML, malformed parameter). */
export interface Unreadable {
    location: string;
    problem: string;
}

export function classify(kind: ImageSetting["kind"], value: unknown): TagVerdict {
    if (kind === "digest") return classifyDigest(value);
    if (kind === "reference") return classifyImageReference(value);
    return classifyTag(value);
}

function settingFindings(values: unknown, where: string): ImageFinding[] {
    return imageSettings(values).map((setting) => ({
        location: `${formatPath(setting.path)} in ${where}`,
        kind: setting.kind,
        value: setting.value,
        verdict: classify(setting.kind, setting.value),
        overriddenByDigest: setting.overriddenByDigest,
    }));
}

function sourceFindings(source: ApplicationSource): { findings: ImageFinding[]; unreadable: Unreadable[] } {
    const findings: ImageFinding[] = [];
    const unreadable: Unreadable[] = [];
    for (const layer of sourceValueLayers(source)) {
        findings.push(...settingFindings(layer.values, layer.origin));
        unreadable.push(...layer.errors.map((problem) => ({ location: layer.origin, problem })));
    }
    for (const { origin, reference } of kustomizeImages(source)) {
        findings.push({
            location: origin,
            kind: "reference",
            value: reference,
            verdict: classifyImageReference(reference),
            overriddenByDigest: false,
        });
    }
    return { findings, unreadable };
}

/**
 * Every image tag a resource deploys: the inline Helm values (`values`, `valuesObject`, `parameters`) and kustomize
 * images of each Application source (`source`, `sources`, the hydrator's `drySource`), the values files committed as
 * DRY files, and the containers, init containers and ephemeral containers of workload objects.
 */
export function resourceImageFindings(
    type: string,
    props: Record<string, unknown>,
): { findings: ImageFinding[]; unreadable: Unreadable[] } {
    if (isApplication(type, props)) {
        const findings: ImageFinding[] = [];
        const unreadable: Unreadable[] = [];
        for (const source of applicationSources(props)) {
            const found = sourceFindings(source);
            findings.push(...found.findings);
            unreadable.push(...found.unreadable);
        }
        return { findings, unreadable };
    }
    const files = repositoryFiles(type, props);
    if (files.length > 0) {
        const findings: ImageFinding[] = [];
        const unreadable: Unreadable[] = [];
        for (const file of files.filter((f) => isValuesFile(f.base))) {
            const parsed = parseValuesYaml(file.content);
            findings.push(...settingFindings(parsed.values, file.file));
            if (parsed.error) unreadable.push({ location: file.file, problem: parsed.error });
        }
        return { findings, unreadable };
    }
    const kind = workloadKind(type);
    if (kind !== undefined) {
        return {
            findings: workloadContainers(kind, props).map((container) => ({
                location: `${container.location}${container.name ? ` (${container.name})` : ""}`,
                kind: "reference" as const,
                value: container.image,
                verdict: classifyImageReference(container.image),
                overriddenByDigest: false,
            })),
            unreadable: [],
        };
    }
    return { findings: [], unreadable: [] };
}

/** A minimal view of a stack resource, as both stack policies and tests see it. */
export interface StackResource {
    type: string;
    urn: string;
    props: Record<string, unknown>;
}

/** A set of effective Helm values that one chart is rendered with, and the resource to blame for it. */
export interface ValuesView {
    label: string;
    urn: string;
    /** The chart these values go to, when known (`serviceradar`). */
    chart?: string;
    /** The exact chart version, when the same resource pins it. */
    chartVersion?: unknown;
    values: Values;
    errors: string[];
}

/**
 * The effective values each chart of the stack is rendered with: for every Application source its inline layers
 * merged by precedence; for every DRY folder the base values.yaml overlaid by each values-<env>.yaml, seen through each
 * Chart.yaml dependency (its own block with the parent's globals).
 */
export function valuesViews(resources: readonly StackResource[]): ValuesView[] {
    const views: ValuesView[] = [];
    const files: { file: RepositoryFile; urn: string }[] = [];
    for (const resource of resources) {
        if (isApplication(resource.type, resource.props)) {
            for (const source of applicationSources(resource.props)) {
                const layers = sourceValueLayers(source);
                // A chart source without inline values still renders: with the chart's defaults.
                if (layers.length === 0 && source.kind === "git") continue;
                views.push({
                    label: layers.length === 0 ? source.origin : `${source.origin}.helm`,
                    urn: resource.urn,
                    chart:
                        source.kind === "git"
                            ? undefined
                            : (source.chart ?? source.repoURL?.replace(/\/+$/, "").split("/").pop()),
                    chartVersion: source.kind === "git" ? undefined : source.targetRevision,
                    values: effectiveValues(layers),
                    errors: layers.flatMap((l) => l.errors.map((e) => `${l.origin}: ${e}`)),
                });
            }
            continue;
        }
        for (const file of repositoryFiles(resource.type, resource.props)) files.push({ file, urn: resource.urn });
    }
    for (const group of dryGroups(files)) {
        const deps = group.chart ? chartDependencies(group.chart.file.content).dependencies : [];
        const sets = dryValueSets(group);
        // A chart folder without values files renders with the chart defaults: still a view, with nothing set.
        if (sets.length === 0 && group.chart)
            sets.push({ label: group.chart.file.file, urn: group.chart.urn, values: {}, errors: [] });
        for (const set of sets) {
            if (deps.length === 0) {
                views.push({ label: set.label, urn: set.urn, values: set.values, errors: set.errors });
                continue;
            }
            for (const dep of deps) {
                const key = dep.alias ?? dep.name;
                views.push({
                    label: key === undefined ? set.label : `${set.label} (${key})`,
                    urn: set.urn,
                    chart: dep.name,
                    chartVersion: dep.version,
                    values: dependencyValues(set.values, dep),
                    errors: set.errors,
                });
            }
        }
    }
    return views;
}
