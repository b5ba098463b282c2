import { strict as assert } from "node:assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PlannedResource, programModule, runProgramOnMocks } from "../../plan/mockRuntime";
import { loadStackConfig } from "../../config/stackConfig";
import { checkPolicies } from "../../plan/policyCheck";
import { loadPolicyConfig, policyConfigPath, POLICY_PACK_DIR } from "../../plan/policyConfig";
import { policies } from "../../policies/pack";
import { ROOT } from "../support/plan";
import { copyPublishedPack, RunningPack, startPackRunner } from "../support/policyPackRunner";
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

// The pack as the Pulumi CLI runs it (test/support/policyPackRunner.ts), and as `pulumi policy publish` uploads it:
// policies/ copied alone into an empty folder with only its declared dependencies. One runner serves every test (its
// type check of the pack is most of this file's time); the copy is the repository's folder byte for byte.

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

describe("policies under the Pulumi CLI's policy-pack runner (real gRPC), published alone", function () {
    this.timeout(180_000);
    let pack: RunningPack | undefined;
    let scratch: string;
    let packDir: string;

    before(async () => {
        scratch = fs.mkdtempSync(path.join(os.tmpdir(), "policy-publish-"));
        packDir = path.join(scratch, "serviceradar-release");
        copyPublishedPack(packDir, ROOT);
        pack = await startPackRunner(packDir);
    });
    after(() => {
        pack?.stop();
        fs.rmSync(scratch, { recursive: true, force: true });
    });

    it("loads from its own folder alone: every package it imports is declared, each pinned exactly", () => {
        const manifest = JSON.parse(fs.readFileSync(path.join(POLICY_PACK_DIR, "package.json"), "utf8"));
        for (const [name, version] of Object.entries(manifest.dependencies as Record<string, string>)) {
            assert.match(version, /^\d+\.\d+\.\d+$/, `${name} is pinned exactly`);
        }
        for (const needed of ["@pulumi/policy", "@pulumi/pulumi", "semver", "yaml", "typescript"]) {
            assert.ok(needed in manifest.dependencies, `${needed} is declared`);
        }
    });

    async function publishedDemoVerdict(...overrides: string[]) {
        const stack = loadStackConfig(ROOT, "demo", overrides);
        const run = await runProgramOnMocks(programModule(path.join(ROOT, "index.ts")), stack);
        return pack!.verdict(run.resources, loadPolicyConfig(path.join(packDir, "demo.json")));
    }

    it("published alone, refuses imageTag=latest on the demo plan with a mandatory violation", async () => {
        const verdict = await publishedDemoVerdict("promotionMode=direct", "version=1.2.27", "imageTag=latest");
        const mandatory = verdict.filter((v) => v.level === "mandatory").map((v) => v.policy);
        assert.ok(mandatory.includes("immutable-image-tags"), JSON.stringify(verdict));
    });

    it("published alone, passes the shipped demo stack with no mandatory violation", async () => {
        const verdict = await publishedDemoVerdict();
        assert.deepEqual(
            verdict.filter((v) => v.level === "mandatory"),
            [],
        );
    });

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
