import * as assert from "assert";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import * as YAML from "yaml";
import { planCommand } from "./command";
import { ROOT, runPlan, runPlanProcess } from "../test/support/plan";

const SECRET = "Sup3r-secret-value-never-shown";

/** A copy of the project's Pulumi.yaml and one stack file, for stack files a test writes. */
function projectWithStack(stack: string, text: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-hostile-"));
    fs.copyFileSync(path.join(ROOT, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
    fs.writeFileSync(path.join(dir, `Pulumi.${stack}.yaml`), text);
    return dir;
}

function assertNoSecret(...texts: string[]) {
    for (const text of texts) assert.ok(!text.includes(SECRET), `the secret leaked: ${text.slice(0, 300)}`);
}

/**
 * A plan process whose environment names a Pulumi engine and monitor at a loopback listener that records every
 * connection; started when this file loads, so it runs beside the rest of the suite.
 */
async function planWithEngineInTheEnvironment() {
    const connections: string[] = [];
    const server = net.createServer((socket) => {
        connections.push(String(socket.remoteAddress));
        socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = `127.0.0.1:${(server.address() as net.AddressInfo).port}`;
    try {
        const result = await runPlanProcess(["--stack", "demo-staging", "--json"], {
            ...process.env,
            PULUMI_NODEJS_ENGINE: address,
            PULUMI_NODEJS_MONITOR: address,
            PULUMI_NODEJS_SYNC: os.tmpdir(),
            PULUMI_CONFIG: JSON.stringify({ "serviceradar-release:version": "9.9.9" }),
        });
        return { result, connections };
    } finally {
        await new Promise((resolve) => server.close(resolve));
    }
}
const offline = planWithEngineInTheEnvironment();

describe("the offline plan against hostile input", () => {
    it("takes --config=key=value (the = form) and never prints the value, nor a malformed one", async () => {
        const ok = await runPlan(["--stack", "demo", `--config=adminPassword=${SECRET}`, "--json"]);
        assert.strictEqual(ok.code, 0, ok.stderr);
        assertNoSecret(ok.stdout, ok.stderr);
        for (const argv of [
            ["--stack", "demo", `--config=${SECRET}`],
            ["--stack", "demo", "--config", SECRET],
            ["--stack", "demo", `--bogus=${SECRET}`],
            ["--stack", "demo", SECRET],
            ["--stack", "demo", `--config=other:${SECRET}=x`],
        ]) {
            const result = await planCommand(argv);
            assert.strictEqual(result.code, 2, argv.join(" "));
            assert.strictEqual(result.stderr.trim().split("\n")[0].startsWith("error: "), true, result.stderr);
            assertNoSecret(result.stdout, result.stderr);
        }
    });

    it("never prints a stack-file value behind an unknown YAML tag, and says which line to look at", async () => {
        const root = projectWithStack(
            "demo",
            `config:\n  serviceradar-release:version: 1.2.27\n  serviceradar-release:registryUsername: bot\n` +
                `  serviceradar-release:coreUrl: https://demo.serviceradar.cloud\n` +
                `  serviceradar-release:adminPassword: !secret ${SECRET}\n`,
        );
        const result = await planCommand(["--stack", "demo", "--config", "promotionMode=direct"], { configRoot: root });
        assertNoSecret(result.stdout, result.stderr);
        assert.match(
            result.stderr,
            /^warning: unknown tag !secret in Pulumi\.demo\.yaml at line 5 \(value not shown\)/m,
        );
    });

    it("reads `key:` and `~` as unset, 1.10 as written, and refuses a bare and a qualified key for one setting", async () => {
        const base =
            "config:\n  serviceradar-release:registryUsername: bot\n  serviceradar-release:coreUrl: https://d.example\n";
        // Direct mode: demo decides (and requires) its version.
        const unset = await planCommand(["--stack", "demo", "--config", "promotionMode=direct"], {
            configRoot: projectWithStack(
                "demo",
                `${base}  serviceradar-release:version:\n  serviceradar-release:imageTag: ~\n`,
            ),
        });
        assert.match(unset.stderr, /^error: Invalid configuration serviceradar-release:version: \(not set\)/);
        const written = await planCommand(["--stack", "demo", "--json", "--config", "promotionMode=direct"], {
            configRoot: projectWithStack(
                "demo",
                `${base}  serviceradar-release:version: 1.10.0\n  serviceradar-release:chartVersion: 1.10\n`,
            ),
        });
        const application = JSON.parse(written.stdout).resources.find(
            (r: { type: string }) => r.type === "kubernetes:argoproj.io/v1alpha1:Application",
        );
        assert.strictEqual(application.inputs.spec.sources[0].targetRevision, "1.10", "the text as written, not 1.1");
        const twins = await planCommand(["--stack", "demo"], {
            configRoot: projectWithStack("demo", `${base}  version: 1.2.27\n  serviceradar-release:version: 1.2.28\n`),
        });
        assert.strictEqual(twins.code, 2);
        assert.match(twins.stderr, /sets both version and serviceradar-release:version; keep one of them/);
    });

    it("refuses a stack name that is a path", async () => {
        for (const stack of ["../demo", "x/../../y", "/etc/passwd"]) {
            const result = await planCommand(["--stack", stack]);
            assert.strictEqual(result.code, 2);
            assert.match(result.stderr, /is not a stack name/);
        }
    });

    it("writes --out manifests that YAML 1.1 and 1.2 readers read the same", async () => {
        const out = fs.mkdtempSync(path.join(os.tmpdir(), "plan-out-"));
        const result = await runPlan(["--stack", "demo-staging", "--out", out, "--config", "soakDuration=30m"]);
        assert.strictEqual(result.code, 0, result.stderr);
        const files = fs.readdirSync(out);
        assert.ok(files.length >= 8, files.join(", "));
        for (const file of files) {
            const text = fs.readFileSync(path.join(out, file), "utf8");
            const [oneOne, oneTwo] = (["1.1", "1.2"] as const).map((version) => YAML.parseDocument(text, { version }));
            for (const document of [oneOne, oneTwo])
                assert.deepStrictEqual([document.errors, document.warnings], [[], []]);
            assert.deepStrictEqual(oneOne.toJS(), oneTwo.toJS(), file);
        }
    });

    describe("--out", () => {
        const plan = (out: string) => runPlan(["--stack", "demo", "--out", out]);

        it("refuses a symbolic link instead of writing where it points", async () => {
            const target = fs.mkdtempSync(path.join(os.tmpdir(), "plan-out-target-"));
            const link = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "plan-out-link-")), "manifests");
            fs.symlinkSync(target, link);
            const result = await plan(link);
            assert.strictEqual(result.code, 2, result.stderr);
            assert.match(result.stderr, /--out .* is a symbolic link/);
            assert.deepStrictEqual(fs.readdirSync(target), []);
        });

        it("leaves no manifest of an earlier run beside the new ones", async () => {
            const out = fs.mkdtempSync(path.join(os.tmpdir(), "plan-out-again-"));
            assert.strictEqual((await plan(out)).code, 0);
            // As if an earlier plan had declared one more object.
            fs.writeFileSync(path.join(out, "secret_demo_removed-object.yaml"), "kind: Secret\n");
            fs.appendFileSync(path.join(out, ".serviceradar-plan-files"), "secret_demo_removed-object.yaml\n");
            const again = await runPlan(["--stack", "demo", "--out", out, "--config", "soakDuration=1h"]);
            assert.strictEqual(again.code, 0, again.stderr);
            assert.ok(!fs.existsSync(path.join(out, "secret_demo_removed-object.yaml")));
        });

        it("refuses a folder holding files the plan did not write, and leaves them", async () => {
            const out = fs.mkdtempSync(path.join(os.tmpdir(), "plan-out-foreign-"));
            fs.writeFileSync(path.join(out, "notes.txt"), "mine");
            const result = await plan(out);
            assert.strictEqual(result.code, 2, result.stderr);
            assert.match(result.stderr, /holds files the plan did not write/);
            assert.deepStrictEqual(fs.readdirSync(out), ["notes.txt"]);
        });
    });

    it("stays offline whatever Pulumi engine address the environment names", async () => {
        const { result, connections } = await offline;
        assert.strictEqual(result.code, 0, result.stderr);
        assert.strictEqual(JSON.parse(result.stdout).outputs.version, "1.2.27", "the stack file, not PULUMI_CONFIG");
        assert.deepStrictEqual(connections, []);
    });
});
