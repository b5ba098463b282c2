import * as assert from "assert";
import { requestBodyErrors } from "../test/support/githubOpenApi";
import { assertAccepted, isCustomResource } from "../test/support/crdValidator";
import { PlanJson, planJson, PlannedResourceJson, resourcesOfType, runPlan } from "../test/support/plan";
import { rulesetRestBody } from "../test/support/rulesetRestBody";

const RULESET = "github:index/repositoryRuleset:RepositoryRuleset";

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
    const key = [i.repository, i.environment, i.branch, i.file, i.secretName, i.tagPattern, i.name].filter(
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
        const dynamic = resourcesOfType(plan, "pulumi-nodejs:dynamic:Resource");
        const hydrations = dynamic.filter((r) => r.inputs.kind === "serviceradar-hydrated-environment");
        const dry = dynamic.filter((r) => r.inputs.kind === "serviceradar-release-dry-commit");
        assert.strictEqual(dry.length, 1, "one DRY commit for the whole release");
        assert.strictEqual(dry[0].inputs.repository, "carverauto/serviceradar-release");
        assert.strictEqual(dry[0].inputs.branch, "hydrator/dry");
        assert.deepStrictEqual(Object.keys(dry[0].inputs.environments).sort(), ["demo", "demo-staging"]);
        for (const hydration of hydrations) {
            assert.deepStrictEqual(hydration.options.dependsOn, [dry[0].urn], "hydrated after the DRY commit");
            assert.deepStrictEqual(hydration.inputs.dryCommit, { __pulumiUnknown: true }, "its sha, known at `up`");
        }
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
            assert.strictEqual(hydration.inputs.repository, "carverauto/serviceradar-release");
            assert.deepStrictEqual(hydration.inputs.values, {
                repository: "carverauto/serviceradar",
                path: `helm/serviceradar/values-${hydration.inputs.environment}.yaml`,
                revision: "v1.2.27",
            });
            assert.ok(!("__provider" in hydration.inputs), "the provider's serialized code is not shown");
        }
        assert.strictEqual(resourcesOfType(plan, RULESET).length, 4, "the rulesets (their own test below)");
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
            // In direct mode demo decides its version; its stack file has none (demo-staging decides it in promoter mode).
            const config = mode === "direct" ? [`promotionMode=${mode}`, "version=1.2.27"] : [`promotionMode=${mode}`];
            const staging = identities(await planJson("demo-staging", ...config));
            const demo = identities(await planJson("demo", ...config));
            for (const ids of [staging, demo])
                assert.strictEqual(new Set(ids).size, ids.length, "unique within a stack");
            const shared = staging.filter((id) => demo.includes(id));
            assert.deepStrictEqual(shared, []);
        });
    }

    it("the ownership check can fail: moving the pipeline to demo still declares it once", async () => {
        const demoOwns = identities(
            await planJson(
                "demo",
                "pipelineStack=demo",
                // The pipeline stack decides what runs: demo now needs the version its stack file leaves to demo-staging.
                "version=1.2.27",
                "promoterGithubAppId=1",
                "promoterGithubAppInstallationId=2",
            ),
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
            const plan = await planJson(stack, "promotionMode=direct", "version=1.2.27");
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
            changed.map((r) => [r.type, r.inputs.kind, r.inputs.environment]),
            [
                ["pulumi-nodejs:dynamic:Resource", "serviceradar-release-dry-commit", undefined],
                ["pulumi-nodejs:dynamic:Resource", "serviceradar-hydrated-environment", "demo"],
                ["pulumi-nodejs:dynamic:Resource", "serviceradar-hydrated-environment", "demo-staging"],
            ],
        );
        assert.strictEqual(changed[0].inputs.release.version, "1.3.0", "the DRY record names the release");
        for (const hydration of changed.slice(1)) {
            const files = hydration.inputs.files as Record<string, string>;
            assert.match(
                files["Chart.yaml"],
                /version: 1\.3\.0\n\s+repository: oci:\/\/registry\.carverauto\.dev\/serviceradar\/charts/,
            );
            assert.match(files["values-release.yaml"], /imageTag: v1\.3\.0/);
            assert.strictEqual(hydration.inputs.values.revision, "v1.3.0");
            assert.match(String(hydration.inputs.message), /ServiceRadar 1\.3\.0/);
        }
    });

    describe("the hydration repository's rulesets, as GitHub's REST description of rulesets accepts them", () => {
        const APP = 2459954;
        const HYDRATOR_APP = 777;
        type Rule = { type: string; parameters?: Record<string, any> };
        type Body = { conditions: { ref_name: { include: string[] } }; rules: Rule[]; bypass_actors: any[] };
        async function bodies(...config: string[]): Promise<Body[]> {
            const plan = await planJson("demo-staging", ...config);
            return resourcesOfType(plan, RULESET).map((r) => {
                assert.strictEqual(r.inputs.repository, "serviceradar-release", "in the hydration repository");
                const body = rulesetRestBody(r.inputs);
                assert.deepStrictEqual(requestBodyErrors("post", "/repos/{owner}/{repo}/rulesets", body), []);
                assert.deepStrictEqual(
                    requestBodyErrors("put", "/repos/{owner}/{repo}/rulesets/{ruleset_id}", body),
                    [],
                );
                return body as unknown as Body;
            });
        }
        /** The rules GitHub applies to a branch: those of every ruleset that includes it, with their bypass lists. */
        function on(rulesets: Body[], branch: string) {
            const matching = rulesets.filter((r) => r.conditions.ref_name.include.includes(`refs/heads/${branch}`));
            return {
                rules: new Map(matching.flatMap((r) => r.rules.map((rule) => [rule.type, rule] as const))),
                bypass: matching.map((r) => r.bypass_actors),
            };
        }

        it("environment branches change only by a pull request, demo's only with the promoter's previous-environment check", async () => {
            const rulesets = await bodies();
            for (const env of ["demo-staging", "demo"]) {
                const live = on(rulesets, `environment/${env}`);
                assert.ok(live.rules.has("pull_request"), `${env}: pull requests only`);
                assert.deepStrictEqual(live.rules.get("pull_request")?.parameters?.allowed_merge_methods, ["merge"]);
                assert.ok(live.rules.has("deletion") && live.rules.has("non_fast_forward"));
                assert.deepStrictEqual(live.bypass.flat(), [], `${env}: nobody bypasses, the promoter's App neither`);
            }
            assert.ok(!on(rulesets, "environment/demo-staging").rules.has("required_status_checks"), "first: no check");
            assert.deepStrictEqual(on(rulesets, "environment/demo").rules.get("required_status_checks")?.parameters, {
                required_status_checks: [{ context: "promoter-previous-environment", integration_id: APP }],
                strict_required_status_checks_policy: false,
                do_not_enforce_on_create: true,
            });
        });

        it("-next branches are written by the hydrator's and the promoter's Apps only, the DRY branch by the hydrator's", async () => {
            const rulesets = await bodies(`hydratorGithubAppId=${HYDRATOR_APP}`);
            const writers = (branch: string) =>
                on(rulesets, branch)
                    .bypass.flat()
                    .map((a) => [a.actor_type, a.actor_id, a.bypass_mode]);
            for (const env of ["demo-staging", "demo"]) {
                const next = on(rulesets, `environment/${env}-next`);
                for (const rule of ["creation", "update", "deletion", "non_fast_forward"])
                    assert.ok(next.rules.has(rule), rule);
                assert.deepStrictEqual(writers(`environment/${env}-next`), [
                    ["Integration", HYDRATOR_APP, "always"],
                    ["Integration", APP, "always"],
                ]);
            }
            assert.ok(on(rulesets, "hydrator/dry").rules.has("update"));
            assert.deepStrictEqual(writers("hydrator/dry"), [["Integration", HYDRATOR_APP, "always"]]);
        });

        it("the check can fail: the provider docs' spelling of a bypass mode is not GitHub's", () => {
            const body = {
                name: "x",
                enforcement: "active",
                bypass_actors: [{ actor_id: 1, actor_type: "Integration", bypass_mode: "pullRequest" }],
            };
            assert.notDeepStrictEqual(requestBodyErrors("post", "/repos/{owner}/{repo}/rulesets", body), []);
        });
    });

    it("says which GitOps Promoter image runs: the configured release", async () => {
        const outputs = (await planJson("demo-staging", "promoterVersion=0.36.0")).outputs;
        assert.strictEqual(outputs.promoterImage, "quay.io/argoprojlabs/gitops-promoter:v0.36.0");
        const text = await runPlan(["--stack", "demo-staging", "--config", "promoterVersion=0.36.0"]);
        assert.match(text.stdout, /promoterImage: "?quay\.io\/argoprojlabs\/gitops-promoter:v0\.36\.0/);
        assert.strictEqual((await planJson("demo")).outputs.promoterImage, null, "demo installs no promoter");
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
