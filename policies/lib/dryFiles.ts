import * as YAML from "yaml";
import { HYDRATED_ENVIRONMENT_KIND, HYDRATED_VALUE_FILES } from "./programContract";
import { isPlainObject, parseValuesYaml, mergeValues, subchartValues, Values } from "./helmValues";

export const REPOSITORY_FILE_TYPE = "github:index/repositoryFile:RepositoryFile";
export const DYNAMIC_RESOURCE_TYPE = "pulumi-nodejs:dynamic:Resource";

/** A file the stack commits to a repository (an environment's umbrella chart and its release pins). */
export interface RepositoryFile {
    repository: string;
    branch: string;
    /** Path inside the repository, e.g. `deploy/release/values-demo.yaml`. */
    file: string;
    dir: string;
    base: string;
    content: string;
}

function fileAt(repository: unknown, branch: unknown, path: string, content: unknown): RepositoryFile {
    const file = path.replace(/^\/+/, "");
    const slash = file.lastIndexOf("/");
    return {
        repository: typeof repository === "string" ? repository : "",
        branch: typeof branch === "string" ? branch : "",
        file,
        dir: slash >= 0 ? file.slice(0, slash) : "",
        base: slash >= 0 ? file.slice(slash + 1) : file,
        content: typeof content === "string" ? content : "",
    };
}

/**
 * The files a resource commits to a repository: a `github.RepositoryFile`, or the program's hydration of an
 * environment branch (a dynamic resource, recognised by its `kind`), whose `files` map paths to contents.
 */
export function repositoryFiles(type: string, props: Record<string, unknown>): RepositoryFile[] {
    if (type === REPOSITORY_FILE_TYPE && typeof props.file === "string") {
        return [fileAt(props.repository, props.branch, props.file, props.content)];
    }
    if (type === DYNAMIC_RESOURCE_TYPE && props.kind === HYDRATED_ENVIRONMENT_KIND && isPlainObject(props.files)) {
        return Object.entries(props.files).map(([path, content]) =>
            fileAt(props.repository, props.branch, path, content),
        );
    }
    return [];
}

/** `values.yaml`, `values-demo.yaml`, `values-demo-staging.yml`. */
export function isValuesFile(base: string): boolean {
    return /^values(-[A-Za-z0-9._-]+)?\.ya?ml$/.test(base);
}

/** The environment of `values-<env>.yaml`; undefined for the base `values.yaml`. */
export function valuesFileEnvironment(base: string): string | undefined {
    return /^values-(.+)\.ya?ml$/.exec(base)?.[1];
}

export function isChartFile(base: string): boolean {
    return base === "Chart.yaml";
}

export interface ChartDependency {
    index: number;
    name?: string;
    alias?: string;
    version: unknown;
    repository?: string;
}

/** The `dependencies` of a Chart.yaml, or the reason it cannot be read. */
export function chartDependencies(content: string): { dependencies: ChartDependency[]; error?: string } {
    let doc: unknown;
    try {
        doc = YAML.parse(content);
    } catch (err) {
        return {
            dependencies: [],
            error: `Chart.yaml does not parse (${String((err as Error).message).split("\n")[0]})`,
        };
    }
    if (!isPlainObject(doc)) return { dependencies: [], error: "Chart.yaml is not a map" };
    if (doc.dependencies === undefined || doc.dependencies === null) return { dependencies: [] };
    if (!Array.isArray(doc.dependencies)) return { dependencies: [], error: "Chart.yaml dependencies is not a list" };
    return {
        dependencies: doc.dependencies.map((raw, index) => {
            const dep = isPlainObject(raw) ? raw : {};
            return {
                index,
                name: typeof dep.name === "string" ? dep.name : undefined,
                alias: typeof dep.alias === "string" ? dep.alias : undefined,
                version: dep.version,
                repository: typeof dep.repository === "string" ? dep.repository : undefined,
            };
        }),
    };
}

/** One folder of DRY files on one branch: its Chart.yaml (if any) and values files. */
export interface DryGroup {
    key: string;
    chart?: { file: RepositoryFile; urn: string };
    values: { file: RepositoryFile; urn: string }[];
}

/** Groups the stack's repository files by repository, branch and folder. */
export function dryGroups(files: readonly { file: RepositoryFile; urn: string }[]): DryGroup[] {
    const groups = new Map<string, DryGroup>();
    for (const entry of files) {
        const { file } = entry;
        if (!isChartFile(file.base) && !isValuesFile(file.base)) continue;
        const key = `${file.repository}@${file.branch}:${file.dir === "" ? "." : file.dir}`;
        const group = groups.get(key) ?? { key, values: [] };
        if (isChartFile(file.base)) group.chart = entry;
        else group.values.push(entry);
        groups.set(key, group);
    }
    return [...groups.values()];
}

/**
 * The value sets Helm renders a DRY folder with: the base `values.yaml` overlaid by each `values-<env>.yaml` (one set
 * per environment), or the base alone when there is no environment file. A hydrated environment branch's values files
 * (HYDRATED_VALUE_FILES) are one set: its Application passes them together, merged in that order.
 */
export function dryValueSets(group: DryGroup): { label: string; urn: string; values: Values; errors: string[] }[] {
    const base = group.values.find((v) => valuesFileEnvironment(v.file.base) === undefined);
    const overlays = group.values.filter((v) => valuesFileEnvironment(v.file.base) !== undefined);
    const layered = HYDRATED_VALUE_FILES.flatMap((name) => overlays.filter((v) => v.file.base === name));
    const separate = overlays.filter((v) => !HYDRATED_VALUE_FILES.includes(v.file.base));
    const baseParsed = base ? parseValuesYaml(base.file.content) : { values: {} as Values };
    const baseErrors = base && baseParsed.error ? [`${base.file.file}: ${baseParsed.error}`] : [];
    if (overlays.length === 0) {
        return base ? [{ label: base.file.file, urn: base.urn, values: baseParsed.values, errors: baseErrors }] : [];
    }
    return [...(layered.length > 0 ? [layered] : []), ...separate.map((overlay) => [overlay])].map((files) => {
        const parsed = files.map((file) => ({ file, ...parseValuesYaml(file.file.content) }));
        return {
            label: [...(base ? [base] : []), ...files].map((v) => v.file.file).join(" + "),
            urn: files[files.length - 1].urn,
            values: parsed.reduce((merged, layer) => mergeValues(merged, layer.values) as Values, baseParsed.values),
            errors: [
                ...baseErrors,
                ...parsed.filter((layer) => layer.error).map((layer) => `${layer.file.file.file}: ${layer.error}`),
            ],
        };
    });
}

/** The values one dependency of the umbrella chart sees (`alias` or `name` block, parent globals merged in). */
export function dependencyValues(values: Values, dependency: ChartDependency): Values {
    const key = dependency.alias ?? dependency.name;
    return key === undefined ? values : subchartValues(values, key);
}
