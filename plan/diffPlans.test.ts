import * as assert from "node:assert/strict";
import { diffPlans, fieldChanges, isEmptyDiff, PlanDiff, PlanDocument, PlannedResourceDocument } from "./diff";
import { HYDRATED_ENVIRONMENT_KIND } from "../promotion/hydratedEnvironmentKind";
import { emptyPlanDiff } from "../test/support/planDiff";

const STACK = "urn:pulumi:demo::proj";

function resource(
    type: string,
    name: string,
    inputs: Record<string, unknown> = {},
    options: PlannedResourceDocument["options"] = {},
    parent?: string,
): PlannedResourceDocument {
    const parentType = parent === undefined ? "" : `${parent.split("::")[2]}$`;
    return {
        type,
        name,
        urn: `${STACK}::${parentType}${type}::${name}`,
        ...(parent === undefined ? {} : { parent }),
        inputs,
        options,
    };
}

function doc(resources: PlannedResourceDocument[], extra: Partial<PlanDocument> = {}): PlanDocument {
    return { stack: "demo", resources, outputs: {}, policyViolations: [], ...extra };
}

const NS = "kubernetes:core/v1:Namespace";
const names = (list: { name: string }[]) => list.map((r) => r.name);

function hydrator(name: string, inputs: Record<string, unknown>): PlannedResourceDocument {
    return resource("serviceradar:hydrator", name, { kind: HYDRATED_ENVIRONMENT_KIND, ...inputs });
}

describe("plan --diff comparison: what differs between two plan documents", () => {
    describe("fieldChanges", () => {
        it("names array elements by index, and an element gained or lost by one side only", () => {
            assert.deepEqual(fieldChanges({ a: [1, 2] }, { a: [1, 3, 4] }), [
                { path: "a[1]", before: 2, after: 3 },
                { path: "a[2]", after: 4 },
            ]);
            assert.deepEqual(fieldChanges([1, 2, 5], [1]), [
                { path: "[1]", before: 2 },
                { path: "[2]", before: 5 },
            ]);
        });

        it("lists object keys in sorted order, quoting keys that are not identifiers", () => {
            assert.deepEqual(fieldChanges({ z: 1, "b-c": 1, a: { y: 1 } }, { z: 2, "b-c": 2, a: { y: 2 } }), [
                { path: "a.y", before: 1, after: 2 },
                { path: '["b-c"]', before: 1, after: 2 },
                { path: "z", before: 1, after: 2 },
            ]);
        });
    });

    describe("diffPlans", () => {
        it("a stack absent at the ref: everything added in URN order, nothing resolved", async () => {
            const after = doc([resource(NS, "c"), resource(NS, "a"), resource(NS, "b")], {
                outputs: { url: "x" },
                policyViolations: [{ policy: "p", level: "advisory", message: "m" }],
            });
            const diff = await diffPlans(undefined, after, { ref: "main" });
            assert.deepEqual(diff, {
                stack: "demo",
                ref: "main",
                stackAtRef: false,
                added: ["a", "b", "c"].map((n) => ({ urn: `${STACK}::${NS}::${n}`, type: NS, name: n })),
                changed: [],
                replaced: [],
                deleted: [],
                outputs: [{ path: "url", after: "x" }],
                hydratedFiles: [],
                policyViolations: { introduced: [{ policy: "p", level: "advisory", message: "m" }], resolved: [] },
            } satisfies PlanDiff);
        });

        it("sorts changed, replaced and deleted by URN, with each deletion's protection as it was", async () => {
            const before = doc([
                resource(NS, "d3", {}, { protect: true }),
                resource(NS, "d1", {}, { retainOnDelete: true }),
                resource(NS, "d2"),
                resource(NS, "c2", { x: 1 }),
                resource(NS, "c1", { x: 1 }),
                resource(NS, "c3", { x: 1 }),
                resource(NS, "r2", { metadata: { name: "a" } }),
                resource(NS, "r1", { metadata: { name: "a" } }),
                resource(NS, "r3", { metadata: { name: "a" } }),
            ]);
            const after = doc([
                resource(NS, "c2", { x: 2 }),
                resource(NS, "c1", { x: 2 }),
                resource(NS, "c3", { x: 2 }),
                resource(NS, "r2", { metadata: { name: "b" } }),
                resource(NS, "r1", { metadata: { name: "b" } }),
                resource(NS, "r3", { metadata: { name: "b" } }),
            ]);
            const diff = await diffPlans(before, after, { ref: "main", commit: "abc" });
            assert.equal(diff.commit, "abc");
            assert.equal(diff.stackAtRef, true);
            assert.deepEqual(names(diff.changed), ["c1", "c2", "c3"]);
            assert.deepEqual(names(diff.replaced), ["r1", "r2", "r3"]);
            assert.deepEqual(
                diff.deleted.map((r) => [r.name, r.protect, r.retainOnDelete]),
                [
                    ["d1", false, true],
                    ["d2", false, false],
                    ["d3", true, false],
                ],
            );
            assert.deepEqual(diff.changed[0], {
                urn: `${STACK}::${NS}::c1`,
                type: NS,
                name: "c1",
                fields: [{ path: "x", before: 1, after: 2 }],
                replacedBecause: [],
                protect: false,
                retainOnDelete: false,
            });
        });

        it("a changed resource keeps its protection as it was at the ref, and option changes are fields", async () => {
            const before = doc([resource(NS, "a", {}, { protect: true, retainOnDelete: true })]);
            const after = doc([resource(NS, "a", {}, { protect: false, retainOnDelete: true })]);
            const diff = await diffPlans(before, after, { ref: "main" });
            assert.deepEqual(diff.changed, [
                {
                    urn: `${STACK}::${NS}::a`,
                    type: NS,
                    name: "a",
                    fields: [{ path: "options.protect", before: true, after: false }],
                    replacedBecause: [],
                    protect: true,
                    retainOnDelete: true,
                },
            ]);
        });

        it("replaces only for identity fields of the resource's own type, at or under the identity path", async () => {
            const before = doc([
                resource(NS, "a", { metadata: { name: { x: 1 }, labels: { l: 1 } }, type: "t" }),
                resource("kubernetes:core/v1:Secret", "s", { type: ["a"] }),
                resource("github:index/repositoryRuleset:RepositoryRuleset", "g", { metadata: { name: "a" } }),
            ]);
            const after = doc([
                resource(NS, "a", { metadata: { name: { x: 2 }, labels: { l: 2 } }, type: "u" }),
                resource("kubernetes:core/v1:Secret", "s", { type: ["b"] }),
                resource("github:index/repositoryRuleset:RepositoryRuleset", "g", { metadata: { name: "b" } }),
            ]);
            const diff = await diffPlans(before, after, { ref: "main" });
            assert.deepEqual(
                diff.replaced.map((r) => [r.name, r.replacedBecause]),
                [
                    ["a", ["metadata.name.x"]],
                    ["s", ["type[0]"]],
                ],
            );
            assert.deepEqual(names(diff.changed), ["g"]);
        });

        it("an alias by name, by type or by URN matches the resource at the ref; an empty alias URN is ignored", async () => {
            const before = doc([
                resource(NS, "old-name", { v: 1 }),
                resource("old:Type", "t", { v: 1 }),
                resource(NS, "by-urn", { v: 1 }),
                resource(NS, "empty-urn-old", { v: 1 }),
                resource(NS, "numeric-urn-old", { v: 1 }),
            ]);
            const after = doc([
                resource(NS, "new-name", { v: 1 }, { aliases: [{ name: "old-name" }] }),
                resource("new:Type", "t", { v: 1 }, { aliases: [{ type: "old:Type" }] }),
                resource(NS, "moved", { v: 1 }, { aliases: [{ urn: `${STACK}::${NS}::by-urn` }] }),
                resource(NS, "empty-urn-new", { v: 1 }, { aliases: [{ urn: "", name: "empty-urn-old" }] }),
                resource(NS, "numeric-urn-new", { v: 1 }, { aliases: [{ urn: 42, name: "numeric-urn-old" }] }),
            ]);
            const diff = await diffPlans(before, after, { ref: "main" });
            assert.deepEqual([diff.added, diff.deleted, diff.changed, diff.replaced], [[], [], [], []]);
        });

        it("a child of an aliased parent matches under the parent's earlier type", async () => {
            const parentBefore = resource("old:Parent", "p");
            const parentAfter = resource("new:Parent", "p", {}, { aliases: [{ type: "old:Parent" }] });
            const before = doc([parentBefore, resource(NS, "child", {}, {}, parentBefore.urn)]);
            const after = doc([parentAfter, resource(NS, "child", {}, {}, parentAfter.urn)]);
            const diff = await diffPlans(before, after, { ref: "main" });
            assert.deepEqual([diff.added, diff.deleted], [[], []]);
        });

        it("a child whose parent is not in the plan is not matched with a top-level resource of its name", async () => {
            const before = doc([resource(NS, "orphan")]);
            const after = doc([resource(NS, "orphan", {}, {}, `${STACK}::x:Parent::p`)]);
            const diff = await diffPlans(before, after, { ref: "main" });
            assert.deepEqual(
                [diff.added.map((r) => r.urn), diff.deleted.map((r) => r.urn)],
                [[`${STACK}::x:Parent$${NS}::orphan`], [`${STACK}::${NS}::orphan`]],
            );
        });

        it("findings are introduced and resolved by policy, level, resource and message", async () => {
            const v = (message: string) => ({ policy: "p", level: "advisory", resource: "r", message });
            const diff = await diffPlans(
                doc([], { policyViolations: [v("kept"), v("fixed")] }),
                doc([], { policyViolations: [v("kept"), v("new")] }),
                { ref: "main" },
            );
            assert.deepEqual(diff.policyViolations, { introduced: [v("new")], resolved: [v("fixed")] });
        });

        it("a hydrator's branch move replaces it; its files are unified diffs against the ref, in file order", async () => {
            const before = doc([
                hydrator("h", {
                    environment: "demo",
                    branch: "environment/demo",
                    files: { "b.yaml": "b: 1\n", "a.yaml": "a: 1\n", "gone.yaml": "g\n" },
                }),
            ]);
            const after = doc([
                hydrator("h", {
                    environment: "demo",
                    branch: "environment/demo-next",
                    files: { "new.yaml": "n\n", "b.yaml": "b: 2\n", "a.yaml": "a: 2\n" },
                }),
            ]);
            const diff = await diffPlans(before, after, { ref: "main" });
            assert.deepEqual(
                diff.replaced.map((r) => r.replacedBecause),
                [["branch"]],
            );
            assert.deepEqual(
                diff.hydratedFiles.map((f) => [f.environment, f.branch, f.file]),
                [
                    ["demo", "environment/demo-next", "a.yaml"],
                    ["demo", "environment/demo-next", "b.yaml"],
                    ["demo", "environment/demo-next", "gone.yaml"],
                    ["demo", "environment/demo-next", "new.yaml"],
                ],
            );
            const patch = (file: string) => diff.hydratedFiles.find((f) => f.file === file)?.patch;
            assert.equal(
                patch("a.yaml"),
                [
                    "===================================================================",
                    "--- a/environment/demo/a.yaml\tmain",
                    "+++ b/environment/demo-next/a.yaml\tthis change",
                    "@@ -1,1 +1,1 @@",
                    "-a: 1",
                    "+a: 2",
                    "",
                ].join("\n"),
            );
            assert.equal(
                patch("gone.yaml"),
                [
                    "===================================================================",
                    "--- a/environment/demo/gone.yaml\tmain",
                    "+++ /dev/null\tthis change",
                    "@@ -1,1 +0,0 @@",
                    "-g",
                    "",
                ].join("\n"),
            );
            assert.equal(
                patch("new.yaml"),
                [
                    "===================================================================",
                    "--- /dev/null\tmain",
                    "+++ b/environment/demo-next/new.yaml\tthis change",
                    "@@ -0,0 +1,1 @@",
                    "+n",
                    "",
                ].join("\n"),
            );
        });

        it("a hydrator's file change alone updates it in place; one without environment or branch shows '?'", async () => {
            const diff = await diffPlans(
                doc([hydrator("h", { files: { f: "1\n" } })]),
                doc([hydrator("h", { files: { f: "2\n" } })]),
                { ref: "main" },
            );
            assert.deepEqual(names(diff.changed), ["h"]);
            assert.deepEqual(diff.replaced, []);
            assert.deepEqual(
                diff.hydratedFiles.map((f) => [f.environment, f.branch, f.file]),
                [["?", "?", "f"]],
            );
            assert.match(diff.hydratedFiles[0].patch, /^--- a\/\?\/f\tmain$/m);
        });

        it("a hydrator added or gone is all its files; a resource that is not a hydrator has no files", async () => {
            const files = { f: "x\n" };
            const diff = await diffPlans(
                doc([
                    hydrator("gone", { environment: "old-env", branch: "environment/old", files }),
                    resource("other", "gone-other", { files }),
                    resource("other", "kept", { files }),
                ]),
                doc([
                    hydrator("new", { environment: "new-env", branch: "environment/new", files }),
                    resource("other", "kept", { files: { f: "y\n" } }),
                    resource("other", "new-other", { files }),
                ]),
                { ref: "main" },
            );
            assert.deepEqual(
                diff.hydratedFiles.map((f) => [f.environment, f.branch, f.file, f.patch.split("\n")[1]]),
                [
                    ["new-env", "environment/new", "f", "--- /dev/null\tmain"],
                    ["old-env", "environment/old", "f", "--- a/environment/old/f\tmain"],
                ],
            );
        });

        it("a moved hydrator is named by its environment in this change", async () => {
            const diff = await diffPlans(
                doc([hydrator("h", { environment: "before", branch: "b", files: { f: "1\n" } })]),
                doc([hydrator("h", { environment: "after", branch: "b", files: { f: "2\n" } })]),
                { ref: "main" },
            );
            assert.deepEqual(
                diff.hydratedFiles.map((f) => f.environment),
                ["after"],
            );
        });
    });

    describe("isEmptyDiff", () => {
        const empty = emptyPlanDiff();
        const one = { urn: "u", type: "t", name: "n" };
        const changed = { ...one, fields: [], replacedBecause: [], protect: false, retainOnDelete: false };
        const deleted = { ...one, protect: false, retainOnDelete: false };

        it("is true with nothing added, changed, replaced, deleted or output", () => {
            assert.equal(isEmptyDiff(empty), true);
        });

        it("is false when any one list has an entry, or when several do", () => {
            for (const diff of [
                { ...empty, added: [one] },
                { ...empty, changed: [changed] },
                { ...empty, replaced: [changed] },
                { ...empty, deleted: [deleted] },
                { ...empty, outputs: [{ path: "x", after: 1 }] },
                { ...empty, added: [one], changed: [changed] },
                { ...empty, changed: [changed], replaced: [changed] },
                { ...empty, replaced: [changed], deleted: [deleted] },
                { ...empty, deleted: [deleted], outputs: [{ path: "x", after: 1 }] },
            ]) {
                assert.equal(isEmptyDiff(diff), false, JSON.stringify(diff));
            }
        });
    });
});
