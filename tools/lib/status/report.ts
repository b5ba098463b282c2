// Collects, from GitHub alone, where every environment stands: the hydrated release its branch runs, the one proposed
// next, the gates reported on the running commit, the open promotion pull request and the last promotions. Every
// text taken from GitHub is kept as GitHub sent it here; the renderers make it safe to print.

import * as YAML from "yaml";
import type { GitHubClient } from "../../../lib/github/client";
import { isNotFound } from "../../../lib/github/errors";
import { HYDRATOR_METADATA_FILE, RELEASE_VALUES_FILE } from "../../../promotion/hydratedFiles";
import { environmentBranch, proposedBranch } from "../../../promotion/promoter";
import type { StatusSettings } from "./settings";

const CHART_FILE = "Chart.yaml";
/**
 * Items per page of every listing: small enough that a page of GitHub's largest items (check runs with two 64 KB
 * output texts, pull requests with two whole repository objects, about 21 KB each) fits in STATUS_MAX_BODY_BYTES.
 */
const PAGE_SIZE = 30;
/** Each answer of the status client is read up to this many bytes: a page of PAGE_SIZE items, with room to spare. */
export const STATUS_MAX_BODY_BYTES = 8 * 1024 * 1024;
/** Pages of closed pull requests read at most to find the last promotions. */
const HISTORY_MAX_PAGES = 10;

/** A hydrated commit at the head of an environment branch, or why there is none. */
export type HydratedRelease =
    | { branch: string; hydrated: false; reason: string }
    | {
          branch: string;
          hydrated: true;
          sha: string;
          committedAt?: string;
          url?: string;
          /** From hydrator.metadata. */
          drySha?: string;
          repoURL?: string;
          subject?: string;
          /** Chart.yaml `version`: the release the umbrella chart stands for. */
          version?: string;
          /** Chart.yaml `dependencies[0].version`: the ServiceRadar chart. */
          chartVersion?: string;
          /** values-release.yaml `global.imageTag`. */
          imageTag?: string;
          /** Files that are missing or unreadable, one line each. */
          problems: string[];
      };

export type Outcome = "passing" | "failing" | "pending";

/** One check run or commit status on a commit. */
export interface Gate {
    name: string;
    source: "check run" | "commit status";
    /** GitHub's word: a check run's conclusion (or its status while not completed), a commit status's state. */
    state: string;
    outcome: Outcome;
    description?: string;
    url?: string;
}

export interface PromotionRequest {
    number: number;
    title: string;
    url: string;
    headSha: string;
    draft: boolean;
    /** GitOps Promoter merges it once its checks pass; otherwise a person must. */
    autoMerge: boolean;
    requestedReviewers: string[];
    checks: Gate[];
}

export interface Promotion {
    number: number;
    title: string;
    url: string;
    mergedAt: string;
}

export interface EnvironmentStatus {
    environment: string;
    autoMerge: boolean;
    running: HydratedRelease;
    proposed: HydratedRelease;
    /** Check runs and commit statuses on the running commit (GitOps Promoter's gates among them). */
    gates: Gate[];
    promotion?: PromotionRequest;
    history: Promotion[];
    /** What stands between the proposed release and this environment, one line each; empty when nothing waits. */
    heldBackBy: string[];
}

export interface StatusReport {
    repo: string;
    generatedAt: string;
    environments: EnvironmentStatus[];
}

/** A type alias, not an interface: Octokit's parameters want an index signature. */
type Repo = { owner: string; repo: string };

function outcomeOf(state: string): Outcome {
    if (["success", "neutral", "skipped"].includes(state)) return "passing";
    if (["queued", "in_progress", "waiting", "requested", "pending", "expected"].includes(state)) return "pending";
    return "failing";
}

function optionalText(value: unknown): string | undefined {
    return typeof value === "string" && value !== "" ? value : undefined;
}

/** A file's text at a commit, or undefined when the commit has no such file. */
async function fileAt(client: GitHubClient, repo: Repo, path: string, sha: string): Promise<string | undefined> {
    try {
        const { data } = await client.request("GET /repos/{owner}/{repo}/contents/{path}", { ...repo, path, ref: sha });
        if (Array.isArray(data) || data.type !== "file" || !("content" in data)) {
            throw new ReadProblem(`${path} is not a file`);
        }
        if (data.encoding !== "base64") throw new ReadProblem(`${path} is too large to read through the API`);
        return Buffer.from(data.content, "base64").toString("utf8");
    } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
    }
}

/** A hydrated file that is there but cannot be read as expected: noted on the release, not fatal. */
class ReadProblem extends Error {}

function yamlOf(text: string, path: string): unknown {
    const doc = YAML.parseDocument(text);
    if (doc.errors.length > 0) throw new ReadProblem(`${path} is not valid YAML`);
    return doc.toJS();
}

function field(value: unknown, ...path: Array<string | number>): unknown {
    let current = value;
    for (const key of path) {
        if (current === null || typeof current !== "object") return undefined;
        current = (current as Record<string | number, unknown>)[key];
    }
    return current;
}

/** Reads one optional hydrated file; a problem with it becomes a line of `problems` instead of an error. */
async function readPart<T>(
    problems: string[],
    read: () => Promise<T | undefined>,
    missing: string,
): Promise<T | undefined> {
    try {
        const value = await read();
        if (value === undefined) problems.push(missing);
        return value;
    } catch (err) {
        if (!(err instanceof ReadProblem)) throw err;
        problems.push(err.message);
        return undefined;
    }
}

async function hydratedRelease(client: GitHubClient, repo: Repo, branch: string): Promise<HydratedRelease> {
    let head: { sha: string; committedAt?: string; url?: string };
    try {
        const { data } = await client.request("GET /repos/{owner}/{repo}/branches/{branch}", { ...repo, branch });
        head = {
            sha: data.commit.sha,
            committedAt: optionalText(data.commit.commit.committer?.date),
            url: optionalText(data.commit.html_url),
        };
    } catch (err) {
        if (isNotFound(err)) return { branch, hydrated: false, reason: `branch ${branch} does not exist` };
        throw err;
    }
    const metadataText = await fileAt(client, repo, HYDRATOR_METADATA_FILE, head.sha);
    if (metadataText === undefined) {
        return { branch, hydrated: false, reason: `${branch} has no ${HYDRATOR_METADATA_FILE}` };
    }
    const problems: string[] = [];
    let metadata: unknown;
    try {
        metadata = JSON.parse(metadataText);
    } catch {
        problems.push(`${HYDRATOR_METADATA_FILE} is not JSON`);
    }
    const [chart, releaseValues] = await Promise.all([
        readPart(
            problems,
            async () => {
                const text = await fileAt(client, repo, CHART_FILE, head.sha);
                return text === undefined ? undefined : yamlOf(text, CHART_FILE);
            },
            `${CHART_FILE} is missing`,
        ),
        readPart(
            problems,
            async () => {
                const text = await fileAt(client, repo, RELEASE_VALUES_FILE, head.sha);
                return text === undefined ? undefined : yamlOf(text, RELEASE_VALUES_FILE);
            },
            `${RELEASE_VALUES_FILE} is missing`,
        ),
    ]);
    const scalar = (value: unknown) =>
        typeof value === "string" || typeof value === "number" ? String(value) : undefined;
    return {
        branch,
        hydrated: true,
        ...head,
        drySha: optionalText(field(metadata, "drySha")),
        repoURL: optionalText(field(metadata, "repoURL")),
        subject: optionalText(field(metadata, "subject")),
        version: scalar(field(chart, "version")),
        chartVersion: scalar(field(chart, "dependencies", 0, "version")),
        imageTag: scalar(field(releaseValues, "global", "imageTag")),
        problems,
    };
}

/** Every check run and commit status on a commit, check runs first, each list sorted by name. */
async function gatesOn(client: GitHubClient, repo: Repo, sha: string): Promise<Gate[]> {
    const [checkRuns, combined] = await Promise.all([
        client.paginate("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
            ...repo,
            ref: sha,
            per_page: PAGE_SIZE,
        }),
        client.request("GET /repos/{owner}/{repo}/commits/{ref}/status", { ...repo, ref: sha, per_page: 100 }),
    ]);
    const runs: Gate[] = checkRuns.map((run) => {
        const state = run.status === "completed" ? (run.conclusion ?? "completed") : run.status;
        return {
            name: run.name,
            source: "check run",
            state,
            outcome: outcomeOf(state),
            description: optionalText(run.output?.title),
            url: optionalText(run.html_url) ?? optionalText(run.details_url),
        };
    });
    const statuses: Gate[] = combined.data.statuses.map((status) => ({
        name: status.context,
        source: "commit status",
        state: status.state,
        outcome: outcomeOf(status.state),
        description: optionalText(status.description),
        url: optionalText(status.target_url),
    }));
    const byName = (a: Gate, b: Gate) => a.name.localeCompare(b.name);
    return [...runs.sort(byName), ...statuses.sort(byName)];
}

async function openPromotion(
    client: GitHubClient,
    repo: Repo,
    environment: string,
    autoMerge: boolean,
): Promise<PromotionRequest | undefined> {
    const { data } = await client.request("GET /repos/{owner}/{repo}/pulls", {
        ...repo,
        state: "open",
        base: environmentBranch(environment),
        head: `${repo.owner}:${proposedBranch(environment)}`,
        per_page: 10,
    });
    const pull = data[0];
    if (pull === undefined) return undefined;
    const reviewers = [
        ...(pull.requested_reviewers ?? []).map((user) => user.login),
        ...(pull.requested_teams ?? []).map((team) => `team ${team.slug}`),
    ];
    return {
        number: pull.number,
        title: pull.title,
        url: pull.html_url,
        headSha: pull.head.sha,
        draft: pull.draft === true,
        autoMerge,
        requestedReviewers: reviewers,
        checks: await gatesOn(client, repo, pull.head.sha),
    };
}

/** The last `count` merged pull requests into the environment branch, newest first. */
async function lastPromotions(
    client: GitHubClient,
    repo: Repo,
    environment: string,
    count: number,
): Promise<Promotion[]> {
    if (count === 0) return [];
    const merged: Promotion[] = [];
    let pages = 0;
    await client.paginate(
        "GET /repos/{owner}/{repo}/pulls",
        {
            ...repo,
            state: "closed",
            base: environmentBranch(environment),
            sort: "updated",
            direction: "desc",
            per_page: PAGE_SIZE,
        },
        (response, done) => {
            for (const pull of response.data) {
                if (pull.merged_at) {
                    merged.push({
                        number: pull.number,
                        title: pull.title,
                        url: pull.html_url,
                        mergedAt: pull.merged_at,
                    });
                }
            }
            pages += 1;
            if (merged.length >= count || pages >= HISTORY_MAX_PAGES) done();
            return [];
        },
    );
    return merged.sort((a, b) => Date.parse(b.mergedAt) - Date.parse(a.mergedAt)).slice(0, count);
}

function releaseName(release: HydratedRelease): string {
    if (!release.hydrated) return "nothing";
    return release.version ? `ServiceRadar ${release.version}` : (release.subject ?? release.sha.slice(0, 12));
}

function sameRelease(a: HydratedRelease, b: HydratedRelease): boolean {
    if (!a.hydrated || !b.hydrated) return false;
    if (a.sha === b.sha) return true;
    return a.drySha !== undefined && a.drySha === b.drySha && a.version === b.version && a.imageTag === b.imageTag;
}

/**
 * What keeps the proposed release from running in this environment: an unmerged pull request and its unfinished
 * checks, a person who has to merge, and the previous environment not yet running it or with gates not green.
 */
function heldBackBy(status: Omit<EnvironmentStatus, "heldBackBy">, previous: EnvironmentStatus | undefined): string[] {
    const { proposed, running, promotion } = status;
    if (!proposed.hydrated || sameRelease(proposed, running)) return [];
    const reasons: string[] = [];
    if (previous !== undefined) {
        if (!sameRelease(previous.running, proposed)) {
            reasons.push(`${previous.environment} does not run ${releaseName(proposed)} yet`);
        }
        for (const gate of previous.gates.filter((gate) => gate.outcome !== "passing")) {
            reasons.push(`${previous.environment}'s gate ${gate.name} is ${gate.state}`);
        }
    }
    if (promotion === undefined) {
        reasons.push(`no promotion pull request is open into ${environmentBranch(status.environment)}`);
        return reasons;
    }
    if (promotion.draft) reasons.push(`pull request #${promotion.number} is a draft`);
    for (const check of promotion.checks.filter((check) => check.outcome !== "passing")) {
        reasons.push(`check ${check.name} on pull request #${promotion.number} is ${check.state}`);
    }
    if (!promotion.autoMerge) {
        const who =
            promotion.requestedReviewers.length > 0
                ? ` (review requested from ${promotion.requestedReviewers.join(", ")})`
                : "";
        reasons.push(`pull request #${promotion.number} waits for a person to merge it${who}`);
    }
    return reasons;
}

/** Fails with the client's error when the repository itself cannot be read, before anything else is asked. */
export async function checkRepositoryAccess(client: GitHubClient, repo: Repo): Promise<void> {
    await client.request("GET /repos/{owner}/{repo}", repo);
}

/** `2025-06-02T12:00:00Z`: ISO 8601 in UTC, without milliseconds unless there are some. */
export function isoTime(date: Date): string {
    return date.toISOString().replace(/\.000Z$/, "Z");
}

export interface CollectOptions {
    historyCount: number;
    now: Date;
}

export async function collectStatus(
    client: GitHubClient,
    settings: StatusSettings,
    options: CollectOptions,
): Promise<StatusReport> {
    const [owner, name] = settings.repo.split("/");
    const repo: Repo = { owner, repo: name };
    await checkRepositoryAccess(client, repo);
    const collected = await Promise.all(
        settings.environments.map(async (environment) => {
            const autoMerge = settings.autoMergeEnvironments.includes(environment);
            const [running, proposed, promotion, history] = await Promise.all([
                hydratedRelease(client, repo, environmentBranch(environment)),
                hydratedRelease(client, repo, proposedBranch(environment)),
                openPromotion(client, repo, environment, autoMerge),
                lastPromotions(client, repo, environment, options.historyCount),
            ]);
            const gates = running.hydrated ? await gatesOn(client, repo, running.sha) : [];
            return { environment, autoMerge, running, proposed, gates, promotion, history };
        }),
    );
    const environments: EnvironmentStatus[] = [];
    for (const status of collected) {
        environments.push({ ...status, heldBackBy: heldBackBy(status, environments[environments.length - 1]) });
    }
    return { repo: settings.repo, generatedAt: isoTime(options.now), environments };
}
