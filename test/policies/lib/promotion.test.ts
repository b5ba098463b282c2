import { strict as assert } from "node:assert";
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { checkPolicies } from "../../../plan/policyCheck";
import { immutableImageTags } from "../../../policies/immutable-image-tags";
import { chartImageVersionAgreement } from "../../../policies/chart-image-version-agreement";
import {
    forOwnEnvironment,
    forPromotedContent,
    PROMOTED_SUFFIX,
    promotedTarget,
} from "../../../policies/lib/promotion";
import { hydration, PROJECT, STACK, umbrellaChart } from "../fixtures";

const LATEST = { "Chart.yaml": umbrellaChart("1.2.27"), "values-release.yaml": "global:\n  imageTag: latest\n" };
const staging = hydration(LATEST, "demo-staging");
const demo = hydration(LATEST, "demo", "demo-staging");

/** A resource policy called directly, as the analyzer would call it, collecting its messages. */
function resourceMessages(policy: ResourceValidationPolicy, resource: typeof staging): string[] {
    const messages: string[] = [];
    const validate = policy.validateResource as (args: unknown, report: (m: string) => void) => void;
    validate({ type: resource.type, props: resource.inputs, urn: resource.urn, name: resource.name }, (m) =>
        messages.push(m),
    );
    return messages;
}

describe("policies/lib/promotion: a rule's level follows the environment a value reaches", () => {
    it("reads the environment a hydration reaches, only when it is a later one than the declaring stack's", () => {
        assert.deepEqual(promotedTarget(demo.inputs), { environment: "demo", from: "demo-staging" });
        assert.equal(promotedTarget(staging.inputs), undefined);
        assert.equal(promotedTarget({ ...demo.inputs, kind: "other" }), undefined);
        assert.equal(promotedTarget({ ...demo.inputs, promotedFrom: 1 }), undefined);
        assert.equal(promotedTarget({ ...demo.inputs, environment: 1 }), undefined);
    });

    it("the own-environment rule skips what reaches a later environment; its twin judges only that", () => {
        const own = forOwnEnvironment(immutableImageTags);
        const twin = forPromotedContent(immutableImageTags);
        assert.equal(own.name, "immutable-image-tags");
        assert.equal(twin.name, `immutable-image-tags${PROMOTED_SUFFIX}`);
        assert.ok(twin.description.startsWith(immutableImageTags.description));
        assert.equal(resourceMessages(own, staging).length, 1);
        assert.deepEqual(resourceMessages(own, demo), []);
        assert.deepEqual(resourceMessages(twin, staging), []);
        const [message] = resourceMessages(twin, demo);
        assert.match(message, /^global\.imageTag in values-release\.yaml is "latest"/);
        assert.match(message, /\[reaches demo: written by demo-staging's stack for demo, judged at demo's level\]$/);
    });

    it("a scoped stack rule sees only the resources of its scope, through the real analyzer", async () => {
        const config = {
            all: { enforcementLevel: "disabled" },
            "chart-image-version-agreement": { enforcementLevel: "advisory" },
            [`chart-image-version-agreement${PROMOTED_SUFFIX}`]: { enforcementLevel: "mandatory" },
        };
        const violations = await checkPolicies([staging, demo], config, { project: PROJECT, stack: STACK });
        assert.deepEqual(
            violations.map((v) => [v.policy, v.level, v.resource]),
            [
                ["chart-image-version-agreement", "advisory", staging.urn],
                [`chart-image-version-agreement${PROMOTED_SUFFIX}`, "mandatory", demo.urn],
            ],
        );
        assert.match(violations[1].message, /\[reaches demo: .*\]$/);
        const stackRule = forOwnEnvironment(chartImageVersionAgreement) as StackValidationPolicy;
        assert.equal(typeof stackRule.validateStack, "function");
    });
});
