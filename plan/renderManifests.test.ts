import { strict as assert } from "node:assert";
import type { PlannedResource } from "./mockRuntime";
import { kubernetesManifests, PlanReport } from "./render";

const resource = (type: string, name: string, inputs: Record<string, unknown>): PlannedResource => ({
    type,
    name,
    urn: `urn:pulumi:demo::serviceradar::${type}::${name}`,
    custom: true,
    inputs,
    options: {} as PlannedResource["options"],
});

const report = (resources: PlannedResource[]) =>
    ({
        resources,
        outputs: {},
        project: "serviceradar",
        stack: "demo",
        placeholders: [],
        policyViolations: [],
    }) as PlanReport;

describe("--out manifest file names", () => {
    it("are kind, namespace and name in lower case joined by _, leaving out what the object lacks", () => {
        const files = kubernetesManifests(
            report([
                resource("kubernetes:core/v1:Namespace", "demo-ns", { kind: "Namespace", metadata: { name: "Demo" } }),
                resource("kubernetes:core/v1:ConfigMap", "cfg", {
                    kind: "ConfigMap",
                    metadata: { name: "Settings", namespace: "Demo" },
                }),
                resource("kubernetes:core/v1:ConfigMap", "nameless", {
                    kind: "ConfigMap",
                    metadata: { namespace: "demo" },
                }),
                resource("kubernetes:core/v1:ConfigMap", "bare", { kind: "ConfigMap" }),
            ]),
        );
        assert.deepEqual(
            [...files.keys()],
            [
                "namespace_demo.yaml",
                "configmap_demo_settings.yaml",
                "configmap_demo_nameless.yaml",
                "configmap_bare.yaml",
            ],
        );
    });
});
