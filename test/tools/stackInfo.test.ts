import { strict as assert } from "node:assert";
import { EXIT } from "../../lib/cli/exitCodes";
import { runStackInfo, runStackInfoCommand } from "../../tools/lib/stackInfoCommand";
import * as fs from "node:fs";
import { runInProcess } from "../support/commands";
import { capture, readStack, removeDir, setKey, stackPath, tempProject } from "./helpers";

function info(dir: string, args: string[]): { code: number; values: Record<string, string>; stderr: string } {
    const io = capture();
    const code = runStackInfo(args, io, { root: dir });
    const values = Object.fromEntries(
        io.stdout.map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
    );
    return { code, values, stderr: io.stderr.join("\n") };
}

describe("tools/stack-info.ts (what the workflows read)", () => {
    let dir = "";
    beforeEach(() => {
        dir = tempProject();
        setKey(dir, "demo-staging", "version", "1.6.0");
    });
    afterEach(() => removeDir(dir));

    it("promoter mode: hydrated branch head and the promoter's status context", () => {
        setKey(dir, "demo-staging", "promotionMode", "promoter");
        const { code, values } = info(dir, ["--stack", "demo-staging"]);
        assert.equal(code, EXIT.ok);
        assert.deepEqual(values, {
            stack: "demo-staging",
            version: "1.6.0",
            promotion_mode: "promoter",
            github_repo: "carverauto/serviceradar-release",
            status_context: "serviceradar/e2e",
            status_ref: "heads/environment/demo-staging",
            deployments_enabled: "false",
        });
    });

    it("direct mode: the release tag and e2e-tests", () => {
        setKey(dir, "demo-staging", "promotionMode", "direct");
        setKey(dir, "demo-staging", "githubOwner", "someone");
        // The GitHub environments go to the program's repository, which must then be of that owner too.
        setKey(dir, "demo-staging", "deploymentsRepository", "someone/serviceradar-release");
        const { values } = info(dir, ["--stack", "demo-staging", "--version", "1.6.1"]);
        assert.equal(values.promotion_mode, "direct");
        assert.equal(values.github_repo, "someone/serviceradar");
        assert.equal(values.status_context, "e2e-tests");
        assert.equal(values.status_ref, "tags/v1.6.1");
    });

    it("reports deploymentsEnabled from the stack file (default false from Pulumi.yaml)", () => {
        assert.equal(info(dir, ["--stack", "demo", "--version", "1.6.0"]).values.deployments_enabled, "false");
        const doc = readStack(dir, "demo").replace(
            "config:\n",
            "config:\n  serviceradar-release:deploymentsEnabled: true\n",
        );
        fs.writeFileSync(stackPath(dir, "demo"), doc);
        assert.equal(info(dir, ["--stack", "demo", "--version", "1.6.0"]).values.deployments_enabled, "true");
    });

    it("demo in promoter mode: --version is needed (its file has none) and is not passed to the parser, which refuses it there", () => {
        const missing = info(dir, ["--stack", "demo"]);
        assert.equal(missing.code, EXIT.usage);
        assert.match(missing.stderr, /--version <version> is required for demo: in promoter mode demo-staging decides/);
        const { code, values } = info(dir, ["--stack", "demo", "--version", "1.6.1"]);
        assert.equal(code, EXIT.ok);
        assert.equal(values.version, "1.6.1");
        assert.equal(values.status_ref, "heads/environment/demo");
    });

    it("demo switched to direct mode: the release tag of --version, though its file has no version yet", () => {
        for (const stack of ["demo-staging", "demo"]) setKey(dir, stack, "promotionMode", "direct");
        const noVersion = info(dir, ["--stack", "demo", "--version", "1.6.1"]);
        assert.equal(noVersion.code, EXIT.usage, "refused naming version, as pulumi up would");
        assert.match(noVersion.stderr, /serviceradar-release:version: \(not set\)/);
        setKey(dir, "demo", "version", "1.6.0");
        assert.equal(info(dir, ["--stack", "demo", "--version", "1.6.1"]).values.status_ref, "tags/v1.6.1");
    });

    it("refuses a bad mode, a bad version and a missing stack", () => {
        setKey(dir, "demo-staging", "promotionMode", "gitops");
        assert.match(
            info(dir, ["--stack", "demo-staging"]).stderr,
            /promotionMode: "gitops"; expected one of promoter, direct/,
        );
        assert.equal(info(dir, ["--stack", "demo-staging", "--version", "v1"]).code, EXIT.usage);
        assert.equal(info(dir, []).code, EXIT.usage);
    });

    it("prints through its entry what the workflows append to $GITHUB_OUTPUT", async () => {
        const result = await runInProcess(runStackInfoCommand, ["--stack", "demo-staging", "--root", dir], { env: {} });
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, /^stack=demo-staging\nversion=1\.6\.0\npromotion_mode=(promoter|direct)\n/);
    });
});
