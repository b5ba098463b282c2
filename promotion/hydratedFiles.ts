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

/**
 * The environment's own values file nested under the chart's name, as an umbrella chart passes values to its
 * dependency; comments are kept so the promotion pull request shows them. Refuses anything but a YAML map.
 */
export function wrapEnvironmentValues(content: string, chartName: string, source: string): string {
    // Required here, not imported: a module-level import of `yaml` would be serialized by its internal file paths,
    // which the package's exports do not allow.
    const YAML = require("yaml") as typeof import("yaml");
    const document = YAML.parseDocument(content);
    if (document.errors.length > 0) {
        throw new Error(`${source} is not valid YAML: ${document.errors[0].message.split("\n")[0]}`);
    }
    if (!YAML.isMap(document.contents)) throw new Error(`${source} is not a YAML map of Helm values`);
    const wrapped = new YAML.Document({});
    wrapped.commentBefore = `Written by serviceradar-release (Pulumi) from ${source}; edit that file, not this one.`;
    (wrapped.contents as YAMLMap).set(chartName, document.contents);
    return wrapped.toString();
}

/** `hydrator.metadata`, the custom-hydrator contract of gitops-promoter (`docs/advanced-usage/custom-hydrator.md`). */
export function hydratorMetadata(drySha: string, repoURL: string, subject: string): string {
    return `${JSON.stringify({ drySha, repoURL, subject }, null, 2)}\n`;
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
