// docs/status.md: what `npm run status` prints, produced by running it against the loopback stand-in (never written
// by hand). `npx tsx test/support/statusSamples.ts` rewrites the file; test/tools/status.test.ts fails while it is
// stale.

import * as fs from "fs";
import * as path from "path";
import { runStatusCommand } from "../../tools/lib/status/command";
import { StandInRepository, loopbackFetch, startGitHubStandIn } from "./statusStandIn";
import { NOW, TOKEN, gateFailing, rateLimited, waitingForReview } from "./statusScenarios";

export const STATUS_SAMPLES_FILE = path.resolve(__dirname, "../../docs/status.md");

/** Runs the command in-process against a stand-in of `repo`; stdout and stderr as text, and the exit code. */
export async function runAgainstStandIn(
    repo: StandInRepository,
    argv: readonly string[],
    env: Record<string, string | undefined> = { GITHUB_TOKEN: TOKEN },
    root?: string,
): Promise<{ code: number; stdout: string; stderr: string; requests: string[]; schemaErrors: string[] }> {
    const standIn = await startGitHubStandIn(repo, TOKEN);
    let stdout = "";
    let stderr = "";
    try {
        const code = await runStatusCommand(argv, {
            env: { GITHUB_API_URL: standIn.url, ...env },
            stdout: { write: (text: string) => (stdout += text) },
            stderr: { write: (text: string) => (stderr += text) },
            fetch: loopbackFetch,
            now: () => NOW,
            root,
            retryBaseDelayMs: 1,
        });
        return { code, stdout, stderr, requests: standIn.requests, schemaErrors: standIn.schemaErrors };
    } finally {
        await standIn.close();
    }
}

async function sample(repo: StandInRepository, argv: readonly string[]): Promise<string> {
    const { stdout, stderr, code } = await runAgainstStandIn(repo, argv);
    return `${stdout}${stderr}`.trimEnd() + `\n(exit code ${code})`;
}

export async function statusSamplesDocument(): Promise<string> {
    const text = await sample(waitingForReview(), []);
    const markdown = await sample(gateFailing(), ["--markdown"]);
    const limited = await sample(rateLimited(), []);
    return [
        "# `npm run status`: sample outputs",
        "",
        "Produced by running the command against the loopback GitHub stand-in of the tests",
        "(`test/support/statusStandIn.ts`, every answer checked against GitHub's OpenAPI description) with the",
        "repositories of `test/support/statusScenarios.ts`, at a fixed time. Regenerate with",
        "`npx tsx test/support/statusSamples.ts`; the tests fail while this file is stale.",
        "[Where every release stands](commands.md#where-every-release-stands-npm-run-status) describes the command",
        "(what it reads, flags, exit codes).",
        "",
        "## Text: demo's promotion is green and waits for a person",
        "",
        "`npm run status`",
        "",
        "```text",
        text,
        "```",
        "",
        "## Markdown: staging's e2e gate failed, so demo's promotion is held back",
        "",
        "`npm run --silent status -- --markdown` (what the workflows append to `$GITHUB_STEP_SUMMARY`):",
        "",
        "```markdown",
        markdown,
        "```",
        "",
        "Rendered (the exit code line aside, this is what the job summary shows):",
        "",
        markdown
            .replace(/\n\(exit code \d+\)$/, "")
            .replace(/^## /gm, "#### ")
            .replace(/^### /gm, "##### "),
        "",
        "## Rate-limited",
        "",
        "```text",
        limited,
        "```",
        "",
    ].join("\n");
}

if (require.main === module) {
    statusSamplesDocument().then(
        (document) => fs.writeFileSync(STATUS_SAMPLES_FILE, document),
        (err) => {
            process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
            process.exitCode = 1;
        },
    );
}
