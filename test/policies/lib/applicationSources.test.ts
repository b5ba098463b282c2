import { strict as assert } from "node:assert";
import {
    applicationSources,
    chartName,
    isApplication,
    kustomizeImages,
} from "../../../policies/lib/applicationSources";

describe("policies/lib/applicationSources", () => {
    it("recognises Applications by type or by apiVersion and kind", () => {
        assert.equal(isApplication("kubernetes:argoproj.io/v1alpha1:Application", {}), true);
        assert.equal(
            isApplication("kubernetes:yaml:Whatever", { apiVersion: "argoproj.io/v1alpha1", kind: "Application" }),
            true,
        );
        assert.equal(
            isApplication("kubernetes:argoproj.io/v1alpha1:AppProject", {
                apiVersion: "argoproj.io/v1alpha1",
                kind: "AppProject",
            }),
            false,
        );
        assert.equal(
            isApplication("github:index/repositoryFile:RepositoryFile", {
                kind: "Application",
                apiVersion: "argoproj.io/v1alpha1",
            }),
            false,
        );
    });

    it("walks source, sources and the hydrator's drySource", () => {
        const sources = applicationSources({
            spec: {
                source: { repoURL: "ghcr.io/carverauto/charts", chart: "serviceradar", targetRevision: "1.2.27" },
                sources: [
                    {
                        repoURL: "https://github.com/carverauto/serviceradar.git",
                        ref: "values",
                        targetRevision: "main",
                    },
                    { repoURL: "oci://ghcr.io/carverauto/manifests/serviceradar", targetRevision: "1.2.27", path: "." },
                    "garbage",
                ],
                sourceHydrator: {
                    drySource: {
                        repoURL: "https://github.com/carverauto/serviceradar.git",
                        path: "deploy/release",
                        targetRevision: "main",
                    },
                },
            },
        });
        assert.deepEqual(
            sources.map((s) => [s.origin, s.kind, s.hydrator]),
            [
                ["spec.source", "helm-chart", false],
                ["spec.sources[0]", "git", false],
                ["spec.sources[1]", "oci", false],
                ["spec.sourceHydrator.drySource", "git", true],
            ],
        );
        assert.equal(chartName(sources[0]), "serviceradar");
        assert.equal(chartName(sources[2]), "serviceradar");
        assert.equal(chartName(sources[1]), undefined);
        assert.deepEqual(applicationSources({}), []);
    });

    it("reads kustomize images, skipping pure renames", () => {
        const [source] = applicationSources({
            spec: {
                source: {
                    repoURL: "https://x/y.git",
                    path: "k",
                    kustomize: { images: ["app=ghcr.io/x/app:main", "nginx:v1.2.3", "old=new", "img@sha256:abc", 5] },
                },
            },
        });
        assert.deepEqual(
            kustomizeImages(source).map((i) => i.reference),
            ["ghcr.io/x/app:main", "nginx:v1.2.3", "img@sha256:abc", 5],
        );
    });
});

describe("policies/lib/applicationSources: edge cases", () => {
    it("needs an argoproj.io apiVersion string to recognise an untyped Application", () => {
        for (const apiVersion of [undefined, 1, "v1", "x.argoproj.io/v1"]) {
            assert.equal(
                isApplication("kubernetes:yaml:X", { kind: "Application", apiVersion }),
                false,
                String(apiVersion),
            );
        }
    });

    it("reads only well-typed source fields; an empty chart is no chart", () => {
        const sources = applicationSources({
            spec: {
                sources: [
                    { repoURL: 5, chart: "", path: 7, targetRevision: "main" },
                    { repoURL: "oci://ghcr.io/x/charts/app//", chart: "", path: "p", targetRevision: "1.0.0" },
                    { repoURL: "ghcr.io/x", chart: 3, targetRevision: "1.0.0" },
                ],
            },
        });
        assert.deepEqual(
            sources.map((s) => [s.kind, s.repoURL, s.chart, s.path]),
            [
                ["git", undefined, undefined, undefined],
                ["oci", "oci://ghcr.io/x/charts/app//", undefined, "p"],
                ["git", "ghcr.io/x", undefined, undefined],
            ],
        );
        assert.equal(chartName(sources[1]), "app");
    });

    it("reads a kustomize image set with an empty name, and a bare image name (which pulls latest)", () => {
        const [source] = applicationSources({
            spec: {
                source: {
                    repoURL: "https://x/y.git",
                    path: "k",
                    kustomize: { images: ["=ghcr.io/x/app:v1.0.0", "=other", "nginx"] },
                },
            },
        });
        assert.deepEqual(
            kustomizeImages(source).map((i) => i.reference),
            ["ghcr.io/x/app:v1.0.0", "nginx"],
        );
    });
});
