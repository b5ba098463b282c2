import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import * as YAML from "yaml";
import { planCommand } from "../../plan/command";
import { EnvironmentEntry, runEnvironments } from "../../tools/lib/environmentsCommand";
import { projectWithCustomerA } from "../support/customerA";
import { ROOT } from "../support/plan";
import { removeDir, setKey } from "../tools/helpers";

// The workflows take their environments from `npm run environments` (tools/environments.ts): no stack is named in
// them, so an environment added to the configuration gets a plan, its gates and a release path without a workflow edit.

const WORKFLOWS = path.join(ROOT, ".github", "workflows");
const NAMES = ["pull-request.yml", "release.yml", "promote.yml"];

function source(name: string): string {
    return fs.readFileSync(path.join(WORKFLOWS, name), "utf8");
}

/** What runs: the workflow without its comments and the human descriptions of its inputs. */
function executablePart(text: string): string {
    return text
        .split("\n")
        .filter((line) => !/^\s*#/.test(line) && !/^\s*description:/.test(line))
        .map((line) => line.replace(/\s+#.*$/, ""))
        .join("\n");
}

/** The `--github-output` lines of the environments command for a project directory, as a map. */
function githubOutput(root: string): Map<string, string> {
    const lines: string[] = [];
    const code = runEnvironments(
        ["--github-output"],
        { out: (l) => lines.push(l), err: (l) => assert.fail(l) },
        { root },
    );
    assert.equal(code, 0);
    return new Map(lines.map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]));
}

/** Every output of the environments step a workflow reads: needs.environments.outputs.X and steps.<id>.outputs.X. */
function environmentOutputsRead(name: string): string[] {
    const workflow = YAML.parse(source(name)) as {
        jobs: Record<string, { steps: { id?: string; run?: string }[]; outputs?: Record<string, string> }>;
    };
    const ids = Object.values(workflow.jobs).flatMap((job) =>
        job.steps
            .filter((step) => /tools\/environments\.ts --github-output/.test(step.run ?? ""))
            .map((step) => step.id),
    );
    const text = source(name);
    return [
        ...[...text.matchAll(/needs\.environments\.outputs\.([a-z0-9_]+)/g)].map((m) => m[1]),
        ...ids.flatMap((id) =>
            [...text.matchAll(new RegExp(`steps\\.${id}\\.outputs\\.([a-z0-9_]+)`, "g"))].map((m) => m[1]),
        ),
    ];
}

describe("the workflows derive their environments from the configuration", () => {
    const root = projectWithCustomerA();
    after(() => removeDir(root));
    setKey(
        root,
        "demo-staging",
        "environmentGates",
        '{"demo-staging": {"e2e": true}, "customer-a": {"e2e": true, "soak": "1h"}}',
    );
    setKey(root, "demo-staging", "autoMergeEnvironments", '["demo-staging", "demo", "customer-a"]');
    const outputs = githubOutput(root);

    it("no workflow names a stack: neither an environment nor a Pulumi.<stack>.yaml", () => {
        const environments = JSON.parse(outputs.get("names") ?? "[]") as string[];
        assert.deepEqual(environments, ["demo-staging", "demo", "customer-a"]);
        for (const name of NAMES) {
            const text = executablePart(source(name));
            for (const environment of environments)
                assert.doesNotMatch(
                    text,
                    new RegExp(`(?<![\\w-])${environment}(?![\\w-])`),
                    `${name} names ${environment}`,
                );
            assert.doesNotMatch(text, /Pulumi\.[A-Za-z0-9]/, `${name} names a stack file`);
        }
    });

    it("every environment output the workflows read is one the command prints", () => {
        for (const name of NAMES) {
            const read = environmentOutputsRead(name);
            assert.match(
                source(name),
                /npx tsx tools\/environments\.ts --github-output/,
                `${name} reads the environments`,
            );
            for (const key of read)
                assert.ok(outputs.has(key), `${name} reads ${key}, which npm run environments does not print`);
        }
    });

    it("customer-a gets a plan (the pull-request loop over names), gates and a release path, with no workflow edit", async () => {
        assert.ok((JSON.parse(outputs.get("names")!) as string[]).includes("customer-a"));
        const plan = await planCommand(["--stack", "customer-a"], { configRoot: root });
        assert.equal(plan.code, 0, plan.stderr);

        // Auto-merged after demo: the release workflow's e2e matrix reaches it, and the job's matrix keys exist.
        const gated = JSON.parse(outputs.get("release_e2e_environments")!) as EnvironmentEntry[];
        const customer = gated.find((entry) => entry.name === "customer-a");
        assert.ok(customer, "customer-a is in the release's e2e matrix");
        assert.equal(customer.soak, "1h");
        for (const [, key] of source("release.yml").matchAll(/matrix\.([a-zA-Z_]+)/g))
            assert.ok(key in customer, `release.yml reads matrix.${key}, which the entries lack`);

        // promote.yml: the environment input is checked against the same list (not the first); customer-a passes.
        const names = JSON.parse(outputs.get("names")!) as string[];
        assert.ok(names.indexOf("customer-a") > 0);
        assert.match(source("promote.yml"), /tools\/environments\.ts --github-output \| sed -n 's\/\^names=\/\/p'/);
    });

    it("a person-merged environment is gated when its promotion runs, not by the release workflow", () => {
        const dir = projectWithCustomerA();
        try {
            setKey(dir, "demo-staging", "environmentGates", '{"demo-staging": {"e2e": true}, "demo": {"e2e": true}}');
            const gated = JSON.parse(githubOutput(dir).get("release_e2e_environments")!) as EnvironmentEntry[];
            assert.deepEqual(
                gated.map((entry) => entry.name),
                ["demo-staging"],
            );
        } finally {
            removeDir(dir);
        }
    });
});
