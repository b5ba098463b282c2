import * as YAML from "yaml";
import { classifyDigest } from "./imageReference";

/** Helm values: a tree of maps, lists and scalars. */
export type Values = Record<string, unknown>;
/** A path into values: map keys and list indices. */
export type ValuesPath = (string | number)[];

export function isPlainObject(value: unknown): value is Record<string, unknown> {
    return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** `global.imageTag`, `image.tags.core`, `extraContainers[0].image`; keys containing dots are escaped as Helm does. */
export function formatPath(path: ValuesPath): string {
    let out = "";
    for (const part of path) {
        if (typeof part === "number") out += `[${part}]`;
        else out += `${out === "" ? "" : "."}${part.replace(/\./g, "\\.")}`;
    }
    return out;
}

export function getPath(values: unknown, path: ValuesPath): unknown {
    let node = values;
    for (const part of path) {
        if (typeof part === "number") {
            if (!Array.isArray(node)) return undefined;
            node = node[part];
        } else {
            if (!isPlainObject(node)) return undefined;
            node = node[part];
        }
    }
    return node;
}

/**
 * Parses a Helm `--set` name as Argo CD passes `helm.parameters`: dots separate keys, `\.` is a literal dot and
 * `name[2]` indexes a list. Returns undefined for a malformed name.
 */
export function parseSetPath(name: string): ValuesPath | undefined {
    const path: ValuesPath = [];
    let key = "";
    let pendingKey = false;
    for (let i = 0; i < name.length; i++) {
        const c = name[i];
        if (c === "\\" && i + 1 < name.length) {
            key += name[++i];
            pendingKey = true;
        } else if (c === ".") {
            if (!pendingKey) return undefined;
            path.push(key);
            key = "";
            pendingKey = false;
        } else if (c === "[") {
            const close = name.indexOf("]", i);
            const index = close < 0 ? "" : name.slice(i + 1, close);
            if (!/^[0-9]+$/.test(index)) return undefined;
            if (pendingKey) path.push(key);
            key = "";
            pendingKey = false;
            path.push(Number(index));
            i = close;
            if (i + 1 < name.length && name[i + 1] === ".") {
                i++;
                if (i + 1 >= name.length) return undefined;
            }
        } else {
            key += c;
            pendingKey = true;
        }
    }
    if (pendingKey) path.push(key);
    else if (path.length === 0 || typeof path[path.length - 1] === "string") return undefined;
    return path.length > 0 ? path : undefined;
}

/** Sets a value at a path, creating maps and lists on the way (as `helm --set` does). */
export function setPath(tree: Values, path: ValuesPath, value: unknown): void {
    let node: unknown = tree;
    for (let i = 0; i < path.length; i++) {
        const part = path[i];
        const last = i === path.length - 1;
        const next = path[i + 1];
        const container = node as Record<string | number, unknown>;
        if (last) {
            container[part] = value;
            return;
        }
        let child = container[part];
        if (typeof next === "number" ? !Array.isArray(child) : !isPlainObject(child)) {
            child = typeof next === "number" ? [] : {};
            container[part] = child;
        }
        node = child;
    }
}

/** Helm's coalescing of two value files: maps merge key by key, anything else in the overlay replaces, null deletes. */
export function mergeValues(base: unknown, overlay: unknown): unknown {
    if (!isPlainObject(base) || !isPlainObject(overlay)) return overlay === undefined ? base : overlay;
    const merged: Values = { ...base };
    for (const [key, value] of Object.entries(overlay)) {
        if (value === null) delete merged[key];
        else merged[key] = mergeValues(base[key], value);
    }
    return merged;
}

/** Parses a YAML document of values; an empty document is an empty map. */
export function parseValuesYaml(text: string): { values: Values; error?: string } {
    try {
        const doc = YAML.parse(text) as unknown;
        if (doc === null || doc === undefined) return { values: {} };
        if (!isPlainObject(doc)) return { values: {}, error: "the YAML document is not a map of values" };
        return { values: doc };
    } catch (err) {
        const first = String((err as Error).message ?? err).split("\n")[0];
        return { values: {}, error: `the YAML does not parse (${first})` };
    }
}

/** One source of Helm values with where it came from, e.g. `spec.source.helm.valuesObject`. */
export interface ValuesLayer {
    origin: string;
    values: Values;
    /** The layer could not be read completely (bad YAML, malformed parameter name). */
    errors: string[];
}

/**
 * The values an Argo CD `helm` block passes inline, lowest precedence first: `values` (YAML text), `valuesObject`,
 * then `parameters` (`--set name=value`). `valueFiles` live in the chart or repository and are not visible here.
 */
export function helmValueLayers(helm: unknown, origin: string): ValuesLayer[] {
    if (!isPlainObject(helm)) return [];
    const layers: ValuesLayer[] = [];
    if (helm.values !== undefined && helm.values !== null) {
        if (typeof helm.values === "string") {
            const parsed = parseValuesYaml(helm.values);
            layers.push({
                origin: `${origin}.values`,
                values: parsed.values,
                errors: parsed.error ? [parsed.error] : [],
            });
        } else if (isPlainObject(helm.values)) {
            layers.push({ origin: `${origin}.values`, values: helm.values, errors: [] });
        }
    }
    if (isPlainObject(helm.valuesObject)) {
        layers.push({ origin: `${origin}.valuesObject`, values: helm.valuesObject, errors: [] });
    }
    if (Array.isArray(helm.parameters)) {
        const tree: Values = {};
        const errors: string[] = [];
        helm.parameters.forEach((parameter, index) => {
            const name = isPlainObject(parameter) ? parameter.name : undefined;
            const path = typeof name === "string" ? parseSetPath(name) : undefined;
            if (path === undefined) {
                errors.push(`parameter [${index}] has no valid name`);
                return;
            }
            setPath(tree, path, (parameter as Values).value ?? "");
        });
        layers.push({ origin: `${origin}.parameters`, values: tree, errors });
    }
    return layers;
}

/** The values Helm ends up with from inline layers, highest precedence last. */
export function effectiveValues(layers: readonly ValuesLayer[]): Values {
    return layers.reduce<Values>((merged, layer) => mergeValues(merged, layer.values) as Values, {});
}

/**
 * The values a subchart of an umbrella chart sees: its own block (`serviceradar:`) with the parent's `global` merged
 * over its `global`, as Helm propagates globals.
 */
export function subchartValues(values: Values, name: string): Values {
    const own = isPlainObject(values[name]) ? (values[name] as Values) : {};
    if (!isPlainObject(values.global)) return own;
    return mergeValues(own, { global: values.global }) as Values;
}

export type ImageSettingKind = "tag" | "digest" | "reference";

/** A values key that selects an image: a tag, a digest or a whole `image: repo:tag` reference. */
export interface ImageSetting {
    kind: ImageSettingKind;
    path: ValuesPath;
    value: unknown;
    /** A tag whose sibling digest is a valid pin: the digest wins, so the tag does not matter. */
    overriddenByDigest: boolean;
}

function isScalar(value: unknown): boolean {
    return value === null || (typeof value !== "object" && typeof value !== "function");
}

function validDigest(value: unknown): boolean {
    return typeof value === "string" && classifyDigest(value).immutable;
}

/**
 * Every image setting in a values tree, at any depth: `global.imageTag` and any `*imageTag`, `image.tags.<name>`,
 * `image.digests.<name>`, `<x>.image.tag` / `<x>.image.digest`, a `tag` next to a `repository` or `image` string, and
 * `image: <reference>` strings (containers in values, `spire.server.image`). Chart defaults that the values do not
 * set are not visible.
 */
export function imageSettings(values: unknown): ImageSetting[] {
    const found: ImageSetting[] = [];
    const walk = (node: unknown, path: ValuesPath): void => {
        if (Array.isArray(node)) {
            node.forEach((child, index) => walk(child, [...path, index]));
            return;
        }
        if (!isPlainObject(node)) return;
        const parentKey = path[path.length - 1];
        const grandKey = path[path.length - 2];
        for (const [key, child] of Object.entries(node)) {
            const childPath = [...path, key];
            if (!isScalar(child)) {
                walk(child, childPath);
                continue;
            }
            if (grandKey === "image" && parentKey === "tags") {
                const digests = getPath(values, [...path.slice(0, -1), "digests"]);
                const digest = isPlainObject(digests) ? digests[key] : undefined;
                found.push({ kind: "tag", path: childPath, value: child, overriddenByDigest: validDigest(digest) });
            } else if (grandKey === "image" && parentKey === "digests") {
                found.push({ kind: "digest", path: childPath, value: child, overriddenByDigest: false });
            } else if (key === "imageTag" || key.endsWith("ImageTag")) {
                found.push({ kind: "tag", path: childPath, value: child, overriddenByDigest: false });
            } else if (
                key === "tag" &&
                (parentKey === "image" || typeof node.repository === "string" || typeof node.image === "string")
            ) {
                found.push({
                    kind: "tag",
                    path: childPath,
                    value: child,
                    overriddenByDigest: validDigest(node.digest),
                });
            } else if (key === "digest" && parentKey === "image") {
                found.push({ kind: "digest", path: childPath, value: child, overriddenByDigest: false });
            } else if (key === "image" && typeof child === "string" && !("tag" in node) && !("imageTag" in node)) {
                found.push({ kind: "reference", path: childPath, value: child, overriddenByDigest: false });
            }
        }
    };
    walk(values, []);
    return found;
}

/** The pull policy that applies to the image setting at `path`: the nearest `pullPolicy` / `imagePullPolicy`, then `global.imagePullPolicy`. */
export function pullPolicyFor(values: Values, path: ValuesPath): { path: ValuesPath; value: unknown } | undefined {
    for (let depth = path.length - 1; depth >= 0; depth--) {
        const node = getPath(values, path.slice(0, depth));
        if (!isPlainObject(node)) continue;
        for (const key of ["pullPolicy", "imagePullPolicy"]) {
            if (node[key] !== undefined && node[key] !== null)
                return { path: [...path.slice(0, depth), key], value: node[key] };
        }
    }
    const global = getPath(values, ["global", "imagePullPolicy"]);
    return global === undefined || global === null ? undefined : { path: ["global", "imagePullPolicy"], value: global };
}
