import * as assert from "assert";
import * as YAML from "yaml";
import { ENVIRONMENT_LABEL, PART_OF_LABEL } from "../../src/argocd";
import { parseReleaseConfig, ReleaseConfig } from "../../src/config";
import {
    environmentBranch,
    GATE_KEYS,
    GITHUB_APP_PRIVATE_KEY,
    PromoterObject,
    proposedBranch,
} from "../../src/promoter";
import { planRelease } from "../../src/releasePlan";
import { celViolations } from "../support/celRules";
import { mapSource, validValues } from "../support/configSource";

function config(stack: string, overrides: Record<string, string> = {}): ReleaseConfig {
    return parseReleaseConfig(mapSource(stack, validValues(overrides)));
}

function pipeline(overrides: Record<string, string> = {}) {
    const plan = planRelease(config("demo-staging", overrides)).pipeline;
    assert.ok(plan, "the pipeline stack in promoter mode plans the pipeline");
    return plan;
}

function byKind(objects: PromoterObject[], kind: string): PromoterObject[] {
    return objects.filter((o) => o.kind === kind);
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
                (object.spec.promotionStrategyRef as { name: string }).name,
                strategy.metadata.name,
                object.kind,
            );
        }
        assert.deepStrictEqual(provider.spec.github, { appID: 2459954, installationID: 99273302 });
        assert.deepStrictEqual(repository.spec.github, { owner: "carverauto", name: "serviceradar" });
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
                objects.filter((o) => typeof o.spec.key === "string").map((o) => o.spec.key as string),
            );
            assert.deepStrictEqual([...named].sort(), [...produced].sort());
            assert.ok(named.has(GATE_KEYS.argocdHealth) && named.has(GATE_KEYS.e2eTests));
            assert.strictEqual(named.has(GATE_KEYS.soak), "soakDuration" in overrides);
        }
    });

    it("gates leaving demo-staging on its live commit's e2e status, read from GitHub with the GitHub App", () => {
        const objects = pipeline().promoterObjects;
        const e2e = one(objects, "WebRequestCommitStatus");
        assert.strictEqual(e2e.spec.key, "e2e-tests");
        assert.strictEqual(e2e.spec.reportOn, "active");
        assert.deepStrictEqual(e2e.spec.httpRequest.authentication, { scm: {} });
        assert.match(
            e2e.spec.httpRequest.urlTemplate,
            /^https:\/\/api\.github\.com\/repos\/carverauto\/serviceradar\/commits\/\{\{ \.ReportedSha \}\}\/status$/,
        );
        assert.match(e2e.spec.success.when.expression, /\.context == 'serviceradar\/e2e' && \.state == 'success'/);
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

    it("names branches git and the CRD accept, live and proposed for every environment", () => {
        const plan = pipeline();
        assert.deepStrictEqual(plan.branches, [
            "environment/demo-staging",
            "environment/demo-staging-next",
            "environment/demo",
            "environment/demo-next",
        ]);
        for (const branch of plan.branches) assert.ok(isValidBranch(branch), branch);
        for (const bad of ["-x", "a..b", "a:b", "a/", "a.lock", "a b"])
            assert.ok(!isValidBranch(bad), `rejects ${bad}`);
        const strategy = one(plan.promoterObjects, "PromotionStrategy");
        assert.deepStrictEqual(celViolations(strategy), []);
    });

    it("satisfies the CRDs' CEL rules, and the check can fail", () => {
        for (const object of pipeline({ soakDuration: "1h" }).promoterObjects)
            assert.deepStrictEqual(celViolations(object), [], object.kind);
        const broken = structuredClone(one(pipeline().promoterObjects, "WebRequestCommitStatus"));
        broken.spec.httpRequest.method = "GET";
        broken.spec.mode = {};
        assert.strictEqual(celViolations(broken).length, 2);
        const provider = structuredClone(one(pipeline().promoterObjects, "ScmProvider"));
        provider.spec.gitlab = {};
        assert.strictEqual(celViolations(provider).length, 1);
    });

    it("hydrates each environment from the DRY umbrella chart into its -next branch", () => {
        for (const stack of ["demo-staging", "demo"] as const) {
            const app = planRelease(config(stack)).application;
            const hydrator = app.spec.sourceHydrator;
            assert.ok(hydrator && !app.spec.source);
            assert.deepStrictEqual(hydrator.drySource, {
                repoURL: "https://github.com/carverauto/serviceradar.git",
                targetRevision: "main",
                path: "deploy/release",
                helm: { releaseName: "serviceradar", valueFiles: ["values.yaml", `values-${stack}.yaml`] },
            });
            assert.deepStrictEqual(hydrator.syncSource, { targetBranch: environmentBranch(stack), path: stack });
            assert.deepStrictEqual(hydrator.hydrateTo, { targetBranch: proposedBranch(stack) });
        }
    });

    it("pins the chart and the image tag in the DRY release files", () => {
        const files = pipeline({ version: "1.3.0" }).dryFiles;
        assert.deepStrictEqual(
            files.map((f) => f.file),
            ["deploy/release/Chart.yaml", "deploy/release/values.yaml"],
        );
        const chart = YAML.parse(files[0].content);
        assert.deepStrictEqual(chart.dependencies, [
            { name: "serviceradar", version: "1.3.0", repository: "oci://ghcr.io/carverauto/charts" },
        ]);
        assert.strictEqual(YAML.parse(files[1].content).global.imageTag, "v1.3.0");
    });

    it("writes each environment's own values (pull policy, pull secret) from that environment's stack", () => {
        const staging = planRelease(config("demo-staging", { imagePullPolicy: "Always" })).environmentValues;
        const demo = planRelease(config("demo")).environmentValues;
        assert.strictEqual(staging?.file, "deploy/release/values-demo-staging.yaml");
        assert.strictEqual(demo?.file, "deploy/release/values-demo.yaml");
        assert.deepStrictEqual(YAML.parse(staging!.content), {
            global: { imagePullPolicy: "Always" },
            serviceradar: { image: { registryPullSecret: "ghcr-io-cred" } },
        });
    });

    it("installs the promoter pinned to its release tag, waiting for it before its objects", () => {
        const install = pipeline({ promoterVersion: "0.36.0" }).promoterInstall;
        assert.strictEqual(install.spec.source?.targetRevision, "v0.36.0");
        assert.strictEqual(install.spec.source?.repoURL, "https://github.com/argoproj-labs/gitops-promoter.git");
        assert.strictEqual(install.spec.destination.namespace, "promoter-system");
        assert.match(install.metadata.annotations?.["pulumi.com/waitFor"] ?? "", /Healthy/);
    });

    it("declares nothing pipeline-wide on demo, nor in direct mode", () => {
        assert.strictEqual(planRelease(config("demo")).pipeline, undefined);
        assert.strictEqual(planRelease(config("demo-staging", { promotionMode: "direct" })).pipeline, undefined);
        assert.strictEqual(
            planRelease(config("demo-staging", { promotionMode: "direct" })).environmentValues,
            undefined,
        );
        assert.strictEqual(planRelease(config("demo", { pipelineStack: "demo" })).pipeline?.branches.length, 4);
    });

    it("keeps the pinned chart Application in direct mode (bypass and rollback path)", () => {
        const app = planRelease(config("demo", { promotionMode: "direct", version: "1.2.26" })).application;
        assert.strictEqual(app.spec.source?.targetRevision, "1.2.26");
        assert.strictEqual(app.spec.sourceHydrator, undefined);
    });
});
