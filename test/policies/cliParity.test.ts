import { strict as assert } from "node:assert";
import * as path from "path";
import { PlannedResource, programModule, runProgramOnMocks } from "../../plan/mockRuntime";
import { loadStackConfig } from "../../plan/stackConfig";
import { checkPolicies } from "../../plan/policyCheck";
import { loadPolicyConfig, policyConfigPath, POLICY_PACK_DIR } from "../../plan/policyConfig";
import { policies } from "../../policies/pack";
import { ROOT } from "../support/plan";
import { RunningPack, startPackRunner } from "../support/policyPackRunner";
import {
    chartApplication,
    DIGEST,
    namespace,
    PROJECT,
    repositoryFile,
    SHA40,
    umbrellaChart,
    workload,
} from "./fixtures";

// The pack as the Pulumi CLI runs it, in the repository's policies/ folder (test/support/policyPackRunner.ts).

function stackResources(): PlannedResource[] {
    return [
        namespace("demo", { protect: false }),
        chartApplication("1.3.0-rc.1", {
            valuesObject: {
                global: { imageTag: "latest", imagePullPolicy: "IfNotPresent" },
                image: { digests: { core: DIGEST } },
            },
        }),
        repositoryFile("deploy/release/Chart.yaml", umbrellaChart("~1.2.0")),
        repositoryFile("deploy/release/values.yaml", `global:\n  imageTag: sha-${SHA40}\n`),
        workload("Deployment", [
            { name: "app", image: "localhost:5000/app" },
            { name: "b", image: "registry:5000/app:main" },
        ]),
    ];
}

describe("policies under the Pulumi CLI's policy-pack runner (real gRPC)", function () {
    this.timeout(180_000);
    let pack: RunningPack | undefined;

    before(async () => {
        pack = await startPackRunner(POLICY_PACK_DIR);
    });
    after(() => pack?.stop());

    it("serves the pack's policies and config schemas", async () => {
        const info = await pack!.info();
        assert.equal(info.getName(), "serviceradar-release");
        assert.equal(info.getSupportsconfig(), true);
        assert.deepEqual(
            info.getPoliciesList().map((p) => [p.getName(), p.getConfigschema() !== undefined]),
            policies.map((p) => [p.name, p.configSchema !== undefined]),
        );
    });

    const overTheWire = (resources: PlannedResource[], config: object) => pack!.verdict(resources, config);

    it("judges the pipeline stack's release pins at demo's level, as `pulumi preview --policy-pack` would", async () => {
        const stack = loadStackConfig(ROOT, "demo-staging", ["imageTag=latest"]);
        const run = await runProgramOnMocks(programModule(path.join(ROOT, "index.ts")), stack);
        const config = loadPolicyConfig(policyConfigPath("demo-staging"));
        const wire = await overTheWire(run.resources, config);
        const inProcess = await checkPolicies(run.resources, config, { project: PROJECT, stack: "demo-staging" });
        assert.deepEqual(wire, inProcess);
        const mandatory = wire.filter((v) => v.level === "mandatory");
        assert.ok(mandatory.some((v) => v.policy === "immutable-image-tags-promoted"));
        assert.ok(
            mandatory.every((v) => v.resource?.endsWith("release-hydrate-demo")),
            "only what reaches demo",
        );
        assert.ok(wire.some((v) => v.policy === "immutable-image-tags" && v.level === "advisory"));
    });

    for (const stack of ["demo", "demo-staging"]) {
        it(`gives the same verdict as checkPolicies with policies/${stack}.json`, async () => {
            const config = loadPolicyConfig(policyConfigPath(stack));
            const resources = stackResources();
            const wire = await overTheWire(resources, config);

            const inProcess = await checkPolicies(resources, config, { project: PROJECT, stack });
            assert.ok(inProcess.length >= 6, `expected a rich verdict, got ${inProcess.length}`);
            assert.deepEqual(wire, inProcess);
        });
    }
});
