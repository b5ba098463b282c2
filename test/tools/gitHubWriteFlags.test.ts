// The flags every GitHub-writing tool (rollback, hotfix) shares, read by tools/lib/gitHubCommand.ts: what each accepts
// as it is, what it folds, and the exact usage error for what it refuses (the reason and the actor are recorded in
// commits and comments, the environment names a branch and a file, so each rule matters beyond the message).

import { strict as assert } from "assert";
import { UsageError, parseCommandLine } from "../../lib/cli/args";
import {
    GITHUB_WRITE_FLAGS,
    MAX_REASON,
    actorOf,
    environmentOption,
    reasonOption,
    repoOption,
} from "../../tools/lib/gitHubCommand";

const parsed = (argv: string[]) => parseCommandLine(argv, GITHUB_WRITE_FLAGS, { positionals: false });
const refusal = (message: string) => (err: unknown) => err instanceof UsageError && err.message === message;

describe("the GitHub-writing tools' shared flags", () => {
    describe("--reason", () => {
        it("is folded to one line of single spaces, trimmed", () => {
            assert.equal(
                reasonOption(parsed(["--reason", "  CVE-2026-1:\n\tdemo   exposed \r\n"])),
                "CVE-2026-1: demo exposed",
            );
        });

        it(`takes ${MAX_REASON} characters and refuses one more`, () => {
            assert.equal(reasonOption(parsed(["--reason", "x".repeat(MAX_REASON)])), "x".repeat(MAX_REASON));
            assert.throws(
                () => reasonOption(parsed(["--reason", "x".repeat(MAX_REASON + 1)])),
                refusal(`--reason is longer than ${MAX_REASON} characters; link to the incident instead`),
            );
        });

        for (const [what, argv] of [
            ["missing", []],
            ["blank", ["--reason", " \t "]],
        ] as const) {
            it(`is required (${what})`, () => {
                assert.throws(
                    () => reasonOption(parsed([...argv])),
                    refusal('--reason "<why>" is required (it is recorded)'),
                );
            });
        }

        it("refuses a control character other than tabs and line breaks", () => {
            assert.throws(
                () => reasonOption(parsed(["--reason", "bell\u0007"])),
                refusal("--reason contains a control character; write the reason as one line of plain text"),
            );
        });
    });

    describe("--actor", () => {
        it("is --actor, else GITHUB_ACTOR, else USER, trimmed", () => {
            const env = { GITHUB_ACTOR: "workflow-bot", USER: "local" };
            assert.equal(actorOf(parsed(["--actor", " octocat "]), env), "octocat");
            assert.equal(actorOf(parsed([]), env), "workflow-bot");
            assert.equal(actorOf(parsed([]), { USER: "local" }), "local");
        });

        it("is required", () => {
            assert.throws(
                () => actorOf(parsed([]), {}),
                refusal("--actor is not given and GITHUB_ACTOR is not set: say who asks for this"),
            );
        });

        it("takes a GitHub login's characters, [bot] included, up to 61 characters", () => {
            for (const login of ["dependabot[bot]", "a", `a${"b".repeat(60)}`, "first.last_x-1"]) {
                assert.equal(actorOf(parsed(["--actor", login]), {}), login);
            }
        });

        // A long login is shown cut at 40 characters, as untrusted text is.
        const long = `a${"b".repeat(61)}`;
        for (const [login, shown] of [
            ["-octocat", "-octocat"],
            ["octocat;rm", "octocat;rm"],
            ["octo cat", "octo cat"],
            [long, `${long.slice(0, 40)}… (+22 chars)`],
        ]) {
            it(`refuses ${JSON.stringify(shown)}`, () => {
                assert.throws(
                    () => actorOf(parsed([`--actor=${login}`]), {}),
                    refusal(`--actor ${JSON.stringify(shown)} is not a GitHub login`),
                );
            });
        }
    });

    describe("--environment", () => {
        it("takes a stack name, dots included where they are not the whole name", () => {
            for (const name of ["demo", "demo-staging", "a.b", ".demo", "demo.", "customer_a"]) {
                assert.equal(environmentOption(parsed(["--environment", name])), name);
            }
        });

        for (const name of [".", "..", "x/demo", "demo/x", "demo x", ""]) {
            it(`refuses ${JSON.stringify(name)}`, () => {
                assert.throws(
                    () => environmentOption(parsed([`--environment=${name}`])),
                    refusal(`--environment ${JSON.stringify(name)} is not a stack name`),
                );
            });
        }

        it("is required", () => {
            assert.throws(() => environmentOption(parsed([])), refusal("--environment <env> is required"));
        });
    });

    describe("--repo", () => {
        it("is --repo, else the configured repository", () => {
            assert.equal(repoOption(parsed(["--repo", "octo/elsewhere"]), "carverauto/serviceradar"), "octo/elsewhere");
            assert.equal(repoOption(parsed([]), "carverauto/serviceradar"), "carverauto/serviceradar");
        });

        it("refuses what is not owner/name, the configured one included", () => {
            assert.throws(
                () => repoOption(parsed([]), "serviceradar"),
                refusal('--repo "serviceradar" is not owner/name'),
            );
        });
    });
});
