import * as assert from "assert";
import { planJson, runPlan } from "../support/plan";

describe("the offline plan enforces the policy pack", () => {
    for (const stack of ["demo-staging", "demo"]) {
        for (const mode of ["promoter", "direct"]) {
            it(`${stack} (${mode}) as configured has no violation`, async () => {
                assert.deepStrictEqual((await planJson(stack, `promotionMode=${mode}`)).policyViolations, []);
            });
        }
    }

    it("demo with imageTag=latest fails naming the policy (mandatory)", async () => {
        const result = await runPlan([
            "--stack",
            "demo",
            "--config",
            "promotionMode=direct",
            "--config",
            "imageTag=latest",
        ]);
        assert.strictEqual(result.code, 1, result.stderr);
        assert.match(
            result.stdout,
            /\[mandatory\] immutable-image-tags \(urn:pulumi:demo::.*Application::demo-application\): [\s\S]*?\n {8}global\.imageTag in spec\.sources\[0\]\.helm\.valuesObject is "latest"/,
        );
        const json = await planJson("demo", "promotionMode=direct", "imageTag=latest");
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

    for (const mode of ["direct", "promoter"]) {
        it(`demo-staging with imageTag=latest passes with an advisory (${mode})`, async () => {
            const result = await runPlan([
                "--stack",
                "demo-staging",
                "--config",
                `promotionMode=${mode}`,
                "--config",
                "imageTag=latest",
            ]);
            assert.strictEqual(result.code, 0, result.stderr);
            assert.match(result.stdout, /\[advisory\] immutable-image-tags/);
            assert.doesNotMatch(result.stdout, /\[mandatory\]/);
        });
    }

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
