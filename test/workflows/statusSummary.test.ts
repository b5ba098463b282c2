import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";

const WORKFLOWS = path.resolve(__dirname, "..", "..", ".github", "workflows");

interface Step {
    name?: string;
    if?: string;
    run?: string;
    env?: Record<string, string>;
}
interface Job {
    needs?: string[];
    if?: string;
    environment?: unknown;
    permissions?: Record<string, string>;
    steps: Step[];
}

function jobs(name: string): Record<string, Job> {
    return (YAML.parse(fs.readFileSync(path.join(WORKFLOWS, name), "utf8")) as { jobs: Record<string, Job> }).jobs;
}

describe(".github/workflows: the release status summary", () => {
    for (const [name, before] of [
        ["release.yml", ["environments", "stage", "e2e"]],
        ["promote.yml", ["environments", "promote"]],
    ] as const) {
        it(`${name}: after every other job, whatever their result, appends npm run status --markdown with a read-only token`, () => {
            const all = jobs(name);
            const job = all.status;
            assert.ok(job, `${name} has a status job`);
            assert.deepEqual(job.needs, [...before]);
            assert.deepEqual(Object.keys(all).sort(), [...before, "status"].sort());
            assert.equal(job.if, "always()");
            assert.deepEqual(job.permissions, { contents: "read" }, "github.token can only read");
            assert.equal(job.environment, undefined, "no environment: none of its secrets");
            const step = job.steps.find((candidate) => candidate.run?.includes("npm run --silent status"));
            assert.ok(step, "a step runs npm run status");
            assert.equal(step.if, "always()");
            assert.match(step.run ?? "", /npm run --silent status -- --markdown >> "\$GITHUB_STEP_SUMMARY"/);
            assert.deepEqual(step.env, { GITHUB_TOKEN: "${{ secrets.SERVICERADAR_STATUS_TOKEN || github.token }}" });
            assert.doesNotMatch(JSON.stringify(job), /ADMIN|KUBECONFIG|PULUMI_ACCESS_TOKEN/);
        });
    }
});
