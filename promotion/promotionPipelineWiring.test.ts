import * as assert from "assert";
import { withReleasePins } from "../config/config";
import { loadStackConfig, releaseConfigFrom } from "../config/stackConfig";
import { revealSecrets, runProgramOnMocks } from "../plan/mockRuntime";
import { ROOT } from "../test/support/plan";
import { PromotionPipeline } from "./promotionPipeline";
import { planRelease } from "./releasePlan";

describe("PromotionPipeline wiring (component alone on the mock runtime)", () => {
    it("parents every child, orders install -> secret -> each promoter object, and hydrations before the rulesets", async () => {
        const stack = loadStackConfig(ROOT, "demo-staging", []);
        const run = await runProgramOnMocks(() => {
            const config = releaseConfigFrom(stack);
            new PromotionPipeline("release", {
                config: withReleasePins(config, "test"),
                githubApp: config.promotion.githubApp!,
                pipeline: planRelease(config).pipeline!,
            });
        }, stack);
        const [component, ...children] = run.resources;
        const name = (urn: string) => urn.split("::").pop();
        const wiring = children.map((r) => [r.name, name(r.parent!), r.options.dependsOn.map(name)]);
        assert.deepStrictEqual(wiring.sort(), [
            [
                "release-argocdcommitstatus-serviceradar-argocd-health",
                "release",
                ["release-promoter", "release-promotionstrategy-serviceradar-release"],
            ],
            ["release-dry", "release", []],
            ["release-dry-branch", "release", ["release-hydrate-demo-staging", "release-hydrate-demo"]],
            ["release-environment-branches", "release", ["release-hydrate-demo-staging", "release-hydrate-demo"]],
            ["release-github-app", "release", ["release-promoter"]],
            [
                "release-gitrepository-serviceradar",
                "release",
                ["release-promoter", "release-scmprovider-serviceradar-github-app"],
            ],
            ["release-hydrate-demo", "release", ["release-dry"]],
            ["release-hydrate-demo-staging", "release", ["release-dry"]],
            ["release-hydration-repository", "release", []],
            ["release-promoter", "release", []],
            ["release-promotion-gates", "release", ["release-hydrate-demo-staging", "release-hydrate-demo"]],
            [
                "release-promotionstrategy-serviceradar-release",
                "release",
                ["release-promoter", "release-gitrepository-serviceradar"],
            ],
            ["release-proposed-branches", "release", ["release-hydrate-demo-staging", "release-hydrate-demo"]],
            ["release-scmprovider-serviceradar-github-app", "release", ["release-promoter", "release-github-app"]],
            [
                "release-webrequestcommitstatus-serviceradar-e2e-tests",
                "release",
                ["release-promoter", "release-argocdcommitstatus-serviceradar-argocd-health"],
            ],
        ]);
        assert.strictEqual(name(component.urn), "release");
        const secret = children.find((r) => r.name === "release-github-app")!;
        assert.deepStrictEqual(revealSecrets(secret.inputs), {
            apiVersion: "v1",
            kind: "Secret",
            metadata: { name: "serviceradar-github-app", namespace: "promoter-system" },
            stringData: { githubAppPrivateKey: "offline-plan-placeholder-for-promoterGithubAppPrivateKey" },
            type: "Opaque",
        });
        const provider = children.find((r) => r.name === "release-hydration-repository")!;
        assert.strictEqual((provider.inputs as Record<string, unknown>).owner, "carverauto");
    });
});
