import { strict as assert } from "node:assert";
import { classify, resourceImageFindings, valuesViews, StackResource } from "../../../policies/lib/imageInventory";
import { DYNAMIC_RESOURCE_TYPE } from "../../../policies/lib/dryFiles";
import { HYDRATED_ENVIRONMENT_KIND } from "../../../promotion/hydratedEnvironmentKind";
import { APPLICATION, DIGEST, REPOSITORY_FILE, umbrellaChart } from "../fixtures";

const app = (spec: Record<string, unknown>): StackResource => ({
    type: APPLICATION,
    urn: "urn:app",
    props: { apiVersion: "argoproj.io/v1alpha1", kind: "Application", spec },
});
const dry = (files: Record<string, string>): StackResource => ({
    type: DYNAMIC_RESOURCE_TYPE,
    urn: "urn:dry",
    props: { kind: HYDRATED_ENVIRONMENT_KIND, repository: "serviceradar", branch: "main", files },
});

describe("policies/lib/imageInventory", () => {
    it("classifies tags, digests and references by their kind", () => {
        assert.equal(classify("tag", "nginx").kind, "mutable");
        assert.equal(classify("reference", "nginx").kind, "latest");
        assert.equal(classify("digest", "nginx").kind, "invalid");
        assert.equal(classify("digest", DIGEST).kind, "digest");
    });

    it("reports workload containers as references, located with and without their name", () => {
        const { findings, unreadable } = resourceImageFindings("kubernetes:core/v1:Pod", {
            spec: { containers: [{ name: "app", image: "nginx" }, { image: "busybox:main" }] },
        });
        assert.deepEqual(
            findings.map((f) => [f.location, f.kind, f.value, f.verdict.kind, f.overriddenByDigest]),
            [
                ["spec.containers[0] (app)", "reference", "nginx", "latest", false],
                ["spec.containers[1]", "reference", "busybox:main", "mutable", false],
            ],
        );
        assert.deepEqual(unreadable, []);
    });

    it("reports a values file that does not parse, and kustomize images as references", () => {
        const { findings, unreadable } = resourceImageFindings(REPOSITORY_FILE, {
            file: "deploy/values.yaml",
            content: "a: [",
        });
        assert.deepEqual(findings, []);
        assert.deepEqual(
            unreadable.map((u) => [u.location, u.problem.split(" (")[0]]),
            [["deploy/values.yaml", "the YAML does not parse"]],
        );
        const kustomized = resourceImageFindings(APPLICATION, {
            spec: { source: { repoURL: "https://x/y.git", path: "k", kustomize: { images: ["a=b:main"] } } },
        });
        assert.deepEqual(
            kustomized.findings.map((f) => [f.location, f.kind, f.verdict.kind]),
            [["spec.source.kustomize.images[0]", "reference", "mutable"]],
        );
    });

    it("ignores resources that deploy no image", () => {
        assert.deepEqual(resourceImageFindings("kubernetes:core/v1:Service", { spec: {} }), {
            findings: [],
            unreadable: [],
        });
    });

    it("gives one view per chart source, with the chart, its version and the layers' errors", () => {
        const views = valuesViews([
            app({
                sources: [
                    { repoURL: "ghcr.io/carverauto/charts", chart: "serviceradar", targetRevision: "1.2.27" },
                    { repoURL: "https://github.com/x/y.git", path: "k", targetRevision: "main" },
                    {
                        repoURL: "https://github.com/x/y.git",
                        path: "h",
                        targetRevision: "v1.0.0",
                        helm: { valuesObject: { a: 1 } },
                    },
                    {
                        repoURL: "oci://ghcr.io/carverauto/charts/serviceradar//",
                        targetRevision: "1.2.27",
                        helm: { parameters: [{ name: "a..b" }, { name: "global.imageTag", value: "v1.2.27" }] },
                    },
                ],
            }),
        ]);
        assert.deepEqual(
            views.map((v) => [v.label, v.urn, v.chart, v.chartVersion, v.values, v.errors]),
            [
                ["spec.sources[0]", "urn:app", "serviceradar", "1.2.27", {}, []],
                ["spec.sources[2].helm", "urn:app", undefined, undefined, { a: 1 }, []],
                [
                    "spec.sources[3].helm",
                    "urn:app",
                    "serviceradar",
                    "1.2.27",
                    { global: { imageTag: "v1.2.27" } },
                    ["spec.sources[3].helm.parameters: parameter [0] has no valid name"],
                ],
            ],
        );
    });

    it("gives DRY views per dependency (alias first), per values file, and for a chart without values files", () => {
        const views = valuesViews([
            dry({
                "a/Chart.yaml": umbrellaChart("1.2.27"),
                "a/values.yaml": "global:\n  imageTag: v1.2.27\nserviceradar:\n  x: 1\n",
                "b/Chart.yaml": umbrellaChart("1.2.26"),
                "c/values.yaml": "global: [",
                "d/Chart.yaml":
                    "dependencies:\n  - name: serviceradar\n    alias: sr\n    version: 1.0.0\n  - version: 2.0.0\n",
                "d/values.yaml": "sr:\n  y: 2\n",
            }),
        ]);
        assert.deepEqual(
            views.map((v) => [v.label, v.urn, v.chart, v.chartVersion, v.values, v.errors.length]),
            [
                [
                    "a/values.yaml (serviceradar)",
                    "urn:dry",
                    "serviceradar",
                    "1.2.27",
                    { x: 1, global: { imageTag: "v1.2.27" } },
                    0,
                ],
                ["b/Chart.yaml (serviceradar)", "urn:dry", "serviceradar", "1.2.26", {}, 0],
                ["c/values.yaml", "urn:dry", undefined, undefined, {}, 1],
                ["d/values.yaml (sr)", "urn:dry", "serviceradar", "1.0.0", { y: 2 }, 0],
                ["d/values.yaml", "urn:dry", undefined, "2.0.0", { sr: { y: 2 } }, 0],
            ],
        );
    });
});
