// `npm run promote -- <version> [--force --reason "..."] [--rollback] [--repo owner/name] [--context e2e-tests]
//   [--ref v<version>] [--github-api url] [--timeout 15s] [--root <dir>]`
// Direct mode only: writes demo's version once the e2e gate reported success on the release tag, or, with --force and a
// reason, writes it anyway and records who, when and why above the version key.

import { commandEntry } from "../../lib/cli/entry";
import { Redactor } from "../../lib/cli/redact";
import { controlCharacterIn } from "../../lib/cli/sanitize";
import { ParsedArgs, UsageError, durationOption, parseCommandLine } from "../../lib/cli/args";
import { EXIT, ExitCode } from "../../lib/cli/exitCodes";
import { Output, REPOSITORY_ROOT, ToolContext, contextOutput, guardedOutput, stackOption } from "./args";
import { reportCommandError } from "./commandErrors";
import { DEFAULT_GITHUB_API_URL } from "../../lib/github/client";
import { E2E_STATUS_CONTEXT, isValidRepo } from "../../lib/github/names";
import { FetchLike, describeVerdict, evaluateGate, fetchCommitStatuses } from "./githubStatus";
import { LockedEditOptions } from "../../lib/lockedFile";
import { applyStepOf, promotionModeOf } from "./settings";
import { serviceRadarRepo, stackReleaseConfig } from "./stackSettings";
import {
    PROMOTION_TARGET,
    ProjectInfo,
    STAGING_STACK,
    VersionEditResult,
    editStackVersion,
    readProjectFile,
    readStackFile,
    stackFileName,
    stackValues,
    updateStackFile,
} from "../../config/stackFile";
import { releaseTag } from "../../config/releasePins";
import type { ReleaseConfig } from "../../config/config";
import { isReleaseVersion, movement, stopUnwantedMove, versionArgument } from "./versions";

export const PROMOTE_USAGE = `Usage: npm run promote -- <version> [options]

Direct promotion mode only. Writes <version> into the stack file of --stack (default ${PROMOTION_TARGET}) after checking
that
  - the environment before it in config environments (${STAGING_STACK} for ${PROMOTION_TARGET}) runs <version>, and
  - the commit status <context> on <ref> of the ServiceRadar repository is success
    (GET {api}/repos/{owner}/{repo}/commits/{ref}/status, token from GITHUB_TOKEN).

Options:
  --force              hotfix bypass: skip both checks; needs --reason; recorded as a comment in the stack file
  --reason "<text>"    why the checks are bypassed (required with --force)
  --stack <env>        environment to promote to (default ${PROMOTION_TARGET}); not the first, which npm run release writes
  --rollback           allow a version lower than the environment's current one
  --repo <owner/name>  ServiceRadar repository (default githubOwner/githubRepository of the stack)
  --context <name>     commit status context (default ${E2E_STATUS_CONTEXT})
  --ref <ref>          tag, branch or sha carrying the status (default v<version>)
  --github-api <url>   GitHub API root (default env GITHUB_API_URL or ${DEFAULT_GITHUB_API_URL})
  --timeout <dur>      limit per GitHub request (default 15s)
  --root <dir>         project directory holding Pulumi.yaml and the stack files (default: this repository)
  -h, --help           show this help

Environment: GITHUB_TOKEN (required unless --force), GITHUB_ACTOR or USER (recorded by --force).
Exit codes: 0 written, 1 refused (gate not success, staging mismatch, promoter mode, lower version without
  --rollback), 2 usage or input error, 3 nothing to do (the environment already has that version),
  4 GitHub could not be asked (network, timeout, HTTP 401/403/404/5xx), 5 internal error.`;

export interface PromoteOptions extends LockedEditOptions {
    root: string;
    env: Record<string, string | undefined>;
    fetch?: FetchLike;
    now?: () => Date;
    retryDelayMs?: number;
    /** Size cap of GitHub's answers (default 1 MiB). */
    maxBodyBytes?: number;
}

const MAX_REASON = 300;

function nonEmpty(value: string | undefined): string | undefined {
    return value === undefined || value.trim() === "" ? undefined : value.trim();
}

/** Runs the command; every line it prints or writes has GITHUB_TOKEN removed, whatever GitHub echoed. */
export async function runPromote(argv: readonly string[], given: Output, options: PromoteOptions): Promise<number> {
    const token = nonEmpty(options.env.GITHUB_TOKEN);
    const redactor = new Redactor([token]);
    const io = guardedOutput(given, redactor);
    try {
        return await promote(argv, io, options, token, redactor);
    } catch (err) {
        return reportCommandError("promote", io, err);
    }
}

/** The reason is stored as one line of a YAML comment: control characters would make the file unreadable. */
function checkReason(reason: string): void {
    const control = controlCharacterIn(reason);
    if (control !== undefined) {
        const code = (control.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
        throw new UsageError(`--reason contains a control character (U+${code}); write the reason as plain text`);
    }
}

/**
 * Whether the target may move to `version` as its file reads now: direct mode on both stacks, and not a no-op or an unasked
 * step back. Prints why not and returns the exit code, or undefined to go on.
 */
function refuseMove(
    project: ProjectInfo,
    step: PromotionStep,
    texts: { target: string; staging: string },
    version: string,
    rollback: boolean,
    io: Output,
): ExitCode | undefined {
    const targetFile = stackFileName(step.target);
    // Promotion mode: both environments must be in direct mode; in promoter mode the promoter's PR promotes.
    for (const [stack, text] of [
        [step.target, texts.target],
        [step.source, texts.staging],
    ] as const) {
        const mode = promotionModeOf(project, text, stack);
        if (mode.mode !== "direct") {
            io.err(
                `promote: promotionMode is ${mode.mode} for ${stack} (${mode.source}): GitOps Promoter carries releases from ` +
                    `${step.source} to ${step.target}; merge the promoter's ${step.target} PR instead. ` +
                    `npm run promote only works when promotionMode is direct (${targetFile} unchanged)`,
            );
            return EXIT.refused;
        }
    }
    const current = stackValues(texts.target, project.name, targetFile).version;
    if (!isReleaseVersion(current)) return undefined;
    return stopUnwantedMove(
        "promote",
        { stack: step.target, file: targetFile, from: current, to: version, rollback },
        io,
    );
}

/**
 * The target's configuration as promotion leaves it: in direct mode with the promoted version, which its file may not
 * hold yet (a stack switched from promoter mode has none); in promoter mode as it is (refused below, exit 1).
 */
function promotedConfig(root: string, target: string, version: string): ReleaseConfig {
    const mode = promotionModeOf(readProjectFile(root), readStackFile(root, target), target).mode;
    return stackReleaseConfig(root, target, mode === "direct" ? [`version=${version}`] : []);
}

/** Which environment is written (target) and which one must already run the version (source). */
interface PromotionStep {
    target: string;
    source: string;
}

/**
 * `--stack <env>` promotes to any environment after the first, from the one before it in `environments` (read with
 * the program's parser); without it, demo from demo-staging.
 */
function promotionStep(root: string, args: ParsedArgs, version: string): PromotionStep {
    const target = stackOption(args);
    if (target === undefined) return { target: PROMOTION_TARGET, source: STAGING_STACK };
    const { environments } = promotedConfig(root, target, version);
    const index = environments.indexOf(target);
    if (index <= 0) {
        throw new UsageError(
            `--stack ${JSON.stringify(target)}: expected an environment after the first of ${environments.join(", ")} ` +
                "(the first is written by npm run release)",
        );
    }
    return { target, source: environments[index - 1] };
}

async function promote(
    argv: readonly string[],
    io: Output,
    options: PromoteOptions,
    token: string | undefined,
    redactor: Redactor,
): Promise<number> {
    const args = parseCommandLine(argv, {
        force: "boolean",
        reason: "string",
        rollback: "boolean",
        repo: "string",
        context: "string",
        ref: "string",
        "github-api": "string",
        timeout: "string",
        root: "string",
        stack: "string",
    });
    if (args.help) {
        io.out(PROMOTE_USAGE);
        return EXIT.ok;
    }
    const version = versionArgument(args, "npm run promote -- 1.2.28");
    const force = args.booleans.has("force");
    const rawReason = args.strings.get("reason");
    if (rawReason !== undefined) checkReason(rawReason);
    const reason = nonEmpty(rawReason)?.replace(/\s+/g, " ");
    if (force && reason === undefined) {
        throw new UsageError('--force needs --reason "<why>" (a non-empty reason is recorded in the stack file)');
    }
    if (!force && rawReason !== undefined) throw new UsageError("--reason is only used with --force");
    if (reason !== undefined && reason.length > MAX_REASON) {
        throw new UsageError(`--reason is longer than ${MAX_REASON} characters; link to the incident instead`);
    }
    const timeoutMs = durationOption(args, "timeout", "15s");
    const repoFlag = args.strings.get("repo");
    if (repoFlag !== undefined && !isValidRepo(repoFlag))
        throw new UsageError(`--repo must look like owner/name, got ${JSON.stringify(repoFlag)}`);
    const context = args.strings.get("context") ?? E2E_STATUS_CONTEXT;
    if (context.trim() === "") throw new UsageError("--context must not be empty");
    const ref = args.strings.get("ref") ?? releaseTag(version);
    if (ref.trim() === "") throw new UsageError("--ref must not be empty");
    const apiUrl = args.strings.get("github-api") ?? nonEmpty(options.env.GITHUB_API_URL) ?? DEFAULT_GITHUB_API_URL;
    if (!/^https?:\/\/[^/\s]+/.test(apiUrl))
        throw new UsageError(`--github-api must be an http(s) URL, got ${JSON.stringify(apiUrl)}`);

    const root = args.strings.get("root") ?? options.root;
    const step = promotionStep(root, args, version);
    const project = readProjectFile(root);
    const targetFile = stackFileName(step.target);
    const stagingFile = stackFileName(step.source);
    const targetText = readStackFile(root, step.target);
    const stagingText = readStackFile(root, step.source);

    const rollback = args.booleans.has("rollback");
    const early = refuseMove(project, step, { target: targetText, staging: stagingText }, version, rollback, io);
    if (early !== undefined) return early;

    const staged = stackValues(stagingText, project.name, stagingFile).version;
    const repo = repoFlag ?? serviceRadarRepo(promotedConfig(root, step.target, version));
    let audit: string | undefined;
    if (force) {
        const who =
            nonEmpty(options.env.GITHUB_ACTOR) ??
            nonEmpty(options.env.USER) ??
            nonEmpty(options.env.USERNAME) ??
            "unknown";
        const when = (options.now ?? (() => new Date()))().toISOString();
        const skipped = [`gate ${context} on ${repo}@${ref} not checked`];
        if (staged !== version) skipped.push(`${step.source} runs ${staged ?? "(unset)"}`);
        // The stack file is a sink like the console: a token pasted into the reason is not written there.
        audit = redactor.redact(`${version} by ${who} at ${when} (${skipped.join("; ")}); reason: ${reason}`);
    } else {
        if (staged !== version) {
            io.err(
                `promote: ${step.source} runs ${staged ?? "(no version)"}, not ${version} (${stagingFile}); release it there ` +
                    `first (npm run release -- ${version}${
                        isReleaseVersion(staged) && movement(staged, version) === "backward" ? " --rollback" : ""
                    }) and let the e2e gate pass, or bypass with --force --reason "..." (${targetFile} unchanged)`,
            );
            return EXIT.refused;
        }
        if (token === undefined) {
            throw new UsageError(
                "GITHUB_TOKEN is not set: it is needed to read the e2e commit status (e.g. GITHUB_TOKEN=$(gh auth token))",
            );
        }
        io.out(`Checking commit status "${context}" on ${repo}@${ref} (${apiUrl})...`);
        const fetched = await fetchCommitStatuses({
            apiUrl,
            repo,
            ref,
            token,
            timeoutMs,
            fetch: options.fetch,
            retryDelayMs: options.retryDelayMs,
            maxBodyBytes: options.maxBodyBytes,
        });
        if (!fetched.ok) {
            io.err(`promote: cannot check the gate: ${fetched.message} (${targetFile} unchanged)`);
            return EXIT.gitHubUnreachable;
        }
        const verdict = evaluateGate(fetched.statuses, context, ref, fetched.sha);
        if (verdict.state !== "success") {
            const hint =
                verdict.state === "pending"
                    ? "wait for the e2e gate to finish"
                    : verdict.state === "missing"
                      ? "run the e2e gate (release workflow) or check --context/--ref"
                      : 'fix the release, or bypass with --force --reason "..." for a hotfix';
            io.err(`promote: refusing: ${describeVerdict(verdict, repo)}; ${hint} (${targetFile} unchanged)`);
            return EXIT.refused;
        }
        io.out(`Gate passed: ${describeVerdict(verdict, repo)}`);
    }

    // Judged again under the file's lock, from both files read again: demo may have moved while GitHub was asked,
    // and so may staging (a release of another version meanwhile: the gate that passed is no longer staging's).
    const outcome: { stopped?: ExitCode; edit?: VersionEditResult } = {};
    updateStackFile(
        root,
        step.target,
        (text) => {
            const stagingNow = readStackFile(root, step.source);
            outcome.stopped = refuseMove(project, step, { target: text, staging: stagingNow }, version, rollback, io);
            if (outcome.stopped !== undefined) return undefined;
            const stagedNow = stackValues(stagingNow, project.name, stagingFile).version;
            if (!force && stagedNow !== staged) {
                io.err(
                    `promote: ${step.source} moved to ${stagedNow ?? "(no version)"} while the gate was checked ` +
                        `(${stagingFile}); run promote again (${targetFile} unchanged)`,
                );
                outcome.stopped = EXIT.refused;
                return undefined;
            }
            outcome.edit = editStackVersion(text, { project: project.name, version, audit }, targetFile);
            return outcome.edit.text;
        },
        options,
    );
    if (outcome.stopped !== undefined) return outcome.stopped;
    const edit = outcome.edit as VersionEditResult;
    io.out(`Promoted ${step.target}: version ${edit.previous ?? "(unset)"} -> ${version} in ${targetFile}`);
    for (const note of edit.notes) io.out(`  ${note}`);
    for (const warning of edit.warnings) io.err(`promote: warning: ${warning}`);
    if (audit !== undefined) io.out(`AUDIT forced promotion recorded in ${targetFile}: ${audit}`);
    io.out("");
    io.out("Next:");
    io.out(`  git add ${targetFile} && git commit -m "promote: ServiceRadar ${version} to ${step.target}" && git push`);
    io.out(`  ${applyStepOf(project, readStackFile(root, step.target), step.target, "promote")}`);
    return EXIT.ok;
}

/** `npm run promote -- ...` as a command (what tools/promote.ts runs). */
export const runPromoteCommand = commandEntry("promote", EXIT.internalError, (argv, context: ToolContext) =>
    runPromote(argv, contextOutput(context), { root: context.root ?? REPOSITORY_ROOT, env: context.env }),
);
