import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { EXIT } from "../../lib/cli/exitCodes";
import { EnvironmentEntry, runEnvironments } from "../../tools/lib/environmentsCommand";
import { projectWithCustomerA } from "../support/customerA";
import { capture, removeDir, setKey, tempProject } from "./helpers";

function environments(dir: string, args: string[]) {
    const io = capture();
    const code = runEnvironments(args, io, { root: dir });
    return { code, stdout: io.stdout, stderr: io.stderr.join("\n") };
}

function entries(dir: string): EnvironmentEntry[] {
    const { code, stdout, stderr } = environments(dir, ["--json"]);
    assert.equal(code, EXIT.ok, stderr);
    assert.equal(stdout.length, 1, "one line");
    return JSON.parse(stdout[0]).environments;
}

describe("npm run environments (the workflows' environment list)", () => {
    it("the default layout: demo-staging gated by e2e and auto-merged, demo after it", () => {
        const dir = tempProject();
        try {
            assert.deepEqual(
                entries(dir).map((e) => [e.name, e.position, e.previous ?? null, e.e2e, e.soak, e.autoMerge]),
                [
                    ["demo-staging", 1, null, true, "", true],
                    ["demo", 2, "demo-staging", false, "", false],
                ],
            );
        } finally {
            removeDir(dir);
        }
    });

    it("customer-a appears with its own gates from environmentGates, and in the $GITHUB_OUTPUT lines", () => {
        const dir = projectWithCustomerA();
        try {
            setKey(
                dir,
                "demo-staging",
                "environmentGates",
                '{"demo-staging": {"e2e": true, "soak": "30m"}, "customer-a": {"e2e": true}}',
            );
            const list = entries(dir);
            const customer = list.find((e) => e.name === "customer-a");
            assert.deepEqual(customer, {
                name: "customer-a",
                position: 3,
                previous: "demo",
                autoMerge: false,
                e2e: true,
                soak: "",
                promotionMode: "promoter",
                deploymentsEnabled: false,
                githubRepo: "carverauto/serviceradar-release",
                statusContext: "serviceradar/e2e",
                statusRef: "heads/environment/customer-a",
                // No policies/customer-a.json: judged like demo, the environment before it (lib/policyPackFiles.ts).
                policyConfig: "policies/demo.json",
            });
            for (const env of list) assert.ok(fs.existsSync(path.join(dir, env.policyConfig)), env.policyConfig);
            assert.equal(list[0].soak, "30m");
            const lines = environments(dir, ["--github-output"]).stdout;
            assert.deepEqual(
                lines.map((line) => line.slice(0, line.indexOf("="))),
                [
                    "environments",
                    "names",
                    "first",
                    "first_policy_config",
                    "policy_configs",
                    "e2e_environments",
                    "release_e2e_environments",
                ],
            );
            assert.equal(lines[1], 'names=["demo-staging","demo","customer-a"]');
            assert.equal(lines[2], "first=demo-staging");
            assert.equal(lines[3], "first_policy_config=policies/demo-staging.json");
            assert.equal(
                lines[4],
                'policy_configs={"demo-staging":"policies/demo-staging.json","demo":"policies/demo.json","customer-a":"policies/demo.json"}',
            );
            const gated = JSON.parse(lines[5].slice("e2e_environments=".length)) as EnvironmentEntry[];
            assert.deepEqual(
                gated.map((e) => e.name),
                ["demo-staging", "customer-a"],
            );
        } finally {
            removeDir(dir);
        }
    });

    it("an environment without its stack file is a usage error naming the file", () => {
        const dir = projectWithCustomerA();
        try {
            fs.rmSync(path.join(dir, "Pulumi.customer-a.yaml"));
            const { code, stderr } = environments(dir, ["--json"]);
            assert.equal(code, EXIT.usage);
            assert.match(stderr, /^environments: .*Pulumi\.customer-a\.yaml/);
            assert.equal(stderr.split("\n").length, 1);
        } finally {
            removeDir(dir);
        }
    });

    it("a bad environmentGates is the program's one-line configuration error", () => {
        const dir = tempProject();
        try {
            setKey(dir, "demo-staging", "environmentGates", '{"prod": {"e2e": true}}');
            const { code, stderr } = environments(dir, []);
            assert.equal(code, EXIT.usage);
            assert.match(stderr, /^environments: Invalid configuration serviceradar-release:environmentGates: /);
        } finally {
            removeDir(dir);
        }
    });
});
