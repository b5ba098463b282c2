// The pack as the Pulumi CLI runs it: @pulumi/pulumi's policy-pack runner (vendored ts-node, type-checked) in a pack's
// folder, serving @pulumi/policy's analyzer over gRPC. The engine's side is played here: the same requests, over the
// wire. test/policies/cliParity.test.ts runs the pack as `pulumi policy publish` uploads it: the folder alone.
import { strict as assert } from "node:assert";
import { spawn } from "child_process";
import * as fs from "fs";
import { createRequire } from "module";
import * as path from "path";
import type { AnalyzeResponse, AnalyzerInfo } from "@pulumi/pulumi/proto/analyzer_pb";
import type { PlannedResource } from "../../plan/mockRuntime";
import {
    analyzeRequest,
    analyzeStackRequest,
    configureRequest,
    PolicyViolation,
    responseViolations,
} from "../../plan/policyCheck";
import { POLICY_PACK_DIR, reconcilePolicyConfig } from "../../plan/policyConfig";
import { policies } from "../../policies/pack";

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

/** A running pack, reached over gRPC as the engine reaches it. */
export interface RunningPack {
    info(): Promise<AnalyzerInfo>;
    /** The pack's verdict on these resources under this policy config file's content (configure, analyze each, stack). */
    verdict(resources: readonly PlannedResource[], config: object): Promise<PolicyViolation[]>;
    stop(): void;
}

/**
 * Starts the policy-pack runner of the @pulumi/pulumi that `runnerFrom` resolves (the CLI runs the pack's own) in
 * `packDir`, and connects to the port it prints.
 */
export async function startPackRunner(packDir: string, runnerFrom: string = packDir): Promise<RunningPack> {
    const pulumiPackage = require.resolve("@pulumi/pulumi/package.json", { paths: [runnerFrom] });
    const runner = path.join(path.dirname(pulumiPackage), "cmd", "run-policy-pack");
    const child = spawn(process.execPath, [runner, "127.0.0.1:0", "."], {
        cwd: packDir,
        stdio: ["ignore", "pipe", "pipe"],
    });
    const port = await new Promise<number>((resolve, reject) => {
        let out = "";
        let err = "";
        child.stdout!.on("data", (chunk: Buffer) => {
            out += chunk.toString();
            const found = /^(\d+)\s*$/m.exec(out)?.[1];
            if (found) resolve(Number(found));
        });
        child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
        child.on("exit", (code) =>
            reject(new Error(`the policy pack exited (${code}) before serving:\n${out}\n${err}`)),
        );
    });
    const client = new analyzerGrpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    return {
        info: () => rpc(client, client.getAnalyzerInfo, new Empty()),
        async verdict(resources, config) {
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
        },
        stop() {
            client.close();
            if (child.exitCode === null) child.kill();
        },
    };
}

/**
 * policies/ as `pulumi policy publish` uploads it (the folder without node_modules), copied into `packDir`, with each
 * dependency its package.json declares linked from the project's node_modules at exactly the declared version (no
 * network): an import reaching outside the folder, or an undeclared package, then fails to load, as it would in
 * Pulumi Cloud.
 */
export function copyPublishedPack(packDir: string, projectRoot: string): void {
    fs.cpSync(POLICY_PACK_DIR, packDir, {
        recursive: true,
        filter: (source) => path.basename(source) !== "node_modules",
    });
    const manifest = JSON.parse(fs.readFileSync(path.join(packDir, "package.json"), "utf8")) as {
        dependencies?: Record<string, string>;
    };
    for (const [name, version] of Object.entries(manifest.dependencies ?? {})) {
        const installed = path.join(projectRoot, "node_modules", name);
        const found = JSON.parse(fs.readFileSync(path.join(installed, "package.json"), "utf8")).version as string;
        assert.equal(
            found.replace(/^v/, ""),
            version,
            `${name}: the pack declares ${version}, the project has ${found}`,
        );
        const link = path.join(packDir, "node_modules", name);
        fs.mkdirSync(path.dirname(link), { recursive: true });
        fs.symlinkSync(installed, link, "dir");
    }
}
