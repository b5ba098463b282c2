import * as assert from "assert";
import { loadStackConfig, releaseConfigFrom } from "../config/stackConfig";
import { PlannedResource, revealSecrets, runProgramOnMocks } from "../plan/mockRuntime";
import { ROOT } from "../test/support/plan";
import { ReleaseDeployments } from "./releaseDeployments";

/** The component alone on the mock runtime, its resources' inputs with secrets revealed. */
async function declare(stack: string, overrides: string[], build: (config: any) => unknown) {
    const stackConfig = loadStackConfig(ROOT, stack, overrides);
    const run = await runProgramOnMocks(() => {
        build(releaseConfigFrom(stackConfig));
    }, stackConfig);
    return run.resources;
}

function ofType(resources: PlannedResource[], type: string): PlannedResource[] {
    return resources.filter((r) => r.type === type);
}

const inputs = (r: PlannedResource) => revealSecrets(r.inputs) as Record<string, any>;

describe("ReleaseDeployments (component inputs, secrets revealed)", () => {
    it("runs each deployment after writing the kubeconfig and a clean install, skipping Deployments' own install and intermediate runs", async () => {
        const resources = await declare(
            "demo",
            ["deploymentsEnabled=true"],
            (config) => new ReleaseDeployments("demo", { config }),
        );
        const [settings] = ofType(resources, "pulumiservice:index:DeploymentSettings");
        const context = inputs(settings).operationContext;
        assert.deepStrictEqual(context.preRunCommands, [
            `mkdir -p "$(dirname "$KUBECONFIG")" && printf '%s' "$KUBECONFIG_CONTENT" > "$KUBECONFIG"`,
            "npm ci --no-audit --no-fund",
        ]);
        assert.deepStrictEqual(context.options, { skipInstallDependencies: true, skipIntermediateDeployments: true });
    });

    it("holds the stack in a preventative policy group of its own, named after the project and the stack", async () => {
        const resources = await declare(
            "demo",
            ["deploymentsEnabled=true"],
            (config) => new ReleaseDeployments("demo", { config }),
        );
        const [group] = ofType(resources, "pulumiservice:index:PolicyGroup");
        const { policyPacks, ...rest } = inputs(group);
        assert.ok(Array.isArray(policyPacks) && policyPacks.length === 1);
        assert.deepStrictEqual(rest, {
            organizationName: "carverauto",
            name: "serviceradar-release-demo",
            entityType: "stacks",
            mode: "preventative",
            stacks: [{ name: "demo", routingProject: "serviceradar-release" }],
        });
    });
});
