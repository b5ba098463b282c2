import { strict as assert } from "node:assert";
import { checkPolicies } from "../../plan/policyCheck";
import {
    application,
    chartApplication,
    details,
    DIGEST,
    hydratorApplication,
    PROJECT,
    repositoryFile,
    SHA40,
    umbrellaChart,
    violationsOf,
    workload,
} from "./fixtures";

const POLICY = "no-prerelease";

describe(`policy ${POLICY}`, () => {
    it("accepts final releases and commit tags", async () => {
        const resources = [
            chartApplication("1.2.27", {
                valuesObject: { global: { imageTag: "v1.2.27" }, image: { tags: { core: `sha-${SHA40}` } } },
            }),
            hydratorApplication("v1.2.27"),
            repositoryFile("deploy/release/Chart.yaml", umbrellaChart("1.2.27")),
            repositoryFile("deploy/release/values.yaml", "global:\n  imageTag: v1.2.27\n"),
            workload("Deployment", [{ name: "app", image: "ghcr.io/carverauto/serviceradar-core:v1.2.27" }]),
        ];
        assert.deepEqual(await violationsOf(POLICY, resources), []);
    });

    it("rejects a pre-release chart version and image tag on an Application", async () => {
        const resource = chartApplication("1.3.0-rc.1", { valuesObject: { global: { imageTag: "v1.3.0-alpha" } } });
        const violations = await violationsOf(POLICY, [resource]);
        assert.deepEqual(details(violations), [
            'spec.source.targetRevision is "1.3.0-rc.1", a pre-release (-rc.1). Deploy a final release here instead.',
            'global.imageTag in spec.source.helm.valuesObject is "v1.3.0-alpha", a pre-release (-alpha). Deploy a final release here instead.',
        ]);
        assert.ok(violations.every((v) => v.resource === resource.urn && v.level === "mandatory"));
    });

    it("rejects a pre-release git tag, Chart.yaml dependency, DRY values tag and container image", async () => {
        const resources = [
            hydratorApplication("v1.3.0-rc.2"),
            repositoryFile("deploy/release/Chart.yaml", umbrellaChart("1.3.0-beta.1")),
            repositoryFile(
                "deploy/release/values-demo.yaml",
                "serviceradar:\n  image:\n    tags:\n      core: v1.3.0-rc.1\n",
            ),
            workload("StatefulSet", [
                { name: "db", image: `ghcr.io/carverauto/serviceradar-cnpg:v1.3.0-rc.1@${DIGEST}` },
            ]),
        ];
        const violations = await violationsOf(POLICY, resources);
        assert.deepEqual(
            violations.map((v) => v.resource),
            resources.map((r) => r.urn),
        );
        assert.match(details(violations)[1], /dependency "serviceradar" version is "1\.3\.0-beta\.1"/);
    });

    it("ignores ranges (pinned-chart-version reports them) and non-semver branches", async () => {
        assert.deepEqual(
            await violationsOf(POLICY, [
                chartApplication("^1.3.0-0"),
                application({ source: { repoURL: "https://x/y.git", path: "p", targetRevision: "rc-1" } }),
            ]),
            [],
        );
    });

    it("is disabled unless a stack's policy config enables it", async () => {
        const resource = chartApplication("1.3.0-rc.1");
        const none = await checkPolicies([resource], {}, { project: PROJECT, stack: "demo" });
        assert.deepEqual(
            none.filter((v) => v.policy === POLICY),
            [],
        );
        const allAdvisory = await checkPolicies([resource], { all: "advisory" }, { project: PROJECT, stack: "demo" });
        assert.equal(allAdvisory.filter((v) => v.policy === POLICY).length, 1);
    });
});

describe(`policy ${POLICY}: exact findings and what it leaves alone`, () => {
    const nameless = "apiVersion: v2\nname: x\ndependencies:\n  - version: 1.3.0-rc.1\n";

    it("names a Chart.yaml dependency without a name by its position", async () => {
        assert.deepEqual(details(await violationsOf(POLICY, [repositoryFile("deploy/release/Chart.yaml", nameless)])), [
            'deploy/release/Chart.yaml dependency "#0" version is "1.3.0-rc.1", a pre-release (-rc.1). Deploy a final release here instead.',
        ]);
    });

    it("reads dependencies in Chart.yaml only, not in values files", async () => {
        assert.deepEqual(await violationsOf(POLICY, [repositoryFile("deploy/release/values.yaml", nameless)]), []);
    });

    it("leaves a chart version with a v to pinned-chart-version", async () => {
        assert.deepEqual(await violationsOf(POLICY, [chartApplication("v1.3.0-rc.1")]), []);
    });

    it("reads sources of Applications only", async () => {
        const set = { ...chartApplication("1.3.0-rc.1"), type: "kubernetes:argoproj.io/v1alpha1:ApplicationSet" };
        (set.inputs as Record<string, unknown>).kind = "ApplicationSet";
        assert.deepEqual(await violationsOf(POLICY, [set]), []);
    });
});
