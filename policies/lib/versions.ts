import * as semver from "semver";

/** An exact semver as Helm writes chart versions: `1.2.27`, `1.3.0-rc.1`; not `v1.2.27`, `1.2`, `^1.2.0`, `*` or `latest`. */
export function isExactSemver(value: unknown): value is string {
    return typeof value === "string" && semver.valid(value) === value;
}

/** The pre-release part of an exact semver (`rc.1` of `1.3.0-rc.1`), or undefined. */
export function prereleaseOf(version: string): string | undefined {
    const parts = semver.valid(version) === version ? semver.prerelease(version) : null;
    return parts && parts.length > 0 ? parts.join(".") : undefined;
}

/** Why a chart version is not an exact pin, phrased for a violation message; undefined when it is one. */
export function chartVersionProblem(value: unknown): string | undefined {
    if (value === undefined || value === null || value === "") return "no version is set, so the newest chart is used";
    if (typeof value !== "string") return "the version is not a string";
    if (semver.valid(value) === value) return undefined;
    if (value === "*" || value.toLowerCase() === "latest") return "it follows the newest chart";
    if (/^v/i.test(value) && isExactSemver(value.slice(1))) return "Helm chart versions are semver without a leading v";
    if (semver.validRange(value) !== null) return "it is a version range, not one version";
    return "it is not a semver version";
}

const COMMIT_SHA = /^[0-9a-f]{40}$/;
const TAG_REF_PREFIX = "refs/tags/";

export type GitRevisionKind = "commit" | "tag" | "branch";

export interface GitRevision {
    kind: GitRevisionKind;
    /** For release tags: the semver without v. */
    version?: string;
    problem?: string;
}

/**
 * Classifies a git `targetRevision`. Only the full 40-hex commit id and release tags (`v1.2.27`, `1.2.27`, optionally
 * spelled `refs/tags/v1.2.27`) are pins. Anything else (empty, HEAD, main, staging, refs/heads/...) is read as a
 * branch: a name cannot be told apart from a branch, and a branch moves.
 */
export function classifyGitRevision(value: unknown): GitRevision {
    if (value === undefined || value === null || value === "") {
        return { kind: "branch", problem: "no revision is set, so Argo CD follows HEAD of the default branch" };
    }
    if (typeof value !== "string") return { kind: "branch", problem: "the revision is not a string" };
    if (COMMIT_SHA.test(value)) return { kind: "commit" };
    const name = value.startsWith(TAG_REF_PREFIX) ? value.slice(TAG_REF_PREFIX.length) : value;
    const bare = name.startsWith("v") ? name.slice(1) : name;
    if (isExactSemver(bare)) return { kind: "tag", version: bare };
    if (/^[0-9a-fA-F]{40}$/.test(value)) return { kind: "branch", problem: "commit ids are written in lower-case hex" };
    if (/^[0-9a-f]{7,39}$/.test(value))
        return { kind: "branch", problem: "a short commit id is ambiguous; use all 40 hex digits" };
    if (value === "HEAD") return { kind: "branch", problem: "HEAD follows the default branch" };
    return { kind: "branch", problem: "it names a branch (or a tag that is not a release tag), which moves" };
}
