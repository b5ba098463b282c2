// The same offline plan at another revision of this repository: its files are exported with `git archive` into a
// temporary directory (no worktree is registered, the repository is not touched), the installed node_modules is
// linked in, and that revision's own `plan/cli.ts --json` runs there in a child process. The mock runtime is global
// to a process, so the two revisions' programs cannot share one.

import { execFile, execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { UsageError } from "../lib/cli/args";
import type { PlanDocument } from "./diff";

/** What the plan at the ref produced: the document, or nothing when the stack has no stack file there. */
export interface PlanAtRef {
    commit: string;
    plan?: PlanDocument;
}

const PLAN_TIMEOUT_MS = 300_000;

function git(root: string, args: string[]): string {
    return execFileSync("git", ["-C", root, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

/** The commit a ref names, or a usage error naming the flag, the value and what is allowed. */
export function resolveCommit(root: string, ref: string): string {
    const refused = () =>
        new UsageError(
            `--diff: ${JSON.stringify(ref)} is not a commit of this repository; expected a branch, tag or commit, e.g. origin/main`,
        );
    // A ref is never an option of git's own.
    if (ref === "" || ref.startsWith("-") || /[\0-\x1f\x7f]/.test(ref)) throw refused();
    try {
        return git(root, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]);
    } catch {
        throw refused();
    }
}

function fileExistsAt(root: string, commit: string, file: string): boolean {
    try {
        git(root, ["cat-file", "-e", `${commit}:${file}`]);
        return true;
    } catch {
        return false;
    }
}

function runPlanChild(dir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
        execFile(
            process.execPath,
            ["--import", "tsx", "plan/cli.ts", ...args],
            { cwd: dir, encoding: "utf8", timeout: PLAN_TIMEOUT_MS, maxBuffer: 256 * 1024 * 1024 },
            (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
        );
    });
}

/**
 * The `--json` plan of `stack` at `ref` (resolved to `commit` by resolveCommit), with the same `--config` overrides. A mandatory policy violation there (exit
 * 1) is still a plan; any other failure is an error naming the ref and the plan's own first line.
 */
export async function planAtRef(
    root: string,
    { ref, commit }: { ref: string; commit: string },
    stack: string,
    config: readonly string[],
): Promise<PlanAtRef> {
    if (!fileExistsAt(root, commit, `Pulumi.${stack}.yaml`)) return { commit };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-at-ref-"));
    try {
        const archive = path.join(dir, "revision.tar");
        const tree = path.join(dir, "tree");
        fs.mkdirSync(tree);
        git(root, ["archive", "--format=tar", `--output=${archive}`, commit]);
        execFileSync("tar", ["-xf", archive, "-C", tree], { stdio: "ignore" });
        fs.symlinkSync(path.join(root, "node_modules"), path.join(tree, "node_modules"), "dir");
        const result = await runPlanChild(tree, [
            "--stack",
            stack,
            "--json",
            ...config.flatMap((c) => ["--config", c]),
        ]);
        if ((result.code === 0 || result.code === 1) && result.stdout.trim().startsWith("{")) {
            return { commit, plan: JSON.parse(result.stdout) as PlanDocument };
        }
        const reason = result.stderr.split("\n").find((line) => line.trim() !== "") ?? "no output";
        throw new Error(
            `the plan of ${stack} at ${ref} (${commit.slice(0, 12)}) failed (exit ${result.code}): ${reason}`,
        );
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}
