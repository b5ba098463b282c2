import * as assert from "assert";
import { parseReleaseConfig, ReleaseConfig } from "../config/config";
import { validSource } from "../test/support/configSource";
import { environmentRulesets } from "./rulesets";
import { planRelease } from "./releasePlan";

function config(stack: string, overrides: Record<string, string> = {}): ReleaseConfig {
    return parseReleaseConfig(validSource(stack, overrides));
}

const APP = 2459954;
const HYDRATOR = 777001;
const base = { target: "branch", enforcement: "active" };
const refs = (...branches: string[]) => ({
    refName: { includes: branches.map((b) => `refs/heads/${b}`), excludes: [] },
});
const writer = (actorId: number) => ({ actorId, actorType: "Integration", bypassMode: "always" });
const writeOnly = { creation: true, update: true, deletion: true, nonFastForward: true };

describe("hydration repository rulesets (whole, pure builder)", () => {
    it("declares pull-request-only live branches, writer-only proposed and DRY branches, and the later environments' gate check", () => {
        assert.deepStrictEqual(environmentRulesets(config("demo-staging", { hydratorGithubAppId: String(HYDRATOR) })), [
            {
                id: "environment-branches",
                name: "serviceradar-release environment branches: pull requests only",
                ...base,
                conditions: refs("environment/demo-staging", "environment/demo"),
                rules: {
                    deletion: true,
                    nonFastForward: true,
                    pullRequest: {
                        allowedMergeMethods: ["merge"],
                        dismissStaleReviewsOnPush: false,
                        requireCodeOwnerReview: false,
                        requireLastPushApproval: false,
                        requiredApprovingReviewCount: 0,
                        requiredReviewThreadResolution: false,
                    },
                },
                bypassActors: [],
            },
            {
                id: "proposed-branches",
                name: "serviceradar-release proposed branches: the hydrator and the promoter only",
                ...base,
                conditions: refs("environment/demo-staging-next", "environment/demo-next"),
                rules: writeOnly,
                bypassActors: [writer(HYDRATOR), writer(APP)],
            },
            {
                id: "dry-branch",
                name: "serviceradar-release DRY branch: the hydrator only",
                ...base,
                conditions: refs("hydrator/dry"),
                rules: writeOnly,
                bypassActors: [writer(HYDRATOR)],
            },
            {
                id: "promotion-gates",
                name: "serviceradar-release promotion gates: after demo-staging, the previous environment's gates passed",
                ...base,
                conditions: refs("environment/demo"),
                rules: {
                    requiredStatusChecks: {
                        requiredChecks: [{ context: "promoter-previous-environment", integrationId: APP }],
                        strictRequiredStatusChecksPolicy: false,
                        doNotEnforceOnCreate: true,
                    },
                },
                bypassActors: [],
            },
        ]);
    });

    it("declares no promotion-gates ruleset with one environment (nothing comes after it)", () => {
        const ids = environmentRulesets(config("demo-staging", { environments: '["demo-staging"]' })).map((r) => r.id);
        assert.deepStrictEqual(ids, ["environment-branches", "proposed-branches", "dry-branch"]);
    });

    it("refuses without the promoter's GitHub App (direct mode)", () => {
        assert.throws(
            () => environmentRulesets(config("demo-staging", { promotionMode: "direct" })),
            /^Error: the rulesets are declared only in promoter mode on the pipeline stack$/,
        );
    });
});

describe("release plan (pure): what each stack and mode declares", () => {
    it("names the release source of the first environment, a later one, and direct mode", () => {
        assert.strictEqual(
            planRelease(config("demo-staging")).releaseSource,
            "GitOps Promoter: environment/demo-staging, hydrated from carverauto/serviceradar@v1.2.27 (auto-merged)",
        );
        assert.strictEqual(
            planRelease(config("demo")).releaseSource,
            "GitOps Promoter: environment/demo, after demo-staging's gates and a merged pull request",
        );
        assert.strictEqual(
            planRelease(config("demo", { promotionMode: "direct" })).releaseSource,
            "pinned by this stack's config (direct mode)",
        );
    });

    it("names the pipeline stack's revision on a first environment that is not the pipeline stack", () => {
        assert.strictEqual(
            planRelease(config("demo", { environments: '["demo", "demo-staging"]' })).releaseSource,
            "GitOps Promoter: environment/demo, hydrated from carverauto/serviceradar@demo-staging's valuesRevision (auto-merged)",
        );
    });

    it("pins the chart as oci://<registry>/<chart>:<version>", () => {
        assert.deepStrictEqual(planRelease(config("demo-staging")).pins, {
            version: "1.2.27",
            imageTag: "v1.2.27",
            chartVersion: "1.2.27",
            chart: "oci://ghcr.io/carverauto/charts/serviceradar:1.2.27",
        });
    });

    it("declares the chart repository credential only for a private chart, only on the pipeline stack", () => {
        assert.strictEqual(
            planRelease(config("demo-staging", { chartPrivate: "true" })).chartCredentialName,
            "argocd-repo-ghcr-io-carverauto-charts",
        );
        assert.strictEqual(planRelease(config("demo", { chartPrivate: "true" })).chartCredentialName, undefined);
        assert.strictEqual(planRelease(config("demo-staging")).chartCredentialName, undefined);
    });
});
