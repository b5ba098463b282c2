import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { EXIT } from "../../lib/cli/exitCodes";
import { FileEditError } from "../../lib/lockedFile";
import { UsageError } from "../../lib/cli/args";
import { StackFileError } from "../../config/stackFile";
import { reportCommandError } from "../../tools/lib/commandErrors";
import { STACK_INFO_USAGE, runStackInfo, runStackInfoCommand } from "../../tools/lib/stackInfoCommand";
import { runInProcess } from "../support/commands";
import { capture, removeDir, setKey, tempProject } from "./helpers";

function info(root: string, args: string[]) {
    const io = capture();
    const code = runStackInfo(args, io, { root });
    return { code, stdout: io.stdout, stderr: io.stderr };
}

const DEMO_STAGING_LINES = [
    "stack=demo-staging",
    "version=1.6.0",
    "promotion_mode=promoter",
    "github_repo=carverauto/serviceradar-release",
    "status_context=serviceradar/e2e",
    "status_ref=heads/environment/demo-staging",
    "deployments_enabled=false",
];

describe("stack-info run in-process: help, its flags and its one-line errors", () => {
    let dir = "";
    beforeEach(() => {
        dir = tempProject();
        setKey(dir, "demo-staging", "version", "1.6.0");
        setKey(dir, "demo-staging", "promotionMode", "promoter");
    });
    afterEach(() => removeDir(dir));

    it("--help prints the usage and exits 0", () => {
        assert.deepEqual(info(dir, ["--help"]), { code: EXIT.ok, stdout: [STACK_INFO_USAGE], stderr: [] });
    });

    it("a positional argument or a missing --stack is one usage line", () => {
        assert.deepEqual(info(dir, ["demo-staging"]), {
            code: EXIT.usage,
            stdout: [],
            stderr: ["stack-info: unexpected argument (every value follows its flag)"],
        });
        assert.deepEqual(info(dir, []), {
            code: EXIT.usage,
            stdout: [],
            stderr: ["stack-info: --stack <stack> is required"],
        });
    });

    it("a --version that is not a release version is refused with its message, nothing printed", () => {
        assert.deepEqual(info(dir, ["--stack", "demo-staging", "--version", "v1.7.0"]), {
            code: EXIT.usage,
            stdout: [],
            stderr: ['stack-info: "v1.7.0" is not a release version: drop the leading "v" and pass 1.7.0'],
        });
    });

    it("a failure that is not about the input is one internal-error line", () => {
        fs.rmSync(path.join(dir, "Pulumi.yaml"));
        fs.mkdirSync(path.join(dir, "Pulumi.yaml"));
        assert.deepEqual(info(dir, ["--stack", "demo-staging"]), {
            code: EXIT.internalError,
            stdout: [],
            stderr: ["stack-info: internal error: EISDIR: illegal operation on a directory, read"],
        });
    });

    it("as a command it reads the project its context names", async () => {
        const result = await runInProcess(runStackInfoCommand, ["--stack", "demo-staging"], { env: {}, root: dir });
        assert.deepEqual(result, { code: EXIT.ok, stdout: DEMO_STAGING_LINES.join("\n") + "\n", stderr: "" });
    });
});

describe("reportCommandError: one message and the exit code for what a tool threw", () => {
    function report(err: unknown) {
        const io = capture();
        const code = reportCommandError("promote", io, err);
        return { code, stderr: io.stderr };
    }

    it("a usage error adds the --help hint; a stack file or edit error is one line; both exit 2", () => {
        assert.deepEqual(report(new UsageError("missing version")), {
            code: EXIT.usage,
            stderr: ["promote: missing version", "Run with --help for usage."],
        });
        assert.deepEqual(report(new StackFileError("Pulumi.demo.yaml: not found")), {
            code: EXIT.usage,
            stderr: ["promote: Pulumi.demo.yaml: not found"],
        });
        assert.deepEqual(report(new FileEditError("Pulumi.demo.yaml is locked")), {
            code: EXIT.usage,
            stderr: ["promote: Pulumi.demo.yaml is locked"],
        });
    });

    it("anything else is an internal error with its message", () => {
        assert.deepEqual(report(new Error("boom")), {
            code: EXIT.internalError,
            stderr: ["promote: internal error: boom"],
        });
        assert.deepEqual(report("thrown text"), {
            code: EXIT.internalError,
            stderr: ["promote: internal error: thrown text"],
        });
    });
});
