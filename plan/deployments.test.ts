import * as assert from "assert";
import { planJson, resourcesOfType, runPlan } from "../test/support/plan";

const DEPLOYMENT_SETTINGS = "pulumiservice:index:DeploymentSettings";
const KUBECONFIG =
    "apiVersion: v1\nclusters: [{name: k3s, cluster: {server: https://10.0.0.1:6443}}]\nusers: [{name: ci, user: {token: kube-token-never-shown}}]";
const GITHUB_TOKEN = "ghp_deploymentTokenNeverShown42";

describe("Pulumi Deployments settings", () => {
    for (const stack of ["demo-staging", "demo"]) {
        it(`${stack}: absent unless enabled`, async () => {
            assert.strictEqual(resourcesOfType(await planJson(stack), DEPLOYMENT_SETTINGS).length, 0);
        });

        it(`${stack}: when enabled, deploys pushes touching the stack's config and previews pull requests`, async () => {
            const [settings] = resourcesOfType(await planJson(stack, "deploymentsEnabled=true"), DEPLOYMENT_SETTINGS);
            assert.ok(settings, "declared");
            const inputs = settings.inputs;
            assert.strictEqual(inputs.organization, "carverauto");
            assert.strictEqual(inputs.project, "serviceradar-release");
            assert.strictEqual(inputs.stack, stack);
            assert.deepStrictEqual(inputs.sourceContext, {
                git: { repoUrl: "https://github.com/carverauto/serviceradar-release.git", branch: "refs/heads/main" },
            });
            assert.strictEqual(inputs.github.repository, "carverauto/serviceradar-release");
            assert.strictEqual(inputs.github.deployCommits, true);
            assert.strictEqual(inputs.github.previewPullRequests, true);
            assert.deepStrictEqual(inputs.github.paths, [`Pulumi.${stack}.yaml`]);
            assert.strictEqual(inputs.operationContext, "[secret]", "credentials make the operation context secret");
        });
    }

    it("never shows the deployment credentials", async () => {
        const args = [
            "--stack",
            "demo",
            "--json",
            "--config",
            "deploymentsEnabled=true",
            "--config",
            `deploymentKubeconfig=${KUBECONFIG}`,
            "--config",
            `deploymentGithubToken=${GITHUB_TOKEN}`,
        ];
        const result = await runPlan(args);
        assert.strictEqual(result.code, 0, result.stderr);
        for (const secret of ["kube-token-never-shown", GITHUB_TOKEN]) {
            assert.ok(
                !result.stdout.includes(secret) && !result.stdout.includes(Buffer.from(secret).toString("base64")),
            );
        }
    });

    it("rejects a malformed repository with the key named", async () => {
        const result = await runPlan([
            "--stack",
            "demo",
            "--config",
            "deploymentsEnabled=true",
            "--config",
            "deploymentsRepository=serviceradar-release",
        ]);
        assert.strictEqual(result.code, 2);
        assert.match(
            result.stderr,
            /serviceradar-release:deploymentsRepository: "serviceradar-release"; expected owner\/name/,
        );
    });
});
