import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { ConfigError, parseReleaseConfig, ReleaseConfig } from "./config";
import { validSource } from "../test/support/configSource";

// Behaviour of every validation in config/config.ts, both branches: what is accepted (and what it becomes), what is
// rejected, and that the error names the key, shows the value (or hides a secret) and says what is allowed. Messages
// are matched on their meaningful parts only, so rewording elsewhere in a sentence does not break these tests.

type Overrides = Record<string, string | undefined>;
const PIPELINE = "demo-staging";

function parse(stack: string, overrides: Overrides = {}): ReleaseConfig {
    return parseReleaseConfig(validSource(stack, overrides));
}

/** The ConfigError parsing throws; fails the test when parsing succeeds or throws anything else. */
function configError(stack: string, overrides: Overrides): ConfigError {
    let thrown: unknown;
    try {
        parse(stack, overrides);
    } catch (err) {
        thrown = err;
    }
    assert.ok(thrown !== undefined, `expected ${JSON.stringify(overrides)} to be rejected`);
    assert.ok(thrown instanceof ConfigError, `expected a ConfigError, got ${String(thrown)}`);
    return thrown;
}

/** Asserts the error names `key` (project-qualified), shows `shown` and says `allowed` after "expected". */
function assertRejected(stack: string, overrides: Overrides, key: string, shown: string, allowed: RegExp): void {
    const err = configError(stack, overrides);
    assert.equal(err.key, key);
    assert.ok(err.message.includes(`serviceradar-release:${key}`), `names the key: ${err.message}`);
    assert.ok(err.message.includes(shown), `shows ${shown}: ${err.message}`);
    const expected = /expected (.*)$/.exec(err.message);
    assert.ok(expected, `says what is expected: ${err.message}`);
    assert.match(expected[1], allowed);
}

const quoted = (value: string) => JSON.stringify(value);

describe("config validation", () => {
    describe("accepted values and what they become", () => {
        const accepted: [string, Overrides, (c: ReleaseConfig) => unknown, unknown][] = [
            ["a pre-release version", { version: "1.3.0-rc.1" }, (c) => c.pins?.version, "1.3.0-rc.1"],
            [
                "a pre-release version's derived image tag",
                { version: "1.3.0-rc.1" },
                (c) => c.pins?.imageTag,
                "v1.3.0-rc.1",
            ],
            ["an empty imageTag as unset", { imageTag: "" }, (c) => c.pins?.imageTag, "v1.2.27"],
            ["a 128-character image tag", { imageTag: "a".repeat(128) }, (c) => c.pins?.imageTag, "a".repeat(128)],
            ["an empty chartVersion as unset", { chartVersion: "" }, (c) => c.pins?.chartVersion, "1.2.27"],
            ["a chartVersion range", { chartVersion: "^1.2.0" }, (c) => c.pins?.chartVersion, "^1.2.0"],
            [
                "a registry with a port",
                { chartRepository: "r.io:5000/a/b", registryServer: "r.io:5000" },
                (c) => c.chart.repository,
                "r.io:5000/a/b",
            ],
            [
                "the OCI reference",
                { chartRepository: "r.io/a", registryServer: "r.io" },
                (c) => c.chart.ociReference,
                "oci://r.io/a",
            ],
            ["a chart name", { chartName: "sr-2" }, (c) => c.chart.name, "sr-2"],
            ["an empty namespace as unset", { namespace: "" }, (c) => c.namespace, "demo-staging"],
            ["a 63-character namespace", { namespace: "a".repeat(63) }, (c) => c.namespace, "a".repeat(63)],
            ["a one-character namespace", { namespace: "a" }, (c) => c.namespace, "a"],
            [
                "a registry host with a port",
                { registryServer: "r.io:5000", imageRegistry: "r.io:5000" },
                (c) => c.registry.server,
                "r.io:5000",
            ],
            [
                "the images' registry defaulting to the chart repository's host",
                {
                    chartRepository: "registry.carverauto.dev/serviceradar/charts",
                    registryServer: "registry.carverauto.dev",
                },
                (c) => c.registry.imageRegistry,
                "registry.carverauto.dev",
            ],
            [
                "an images' registry apart from the chart's",
                { imageRegistry: "registry.carverauto.dev", registryServer: "registry.carverauto.dev" },
                (c) => [c.registry.imageRegistry, c.chart.repository],
                ["registry.carverauto.dev", "ghcr.io/carverauto/charts"],
            ],
            ["the registry user", { registryUsername: "bot" }, (c) => c.registry.username, "bot"],
            ["a dotted secret name", { pullSecretName: "a.b-c" }, (c) => c.registry.pullSecretName, "a.b-c"],
            [
                "a GitHub owner (the program's repository is of that owner)",
                { githubOwner: "Carver-Auto", deploymentsRepository: "Carver-Auto/serviceradar-release" },
                (c) => c.github.owner,
                "Carver-Auto",
            ],
            ["a repository name", { githubRepository: "sr.js_x" }, (c) => c.github.repository, "sr.js_x"],
            [
                "the environments repository defaulting to the program's repository (where the workflows run)",
                { githubRepository: "sr", deploymentsRepository: "carverauto/sr-release" },
                (c) => c.github.environmentsRepository,
                "sr-release",
            ],
            [
                "the environments repository of another owner's program repository, named explicitly",
                { deploymentsRepository: "acme/release", githubEnvironmentsRepository: "serviceradar-release" },
                (c) => c.github.environmentsRepository,
                "serviceradar-release",
            ],
            [
                "an environments repository",
                { githubEnvironmentsRepository: "serviceradar-release" },
                (c) => c.github.environmentsRepository,
                "serviceradar-release",
            ],
            [
                "the tag pattern",
                { deploymentTagPattern: "release-*" },
                (c) => c.github.deploymentTagPattern,
                "release-*",
            ],
            ["the default branch pattern: the program's branch", {}, (c) => c.github.deploymentBranchPattern, "main"],
            [
                "the branch pattern following deploymentsBranch",
                { deploymentsBranch: "trunk" },
                (c) => c.github.deploymentBranchPattern,
                "trunk",
            ],
            ["a branch pattern", { deploymentBranchPattern: "main" }, (c) => c.github.deploymentBranchPattern, "main"],
            ["no reviewer ids", {}, (c) => c.github.reviewerTeamIds, []],
            ["team ids", { reviewerTeamIds: "[1234, 5678]" }, (c) => c.github.reviewerTeamIds, [1234, 5678]],
            ["user ids", { reviewerUserIds: "[42]" }, (c) => c.github.reviewerUserIds, [42]],
            ["an empty id list", { reviewerUserIds: "[]" }, (c) => c.github.reviewerUserIds, []],
            ["an http URL", { coreUrl: "http://staging.local:4000" }, (c) => c.coreUrl, "http://staging.local:4000"],
            [
                "a URL without its trailing slashes",
                { coreUrl: "https://s.cloud///" },
                (c) => c.coreUrl,
                "https://s.cloud",
            ],
            ["a URL path", { coreUrl: "https://s.cloud/sr/" }, (c) => c.coreUrl, "https://s.cloud/sr"],
            ["an application name", { applicationName: "sr-demo" }, (c) => c.argocd.applicationName, "sr-demo"],
            ["the derived values revision", {}, (c) => c.pins?.valuesRevision, "v1.2.27"],
            [
                "a .yml values path",
                { valuesPath: "d/{environment}.yml" },
                (c) => c.values.pathPattern,
                "d/{environment}.yml",
            ],
            ["direct mode", { promotionMode: "direct" }, (c) => c.promotion.mode, "direct"],
            ["the promoter version", { promoterVersion: "0.37.1" }, (c) => c.promotion.promoterVersion, "0.37.1"],
            ["no soak", {}, (c) => c.promotion.soakDuration, undefined],
            ["an empty soak as none", { soakDuration: "" }, (c) => c.promotion.soakDuration, undefined],
            ["a compound soak", { soakDuration: "1h30m" }, (c) => c.promotion.soakDuration, "1h30m"],
            ["a fractional soak", { soakDuration: "1.5h" }, (c) => c.promotion.soakDuration, "1.5h"],
            ["a promoter namespace", { promoterNamespace: "promo" }, (c) => c.promotion.promoterNamespace, "promo"],
            ["a status context", { e2eStatusContext: "ci/e2e.x_y" }, (c) => c.promotion.e2eStatusContext, "ci/e2e.x_y"],
            [
                "a values revision with a slash",
                { valuesRevision: "refs/tags/release/1.2" },
                (c) => c.pins?.valuesRevision,
                "refs/tags/release/1.2",
            ],
            ["a values repository", { valuesRepository: "a/b.c-d" }, (c) => c.values.repository, "a/b.c-d"],
            ["the App id as a number", { promoterGithubAppId: "10" }, (c) => c.promotion.githubApp?.appId, 10],
            [
                "the installation id as a number",
                { promoterGithubAppInstallationId: "7" },
                (c) => c.promotion.githubApp?.installationId,
                7,
            ],
            ["a pull policy", { imagePullPolicy: "Never" }, (c) => c.imagePullPolicy, "Never"],
            ["protect true", { protect: "true" }, (c) => c.protect, true],
            ["protect false", { protect: "false" }, (c) => c.protect, false],
            ["chartPrivate true", { chartPrivate: "true" }, (c) => c.chart.private, true],
            ["chartPrivate false", { chartPrivate: "false" }, (c) => c.chart.private, false],
            ["an Argo CD namespace", { argocdNamespace: "cd" }, (c) => c.argocd.namespace, "cd"],
            ["an Argo CD project", { argocdProject: "team.a" }, (c) => c.argocd.project, "team.a"],
            ["a release name", { releaseName: "sr" }, (c) => c.argocd.releaseName, "sr"],
            ["the in-cluster destination", {}, (c) => c.argocd.destinationServer, "https://kubernetes.default.svc"],
            ["the project", {}, (c) => c.project, "serviceradar-release"],
            ["the environments in order", {}, (c) => c.environments, ["demo-staging", "demo"]],
            ["Deployments off", { deploymentsEnabled: "false" }, (c) => c.deployments, undefined],
            [
                "a one-character registry host",
                { registryServer: "r", imageRegistry: "r" },
                (c) => c.registry.server,
                "r",
            ],
            [
                "a one-character chart host",
                { chartRepository: "r/a", registryServer: "r" },
                (c) => c.chart.repository,
                "r/a",
            ],
            [
                "chart path parts joined by . _ -",
                { chartRepository: "r.io/car_ver-auto/ch.arts", registryServer: "r.io" },
                (c) => c.chart.repository,
                "r.io/car_ver-auto/ch.arts",
            ],
            [
                "a one-character GitHub owner",
                { githubOwner: "a", githubEnvironmentsRepository: "r" },
                (c) => c.github.owner,
                "a",
            ],
            [
                "a revision with .lock inside",
                { valuesRevision: "refs/tags/a.lock.b" },
                (c) => c.pins?.valuesRevision,
                "refs/tags/a.lock.b",
            ],
            ["a two-digit fraction soak", { soakDuration: "1.25h" }, (c) => c.promotion.soakDuration, "1.25h"],
        ];
        for (const [what, overrides, read, expected] of accepted) {
            it(`accepts ${what}`, () => assert.deepEqual(read(parse(PIPELINE, overrides)), expected));
        }
    });

    describe("rejected values: the error names the key, shows the value and says what is allowed", () => {
        const rejected: [string, string, RegExp][] = [
            ["version", "1.0", /semver release without a leading v/],
            ["version", "v1.2.27", /semver release without a leading v/],
            ["imageTag", "a".repeat(129), /container image tag/],
            ["imageTag", "x:y", /container image tag/],
            ["chartVersion", "one", /chart version .*semver range/],
            ["chartRepository", "oci://ghcr.io/carverauto/charts", /without a scheme/],
            ["chartRepository", "https://ghcr.io/carverauto/charts", /without a scheme/],
            ["chartRepository", "ghcr.io", /lower-case OCI registry path/],
            ["chartRepository", "ghcr.io/charts/", /lower-case OCI registry path/],
            ["chartRepository", "-ghcr.io/charts", /lower-case OCI registry path/],
            ["chartName", "-chart", /Helm chart name/],
            ["chartName", "chart-", /Helm chart name/],
            ["namespace", "-demo", /namespace name/],
            ["namespace", "demo-", /namespace name/],
            ["namespace", "a".repeat(64), /at most 63 characters/],
            ["registryServer", "ghcr.io/", /registry host name/],
            ["registryServer", "ghcr.io:123456", /registry host name/],
            ["registryServer", "-ghcr.io", /registry host name/],
            ["imageRegistry", "registry.carverauto.dev/serviceradar", /registry host name/],
            ["pullSecretName", "a..b", /Secret name/],
            ["pullSecretName", "secret-", /Secret name/],
            ["githubOwner", "carverauto-", /GitHub user or organization/],
            ["githubRepository", "a/b", /GitHub repository name/],
            ["githubEnvironmentsRepository", "a/b", /GitHub repository name/],
            ["coreUrl", "https://", /absolute http\(s\) URL/],
            ["coreUrl", "mailto:ops@serviceradar.cloud", /absolute http\(s\) URL/],
            ["applicationName", "App", /Application name/],
            ["valuesPath", "values.json", /\.yaml file/],
            ["valuesPath", "charts/../values.yaml", /\.yaml file/],
            ["promotionMode", "Promoter", /one of promoter, direct/],
            ["pipelineStack", "demo-prod", /one of demo-staging, demo/],
            ["imagePullPolicy", "Sometimes", /one of Always, IfNotPresent, Never/],
            ["promoterVersion", "0.36", /semver release without v/],
            ["soakDuration", "30", /duration such as 30m/],
            ["soakDuration", "m30", /duration such as 30m/],
            ["soakDuration", "30m later", /duration such as 30m/],
            ["promoterNamespace", "Promoter", /namespace name/],
            ["e2eStatusContext", "/e2e", /commit-status context/],
            ["valuesRevision", "/main", /git tag, branch or commit id/],
            ["valuesRevision", "a//b", /git tag, branch or commit id/],
            ["valuesRevision", "main.lock", /git tag, branch or commit id/],
            ["valuesRevision", "main/", /git tag, branch or commit id/],
            ["valuesRevision", "release//x", /git tag, branch or commit id/],
            ["valuesRevision", "main branch", /git tag, branch or commit id/],
            ["soakDuration", "h30m", /duration such as 30m/],
            ["valuesPath", "values.yaml.bak", /\.yaml file/],
            ["e2eStatusContext", "e2e ok", /commit-status context/],
            ["valuesPath", "deploy/", /\.yaml file/],
            ["valuesPath", "deploy release.yaml", /\.yaml file/],
            ["protect", "True", /true or false/],
            ["chartPrivate", "no", /true or false/],
            ["deploymentsEnabled", "on", /true or false/],
            ["promoterGithubAppId", "12abc", /positive integer/],
            ["promoterGithubAppId", "abc12", /positive integer/],
            ["promoterGithubAppId", "0", /positive integer/],
            ["promoterGithubAppId", "012", /positive integer/],
            ["promoterGithubAppInstallationId", "-5", /positive integer/],
            ["promoterGithubAppInstallationId", "1.5", /positive integer/],
            ["reviewerTeamIds", "[0]", /list of positive integer ids/],
            ["reviewerTeamIds", "[1.5]", /list of positive integer ids/],
            ["reviewerTeamIds", '["1234"]', /list of positive integer ids/],
            ["reviewerTeamIds", "1234", /list of positive integer ids/],
            ["reviewerUserIds", "[1, 2", /list of positive integer ids/],
            ["reviewerUserIds", "{}", /list of positive integer ids/],
            ["argocdNamespace", "Argo", /namespace name/],
            ["argocdProject", "Team", /AppProject name/],
            ["releaseName", "a.b", /Helm release name/],
        ];
        for (const [key, value, allowed] of rejected) {
            it(`rejects ${key}=${quoted(value)}`, () =>
                assertRejected(PIPELINE, { [key]: value }, key, quoted(value), allowed));
        }
    });

    describe("limits and shapes added for hostile input", () => {
        it("refuses a coreUrl with a user name, a password or both, showing neither", () => {
            for (const coreUrl of [
                "https://admin@demo.serviceradar.cloud/x",
                "https://:pw-secret@demo.serviceradar.cloud/x",
                "https://admin:pw-secret@demo.serviceradar.cloud/x",
            ]) {
                const err = configError(PIPELINE, { coreUrl });
                assert.ok(
                    err.message.includes('"https://[credentials hidden]@demo.serviceradar.cloud/x"'),
                    err.message,
                );
                assert.match(
                    err.message,
                    /expected a URL without user name or password \(the gate logs in with adminPassword\)\.$/,
                );
                assert.ok(!err.message.includes("admin@") && !err.message.includes("pw-secret"), err.message);
            }
            assert.equal(
                parse(PIPELINE, { coreUrl: "https://demo.serviceradar.cloud/x" }).coreUrl,
                "https://demo.serviceradar.cloud/x",
            );
        });

        it("holds names to Kubernetes', Helm's and GitHub's limits, exactly", () => {
            assert.equal(parse(PIPELINE, { pullSecretName: "a".repeat(253) }).registry.pullSecretName.length, 253);
            assertRejected(
                PIPELINE,
                { pullSecretName: "a".repeat(254) },
                "pullSecretName",
                quoted("a".repeat(254)),
                /Secret name/,
            );
            assertRejected(PIPELINE, { pullSecretName: "a.b-" }, "pullSecretName", quoted("a.b-"), /Secret name/);
            assertRejected(PIPELINE, { releaseName: "sr-" }, "releaseName", quoted("sr-"), /at most 53 characters/);
            assert.equal(parse(PIPELINE, { githubRepository: "..x" }).github.repository, "..x");
            assertRejected(PIPELINE, { githubRepository: ".." }, "githubRepository", quoted(".."), /not \. or \.\./);
            const values = (valuesRepository: string) => parse(PIPELINE, { valuesRepository }).values.repository;
            assert.equal(values(`${"o".repeat(39)}/${"r".repeat(100)}`), `${"o".repeat(39)}/${"r".repeat(100)}`);
            for (const bad of [`${"o".repeat(40)}/r`, `o/${"r".repeat(101)}`, "o/.", "o-/r", "-o/r", "o//r"]) {
                assertRejected(PIPELINE, { valuesRepository: bad }, "valuesRepository", quoted(bad), /owner\/name/);
            }
        });

        it("refuses values paths that leave the repository and revisions git would refuse", () => {
            for (const bad of ["./values.yaml", "a/./b.yaml", "a/../b.yaml", "../b.yaml", "a/.."]) {
                assertRejected(PIPELINE, { valuesPath: bad }, "valuesPath", quoted(bad), /\.yaml file/);
            }
            assert.equal(parse(PIPELINE, { valuesPath: "a/..b.yaml" }).values.pathPattern, "a/..b.yaml");
            for (const bad of ["a@{1}", "v1/", "/v1", "v1.lock", "a//b"]) {
                assertRejected(
                    PIPELINE,
                    { valuesRevision: bad },
                    "valuesRevision",
                    quoted(bad),
                    /git tag, branch or commit id/,
                );
            }
            assert.equal(
                parse(PIPELINE, { valuesRevision: "refs/tags/release/v1.2+build" }).pins?.valuesRevision,
                "refs/tags/release/v1.2+build",
            );
        });

        it("says what the environment list must be", () => {
            assertRejected(
                PIPELINE,
                { environments: "[]" },
                "environments",
                quoted("[]"),
                /^at least one environment\.$/,
            );
            assertRejected(
                PIPELINE,
                { environments: '["demo-staging", 1]' },
                "environments",
                quoted('["demo-staging", 1]'),
                /^a JSON list of environment names in promotion order/,
            );
            assertRejected(
                PIPELINE,
                { autoMergeEnvironments: '["prod"]' },
                "autoMergeEnvironments",
                quoted("prod"),
                /^one of demo-staging, demo\.$/,
            );
            assertRejected(
                PIPELINE,
                { autoMergeEnvironments: "[1]" },
                "autoMergeEnvironments",
                quoted("[1]"),
                /^a JSON list of environments of demo-staging, demo\.$/,
            );
        });

        it("checks deploymentsBranch as a git branch name when Deployments is on", () => {
            const on = { deploymentsEnabled: "true", deploymentKubeconfig: "k" };
            for (const bad of ["/main", "a//b", "a..b", "main.lock", "main/"]) {
                assertRejected(
                    PIPELINE,
                    { ...on, deploymentsBranch: bad },
                    "deploymentsBranch",
                    quoted(bad),
                    /git branch name/,
                );
            }
            assert.equal(
                parse(PIPELINE, { ...on, deploymentsBranch: "release/a.lock.b" }).deployments?.branch,
                "release/a.lock.b",
            );
        });
    });

    describe("the pull secret covers the chart's images", () => {
        const HARBOR = "registry.carverauto.dev/serviceradar/charts";
        it("refuses a pull secret for GHCR when the chart and its images come from Harbor, naming the keys", () => {
            const err = configError(PIPELINE, { chartRepository: HARBOR });
            assert.equal(err.key, "registryServer");
            assert.equal(
                err.message,
                'Invalid configuration serviceradar-release:registryServer: "ghcr.io"; expected the registry of the ' +
                    'chart\'s images, serviceradar-release:imageRegistry "registry.carverauto.dev" (by default the host ' +
                    "of serviceradar-release:chartRepository), so that the pull secret covers them; set both to where " +
                    "the release's images are published.",
            );
            assert.ok(!err.message.includes("\n"), "one line");
        });
        it("refuses a pull secret for another registry than an explicit imageRegistry", () =>
            assertRejected(
                PIPELINE,
                { imageRegistry: "registry.carverauto.dev" },
                "registryServer",
                quoted("ghcr.io"),
                /imageRegistry "registry\.carverauto\.dev"/,
            ));
        it("refuses it on every stack, before anything is declared", () =>
            assertRejected(
                "demo",
                { chartRepository: HARBOR, pullSecretName: "registry-carverauto-dev-cred" },
                "registryServer",
                quoted("ghcr.io"),
                /registry of the chart's images/,
            ));
        it("accepts the registry the images come from", () =>
            assert.equal(
                parse(PIPELINE, { chartRepository: HARBOR, registryServer: "registry.carverauto.dev" }).registry.server,
                "registry.carverauto.dev",
            ));
    });

    describe("required keys", () => {
        const required: [string, RegExp][] = [
            ["version", /semver release/],
            ["registryUsername", /registry user name/],
            ["coreUrl", /public URL/],
            ["chartRepository", /OCI registry path/],
            ["deploymentTagPattern", /tag pattern/],
            ["promotionMode", /promoter or direct/],
            ["pipelineStack", /stack name/],
            ["promoterVersion", /GitOps Promoter release/],
            ["imagePullPolicy", /pull policy/],
            ["protect", /true or false/],
        ];
        for (const [key, allowed] of required) {
            for (const value of [undefined, ""]) {
                it(`requires ${key} (${value === undefined ? "absent" : "empty"}), saying how to set it`, () => {
                    assertRejected(PIPELINE, { [key]: value }, key, "(not set)", allowed);
                    assert.match(configError(PIPELINE, { [key]: value }).message, /pulumi config set /);
                });
            }
        }
        for (const key of ["chartName", "registryServer", "githubOwner", "argocdNamespace"]) {
            it(`requires ${key}, which has no derived default`, () =>
                assertRejected(PIPELINE, { [key]: "" }, key, "(not set)", /./));
        }
    });

    describe("secrets", () => {
        const secrets = ["adminPassword", "registryToken", "promoterGithubAppPrivateKey"];
        for (const key of secrets) {
            it(`reports a missing ${key} as a ConfigError saying how to set it`, () => {
                assertRejected(PIPELINE, { [key]: undefined }, key, "(not set)", /non-empty secret/);
                assert.match(configError(PIPELINE, { [key]: undefined }).message, /pulumi config set --secret /);
            });
            it(`rejects an empty ${key} without echoing anything`, () =>
                assertRejected(PIPELINE, { [key]: "" }, key, "(secret value hidden)", /non-empty secret/));
        }

        it("never shows a secret's value, even when it is only blanks around nothing", () => {
            const err = configError(PIPELINE, { adminPassword: " \t " });
            assert.ok(!err.message.includes(quoted(" \t ")), err.message);
        });

        it("leaves the secret Outputs unfrozen (they belong to the Pulumi runtime) while freezing the rest", () => {
            const config = parse(PIPELINE);
            assert.equal(Object.isFrozen(config.registry), true);
            assert.equal(Object.isFrozen(config.adminPassword), false);
            assert.equal(Object.isFrozen(config.registry.token), false);
        });

        it("keeps each secret's own value", async () => {
            const config = parse(PIPELINE, {
                deploymentsEnabled: "true",
                deploymentKubeconfig: "kc",
                hydratorGithubAppPrivateKey: "hk",
            });
            const values = await Promise.all(
                [
                    config.adminPassword,
                    config.registry.token,
                    config.promotion.githubApp?.privateKey,
                    config.deployments?.kubeconfig,
                    config.deployments?.githubApp.privateKey,
                ].map((output) => new Promise((resolve) => (output as pulumi.Output<string>).apply(resolve))),
            );
            assert.deepEqual(values, [
                "admin-password-value",
                "registry-token-value",
                "-----BEGIN PRIVATE KEY-----x",
                "kc",
                "hk",
            ]);
        });
    });

    describe("Pulumi Deployments", () => {
        const enabled = {
            deploymentsEnabled: "true",
            deploymentKubeconfig: "kubeconfig",
        };

        it("reads organization, repository and branch when enabled", () => {
            const deployments = parse(PIPELINE, {
                ...enabled,
                deploymentsOrganization: "acme",
                deploymentsRepository: "acme/release.x",
                deploymentsBranch: "release/1",
                githubEnvironmentsRepository: "serviceradar-release",
            }).deployments;
            assert.deepEqual(
                [deployments?.organization, deployments?.repository, deployments?.branch],
                ["acme", "acme/release.x", "release/1"],
            );
        });

        const rejected: [string, string, RegExp][] = [
            ["deploymentsOrganization", "-acme", /Pulumi Cloud organization/],
            ["deploymentsRepository", "release", /owner\/name/],
            ["deploymentsRepository", "acme/release/x", /owner\/name/],
            ["deploymentsRepository", "-acme/release", /owner\/name/],
            ["deploymentsBranch", "a..b", /git branch name/],
        ];
        for (const [key, value, allowed] of rejected) {
            it(`rejects ${key}=${quoted(value)}`, () =>
                assertRejected(PIPELINE, { ...enabled, [key]: value }, key, quoted(value), allowed));
        }
        it("requires the secret deploymentKubeconfig only when enabled", () => {
            const key = "deploymentKubeconfig";
            assertRejected(PIPELINE, { ...enabled, [key]: undefined }, key, "(not set)", /non-empty secret/);
            assert.equal(parse(PIPELINE, { [key]: undefined }).deployments, undefined);
        });

        const credentials = async (config: ReleaseConfig) => {
            const app = config.deployments?.githubApp;
            assert.ok(app, "Deployments run as a GitHub App");
            const key = await new Promise((resolve) => app.privateKey.apply(resolve));
            return [app.appId, app.installationId, key];
        };

        it("runs as the hydrator's App: on the pipeline stack in promoter mode the promoter's, asked nothing twice", async () => {
            assert.deepEqual(await credentials(parse(PIPELINE, enabled)), [
                2459954,
                99273302,
                "-----BEGIN PRIVATE KEY-----x",
            ]);
            const ownKey = parse(PIPELINE, { ...enabled, hydratorGithubAppPrivateKey: "a second key of the App" });
            assert.deepEqual(await credentials(ownKey), [2459954, 99273302, "a second key of the App"]);
        });

        it("another hydrator App there needs its own installation and key, each named when missing", async () => {
            const other = { ...enabled, hydratorGithubAppId: "77" };
            assertRejected(PIPELINE, other, "hydratorGithubAppInstallationId", "(not set)", /installation id/);
            const withInstallation = { ...other, hydratorGithubAppInstallationId: "78" };
            assertRejected(PIPELINE, withInstallation, "hydratorGithubAppPrivateKey", "(not set)", /non-empty secret/);
            const config = parse(PIPELINE, { ...withInstallation, hydratorGithubAppPrivateKey: "k77" });
            assert.deepEqual(await credentials(config), [77, 78, "k77"]);
            assert.equal(config.promotion.githubApp?.hydratorAppId, 77, "the rulesets admit the same App");
        });

        it("on a stack that declares no promoter, the hydrator's key is set there; its App defaults to the layout's", async () => {
            const hydrator = { ...enabled, hydratorGithubAppPrivateKey: "hydrator key" };
            for (const [stack, mode] of [
                ["demo", "promoter"],
                [PIPELINE, "direct"],
            ]) {
                const config = parse(stack, { ...hydrator, promotionMode: mode });
                assert.deepEqual(await credentials(config), [2459954, 99273302, "hydrator key"], stack);
            }
            assertRejected("demo", enabled, "hydratorGithubAppPrivateKey", "(not set)", /non-empty secret/);
            const other = { ...hydrator, hydratorGithubAppId: "77" };
            assertRejected("demo", other, "hydratorGithubAppInstallationId", "(not set)", /installation id/);
            const config = parse("demo", { ...other, hydratorGithubAppInstallationId: "78" });
            assert.deepEqual(await credentials(config), [77, 78, "hydrator key"]);
            assertRejected(
                "demo",
                { ...hydrator, hydratorGithubAppInstallationId: "0" },
                "hydratorGithubAppInstallationId",
                quoted("0"),
                /positive integer/,
            );
        });

        it("refuses deploymentGithubToken on every stack, saying what replaced it, never showing it", () => {
            for (const stack of [PIPELINE, "demo"]) {
                for (const deploymentsEnabled of ["true", "false"]) {
                    const err = configError(stack, { deploymentsEnabled, deploymentGithubToken: "ghs_storedToken123" });
                    assert.equal(err.key, "deploymentGithubToken");
                    assert.ok(!err.message.includes("ghs_storedToken123") && !err.message.includes("\n"), err.message);
                    assert.match(
                        err.message,
                        /^Invalid configuration serviceradar-release:deploymentGithubToken: \(secret value hidden\); expected it unset: Pulumi Deployments no longer runs with a stored token .*mints a token of the hydrator's GitHub App with hydratorGithubAppPrivateKey .*pulumi config rm deploymentGithubToken/,
                    );
                }
            }
        });
    });

    describe("promoter mode", () => {
        it("reads the GitHub App on the pipeline stack only", () => {
            assert.notEqual(parse("demo-staging").promotion.githubApp, undefined);
            assert.equal(parse("demo").promotion.githubApp, undefined);
            assert.equal(parse("demo-staging", { promotionMode: "direct" }).promotion.githubApp, undefined);
        });

        it("makes the stack named by pipelineStack the pipeline stack", () => {
            const demo = parse("demo", { pipelineStack: "demo" });
            assert.equal(demo.ownsPipeline, true);
            assert.equal(demo.promotion.githubApp?.appId, 2459954);
            assert.equal(parse("demo-staging", { pipelineStack: "demo", imageTag: undefined }).ownsPipeline, false);
        });

        for (const [key, value] of [
            ["imageTag", "v1.2.27"],
            ["chartVersion", "1.2.27"],
        ]) {
            it(`refuses ${key} on a stack that is not the pipeline stack, naming where to set it`, () => {
                assertRejected(
                    "demo-staging",
                    { pipelineStack: "demo", [key]: value },
                    key,
                    quoted(value),
                    /unset on demo-staging in promoter mode.*set it on demo\b/,
                );
                assert.equal(parse("demo", { pipelineStack: "demo", [key]: value }).ownsPipeline, true);
            });
        }

        it("does not refuse an empty imageTag or chartVersion, which count as unset", () => {
            assert.equal(parse("demo", { imageTag: "", chartVersion: "", valuesRevision: "" }).pins, undefined);
            const direct = parse("demo", {
                imageTag: "",
                chartVersion: "",
                promotionMode: "direct",
                version: "1.2.27",
            });
            assert.deepEqual([direct.pins?.imageTag, direct.pins?.chartVersion], ["v1.2.27", "1.2.27"]);
        });
    });

    describe("errors", () => {
        it("is a one-line ConfigError the Pulumi CLI prints without a stack trace", () => {
            const err = configError(PIPELINE, { version: "1.0" });
            assert.ok(err instanceof pulumi.RunError);
            assert.equal(err.name, "ConfigError");
            assert.ok(!err.message.includes("\n"), err.message);
            assert.match(err.message, /serviceradar-release:version: "1\.0"; expected .*semver/);
        });

        it("names an unknown stack and the environments that exist", () => {
            assert.throws(
                () => parse("prod"),
                (err: unknown) =>
                    err instanceof ConfigError && err.key === "stack" && /"prod".*demo-staging, demo/.test(err.message),
            );
        });

        it("checks the scheme before the path pattern of chartRepository", () => {
            assert.match(configError(PIPELINE, { chartRepository: "oci://x" }).message, /without a scheme/);
        });
    });
});
