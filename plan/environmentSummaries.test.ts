import { strict as assert } from "node:assert";
import { environmentSummaries } from "./environments";
import type { PlannedResource } from "./mockRuntime";

const LABEL = "serviceradar.carverauto.dev/environment";

const application = (name: string, spec: object): PlannedResource => ({
    type: "kubernetes:argoproj.io/v1alpha1:Application",
    name,
    urn: `urn:pulumi:demo::serviceradar::kubernetes:argoproj.io/v1alpha1:Application::${name}`,
    custom: true,
    inputs: { metadata: { name, labels: { [LABEL]: name } }, spec },
    options: {} as PlannedResource["options"],
});

const summary = (spec: object) => environmentSummaries([application("demo", spec)], {}, ["demo"])[0];

describe("environment summary of an Application", () => {
    it("reads a chart without helm settings as no values files and no pinned tag, every rule not in the pack", () => {
        assert.deepEqual(summary({ source: { chart: "serviceradar", targetRevision: "1.2.3" } }), {
            environment: "demo",
            chart: "serviceradar 1.2.3",
            imageTag: "undefined",
            values: "",
            levels: {
                "immutable-image-tags": "not in the pack",
                "pinned-chart-version": "not in the pack",
                "chart-image-version-agreement": "not in the pack",
                "no-prerelease": "not in the pack",
            },
            place: "1 of 1, first",
        });
    });

    it("reads helm settings without valuesObject, and a valuesObject without global, as no pinned tag", () => {
        const chart = { chart: "serviceradar", targetRevision: "1.2.3" };
        assert.equal(summary({ source: { ...chart, helm: { valueFiles: [] } } }).imageTag, "undefined");
        assert.equal(summary({ source: { ...chart, helm: { valuesObject: {} } } }).imageTag, "undefined");
        assert.equal(
            summary({ source: { ...chart, helm: { valuesObject: { global: { imageTag: "v1" } } } } }).imageTag,
            "v1",
        );
    });

    it("names a $values/ file by the values source's repository and revision, and lists other files as written", () => {
        const spec = {
            sources: [
                {
                    chart: "serviceradar",
                    targetRevision: "1.2.3",
                    helm: { valueFiles: ["$values/env/demo.yaml", "values-local.yaml"] },
                },
                { ref: "values", repoURL: "https://example.test/values.git", targetRevision: "main" },
            ],
        };
        assert.equal(summary(spec).values, "https://example.test/values.git@main:env/demo.yaml, values-local.yaml");
    });

    it("keeps a $values/ file as written when no source is the values reference", () => {
        const spec = {
            sources: [
                { chart: "serviceradar", targetRevision: "1.2.3", helm: { valueFiles: ["$values/env/demo.yaml"] } },
            ],
        };
        assert.equal(summary(spec).values, "$values/env/demo.yaml");
    });
});
