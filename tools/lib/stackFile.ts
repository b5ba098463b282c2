// Pulumi stack files (Pulumi.<stack>.yaml) and the project file (Pulumi.yaml): reading effective values and editing
// `version` in place with yaml's Document API, so that every other key, the key order and the comments survive.

import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { derivedChartVersion, derivedImageTag } from "./versions";

/** The first environment a release reaches; `npm run release` writes it. */
export const STAGING_STACK = "demo-staging";
/** The environment only promotion reaches; `npm run release` refuses it, `npm run promote` writes it. */
export const PROMOTION_TARGET = "demo";
/** Comment lines starting with this (after `#`) record a forced promotion; each promotion replaces them. */
export const AUDIT_MARKER = "forced-promotion:";

export class StackFileError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "StackFileError";
    }
}

export interface ProjectInfo {
    name: string;
    /** Unqualified key to the default a Pulumi program would read (strings as-is, everything else as JSON). */
    defaults: Readonly<Record<string, string>>;
}

/** The string a Pulumi program reads for a config value. */
function configString(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}

function parseDocument(text: string, file: string): YAML.Document {
    const doc = YAML.parseDocument(text);
    if (doc.errors.length > 0) {
        throw new StackFileError(`${file} is not valid YAML: ${doc.errors[0].message.split("\n")[0]}`);
    }
    return doc;
}

/** Reads the project name and the static config defaults of Pulumi.yaml. */
export function parseProject(text: string, file = "Pulumi.yaml"): ProjectInfo {
    const data = parseDocument(text, file).toJS() as { name?: unknown; config?: Record<string, unknown> } | null;
    if (data === null || typeof data !== "object" || typeof data.name !== "string" || data.name === "") {
        throw new StackFileError(`${file} has no project name`);
    }
    const defaults: Record<string, string> = {};
    for (const [rawKey, declaration] of Object.entries(data.config ?? {})) {
        const key = rawKey.startsWith(`${data.name}:`) ? rawKey.slice(data.name.length + 1) : rawKey;
        if (declaration !== null && typeof declaration === "object" && !Array.isArray(declaration)) {
            const value =
                (declaration as { default?: unknown; value?: unknown }).default ??
                (declaration as { value?: unknown }).value;
            if (value !== undefined) defaults[key] = configString(value);
        } else if (declaration !== undefined && declaration !== null) {
            defaults[key] = configString(declaration);
        }
    }
    return { name: data.name, defaults };
}

/** The plain values of a stack file's `config:` section, keyed without the project prefix. Encrypted values are skipped. */
export function stackValues(text: string, project: string, file = "stack file"): Record<string, string> {
    const data = parseDocument(text, file).toJS() as { config?: Record<string, unknown> | null } | null;
    const values: Record<string, string> = {};
    for (const [rawKey, value] of Object.entries(data?.config ?? {})) {
        if (rawKey.includes(":") && !rawKey.startsWith(`${project}:`)) continue;
        const key = rawKey.startsWith(`${project}:`) ? rawKey.slice(project.length + 1) : rawKey;
        if (value === null || value === undefined) continue;
        if (typeof value === "object" && !Array.isArray(value) && "secure" in value) continue;
        values[key] = configString(value);
    }
    return values;
}

/** What the program would read for `key` on this stack: the stack file's value, else Pulumi.yaml's default. */
export interface EffectiveValue {
    value: string | undefined;
    /** Where it came from, for messages: the stack file name, "Pulumi.yaml default", or "unset". */
    source: string;
}

export function effectiveValue(
    project: ProjectInfo,
    stackText: string,
    stackFileName: string,
    key: string,
): EffectiveValue {
    const fromStack = stackValues(stackText, project.name, stackFileName)[key];
    if (fromStack !== undefined) return { value: fromStack, source: stackFileName };
    const fallback = project.defaults[key];
    return fallback !== undefined
        ? { value: fallback, source: "Pulumi.yaml default" }
        : { value: undefined, source: "unset" };
}

export interface VersionEdit {
    project: string;
    version: string;
    /** One-line comment to record above the version key (a forced promotion); older audit lines are replaced. */
    audit?: string;
}

export interface VersionEditResult {
    text: string;
    /** The version the file held before, if it held a plain one. */
    previous?: string;
    /** What else changed, one line each. */
    notes: string[];
    /** What the operator must know (pins that no longer follow version), one line each. */
    warnings: string[];
}

function keyName(key: unknown): string {
    if (YAML.isScalar(key)) return String(key.value);
    return String(key);
}

/** The key a stack file uses for `key`: `project:key` if present, else a bare `key` if present, else `project:key`. */
function findPair(map: YAML.YAMLMap, project: string, key: string): { index: number; name: string } {
    const qualified = `${project}:${key}`;
    for (const name of [qualified, key]) {
        const index = map.items.findIndex((pair) => keyName(pair.key) === name);
        if (index >= 0) return { index, name };
    }
    return { index: -1, name: qualified };
}

function scalarString(map: YAML.YAMLMap, index: number, what: string): string | undefined {
    if (index < 0) return undefined;
    const node = map.items[index].value;
    if (node === null || node === undefined) return undefined;
    if (!YAML.isScalar(node))
        throw new StackFileError(`${what} is not a plain value (is it encrypted?); edit it by hand`);
    return node.value === null || node.value === undefined ? undefined : String(node.value);
}

/**
 * The comment block above pair `index`. yaml keeps the comment above the first pair of a block map on the map itself
 * and the others on the key, so the first pair reads (and writes) both places.
 */
function commentAbove(map: YAML.YAMLMap, index: number): string | undefined {
    const key = map.items[index].key;
    const own = YAML.isNode(key) ? key.commentBefore : undefined;
    const parts = index === 0 ? [map.commentBefore, own] : [own];
    const text = parts.filter((part): part is string => typeof part === "string" && part !== "").join("\n");
    return text === "" ? undefined : text;
}

function setCommentAbove(doc: YAML.Document, map: YAML.YAMLMap, index: number, comment: string | undefined): void {
    const pair = map.items[index];
    if (!YAML.isNode(pair.key)) pair.key = doc.createNode(pair.key);
    const key = pair.key as YAML.Scalar;
    if (index === 0) {
        map.commentBefore = comment;
        key.commentBefore = undefined;
    } else {
        key.commentBefore = comment;
    }
}

function withoutAuditLines(comment: string | undefined): string | undefined {
    if (comment === undefined) return undefined;
    const kept = comment.split("\n").filter((line) => !line.trim().startsWith(AUDIT_MARKER));
    return kept.length === 0 ? undefined : kept.join("\n");
}

function configMap(doc: YAML.Document): YAML.YAMLMap {
    const existing = doc.get("config", true);
    if (YAML.isMap(existing)) return existing;
    if (existing !== undefined && existing !== null && !(YAML.isScalar(existing) && existing.value === null)) {
        throw new StackFileError("the stack file's config: is not a mapping");
    }
    const created = doc.createNode({}) as YAML.YAMLMap;
    if (doc.contents === null || doc.contents === undefined) doc.contents = doc.createNode({}) as YAML.YAMLMap;
    doc.set("config", created);
    return created;
}

/** Comment lines of a text that are not audit records, in order (used to prove an edit kept every comment). */
function commentLines(text: string): string[] {
    return text
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line.startsWith("#") && !line.slice(1).trim().startsWith(AUDIT_MARKER));
}

/**
 * Sets the stack's version and, when `imageTag`/`chartVersion` are pinned to exactly the value the old version
 * implied (v<old> / <old>), moves them along; a pin to anything else is left alone and reported as a warning.
 * Removes older forced-promotion comments above the version key and adds `edit.audit` if given.
 * Throws StackFileError when the file cannot be edited safely; the result is checked to differ from the input only
 * in the keys it meant to change, with every comment kept and the key order unchanged.
 */
export function editStackVersion(text: string, edit: VersionEdit, file = "stack file"): VersionEditResult {
    const doc = parseDocument(text, file);
    const map = configMap(doc);
    const notes: string[] = [];
    const warnings: string[] = [];

    const versionPair = findPair(map, edit.project, "version");
    const previous = scalarString(map, versionPair.index, `${versionPair.name} in ${file}`);
    const changedKeys = new Set<string>([versionPair.name]);
    doc.setIn(["config", versionPair.name], edit.version);

    const pins: Array<{ key: string; derive: (version: string) => string }> = [
        { key: "imageTag", derive: derivedImageTag },
        { key: "chartVersion", derive: derivedChartVersion },
    ];
    for (const pin of pins) {
        const found = findPair(map, edit.project, pin.key);
        const pinned = scalarString(map, found.index, `${found.name} in ${file}`);
        if (pinned === undefined) continue;
        if (previous !== undefined && pinned === pin.derive(previous)) {
            const next = pin.derive(edit.version);
            doc.setIn(["config", found.name], next);
            changedKeys.add(found.name);
            notes.push(
                `${found.name}: ${pinned} -> ${next} (it equalled the value version implies, so it keeps following version)`,
            );
        } else {
            warnings.push(
                `${found.name} is pinned to ${pinned} in ${file} and does not follow version ` +
                    `(version ${edit.version} implies ${pin.derive(edit.version)}); remove the key or set it by hand`,
            );
        }
    }

    const index = findPair(map, edit.project, "version").index;
    const kept = withoutAuditLines(commentAbove(map, index));
    const audit = edit.audit === undefined ? undefined : ` ${AUDIT_MARKER} ${edit.audit.replace(/\s+/g, " ").trim()}`;
    const comment = [kept, audit].filter((part): part is string => part !== undefined).join("\n");
    if ((commentAbove(map, index) ?? "") !== comment)
        setCommentAbove(doc, map, index, comment === "" ? undefined : comment);

    const result = doc.toString({ lineWidth: 0 });
    verifyEdit(text, result, changedKeys, file);
    return { text: result, previous, notes, warnings };
}

function verifyEdit(before: string, after: string, changed: ReadonlySet<string>, file: string): void {
    const strip = (text: string) => {
        const data = (YAML.parse(text) ?? {}) as Record<string, unknown>;
        const config = { ...((data.config as Record<string, unknown> | null) ?? {}) };
        for (const key of changed) delete config[key];
        return JSON.stringify({ ...data, config });
    };
    if (strip(before) !== strip(after)) {
        throw new StackFileError(`editing ${file} would change more than ${[...changed].join(", ")}; edit it by hand`);
    }
    const lost = commentLines(before).filter((line) => !commentLines(after).includes(line));
    if (lost.length > 0)
        throw new StackFileError(`editing ${file} would drop the comment ${JSON.stringify(lost[0])}; edit it by hand`);
}

// ---- files ----------------------------------------------------------------------------------------------------

export function stackFileName(stack: string): string {
    return `Pulumi.${stack}.yaml`;
}

/** The stacks that have a file in `root`. */
export function knownStacks(root: string): string[] {
    return fs
        .readdirSync(root)
        .map((name) => /^Pulumi\.(.+)\.yaml$/.exec(name)?.[1])
        .filter((stack): stack is string => stack !== undefined)
        .sort();
}

export function readProjectFile(root: string): ProjectInfo {
    const file = path.join(root, "Pulumi.yaml");
    if (!fs.existsSync(file)) throw new StackFileError(`no Pulumi.yaml in ${root} (pass --root <project dir>)`);
    return parseProject(fs.readFileSync(file, "utf8"), "Pulumi.yaml");
}

export function readStackFile(root: string, stack: string): string {
    const file = path.join(root, stackFileName(stack));
    if (!fs.existsSync(file)) {
        const known = knownStacks(root);
        throw new StackFileError(
            `no stack file ${stackFileName(stack)} in ${root}; known stacks: ${known.join(", ") || "none"}`,
        );
    }
    return fs.readFileSync(file, "utf8");
}

/** Replaces the stack file atomically (temporary file and rename), so a crash never leaves half a file. */
export function writeStackFile(root: string, stack: string, text: string): string {
    const file = path.join(root, stackFileName(stack));
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, text);
    fs.renameSync(temporary, file);
    return file;
}
