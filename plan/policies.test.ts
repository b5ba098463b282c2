import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { packName } from "../policies/pack";
import { PlanJson, planJson, ROOT, runPlan } from "../test/support/plan";

/** demo in direct mode: its stack file has no version (demo-staging decides it in promoter mode), so it is given. */
const DEMO_DIRECT = ["promotionMode=direct", "version=1.2.27"];
const DEMO_DIRECT_ARGS = DEMO_DIRECT.flatMap((c) => ["--config", c]);

describe("the offline plan enforces the policy pack", () => {
    for (const stack of ["demo-staging", "demo"]) {
        for (const mode of ["promoter", "direct"]) {
            it(`${stack} (${mode}) as configured has no violation`, async () => {
                const config = mode === "direct" ? DEMO_DIRECT : [`promotionMode=${mode}`];
                assert.deepStrictEqual((await planJson(stack, ...config)).policyViolations, []);
            });
        }
    }

    it("demo with imageTag=latest fails naming the policy (mandatory)", async () => {
        const result = await runPlan(["--stack", "demo", ...DEMO_DIRECT_ARGS, "--config", "imageTag=latest"]);
        assert.strictEqual(result.code, 1, result.stderr);
        assert.match(
            result.stdout,
            /\[mandatory\] immutable-image-tags \(urn:pulumi:demo::.*Application::demo-application\): [\s\S]*?\n {8}global\.imageTag in spec\.sources\[0\]\.helm\.valuesObject is "latest"/,
        );
        const json = await planJson("demo", ...DEMO_DIRECT, "imageTag=latest");
        const policies = new Set(json.policyViolations.map((v) => v.policy));
        assert.ok(
            policies.has("immutable-image-tags") && policies.has("chart-image-version-agreement"),
            [...policies].join(),
        );
        assert.ok(json.policyViolations.every((v) => v.level === "mandatory"));
    });

    it("demo in promoter mode refuses imageTag outright: the promoter decides what demo runs", async () => {
        const result = await runPlan(["--stack", "demo", "--config", "imageTag=latest"]);
        assert.strictEqual(result.code, 2);
        assert.match(
            result.stderr,
            /^error: Invalid configuration serviceradar-release:imageTag: "latest"; expected it unset on demo in promoter mode/,
        );
    });

    const UNPINNED = [
        "imageTag=latest",
        "imageTag=main",
        "chartVersion=>=1.0.0",
        "chartVersion=*",
        "version=1.2.28-rc.1",
    ];
    const RULE_OF = (override: string) =>
        override.startsWith("imageTag")
            ? "immutable-image-tags"
            : override.startsWith("chartVersion")
              ? "pinned-chart-version"
              : "no-prerelease";

    for (const override of UNPINNED) {
        it(`promoter mode: ${override} on the pipeline stack is a mandatory violation naming the policy and demo`, async () => {
            // One --json plan: its exit code is the command's, its violations are what the text lists.
            const result = await runPlan(["--stack", "demo-staging", "--json", "--config", override]);
            assert.strictEqual(result.code, 1, result.stdout);
            const json = JSON.parse(result.stdout) as PlanJson;
            const rule = RULE_OF(override);
            const promoted = json.policyViolations.filter((v) => v.policy === `${rule}-promoted`);
            assert.ok(promoted.length > 0, `${rule}-promoted fires`);
            for (const violation of promoted) {
                assert.strictEqual(violation.level, "mandatory");
                assert.match(String(violation.resource), /::release-hydrate-demo$/);
                assert.match(
                    violation.message,
                    /\[reaches demo: written by demo-staging's stack for demo, judged at demo's level\]/,
                );
            }
            const mandatory = json.policyViolations.filter((v) => v.level === "mandatory");
            assert.ok(mandatory.length > 0);
            for (const violation of mandatory) {
                assert.match(violation.policy, /-promoted$/);
                assert.match(
                    String(violation.resource),
                    /release-hydrate-demo$/,
                    "only what reaches demo is mandatory",
                );
            }
            assert.ok(
                json.policyViolations
                    .filter((v) => String(v.resource).endsWith("release-hydrate-demo-staging"))
                    .every((v) => v.level !== "mandatory"),
                "what stays in demo-staging keeps demo-staging's levels",
            );
        });

        it(`direct mode: ${override} passes on demo-staging without a mandatory finding, and fails on demo`, async () => {
            const staging = await runPlan([
                "--stack",
                "demo-staging",
                "--config",
                "promotionMode=direct",
                "--config",
                override,
            ]);
            assert.strictEqual(staging.code, 0, staging.stdout);
            assert.doesNotMatch(staging.stdout, /\[mandatory\]/);
            const demo = await runPlan(["--stack", "demo", ...DEMO_DIRECT_ARGS, "--config", override]);
            assert.strictEqual(demo.code, 1, demo.stdout);
            assert.match(demo.stdout, new RegExp(`\\[mandatory\\] ${RULE_OF(override)} `));
        });
    }

    it("direct mode: demo-staging may run latest, with an advisory and a pull policy of Always", async () => {
        const result = await runPlan([
            "--stack",
            "demo-staging",
            "--config",
            "promotionMode=direct",
            "--config",
            "imageTag=latest",
        ]);
        assert.strictEqual(result.code, 0, result.stderr);
        assert.match(result.stdout, /\[advisory\] immutable-image-tags /);
        assert.doesNotMatch(result.stdout, /\[mandatory\]/);
    });

    it("shows per environment what it will run and the levels it was judged at", async () => {
        const result = await runPlan(["--stack", "demo-staging"]);
        assert.match(
            result.stdout,
            /What each environment will run \(promotion order\):\n {4}demo-staging \(1 of 2, first\): chart serviceradar 1\.2\.27, images v1\.2\.27, values carverauto\/serviceradar@v1\.2\.27:helm\/serviceradar\/values-demo-staging\.yaml\n {8}judged at demo-staging's levels: immutable-image-tags advisory, pinned-chart-version advisory, chart-image-version-agreement advisory, no-prerelease disabled\n {4}demo \(2 of 2, after demo-staging\): chart serviceradar 1\.2\.27, images v1\.2\.27, values carverauto\/serviceradar@v1\.2\.27:helm\/serviceradar\/values-demo\.yaml\n {8}written here for demo, which runs it only after the gates before it; judged at demo's levels: immutable-image-tags-promoted mandatory, pinned-chart-version-promoted mandatory, chart-image-version-agreement-promoted mandatory, no-prerelease-promoted mandatory\n/,
        );
        const direct = await runPlan(["--stack", "demo", ...DEMO_DIRECT_ARGS]);
        assert.match(
            direct.stdout,
            /demo \(2 of 2, after demo-staging\): chart serviceradar 1\.2\.27, images v1\.2\.27, values https:\/\/github\.com\/carverauto\/serviceradar\.git@v1\.2\.27:helm\/serviceradar\/values-demo\.yaml\n {8}judged at demo's levels: immutable-image-tags mandatory/,
        );
    });

    it("a pre-release is refused in demo and allowed in demo-staging", async () => {
        const demo = await planJson("demo", "promotionMode=direct", "version=1.3.0-rc.1");
        assert.ok(demo.policyViolations.some((v) => v.policy === "no-prerelease" && v.level === "mandatory"));
        const staging = await planJson("demo-staging", "promotionMode=direct", "version=1.3.0-rc.1");
        assert.ok(!staging.policyViolations.some((v) => v.policy === "no-prerelease"));
    });

    it("an unprotected demo is a mandatory data-safety violation", async () => {
        const result = await runPlan(["--stack", "demo", "--config", "protect=false"]);
        assert.strictEqual(result.code, 1);
        assert.match(result.stdout, /\[mandatory\] data-safety/);
    });

    it("staging with a mutable tag and IfNotPresent is told to pull Always", async () => {
        const json = await planJson(
            "demo-staging",
            "promotionMode=direct",
            "imageTag=latest",
            "imagePullPolicy=IfNotPresent",
        );
        assert.ok(json.policyViolations.some((v) => v.policy === "mutable-tags-pull-always" && v.level === "advisory"));
    });
});

describe("Pulumi Deployments runs the policy pack", () => {
    // Deployments takes no --policy-pack: the stack's Deployments settings come with a preventative policy group that
    // holds the stack and the published pack, configured with the stack's own policy file.
    for (const stack of ["demo-staging", "demo"]) {
        it(`${stack}: a preventative policy group with the pack at policies/${stack}.json's levels`, async () => {
            const plan = await planJson(stack, "deploymentsEnabled=true");
            const groups = plan.resources.filter((r) => r.type === "pulumiservice:index:PolicyGroup");
            assert.strictEqual(groups.length, 1);
            const group = groups[0].inputs;
            assert.strictEqual(group.organizationName, "carverauto");
            assert.strictEqual(group.mode, "preventative");
            assert.strictEqual(group.entityType, "stacks");
            assert.deepStrictEqual(group.stacks, [{ name: stack, routingProject: "serviceradar-release" }]);
            const policyFile = JSON.parse(fs.readFileSync(path.join(ROOT, "policies", `${stack}.json`), "utf8"));
            const packVersion = JSON.parse(
                fs.readFileSync(path.join(ROOT, "policies", "package.json"), "utf8"),
            ).version;
            assert.deepStrictEqual(group.policyPacks, [
                { name: packName, versionTag: packVersion, config: policyFile },
            ]);
        });
    }

    it("no policy group without Deployments (CI's pulumi/actions passes the pack itself)", async () => {
        const plan = await planJson("demo");
        assert.ok(!plan.resources.some((r) => r.type === "pulumiservice:index:PolicyGroup"));
    });
});
