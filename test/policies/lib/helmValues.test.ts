import { strict as assert } from "node:assert";
import {
    effectiveValues,
    formatPath,
    helmValueLayers,
    imageSettings,
    mergeValues,
    parseSetPath,
    pullPolicyFor,
    subchartValues,
} from "../../../policies/lib/helmValues";
import { DIGEST } from "../fixtures";

describe("policies/lib/helmValues", () => {
    it("parses Helm --set names", () => {
        assert.deepEqual(parseSetPath("global.imageTag"), ["global", "imageTag"]);
        assert.deepEqual(parseSetPath("image.tags.core"), ["image", "tags", "core"]);
        assert.deepEqual(parseSetPath("a\\.b.c"), ["a.b", "c"]);
        assert.deepEqual(parseSetPath("extraContainers[0].image"), ["extraContainers", 0, "image"]);
        assert.deepEqual(parseSetPath("list[1]"), ["list", 1]);
        for (const bad of ["", ".a", "a..b", "a.", "a[x]", "a[1"]) assert.equal(parseSetPath(bad), undefined, bad);
        assert.equal(formatPath(["a.b", "c", 0, "image"]), "a\\.b.c[0].image");
    });

    it("layers values, valuesObject and parameters with Argo CD's precedence", () => {
        const layers = helmValueLayers(
            {
                values: "global:\n  imageTag: v1.0.0\n  imagePullPolicy: IfNotPresent\n",
                valuesObject: { global: { imageTag: "v2.0.0" } },
                parameters: [
                    { name: "global.imagePullPolicy", value: "Always" },
                    { name: "image.tags.core", value: "main" },
                ],
            },
            "spec.source.helm",
        );
        assert.deepEqual(
            layers.map((l) => l.origin),
            ["spec.source.helm.values", "spec.source.helm.valuesObject", "spec.source.helm.parameters"],
        );
        assert.deepEqual(effectiveValues(layers), {
            global: { imageTag: "v2.0.0", imagePullPolicy: "Always" },
            image: { tags: { core: "main" } },
        });
    });

    it("reports unreadable layers", () => {
        const [values] = helmValueLayers({ values: "global: [unclosed" }, "o");
        assert.equal(values.errors.length, 1);
        const [params] = helmValueLayers({ parameters: [{ value: "x" }, { name: "a..b", value: "y" }] }, "o");
        assert.equal(params.errors.length, 2);
        assert.deepEqual(helmValueLayers({ values: "just a string" }, "o")[0].errors.length, 1);
        assert.deepEqual(helmValueLayers({ values: "" }, "o")[0], { origin: "o.values", values: {}, errors: [] });
    });

    it("merges like Helm: maps key by key, null deletes", () => {
        assert.deepEqual(mergeValues({ a: { b: 1, c: 2 }, d: [1] }, { a: { c: 3, e: null }, d: [2] }), {
            a: { b: 1, c: 3 },
            d: [2],
        });
        assert.deepEqual(mergeValues({ a: { b: 1 } }, { a: null }), {});
    });

    it("sees parent globals in a subchart", () => {
        assert.deepEqual(
            subchartValues(
                { global: { imageTag: "v2" }, serviceradar: { global: { imageTag: "v1", x: 1 }, a: 1 } },
                "serviceradar",
            ),
            {
                global: { imageTag: "v2", x: 1 },
                a: 1,
            },
        );
        assert.deepEqual(subchartValues({ global: { imageTag: "v2" } }, "serviceradar"), {
            global: { imageTag: "v2" },
        });
    });

    it("finds every image setting, at any depth", () => {
        const values = {
            global: { imageTag: "latest", imagePullPolicy: "Always" },
            image: {
                registryPullSecret: "ghcr-io-cred",
                tags: { appTag: "latest", core: "main", nats: "2.12.6-alpine" },
                digests: { core: DIGEST },
            },
            bmpCollector: {
                image: {
                    repository: "registry.carverauto.dev/serviceradar/arancini",
                    tag: "main",
                    pullPolicy: "IfNotPresent",
                },
            },
            faker: { gobgp: { image: { repository: "docker.io/osrg/gobgp", tag: "latest" } } },
            spire: {
                server: { image: "ghcr.io/spiffe/spire-server:1.11.2" },
                controllerManager: { image: "ghcr.io/spiffe/spire-controller-manager", tag: "0.6.3" },
            },
            extraContainers: [{ name: "sidecar", image: "busybox" }],
            serviceradar: { global: { imageTag: "v1.2.27" } },
        };
        const found = imageSettings(values).map((s) => [s.kind, formatPath(s.path), s.overriddenByDigest]);
        assert.deepEqual(found, [
            ["tag", "global.imageTag", false],
            ["tag", "image.tags.appTag", false],
            ["tag", "image.tags.core", true],
            ["tag", "image.tags.nats", false],
            ["digest", "image.digests.core", false],
            ["tag", "bmpCollector.image.tag", false],
            ["tag", "faker.gobgp.image.tag", false],
            ["reference", "spire.server.image", false],
            ["tag", "spire.controllerManager.tag", false],
            ["reference", "extraContainers[0].image", false],
            ["tag", "serviceradar.global.imageTag", false],
        ]);
        assert.deepEqual(imageSettings({ image: { registryPullSecret: "x" }, imagePullPolicy: "Always" }), []);
    });

    it("finds the pull policy that applies to a tag", () => {
        const values = {
            global: { imageTag: "latest", imagePullPolicy: "Always" },
            image: { tags: { core: "main" } },
            bmpCollector: { image: { tag: "main", pullPolicy: "IfNotPresent" } },
        };
        assert.deepEqual(pullPolicyFor(values, ["global", "imageTag"]), {
            path: ["global", "imagePullPolicy"],
            value: "Always",
        });
        assert.deepEqual(pullPolicyFor(values, ["image", "tags", "core"]), {
            path: ["global", "imagePullPolicy"],
            value: "Always",
        });
        assert.deepEqual(pullPolicyFor(values, ["bmpCollector", "image", "tag"]), {
            path: ["bmpCollector", "image", "pullPolicy"],
            value: "IfNotPresent",
        });
        assert.equal(pullPolicyFor({ image: { tag: "x" } }, ["image", "tag"]), undefined);
    });
});
