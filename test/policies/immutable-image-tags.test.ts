import { strict as assert } from "node:assert";
import {
    application,
    chartApplication,
    details,
    DIGEST,
    HEX64,
    hydratorApplication,
    repositoryFile,
    SHA40,
    violationsOf,
    workload,
    hydration,
} from "./fixtures";

const POLICY = "immutable-image-tags";
const tagged = (imageTag: unknown) => chartApplication("1.2.27", { valuesObject: { global: { imageTag } } });

describe(`policy ${POLICY}`, () => {
    describe("Helm values of an Application", () => {
        for (const tag of ["v1.2.27", `sha-${SHA40}`, `v1.2.27@${DIGEST}`, `latest@${DIGEST}`, "v1.3.0-rc.1"]) {
            it(`accepts global.imageTag ${tag}`, async () =>
                assert.deepEqual(await violationsOf(POLICY, [tagged(tag)]), []));
        }

        const rejected: [unknown, RegExp][] = [
            ["latest", /latest moves/],
            ["main", /mutable/],
            ["", /empty/],
            ["V1.2.3", /lower-case v/],
            [`SHA-${SHA40}`, /40-hex/],
            [`sha-${SHA40.toUpperCase()}`, /40-hex/],
            ["1.2.27", /leading v/],
            [`latest@sha256:${HEX64.toUpperCase()}`, /lower-case/],
            [null, /empty/],
        ];
        for (const [tag, problem] of rejected) {
            it(`rejects global.imageTag ${JSON.stringify(tag)}`, async () => {
                const violations = await violationsOf(POLICY, [tagged(tag)]);
                assert.equal(violations.length, 1);
                assert.equal(violations[0].level, "mandatory");
                assert.equal(violations[0].resource, tagged(tag).urn);
                assert.match(details(violations)[0], /^global\.imageTag in spec\.source\.helm\.valuesObject is /);
                assert.match(details(violations)[0], problem);
            });
        }

        it("looks into values (YAML text), valuesObject and parameters, across source and sources", async () => {
            const app = application({
                sources: [
                    {
                        repoURL: "https://github.com/carverauto/serviceradar.git",
                        ref: "values",
                        targetRevision: "v1.2.27",
                    },
                    {
                        repoURL: "ghcr.io/carverauto/charts",
                        chart: "serviceradar",
                        targetRevision: "1.2.27",
                        helm: {
                            values: "image:\n  tags:\n    core: main\nbmpCollector:\n  image:\n    tag: latest\n",
                            valuesObject: {
                                global: { imageTag: "v1.2.27" },
                                faker: { gobgp: { image: { tag: "latest" } } },
                            },
                            parameters: [
                                { name: "global.imageTag", value: "staging" },
                                { name: "image.tags.webNg", value: `sha-${SHA40}` },
                            ],
                        },
                    },
                ],
            });
            assert.deepEqual(
                details(await violationsOf(POLICY, [app])).map((d) => d.split(" is ")[0]),
                [
                    "image.tags.core in spec.sources[1].helm.values",
                    "bmpCollector.image.tag in spec.sources[1].helm.values",
                    "faker.gobgp.image.tag in spec.sources[1].helm.valuesObject",
                    "global.imageTag in spec.sources[1].helm.parameters",
                ],
            );
        });

        it("looks into the hydrator's drySource and kustomize images", async () => {
            const app = hydratorApplication(`${SHA40}`, { valuesObject: { gobgp: { image: { tag: "latest" } } } });
            const kustomized = application({
                source: {
                    repoURL: "https://x/y.git",
                    path: "k",
                    targetRevision: "v1.0.0",
                    kustomize: { images: ["app=ghcr.io/x/app:main", `b=ghcr.io/x/b:v1.0.0`] },
                },
            });
            assert.deepEqual(
                details(await violationsOf(POLICY, [app, kustomized])).map((d) => d.split(" is ")[0]),
                [
                    "gobgp.image.tag in spec.sourceHydrator.drySource.helm.valuesObject",
                    "spec.source.kustomize.images[0]",
                ],
            );
        });

        it("lets a valid digest win over the tag next to it, and rejects empty or malformed digests", async () => {
            const app = chartApplication("1.2.27", {
                valuesObject: {
                    global: { imageTag: "v1.2.27" },
                    image: {
                        tags: { core: "latest", webNg: "latest" },
                        digests: { core: DIGEST, webNg: "", agent: "sha256:abc" },
                    },
                },
            });
            // Properties reach the analyzer as a protobuf Struct, whose keys come back sorted.
            assert.deepEqual(
                details(await violationsOf(POLICY, [app])).map((d) => d.split(" is ")[0]),
                [
                    "image.digests.agent in spec.source.helm.valuesObject",
                    "image.digests.webNg in spec.source.helm.valuesObject",
                    "image.tags.webNg in spec.source.helm.valuesObject",
                ],
            );
        });

        it("reports values it cannot read", async () => {
            const violations = await violationsOf(POLICY, [
                chartApplication("1.2.27", { values: "global: [imageTag" }),
            ]);
            assert.equal(violations.length, 1);
            assert.match(details(violations)[0], /^spec\.source\.helm\.values: the YAML does not parse/);
        });
    });

    describe("DRY values files", () => {
        it("looks into every values file of the one-commit DRY release", async () => {
            const release = (tag: string) =>
                hydration({
                    "deploy/release/Chart.yaml": "name: x\n",
                    "deploy/release/values.yaml": `global:\n  imageTag: ${tag}\n`,
                });
            assert.deepEqual(await violationsOf(POLICY, [release("v1.2.27")]), []);
            const violations = await violationsOf(POLICY, [release("latest")]);
            assert.equal(violations.length, 1);
            assert.match(details(violations)[0], /global\.imageTag in deploy\/release\/values\.yaml is "latest"/);
        });

        it("accepts pinned tags and checks global.imageTag, image.tags.*, image.digests.* and *.image.tag at any depth", async () => {
            const ok = repositoryFile(
                "deploy/release/values.yaml",
                `global:\n  imageTag: v1.2.27\nserviceradar:\n  image:\n    tags:\n      core: sha-${SHA40}\n`,
            );
            assert.deepEqual(await violationsOf(POLICY, [ok]), []);
            const bad = repositoryFile(
                "deploy/release/values-demo.yaml",
                [
                    "global:",
                    "  imageTag: latest",
                    "serviceradar:",
                    "  image:",
                    "    tags:",
                    "      core: main",
                    "    digests:",
                    "      agent: sha256:abc",
                    "  bmpCollector:",
                    "    image:",
                    "      tag: V1.2.27",
                    "  gobgp:",
                    "    image:",
                    "      tag: latest",
                    "  faker:",
                    "    gobgp:",
                    "      image:",
                    "        tag: ''",
                    "",
                ].join("\n"),
            );
            const violations = await violationsOf(POLICY, [bad]);
            assert.deepEqual(
                details(violations).map((d) => d.split(" is ")[0]),
                [
                    "global.imageTag in deploy/release/values-demo.yaml",
                    "serviceradar.image.tags.core in deploy/release/values-demo.yaml",
                    "serviceradar.image.digests.agent in deploy/release/values-demo.yaml",
                    "serviceradar.bmpCollector.image.tag in deploy/release/values-demo.yaml",
                    "serviceradar.gobgp.image.tag in deploy/release/values-demo.yaml",
                    "serviceradar.faker.gobgp.image.tag in deploy/release/values-demo.yaml",
                ],
            );
            assert.ok(violations.every((v) => v.resource === bad.urn));
        });

        it("ignores files that are not values files", async () => {
            assert.deepEqual(
                await violationsOf(POLICY, [
                    repositoryFile("deploy/release/README.md", "global:\n  imageTag: latest\n"),
                ]),
                [],
            );
        });
    });

    describe("workload containers", () => {
        const immutable = [
            `ghcr.io/carverauto/serviceradar-core:sha-${SHA40}`,
            "registry:5000/app:v1.2.3",
            `app:latest@${DIGEST}`,
            `localhost:5000/app@${DIGEST}`,
        ];
        const mutable = [
            "localhost:5000/app",
            "registry:5000/app",
            "docker.io/library/nginx",
            "nginx",
            "nginx:latest",
            "app:V1.2.3",
            `app:SHA-${SHA40}`,
            `app@sha256:${HEX64.toUpperCase()}`,
            "",
        ];

        for (const kind of ["Pod", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicaSet"]) {
            it(`checks every container and init container of a ${kind}`, async () => {
                const ok = workload(
                    kind,
                    immutable.map((image, i) => ({ name: `c${i}`, image })),
                    [{ name: "init", image: `busybox@${DIGEST}` }],
                );
                assert.deepEqual(await violationsOf(POLICY, [ok]), []);
                const bad = workload(
                    kind,
                    [{ name: "app", image: "nginx" }],
                    [{ name: "init", image: "busybox:main" }],
                );
                const violations = await violationsOf(POLICY, [bad]);
                assert.equal(violations.length, 2);
                assert.match(details(violations)[0], /initContainers\[0\] \(init\) is "busybox:main"/);
                assert.match(
                    details(violations)[1],
                    /containers\[0\] \(app\) is "nginx": it has no tag, so it pulls latest/,
                );
            });
        }

        for (const image of mutable) {
            it(`rejects the container image ${JSON.stringify(image)}`, async () => {
                const violations = await violationsOf(POLICY, [workload("Deployment", [{ name: "app", image }])]);
                assert.equal(violations.length, 1, JSON.stringify(violations));
            });
        }

        it("rejects a container without an image", async () => {
            assert.equal((await violationsOf(POLICY, [workload("Pod", [{ name: "app" }])])).length, 1);
        });

        it("ignores resources that deploy no images", async () => {
            const service = { ...workload("Deployment", [{ image: "nginx" }]), type: "kubernetes:core/v1:Service" };
            assert.deepEqual(await violationsOf(POLICY, [service]), []);
        });
    });
});
