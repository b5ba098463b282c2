// `npm run rollback -- --environment <env> --to <version> --reason "<why>" [--repo owner/name] [--actor <login>]
//   [--json] [--api-url <url>] [--root <dir>]`
// Rolls one environment straight back to a release it ran before, through its own gates only, in one audited step.
// - direct mode: the environment's stack file `version` goes back to <version> (the stack-file editor, its lock and
//   its audit comment), once the release tag v<version> is found in the ServiceRadar repository.
// - promoter mode: the hydrated commit of environment/<env> that ran <version> is found in the branch's history; the
//   rollback is recorded as a new DRY commit on hydrator/dry (rollback.json: from, to, reason, actor), and that
//   commit's tree, with hydrator.metadata naming the new DRY sha, becomes a new commit on environment/<env>-next. A
//   DRY sha is never reused (README, "Why a DRY commit of its own"): the promoter opens the promotion pull request into
//   environment/<env> and the environment's gates and rulesets apply. Refs only move forward (never force).

import * as YAML from "yaml";
import { UsageError } from "../../lib/cli/args";
import { commandEntry } from "../../lib/cli/entry";
import { EXIT, ExitCode } from "../../lib/cli/exitCodes";
import type { GitHubClient } from "../../lib/github/client";
import { isNotFound } from "../../lib/github/errors";
import { releaseTag } from "../../config/releasePins";
import { DRY_BRANCH, environmentBranch, proposedBranch } from "../../promotion/promoter";
import { HYDRATOR_METADATA_FILE, RELEASE_VALUES_FILE, hydratorMetadata } from "../../promotion/hydratedFiles";
import { Output, REPOSITORY_ROOT, ToolContext, contextOutput } from "./args";
import {
    GitHubWriteOptions,
    ONCE,
    actorOf,
    environmentOption,
    gitHubClientFor,
    runGitHubWrite,
    GitHubWriteRun,
    reasonOption,
    repoOption,
} from "./gitHubCommand";
import { LockedEditOptions } from "../../lib/lockedFile";
import { applyStepOf, promotionModeOf } from "./settings";
import { serviceRadarRepo, stackReleaseConfig } from "./stackSettings";
import {
    VersionEditResult,
    editStackVersion,
    readProjectFile,
    readStackFile,
    stackFileName,
    stackValues,
    updateStackFile,
} from "../../config/stackFile";
import { isReleaseVersion, movement, parseReleaseVersion } from "./versions";

export const ROLLBACK_USAGE = `Usage: npm run rollback -- --environment <env> --to <version> --reason "<why>" [options]

Rolls <env> straight back to <version>, a release it ran before, through its own gates only.
  direct mode:   writes version: <version> into Pulumi.<env>.yaml with an audit comment (the release tag must exist).
  promoter mode: finds the commit of environment/<env> that ran <version>, records the rollback as a new DRY commit on
                 ${DRY_BRANCH}, and commits that content on environment/<env>-next naming it; GitOps Promoter opens the
                 promotion pull request into environment/<env>, behind the environment's gates.
Then make it stick: set the pipeline stack's version to <version> too (npm run release -- <version> --rollback),
or the next pulumi up of the pipeline stack hydrates -next with the stack's version again.

Options:
  --environment <env>  environment to roll back (one of config environments)
  --to <version>       the release to go back to (semver without a leading v)
  --reason "<text>"    why (required; one line, at most 300 characters)
  --repo <owner/name>  promoter mode: hydration repository (default hydrationRepository);
                       direct mode: ServiceRadar repository holding the tag (default githubOwner/githubRepository)
  --actor <login>      who asks (default GITHUB_ACTOR, else USER)
  --json               print the audit record as one JSON document
  --api-url <url>      GitHub API root (default env GITHUB_API_URL or https://api.github.com)
  --root <dir>         project directory (default: this repository)
  -h, --help           show this help

Environment: GITHUB_TOKEN (promoter mode: Contents read/write on the hydration repository, as the hydrator's identity
the rulesets let write environment/<env>-next and ${DRY_BRANCH}; direct mode: Contents read on ServiceRadar's).
Exit codes: 0 rolled back, 1 refused (the environment never ran <version> in its history, or <version> is not older
  than what it runs), 2 usage or configuration error, 3 nothing to do (it already runs <version>), 4 GitHub could not
  be asked, 5 internal error, 6 the token lacks access, 7 rate-limited, 8 a branch moved while it was written.`;

/** Commits of environment/<env> looked at, newest first: the rollback target must be among them. */
export const MAX_HISTORY_COMMITS = 100;

export interface RollbackOptions extends GitHubWriteOptions, LockedEditOptions {}

export interface RollbackRecord {
    environment: string;
    mode: "direct" | "promoter";
    from: string;
    to: string;
    reason: string;
    requestedBy: string;
    at: string;
    /** promoter mode: the hydrated commit that ran <to>, the new DRY commit and the new commit on -next. */
    hydratedCommit?: string;
    drySha?: string;
    nextSha?: string;
    /** direct mode: the stack file written. */
    file?: string;
}

/** The audit trailers of a rollback commit (git's trailer form: one `Key: value` per line at the end). */
export function rollbackTrailers(record: RollbackRecord): string[] {
    return [
        `Rollback-To: ${record.to}`,
        `Rollback-From: ${record.from}`,
        `Reason: ${record.reason}`,
        `Requested-By: ${record.requestedBy}`,
    ];
}

function auditLine(record: RollbackRecord): string {
    const where =
        record.mode === "direct"
            ? `in ${record.file}`
            : `hydrated ${record.hydratedCommit} on ${proposedBranch(record.environment)} as ${record.nextSha}, DRY ${record.drySha}`;
    return (
        `AUDIT rollback ${record.environment} ${record.from} -> ${record.to} (${record.mode} mode) ${where} ` +
        `by ${record.requestedBy} at ${record.at}; reason: ${record.reason}`
    );
}

/** The release a hydrated commit runs: `global.imageTag` of its values-release.yaml without the `v`. */
async function versionAt(client: GitHubClient, owner: string, repo: string, sha: string): Promise<string | undefined> {
    const text = await fileAt(client, owner, repo, RELEASE_VALUES_FILE, sha);
    if (text === undefined) return undefined;
    const doc = YAML.parseDocument(text);
    const tag = doc.errors.length > 0 ? undefined : doc.getIn(["global", "imageTag"]);
    return typeof tag === "string" && /^v/.test(tag) ? tag.slice(1) : undefined;
}

async function fileAt(
    client: GitHubClient,
    owner: string,
    repo: string,
    path: string,
    ref: string,
): Promise<string | undefined> {
    try {
        const file = (await client.request("GET /repos/{owner}/{repo}/contents/{path}", {
            owner,
            repo,
            path,
            ref,
        })) as {
            data: { type?: string; encoding?: string; content?: string };
        };
        if (file.data.type !== "file" || file.data.encoding !== "base64") return undefined;
        return Buffer.from(file.data.content ?? "", "base64").toString("utf8");
    } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
    }
}

async function headOf(client: GitHubClient, owner: string, repo: string, branch: string): Promise<string> {
    const ref = (await client.request("GET /repos/{owner}/{repo}/git/ref/{ref}", {
        owner,
        repo,
        ref: `heads/${branch}`,
    })) as { data: { object: { sha: string } } };
    return ref.data.object.sha;
}

async function treeOf(client: GitHubClient, owner: string, repo: string, sha: string): Promise<string> {
    const commit = (await client.request("GET /repos/{owner}/{repo}/git/commits/{commit_sha}", {
        owner,
        repo,
        commit_sha: sha,
    })) as { data: { tree: { sha: string } } };
    return commit.data.tree.sha;
}

/** A branch moved between reading its head and moving it: nothing is forced, the rollback is run again. */
class BranchMoved extends Error {
    constructor(readonly branch: string) {
        super(
            `${branch} moved while the rollback was written (GitHub refused a ref update that is not a fast-forward)`,
        );
    }
}

/** One commit on top of `parent`: `base`'s tree with `files` replaced, the branch moved to it without force. */
async function commitOnto(
    client: GitHubClient,
    target: { owner: string; repo: string; branch: string; parent: string; base: string },
    files: Record<string, string>,
    message: string,
): Promise<string> {
    const { owner, repo } = target;
    const tree = (await client.request("POST /repos/{owner}/{repo}/git/trees", {
        owner,
        repo,
        base_tree: target.base,
        tree: Object.entries(files).map(([path, content]) => ({
            path,
            mode: "100644" as const,
            type: "blob" as const,
            content,
        })),
        ...ONCE,
    })) as { data: { sha: string } };
    const commit = (await client.request("POST /repos/{owner}/{repo}/git/commits", {
        owner,
        repo,
        message,
        tree: tree.data.sha,
        parents: [target.parent],
        ...ONCE,
    })) as { data: { sha: string } };
    try {
        await client.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", {
            owner,
            repo,
            ref: `heads/${target.branch}`,
            sha: commit.data.sha,
            force: false,
            ...ONCE,
        });
    } catch (err) {
        // A 422 is GitHub's answer to a ref update that is not a fast-forward (someone pushed in between; never
        // forced), but also to one a ruleset refuses. Only a head that is no longer `parent` says the branch moved;
        // otherwise GitHub's own refusal is the reason, and running the rollback again would not help.
        if (
            (err as { status?: unknown }).status === 422 &&
            (await headOf(client, owner, repo, target.branch)) !== target.parent
        ) {
            throw new BranchMoved(target.branch);
        }
        throw err;
    }
    return commit.data.sha;
}

/** Walks environment/<env> newest first: what it runs now, and the newest commit that ran `version`. */
async function findHydrated(
    client: GitHubClient,
    owner: string,
    repo: string,
    branch: string,
    version: string,
): Promise<{ from?: string; hydrated?: string; looked: number }> {
    let from: string | undefined;
    let looked = 0;
    const pages = client.paginate.iterator("GET /repos/{owner}/{repo}/commits", {
        owner,
        repo,
        sha: branch,
        per_page: 30,
    });
    for await (const page of pages) {
        for (const commit of page.data as { sha: string }[]) {
            const ran = await versionAt(client, owner, repo, commit.sha);
            if (looked === 0) from = ran ?? "(unknown)";
            looked++;
            if (ran === version && looked > 1) return { from, hydrated: commit.sha, looked };
            if (ran === version) return { from, looked };
            if (looked >= MAX_HISTORY_COMMITS) return { from, looked };
        }
    }
    return { from, looked };
}

async function rollbackPromoter(
    client: GitHubClient,
    repoName: string,
    record: Omit<RollbackRecord, "from">,
    io: Output,
    progress: (doing: string) => void,
): Promise<[ExitCode, RollbackRecord?]> {
    const [owner, repo] = repoName.split("/");
    const { environment, to } = record;
    const live = environmentBranch(environment);
    const next = proposedBranch(environment);
    progress(`read the history of ${live}`);
    const found = await findHydrated(client, owner, repo, live, to);
    if (found.from === to) {
        io.err(`rollback: ${live} already runs ${to}; nothing to do`);
        return [EXIT.nothingToDo];
    }
    if (found.hydrated === undefined) {
        io.err(
            `rollback: ${live} in ${repoName} did not run ${to} in its last ${found.looked} commits; nothing was written ` +
                "(roll back to a release the environment ran, or release it: npm run release -- <version> --rollback)",
        );
        return [EXIT.refused];
    }
    const from = found.from ?? "(unknown)";
    if (isReleaseVersion(from) && movement(from, to) !== "backward") {
        io.err(`rollback: ${to} is not older than ${from}, which ${live} runs; that is a release, not a rollback`);
        return [EXIT.refused];
    }
    const full: RollbackRecord = { ...record, from, hydratedCommit: found.hydrated };
    progress(`read ${HYDRATOR_METADATA_FILE} of ${found.hydrated}`);
    const metadataText = (await fileAt(client, owner, repo, HYDRATOR_METADATA_FILE, found.hydrated)) ?? "{}";
    let repoURL = `https://github.com/${repoName}`;
    try {
        const parsed = JSON.parse(metadataText) as { repoURL?: unknown };
        if (typeof parsed.repoURL === "string") repoURL = parsed.repoURL;
    } catch {
        // an unreadable metadata file: the repository's own URL
    }
    progress(`read the heads of ${DRY_BRANCH} and ${next}`);
    const hydratedTree = await treeOf(client, owner, repo, found.hydrated);
    const dryHead = await headOf(client, owner, repo, DRY_BRANCH);
    const dryTree = await treeOf(client, owner, repo, dryHead);
    const nextHead = await headOf(client, owner, repo, next);
    const trailers = rollbackTrailers(full).join("\n");
    const subject = `rollback: ${environment} ${from} -> ${to}`;
    const rollbackRecord = {
        environment,
        from,
        to,
        reason: full.reason,
        requestedBy: full.requestedBy,
        at: full.at,
        hydratedCommit: found.hydrated,
    };
    progress(`record the rollback on ${DRY_BRANCH}`);
    full.drySha = await commitOnto(
        client,
        { owner, repo, branch: DRY_BRANCH, parent: dryHead, base: dryTree },
        { "rollback.json": `${JSON.stringify(rollbackRecord, null, 2)}\n` },
        `${subject}\n\n${trailers}\n`,
    );
    progress(`commit the rollback on ${next}`);
    full.nextSha = await commitOnto(
        client,
        { owner, repo, branch: next, parent: nextHead, base: hydratedTree },
        { [HYDRATOR_METADATA_FILE]: hydratorMetadata(full.drySha, repoURL, subject) },
        `${subject}\n\nContent of ${found.hydrated}, which ran ${to}.\n\n${trailers}\nRollback-Dry-Sha: ${full.drySha}\n`,
    );
    return [EXIT.ok, full];
}

/** Direct mode: the release tag must exist (it is what the Application pins), then the stack file is written. */
async function rollbackDirect(
    client: GitHubClient,
    repoName: string,
    record: Omit<RollbackRecord, "from">,
    options: RollbackOptions & { root: string },
    io: Output,
    progress: (doing: string) => void,
): Promise<[ExitCode, RollbackRecord?]> {
    const [owner, repo] = repoName.split("/");
    const tag = releaseTag(record.to);
    progress(`find the release tag ${tag} in ${repoName}`);
    try {
        await client.request("GET /repos/{owner}/{repo}/git/ref/{ref}", { owner, repo, ref: `tags/${tag}` });
    } catch (err) {
        if (!isNotFound(err)) throw err;
        io.err(
            `rollback: ${repoName} has no release tag ${tag}; ${record.environment} cannot run it (nothing written)`,
        );
        return [EXIT.refused];
    }
    const project = readProjectFile(options.root);
    const file = stackFileName(record.environment);
    const outcome: { stopped?: ExitCode; edit?: VersionEditResult; from?: string } = {};
    updateStackFile(
        options.root,
        record.environment,
        (text) => {
            const from = stackValues(text, project.name, file).version ?? "(unset)";
            outcome.from = from;
            if (from === record.to) {
                io.err(`rollback: ${file} already has version ${record.to}; nothing to do`);
                outcome.stopped = EXIT.nothingToDo;
                return undefined;
            }
            if (isReleaseVersion(from) && movement(from, record.to) !== "backward") {
                io.err(`rollback: ${record.to} is not older than ${from} (${file}); that is a release, not a rollback`);
                outcome.stopped = EXIT.refused;
                return undefined;
            }
            const audit = `rollback ${from} -> ${record.to} by ${record.requestedBy} at ${record.at}; reason: ${record.reason}`;
            outcome.edit = editStackVersion(text, { project: project.name, version: record.to, audit }, file);
            return outcome.edit.text;
        },
        options,
    );
    if (outcome.stopped !== undefined) return [outcome.stopped];
    for (const note of outcome.edit?.notes ?? []) io.out(`  ${note}`);
    for (const warning of outcome.edit?.warnings ?? []) io.err(`rollback: warning: ${warning}`);
    return [EXIT.ok, { ...record, from: outcome.from ?? "(unset)", file }];
}

export function runRollback(argv: readonly string[], given: Output, options: RollbackOptions): Promise<number> {
    return runGitHubWrite(
        {
            name: "rollback",
            usage: ROLLBACK_USAGE,
            flags: { to: "string" },
            body: (run) => rollback(run, options),
            own: (err, io) => {
                if (!(err instanceof BranchMoved)) return undefined;
                const where =
                    err.branch === DRY_BRANCH
                        ? "nothing was moved"
                        : `${DRY_BRANCH} holds the record, ${err.branch} was not moved`;
                io.err(`rollback: ${err.message}; ${where}; run rollback again`);
                return EXIT.headMoved;
            },
            hint: (code) => (code === EXIT.headMoved ? "; run rollback again" : ""),
        },
        argv,
        given,
        options,
    );
}

async function rollback({ args, io, now, progress }: GitHubWriteRun, options: RollbackOptions): Promise<number> {
    const environment = environmentOption(args);
    const checked = parseReleaseVersion(args.strings.get("to"));
    if (!checked.ok) throw new UsageError(`--to: ${checked.message}`);
    const reason = reasonOption(args);
    const actor = actorOf(args, options.env);
    const root = args.strings.get("root") ?? options.root;
    const config = stackReleaseConfig(root, environment);
    const project = readProjectFile(root);
    const mode = promotionModeOf(project, readStackFile(root, environment), environment).mode;
    const record = { environment, mode, to: checked.version, reason, requestedBy: actor, at: now.toISOString() };
    const repoName = repoOption(
        args,
        mode === "promoter" ? config.github.hydrationRepository : serviceRadarRepo(config),
    );
    const { client } = gitHubClientFor("rollback", args, options, io);
    const [code, done] =
        mode === "promoter"
            ? await rollbackPromoter(client, repoName, record, io, progress)
            : await rollbackDirect(client, repoName, record, { ...options, root }, io, progress);
    if (done === undefined) return code;
    io.out(args.booleans.has("json") ? JSON.stringify(done) : auditLine(done));
    for (const line of nextSteps(done, config.promotion.pipelineStack, project, root)) io.err(line);
    return code;
}

/** What the operator must do next so the rollback sticks (stderr: stdout is the audit record alone). */
function nextSteps(
    record: RollbackRecord,
    pipelineStack: string,
    project: ReturnType<typeof readProjectFile>,
    root: string,
): string[] {
    if (record.mode === "direct") {
        const file = record.file as string;
        return [
            "Next:",
            `  git add ${file} && git commit -m "rollback: ServiceRadar ${record.to} to ${record.environment}" ` +
                `-m "${rollbackTrailers(record).join("\n")}" && git push`,
            `  ${applyStepOf(project, readStackFile(root, record.environment), record.environment, "rollback")}`,
        ];
    }
    return [
        `Next: GitOps Promoter opens the promotion pull request ${proposedBranch(record.environment)} -> ` +
            `${environmentBranch(record.environment)}; the environment's gates and rulesets apply to it.`,
        `  To make it stick, set the pipeline stack's version too: npm run release -- ${record.to} --rollback ` +
            `--stack ${pipelineStack} (commit and push), or the next pulumi up of ${pipelineStack} hydrates ` +
            `${proposedBranch(record.environment)} with ${record.from} again.`,
    ];
}

/** `npm run rollback -- ...` as a command (what tools/rollback.ts runs). */
export const runRollbackCommand = commandEntry("rollback", EXIT.internalError, (argv, context: ToolContext) =>
    runRollback(argv, contextOutput(context), { root: context.root ?? REPOSITORY_ROOT, env: context.env }),
);
