// One derived name, one role: a configuration in which a branch, a namespace or a Kubernetes object would serve two
// roles is refused by the one loader (config/config.ts), in one line naming both.
import { strict as assert } from "node:assert";
import { ConfigError, parseReleaseConfig } from "../../config/config";
import { validSource, validValues } from "../support/configSource";

function refusal(stack: string, overrides: Record<string, string>): string {
    try {
        parseReleaseConfig(validSource(stack, overrides));
    } catch (err) {
        assert.ok(err instanceof ConfigError, String(err));
        assert.doesNotMatch(err.message, /\n/);
        return err.message;
    }
    return assert.fail(`accepted ${JSON.stringify(overrides)}`);
}

describe("config: derived names are unique across environments", () => {
    it("an environment named like another one's proposed branch", () => {
        assert.match(
            refusal("demo", { environments: '["demo-staging", "demo", "demo-next"]', pipelineStack: "demo-staging" }),
            /environments: "environment\/demo-next" would be both the proposed branch of demo and the live branch of demo-next/,
        );
    });

    it("an environment's namespace that is the promoter's, Argo CD's or another environment's", () => {
        const promoterNamespace = validValues().promoterNamespace!;
        assert.match(
            refusal("demo", { namespace: promoterNamespace }),
            /serviceradar-release:namespace: .* would be both the namespace of demo and GitOps Promoter's namespace/,
        );
        assert.match(
            refusal("demo", { namespace: validValues().argocdNamespace! }),
            /namespace: .* would be both the namespace of demo and Argo CD's namespace/,
        );
        assert.match(
            refusal("demo", { namespace: "demo-staging" }),
            /namespace: "demo-staging" would be both the namespace of demo and the namespace of demo-staging/,
        );
    });

    it("a pull secret that is the promoter's GitHub App secret in its namespace", () => {
        assert.match(
            refusal("demo", {
                namespace: "demo",
                promoterNamespace: "demo",
                pullSecretName: "serviceradar-github-app",
            }),
            /would be both/,
        );
    });

    it("an Application named like the promoter's, or like another environment's", () => {
        assert.match(
            refusal("demo", { applicationName: "gitops-promoter" }),
            /applicationName: "gitops-promoter" would be both the Argo CD Application of demo and GitOps Promoter's Argo CD Application \(one Kubernetes object\)/,
        );
        assert.match(
            refusal("demo", { applicationName: "serviceradar-demo-staging" }),
            /applicationName: "serviceradar-demo-staging" would be both the Argo CD Application of demo and the Argo CD Application of demo-staging/,
        );
    });

    it("accepts the repository's own stacks and distinct names", () => {
        for (const stack of ["demo-staging", "demo"]) parseReleaseConfig(validSource(stack));
        parseReleaseConfig(validSource("demo", { namespace: "demo-2", applicationName: "sr-demo" }));
    });
});
