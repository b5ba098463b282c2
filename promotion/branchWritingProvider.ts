/**
 * The dynamic-provider shape both of the program's git writers share (the DRY commit and each environment's
 * hydration): a change of where they write replaces, a change of what they write updates in place, nothing is ever
 * deleted from git, and `read` (`pulumi refresh`) reports a branch whose content is no longer what was written.
 * Serialized into Pulumi's dynamic-provider host with its users, so it loads no library at module level.
 */
import type * as pulumi from "@pulumi/pulumi";
import { readBranchHead, readCommitTree, readTreeFiles } from "./gitData";
import { gitHubApiFor } from "./gitHubAuth";

/** What every writer's state holds: where it writes. */
export interface BranchLocation {
    apiUrl: string;
    repository: string;
    branch: string;
}

/**
 * Set by `read` when the branch no longer holds the content of the commit the state records (a hand edit, a push):
 * the files actually there. The program never writes it, so its presence is a change in `diff`, and the `update`
 * that follows writes the program's content back as one new commit on top (never a force push).
 */
export interface BranchDrift {
    branchFiles?: Record<string, string>;
}

export interface BranchWriter<State extends BranchLocation> {
    /** Writes the branch and returns the state with its outputs. */
    write(inputs: State): Promise<State>;
    /** The resource id: where it writes. */
    id(inputs: State): string;
    /** Inputs naming where it writes: a change is a replace. */
    location: readonly (keyof State)[];
    /** What it writes, compared as JSON: a change is an update. */
    content(state: State): unknown;
    /** The output naming the commit it wrote (the branch head after its write). */
    commit: keyof State & string;
    /** Why the inputs cannot be written, by property (`check`); empty when they can. */
    check(inputs: State): pulumi.dynamic.CheckFailure[];
}

/** Pulumi's placeholder for a value not known yet (a preview): judged when known, at `pulumi up`. */
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Why `value` is no GitHub repository `owner/name`; undefined when it is one (or not known yet). */
export function repositoryProblem(value: unknown): string | undefined {
    if (value === UNKNOWN) return undefined;
    if (typeof value !== "string") return "must be a string owner/name";
    const [owner, name, ...rest] = value.split("/");
    if (rest.length > 0 || name === undefined) return `must be owner/name, not ${JSON.stringify(value)}`;
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/.test(owner)) {
        return `names an owner GitHub does not allow: ${JSON.stringify(owner)}`;
    }
    if (!/^[A-Za-z0-9._-]{1,100}$/.test(name) || name === "." || name === "..") {
        return `names a repository GitHub does not allow: ${JSON.stringify(name)}`;
    }
    return undefined;
}

/** Why `value` is no branch name git allows (`git check-ref-format --branch`); undefined when it is one. */
export function branchProblem(value: unknown): string | undefined {
    if (value === UNKNOWN) return undefined;
    if (typeof value !== "string" || value === "") return "must be a branch name";
    const quoted = JSON.stringify(value);
    if (value.startsWith("refs/")) return `must name a branch without refs/: ${quoted}`;
    // eslint-disable-next-line no-control-regex
    if (/[\x00-\x20\x7f~^:?*[\\]/.test(value)) {
        return `holds a character git refuses in a branch name (space, control, ~ ^ : ? * [ \\): ${quoted}`;
    }
    if (value.includes("..") || value.includes("@{") || value === "@") return `is not a valid git ref: ${quoted}`;
    if (value.startsWith("-")) return `starts with '-': ${quoted}`;
    if (value.endsWith(".")) return `ends with '.': ${quoted}`;
    for (const part of value.split("/")) {
        if (part === "") return `has an empty path component: ${quoted}`;
        if (part.startsWith(".") || part.endsWith(".lock")) {
            return `has a component starting with '.' or ending with '.lock': ${quoted}`;
        }
    }
    return undefined;
}

/** Why `value` is no relative path of a file in a git tree; undefined when it is one. */
export function pathProblem(value: unknown): string | undefined {
    if (value === UNKNOWN) return undefined;
    if (typeof value !== "string" || value === "") return "must be a file path";
    const quoted = JSON.stringify(value);
    // eslint-disable-next-line no-control-regex
    if (/[\x00-\x1f\x7f\\]/.test(value)) return `holds a control character or a backslash: ${quoted}`;
    if (value.startsWith("/")) return `must be relative: ${quoted}`;
    for (const part of value.split("/")) {
        if (part === "" || part === "." || part === "..")
            return `must be relative, without '.', '..' or '//': ${quoted}`;
        if (part.toLowerCase() === ".git") return `must not be in .git: ${quoted}`;
    }
    return undefined;
}

/** The failures of a map of files (path to text) at `property`: each path relative, each content a string. */
export function filesFailures(property: string, files: unknown): pulumi.dynamic.CheckFailure[] {
    if (files === UNKNOWN) return [];
    if (files === null || typeof files !== "object" || Array.isArray(files)) {
        return [{ property, reason: `${property} must be a map of file path to text` }];
    }
    const failures: pulumi.dynamic.CheckFailure[] = [];
    for (const [path, content] of Object.entries(files)) {
        const problem = pathProblem(path);
        if (problem) failures.push({ property, reason: `${property}: the path ${problem}` });
        if (typeof content !== "string") {
            failures.push({ property, reason: `${property}: ${JSON.stringify(path)} must be text (a string)` });
        }
    }
    return failures;
}

/** Pulumi's placeholder of a value a preview does not know yet. */
export function isUnknown(value: unknown): boolean {
    return value === UNKNOWN;
}

/** A known map (not Pulumi's placeholder of a value not known yet). */
export function isObject<T>(value: T): value is T & object {
    return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** A failure at `property` when `problem` names one. */
export function failureOf(property: string, problem: string | undefined): pulumi.dynamic.CheckFailure[] {
    return problem === undefined ? [] : [{ property, reason: `${property} ${problem}` }];
}

export function branchWritingProvider<State extends BranchLocation>(
    writer: BranchWriter<State>,
): pulumi.dynamic.ResourceProvider {
    return {
        async check(_olds: State, news: State) {
            return { inputs: news, failures: writer.check(news) };
        },
        async diff(_id: string, olds: State & BranchDrift, news: State) {
            const replaces = writer.location.filter((key) => olds[key] !== news[key]).map(String);
            const drifted = olds.branchFiles !== undefined;
            const changed = drifted || JSON.stringify(writer.content(olds)) !== JSON.stringify(writer.content(news));
            return { changes: changed || replaces.length > 0, replaces, deleteBeforeReplace: false };
        },
        async create(inputs: State) {
            return { id: writer.id(inputs), outs: await writer.write(inputs) };
        },
        async update(_id: string, _olds: State, news: State) {
            return { outs: await writer.write(news) };
        },
        /**
         * The branch as it is on GitHub. Gone: the resource is gone (an empty id, Pulumi's contract), and the next
         * `pulumi up` writes it again. Its head still the commit written, or a later commit of the same tree: the
         * state stands (that commit names exactly what is there). Otherwise: the head and the files actually there
         * (BranchDrift), which the next `diff` reports as a change.
         */
        async read(id: string, props?: State & BranchDrift) {
            if (props === undefined || typeof props.repository !== "string" || typeof props.branch !== "string") {
                throw new Error(`${id} cannot be read without its state: the git writers cannot be imported`);
            }
            const api = await gitHubApiFor(props.apiUrl);
            const head = await readBranchHead(api, props.repository, props.branch);
            if (head === undefined) return { id: undefined, props: {} };
            const recorded = props[writer.commit] as unknown;
            if (head.commitSha === recorded) return { id, props };
            if (
                typeof recorded === "string" &&
                (await readCommitTree(api, props.repository, recorded)) === head.treeSha
            ) {
                return { id, props };
            }
            const branchFiles = await readTreeFiles(api, props.repository, head.treeSha);
            return { id, props: { ...props, [writer.commit]: head.commitSha, branchFiles } };
        },
        // What was written stays: environments keep running what their branches hold, and hydrator.metadata names
        // the DRY commits.
        async delete() {},
    };
}
