import { strict as assert } from "node:assert";
import type { PlannedResource } from "./mockRuntime";
import { planDocument, planTable, PlanReport } from "./render";

const namespace: PlannedResource = {
    type: "kubernetes:core/v1:Namespace",
    name: "demo",
    urn: "urn:pulumi:demo::p::kubernetes:core/v1:Namespace::demo",
    custom: true,
    inputs: {},
    options: {} as PlannedResource["options"],
};
const BARE: PlanReport = {
    resources: [namespace],
    outputs: {},
    project: "p",
    stack: "demo",
    placeholders: [],
    policyViolations: [],
};
const HEAD = [
    "Offline plan of stack demo (project p) on Pulumi's mock runtime: nothing is created.",
    "",
    "     Type                          Name",
    " +   kubernetes:core/v1:Namespace  demo",
    "",
    "Outputs:",
    "",
    "Resources: 1 to create",
];

describe("plan table of a small report", () => {
    it("has no environment, adoption or placeholder section when the report has none, and says no violations", () => {
        assert.equal(planTable(BARE), [...HEAD, "Policy violations: none"].join("\n"));
    });

    it("shows an environment without a place, and a violation without a resource, with no config file named", () => {
        const report: PlanReport = {
            ...BARE,
            environments: [
                {
                    environment: "demo",
                    chart: "c 1",
                    imageTag: "v1",
                    values: "x",
                    levels: { "no-prerelease": "mandatory" },
                },
            ],
            policyViolations: [{ policy: "p1", level: "advisory", message: "m" }],
        };
        assert.equal(
            planTable(report),
            [
                ...HEAD,
                "",
                "What each environment will run (promotion order):",
                "    demo: chart c 1, images v1, values x",
                "        judged at demo's levels: no-prerelease mandatory",
                "",
                "",
                "Policy violations: 1",
                "    [advisory] p1: m",
            ].join("\n"),
        );
    });

    it("gives the --json document an empty import list when nothing is adopted", () => {
        assert.deepEqual(planDocument(BARE).imports, { resources: [] });
    });
});
