import { strict as assert } from "node:assert";
import type { Policies } from "@pulumi/policy";
import { PolicyConfigError, reconcilePolicyConfig } from "./policyConfig";

const policy = (name: string, configSchema?: object) =>
    ({ name, description: name, validateResource: () => undefined, configSchema }) as Policies[number];

const LIMITED = policy("limited", { properties: { limit: { type: "number" } }, required: ["limit"] });
const NAMED = policy("named", { properties: { label: { type: "string" } }, required: ["label"] });

describe("policy pack config errors, with made-up policies", () => {
    it("names an unknown level given as a string, listing the levels", () => {
        assert.throws(() => reconcilePolicyConfig([LIMITED], { limited: "loud" }), {
            name: PolicyConfigError.name,
            message: 'limited: "loud" is not an enforcement level (advisory, mandatory, remediate, disabled)',
        });
    });

    it("names an unknown enforcementLevel in a policy's object, listing the levels", () => {
        assert.throws(() => reconcilePolicyConfig([LIMITED], { limited: { enforcementLevel: "loud", limit: 1 } }), {
            message: 'limited: "loud" is not an enforcement level (advisory, mandatory, remediate, disabled)',
        });
    });

    it("reports every missing required property at the root, joined by ;", () => {
        assert.throws(() => reconcilePolicyConfig([LIMITED, NAMED], {}), {
            message:
                "invalid policy pack config: limited: (root) must have required property 'limit'; " +
                "named: (root) must have required property 'label'",
        });
    });

    it("accepts the required property once given", () => {
        assert.deepEqual(reconcilePolicyConfig([LIMITED], { limited: { limit: 3 } }), {
            limited: { enforcementLevel: "advisory", properties: { limit: 3 } },
        });
    });
});
