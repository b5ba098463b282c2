// .github/workflows/discover.yml: scheduled discovery that starts a release the way a person does. The generic checks
// (actionlint, pins, permissions, env-only scripts, bash syntax) are in workflows.test.ts; here what discovery adds.

import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import * as YAML from "yaml";

/** What these checks read of a step (the full shape: workflows.test.ts). */
interface Step {
    id?: string;
    run?: string;
    if?: string;
    env?: Record<string, string>;
}
interface Workflow {
    on: Record<string, unknown>;
    permissions?: unknown;
    concurrency?: { group: string; "cancel-in-progress"?: boolean };
    jobs: Record<string, { permissions?: Record<string, string>; steps: Step[] }>;
}

const WORKFLOWS = path.resolve(__dirname, "..", "..", ".github", "workflows");
const load = (name: string) => YAML.parse(fs.readFileSync(path.join(WORKFLOWS, name), "utf8")) as Workflow;

/** The step whose run script matches, or a failed assertion naming what is missing. */
function stepRunning(workflow: Workflow, pattern: RegExp): Step {
    const step = workflow.jobs.discover.steps.find((s) => s.run !== undefined && pattern.test(s.run));
    assert.ok(step, `discover has a step running ${pattern}`);
    return step;
}

describe(".github/workflows/discover.yml", () => {
    const workflow = load("discover.yml");

    it("runs on a schedule and by hand, one run at a time, never cancelled midway", () => {
        const schedule = workflow.on.schedule as { cron: string }[];
        assert.match(schedule[0].cron, /^\*\/\d+ \* \* \* \*$/);
        assert.ok("workflow_dispatch" in workflow.on);
        assert.equal(workflow.concurrency?.["cancel-in-progress"], false);
        assert.deepEqual(workflow.permissions, {});
        assert.deepEqual(workflow.jobs.discover.permissions, {
            contents: "write",
            actions: "write",
            "pull-requests": "write",
        });
    });

    it("checks with a dry run first, with the registry token only there, and treats exit 3 as nothing to do", () => {
        const find = stepRunning(workflow, /tools\/discover\.ts --stack demo-staging --dry-run --json/);
        assert.equal(find.id, "find");
        assert.equal(find.env?.REGISTRY_TOKEN, "${{ secrets.SERVICERADAR_REGISTRY_TOKEN }}");
        assert.match(find.run ?? "", /3\) found=false/);
        assert.match(find.run ?? "", /\*\) exit "\$code"/);
        const holders = workflow.jobs.discover.steps.filter((s) => JSON.stringify(s).includes("REGISTRY_TOKEN"));
        assert.deepEqual(holders, [find], "no other step sees the registry token");
        assert.equal(find.if, "steps.busy.outputs.busy == 'false'", "nothing is checked while a release runs");
        stepRunning(workflow, /gh run list --repo "\$REPOSITORY" --workflow release\.yml/);
    });

    it("auto: dispatches release.yml with the version found, so the release takes release.yml's own steps", () => {
        const start = stepRunning(workflow, /gh workflow run release\.yml/);
        assert.equal(start.if, "steps.find.outputs.found == 'true' && steps.find.outputs.approval == 'auto'");
        assert.equal(start.env?.VERSION, "${{ steps.find.outputs.version }}");
        assert.match(start.run ?? "", /-f "version=\$\{VERSION\}"/);
        const release = load("release.yml");
        const inputs = (release.on.workflow_dispatch as { inputs: Record<string, unknown> }).inputs;
        assert.ok("version" in inputs, "release.yml takes the version the dispatch sends");
    });

    it("pull-request: npm run release on the discovery branch, pushed, and a pull request opened", () => {
        const propose = stepRunning(workflow, /gh pr create/);
        assert.equal(propose.if, "steps.find.outputs.found == 'true' && steps.find.outputs.approval == 'pull-request'");
        const run = propose.run ?? "";
        const order = [
            /git switch -c "\$BRANCH"/,
            /npm run --silent release -- "\$VERSION"/,
            /git push/,
            /gh pr create/,
        ];
        const positions = order.map((pattern) => run.search(pattern));
        assert.ok(
            positions.every((p) => p >= 0),
            `every step is there: ${positions.join(", ")}`,
        );
        assert.deepEqual(
            [...positions].sort((a, b) => a - b),
            positions,
            "in this order",
        );
        assert.equal(propose.env?.BRANCH, "${{ steps.find.outputs.branch }}");
    });
});
