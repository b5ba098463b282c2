import { strict as assert } from "node:assert";
import {
    chartDependencies,
    dependencyValues,
    dryGroups,
    dryValueSets,
    isValuesFile,
    repositoryFiles,
    valuesFileEnvironment,
    DYNAMIC_RESOURCE_TYPE,
} from "../../../policies/lib/dryFiles";
import { HYDRATED_ENVIRONMENT_KIND } from "../../../promotion/hydratedEnvironmentKind";
import { REPOSITORY_FILE, umbrellaChart } from "../fixtures";

const file = (path: string, content: string, branch = "main") => ({
    file: repositoryFiles(REPOSITORY_FILE, { repository: "serviceradar", branch, file: path, content })[0],
    urn: `urn:${path}@${branch}`,
});

describe("policies/lib/dryFiles", () => {
    it("reads repository files", () => {
        assert.deepEqual(
            repositoryFiles(REPOSITORY_FILE, {
                repository: "serviceradar",
                branch: "main",
                file: "/deploy/release/values.yaml",
                content: "a: 1",
            }),
            [
                {
                    repository: "serviceradar",
                    branch: "main",
                    file: "deploy/release/values.yaml",
                    dir: "deploy/release",
                    base: "values.yaml",
                    content: "a: 1",
                },
            ],
        );
        assert.deepEqual(repositoryFiles("github:index/branch:Branch", { file: "x" }), []);
    });

    it("reads every file of the one-commit DRY release, and only that dynamic resource", () => {
        const files = repositoryFiles(DYNAMIC_RESOURCE_TYPE, {
            kind: HYDRATED_ENVIRONMENT_KIND,
            repository: "serviceradar",
            branch: "main",
            files: { "deploy/release/Chart.yaml": "name: x", "deploy/release/values.yaml": "a: 1" },
        });
        assert.deepEqual(
            files.map((f) => [f.file, f.base, f.content]),
            [
                ["deploy/release/Chart.yaml", "Chart.yaml", "name: x"],
                ["deploy/release/values.yaml", "values.yaml", "a: 1"],
            ],
        );
        assert.deepEqual(
            repositoryFiles(DYNAMIC_RESOURCE_TYPE, { kind: "other", files: { "a/values.yaml": "x" } }),
            [],
        );
    });

    it("knows values files and their environment", () => {
        for (const ok of ["values.yaml", "values-demo.yaml", "values-demo-staging.yml"])
            assert.equal(isValuesFile(ok), true, ok);
        for (const no of ["Chart.yaml", "myvalues.yaml", "values.json", "README.md"])
            assert.equal(isValuesFile(no), false, no);
        assert.equal(valuesFileEnvironment("values-demo-staging.yaml"), "demo-staging");
        assert.equal(valuesFileEnvironment("values.yaml"), undefined);
    });

    it("reads Chart.yaml dependencies", () => {
        assert.deepEqual(chartDependencies(umbrellaChart("1.2.27")).dependencies, [
            {
                index: 0,
                name: "serviceradar",
                alias: undefined,
                version: "1.2.27",
                repository: "oci://ghcr.io/carverauto/charts",
            },
        ]);
        assert.deepEqual(chartDependencies("apiVersion: v2\nname: x\n"), { dependencies: [] });
        assert.ok(chartDependencies("dependencies: {a: 1}").error);
        assert.ok(chartDependencies("dependencies: [unclosed").error);
    });

    it("groups by repository, branch and folder, and overlays each environment on values.yaml", () => {
        const groups = dryGroups([
            file("deploy/release/Chart.yaml", umbrellaChart("1.2.27")),
            file("deploy/release/values.yaml", "global:\n  imageTag: v1.2.27\n"),
            file("deploy/release/values-demo.yaml", "global:\n  imagePullPolicy: IfNotPresent\n"),
            file("deploy/release/values-demo-staging.yaml", "global:\n  imageTag: latest\n"),
            file("deploy/release/values.yaml", "x: 1", "other"),
            file("deploy/release/README.md", "hi"),
        ]);
        assert.deepEqual(
            groups.map((g) => [g.key, g.chart !== undefined, g.values.length]),
            [
                ["serviceradar@main:deploy/release", true, 3],
                ["serviceradar@other:deploy/release", false, 1],
            ],
        );
        const sets = dryValueSets(groups[0]);
        assert.deepEqual(
            sets.map((s) => [s.label, s.values]),
            [
                [
                    "deploy/release/values.yaml + deploy/release/values-demo.yaml",
                    { global: { imageTag: "v1.2.27", imagePullPolicy: "IfNotPresent" } },
                ],
                [
                    "deploy/release/values.yaml + deploy/release/values-demo-staging.yaml",
                    { global: { imageTag: "latest" } },
                ],
            ],
        );
        assert.deepEqual(
            dryValueSets(groups[1]).map((s) => s.label),
            ["deploy/release/values.yaml"],
        );
    });

    it("shows a dependency its block with the parent's globals", () => {
        const values = { global: { imageTag: "v1.2.27" }, serviceradar: { image: { tags: { core: "v1.2.27" } } } };
        assert.deepEqual(dependencyValues(values, { index: 0, name: "serviceradar", version: "1.2.27" }), {
            image: { tags: { core: "v1.2.27" } },
            global: { imageTag: "v1.2.27" },
        });
        assert.deepEqual(
            dependencyValues({ sr: { a: 1 } }, { index: 0, name: "serviceradar", alias: "sr", version: "1" }),
            { a: 1 },
        );
    });
});

describe("policies/lib/dryFiles: edge cases", () => {
    it("reads odd repository files as far as they are files", () => {
        assert.deepEqual(repositoryFiles(REPOSITORY_FILE, { file: "//values.yaml", repository: 1, branch: null }), [
            { repository: "", branch: "", file: "values.yaml", dir: "", base: "values.yaml", content: "" },
        ]);
        assert.deepEqual(repositoryFiles(REPOSITORY_FILE, { file: 5 }), []);
        assert.deepEqual(repositoryFiles(DYNAMIC_RESOURCE_TYPE, { kind: HYDRATED_ENVIRONMENT_KIND, files: "x" }), []);
        assert.deepEqual(
            repositoryFiles("kubernetes:core/v1:ConfigMap", {
                kind: HYDRATED_ENVIRONMENT_KIND,
                files: { "values.yaml": "a: 1" },
            }),
            [],
        );
    });

    const names: [string, boolean, string | undefined][] = [
        ["values.yaml.bak", false, undefined],
        ["myvalues-demo.yaml", false, undefined],
        ["values-demo.yaml.bak", false, undefined],
        ["values-demo.yml", true, "demo"],
    ];
    for (const [base, values, environment] of names) {
        it(`${base}: values file ${values}, environment ${environment}`, () => {
            assert.equal(isValuesFile(base), values);
            assert.equal(valuesFileEnvironment(base), environment);
        });
    }

    const charts: [string, object][] = [
        ["- a", { dependencies: [], error: "Chart.yaml is not a map" }],
        ["dependencies: ~", { dependencies: [] }],
        ["dependencies: {a: 1}", { dependencies: [], error: "Chart.yaml dependencies is not a list" }],
        [
            "dependencies: [x, {name: 1, alias: 2, repository: 3, version: 1.0}]",
            {
                dependencies: [
                    { index: 0, name: undefined, alias: undefined, version: undefined, repository: undefined },
                    { index: 1, name: undefined, alias: undefined, version: 1, repository: undefined },
                ],
            },
        ],
    ];
    for (const [content, result] of charts) {
        it(`chartDependencies(${JSON.stringify(content)})`, () => assert.deepEqual(chartDependencies(content), result));
    }

    it("says why a Chart.yaml does not parse, in one line", () => {
        const { dependencies, error } = chartDependencies("dependencies: [unclosed");
        assert.deepEqual(dependencies, []);
        assert.match(error ?? "", /^Chart\.yaml does not parse \(Flow sequence in block collection [^\n]+\)$/);
    });

    it("keys a top-level folder as '.', and reports unreadable base and overlay files", () => {
        const groups = dryGroups([
            file("values.yaml", "a: ["),
            file("values-demo.yaml", "b: ["),
            file("x/values-demo.yaml", "c: 1"),
        ]);
        assert.deepEqual(
            groups.map((g) => g.key),
            ["serviceradar@main:.", "serviceradar@main:x"],
        );
        assert.deepEqual(
            dryValueSets(groups[0]).map((s) => [s.label, s.urn, s.errors.map((e) => e.split(" (")[0])]),
            [
                [
                    "values.yaml + values-demo.yaml",
                    "urn:values-demo.yaml@main",
                    ["values.yaml: the YAML does not parse", "values-demo.yaml: the YAML does not parse"],
                ],
            ],
        );
        assert.deepEqual(
            dryValueSets(groups[1]).map((s) => [s.label, s.values, s.errors]),
            [["x/values-demo.yaml", { c: 1 }, []]],
        );
        assert.deepEqual(dryValueSets({ key: "k", values: [] }), []);
    });

    it("merges a hydrated environment branch's values files in its Application's order, as one value set", () => {
        // Listed release-first on purpose: the order is the Application's valueFiles, not the files' order.
        const groups = dryGroups([
            file("values-release.yaml", "global:\n  imageTag: v1.2.27\n", "environment/demo"),
            file("values-environment.yaml", "global:\n  imageTag: latest\n  x: 1\n", "environment/demo"),
            file("values-demo.yaml", "global:\n  imageTag: v9.9.9\n", "environment/demo"),
            file("values-environment.yaml", "b: [", "environment/broken"),
        ]);
        assert.deepEqual(
            dryValueSets(groups[0]).map((s) => [s.label, s.urn, s.values]),
            [
                [
                    "values-environment.yaml + values-release.yaml",
                    "urn:values-release.yaml@environment/demo",
                    { global: { imageTag: "v1.2.27", x: 1 } },
                ],
                ["values-demo.yaml", "urn:values-demo.yaml@environment/demo", { global: { imageTag: "v9.9.9" } }],
            ],
        );
        assert.deepEqual(
            dryValueSets(groups[1]).map((s) => s.errors.map((e) => e.split(" (")[0])),
            [["values-environment.yaml: the YAML does not parse"]],
        );
    });

    it("shows a dependency without name or alias the whole values", () => {
        assert.deepEqual(dependencyValues({ a: 1 }, { index: 0, version: "1" }), { a: 1 });
    });
});
