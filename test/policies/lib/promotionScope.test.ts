// What the scoping of a rule does with each shape of rule @pulumi/policy allows: a stack rule is scoped as a stack rule
// (it sees only the resources of its scope), a list of resource validators is refused where the pack is built, and
// the twin's description says what it judges.
import { strict as assert } from "node:assert";
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { immutableImageTags } from "../../../policies/immutable-image-tags";
import { forOwnEnvironment, forPromotedContent } from "../../../policies/lib/promotion";
import { hydration, umbrellaChart } from "../fixtures";

const FILES = { "Chart.yaml": umbrellaChart("1.2.27") };
const staging = hydration(FILES, "demo-staging");
const demo = hydration(FILES, "demo", "demo-staging");

/** A stack rule that reports every resource it is shown. */
const seeEverything: StackValidationPolicy = {
    name: "see-everything",
    description: "Reports every resource.",
    enforcementLevel: "advisory",
    validateStack: (args, reportViolation) => {
        for (const r of args.resources) reportViolation(`saw ${r.name}`, r.urn);
    },
};

/** The messages a stack rule reports over the staging and the demo hydration, called as the analyzer calls it. */
function stackMessages(policy: StackValidationPolicy): string[] {
    const messages: string[] = [];
    const resources = [staging, demo].map((r) => ({ type: r.type, props: r.inputs, urn: r.urn, name: r.name }));
    const validate = policy.validateStack as (args: unknown, report: (m: string) => void) => void;
    validate({ resources, getConfig: () => ({}) }, (m) => messages.push(m));
    return messages;
}

describe("policies/lib/promotion: scoping each shape of rule", () => {
    it("a stack rule for the own environment is shown only what stays there; its twin only what reaches demo", () => {
        assert.deepEqual(stackMessages(forOwnEnvironment(seeEverything)), ["saw release-hydrate-demo-staging"]);
        assert.deepEqual(stackMessages(forPromotedContent(seeEverything)), [
            "saw release-hydrate-demo [reaches demo: written by demo-staging's stack for demo, judged at demo's level]",
        ]);
    });

    it("refuses a rule with a list of resource validators when the pack is built, naming the rule", () => {
        const listed: ResourceValidationPolicy = {
            name: "listed-validators",
            description: "Two validators.",
            enforcementLevel: "advisory",
            validateResource: [() => undefined, () => undefined],
        };
        const refused = (err: unknown) =>
            err instanceof Error && err.message === "listed-validators: only function validators can be scoped";
        assert.throws(() => forOwnEnvironment(listed), refused);
        assert.throws(() => forPromotedContent(listed), refused);
    });

    it("the twin's description is the rule's, followed by what the twin judges", () => {
        assert.equal(
            forPromotedContent(immutableImageTags).description,
            `${immutableImageTags.description} This twin judges what a stack writes for a later environment (the ` +
                "pipeline stack's hydration of demo), at that environment's level.",
        );
        assert.equal(forOwnEnvironment(immutableImageTags).description, immutableImageTags.description);
    });
});
