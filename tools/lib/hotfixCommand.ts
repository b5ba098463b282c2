// `npm run hotfix -- --environment <env> --pr <number> --reason "<why>" [--repo owner/name] [--actor <login>] [--json]
//   [--api-url <url>] [--root <dir>]`
// GitOps Promoter's own hotfix path (gitops-promoter v0.36.0 docs/faqs.md, "Hotfixes require simply clicking Merge on
// the PR"), in one audited step: the pull request must be the promoter's (environment/<env>-next into
// environment/<env>, open); an audit comment on it records the reason, who asked and the gates' states on its head;
// then it is merged as the promoter merges (internal/scms/github/pullrequest.go Merge: merge_method merge, sha = the
// head that was checked, so a head that moved is refused with 409 and nothing is merged).

import { UsageError } from "../../lib/cli/args";
import { commandEntry } from "../../lib/cli/entry";
import { EXIT } from "../../lib/cli/exitCodes";
import { untrustedText } from "../../lib/cli/sanitize";
import type { GitHubClient } from "../../lib/github/client";
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
import { stackReleaseConfig } from "./stackSettings";

export const HOTFIX_USAGE = `Usage: npm run hotfix -- --environment <env> --pr <number> --reason "<why>" [options]

Merges GitOps Promoter's promotion pull request into environment/<env> now (the promoter's hotfix path), audited:
checks it is the promoter's (head environment/<env>-next, base environment/<env>, open), comments on it with the
reason, the actor and the gates' states on its head, then merges it (merge commit, only if the head is still the one
checked). The hydration repository's rulesets must let the token's identity bypass the required checks (README,
"Bypass and rollback").

Options:
  --environment <env>  environment the pull request promotes into (one of config environments)
  --pr <number>        the promotion pull request
  --reason "<text>"    why (required; one line, at most 300 characters)
  --repo <owner/name>  repository of the environment branches (default hydrationRepository)
  --actor <login>      who asks (default GITHUB_ACTOR, else USER)
  --json               print the audit record as one JSON document
  --api-url <url>      GitHub API root (default env GITHUB_API_URL or https://api.github.com)
  --root <dir>         project directory (default: this repository)
  -h, --help           show this help

Environment: GITHUB_TOKEN (Pull requests and Contents read/write, Checks and Commit statuses read).
Exit codes: 0 merged, 1 refused (not the promoter's pull request, not open, GitHub 405 not mergeable or 422),
  2 usage or configuration error, 4 GitHub could not be asked, 5 internal error, 6 the token lacks access,
  7 rate-limited, 8 the head moved after it was checked (409; nothing merged).`;

interface PullRequest {
    number: number;
    state: string;
    html_url: string;
    head: { ref: string; sha: string; repo: { full_name: string } | null };
    base: { ref: string };
}

export interface GateState {
    name: string;
    state: string;
}

/** The gates on a commit as they stand: every check run (the promoter's gates) and every commit status. */
export async function gatesOf(client: GitHubClient, owner: string, repo: string, sha: string): Promise<GateState[]> {
    const runs = (await client.request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
        owner,
        repo,
        ref: sha,
        per_page: 100,
    })) as { data: { check_runs: { name: string; status: string; conclusion: string | null }[] } };
    const statuses = (await client.request("GET /repos/{owner}/{repo}/commits/{ref}/status", {
        owner,
        repo,
        ref: sha,
        per_page: 100,
    })) as { data: { statuses: { context: string; state: string }[] } };
    return [
        ...runs.data.check_runs.map((run) => ({
            name: run.name,
            state: run.status === "completed" ? (run.conclusion ?? "none") : run.status,
        })),
        ...statuses.data.statuses.map((status) => ({ name: status.context, state: status.state })),
    ];
}

export function describeGates(gates: readonly GateState[]): string {
    return gates.length === 0
        ? "none reported"
        : gates.map((gate) => `${untrustedText(gate.name, 60)}=${untrustedText(gate.state, 20)}`).join(", ");
}

export function runHotfix(argv: readonly string[], given: Output, options: GitHubWriteOptions): Promise<number> {
    return runGitHubWrite(
        {
            name: "hotfix",
            usage: HOTFIX_USAGE,
            flags: { pr: "string" },
            body: (run) => hotfix(run, options),
            hint: (code, doing) =>
                (code === EXIT.refused && /merge/.test(doing)
                    ? '; a ruleset requires checks the token\'s identity may not bypass (README, "Bypass and rollback")'
                    : code === EXIT.headMoved
                      ? "; look at the new head and run hotfix again"
                      : "") + "; nothing was merged",
        },
        argv,
        given,
        options,
    );
}

async function hotfix({ args, io, now, progress }: GitHubWriteRun, options: GitHubWriteOptions): Promise<number> {
    progress("read the pull request");
    const environment = environmentOption(args);
    const prText = args.strings.get("pr");
    if (prText === undefined || !/^[1-9][0-9]{0,9}$/.test(prText)) {
        throw new UsageError("--pr <number> is required: the number of the promotion pull request");
    }
    const pr = Number(prText);
    const reason = reasonOption(args);
    const actor = actorOf(args, options.env);
    const root = args.strings.get("root") ?? options.root;
    // An environment outside the project's list is refused here, by the stack's own configuration.
    const config = stackReleaseConfig(root, environment);
    const repoName = repoOption(args, config.github.hydrationRepository);
    const [owner, repo] = repoName.split("/");
    const { client } = gitHubClientFor("hotfix", args, options, io);

    const pull = (await client.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
        owner,
        repo,
        pull_number: pr,
    })) as { data: PullRequest };
    const live = `environment/${environment}`;
    const next = `${live}-next`;
    const { head, base, state } = pull.data;
    // A fork's pull request may name a branch environment/<env>-next too: only the repository's own is the promoter's.
    const headRepo = head.repo?.full_name ?? "(a deleted fork)";
    if (head.ref !== next || headRepo !== repoName || base.ref !== live || state !== "open") {
        io.err(
            `hotfix: #${pr} in ${repoName} is not the promoter's open pull request into ${live} (head ` +
                `${untrustedText(headRepo, 80)}:${untrustedText(head.ref, 80)}, base ${untrustedText(base.ref, 80)}, ` +
                `${untrustedText(state, 20)}; ` +
                `expected ${next} into ${live}, open); nothing was merged`,
        );
        return EXIT.refused;
    }
    progress(`read the gates of ${head.sha}`);
    const gates = await gatesOf(client, owner, repo, head.sha);
    const record = {
        environment,
        pullRequest: pr,
        url: pull.data.html_url,
        headSha: head.sha,
        reason,
        requestedBy: actor,
        at: now.toISOString(),
        gates,
    };
    progress(`comment on pull request #${pr}`);
    const body = [
        `**Hotfix merge** of this promotion into \`${live}\`, requested by @${actor} at ${record.at}.`,
        "",
        `Reason: ${reason}`,
        "",
        `Head checked: \`${head.sha}\`. Gates on it at that time: ${describeGates(gates)}.`,
        "",
        "Merged by `npm run hotfix` (GitOps Promoter's hotfix path: merging the promotion pull request).",
    ].join("\n");
    await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
        owner,
        repo,
        issue_number: pr,
        body,
        ...ONCE,
    });
    progress(`merge pull request #${pr} at ${head.sha}`);
    const merged = (await client.request("PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge", {
        owner,
        repo,
        pull_number: pr,
        merge_method: "merge",
        sha: head.sha,
        commit_title: `hotfix: promote ${next} into ${live} (#${pr})`,
        commit_message: [`Reason: ${reason}`, `Requested-By: ${actor}`, `Hotfix-Head: ${head.sha}`].join("\n"),
        ...ONCE,
    })) as { data: { sha: string; merged: boolean } };
    const audit = { ...record, mergeSha: merged.data.sha };
    if (args.booleans.has("json")) io.out(JSON.stringify(audit));
    else {
        io.out(
            `AUDIT hotfix merged ${repoName}#${pr} (${next} -> ${live}) at ${head.sha} as ${merged.data.sha} ` +
                `by ${actor} at ${record.at}; gates: ${describeGates(gates)}; reason: ${reason}`,
        );
    }
    return EXIT.ok;
}

/** `npm run hotfix -- ...` as a command (what tools/hotfix.ts runs). */
export const runHotfixCommand = commandEntry("hotfix", EXIT.internalError, (argv, context: ToolContext) =>
    runHotfix(argv, contextOutput(context), { root: context.root ?? REPOSITORY_ROOT, env: context.env }),
);
