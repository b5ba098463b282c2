import { strict as assert } from "node:assert";
import {
    chartApplication,
    details,
    DIGEST,
    repositoryFile,
    SHA40,
    umbrellaChart,
    violationsOf,
    workload,
} from "./fixtures";

const POLICY = "mutable-tags-pull-always";
const values = (valuesObject: Record<string, unknown>) => chartApplication("1.2.27", { valuesObject });

describe(`policy ${POLICY}`, () => {
    describe("Helm values", () => {
        it("accepts mutable tags pulled Always and immutable tags pulled IfNotPresent", async () => {
            assert.deepEqual(
                await violationsOf(POLICY, [values({ global: { imageTag: "latest", imagePullPolicy: "Always" } })]),
                [],
            );
            assert.deepEqual(
                await violationsOf(POLICY, [
                    values({ global: { imageTag: "v1.2.27", imagePullPolicy: "IfNotPresent" } }),
                ]),
                [],
            );
            assert.deepEqual(await violationsOf(POLICY, [values({ global: { imageTag: `sha-${SHA40}` } })]), []);
            assert.deepEqual(
                await violationsOf(POLICY, [
                    values({
                        global: { imageTag: "v1.2.27" },
                        image: { tags: { core: "latest" }, digests: { core: DIGEST } },
                    }),
                ]),
                [],
            );
        });

        it("rejects a mutable global.imageTag pulled IfNotPresent or with no pull policy", async () => {
            const resource = values({ global: { imageTag: "main", imagePullPolicy: "IfNotPresent" } });
            const violations = await violationsOf(POLICY, [resource]);
            assert.equal(violations.length, 1);
            assert.equal(violations[0].resource, resource.urn);
            assert.equal(
                details(violations)[0],
                'global.imageTag in spec.source.helm is the mutable "main" but global.imagePullPolicy is "IfNotPresent". Set global.imagePullPolicy to "Always".',
            );
            assert.match(
                details(await violationsOf(POLICY, [values({ global: { imageTag: "latest" } })]))[0],
                /no pull policy is set.*Set global\.imagePullPolicy to "Always"/,
            );
            assert.equal((await violationsOf(POLICY, [values({ global: { imageTag: "" } })])).length, 1);
        });

        it("uses the image's own pullPolicy before global.imagePullPolicy", async () => {
            const own = values({
                global: { imageTag: "v1.2.27", imagePullPolicy: "Always" },
                bmpCollector: { image: { tag: "main", pullPolicy: "IfNotPresent" } },
            });
            assert.match(
                details(await violationsOf(POLICY, [own]))[0],
                /^bmpCollector\.image\.tag .* but bmpCollector\.image\.pullPolicy is "IfNotPresent"/,
            );
            const fine = values({
                global: { imagePullPolicy: "IfNotPresent" },
                gobgp: { image: { tag: "latest", pullPolicy: "Always" } },
            });
            assert.deepEqual(await violationsOf(POLICY, [fine]), []);
        });

        it("uses the effective values: parameters override valuesObject", async () => {
            const resource = chartApplication("1.2.27", {
                valuesObject: { global: { imageTag: "latest", imagePullPolicy: "Always" } },
                parameters: [{ name: "global.imagePullPolicy", value: "IfNotPresent" }],
            });
            assert.equal((await violationsOf(POLICY, [resource])).length, 1);
        });
    });

    describe("DRY values files", () => {
        it("overlays each environment file on values.yaml", async () => {
            const files = [
                repositoryFile("deploy/release/Chart.yaml", umbrellaChart("1.2.27")),
                repositoryFile("deploy/release/values.yaml", "global:\n  imageTag: latest\n"),
                repositoryFile("deploy/release/values-demo-staging.yaml", "global:\n  imagePullPolicy: Always\n"),
                repositoryFile("deploy/release/values-demo.yaml", "global:\n  imagePullPolicy: IfNotPresent\n"),
            ];
            const violations = await violationsOf(POLICY, files);
            assert.equal(violations.length, 1);
            assert.equal(violations[0].resource, files[3].urn);
            assert.match(details(violations)[0], /values-demo\.yaml \(serviceradar\) is the mutable "latest"/);
        });

        it("sees subchart pull policies under the dependency's block", async () => {
            const files = [
                repositoryFile("deploy/release/Chart.yaml", umbrellaChart("1.2.27")),
                repositoryFile(
                    "deploy/release/values.yaml",
                    "serviceradar:\n  global:\n    imagePullPolicy: Always\n  image:\n    tags:\n      core: main\n",
                ),
            ];
            assert.deepEqual(await violationsOf(POLICY, files), []);
        });
    });

    describe("containers", () => {
        it("accepts tag-less and :latest images left to the Kubernetes default (Always)", async () => {
            assert.deepEqual(
                await violationsOf(POLICY, [
                    workload("Deployment", [
                        { image: "nginx" },
                        { image: "registry:5000/app" },
                        { image: "nginx:latest" },
                    ]),
                ]),
                [],
            );
        });
        it("accepts immutable images pulled IfNotPresent and mutable images pulled Always", async () => {
            const ok = workload("Pod", [
                { image: "app:v1.2.3", imagePullPolicy: "IfNotPresent" },
                { image: "app:main", imagePullPolicy: "Always" },
            ]);
            assert.deepEqual(await violationsOf(POLICY, [ok]), []);
        });
        it("rejects mutable images pulled IfNotPresent, explicitly or by default", async () => {
            const resource = workload(
                "CronJob",
                [
                    { name: "a", image: "app:main" },
                    { name: "b", image: "nginx:latest", imagePullPolicy: "IfNotPresent" },
                ],
                [{ name: "i", image: "tools:V1.0.0", imagePullPolicy: "Never" }],
            );
            const violations = await violationsOf(POLICY, [resource]);
            assert.deepEqual(details(violations), [
                'spec.jobTemplate.spec.template.spec.initContainers[0] (i) runs the mutable "tools:V1.0.0" with imagePullPolicy "Never". Set imagePullPolicy: Always.',
                'spec.jobTemplate.spec.template.spec.containers[0] (a) runs the mutable "app:main" with imagePullPolicy "IfNotPresent" (the Kubernetes default for this tag). Set imagePullPolicy: Always.',
                'spec.jobTemplate.spec.template.spec.containers[1] (b) runs the mutable "nginx:latest" with imagePullPolicy "IfNotPresent". Set imagePullPolicy: Always.',
            ]);
            assert.ok(violations.every((v) => v.resource === resource.urn));
        });
    });
});

describe(`policy ${POLICY}: exact findings and what it leaves to other policies`, () => {
    it("reports a mutable values tag with no pull policy, saying what to set", async () => {
        const app = chartApplication("1.2.27", { valuesObject: { global: { imageTag: "main" } } });
        assert.deepEqual(details(await violationsOf(POLICY, [app])), [
            'global.imageTag in spec.source.helm is the mutable "main" but no pull policy is set (the ServiceRadar chart defaults to IfNotPresent). Set global.imagePullPolicy to "Always".',
        ]);
    });

    it("leaves invalid values tags to immutable-image-tags", async () => {
        const app = chartApplication("1.2.27", { valuesObject: { global: { imageTag: "-bad" } } });
        assert.deepEqual(await violationsOf(POLICY, [app]), []);
    });

    const containers: [string, { name?: string; image?: unknown; imagePullPolicy?: unknown }, string[]][] = [
        [
            "an empty pull policy as the Kubernetes default",
            { name: "app", image: "nginx:main", imagePullPolicy: "" },
            [
                'spec.template.spec.containers[0] (app) runs the mutable "nginx:main" with imagePullPolicy "IfNotPresent" (the Kubernetes default for this tag). Set imagePullPolicy: Always.',
            ],
        ],
        [
            "a null pull policy as the Kubernetes default, for a container without a name",
            { image: "nginx:main", imagePullPolicy: null },
            [
                'spec.template.spec.containers[0] runs the mutable "nginx:main" with imagePullPolicy "IfNotPresent" (the Kubernetes default for this tag). Set imagePullPolicy: Always.',
            ],
        ],
        [
            "an explicit IfNotPresent",
            { name: "app", image: "nginx:main", imagePullPolicy: "IfNotPresent" },
            [
                'spec.template.spec.containers[0] (app) runs the mutable "nginx:main" with imagePullPolicy "IfNotPresent". Set imagePullPolicy: Always.',
            ],
        ],
        ["nothing for an empty image (immutable-image-tags reports it)", { name: "app", image: "" }, []],
        ["nothing for an invalid image", { name: "app", image: "Bad Image:main" }, []],
    ];
    for (const [what, container, messages] of containers) {
        it(`reports ${what}`, async () =>
            assert.deepEqual(
                details(await violationsOf(POLICY, [workload("Deployment", [container as { name?: string }])])),
                messages,
            ));
    }

    it("looks at containers of workload types only", async () => {
        const service = { ...workload("Deployment", [{ image: "nginx:main" }]), type: "kubernetes:core/v1:Service" };
        assert.deepEqual(await violationsOf(POLICY, [service]), []);
    });
});
