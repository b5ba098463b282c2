import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ConfigError, parseReleaseConfig } from "./config";
import { planCommand } from "../plan/command";
import { programModule, runProgramOnMocks } from "../plan/mockRuntime";
import { loadStackConfig } from "./stackConfig";
import { validSource, validValues } from "../test/support/configSource";
import { ROOT } from "../test/support/plan";

/** The one-line ConfigError a set of values gets, or undefined when it parses. */
function refusal(stack: string, values: Record<string, string | undefined>): ConfigError | undefined {
    try {
        parseReleaseConfig(validSource(stack, values));
        return undefined;
    } catch (err) {
        assert.ok(err instanceof ConfigError, String(err));
        assert.ok(!err.message.includes("\n"), "one line");
        return err;
    }
}

describe("config: unknown keys are refused, naming the nearest known one", () => {
    for (const [typo, meant] of [
        ["versoin", "version"],
        ["imagePulPolicy", "imagePullPolicy"],
        ["ImageTag", "imageTag"],
        ["deploymentsEnable", "deploymentsEnabled"],
        ["promoterGithubAppID", "promoterGithubAppId"],
    ]) {
        it(`${typo}: refused, suggesting ${meant}`, () => {
            const err = refusal("demo-staging", { [typo]: "x" });
            assert.strictEqual(err?.key, typo);
            assert.match(
                err.message,
                new RegExp(`^Unknown configuration serviceradar-release:${typo}; .*did you mean ${meant}\\?`),
            );
        });
    }

    it("suggests nothing for a key close to none, and never shows the value (it may be a secret)", () => {
        const err = refusal("demo", { mySecretThing: "hunter2-value" });
        assert.strictEqual(err?.key, "mySecretThing");
        assert.doesNotMatch(err.message, /did you mean|hunter2/);
    });

    it("knows, in every mode and on every stack, each key some mode reads: set, it is never called unknown", () => {
        const everything = {
            ...validValues(),
            deploymentsEnabled: "true",
            deploymentKubeconfig: "kube",
            hydratorGithubAppId: "2459954",
            hydratorGithubAppInstallationId: "99273302",
            hydratorGithubAppPrivateKey: "key",
            soakDuration: "30m",
            autoMergeEnvironments: '["demo-staging"]',
            reviewerTeamIds: "[1]",
            reviewerUserIds: "[2]",
            deploymentBranchPattern: "main",
            githubEnvironmentsRepository: "serviceradar-release",
        };
        for (const stack of ["demo-staging", "demo"]) {
            for (const promotionMode of ["promoter", "direct"]) {
                for (const deploymentsEnabled of ["true", "false"]) {
                    const err = refusal(stack, { ...everything, promotionMode, deploymentsEnabled });
                    assert.ok(!err?.message.startsWith("Unknown"), `${stack} ${promotionMode}: ${err?.message}`);
                }
            }
        }
    });

    it("the offline plan exits 2 naming the key and the one meant (--config versoin=1.2.3)", async () => {
        const result = await planCommand(["--stack", "demo-staging", "--config", "versoin=1.2.3"]);
        assert.strictEqual(result.code, 2);
        assert.strictEqual(result.stderr.trim().split("\n").length, 1, "one line");
        assert.match(result.stderr, /serviceradar-release:versoin; .*did you mean version\?/);
    });

    it("the offline plan refuses a misspelt key in a stack file (imagePulPolicy:)", async () => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), "unknown-keys-"));
        try {
            fs.copyFileSync(path.join(ROOT, "Pulumi.yaml"), path.join(root, "Pulumi.yaml"));
            const stackFile = fs.readFileSync(path.join(ROOT, "Pulumi.demo-staging.yaml"), "utf8");
            fs.writeFileSync(
                path.join(root, "Pulumi.demo-staging.yaml"),
                stackFile.replace("serviceradar-release:imagePullPolicy:", "serviceradar-release:imagePulPolicy:"),
            );
            const result = await planCommand(["--stack", "demo-staging"], { configRoot: root });
            assert.strictEqual(result.code, 2, result.stderr);
            assert.match(result.stderr, /serviceradar-release:imagePulPolicy; .*did you mean imagePullPolicy\?/);
        } finally {
            fs.rmSync(root, { recursive: true, force: true });
        }
    });

    it("the program refuses it too, reading the keys from the runtime's config as under pulumi up", async () => {
        const typo = loadStackConfig(ROOT, "demo-staging", ["versoin=1.2.3"]);
        await assert.rejects(
            runProgramOnMocks(programModule(path.join(ROOT, "index.ts")), typo),
            /Unknown configuration serviceradar-release:versoin; .*did you mean version\?/,
        );
        // Another namespace (a provider's) is not the program's to judge.
        const shipped = loadStackConfig(ROOT, "demo-staging");
        const withProvider = { ...shipped, values: { ...shipped.values, "kubernetes:context": "staging" } };
        await runProgramOnMocks(programModule(path.join(ROOT, "index.ts")), withProvider);
    });
});
