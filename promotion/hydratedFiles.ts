/**
 * The files the hydrator writes at `pulumi up`, from what it reads then. This module runs in Pulumi's dynamic-provider
 * host as serialized code, which captures whole modules: it imports no library at module level.
 */
import type { YAMLMap } from "yaml";

/** The environment's own values, wrapped for the umbrella chart; written by the hydrator from the values file. */
export const ENVIRONMENT_VALUES_FILE = "values-environment.yaml";
/** The release pins; listed after the environment's values, so they win. */
export const RELEASE_VALUES_FILE = "values-release.yaml";
export const HYDRATOR_METADATA_FILE = "hydrator.metadata";

/** An image repository whose tag the release pins: ServiceRadar's own (an absent repository is the chart's own). */
const RELEASE_IMAGE = /serviceradar|carverauto/i;

/**
 * What of the environment's values must not reach an environment branch unjudged. A mapping with `apiVersion` and
 * `kind` is a Kubernetes manifest (a Secret, say), not a Helm value: refused. Image tags of ServiceRadar's workloads
 * (`global.imageTag`, `image.tags`, `image.digests`, a `tag` or `digest` beside an image `repository` of
 * ServiceRadar's or none) would override the release pins, which the policy pack judges: they are removed, and the
 * wrapped file's header names each one, so the promotion pull request shows what was dropped. Third-party images
 * (their own repository) keep their tags.
 */
function judgeEnvironmentValues(root: unknown, source: string, YAML: typeof import("yaml")): string[] {
    const stripped: string[] = [];
    const visit = (node: unknown, at: string[]) => {
        if (YAML.isSeq(node)) node.items.forEach((item, index) => visit(item, [...at, String(index)]));
        if (!YAML.isMap(node)) return;
        const where = at.length === 0 ? "the top level" : at.join(".");
        if (node.has("apiVersion") && node.has("kind")) {
            throw new Error(`${source} holds a Kubernetes manifest at ${where}; a values file holds Helm values only`);
        }
        const strip = (key: string) => {
            if (node.has(key)) {
                node.delete(key);
                stripped.push([...at, key].join("."));
            }
        };
        if (at.length === 1 && at[0] === "global") strip("imageTag");
        if (at.length === 1 && at[0] === "image") ["tags", "digests"].forEach(strip);
        if (at[at.length - 1] === "image" && RELEASE_IMAGE.test(String(node.get("repository") ?? "serviceradar"))) {
            ["tag", "digest"].forEach(strip);
        }
        for (const pair of [...node.items]) {
            visit(pair.value, [...at, String(YAML.isScalar(pair.key) ? pair.key.value : pair.key)]);
        }
    };
    visit(root, []);
    return stripped;
}

/**
 * The environment's own values file nested under the chart's name, as an umbrella chart passes values to its
 * dependency; comments are kept so the promotion pull request shows them. Refuses anything but a YAML map of Helm
 * values, and removes the image tags the release pins decide (judgeEnvironmentValues).
 */
export function wrapEnvironmentValues(content: string, chartName: string, source: string): string {
    // Required here, not imported: a module-level import of `yaml` would be serialized by its internal file paths,
    // which the package's exports do not allow.
    const YAML = require("yaml") as typeof import("yaml");
    const document = YAML.parseDocument(content);
    if (document.errors.length > 0) {
        // By position only: the parser's message may quote the file, and a values file can hold a secret.
        const where = document.errors[0].linePos?.[0];
        throw new Error(`${source} is not valid YAML${where ? ` at line ${where.line}, column ${where.col}` : ""}`);
    }
    if (!YAML.isMap(document.contents)) throw new Error(`${source} is not a YAML map of Helm values`);
    const stripped = judgeEnvironmentValues(document.contents, source, YAML);
    const wrapped = new YAML.Document({});
    wrapped.commentBefore = [
        `Written by serviceradar-release (Pulumi) from ${source}; edit that file, not this one.`,
        ...(stripped.length === 0 ? [] : [`Image tags removed (the release pins decide them): ${stripped.join(", ")}`]),
    ].join("\n");
    (wrapped.contents as YAMLMap).set(chartName, document.contents);
    return wrapped.toString();
}

/** `hydrator.metadata`, the custom-hydrator contract of gitops-promoter (`docs/advanced-usage/custom-hydrator.md`). */
export function hydratorMetadata(drySha: string, repoURL: string, subject: string): string {
    return `${JSON.stringify({ drySha, repoURL, subject }, null, 2)}\n`;
}

/** What one environment's hydration is made of, as the hydrator has it at `pulumi up`. */
export interface EnvironmentBranchSources {
    /** The umbrella chart and the release pins, as planned. */
    files: Record<string, string>;
    chartName: string;
    /** The environment's own values file: its text and where it was read. */
    values: { text: string; repository: string; revision: string; path: string };
    drySha: string;
    /** owner/name of the hydration repository, the `repoURL` the promoter links. */
    repository: string;
    message: string;
}

/** The whole content of `environment/<env>-next`: the planned files, the wrapped values and `hydrator.metadata`. */
export function environmentBranchFiles(sources: EnvironmentBranchSources): Record<string, string> {
    const { repository, revision, path, text } = sources.values;
    return {
        ...sources.files,
        [ENVIRONMENT_VALUES_FILE]: wrapEnvironmentValues(text, sources.chartName, `${repository}@${revision}:${path}`),
        [HYDRATOR_METADATA_FILE]: hydratorMetadata(
            sources.drySha,
            `https://github.com/${sources.repository}`,
            sources.message,
        ),
    };
}

/** The record at the root of a DRY commit (the DRY branch of the hydration repository). */
export const DRY_RECORD_FILE = "release.json";

/**
 * What a DRY commit records besides each environment's hydrated files: the release and its pins, and where each
 * environment's values file was read (repository, revision, the commit it named, each file's blob sha), so a change of
 * any input is a new record and a new DRY commit.
 */
export function dryRecord(
    release: Record<string, unknown>,
    values: {
        repository: string;
        revision: string;
        commit: string;
        files: Record<string, { path: string; blob: string }>;
    },
): string {
    return `${JSON.stringify({ release, values }, null, 2)}\n`;
}
