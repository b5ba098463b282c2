import { strict as assert } from "node:assert";
import {
    application,
    chartApplication,
    details,
    DIGEST,
    repositoryFile,
    SHA40,
    umbrellaChart,
    violationsOf,
    hydration,
} from "./fixtures";

const POLICY = "chart-image-version-agreement";
const app = (version: string, valuesObject: Record<string, unknown>) => chartApplication(version, { valuesObject });
const dry = (files: [string, string][]) =>
    files.map(([file, content]) => repositoryFile(`deploy/release/${file}`, content));

describe(`policy ${POLICY}`, () => {
    describe("an Application that pins the chart", () => {
        it("accepts image tag v<chartVersion>", async () => {
            assert.deepEqual(
                await violationsOf(POLICY, [
                    app("1.2.27", { global: { imageTag: "v1.2.27", imagePullPolicy: "IfNotPresent" } }),
                ]),
                [],
            );
            assert.deepEqual(
                await violationsOf(POLICY, [app("1.3.0-rc.1", { global: { imageTag: "v1.3.0-rc.1" } })]),
                [],
            );
            assert.deepEqual(
                await violationsOf(POLICY, [app("1.2.27", { global: { imageTag: `v1.2.27@${DIGEST}` } })]),
                [],
            );
        });

        for (const tag of ["v1.2.26", `sha-${SHA40}`, "1.2.27", "latest"]) {
            it(`rejects global.imageTag ${tag} with chart 1.2.27`, async () => {
                const resource = app("1.2.27", { global: { imageTag: tag } });
                const violations = await violationsOf(POLICY, [resource]);
                assert.equal(violations.length, 1);
                assert.equal(violations[0].level, "mandatory");
                assert.equal(violations[0].resource, resource.urn);
                assert.equal(
                    details(violations)[0],
                    `global.imageTag in spec.source.helm is ${JSON.stringify(tag)} but chart "serviceradar" is "1.2.27": images must be "v1.2.27". Align them, or set allowMismatchReason.`,
                );
            });
        }

        it("rejects a chart deployed without an image tag (the chart default is latest)", async () => {
            const violations = await violationsOf(POLICY, [
                app("1.2.27", { image: { registryPullSecret: "ghcr-io-cred" } }),
            ]);
            assert.equal(violations.length, 1);
            assert.match(
                details(violations)[0],
                /deployed without global\.imageTag.*Set global\.imageTag to "v1\.2\.27"/,
            );
            const noHelm = application({
                source: { repoURL: "ghcr.io/carverauto/charts", chart: "serviceradar", targetRevision: "1.2.27" },
            });
            assert.equal((await violationsOf(POLICY, [noHelm])).length, 1);
        });

        it("compares image.tags.* too, but not independent images or digest-pinned ones", async () => {
            const resource = app("1.2.27", {
                global: { imageTag: "v1.2.27" },
                image: {
                    tags: { core: "v1.2.26", nats: "2.12.6-alpine", webNg: "latest" },
                    digests: { webNg: DIGEST },
                },
            });
            assert.deepEqual(
                details(await violationsOf(POLICY, [resource])).map((d) => d.split(" is ")[0]),
                ["image.tags.core in spec.source.helm"],
            );
        });

        it("uses the effective value: parameters win over valuesObject", async () => {
            const resource = chartApplication("1.2.27", {
                valuesObject: { global: { imageTag: "v1.2.26" } },
                parameters: [{ name: "global.imageTag", value: "v1.2.27" }],
            });
            assert.deepEqual(await violationsOf(POLICY, [resource]), []);
        });

        it("skips charts it is not configured for, and versions that are not exact (pinned-chart-version reports those)", async () => {
            const other = application({
                source: {
                    repoURL: "https://charts.example",
                    chart: "nginx",
                    targetRevision: "1.0.0",
                    helm: { valuesObject: { global: { imageTag: "latest" } } },
                },
            });
            assert.deepEqual(await violationsOf(POLICY, [other, app("*", { global: { imageTag: "v1.2.27" } })]), []);
            assert.equal((await violationsOf(POLICY, [other], { charts: ["nginx"] })).length, 1);
        });
    });

    describe("the DRY umbrella chart and its values files", () => {
        it("accepts values.yaml's global.imageTag v<dependency version>", async () => {
            const files = dry([
                ["Chart.yaml", umbrellaChart("1.2.27")],
                ["values.yaml", "global:\n  imageTag: v1.2.27\n"],
                ["values-demo.yaml", "global:\n  imagePullPolicy: IfNotPresent\n"],
                ["values-demo-staging.yaml", "global:\n  imagePullPolicy: Always\n"],
            ]);
            assert.deepEqual(await violationsOf(POLICY, files), []);
        });

        it("rejects an environment file that overrides the tag, blaming that file", async () => {
            const files = dry([
                ["Chart.yaml", umbrellaChart("1.2.27")],
                ["values.yaml", "global:\n  imageTag: v1.2.27\n"],
                ["values-demo.yaml", "global:\n  imageTag: v1.2.26\n"],
                ["values-demo-staging.yaml", "serviceradar:\n  image:\n    tags:\n      core: v1.2.27\n"],
            ]);
            const violations = await violationsOf(POLICY, files);
            assert.equal(violations.length, 1);
            assert.equal(violations[0].resource, files[2].urn);
            assert.match(
                details(violations)[0],
                /^global\.imageTag in deploy\/release\/values\.yaml \+ deploy\/release\/values-demo\.yaml \(serviceradar\) is "v1\.2\.26"/,
            );
        });

        it("reads subchart values under the dependency's name", async () => {
            const files = dry([
                ["Chart.yaml", umbrellaChart("1.2.27")],
                ["values.yaml", "serviceradar:\n  global:\n    imageTag: v1.2.20\n"],
            ]);
            assert.match(details(await violationsOf(POLICY, files))[0], /^global\.imageTag in .* is "v1\.2\.20"/);
        });

        it("rejects a pinned chart without any image tag", async () => {
            assert.equal((await violationsOf(POLICY, dry([["Chart.yaml", umbrellaChart("1.2.27")]]))).length, 1);
            assert.equal(
                (
                    await violationsOf(
                        POLICY,
                        dry([
                            ["Chart.yaml", umbrellaChart("1.2.27")],
                            ["values.yaml", "global:\n  imagePullPolicy: Always\n"],
                        ]),
                    )
                ).length,
                1,
            );
        });

        it("judges the one-commit DRY release like separate files, with the per-environment values file", async () => {
            const release = (tag: string) =>
                hydration({
                    "deploy/release/Chart.yaml": umbrellaChart("1.2.27"),
                    "deploy/release/values.yaml": `global:\n  imageTag: ${tag}\n`,
                });
            const envValues = repositoryFile(
                "deploy/release/values-demo-staging.yaml",
                "global:\n  imagePullPolicy: Always\n",
            );
            assert.deepEqual(await violationsOf(POLICY, [release("v1.2.27"), envValues]), []);
            assert.equal((await violationsOf(POLICY, [release("v1.2.26"), envValues])).length, 1);
        });

        it("pairs files only within one repository, branch and folder", async () => {
            const files = [
                repositoryFile("deploy/release/Chart.yaml", umbrellaChart("1.2.27")),
                repositoryFile("deploy/release/values.yaml", "global:\n  imageTag: v1.2.27\n"),
                repositoryFile("deploy/other/values.yaml", "global:\n  imageTag: v9.9.9\n"),
            ];
            assert.deepEqual(await violationsOf(POLICY, files), []);
        });
    });

    describe("a deliberate mismatch", () => {
        it("is allowed with a non-empty allowMismatchReason", async () => {
            const resource = app("1.2.27", { global: { imageTag: "v1.2.26" } });
            assert.deepEqual(
                await violationsOf(POLICY, [resource], {
                    allowMismatchReason: "hotfix image v1.2.26 on chart 1.2.27 (INC-42)",
                }),
                [],
            );
            assert.equal((await violationsOf(POLICY, [resource], { allowMismatchReason: "   " })).length, 1);
            assert.equal((await violationsOf(POLICY, [resource], { allowMismatchReason: "" })).length, 1);
        });
    });
});

describe(`policy ${POLICY}: exact findings`, () => {
    const cases: [string, Record<string, unknown>, string[]][] = [
        [
            "a mismatching global.imageTag",
            { global: { imageTag: "v1.2.26" } },
            [
                'global.imageTag in spec.source.helm is "v1.2.26" but chart "serviceradar" is "1.2.27": images must be "v1.2.27". Align them, or set allowMismatchReason.',
            ],
        ],
        [
            "a number as global.imageTag",
            { global: { imageTag: 5 } },
            [
                'global.imageTag in spec.source.helm is 5 but chart "serviceradar" is "1.2.27": images must be "v1.2.27". Align them, or set allowMismatchReason.',
            ],
        ],
        [
            "a per-image tag without a digest",
            { global: { imageTag: "v1.2.27" }, image: { tags: { core: "v1.2.26" } } },
            [
                'image.tags.core in spec.source.helm is "v1.2.26" but chart "serviceradar" is "1.2.27": images must be "v1.2.27". Align them, or set allowMismatchReason.',
            ],
        ],
        [
            "no image tag at all",
            { global: { imageTag: null }, image: { tags: { core: null, web: { a: 1 } } } },
            [
                'spec.source.helm: chart "serviceradar" "1.2.27" is deployed without global.imageTag, so the chart\'s default image tag (latest) runs. Set global.imageTag to "v1.2.27".',
            ],
        ],
        [
            "a tag pinned by a valid digest",
            { global: { imageTag: "v1.2.27" }, image: { tags: { core: "main" }, digests: { core: DIGEST } } },
            [],
        ],
        [
            "a tag next to an invalid digest",
            { global: { imageTag: "v1.2.27" }, image: { tags: { core: "main" }, digests: { core: "sha256:abc" } } },
            [
                'image.tags.core in spec.source.helm is "main" but chart "serviceradar" is "1.2.27": images must be "v1.2.27". Align them, or set allowMismatchReason.',
            ],
        ],
    ];
    for (const [what, valuesObject, messages] of cases) {
        it(`reports ${what} exactly`, async () =>
            assert.deepEqual(details(await violationsOf(POLICY, [app("1.2.27", valuesObject)])), messages));
    }
});
