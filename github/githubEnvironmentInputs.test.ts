import * as assert from "assert";
import { loadStackConfig, releaseConfigFrom } from "../config/stackConfig";
import { revealSecrets, runProgramOnMocks } from "../plan/mockRuntime";
import { ROOT } from "../test/support/plan";
import { GitHubEnvironment } from "./githubEnvironment";

/** The component alone on the mock runtime: each child's name, parent and inputs (secrets revealed). */
async function declare(stack: string, overrides: string[] = []) {
    const stackConfig = loadStackConfig(ROOT, stack, overrides);
    const run = await runProgramOnMocks(() => {
        new GitHubEnvironment("e", { config: releaseConfigFrom(stackConfig) });
    }, stackConfig);
    const [component, ...children] = run.resources;
    assert.strictEqual(component.type, "serviceradar:release:GitHubEnvironment");
    for (const child of children)
        assert.strictEqual(child.parent, component.urn, `${child.name} is the component's child`);
    return Object.fromEntries(children.map((r) => [r.name, revealSecrets(r.inputs) as Record<string, any>]));
}

const REPOSITORY = "serviceradar-release";
const secrets = (environment: string) => ({
    "e-serviceradar-admin-password": {
        environment,
        repository: REPOSITORY,
        secretName: "SERVICERADAR_ADMIN_PASSWORD",
        value: "offline-plan-placeholder-for-adminPassword",
    },
    "e-serviceradar-core-url": {
        environment,
        repository: REPOSITORY,
        secretName: "SERVICERADAR_CORE_URL",
        value: "https://staging.serviceradar.cloud",
    },
});

describe("GitHubEnvironment (component inputs, secrets revealed)", () => {
    it("declares the environment deployable from release tags and the branch pattern, reviewed by the configured teams and users, with the CI secrets", async () => {
        assert.deepStrictEqual(
            await declare("demo-staging", [
                "reviewerTeamIds=[11]",
                "reviewerUserIds=[22,33]",
                "deploymentBranchPattern=main",
            ]),
            {
                "e-environment": {
                    deploymentBranchPolicy: { protectedBranches: false, customBranchPolicies: true },
                    environment: "demo-staging",
                    preventSelfReview: true,
                    repository: REPOSITORY,
                    reviewers: [{ teams: [11], users: [22, 33] }],
                },
                "e-release-tags": { environment: "demo-staging", repository: REPOSITORY, tagPattern: "v*" },
                "e-release-branch": { environment: "demo-staging", repository: REPOSITORY, branchPattern: "main" },
                ...secrets("demo-staging"),
            },
        );
    });

    it("asks for review when only users are configured", async () => {
        const declared = await declare("demo-staging", ["reviewerUserIds=[22]"]);
        assert.deepStrictEqual(declared["e-environment"].reviewers, [{ teams: [], users: [22] }]);
        assert.strictEqual(declared["e-environment"].preventSelfReview, true);
    });
});
