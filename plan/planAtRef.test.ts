import * as assert from "node:assert/strict";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { UsageError } from "../lib/cli/args";
import { planAtRef, resolveCommit } from "./planAtRef";
import { ROOT } from "../test/support/plan";

/**
 * A stand-in for a revision's own `plan/cli.ts`: it prints a plan document naming the arguments it got, or, when a
 * `--config mode=...` asks, fails the ways a real plan can.
 */
const FAKE_CLI = `
const args = process.argv.slice(2);
const mode = (args.find((a) => a.startsWith("mode=")) ?? "mode=ok").slice(5);
const plan = JSON.stringify({ stack: "demo", resources: [], outputs: { args, size: "x".repeat(400) }, policyViolations: [] });
if (mode === "ok") { process.stdout.write("  " + plan + "\\n"); }
else if (mode === "violation") { process.stdout.write(plan); process.exitCode = 1; }
else if (mode === "fail") { process.stderr.write("\\n  \\nboom: the plan broke\\nsecond line\\n"); process.exitCode = 3; }
else if (mode === "text") { process.stdout.write("not a plan\\n"); }
else if (mode === "silent") { process.exitCode = 2; }
else if (mode === "cwd") { process.stdout.write(JSON.stringify({ stack: "demo", resources: [], outputs: { cwd: process.cwd() }, policyViolations: [] })); }
else if (mode === "failjson") { process.stdout.write(plan); process.exitCode = 2; }
`;

function git(root: string, ...args: string[]): string {
    return execFileSync("git", ["-C", root, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

describe("plan --diff at a ref: the plan of another revision of the repository", () => {
    let root: string;
    let commit: string;
    // Run from a scratch directory, so a broken extraction (tar without its -C) cannot write into the project.
    const cwd = process.cwd();
    let scratch: string;

    before(() => {
        root = fs.mkdtempSync(path.join(os.tmpdir(), "plan-at-ref-test-"));
        git(root, "init", "-q", "-b", "main");
        git(root, "config", "user.email", "t@example.com");
        git(root, "config", "user.name", "t");
        fs.mkdirSync(path.join(root, "plan"));
        fs.writeFileSync(path.join(root, "plan", "cli.ts"), FAKE_CLI);
        fs.writeFileSync(path.join(root, "Pulumi.demo.yaml"), "config: {}\n");
        git(root, "add", ".");
        git(root, "commit", "-q", "-m", "one");
        git(root, "branch", "release-");
        commit = git(root, "rev-parse", "HEAD");
        // Installed packages are linked into the exported tree, as the project's own are.
        fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(root, "node_modules"), "dir");
        scratch = fs.mkdtempSync(path.join(os.tmpdir(), "plan-at-ref-cwd-"));
        process.chdir(scratch);
    });

    after(() => {
        process.chdir(cwd);
        fs.rmSync(root, { recursive: true, force: true });
        fs.rmSync(scratch, { recursive: true, force: true });
    });

    describe("resolveCommit", () => {
        it("resolves a branch, a tag-like name ending in '-' and a commit to the commit", () => {
            assert.equal(resolveCommit(root, "main"), commit);
            assert.equal(resolveCommit(root, "release-"), commit);
            assert.equal(resolveCommit(root, commit.slice(0, 10)), commit);
        });

        it("refuses an empty ref, an option, a control character or an unknown name with one usage error", () => {
            for (const ref of ["", "-h", "--output=/tmp/x", "main\n", "ma\u0001in", "main\u007f", "no-such-branch"]) {
                assert.throws(
                    () => resolveCommit(root, ref),
                    (error: unknown) =>
                        error instanceof UsageError &&
                        error.message ===
                            `--diff: ${JSON.stringify(ref)} is not a commit of this repository; expected a branch, tag or commit, e.g. origin/main`,
                    JSON.stringify(ref),
                );
            }
        });
    });

    describe("planAtRef", () => {
        const at = () => ({ ref: "main", commit });

        it("a stack with no stack file at the ref has no plan there", async () => {
            assert.deepEqual(await planAtRef(root, at(), "other", []), { commit });
        });

        it("runs that revision's plan with the stack, --json and every --config override", async () => {
            const result = await planAtRef(root, at(), "demo", ["a=1", "b=2"]);
            assert.deepEqual(result, {
                commit,
                plan: {
                    stack: "demo",
                    resources: [],
                    // Larger than a small output buffer would hold.
                    outputs: {
                        args: ["--stack", "demo", "--json", "--config", "a=1", "--config", "b=2"],
                        size: "x".repeat(400),
                    },
                    policyViolations: [],
                },
            });
        });

        it("a plan with a mandatory violation (exit 1) is still a plan", async () => {
            const result = await planAtRef(root, at(), "demo", ["mode=violation"]);
            assert.deepEqual(result.plan?.outputs, {
                args: ["--stack", "demo", "--json", "--config", "mode=violation"],
                size: "x".repeat(400),
            });
        });

        it("any other failure names the stack, the ref, the short commit, the exit code and the first line said", async () => {
            const failure = (code: number, reason: string) =>
                `the plan of demo at main (${commit.slice(0, 12)}) failed (exit ${code}): ${reason}`;
            const cases: Array<[string, string]> = [
                ["mode=fail", failure(3, "boom: the plan broke")],
                ["mode=text", failure(0, "no output")],
                ["mode=failjson", failure(2, "no output")],
            ];
            for (const [config, message] of cases) {
                await assert.rejects(planAtRef(root, at(), "demo", [config]), { message }, config);
            }
        });

        it("leaves no temporary directory behind, whether the plan succeeds or fails", async () => {
            const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "plan-at-ref-tmp-"));
            const saved = process.env.TMPDIR;
            process.env.TMPDIR = tmp;
            try {
                const { plan } = await planAtRef(root, at(), "demo", ["mode=cwd"]);
                // The revision is exported into its own temporary directory.
                assert.match(
                    (plan?.outputs as { cwd: string }).cwd,
                    new RegExp(`^${fs.realpathSync(tmp)}/plan-at-ref-[^/]+/tree$`),
                );
                await assert.rejects(planAtRef(root, at(), "demo", ["mode=fail"]));
                // (The plan's own tsx caches its files there too.)
                assert.deepEqual(
                    fs.readdirSync(tmp).filter((entry) => entry.startsWith("plan-at-ref-")),
                    [],
                );
            } finally {
                if (saved === undefined) delete process.env.TMPDIR;
                else process.env.TMPDIR = saved;
                fs.rmSync(tmp, { recursive: true, force: true });
            }
        });
    });
});
