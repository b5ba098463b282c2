import * as semver from "semver";

/**
 * Image references parsed the way registries and container runtimes read them (the distribution reference grammar):
 * `[registry[:port]/]repository[:tag][@algorithm:hex]`.
 *
 * - The tag is the text after the last `:` that follows the last `/`, so a port in the registry host is never a tag
 *   (`registry:5000/app` has no tag).
 * - The first path component is a registry host only when it contains `.` or `:`, is `localhost`, or has upper-case
 *   letters; otherwise the image lives on Docker Hub (`nginx` is `docker.io/library/nginx`).
 * - A digest pins the content whatever the tag says (`app:latest@sha256:...` runs exactly that digest).
 */
export interface ImageReference {
    registry: string;
    repository: string;
    tag?: string;
    digest?: string;
}

/** Either the reference or why it is not one. (Not a discriminated union: the Pulumi CLI compiles the pack without strict mode.) */
export interface ParsedImageReference {
    reference?: ImageReference;
    error?: string;
}

/** Docker's tag grammar: 1 to 128 characters, word characters, dots and dashes, not starting with `.` or `-`. */
export const TAG_GRAMMAR = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const REGISTRY_HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::[0-9]+)?$/;
const DIGEST_GRAMMAR = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[A-Za-z0-9=_-]+$/;

/** The only digest accepted as a pin: sha256 with 64 lower-case hex digits. */
export const SHA256_DIGEST = /^sha256:[0-9a-f]{64}$/;
/** A commit tag: `sha-` and the full 40-hex, lower-case git commit id. */
export const COMMIT_TAG = /^sha-[0-9a-f]{40}$/;

export const DEFAULT_REGISTRY = "docker.io";

export function parseImageReference(reference: string): ParsedImageReference {
    if (reference.trim() === "") return { error: "the image reference is empty" };
    if (/\s/.test(reference)) return { error: "the image reference contains whitespace" };

    let name = reference;
    let digest: string | undefined;
    const at = reference.indexOf("@");
    if (at >= 0) {
        name = reference.slice(0, at);
        digest = reference.slice(at + 1);
        if (!DIGEST_GRAMMAR.test(digest))
            return { error: `the digest ${JSON.stringify(digest)} is not <algorithm>:<hex>` };
    }

    let tag: string | undefined;
    const lastColon = name.lastIndexOf(":");
    if (lastColon > name.lastIndexOf("/")) {
        tag = name.slice(lastColon + 1);
        name = name.slice(0, lastColon);
        if (tag === "") return { error: "the tag after ':' is empty" };
        if (!TAG_GRAMMAR.test(tag)) return { error: `the tag ${JSON.stringify(tag)} is not a valid tag` };
    }
    if (name === "") return { error: "the repository name is empty" };

    let registry = DEFAULT_REGISTRY;
    let path = name;
    const firstSlash = name.indexOf("/");
    if (firstSlash > 0) {
        const head = name.slice(0, firstSlash);
        if (head.includes(".") || head.includes(":") || head === "localhost" || head !== head.toLowerCase()) {
            registry = head;
            path = name.slice(firstSlash + 1);
        }
    }
    if (!REGISTRY_HOST.test(registry))
        return { error: `the registry host ${JSON.stringify(registry)} is not a host[:port]` };
    if (registry === DEFAULT_REGISTRY && !path.includes("/")) path = `library/${path}`;
    for (const component of path.split("/")) {
        if (!PATH_COMPONENT.test(component)) {
            return {
                error:
                    component !== component.toLowerCase()
                        ? `the repository ${JSON.stringify(path)} must be lower-case`
                        : `the repository ${JSON.stringify(path)} is not a valid repository path`,
            };
        }
    }
    return { reference: { registry, repository: path, tag, digest } };
}

/**
 * What a tag (or a whole reference) pins. `release` (v<semver>), `commit` (sha-<40 hex>) and `digest` are immutable by
 * the project's convention; everything else moves or is broken.
 */
export type TagKind = "release" | "commit" | "digest" | "latest" | "mutable" | "empty" | "invalid";

export interface TagVerdict {
    kind: TagKind;
    immutable: boolean;
    /** The tag that was classified, when there is one (`latest` for a reference without tag or digest). */
    tag?: string;
    /** For `release` tags: the semver without the leading v. */
    version?: string;
    /** For `release` tags with a pre-release part (`-rc.1`): that part. */
    prerelease?: string;
    /** Why the value is not accepted; undefined when it is. */
    problem?: string;
}

export const IMMUTABLE_TAG_RULE = "v<semver> (e.g. v1.2.27), sha-<40-hex commit> or an @sha256:<64-hex> digest";

/** Accepts a digest given as `sha256:<hex>` or `@sha256:<hex>`. */
export function classifyDigest(value: unknown): TagVerdict {
    if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) {
        return { kind: "empty", immutable: false, problem: "the digest is empty" };
    }
    if (typeof value !== "string") return { kind: "invalid", immutable: false, problem: "the digest is not a string" };
    const digest = value.startsWith("@") ? value.slice(1) : value;
    if (SHA256_DIGEST.test(digest)) return { kind: "digest", immutable: true };
    if (/^sha256:[0-9a-fA-F]{64}$/.test(digest)) {
        return { kind: "invalid", immutable: false, problem: "the digest's hex must be lower-case" };
    }
    return { kind: "invalid", immutable: false, problem: "a digest must be sha256:<64 lower-case hex digits>" };
}

/** Classifies a bare tag, as written in a values key such as `global.imageTag`; `tag@sha256:...` is accepted too. */
export function classifyTag(value: unknown): TagVerdict {
    if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) {
        return { kind: "empty", immutable: false, problem: "the tag is empty (an empty tag pulls latest)" };
    }
    if (typeof value === "boolean" || typeof value === "object") {
        return { kind: "invalid", immutable: false, problem: "the tag is not a string" };
    }
    const text = String(value);
    const at = text.indexOf("@");
    if (at >= 0) {
        const digest = classifyDigest(text.slice(at + 1));
        const tag = text.slice(0, at);
        if (digest.immutable) {
            if (tag !== "" && !TAG_GRAMMAR.test(tag)) {
                return { kind: "invalid", immutable: false, tag, problem: `${JSON.stringify(tag)} is not a valid tag` };
            }
            return { kind: "digest", immutable: true, tag: tag === "" ? undefined : tag };
        }
        return { ...digest, tag };
    }
    if (!TAG_GRAMMAR.test(text)) {
        return { kind: "invalid", immutable: false, tag: text, problem: "it is not a valid image tag" };
    }
    if (text.startsWith("v") && semver.valid(text.slice(1)) === text.slice(1)) {
        const version = text.slice(1);
        const pre = semver.prerelease(version);
        return { kind: "release", immutable: true, tag: text, version, prerelease: pre ? pre.join(".") : undefined };
    }
    if (COMMIT_TAG.test(text)) return { kind: "commit", immutable: true, tag: text };
    if (text === "latest")
        return { kind: "latest", immutable: false, tag: text, problem: "latest moves with every build" };
    let problem = "it is a mutable tag";
    if (/^v/i.test(text) && semver.valid(text.slice(1)) === text.slice(1))
        problem = "release tags are v<semver> with a lower-case v";
    else if (/^sha-/i.test(text)) problem = "commit tags are sha- and the full 40-hex, lower-case commit id";
    else if (semver.valid(text) === text) problem = "release tags carry a leading v (v<semver>)";
    return { kind: "mutable", immutable: false, tag: text, problem };
}

/** Classifies a whole image reference: the digest wins over the tag, and no tag at all means latest. */
export function classifyImageReference(value: unknown): TagVerdict {
    if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) {
        return { kind: "empty", immutable: false, problem: "the image is empty" };
    }
    if (typeof value !== "string") return { kind: "invalid", immutable: false, problem: "the image is not a string" };
    const { reference, error } = parseImageReference(value);
    if (reference === undefined) return { kind: "invalid", immutable: false, problem: error };
    const { tag, digest } = reference;
    if (digest !== undefined) {
        return { ...classifyDigest(digest), tag };
    }
    if (tag === undefined) {
        return { kind: "latest", immutable: false, tag: "latest", problem: "it has no tag, so it pulls latest" };
    }
    return classifyTag(tag);
}

/** True when a reference or tag runs whatever `latest` points to: Kubernetes then defaults imagePullPolicy to Always. */
export function pullsLatest(reference: string): boolean {
    const parsed = parseImageReference(reference).reference;
    return parsed !== undefined && parsed.digest === undefined && (parsed.tag ?? "latest") === "latest";
}
