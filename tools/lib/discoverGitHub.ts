// What discovery asks GitHub, through the one client (lib/github/client.ts): the ServiceRadar repository's release
// tags, whether an environment's values file exists at a tag, and whether a version-bump pull request is already open.

import * as semver from "semver";
import { GitHubClient } from "../../lib/github/client";
import { isNotFound } from "../../lib/github/errors";

/** Tags read at most: 10 pages of 100, newest releases are far inside it, and a runaway pagination ends. */
export const MAX_TAG_PAGES = 10;
const TAGS_PER_PAGE = 100;

/** A release tag: `v` and a semver version (1.2.28, 1.3.0-rc.1); anything else (v1.2, latest, 1.2.28) is no release. */
export function releaseVersionOfTag(tag: string): string | undefined {
    if (!tag.startsWith("v")) return undefined;
    const version = tag.slice(1);
    return semver.valid(version) === version ? version : undefined;
}

function splitRepo(repo: string): { owner: string; repo: string } {
    const [owner, name] = repo.split("/");
    return { owner, repo: name };
}

/**
 * The release versions tagged in `repo` (owner/name), page by page up to MAX_TAG_PAGES. The next page is asked for by
 * number on the API root: GitHub's `Link` header only says whether there is one, its URL is never followed, so the
 * token goes to no other origin whatever the header names.
 */
export async function releaseVersionsOf(client: GitHubClient, repo: string): Promise<string[]> {
    const versions: string[] = [];
    for (let page = 1; page <= MAX_TAG_PAGES; page += 1) {
        const answer = await client.request("GET /repos/{owner}/{repo}/tags", {
            ...splitRepo(repo),
            per_page: TAGS_PER_PAGE,
            page,
        });
        for (const tag of answer.data) {
            const version = releaseVersionOfTag(tag.name);
            if (version !== undefined) versions.push(version);
        }
        if (!/rel="next"/.test(answer.headers.link ?? "")) break;
    }
    return versions;
}

/** Whether `path` exists in `repo` at `ref` (a 404 is "no"; every other failure is thrown to the caller). */
export async function fileExistsAt(client: GitHubClient, repo: string, path: string, ref: string): Promise<boolean> {
    try {
        await client.request("GET /repos/{owner}/{repo}/contents/{path}", {
            ...splitRepo(repo),
            path,
            ref,
        });
        return true;
    } catch (err) {
        if (isNotFound(err)) return false;
        throw err;
    }
}

/** The branch a discovered version's pull request comes from, one per version so a second run finds it. */
export function discoveryBranch(stack: string, version: string): string {
    return `discover/${stack}/v${version}`;
}

/** The URL of the open pull request from `branch` in `repo`, if there is one. */
export async function openPullRequestFrom(
    client: GitHubClient,
    repo: string,
    branch: string,
): Promise<string | undefined> {
    const { owner } = splitRepo(repo);
    const answer = await client.request("GET /repos/{owner}/{repo}/pulls", {
        ...splitRepo(repo),
        state: "open",
        head: `${owner}:${branch}`,
        per_page: 1,
    });
    return answer.data[0]?.html_url;
}
