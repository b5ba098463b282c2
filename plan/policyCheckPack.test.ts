import { strict as assert } from "node:assert";
import type { Policies } from "@pulumi/policy";
import { checkPackDefinition } from "./policyCheck";

/** A resource policy with just what the pack checks look at. */
const policy = (name: string, configSchema?: object) =>
    ({ name, description: name, validateResource: () => undefined, configSchema }) as Policies[number];

describe("policy pack definition checks (what serve() would exit the process on)", () => {
    for (const name of ["serviceradar-release", "a", "A.b_c-9", "x".repeat(100)]) {
        it(`accepts the pack name ${JSON.stringify(name)}`, () => {
            assert.doesNotThrow(() => checkPackDefinition(name, [policy("one")]));
        });
    }

    for (const name of ["", "bad name", "name bad", "x".repeat(101), "pack/1"]) {
        it(`refuses the pack name ${JSON.stringify(name)}`, () => {
            assert.throws(() => checkPackDefinition(name, []), {
                message: `invalid policy pack name ${JSON.stringify(name)}`,
            });
        });
    }

    it('refuses a policy named "all", even after other policies', () => {
        assert.throws(() => checkPackDefinition("pack", [policy("first"), policy("all")]), {
            message: 'a policy may not be named "all"',
        });
    });

    it("accepts policies without a configSchema, with one without properties, and with one without required", () => {
        assert.doesNotThrow(() =>
            checkPackDefinition("pack", [
                policy("plain"),
                policy("required-only", { required: ["limit"] }),
                policy("properties-only", { properties: { limit: { type: "number" } } }),
                policy("both", { properties: { limit: { type: "number" } }, required: ["limit"] }),
            ]),
        );
    });

    it("refuses enforcementLevel among a configSchema's properties", () => {
        const schema = { properties: { enforcementLevel: { type: "string" } } };
        assert.throws(() => checkPackDefinition("pack", [policy("plain"), policy("levelled", schema)]), {
            message: "levelled: enforcementLevel cannot be part of a configSchema",
        });
    });

    it("refuses enforcementLevel among a configSchema's required keys", () => {
        const schema = { properties: { limit: { type: "number" } }, required: ["limit", "enforcementLevel"] };
        assert.throws(() => checkPackDefinition("pack", [policy("required", schema)]), {
            message: "required: enforcementLevel cannot be part of a configSchema",
        });
    });
});
