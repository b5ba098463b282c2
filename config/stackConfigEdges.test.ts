// The offline plan's configuration at its edges: `--config` assignments as the CLI takes them, a secret that is set,
// and the report of placeholders (sorted, and only for what is absent or encrypted).
import * as assert from "assert";
import { loadStackConfig, parseOverride, secretPlaceholder, stackConfigSource } from "./stackConfig";
import { ROOT } from "../test/support/plan";

const PROJECT = "serviceradar-release";
const valueOf = (output: { apply(f: (v: string) => void): unknown }) =>
    new Promise<string>((resolve) => void output.apply(resolve));

describe("config/stackConfig, at its edges", () => {
    it("takes key=value and project:key=value, keeping everything after the first '='", () => {
        assert.deepStrictEqual(parseOverride(PROJECT, "version=1.2.3"), [`${PROJECT}:version`, "1.2.3"]);
        assert.deepStrictEqual(parseOverride(PROJECT, `${PROJECT}:coreUrl=https://x/?a=b`), [
            `${PROJECT}:coreUrl`,
            "https://x/?a=b",
        ]);
    });

    it("refuses an assignment without a key or without '=' in one line that never shows the value", () => {
        for (const assignment of ["=secret-value", "secret-value"]) {
            assert.throws(() => parseOverride(PROJECT, assignment), {
                message: "--config expects key=value (the value is not shown)",
            });
        }
    });

    it("refuses a key of another project, naming both projects", () => {
        assert.throws(() => parseOverride(PROJECT, "aws:region=eu-west-1"), {
            message: `--config aws:... names another project; this one is ${PROJECT}`,
        });
        assert.throws(() => parseOverride(PROJECT, `other-${PROJECT}:version=1`), {
            message: `--config other-${PROJECT}:... names another project; this one is ${PROJECT}`,
        });
    });

    it("a secret set by --config is handed over as set: no placeholder, its own value", async () => {
        const staging = loadStackConfig(ROOT, "demo-staging", ["adminPassword=set-by-override"]);
        assert.ok(!staging.placeholders.includes("adminPassword"));
        assert.ok(staging.placeholders.includes("registryToken"), "an absent secret still may get one");
        const given: string[] = [];
        const source = stackConfigSource(staging, (name) => given.push(name));
        assert.strictEqual(await valueOf(source.requireSecret("adminPassword")), "set-by-override");
        assert.strictEqual(source.absentSecret?.("adminPassword"), undefined);
        assert.strictEqual(source.absentSecret?.("version"), undefined, "no key but a secret ever gets a placeholder");
        assert.deepStrictEqual(given, []);
    });

    it("lists the secret keys and the placeholders sorted, by their bare names for the placeholders", () => {
        const staging = loadStackConfig(ROOT, "demo-staging");
        assert.deepStrictEqual(staging.secretKeys, [...staging.secretKeys].sort());
        assert.ok(staging.secretKeys.every((name) => name.startsWith(`${PROJECT}:`)));
        assert.deepStrictEqual(staging.placeholders, [...staging.placeholders].sort());
        assert.ok(
            staging.placeholders.every((name) => !name.includes(":")),
            staging.placeholders.join(),
        );
        assert.strictEqual(secretPlaceholder("adminPassword"), "offline-plan-placeholder-for-adminPassword");
    });
});
