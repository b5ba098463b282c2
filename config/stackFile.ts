// Pulumi stack files (Pulumi.<stack>.yaml) and the project file (Pulumi.yaml): reading effective values and editing
// `version` in place with yaml's Document API, so that every other key, the key order and the comments survive.

import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { untrustedText } from "../lib/cli/sanitize";
import { LockedEditOptions, decodeText, editLocked } from "../lib/lockedFile";
import { derivedChartVersion, releaseTag } from "./releasePins";

/** The first environment a release reaches; `npm run release` writes it. */
export const STAGING_STACK = "demo-staging";
/** The environment only promotion reaches; `npm run release` refuses it, `npm run promote` writes it. */
export const PROMOTION_TARGET = "demo";
/** Comment lines starting with this (after `#`) record a forced promotion; each promotion replaces them. */
export const AUDIT_MARKER = "forced-promotion:";

/** Pulumi stack names as file names: letters, digits, `-`, `_`, `.`; never a path (no `/`, `\`, and not `.` or `..`). */
export function isStackName(stack: string): boolean {
    return /^[A-Za-z0-9_.-]+$/.test(stack) && !/^\.+$/.test(stack);
}

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
    /** Unqualified keys Pulumi.yaml declares `secret: true`. */
    secretKeys: readonly string[];
}

/**
 * The string a Pulumi program reads for a config value, or undefined when the value is unset (`key:`, `~`, `null`)
 * or encrypted (`secure:`). A plain number is read as the text written (`1.10` stays `1.10`, as the Pulumi CLI reads
 * it), not as the number YAML makes of it; collections are read as JSON.
 */
function plainValue(node: unknown): string | undefined {
    if (node === null || node === undefined) return undefined;
    if (YAML.isScalar(node)) {
        const value = node.value;
        if (value === null || value === undefined) return undefined;
        // go-yaml hands a string target the scalar's text: `True` stays `True`, `0x1F` stays `0x1F`.
        if (typeof value !== "string") return typeof node.source === "string" ? node.source : String(value);
        return value;
    }
    if (YAML.isMap(node) && node.has("secure")) return undefined;
    return JSON.stringify(YAML.isNode(node) ? node.toJSON() : node);
}

/**
 * Characters the Pulumi CLI's parser (go-yaml v3, a port of libyaml) and this reader (the yaml package, YAML 1.2)
 * would read differently: NEL, LS and PS are line breaks to go-yaml and ordinary characters to yaml (a value could
 * hide behind one from the plan and the policy pack while `pulumi up` applies it); so is a CR without its LF; a
 * byte-order mark inside the text; and anything outside YAML's printable set, which go-yaml refuses and yaml reads.
 */
const DIFFERENTLY_READ_CHARACTER =
    /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\u2029\uD800-\uDFFF\uFFFE\uFFFF]|\r(?!\n)|(?<!^)\uFEFF/u;

const CHARACTER_NAMES: Readonly<Record<string, string>> = {
    "\u0085": "NEL, next line",
    "\u2028": "LS, line separator",
    "\u2029": "PS, paragraph separator",
    "\r": "CR without LF",
    "\uFEFF": "byte-order mark inside the text",
};

/** The 1-based line of a character offset, counting LF only (the line breaks both parsers agree on). */
function lineAt(text: string, offset: number): number {
    return text.slice(0, offset).split("\n").length;
}

/** Where the Pulumi CLI and this reader could read a text differently, as one line naming file, line and character. */
function differentlyReadCharacter(text: string, file: string): string | undefined {
    const found = DIFFERENTLY_READ_CHARACTER.exec(text);
    if (found === null) return undefined;
    const character = found[0][0];
    const line = lineAt(text, found.index);
    const code = `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
    const name = CHARACTER_NAMES[character] ?? "a control character";
    return (
        `${file} line ${line} holds ${code} (${name}), which the Pulumi CLI's YAML parser reads differently from ` +
        `this one; remove it (in a double-quoted string, write it as an escape such as \\u${code.slice(2)})`
    );
}

/**
 * YAML that go-yaml and yaml would both accept but read differently, refused: an alias (go-yaml expands it, and
 * the reader here would have to agree on every merge), a `<<` merge key (go-yaml merges, YAML 1.2 reads a key named
 * `<<`), and a `!!binary` value (go-yaml decodes it, yaml keeps the base64 text).
 */
function refuseAmbiguousNodes(doc: YAML.Document, text: string, file: string): void {
    const lineOf = (node: YAML.Node): number => lineAt(text, node.range?.[0] ?? 0);
    YAML.visit(doc, {
        Alias(_, node) {
            // The alias is not named: it may be the value itself (`registryToken: *ghp_...`).
            throw new StackFileError(
                `${file} line ${lineOf(node)} uses an alias (*...); write the value out (aliases are not read alike by every YAML parser)`,
            );
        },
        Pair(_, pair) {
            if (YAML.isScalar(pair.key) && pair.key.value === "<<" && pair.key.type === "PLAIN") {
                throw new StackFileError(
                    `${file} line ${lineOf(pair.key)} uses a << merge key; write the keys out (YAML 1.2 has no merge keys, the Pulumi CLI merges)`,
                );
            }
        },
        Scalar(_, node) {
            if (node.tag === "tag:yaml.org,2002:binary") {
                throw new StackFileError(
                    `${file} line ${lineOf(node)} has a !!binary value; write it as a plain string (the Pulumi CLI decodes it, this reader does not)`,
                );
            }
        },
    });
}

/**
 * Parses without ever printing (the yaml library's own warnings quote the source line, secrets included), and only
 * text the Pulumi CLI reads the same way: anything the two parsers could read differently is refused (see above).
 */
function parseDocument(text: string, file: string): YAML.Document {
    const differential = differentlyReadCharacter(text, file);
    if (differential !== undefined) throw new StackFileError(differential);
    const doc = YAML.parseDocument(text);
    if (doc.errors.length > 0) {
        // Never the yaml library's message: some quote the source (an alias name, a value), secrets included.
        const [error] = doc.errors;
        const where = error.linePos?.[0];
        const at = where === undefined ? "" : ` at line ${where.line}, column ${where.col}`;
        throw new StackFileError(`${file} is not valid YAML${at} (${error.code}; the text is not shown)`);
    }
    refuseAmbiguousNodes(doc, text, file);
    return doc;
}

/**
 * What parsing noticed without failing, one line each, never quoting a value: a value behind an unknown tag (e.g.
 * `!secret ...`) is named by key position and tag only.
 */
function yamlWarnings(doc: YAML.Document, file: string): string[] {
    return doc.warnings.map((warning) => {
        const line = warning.linePos?.[0]?.line ?? "?";
        const tag = /^Unresolved tag: (\S+)/.exec(warning.message)?.[1];
        return tag === undefined
            ? `YAML warning ${warning.code} in ${file} at line ${line} (value not shown)`
            : `unknown tag ${untrustedText(tag, 40)} in ${file} at line ${line} (value not shown); Pulumi reads the value as plain text`;
    });
}

function mapOf(node: unknown, what: string): YAML.YAMLMap | undefined {
    if (node === null || node === undefined || (YAML.isScalar(node) && node.value === null)) return undefined;
    if (!YAML.isMap(node)) throw new StackFileError(`${what} is not a mapping`);
    return node;
}

/** A key as go-yaml gives it to a string-keyed map: the scalar's text (`1.10:` is the key `1.10`). */
function keyName(key: unknown): string {
    if (YAML.isScalar(key)) return plainValue(key) ?? "";
    return String(key);
}

/**
 * The pairs of a `config:` map that belong to `project`, by unqualified key. Keys of other namespaces (`aws:region`)
 * are left out. A bare key and its qualified twin for the same setting would leave it unclear which one Pulumi reads,
 * so that is an error naming both.
 */
function projectPairs(map: YAML.YAMLMap | undefined, project: string, file: string): Map<string, YAML.Pair> {
    const pairs = new Map<string, YAML.Pair>();
    const names = new Map<string, string>();
    const lookalikes = new Map<string, string>();
    for (const pair of map?.items ?? []) {
        const name = keyName(pair.key);
        // Two spellings of one key (composed and decomposed, full-width, ...) are two keys to Pulumi but one to a reader.
        const folded = name.normalize("NFKC");
        const lookalike = lookalikes.get(folded);
        if (lookalike !== undefined) {
            throw new StackFileError(
                `${file} sets ${JSON.stringify(lookalike)} and ${JSON.stringify(name)}, which differ only in Unicode normalisation; keep one of them`,
            );
        }
        lookalikes.set(folded, name);
        if (name.includes(":") && !name.startsWith(`${project}:`)) continue;
        const key = name.startsWith(`${project}:`) ? name.slice(project.length + 1) : name;
        const twin = names.get(key);
        if (twin !== undefined) {
            const [bare, qualified] = twin.includes(":") ? [name, twin] : [twin, name];
            throw new StackFileError(`${file} sets both ${bare} and ${qualified}; keep one of them`);
        }
        names.set(key, name);
        pairs.set(key, pair as YAML.Pair);
    }
    return pairs;
}

/** Reads the project name and the static config defaults of Pulumi.yaml. */
export function parseProject(text: string, file = "Pulumi.yaml"): ProjectInfo {
    const doc = parseDocument(text, file);
    const name = YAML.isMap(doc.contents) ? doc.contents.get("name") : undefined;
    if (typeof name !== "string" || name === "") throw new StackFileError(`${file} has no project name`);
    const defaults: Record<string, string> = {};
    const secretKeys: string[] = [];
    const config = mapOf(doc.get("config", true), `${file}'s config:`);
    for (const [key, pair] of projectPairs(config, name, file)) {
        const declaration = pair.value;
        const value = YAML.isMap(declaration)
            ? plainValue(declaration.get("default", true) ?? declaration.get("value", true))
            : plainValue(declaration);
        if (value !== undefined) defaults[key] = value;
        if (YAML.isMap(declaration) && declaration.get("secret") === true) secretKeys.push(key);
    }
    return { name, defaults, secretKeys };
}

/** A stack file's `config:` section as the Pulumi CLI reads it, keyed without the project prefix. */
export interface StackConfigSection {
    /** Plain values; unset ones (`key:`, `~`) are left out. */
    values: Record<string, string>;
    /** Keys set only in encrypted form (`secure:`): present, but unreadable without the CLI. */
    encrypted: string[];
    /** What parsing noticed, one line each, never quoting a value. */
    warnings: string[];
}

export function readStackConfigSection(text: string, project: string, file = "stack file"): StackConfigSection {
    const doc = parseDocument(text, file);
    const section: StackConfigSection = { values: {}, encrypted: [], warnings: yamlWarnings(doc, file) };
    for (const [key, pair] of projectPairs(mapOf(doc.get("config", true), `${file}'s config:`), project, file)) {
        if (YAML.isMap(pair.value) && pair.value.has("secure")) section.encrypted.push(key);
        const value = plainValue(pair.value);
        if (value !== undefined) section.values[key] = value;
    }
    return section;
}

/** The plain values of a stack file's `config:` section, keyed without the project prefix; unset and encrypted values are left out. */
export function stackValues(text: string, project: string, file = "stack file"): Record<string, string> {
    return readStackConfigSection(text, project, file).values;
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

/** The key a stack file uses for `key` (its bare or its qualified spelling, whichever it has), else `project:key`. */
function findPair(map: YAML.YAMLMap, project: string, key: string, file: string): { index: number; name: string } {
    const pair = projectPairs(map, project, file).get(key);
    if (pair === undefined) return { index: -1, name: `${project}:${key}` };
    return { index: map.items.indexOf(pair), name: keyName(pair.key) };
}

function scalarString(map: YAML.YAMLMap, index: number, what: string): string | undefined {
    if (index < 0) return undefined;
    const node = map.items[index].value;
    if (node !== null && node !== undefined && !YAML.isScalar(node))
        throw new StackFileError(`${what} is not a plain value (is it encrypted?); edit it by hand`);
    return plainValue(node);
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
    // An empty file (or a lone `~`/`---`) becomes a mapping; anything else at the top has no place for config:.
    if (mapOf(doc.contents, "the stack file") === undefined) doc.contents = doc.createNode({}) as YAML.YAMLMap;
    const existing = mapOf(doc.get("config", true), "the stack file's config:");
    if (existing !== undefined) return existing;
    const created = doc.createNode({}) as YAML.YAMLMap;
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
    const warnings: string[] = yamlWarnings(doc, file);

    const versionPair = findPair(map, edit.project, "version", file);
    const previous = scalarString(map, versionPair.index, `${versionPair.name} in ${file}`);
    const changedKeys = new Set<string>([versionPair.name]);
    doc.setIn(["config", versionPair.name], edit.version);

    const pins: Array<{ key: string; derive: (version: string) => string }> = [
        { key: "imageTag", derive: releaseTag },
        { key: "chartVersion", derive: derivedChartVersion },
    ];
    for (const pin of pins) {
        const found = findPair(map, edit.project, pin.key, file);
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

    const index = findPair(map, edit.project, "version", file).index;
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
        const data = (parseDocument(text, file).toJS() ?? {}) as Record<string, unknown>;
        const config = { ...((data.config as Record<string, unknown> | null) ?? {}) };
        for (const key of changed) delete config[key];
        return JSON.stringify({ ...data, config });
    };
    if (strip(before) !== strip(after)) {
        throw new StackFileError(`editing ${file} would change more than ${[...changed].join(", ")}; edit it by hand`);
    }
    const kept = new Set(commentLines(after));
    const lost = commentLines(before).filter((line) => !kept.has(line));
    if (lost.length > 0)
        throw new StackFileError(`editing ${file} would drop the comment ${JSON.stringify(lost[0])}; edit it by hand`);
}

// ---- files ----------------------------------------------------------------------------------------------------

/** The file of a stack; the name is checked again here so that no caller can turn a stack name into a path. */
export function stackFileName(stack: string): string {
    if (!isStackName(stack)) throw new StackFileError(`${JSON.stringify(stack)} is not a stack name`);
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
    return parseProject(decodeText(fs.readFileSync(file, "utf8")).text, "Pulumi.yaml");
}

function stackFilePath(root: string, stack: string): string {
    const file = path.join(root, stackFileName(stack));
    if (!fs.existsSync(file)) {
        const known = knownStacks(root);
        throw new StackFileError(
            `no stack file ${stackFileName(stack)} in ${root}; known stacks: ${known.join(", ") || "none"}`,
        );
    }
    return file;
}

/** The text of a stack file (LF line ends, no byte-order mark), for reading only: edits go through updateStackFile. */
export function readStackFile(root: string, stack: string): string {
    return decodeText(fs.readFileSync(stackFilePath(root, stack), "utf8")).text;
}

/**
 * Edits a stack file under its lock (see lockedFile.ts): `decide` gets the current text, read inside the lock, and
 * returns the new text or undefined to leave the file alone. Returns the file's name.
 */
export function updateStackFile(
    root: string,
    stack: string,
    decide: (text: string) => string | undefined,
    options: LockedEditOptions = {},
): string {
    editLocked(stackFilePath(root, stack), stackFileName(stack), decide, options);
    return stackFileName(stack);
}
