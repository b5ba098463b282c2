import * as assert from "assert";
import { CrdValidator, loadCrdValidator } from "../support/crdValidator";
import { planJson, PlanJson } from "../support/plan";

/** Every custom resource a plan declares: Kubernetes objects whose group is not core or a built-in API. */
function customResources(plan: PlanJson) {
    return plan.resources.filter((r) => r.type.startsWith("kubernetes:") && r.inputs.apiVersion?.includes(".io/"));
}

const PLANS: [string, string[]][] = [
    ["demo-staging", []],
    ["demo", []],
    ["demo-staging", ["promotionMode=direct"]],
    ["demo", ["promotionMode=direct"]],
    ["demo-staging", ["soakDuration=30m"]],
];

describe("custom resources validate against the real CRDs (unknown fields rejected)", () => {
    let validator: CrdValidator;
    before(async () => (validator = loadCrdValidator()));

    it("loads the Argo CD v3.5.1 and GitOps Promoter v0.36.0 CRDs", async () => {
        const kinds = validator.kinds();
        for (const kind of [
            "argoproj.io/v1alpha1/Application",
            "promoter.argoproj.io/v1alpha1/PromotionStrategy",
            "promoter.argoproj.io/v1alpha1/ScmProvider",
        ]) {
            assert.ok(kinds.includes(kind), kind);
        }
    });

    for (const [stack, config] of PLANS) {
        it(`${stack} ${config.join(" ") || "(defaults)"}: every custom resource validates`, async () => {
            const resources = customResources(await planJson(stack, ...config));
            assert.ok(resources.length > 0, "the plan declares custom resources");
            for (const resource of resources) {
                assert.deepStrictEqual(
                    validator.validate(resource.inputs),
                    [],
                    `${resource.inputs.kind} ${resource.name}`,
                );
            }
        });
    }

    describe("the check can fail", () => {
        const application = async () =>
            structuredClone(customResources(await planJson("demo", "promotionMode=direct"))[0].inputs);

        it("rejects an unknown field, as kubectl --validate=strict does", async () => {
            const manifest = await application();
            manifest.spec.sources[0].helm.valueObject = { global: {} };
            assert.match(
                validator.validate(manifest).join("\n"),
                /must NOT have additional properties \(valueObject\)/,
            );
        });

        it("rejects a wrong type", async () => {
            const manifest = await application();
            manifest.spec.syncPolicy.automated.prune = "yes";
            assert.match(
                validator.validate(manifest).join("\n"),
                /\/spec\/syncPolicy\/automated\/prune: must be boolean/,
            );
        });

        it("rejects a missing required field", async () => {
            const manifest = await application();
            delete manifest.spec.destination;
            delete manifest.spec.sources[0].repoURL;
            assert.match(validator.validate(manifest).join("\n"), /must have required property 'repoURL'/);
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
            const errors = validator.validate(invented).join("\n");
            assert.match(errors, /must have required property 'gitRepositoryRef'/);
            assert.match(errors, /must have required property 'branch'/);
            assert.match(errors, /additional properties \(gates\)/);
        });

        it("rejects an unknown kind", async () => {
            assert.match(
                validator.validate({ apiVersion: "promoter.argoproj.io/v1alpha1", kind: "Gate" }).join(),
                /no CRD defines/,
            );
        });
    });
});
