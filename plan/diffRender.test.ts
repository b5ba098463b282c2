import * as assert from "node:assert/strict";
import type { PlanDiff } from "./diff";
import { diffMarkdown, diffSummary, diffText } from "./diffRender";
import { emptyPlanDiff } from "../test/support/planDiff";

const COMMIT = "0123456789abcdef0123456789abcdef01234567";
const ns = (name: string) => ({ urn: `urn:${name}`, type: "kubernetes:core/v1:Namespace", name });

/** A diff with every section: each kind of field change, protected and retained deletions, a replacement, outputs, files, findings. */
function fullDiff(): PlanDiff {
    return {
        stack: "demo",
        ref: "main",
        commit: COMMIT,
        stackAtRef: true,
        added: [ns("new-a"), { urn: "urn:b", type: "kubernetes:apps/v1:Deployment", name: "new|b" }],
        changed: [
            {
                ...ns("changed"),
                fields: [
                    { path: "metadata.labels.team", after: "ops" },
                    { path: "metadata.labels.old", before: "x" },
                    { path: "data.text", before: "one\ntwo", after: "one\ntwo\nthree" },
                    { path: "data.tick", before: "a`b", after: "c``d" },
                ],
                replacedBecause: [],
                protect: false,
                retainOnDelete: false,
            },
        ],
        replaced: [
            {
                ...ns("renamed"),
                fields: [
                    { path: "metadata.name", before: "old", after: "new" },
                    { path: "metadata.namespace", before: "a", after: "b" },
                ],
                replacedBecause: ["metadata.name", "metadata.namespace"],
                protect: true,
                retainOnDelete: true,
            },
        ],
        deleted: [{ ...ns("gone"), protect: true, retainOnDelete: false }],
        outputs: [
            { path: "added", after: 1 },
            { path: "removed", before: true },
            { path: "url", before: "https://a", after: "https://b" },
        ],
        hydratedFiles: [
            { environment: "demo", branch: "environment/demo", file: "a.yaml", patch: "--- a\n+++ b\n-x\n+y\n" },
            { environment: "demo", branch: "environment/demo", file: "b.yaml", patch: "--- c\n+++ d\n-```\n+z\n" },
        ],
        policyViolations: {
            introduced: [
                { policy: "no-latest", level: "mandatory", resource: "web", message: "image\nuses latest" },
                { policy: "stack-wide", level: "advisory", message: "whole stack" },
            ],
            resolved: [{ policy: "old-rule", level: "advisory", resource: "db", message: "fixed" }],
        },
    };
}

describe("plan --diff rendering: the text and Markdown a reader sees", () => {
    it("the summary counts each kind of change", () => {
        assert.equal(diffSummary(fullDiff()), "2 to add, 1 to change, 1 to replace, 1 to delete");
    });

    it("the text form lists every section, each field change with its marker, and the findings", () => {
        assert.equal(diffText(fullDiff()), TEXT);
    });

    it("the Markdown form escapes every value into code spans and fences no content can close", () => {
        assert.equal(diffMarkdown(fullDiff()), MARKDOWN);
    });
    it("a side given as undefined reads (absent)", () => {
        const diff = emptyPlanDiff({ outputs: [{ path: "x", before: undefined, after: 1 }] });
        assert.equal(diffText(diff).split("\n").at(-1), "    ~ x: (absent) => 1");
    });

    it("a stack new at the ref says so and that nothing changes, in both forms, without a commit", () => {
        const diff = emptyPlanDiff({ stackAtRef: false });
        assert.equal(
            diffText(diff),
            [
                "Plan diff of stack demo against main: 0 to add, 0 to change, 0 to replace, 0 to delete.",
                "The stack demo does not exist at main: everything is added.",
                "No changes.",
            ].join("\n"),
        );
        assert.equal(
            diffMarkdown(diff),
            [
                "#### demo: 0 to add, 0 to change, 0 to replace, 0 to delete (against ` main `)",
                "",
                "The stack does not exist at ` main `: everything is added.",
                "",
                "No changes.",
            ].join("\n"),
        );
    });

    it("a diff of hydrated files alone is not 'No changes.'", () => {
        const diff = emptyPlanDiff({
            hydratedFiles: [{ environment: "demo", branch: "b", file: "f", patch: "--- a\n+++ b\n+x\n" }],
        });
        assert.equal(
            diffText(diff),
            [
                "Plan diff of stack demo against main: 0 to add, 0 to change, 0 to replace, 0 to delete.",
                "",
                "Hydrated files (environment branches):",
                "--- a",
                "+++ b",
                "+x",
            ].join("\n"),
        );
        assert.equal(
            diffMarkdown(diff),
            [
                "#### demo: 0 to add, 0 to change, 0 to replace, 0 to delete (against ` main `)",
                "",
                "**Hydrated files**",
                "",
                "```diff",
                "--- a",
                "+++ b",
                "+x",
                "```",
            ].join("\n"),
        );
    });

    it("deletions without protection carry no notes, a retained one only its own, and a short commit stays whole", () => {
        const diff = emptyPlanDiff({
            commit: "abc",
            deleted: [
                { ...ns("kept"), protect: false, retainOnDelete: true },
                { ...ns("plain"), protect: false, retainOnDelete: false },
            ],
            replaced: [
                {
                    ...ns("r"),
                    fields: [{ path: "metadata.name", before: "a", after: "b" }],
                    replacedBecause: ["metadata.name"],
                    protect: false,
                    retainOnDelete: false,
                },
            ],
        });
        assert.equal(
            diffText(diff),
            [
                "Plan diff of stack demo against main (abc): 0 to add, 0 to change, 1 to replace, 2 to delete.",
                "",
                "Deletions and replacements:",
                " -   kubernetes:core/v1:Namespace  kept  deleted  [retained on delete: dropped from the state, the live object stays]",
                " -   kubernetes:core/v1:Namespace  plain  deleted",
                " +-  kubernetes:core/v1:Namespace  r  replaced (deleted, then created) because metadata.name changed",
                '       ~ metadata.name: "a" => "b"',
            ].join("\n"),
        );
        assert.equal(
            diffMarkdown(diff),
            [
                "#### demo: 0 to add, 0 to change, 1 to replace, 2 to delete (against ` main (abc) `)",
                "",
                "**Changed**",
                "",
                "| resource | field | before | after |",
                "| --- | --- | --- | --- |",
                '| ` r ` | ` metadata.name ` | ` "a" ` | ` "b" ` |',
                "",
                "**Deletions and replacements**",
                "",
                "- deleted: ` kubernetes:core/v1:Namespace kept ` \\[retained on delete\\: dropped from the state, the live object stays\\]",
                "- deleted: ` kubernetes:core/v1:Namespace plain `",
                "- replaced: ` kubernetes:core/v1:Namespace r ` because ` metadata.name ` changed",
            ].join("\n"),
        );
    });
});

const TEXT = [
    "Plan diff of stack demo against main (0123456789ab): 2 to add, 1 to change, 1 to replace, 1 to delete.",
    "",
    "Added:",
    " +   kubernetes:core/v1:Namespace  new-a",
    " +   kubernetes:apps/v1:Deployment  new|b",
    "",
    "Changed (in place):",
    " ~   kubernetes:core/v1:Namespace  changed",
    '       + metadata.labels.team: "ops"',
    '       - metadata.labels.old: "x"',
    "       ~ data.text: (text, 2 lines) => (text, 3 lines)",
    '       ~ data.tick: "a`b" => "c``d"',
    "",
    "Deletions and replacements:",
    " -   kubernetes:core/v1:Namespace  gone  deleted  [protected: pulumi up refuses to delete it until it is unprotected]",
    " +-  kubernetes:core/v1:Namespace  renamed  replaced (deleted, then created) because metadata.name, metadata.namespace changed  [protected: pulumi up refuses to replace it until it is unprotected; retained on delete: dropped from the state, the live object stays]",
    '       ~ metadata.name: "old" => "new"',
    '       ~ metadata.namespace: "a" => "b"',
    "",
    "Outputs:",
    "    + added: 1",
    "    - removed: true",
    '    ~ url: "https://a" => "https://b"',
    "",
    "Hydrated files (environment branches):",
    "--- a",
    "+++ b",
    "-x",
    "+y",
    "--- c",
    "+++ d",
    "-```",
    "+z",
    "",
    "Policy violations introduced:",
    "    [mandatory] no-latest (web): image uses latest",
    "    [advisory] stack-wide: whole stack",
    "",
    "Policy violations resolved:",
    "    [advisory] old-rule (db): fixed",
].join("\n");
const MARKDOWN = [
    "#### demo: 2 to add, 1 to change, 1 to replace, 1 to delete (against ` main (0123456789ab) `)",
    "",
    "**Added**",
    "",
    "| type | name |",
    "| --- | --- |",
    "| ` kubernetes:core/v1:Namespace ` | ` new-a ` |",
    "| ` kubernetes:apps/v1:Deployment ` | ` new\\|b ` |",
    "",
    "**Changed**",
    "",
    "| resource | field | before | after |",
    "| --- | --- | --- | --- |",
    '| ` changed ` | ` metadata.labels.team ` | (absent) | ` "ops" ` |',
    '| ` changed ` | ` metadata.labels.old ` | ` "x" ` | (absent) |',
    "| ` changed ` | ` data.text ` | ` (text, 2 lines) ` | ` (text, 3 lines) ` |",
    '| ` changed ` | ` data.tick ` | `` "a`b" `` | ``` "c``d" ``` |',
    '| ` renamed ` | ` metadata.name ` | ` "old" ` | ` "new" ` |',
    '| ` renamed ` | ` metadata.namespace ` | ` "a" ` | ` "b" ` |',
    "",
    "**Deletions and replacements**",
    "",
    "- deleted: ` kubernetes:core/v1:Namespace gone ` \\[protected\\: pulumi up refuses to delete it until it is unprotected\\]",
    "- replaced: ` kubernetes:core/v1:Namespace renamed ` because ` metadata.name `, ` metadata.namespace ` changed \\[protected\\: pulumi up refuses to replace it until it is unprotected; retained on delete\\: dropped from the state, the live object stays\\]",
    "",
    "**Outputs**",
    "",
    "| output | before | after |",
    "| --- | --- | --- |",
    "| ` added ` | (absent) | ` 1 ` |",
    "| ` removed ` | ` true ` | (absent) |",
    '| ` url ` | ` "https://a" ` | ` "https://b" ` |',
    "",
    "**Hydrated files**",
    "",
    "````diff",
    "--- a",
    "+++ b",
    "-x",
    "+y",
    "--- c",
    "+++ d",
    "-```",
    "+z",
    "````",
    "",
    "**Policy violations introduced**",
    "",
    "- \\[mandatory\\] no-latest \\(web\\)\\: image uses latest",
    "- \\[advisory\\] stack-wide\\: whole stack",
    "",
    "**Policy violations resolved**",
    "",
    "- \\[advisory\\] old-rule \\(db\\)\\: fixed",
].join("\n");
