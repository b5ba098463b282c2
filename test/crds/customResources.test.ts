import * as assert from "assert";
import { assertAccepted, CrdValidator, isCustomResource, loadCrdValidator, rejections } from "../support/crdValidator";
import { planJson, PlanJson } from "../support/plan";

/** Every custom resource a plan declares: Kubernetes objects of a group no Kubernetes release serves. */
function customResources(plan: PlanJson) {
    return plan.resources.filter((r) => r.type.startsWith("kubernetes:") && isCustomResource(r.inputs));
}

/** A copy of the first object of that kind the demo-staging plan declares. */
async function declared(kind: string, ...config: string[]): Promise<Record<string, any>> {
    const found = customResources(await planJson("demo-staging", ...config)).find((r) => r.inputs.kind === kind);
    assert.ok(found, `the plan declares a ${kind}`);
    return structuredClone(found.inputs);
}

/** Every shipped stack, in both promotion modes, and with a soak time. */
const PLANS: [string, string[]][] = [
    ["demo-staging", []],
    ["demo", []],
    ["demo-staging", ["promotionMode=direct"]],
    ["demo", ["promotionMode=direct", "version=1.2.27"]],
    ["demo-staging", ["soakDuration=30m"]],
];

describe("custom resources pass the API server's own create validation (field validation Strict)", () => {
    let validator: CrdValidator;
    before(async () => (validator = loadCrdValidator()));

    it("serves the Argo CD v3.5.1 and GitOps Promoter v0.36.0 CRDs", async () => {
        const kinds = await validator.kinds();
        for (const kind of [
            "argoproj.io/v1alpha1/Application",
            "promoter.argoproj.io/v1alpha1/PromotionStrategy",
            "promoter.argoproj.io/v1alpha1/ScmProvider",
            "promoter.argoproj.io/v1alpha1/WebRequestCommitStatus",
        ]) {
            assert.ok(kinds.includes(kind), kind);
        }
    });

    for (const [stack, config] of PLANS) {
        it(`${stack} ${config.join(" ") || "(defaults)"}: every custom resource is accepted`, async () => {
            const resources = customResources(await planJson(stack, ...config));
            assert.ok(resources.length > 0, "the plan declares custom resources");
            await assertAccepted(resources.map((r) => r.inputs));
        });
    }

    describe("the check can fail", () => {
        const application = () => declared("Application", "promotionMode=direct");
        const webRequest = () => declared("WebRequestCommitStatus");

        it("rejects an unknown field, as kubectl --validate=strict does", async () => {
            const manifest = await application();
            manifest.spec.sources[0].helm.valueObject = { global: {} };
            assert.deepStrictEqual(await validator.validate(manifest), [
                'unknown field "spec.sources[0].helm.valueObject"',
            ]);
        });

        it("rejects a misspelt field of a promoter spec", async () => {
            const manifest = await declared("PromotionStrategy");
            manifest.spec.activeCommitStatus = manifest.spec.activeCommitStatuses;
            delete manifest.spec.activeCommitStatuses;
            assert.deepStrictEqual(await validator.validate(manifest), ['unknown field "spec.activeCommitStatus"']);
        });

        it("rejects an unknown metadata field", async () => {
            const manifest = await declared("PromotionStrategy");
            manifest.metadata.label = { a: "b" };
            assert.deepStrictEqual(await validator.validate(manifest), ['unknown field "metadata.label"']);
        });

        it("rejects a wrong type", async () => {
            const manifest = await application();
            manifest.spec.syncPolicy.automated.prune = "yes";
            assert.match(
                (await validator.validate(manifest)).join("\n"),
                /^spec\.syncPolicy\.automated\.prune: Invalid value: "string": .*must be of type boolean/m,
            );
        });

        it("rejects a missing required field", async () => {
            const manifest = await application();
            delete manifest.spec.sources[0].repoURL;
            assert.deepStrictEqual(await validator.validate(manifest), ["spec.sources[0].repoURL: Required value"]);
        });

        it("rejects a WebRequestCommitStatus with both method and methodTemplate, and with neither (CEL rule)", async () => {
            const rule = "spec.httpRequest: Invalid value: exactly one of method or methodTemplate must be set";
            const [both, neither, empty] = await Promise.all([webRequest(), webRequest(), webRequest()]);
            both.spec.httpRequest.method = "GET";
            both.spec.httpRequest.methodTemplate = "GET";
            delete neither.spec.httpRequest.method;
            delete neither.spec.httpRequest.methodTemplate;
            delete empty.spec.httpRequest.method;
            empty.spec.httpRequest.methodTemplate = "";
            const [bothRejected, neitherRejected, emptyRejected] = await Promise.all(
                [both, neither, empty].map((manifest) => validator.validate(manifest)),
            );
            assert.deepStrictEqual(bothRejected, [rule]);
            assert.deepStrictEqual(neitherRejected, [rule]);
            assert.deepStrictEqual(emptyRejected, [rule], "an empty template counts as unset");
        });

        it("rejects a WebRequestCommitStatus with both polling and trigger modes (CEL rule)", async () => {
            const manifest = await webRequest();
            manifest.spec.mode = {
                ...manifest.spec.mode,
                polling: { interval: "1m" },
                trigger: { when: { expression: "true" } },
            };
            assert.match(
                (await validator.validate(manifest)).join("\n"),
                /^spec\.mode: Invalid value: exactly one of the fields in \[polling trigger\] must be set$/m,
            );
        });

        it("rejects an invalid metadata name", async () => {
            const manifest = await declared("PromotionStrategy");
            manifest.metadata.name = "ServiceRadar_Release";
            assert.match(
                (await validator.validate(manifest)).join("\n"),
                /^metadata\.name: Invalid value: "ServiceRadar_Release": a lowercase RFC 1123 subdomain must consist of/m,
            );
        });

        it("rejects a namespaced custom resource without a namespace", async () => {
            const manifest = await declared("PromotionStrategy");
            delete manifest.metadata.namespace;
            assert.deepStrictEqual(await validator.validate(manifest), [
                "metadata.namespace: Required value",
                // Verbatim: an invalid object meta is a blocking error, so the server skips the CEL rules.
                "<nil>: Invalid value: null: some validation rules were not checked because the object was invalid; " +
                    "correct the existing errors to complete validation",
            ]);
        });

        it("rejects the design document's invented PromotionStrategy fields", async () => {
            const invented = {
                apiVersion: "promoter.argoproj.io/v1alpha1",
                kind: "PromotionStrategy",
                metadata: { name: "serviceradar-release", namespace: "promoter-system" },
                spec: {
                    environments: [
                        {
                            name: "demo-staging",
                            source: { type: "registry", registryRef: "ghcr.io/carverauto/serviceradar-core" },
                        },
                        {
                            name: "demo",
                            source: { type: "pull-request" },
                            gates: [{ name: "e2e-tests", type: "commit-status" }],
                        },
                    ],
                },
            };
            const answer = await validator.create(invented);
            assert.deepStrictEqual(answer.unknownFields, [
                "spec.environments[0].name",
                "spec.environments[0].source",
                "spec.environments[1].gates",
                "spec.environments[1].name",
                "spec.environments[1].source",
            ]);
            const errors = answer.errors.join("\n");
            assert.match(errors, /^spec\.gitRepositoryRef: Required value$/m);
            assert.match(errors, /^spec\.environments\[0\]\.branch: Required value$/m);
        });

        it("rejects an unknown kind", async () => {
            assert.deepStrictEqual(
                await validator.validate({
                    apiVersion: "promoter.argoproj.io/v1alpha1",
                    kind: "Gate",
                    metadata: { name: "x" },
                }),
                ['no matches for kind "Gate" in version "promoter.argoproj.io/v1alpha1"'],
            );
        });
    });

    it("answers with the object as the server stores it: unknown fields pruned, schema defaults applied", async () => {
        const manifest = await declared("WebRequestCommitStatus");
        delete manifest.spec.httpRequest.timeout;
        manifest.spec.typo = true;
        const { object } = await validator.create(manifest);
        assert.strictEqual(object?.spec.httpRequest.timeout, "30s", "the CRD's default");
        assert.ok(!("typo" in object!.spec), "pruned");
    });

    it("keeps what the Application CRD preserves (x-kubernetes-preserve-unknown-fields), as the server does", async () => {
        const manifest = await declared("Application", "promotionMode=direct");
        manifest.spec.sources[0].helm.valuesObject = { anyChartKey: { nested: [1, "two"] } };
        const answer = await validator.create(manifest);
        assert.deepStrictEqual(rejections(answer), []);
        assert.deepStrictEqual(answer.object?.spec.sources[0].helm.valuesObject, {
            anyChartKey: { nested: [1, "two"] },
        });
    });
});
