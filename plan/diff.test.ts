import * as assert from "assert";
import { execFileSync } from "child_process";
import { planCommand } from "./command";
import { diffPlans, PlanDiff, PlanDocument } from "./diff";
import { diffMarkdown, diffText } from "./diffRender";
import { projectWithCustomerA } from "../test/support/customerA";
import { planJson, ROOT } from "../test/support/plan";

/** The diff between two in-process plans of this checkout (the ref side of `--diff` is the same plan at a commit). */
async function diffOf(stack: string, before: string[], after: string[]): Promise<PlanDiff> {
    const [old, now] = await Promise.all([planJson(stack, ...before), planJson(stack, ...after)]);
    return diffPlans(old as unknown as PlanDocument, now as unknown as PlanDocument, { ref: "main" });
}

async function planAt(root: string, stack: string): Promise<PlanDocument> {
    const result = await planCommand(["--stack", stack, "--json"], { configRoot: root });
    assert.strictEqual(result.code, 0, result.stderr);
    return JSON.parse(result.stdout) as PlanDocument;
}

const urns = (list: { urn: string }[]) => list.map((r) => r.urn).sort();

describe("plan --diff: what a change makes a stack declare, compared with the plan at a ref", () => {
    describe("adding customer-a to environments (with its stack file)", () => {
        const root = projectWithCustomerA();

        it("its own stack, absent at the ref, is only additions", async () => {
            const result = await planCommand(["--stack", "customer-a", "--diff", "HEAD", "--json"], {
                configRoot: root,
            });
            assert.strictEqual(result.code, 0, result.stderr);
            const diff = JSON.parse(result.stdout) as PlanDiff;
            assert.strictEqual(diff.stackAtRef, false);
            assert.strictEqual(
                diff.commit,
                execFileSync("git", ["-C", ROOT, "rev-parse", "HEAD"], { encoding: "utf8" }).trim(),
            );
            assert.deepStrictEqual([diff.changed, diff.replaced, diff.deleted], [[], [], []]);
            const plan = await planAt(root, "customer-a");
            assert.deepStrictEqual(urns(diff.added), urns(plan.resources));
            assert.ok(diff.added.some((r) => r.name === "customer-a-namespace"));
        });

        it("the pipeline stack gains customer-a's objects and list entries, and nothing else moves", async () => {
            const diff = await diffPlans(
                (await planJson("demo-staging")) as unknown as PlanDocument,
                await planAt(root, "demo-staging"),
                { ref: "main" },
            );
            assert.deepStrictEqual([diff.replaced, diff.deleted], [[], []]);
            assert.ok(diff.added.length > 0, "customer-a's hydration is added");
            for (const resource of diff.added) assert.match(resource.name, /customer-a/);
            const fields = diff.changed.flatMap((r) => r.fields);
            assert.ok(fields.length > 0, "the promotion strategy lists customer-a");
            for (const field of fields) {
                assert.ok(!("before" in field), `${field.path} only gains a value`);
                assert.match(JSON.stringify(field.after), /customer-a/, field.path);
            }
            assert.ok(diff.hydratedFiles.length > 0);
            for (const file of diff.hydratedFiles) {
                assert.strictEqual(file.branch, "environment/customer-a-next");
                assert.match(file.patch, /^--- \/dev\/null\t/m);
            }
        });
    });

    it("changing imageTag shows that one field of each hydration and the hydrated line", async () => {
        const diff = await diffOf("demo-staging", [], ["imageTag=v1.2.28"]);
        assert.deepStrictEqual([diff.added, diff.replaced, diff.deleted], [[], [], []]);
        const fieldsOf = (names: RegExp) => [
            ...new Set(diff.changed.filter((r) => names.test(r.name)).flatMap((r) => r.fields.map((f) => f.path))),
        ];
        assert.deepStrictEqual(
            diff.changed.map((r) => r.name).sort(),
            ["release-dry", "release-hydrate-demo", "release-hydrate-demo-staging"],
            "the DRY commit and the two hydrations, nothing else",
        );
        // The commit message names the pins too.
        assert.deepStrictEqual(fieldsOf(/^release-hydrate-/).sort(), ['files["values-release.yaml"]', "message"]);
        // The DRY commit records the release's pins and every environment's files (promotion/releaseDryCommit.ts).
        assert.deepStrictEqual(fieldsOf(/^release-dry$/).sort(), [
            'environments.demo["values-release.yaml"]',
            'environments["demo-staging"]["values-release.yaml"]',
            "message",
            "release.imageTag",
        ]);
        assert.deepStrictEqual(diff.outputs, [{ path: "imageTag", before: "v1.2.27", after: "v1.2.28" }]);
        const patches = diff.hydratedFiles.filter((f) => f.file === "values-release.yaml");
        assert.deepStrictEqual(patches.map((f) => f.environment).sort(), ["demo", "demo-staging"]);
        for (const { patch } of patches) assert.match(patch, /^-  imageTag: v1\.2\.27\n\+  imageTag: v1\.2\.28$/m);
        assert.match(diffText(diff), /^-  imageTag: v1\.2\.27$/m);
        assert.match(diffMarkdown(diff), /```diff\n[^]*^\+  imageTag: v1\.2\.28$/m);
    });

    it("switching promotionMode lists every deletion", async () => {
        const [before, after] = await Promise.all([
            planJson("demo-staging"),
            planJson("demo-staging", "promotionMode=direct"),
        ]);
        const diff = await diffPlans(before as unknown as PlanDocument, after as unknown as PlanDocument, {
            ref: "main",
        });
        const kept = new Set(after.resources.map((r) => r.urn));
        const gone = before.resources.filter((r) => !kept.has(r.urn));
        assert.ok(gone.some((r) => r.type === "kubernetes:promoter.argoproj.io/v1alpha1:PromotionStrategy"));
        assert.deepStrictEqual(urns(diff.deleted), urns(gone));
        const text = diffText(diff);
        const section = text.slice(text.indexOf("Deletions and replacements:"));
        for (const resource of gone)
            assert.ok(section.includes(` -   ${resource.type}  ${resource.name}  deleted`), resource.name);
        // The hydrated branches are not deleted with the hydrator (its delete keeps them), but their content leaves the plan.
        assert.ok(diff.hydratedFiles.every((f) => /^\+\+\+ \/dev\/null/m.test(f.patch)));
    });

    it("a renamed namespace is a replacement, and a protected one says pulumi up refuses", async () => {
        const diff = await diffOf(
            "demo",
            ["promotionMode=direct", "version=1.2.27"],
            ["promotionMode=direct", "version=1.2.27", "namespace=demo-two"],
        );
        const namespace = diff.replaced.find((r) => r.type === "kubernetes:core/v1:Namespace");
        assert.deepStrictEqual(namespace?.replacedBecause, ["metadata.name"]);
        assert.match(
            diffText(diff),
            /^ \+- {2}kubernetes:core\/v1:Namespace {2}demo-namespace {2}replaced .* because metadata\.name changed {2}\[protected: pulumi up refuses to replace it until it is unprotected; retained/m,
        );
    });

    it("secrets stay [secret] in every form", async () => {
        const diff = await diffOf(
            "demo",
            [],
            ["registryToken=tok-0123456789abcdef", "coreUrl=https://demo2.serviceradar.cloud"],
        );
        assert.deepStrictEqual(
            diff.outputs.map((f) => f.path),
            ["coreUrl"],
        );
        for (const output of [JSON.stringify(diff), diffText(diff), diffMarkdown(diff)]) {
            assert.doesNotMatch(output, /tok-0123456789abcdef/);
        }
    });

    it("a component renamed with an alias, and its children, are the same resources, not deleted and added", async () => {
        const stack = "urn:pulumi:demo::serviceradar-release::pulumi:pulumi:Stack::serviceradar-release-demo";
        const resource = (
            type: string,
            name: string,
            urn: string,
            parent: string,
            aliases: Record<string, unknown>[] = [],
        ) => ({
            type,
            name,
            urn,
            parent,
            inputs: {},
            options: { protect: false, retainOnDelete: false, aliases },
        });
        const doc = (resources: ReturnType<typeof resource>[]): PlanDocument => ({
            stack: "demo",
            resources,
            outputs: {},
            policyViolations: [],
        });
        const prefix = "urn:pulumi:demo::serviceradar-release::pulumi:pulumi:Stack$";
        const old = `${prefix}serviceradar:release:Deployments::deploy`;
        const now = `${prefix}serviceradar:release:ReleaseDeployments::deploy`;
        const before = doc([
            resource("serviceradar:release:Deployments", "deploy", old, stack),
            resource(
                "pulumiservice:index:DeploymentSettings",
                "deploy-settings",
                `${prefix}serviceradar:release:Deployments$pulumiservice:index:DeploymentSettings::deploy-settings`,
                old,
            ),
        ]);
        const after = doc([
            resource("serviceradar:release:ReleaseDeployments", "deploy", now, stack, [
                { type: "serviceradar:release:Deployments" },
            ]),
            resource(
                "pulumiservice:index:DeploymentSettings",
                "deploy-settings",
                `${prefix}serviceradar:release:ReleaseDeployments$pulumiservice:index:DeploymentSettings::deploy-settings`,
                now,
            ),
        ]);
        const diff = await diffPlans(before, after, { ref: "main" });
        assert.deepStrictEqual([diff.added, diff.deleted, diff.changed, diff.replaced], [[], [], [], []]);
    });

    it("runs the plan at a git ref in a child process and names the commit", async () => {
        const head = execFileSync("git", ["-C", ROOT, "rev-parse", "HEAD"], { encoding: "utf8" }).trim();
        const result = await planCommand(["--stack", "demo", "--diff", "HEAD", "--markdown"]);
        assert.strictEqual(result.code, 0, result.stderr);
        assert.match(
            result.stdout,
            new RegExp(
                `^#### demo: \\d+ to add, \\d+ to change, \\d+ to replace, \\d+ to delete \\(against \` HEAD \\(${head.slice(0, 12)}\\) \`\\)`,
            ),
        );
    });

    it("refuses a ref that is not a commit, or that reads as an option, in one line", async () => {
        for (const ref of ["no-such-branch-xyz", "--output=/tmp/x"]) {
            const result = await planCommand(["--stack", "demo", `--diff=${ref}`]);
            assert.strictEqual(result.code, 2);
            assert.strictEqual(
                result.stderr.split("\n")[0],
                `error: --diff: ${JSON.stringify(ref)} is not a commit of this repository; expected a branch, tag or commit, e.g. origin/main`,
            );
        }
        const both = await planCommand(["--stack", "demo", "--diff", "HEAD", "--json", "--markdown"]);
        assert.match(both.stderr, /^error: --json and --markdown: choose one output format$/m);
    });
});
