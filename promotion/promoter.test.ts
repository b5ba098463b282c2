import * as assert from "assert";
import * as YAML from "yaml";
import { ENVIRONMENT_LABEL, PART_OF_LABEL } from "../environment/argocd";
import { parseReleaseConfig, ReleaseConfig } from "../config/config";
import { environmentBranch, GATE_KEYS, GITHUB_APP_PRIVATE_KEY, PromoterObject, promoterCrdName } from "./promoter";

import { planRelease } from "./releasePlan";
import { assertAccepted, loadCrdValidator } from "../test/support/crdValidator";
import { validSource } from "../test/support/configSource";

function config(stack: string, overrides: Record<string, string> = {}): ReleaseConfig {
    return parseReleaseConfig(validSource(stack, overrides));
}

function pipeline(overrides: Record<string, string> = {}) {
    const plan = planRelease(config("demo-staging", overrides)).pipeline;
    assert.ok(plan, "the pipeline stack in promoter mode plans the pipeline");
    return plan;
}

function byKind(objects: PromoterObject[], kind: string): PromoterObject[] {
    return objects.filter((o) => o.kind === kind);
}

/** A spec read by field name across kinds. */
function specOf(object: PromoterObject): Record<string, unknown> {
    return object.spec;
}

function one(objects: PromoterObject[], kind: string): PromoterObject & { spec: Record<string, any> } {
    const found = byKind(objects, kind);
    assert.strictEqual(found.length, 1, `one ${kind}`);
    return found[0] as PromoterObject & { spec: Record<string, any> };
}

/** Label selector semantics: matchLabels and In/NotIn/Exists/DoesNotExist expressions, ANDed. */
function selects(selector: Record<string, any>, labels: Record<string, string>): boolean {
    const byLabels = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
    const byExpressions = (selector.matchExpressions ?? []).every(
        (e: { key: string; operator: string; values?: string[] }) => {
            const value = labels[e.key];
            switch (e.operator) {
                case "In":
                    return value !== undefined && (e.values ?? []).includes(value);
                case "NotIn":
                    return value === undefined || !(e.values ?? []).includes(value);
                case "Exists":
                    return value !== undefined;
                case "DoesNotExist":
                    return value === undefined;
                default:
                    throw new Error(`unknown operator ${e.operator}`);
            }
        },
    );
    return byLabels && byExpressions;
}

/** git check-ref-format's rules for a branch name. */
function isValidBranch(name: string): boolean {
    return (
        name.length > 0 &&
        !/[\x00-\x20~^:?*[\\\x7f]/.test(name) &&
        !name.startsWith("-") &&
        !name.startsWith("/") &&
        !name.endsWith("/") &&
        !name.endsWith(".") &&
        !name.includes("..") &&
        !name.includes("//") &&
        !name.includes("@{") &&
        name.split("/").every((part) => part.length > 0 && !part.startsWith(".") && !part.endsWith(".lock"))
    );
}

describe("promoter plan (pure)", () => {
    it("chains every reference within one namespace: strategy -> repository -> provider -> secret key", () => {
        const plan = pipeline();
        const strategy = one(plan.promoterObjects, "PromotionStrategy");
        const repository = one(plan.promoterObjects, "GitRepository");
        const provider = one(plan.promoterObjects, "ScmProvider");
        assert.strictEqual(strategy.spec.gitRepositoryRef.name, repository.metadata.name);
        assert.strictEqual(repository.spec.scmProviderRef.name, provider.metadata.name);
        assert.strictEqual(repository.spec.scmProviderRef.kind, "ScmProvider");
        assert.strictEqual(provider.spec.secretRef.name, plan.scmSecretName);
        assert.strictEqual(GITHUB_APP_PRIVATE_KEY, "githubAppPrivateKey");
        const namespaces = new Set(plan.promoterObjects.map((o) => o.metadata.namespace));
        assert.deepStrictEqual([...namespaces], ["promoter-system"]);
        for (const object of plan.promoterObjects.filter((o) => "promotionStrategyRef" in o.spec)) {
            assert.strictEqual(
                (specOf(object).promotionStrategyRef as { name: string }).name,
                strategy.metadata.name,
                object.kind,
            );
        }
        assert.deepStrictEqual(provider.spec.github, { appID: 2459954, installationID: 99273302 });
        assert.deepStrictEqual(repository.spec.github, { owner: "carverauto", name: "serviceradar-release" });
    });

    it("promotes demo-staging then demo, and demo never auto-merges", () => {
        const strategy = one(pipeline().promoterObjects, "PromotionStrategy");
        assert.deepStrictEqual(
            strategy.spec.environments.map((e: { branch: string; autoMerge: boolean }) => [e.branch, e.autoMerge]),
            [
                ["environment/demo-staging", true],
                ["environment/demo", false],
            ],
        );
    });

    it("gives every gate key a producer and every producer a gate", () => {
        for (const overrides of [{}, { soakDuration: "45m" }] as Record<string, string>[]) {
            const objects = pipeline(overrides).promoterObjects;
            const strategy = one(objects, "PromotionStrategy");
            const named = new Set<string>([
                ...(strategy.spec.activeCommitStatuses ?? []).map((s: { key: string }) => s.key),
                ...(strategy.spec.proposedCommitStatuses ?? []).map((s: { key: string }) => s.key),
                ...strategy.spec.environments.flatMap((e: Record<string, { key: string }[]>) =>
                    [...(e.activeCommitStatuses ?? []), ...(e.proposedCommitStatuses ?? [])].map((s) => s.key),
                ),
            ]);
            const produced = new Set(
                objects.filter((o) => typeof specOf(o).key === "string").map((o) => specOf(o).key as string),
            );
            assert.deepStrictEqual([...named].sort(), [...produced].sort());
            assert.ok(named.has(GATE_KEYS.argocdHealth) && named.has(GATE_KEYS.e2eTests));
            assert.strictEqual(named.has(GATE_KEYS.soak), "soakDuration" in overrides);
        }
    });

    it("gates leaving demo-staging on its active commit's e2e context, asked of GitHub with the GitHub App", () => {
        const objects = pipeline().promoterObjects;
        const e2e = one(objects, "WebRequestCommitStatus");
        assert.strictEqual(e2e.spec.key, "e2e-tests");
        assert.strictEqual(e2e.spec.reportOn, "active");
        assert.deepStrictEqual(e2e.spec.httpRequest.authentication, { scm: {} });
        assert.strictEqual(e2e.spec.httpRequest.urlTemplate, "https://api.github.com/graphql");
        assert.strictEqual(e2e.spec.httpRequest.methodTemplate, "POST");
        assert.strictEqual(e2e.spec.httpRequest.method, undefined, "the CRD allows one of method and methodTemplate");
        assert.ok(!JSON.stringify(e2e.spec).includes("ReportedSha }}"), "no template names a field the data lacks");
        const staging = one(objects, "PromotionStrategy").spec.environments[0];
        assert.deepStrictEqual(staging.activeCommitStatuses, [{ key: "e2e-tests" }]);
    });

    it("selects exactly the environments' Applications for Argo CD health", () => {
        const health = one(pipeline().promoterObjects, "ArgoCDCommitStatus");
        const selector = health.spec.applicationSelector;
        for (const stack of ["demo-staging", "demo"]) {
            const app = planRelease(config(stack)).application;
            assert.ok(selects(selector, app.metadata.labels ?? {}), `${stack} Application selected`);
        }
        const promoterInstall = pipeline().promoterInstall;
        assert.ok(!selects(selector, promoterInstall.metadata.labels ?? {}), "the promoter's own Application is not");
        assert.ok(!selects(selector, { [PART_OF_LABEL]: "serviceradar-release", [ENVIRONMENT_LABEL]: "dev" }));
        assert.ok(!selects(selector, { [ENVIRONMENT_LABEL]: "demo" }));
        assert.ok(
            selects({ matchExpressions: [{ key: "a", operator: "NotIn", values: ["x"] }] }, {}),
            "the matcher can say yes",
        );
    });

    it("never selects a direct-mode Application (spec.sources) for Argo CD health, so a mix of modes keeps the gate working", () => {
        const selector = one(pipeline().promoterObjects, "ArgoCDCommitStatus").spec.applicationSelector;
        for (const stack of ["demo-staging", "demo"]) {
            const direct = planRelease(config(stack, { promotionMode: "direct" })).application;
            assert.ok(
                direct.spec.sources !== undefined && direct.spec.source === undefined,
                "the mode GetRepoURL cannot read",
            );
            assert.ok(!selects(selector, direct.metadata.labels ?? {}), `${stack} in direct mode is not selected`);
            const hydrated = planRelease(config(stack)).application;
            assert.ok(hydrated.spec.source !== undefined && selects(selector, hydrated.metadata.labels ?? {}));
        }
    });

    it("hydrates every environment into its own -next branch, with branch names git accepts", async () => {
        const plan = pipeline();
        assert.deepStrictEqual(
            plan.hydrations.map((h) => [h.environment, h.activeBranch, h.proposedBranch]),
            [
                ["demo-staging", "environment/demo-staging", "environment/demo-staging-next"],
                ["demo", "environment/demo", "environment/demo-next"],
            ],
        );
        for (const h of plan.hydrations) assert.ok(isValidBranch(h.proposedBranch) && isValidBranch(h.activeBranch));
        for (const bad of ["-x", "a..b", "a:b", "a/", "a.lock", "a b"])
            assert.ok(!isValidBranch(bad), `rejects ${bad}`);
        const strategy = one(plan.promoterObjects, "PromotionStrategy");
        assert.deepStrictEqual(await loadCrdValidator().validate(strategy), [], "the API server accepts the branches");
    });

    it("passes the API server's validation of the CRDs (schema and CEL rules), and the check can fail", async () => {
        await assertAccepted(pipeline({ soakDuration: "1h" }).promoterObjects);
        const validator = loadCrdValidator();
        const broken = structuredClone(one(pipeline().promoterObjects, "WebRequestCommitStatus"));
        broken.spec.httpRequest.method = "GET";
        broken.spec.httpRequest.methodTemplate = "GET";
        broken.spec.mode = {};
        // Sorted: the API server reports the two CEL failures in either order (about one run in five).
        assert.deepStrictEqual((await validator.validate(broken)).sort(), [
            "spec.httpRequest: Invalid value: exactly one of method or methodTemplate must be set",
            "spec.mode: Invalid value: exactly one of the fields in [polling trigger] must be set",
        ]);
        const provider = structuredClone(one(pipeline().promoterObjects, "ScmProvider"));
        provider.spec.gitlab = {};
        assert.deepStrictEqual(await validator.validate(provider), [
            "spec: Invalid value: exactly one of the fields in [github gitlab forgejo gitea bitbucketCloud azureDevOps fake] must be set",
        ]);
    });

    it("syncs each environment from its environment branch, rendered by Argo CD, never by its Source Hydrator", () => {
        for (const stack of ["demo-staging", "demo"] as const) {
            const app = planRelease(config(stack, { imagePullPolicy: "Always" })).application;
            assert.ok(!("sourceHydrator" in app.spec), "no Source Hydrator: it would commit the chart's Secrets");
            assert.deepStrictEqual(app.spec.source, {
                repoURL: "https://github.com/carverauto/serviceradar-release.git",
                targetRevision: environmentBranch(stack),
                path: ".",
                helm: {
                    releaseName: "serviceradar",
                    valueFiles: ["values-environment.yaml", "values-release.yaml"],
                    valuesObject: {
                        global: { imagePullPolicy: "Always" },
                        serviceradar: { image: { registryPullSecret: "ghcr-io-cred" } },
                    },
                },
            });
        }
    });

    it("writes an umbrella chart pinning the chart version and the image tag, for each environment alike", () => {
        const [staging, demo] = pipeline({ version: "1.3.0" }).hydrations;
        assert.deepStrictEqual(
            staging.files.map((f) => f.file),
            ["Chart.yaml", "values-release.yaml", "README.md"],
        );
        const chart = YAML.parse(staging.files[0].content);
        assert.deepStrictEqual(chart.dependencies, [
            { name: "serviceradar", version: "1.3.0", repository: "oci://ghcr.io/carverauto/charts" },
        ]);
        assert.strictEqual(chart.name, "serviceradar-demo-staging");
        assert.deepStrictEqual(YAML.parse(staging.files[1].content), {
            global: { imageTag: "v1.3.0" },
            serviceradar: { global: { imageTag: "v1.3.0" } },
        });
        assert.strictEqual(staging.files[1].content, demo.files[1].content, "demo gets exactly what staging ran");
        assert.deepStrictEqual(
            [staging.valuesPath, demo.valuesPath],
            ["helm/serviceradar/values-demo-staging.yaml", "helm/serviceradar/values-demo.yaml"],
        );
    });

    it("reads each environment's own values file where the configuration says", () => {
        const hydrations = pipeline({ valuesPath: "deploy/{environment}/values.yaml" }).hydrations;
        assert.deepStrictEqual(
            hydrations.map((h) => h.valuesPath),
            ["deploy/demo-staging/values.yaml", "deploy/demo/values.yaml"],
        );
    });

    it("installs the promoter from the kustomization of its release manifest at the tag, waiting for its CRDs before its objects", () => {
        const plan = pipeline({ promoterVersion: "0.36.0", soakDuration: "1h" });
        const install = plan.promoterInstall;
        assert.strictEqual(install.spec.source?.targetRevision, "v0.36.0");
        assert.strictEqual(install.spec.source?.repoURL, "https://github.com/argoproj-labs/gitops-promoter.git");
        assert.strictEqual(install.spec.source?.path, "config/release");
        assert.strictEqual(install.spec.source?.directory, undefined, "a kustomize source, not a directory of files");
        assert.strictEqual(install.spec.destination.namespace, "promoter-system");
        const conditions = JSON.parse(install.metadata.annotations?.["pulumi.com/waitFor"] ?? "[]") as string[];
        assert.ok(conditions.includes("jsonpath={.status.health.status}=Healthy"));
        assert.ok(conditions.includes("jsonpath={.status.sync.status}=Synced"));
        assert.ok(
            conditions.includes(
                'jsonpath={.status.summary.images[?(@=="quay.io/argoprojlabs/gitops-promoter:v0.36.0")]}=quay.io/argoprojlabs/gitops-promoter:v0.36.0',
            ),
            "waits until the rendered workloads run the pinned image",
        );
        for (const kind of new Set(plan.promoterObjects.map((o) => o.kind))) {
            const crd = promoterCrdName(kind);
            assert.ok(
                conditions.some((c) => c.includes(`@.name=="${crd}"`) && c.endsWith("=Synced")),
                `waits for ${crd}`,
            );
        }
    });

    it("declares nothing pipeline-wide on demo, nor in direct mode", () => {
        assert.strictEqual(planRelease(config("demo")).pipeline, undefined);
        assert.strictEqual(planRelease(config("demo-staging", { promotionMode: "direct" })).pipeline, undefined);
        assert.strictEqual(planRelease(config("demo", { pipelineStack: "demo" })).pipeline?.hydrations.length, 2);
    });

    it("keeps the pinned chart Application in direct mode (bypass and rollback path)", () => {
        const app = planRelease(config("demo", { promotionMode: "direct", version: "1.2.26" })).application;
        assert.strictEqual(app.spec.sources?.[0].targetRevision, "1.2.26");
        assert.ok(!("sourceHydrator" in app.spec));
    });
});
