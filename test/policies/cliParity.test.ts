import { strict as assert } from "node:assert";
import { ChildProcess, spawn } from "child_process";
import { createRequire } from "module";
import * as path from "path";
import type { AnalyzeResponse, AnalyzerInfo } from "@pulumi/pulumi/proto/analyzer_pb";
import { PlannedResource, programModule, runProgramOnMocks } from "../../plan/mockRuntime";
import { loadStackConfig } from "../../plan/stackConfig";
import {
    analyzeRequest,
    analyzeStackRequest,
    checkPolicies,
    configureRequest,
    PolicyViolation,
    responseViolations,
} from "../../plan/policyCheck";
import { loadPolicyConfig, policyConfigPath, POLICY_PACK_DIR, reconcilePolicyConfig } from "../../plan/policyConfig";
import { policies } from "../../policies/pack";
import { ROOT } from "../support/plan";
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

// The pack as the Pulumi CLI runs it: @pulumi/pulumi's policy-pack runner (vendored ts-node, type-checked) in the pack's
// folder, serving @pulumi/policy's analyzer over gRPC. The engine's side is played here: the same requests, over the wire.
const policyRequire = createRequire(require.resolve("@pulumi/policy/package.json"));
const grpc = policyRequire("@grpc/grpc-js") as {
    credentials: { createInsecure(): unknown };
};
type Unary<Req, Res> = (request: Req, callback: (err: Error | null, response: Res) => void) => void;
interface Client {
    analyze: Unary<unknown, AnalyzeResponse>;
    analyzeStack: Unary<unknown, AnalyzeResponse>;
    configure: Unary<unknown, unknown>;
    getAnalyzerInfo: Unary<unknown, AnalyzerInfo>;
    close(): void;
}
const analyzerGrpc = require("@pulumi/pulumi/proto/analyzer_grpc_pb") as {
    AnalyzerClient: new (address: string, credentials: unknown) => Client;
};
const { Empty } = policyRequire("google-protobuf/google/protobuf/empty_pb") as { Empty: new () => unknown };

function rpc<Req, Res>(client: Client, method: Unary<Req, Res>, request: Req): Promise<Res> {
    return new Promise((resolve, reject) =>
        method.call(client, request, (err, response) => (err ? reject(err) : resolve(response))),
    );
}

function startPack(): Promise<{ child: ChildProcess; port: number }> {
    const runner = path.join(path.dirname(require.resolve("@pulumi/pulumi/package.json")), "cmd", "run-policy-pack");
    const child = spawn(process.execPath, [runner, "127.0.0.1:0", "."], {
        cwd: POLICY_PACK_DIR,
        stdio: ["ignore", "pipe", "pipe"],
    });
    return new Promise((resolve, reject) => {
        let out = "";
        let err = "";
        child.stdout!.on("data", (chunk: Buffer) => {
            out += chunk.toString();
            const port = /^(\d+)\s*$/m.exec(out)?.[1];
            if (port) resolve({ child, port: Number(port) });
        });
        child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
        child.on("exit", (code) =>
            reject(new Error(`the policy pack exited (${code}) before serving:\n${out}\n${err}`)),
        );
    });
}

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
    let pack: { child: ChildProcess; port: number } | undefined;
    let client: Client;

    before(async () => {
        pack = await startPack();
        client = new analyzerGrpc.AnalyzerClient(`127.0.0.1:${pack.port}`, grpc.credentials.createInsecure());
    });
    after(() => {
        client?.close();
        if (pack?.child.pid !== undefined && pack.child.exitCode === null) pack.child.kill();
    });

    it("serves the pack's policies and config schemas", async () => {
        const info = await rpc(client, client.getAnalyzerInfo, new Empty());
        assert.equal(info.getName(), "serviceradar-release");
        assert.equal(info.getSupportsconfig(), true);
        assert.deepEqual(
            info.getPoliciesList().map((p) => [p.getName(), p.getConfigschema() !== undefined]),
            policies.map((p) => [p.name, p.configSchema !== undefined]),
        );
    });

    /** The verdict of the pack under the CLI's runner, over gRPC, for these resources and this stack's config. */
    async function overTheWire(resources: PlannedResource[], config: object): Promise<PolicyViolation[]> {
        await rpc(client, client.configure, configureRequest(reconcilePolicyConfig(policies, config)));
        const found: PolicyViolation[] = [];
        for (const resource of resources) {
            found.push(
                ...responseViolations(
                    await rpc(client, client.analyze, analyzeRequest(resource)),
                    new Set(),
                    resource.urn,
                ),
            );
        }
        found.push(...responseViolations(await rpc(client, client.analyzeStack, analyzeStackRequest(resources))));
        return found;
    }

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
