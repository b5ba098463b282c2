import { strict as assert } from "node:assert";
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { loadPolicyConfig, policyConfigPath, POLICY_PACK_DIR, reconcilePolicyConfig } from "../../plan/policyConfig";
import { RELEASE_RULES } from "../../plan/environments";
import { PROMOTED_SUFFIX } from "../../policies/lib/promotion";
import { packName, policies } from "../../policies/pack";

const source = (file: string) => fs.readFileSync(path.join(POLICY_PACK_DIR, file), "utf8");

describe("policies/pack", () => {
    it("is the serviceradar-release pack, one policy per file, each with a mirrored test, release rules twinned", () => {
        assert.equal(packName, "serviceradar-release");
        const files = fs
            .readdirSync(POLICY_PACK_DIR)
            .filter((f) => f.endsWith(".ts") && f !== "pack.ts" && f !== "index.ts")
            .map((f) => f.slice(0, -3))
            .sort();
        assert.deepEqual(
            policies.map((p) => p.name).sort(),
            [...files, ...RELEASE_RULES.map((rule) => `${rule}${PROMOTED_SUFFIX}`)].sort(),
        );
        for (const name of files) {
            assert.match(source(`${name}.ts`), new RegExp(`name: "${name}"`), `${name}.ts declares the policy ${name}`);
            assert.ok(fs.existsSync(path.join(__dirname, `${name}.test.ts`)), `test/policies/${name}.test.ts exists`);
        }
        for (const lib of fs
            .readdirSync(path.join(POLICY_PACK_DIR, "lib"))
            .filter((f) => f.endsWith(".ts") && f !== "messages.ts" && f !== "imageInventory.ts")) {
            assert.ok(
                fs.existsSync(path.join(__dirname, "lib", lib.replace(/\.ts$/, ".test.ts"))),
                `test/policies/lib/${lib} has a test`,
            );
        }
    });

    it("gives every policy an actionable description and remediation steps", () => {
        for (const policy of policies) {
            assert.match(policy.name, /^[a-z]+(-[a-z]+)*$/);
            assert.ok(policy.description.length >= 80, policy.name);
            assert.ok((policy.remediationSteps ?? "").length >= 40, policy.name);
        }
    });

    it("declares a configSchema for every policy that reads config, without enforcementLevel", () => {
        for (const policy of policies) {
            const readsConfig = /getConfig/.test(source(`${policy.name.replace(PROMOTED_SUFFIX, "")}.ts`));
            assert.equal(policy.configSchema !== undefined, readsConfig, policy.name);
            assert.equal(policy.configSchema?.properties.enforcementLevel, undefined);
        }
    });

    it("index.ts only constructs the PolicyPack from pack.ts", () => {
        const code = source("index.ts")
            .replace(/\/\/.*$/gm, "")
            .trim()
            .split(/\n+/);
        assert.deepEqual(code, [
            'import { PolicyPack } from "@pulumi/policy";',
            'import { packName, policies } from "./pack";',
            "new PolicyPack(packName, { policies });",
        ]);
    });

    it("is a policy pack the Pulumi CLI can load: PulumiPolicy.yaml and a versioned package.json", () => {
        assert.equal(YAML.parse(source("PulumiPolicy.yaml")).runtime, "nodejs");
        const pkg = JSON.parse(source("package.json"));
        assert.match(pkg.version, /^\d+\.\d+\.\d+$/);
        // Published alone (test/policies/publish.test.ts), the pack installs what it declares: the project's own versions.
        const project = JSON.parse(fs.readFileSync(path.join(POLICY_PACK_DIR, "..", "package.json"), "utf8"));
        const projectVersions = { ...project.devDependencies, ...project.dependencies };
        for (const [name, version] of Object.entries(pkg.dependencies as Record<string, string>)) {
            assert.equal(version, projectVersions[name], `${name} is declared at the project's exact version`);
        }
    });

    for (const stack of ["demo", "demo-staging"]) {
        it(`policies/${stack}.json names only the pack's policies and is valid`, () => {
            const config = loadPolicyConfig(policyConfigPath(stack));
            for (const key of Object.keys(config))
                assert.ok(
                    key === "all" || policies.some((p) => p.name === key),
                    `${stack}.json: unknown policy ${key}`,
                );
            assert.doesNotThrow(() => reconcilePolicyConfig(policies, config));
        });

        it(`policies/${stack}.json judges what it writes for demo at demo's levels`, () => {
            const own = reconcilePolicyConfig(policies, loadPolicyConfig(policyConfigPath(stack)));
            const demo = reconcilePolicyConfig(policies, loadPolicyConfig(policyConfigPath("demo")));
            for (const rule of RELEASE_RULES) {
                assert.equal(own[`${rule}${PROMOTED_SUFFIX}`].enforcementLevel, demo[rule].enforcementLevel, rule);
                assert.equal(demo[rule].enforcementLevel, "mandatory", `${rule} is mandatory in demo`);
            }
        });
    }
});
