import * as assert from "assert";
import * as fs from "fs";
import { loadStackConfig, programConfigValues, secretPlaceholder, stackConfigSource } from "./stackConfig";
import { ROOT } from "../test/support/plan";
import { removeDir, stackPath, tempProject } from "../test/tools/helpers";

const key = (name: string) => `serviceradar-release:${name}`;

describe("config/stackConfig: the offline plan's configuration, placeholders given where they are read", () => {
    it("lists as set only what the defaults, the stack file and the overrides set: an absent secret is not set", () => {
        const staging = loadStackConfig(ROOT, "demo-staging");
        const source = stackConfigSource(staging);
        for (const absent of ["adminPassword", "registryToken", "deploymentKubeconfig"]) {
            assert.ok(!source.keys().includes(absent), `${absent} is not set`);
            assert.strictEqual(staging.values[key(absent)], undefined);
            assert.ok(staging.placeholders.includes(absent), `${absent} may be planned with a placeholder`);
        }
        assert.ok(source.keys().includes("coreUrl"));
    });

    it("gives an absent secret its placeholder when the parser reads it, and says which it gave", async () => {
        const given: string[] = [];
        const source = stackConfigSource(loadStackConfig(ROOT, "demo-staging"), (name) => given.push(name));
        const placeholder = source.absentSecret?.("deploymentKubeconfig");
        assert.ok(placeholder, "a placeholder for an absent secret");
        assert.strictEqual(
            await new Promise((resolve) => placeholder.apply(resolve)),
            secretPlaceholder("deploymentKubeconfig"),
        );
        assert.deepStrictEqual(given, ["deploymentKubeconfig"]);
        assert.strictEqual(source.absentSecret?.("coreUrl"), undefined, "a key that is no secret gets none");
    });

    it("hands the program on the mock runtime the placeholders of the secrets its mode reads, and no other", () => {
        const read = (overrides: string[] = []) =>
            Object.keys(programConfigValues(loadStackConfig(ROOT, "demo-staging", overrides)));
        assert.ok(read().includes(key("adminPassword")));
        assert.ok(!read().includes(key("deploymentKubeconfig")), "Deployments are off: its kubeconfig is not read");
        assert.ok(read(["deploymentsEnabled=true"]).includes(key("deploymentKubeconfig")));
    });

    it("an encrypted secret is set: listed with its placeholder as its value", () => {
        const root = tempProject();
        try {
            fs.appendFileSync(stackPath(root, "demo"), "  serviceradar-release:adminPassword:\n    secure: v1:AAAA\n");
            const demo = loadStackConfig(root, "demo");
            assert.ok(stackConfigSource(demo).keys().includes("adminPassword"));
            assert.strictEqual(demo.values[key("adminPassword")], secretPlaceholder("adminPassword"));
            assert.ok(demo.placeholders.includes("adminPassword"));
        } finally {
            removeDir(root);
        }
    });
});
