import { strict as assert } from "node:assert";
import {
    effectiveValues,
    formatPath,
    getPath,
    helmValueLayers,
    imageSettings,
    isPlainObject,
    mergeValues,
    parseSetPath,
    parseValuesYaml,
    pullPolicyFor,
    setPath,
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

describe("policies/lib/helmValues: exact results at the edges", () => {
    const names: [string, (string | number)[] | undefined][] = [
        ["a\\", ["a\\"]],
        ["\\.", ["."]],
        ["a\\.", ["a."]],
        ["a\\[0]", ["a[0]"]],
        ["a[0]", ["a", 0]],
        ["a[12]", ["a", 12]],
        ["a[0].b", ["a", 0, "b"]],
        ["a[0][1]", ["a", 0, 1]],
        ["[0]", [0]],
        ["[0].a", [0, "a"]],
        ["a[0]b", ["a", 0, "b"]],
        ["a[0].", undefined],
        ["a[]", undefined],
        ["a[1x]", undefined],
        ["a[x1]", undefined],
        ["a[12", undefined],
    ];
    for (const [name, path] of names) {
        it(`parseSetPath(${JSON.stringify(name)}) is ${JSON.stringify(path)}`, () =>
            assert.deepEqual(parseSetPath(name), path));
    }

    it("setPath creates lists for indices and maps for keys, replacing what is in the way", () => {
        const tree: Record<string, unknown> = { s: "x", l: {}, keep: { x: 1 }, list: [5] };
        setPath(tree, ["a", 0, "b"], 1);
        setPath(tree, ["s", "b"], 2);
        setPath(tree, ["l", 0], 3);
        setPath(tree, ["keep", "y"], 4);
        setPath(tree, ["list", 1], 6);
        setPath(tree, [], 7);
        setPath(tree, ["sparse", 1], 8);
        assert.deepEqual(Object.keys(tree.sparse as unknown[]), ["1"], "a new list holds only the index set");
        delete tree.sparse;
        assert.deepEqual(tree, { a: [{ b: 1 }], s: { b: 2 }, l: [3], keep: { x: 1, y: 4 }, list: [5, 6] });
    });

    it("getPath indexes lists only with numbers and maps only with keys", () => {
        assert.equal(getPath({ a: [{ b: 1 }] }, ["a", 0, "b"]), 1);
        assert.equal(getPath({ a: { 0: 1 } }, ["a", 0]), undefined);
        assert.equal(getPath({ a: [1] }, ["a", "0"]), undefined);
    });

    it("isPlainObject is true only for maps", () => {
        assert.deepEqual([null, [], "x", 1, {}].map(isPlainObject), [false, false, false, false, true]);
    });

    it("mergeValues keeps the base when there is no overlay, and lets a scalar overlay win", () => {
        assert.deepEqual(mergeValues({ a: 1 }, undefined), { a: 1 });
        assert.deepEqual(mergeValues({ a: 1 }, "x"), "x");
        assert.deepEqual(mergeValues([1], { a: 1 }), { a: 1 });
    });

    it("parseValuesYaml says why a document cannot be read", () => {
        assert.deepEqual(parseValuesYaml("~"), { values: {} });
        assert.deepEqual(parseValuesYaml("- a"), { values: {}, error: "the YAML document is not a map of values" });
        const { values, error } = parseValuesYaml("a: [");
        assert.deepEqual(values, {});
        assert.match(error ?? "", /^the YAML does not parse \(Flow sequence in block collection[^\n]*\)$/);
    });

    it("helmValueLayers reads values given as a map, skips null or odd values, and names bad parameters", () => {
        assert.deepEqual(
            helmValueLayers(
                {
                    values: { a: 1 },
                    valuesObject: "x",
                    parameters: [{ name: "a.b" }, "x", { name: "c[0]", value: "v" }],
                },
                "o",
            ),
            [
                { origin: "o.values", values: { a: 1 }, errors: [] },
                {
                    origin: "o.parameters",
                    values: { a: { b: "" }, c: ["v"] },
                    errors: ["parameter [1] has no valid name"],
                },
            ],
        );
        assert.deepEqual(helmValueLayers({ values: null }, "o"), []);
        assert.deepEqual(helmValueLayers({ values: 5 }, "o"), []);
        assert.deepEqual(helmValueLayers("values: x", "o"), []);
    });

    const settings: [string, unknown, [string, string, unknown, boolean][]][] = [
        ["nothing in a non-map", null, []],
        [
            "any *ImageTag",
            { agentImageTag: "latest", imageTagOverride: "x" },
            [["tag", "agentImageTag", "latest", false]],
        ],
        [
            "a tag next to a repository under any key",
            { controller: { repository: "ghcr.io/x/c", tag: "main" } },
            [["tag", "controller.tag", "main", false]],
        ],
        ["no tag without image or repository beside it", { release: { tag: "v1" }, labels: { tags: { a: "b" } } }, []],
        ["no digests outside image", { backup: { digests: { a: "x" } } }, []],
        [
            "no digest but image.digests.* and image.digest",
            { image: { labels: { team: "x" } }, backup: { digest: "x" }, sidecar: { image: 5 } },
            [],
        ],
        [
            "image.digest as a digest, and the tag it pins",
            { bmp: { image: { tag: "main", digest: DIGEST } } },
            [
                ["tag", "bmp.image.tag", "main", true],
                ["digest", "bmp.image.digest", DIGEST, false],
            ],
        ],
        [
            "a nested image.tags entry pinned by its image.digests sibling",
            { sr: { image: { tags: { core: "main" }, digests: { core: DIGEST } } } },
            [
                ["tag", "sr.image.tags.core", "main", true],
                ["digest", "sr.image.digests.core", DIGEST, false],
            ],
        ],
        [
            "an image reference only when no tag sits beside it",
            { a: { image: "nginx", imageTag: "v1" }, b: { image: "nginx", tag: "v2" }, c: { image: "nginx" } },
            [
                ["tag", "a.imageTag", "v1", false],
                ["tag", "b.tag", "v2", false],
                ["reference", "c.image", "nginx", false],
            ],
        ],
    ];
    for (const [what, values, found] of settings) {
        it(`imageSettings finds ${what}`, () =>
            assert.deepEqual(
                imageSettings(values).map((s) => [s.kind, formatPath(s.path), s.value, s.overriddenByDigest]),
                found,
            ));
    }

    const policies: [string, Record<string, unknown>, (string | number)[], object | undefined][] = [
        [
            "at the root",
            { imageTag: "x", pullPolicy: "Always" },
            ["imageTag"],
            { path: ["pullPolicy"], value: "Always" },
        ],
        [
            "imagePullPolicy next to the image",
            { sidecar: { image: "x:main", imagePullPolicy: "Never" } },
            ["sidecar", "image"],
            { path: ["sidecar", "imagePullPolicy"], value: "Never" },
        ],
        [
            "skipping a null pullPolicy",
            { global: { imagePullPolicy: "Always" }, a: { image: { tag: "x", pullPolicy: null } } },
            ["a", "image", "tag"],
            { path: ["global", "imagePullPolicy"], value: "Always" },
        ],
        ["none when global is null", { global: { imagePullPolicy: null }, imageTag: "x" }, ["imageTag"], undefined],
    ];
    for (const [what, values, path, policy] of policies) {
        it(`pullPolicyFor finds the policy ${what}`, () => assert.deepEqual(pullPolicyFor(values, path), policy));
    }
});
