import * as assert from "assert";
import { ConfigError, parseReleaseConfig, ReleaseConfig } from "./config";
import { validSource } from "../test/support/configSource";

function parse(stack: string, overrides: Record<string, string | undefined> = {}): ReleaseConfig {
    return parseReleaseConfig(validSource(stack, overrides));
}

/** Asserts that parsing fails with a one-line ConfigError that names the key and, unless secret, the value. */
function rejects(stack: string, overrides: Record<string, string | undefined>, key: string, shownValue?: string) {
    assert.throws(
        () => parse(stack, overrides),
        (err: unknown) => {
            assert.ok(err instanceof ConfigError, `expected a ConfigError, got ${String(err)}`);
            assert.strictEqual(err.key, key);
            assert.ok(!err.message.includes("\n"), "the error is one line");
            assert.ok(err.message.includes(key), `message names ${key}: ${err.message}`);
            assert.ok(/expected /.test(err.message), `message says what is allowed: ${err.message}`);
            if (shownValue !== undefined) assert.ok(err.message.includes(JSON.stringify(shownValue)), err.message);
            return true;
        },
    );
}

describe("config", () => {
    it("derives image tag, chart version, namespace and names from version and stack", () => {
        assert.deepStrictEqual(parse("demo-staging").pins, {
            version: "1.2.27",
            imageTag: "v1.2.27",
            chartVersion: "1.2.27",
            valuesRevision: "v1.2.27",
        });
        const config = parse("demo");
        assert.strictEqual(config.environment, "demo");
        assert.strictEqual(config.pins, undefined, "in promoter mode demo-staging decides what demo runs");
        assert.strictEqual(config.chart.repository, "ghcr.io/carverauto/charts");
        assert.strictEqual(config.chart.ociReference, "oci://ghcr.io/carverauto/charts");
        assert.strictEqual(config.namespace, "demo");
        assert.strictEqual(config.argocd.applicationName, "serviceradar-demo");
        assert.deepStrictEqual(config.values, {
            repository: "carverauto/serviceradar",
            pathPattern: "helm/serviceradar/values-{environment}.yaml",
        });
        assert.strictEqual(config.registry.pullSecretName, "ghcr-io-cred");
        assert.strictEqual(config.protect, true);
        assert.strictEqual(config.ownsPipeline, false);
        assert.strictEqual(config.promotion.githubApp, undefined, "only the pipeline stack reads the GitHub App");
    });

    it("keeps explicit overrides", () => {
        const config = parse("demo-staging", {
            imageTag: "sha-" + "a".repeat(40),
            chartVersion: "1.2.26",
            namespace: "staging",
            protect: "false",
        });
        assert.strictEqual(config.pins?.imageTag, "sha-" + "a".repeat(40));
        assert.strictEqual(config.pins?.chartVersion, "1.2.26");
        assert.strictEqual(config.namespace, "staging");
        assert.strictEqual(config.protect, false);
        assert.strictEqual(config.ownsPipeline, true);
        assert.strictEqual(config.promotion.githubApp?.appId, 2459954);
    });

    it("is immutable", () => {
        const config = parse("demo");
        assert.ok(
            Object.isFrozen(config) && Object.isFrozen(config.chart) && Object.isFrozen(config.github.reviewerTeamIds),
        );
        assert.throws(() => ((config as { namespace: string }).namespace = "other"));
        const staging = parse("demo-staging");
        assert.ok(Object.isFrozen(staging.pins));
        assert.throws(() => ((staging.pins as { version: string }).version = "9.9.9"));
    });

    it("rejects an unknown environment", () => {
        assert.throws(() => parse("prod"), /Unknown environment: stack "prod"; expected .*demo-staging, demo/);
    });

    for (const [key, value] of [
        ["version", "1.0"],
        ["version", "v1.2.27"],
        ["version", "latest"],
        ["imageTag", "v1.2.27 "],
        ["imageTag", "-bad"],
        ["imageTag", "a/b"],
        ["chartVersion", "one"],
        ["chartRepository", "oci://ghcr.io/carverauto/charts"],
        ["chartRepository", "GHCR.io/Carverauto"],
        ["chartName", "Service_Radar"],
        ["namespace", "Demo"],
        ["namespace", "a".repeat(64)],
        ["imagePullPolicy", "always"],
        ["registryServer", "https://ghcr.io"],
        ["pullSecretName", "GHCR"],
        ["githubOwner", "-carverauto"],
        ["coreUrl", "staging.serviceradar.cloud"],
        ["coreUrl", "ftp://staging.serviceradar.cloud"],
        ["protect", "yes"],
        ["chartPrivate", "1"],
        ["promotionMode", "gitops"],
        ["pipelineStack", "prod"],
        ["promoterVersion", "v0.36.0"],
        ["soakDuration", "1 hour"],
        ["reviewerTeamIds", "[1, -2]"],
        ["reviewerTeamIds", "team-a"],
        ["promoterGithubAppId", "abc"],
        ["e2eStatusContext", " e2e"],
        ["valuesPath", "/abs/values-{environment}.yaml"],
        ["valuesPath", "helm/../../etc/values.yaml"],
        ["valuesPath", "helm/values-{environment}.json"],
        ["valuesRepository", "serviceradar"],
        ["valuesRepository", "carverauto/.."],
        ["valuesRevision", "v1..2"],
        ["hydrationRepository", "serviceradar-release"],
        ["hydrationRepository", "carverauto/serviceradar-release/x"],
        ["hydratorGithubAppId", "0"],
        ["hydratorGithubAppId", "app"],
        // Longer than Kubernetes, Helm or GitHub allow, or not a name at all.
        ["applicationName", "a".repeat(64)],
        ["releaseName", "a".repeat(54)],
        ["promoterNamespace", "a".repeat(64)],
        ["githubOwner", "a".repeat(40)],
        ["githubOwner", "carver--auto"],
        ["githubRepository", ".."],
        ["githubRepository", "."],
        ["githubRepository", "r".repeat(101)],
        ["githubEnvironmentsRepository", ".."],
        ["promoterGithubAppId", "9007199254740993"],
        ["promoterGithubAppInstallationId", "12abc"],
        ["registryUsername", "carverauto bot"],
        ["registryUsername", "user:name"],
        ["deploymentBranchPattern", "main branch"],
        ["deploymentTagPattern", "v*\n::error::x"],
        ["e2eStatusContext", "e".repeat(256)],
        // The environment list: the promotion order every stack and the status command read.
        ["environments", "not json"],
        ["environments", "[]"],
        ["environments", '["demo-staging", "demo-staging", "demo"]'],
        ["environments", '["demo-staging", "Demo/../x", "demo"]'],
        ["environments", '{"demo": 1}'],
        ["autoMergeEnvironments", "demo"],
    ] as const) {
        it(`rejects ${key}=${JSON.stringify(value)} naming the key and the value`, () => {
            rejects("demo-staging", { [key]: value }, key, value.trim() === value ? value : undefined);
        });
    }

    it("refuses an auto-merge environment outside the list, naming it and the list", () => {
        rejects("demo-staging", { autoMergeEnvironments: '["prod"]' }, "autoMergeEnvironments", "prod");
        assert.deepStrictEqual(parse("demo-staging", { autoMergeEnvironments: '["demo"]' }).promotion.autoMerge, [
            "demo",
        ]);
        assert.deepStrictEqual(parse("demo-staging").promotion.autoMerge, ["demo-staging"], "the first by default");
    });

    it("accepts names at exactly the limits", () => {
        const config = parse("demo-staging", {
            applicationName: "a".repeat(63),
            releaseName: "r".repeat(53),
            githubOwner: "o".repeat(39),
            githubRepository: "r".repeat(100),
            deploymentsRepository: `${"o".repeat(39)}/serviceradar-release`,
            promoterGithubAppId: String(Number.MAX_SAFE_INTEGER),
            registryUsername: "robot$serviceradar+ci",
        });
        assert.strictEqual(config.argocd.applicationName.length, 63);
        assert.strictEqual(config.promotion.githubApp?.appId, Number.MAX_SAFE_INTEGER);
    });

    it("reads a blank chartVersion as no chart version at all, never as the range *", () => {
        rejects("demo-staging", { chartVersion: " " }, "chartVersion");
        rejects("demo-staging", { chartVersion: "1.2.27 " }, "chartVersion");
        assert.strictEqual(parse("demo-staging", { chartVersion: "" }).pins?.chartVersion, "1.2.27", "empty is unset");
    });

    it("refuses a coreUrl with credentials in it, without printing them", () => {
        rejects("demo", { coreUrl: "https://admin:hunter2-secret@demo.serviceradar.cloud/" }, "coreUrl");
        assert.throws(
            () => parse("demo", { coreUrl: "https://admin:hunter2-secret@demo.serviceradar.cloud/" }),
            (err: Error) => !err.message.includes("hunter2") && !err.message.includes("admin:"),
        );
    });

    for (const key of ["coreUrl", "registryUsername"]) {
        it(`requires ${key}`, () => rejects("demo", { [key]: undefined }, key));
    }

    it("requires version on every stack in direct mode and on the pipeline stack in promoter mode", () => {
        rejects("demo-staging", { version: undefined }, "version");
        rejects("demo", { version: undefined, promotionMode: "direct" }, "version");
        rejects("demo-staging", { version: undefined, promotionMode: "direct" }, "version");
    });

    it("refuses version on demo in promoter mode, where demo-staging decides what runs, and accepts its absence", () => {
        rejects("demo", { version: "9.9.9" }, "version", "9.9.9");
        assert.throws(
            () => parse("demo", { version: "9.9.9" }),
            (err: Error) =>
                err.message ===
                'Invalid configuration serviceradar-release:version: "9.9.9"; expected it unset on demo in promoter ' +
                    "mode: demo-staging decides what demo runs; remove version from Pulumi.demo.yaml (set it on " +
                    "demo-staging, or use promotionMode=direct).",
        );
        assert.strictEqual(parse("demo").pins, undefined);
        assert.strictEqual(parse("demo", { version: "" }).pins, undefined, "empty is unset");
        assert.strictEqual(parse("demo", { version: "1.2.27", promotionMode: "direct" }).pins?.version, "1.2.27");
    });

    for (const key of ["adminPassword", "registryToken", "promoterGithubAppPrivateKey"]) {
        it(`rejects an empty secret ${key} without showing it`, () => {
            rejects("demo-staging", { [key]: "   " }, key);
            try {
                parse("demo-staging", { [key]: "   " });
            } catch (err) {
                assert.ok((err as Error).message.includes("secret value hidden"));
            }
        });
    }

    it("needs the GitHub App's key only on the pipeline stack in promoter mode", () => {
        rejects("demo-staging", { promoterGithubAppPrivateKey: undefined }, "promoterGithubAppPrivateKey");
        assert.doesNotThrow(() => parse("demo", { promoterGithubAppPrivateKey: undefined }));
        assert.doesNotThrow(() =>
            parse("demo-staging", { promoterGithubAppPrivateKey: undefined, promotionMode: "direct" }),
        );
    });

    it("takes the default layout's App where its ids are not set, and another App's where they are", () => {
        const app = (overrides: Record<string, string | undefined>) => {
            const githubApp = parse("demo-staging", overrides).promotion.githubApp;
            return [githubApp?.appId, githubApp?.installationId, githubApp?.hydratorAppId];
        };
        const unset = { promoterGithubAppId: undefined, promoterGithubAppInstallationId: undefined };
        assert.deepStrictEqual(app(unset), [2459954, 99273302, 2459954]);
        assert.deepStrictEqual(app({ promoterGithubAppId: "11", promoterGithubAppInstallationId: "12" }), [11, 12, 11]);
    });

    for (const [key, value] of [
        ["imageTag", "latest"],
        ["chartVersion", "1.2.26"],
        ["valuesRevision", "v1.2.26"],
    ]) {
        it(`refuses ${key} on demo in promoter mode, where the promoter decides what runs`, () => {
            rejects("demo", { [key]: value }, key, value);
            assert.throws(
                () => parse("demo", { [key]: value }),
                /in promoter mode: demo-staging decides what demo runs; remove \S+ from Pulumi\.demo\.yaml/,
            );
            assert.doesNotThrow(() => parse("demo", { [key]: value, promotionMode: "direct" }));
        });
    }

    it("accepts a chart version range for staging (the policy pack decides whether it may run)", () => {
        assert.strictEqual(parse("demo-staging", { chartVersion: "*" }).pins?.chartVersion, "*");
    });

    it("keeps secrets as secret Outputs", async () => {
        const config = parse("demo");
        for (const output of [config.adminPassword, config.registry.token]) {
            assert.strictEqual(await (output as unknown as { isSecret: Promise<boolean> }).isSecret, true);
        }
    });
});
