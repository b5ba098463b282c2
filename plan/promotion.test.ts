import * as assert from "assert";
import { assertAccepted, isCustomResource } from "../test/support/crdValidator";
import { PlanJson, planJson, PlannedResourceJson, resourcesOfType, runPlan } from "../test/support/plan";

const PROMOTER_KINDS = [
    "ScmProvider",
    "GitRepository",
    "PromotionStrategy",
    "ArgoCDCommitStatus",
    "WebRequestCommitStatus",
];
const PIPELINE_COMPONENT = "serviceradar:release:PromotionPipeline";

function kubernetesObjects(plan: PlanJson) {
    return plan.resources.filter((r) => r.type.startsWith("kubernetes:"));
}

/** The identity Kubernetes and GitHub give an object: two stacks declaring the same one would fight over it. */
function identity(resource: PlannedResourceJson): string | undefined {
    const i = resource.inputs;
    if (resource.type.startsWith("kubernetes:"))
        return `k8s ${i.apiVersion} ${i.kind} ${i.metadata?.namespace ?? ""} ${i.metadata?.name}`;
    if (resource.type === "pulumi-nodejs:dynamic:Resource") {
        return Object.keys(i.files ?? {})
            .map((file) => `github file ${i.repository} ${i.branch} ${file}`)
            .join("\n");
    }
    if (!resource.type.startsWith("github:")) return undefined;
    const key = [i.repository, i.environment, i.branch, i.file, i.secretName, i.tagPattern].filter(
        (v) => v !== undefined,
    );
    return `github ${resource.type} ${key.join(" ")}`;
}

function identities(plan: PlanJson): string[] {
    return plan.resources.flatMap((r) => identity(r)?.split("\n") ?? []);
}

const PRIVATE_KEY = "-----BEGIN RSA PRIVATE KEY-----MIIEnever-shown";

describe("promotion across stacks", () => {
    it("demo-staging declares the promoter, its objects, the hydration of every environment and its credential", async () => {
        const plan = await planJson("demo-staging");
        const kinds = kubernetesObjects(plan).map((r) => r.inputs.kind);
        for (const kind of PROMOTER_KINDS) assert.ok(kinds.includes(kind), kind);
        const apps = resourcesOfType(plan, "kubernetes:argoproj.io/v1alpha1:Application")
            .map((r) => r.inputs.metadata.name)
            .sort();
        assert.deepStrictEqual(apps, ["gitops-promoter", "serviceradar-demo-staging"]);
        assert.deepStrictEqual(resourcesOfType(plan, "github:index/branch:Branch"), [], "no branch is cut from main");
        assert.deepStrictEqual(resourcesOfType(plan, "github:index/repositoryFile:RepositoryFile"), []);
        const hydrations = resourcesOfType(plan, "pulumi-nodejs:dynamic:Resource");
        assert.deepStrictEqual(
            hydrations.map((h) => [h.inputs.kind, h.inputs.environment, h.inputs.branch, h.inputs.activeBranch]).sort(),
            [
                ["serviceradar-hydrated-environment", "demo", "environment/demo-next", "environment/demo"],
                [
                    "serviceradar-hydrated-environment",
                    "demo-staging",
                    "environment/demo-staging-next",
                    "environment/demo-staging",
                ],
            ],
        );
        for (const hydration of hydrations) {
            assert.deepStrictEqual(Object.keys(hydration.inputs.files).sort(), [
                "Chart.yaml",
                "README.md",
                "values-release.yaml",
            ]);
            assert.strictEqual(hydration.inputs.repository, "carverauto/serviceradar");
            assert.deepStrictEqual(hydration.inputs.values, {
                repository: "carverauto/serviceradar",
                path: `helm/serviceradar/values-${hydration.inputs.environment}.yaml`,
                revision: "v1.2.27",
            });
            assert.ok(!("__provider" in hydration.inputs), "the provider's serialized code is not shown");
        }
        const ruleset = resourcesOfType(plan, "github:index/repositoryRuleset:RepositoryRuleset");
        assert.deepStrictEqual(ruleset[0].inputs.conditions.refName.includes, ["refs/heads/environment/**"]);
        assert.deepStrictEqual(ruleset[0].inputs.rules, { deletion: true });
        const secrets = resourcesOfType(plan, "kubernetes:core/v1:Secret");
        const scm = secrets.find((s) => s.inputs.metadata.name === "serviceradar-github-app");
        assert.strictEqual(scm?.inputs.metadata.namespace, "promoter-system");
        assert.ok(
            !secrets.some((s) => s.inputs.metadata.labels?.["argocd.argoproj.io/secret-type"] === "repository-write"),
            "no Source Hydrator, so no write credential for it",
        );
        await assertAccepted(
            kubernetesObjects(plan)
                .map((r) => r.inputs)
                .filter(isCustomResource),
        );
    });

    it("demo declares its own objects and none of the pipeline-wide ones", async () => {
        const plan = await planJson("demo");
        assert.ok(!plan.resources.some((r) => r.type === PIPELINE_COMPONENT || r.parent?.includes(PIPELINE_COMPONENT)));
        assert.ok(!kubernetesObjects(plan).some((r) => PROMOTER_KINDS.includes(r.inputs.kind)));
        assert.strictEqual(resourcesOfType(plan, "pulumi-nodejs:dynamic:Resource").length, 0);
        const app = resourcesOfType(plan, "kubernetes:argoproj.io/v1alpha1:Application");
        assert.strictEqual(app.length, 1);
        assert.strictEqual(app[0].inputs.spec.source.targetRevision, "environment/demo");
        assert.ok(!("sourceHydrator" in app[0].inputs.spec));
        assert.deepStrictEqual(resourcesOfType(plan, "github:index/repositoryFile:RepositoryFile"), []);
    });

    for (const mode of ["promoter", "direct"]) {
        it(`no Kubernetes or GitHub object is declared by both stacks (${mode} mode)`, async () => {
            const staging = identities(await planJson("demo-staging", `promotionMode=${mode}`));
            const demo = identities(await planJson("demo", `promotionMode=${mode}`));
            for (const ids of [staging, demo])
                assert.strictEqual(new Set(ids).size, ids.length, "unique within a stack");
            const shared = staging.filter((id) => demo.includes(id));
            assert.deepStrictEqual(shared, []);
        });
    }

    it("the ownership check can fail: moving the pipeline to demo still declares it once", async () => {
        const demoOwns = identities(
            await planJson("demo", "pipelineStack=demo", "promoterGithubAppId=1", "promoterGithubAppInstallationId=2"),
        );
        const stagingDefault = identities(await planJson("demo-staging"));
        const shared = stagingDefault.filter((id) => demoOwns.includes(id));
        assert.ok(
            shared.some((id) => id.includes("PromotionStrategy")),
            "both stacks would own the strategy",
        );
    });

    it("direct mode plans the pinned Applications on both stacks and no promoter", async () => {
        for (const stack of ["demo-staging", "demo"]) {
            const plan = await planJson(stack, "promotionMode=direct");
            const apps = resourcesOfType(plan, "kubernetes:argoproj.io/v1alpha1:Application");
            assert.strictEqual(apps.length, 1);
            assert.strictEqual(apps[0].inputs.spec.sources[0].targetRevision, "1.2.27");
            assert.strictEqual(apps[0].inputs.spec.sources[0].helm.valuesObject.global.imageTag, "v1.2.27");
            assert.ok(!kubernetesObjects(plan).some((r) => PROMOTER_KINDS.includes(r.inputs.kind)));
        }
    });

    it("a version change touches only the hydration of each environment, nothing in the cluster", async () => {
        const before = await planJson("demo-staging");
        const after = await planJson("demo-staging", "version=1.3.0");
        const changed = after.resources.filter((r) => {
            const old = before.resources.find((b) => b.urn === r.urn);
            return JSON.stringify(old?.inputs) !== JSON.stringify(r.inputs);
        });
        assert.deepStrictEqual(
            changed.map((r) => [r.type, r.inputs.environment]),
            [
                ["pulumi-nodejs:dynamic:Resource", "demo"],
                ["pulumi-nodejs:dynamic:Resource", "demo-staging"],
            ],
        );
        for (const hydration of changed) {
            const files = hydration.inputs.files as Record<string, string>;
            assert.match(files["Chart.yaml"], /version: 1\.3\.0\n\s+repository: oci:\/\/ghcr\.io\/carverauto\/charts/);
            assert.match(files["values-release.yaml"], /imageTag: v1\.3\.0/);
            assert.strictEqual(hydration.inputs.values.revision, "v1.3.0");
            assert.match(String(hydration.inputs.message), /ServiceRadar 1\.3\.0/);
        }
    });

    it("keeps the GitHub App key secret in every output", async () => {
        const result = await runPlan([
            "--stack",
            "demo-staging",
            "--json",
            "--config",
            `promoterGithubAppPrivateKey=${PRIVATE_KEY}`,
        ]);
        assert.strictEqual(result.code, 0, result.stderr);
        for (const text of [result.stdout, result.stderr]) {
            assert.ok(!text.includes(PRIVATE_KEY) && !text.includes(Buffer.from(PRIVATE_KEY).toString("base64")));
        }
    });
});
