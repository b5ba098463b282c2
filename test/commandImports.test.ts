// The commands that only read stack files and ask GitHub or a registry start without the Pulumi SDK's runtime
// (`@pulumi/pulumi`'s index and its gRPC engine client): 0.55 s of CPU per process instead of 1.2 s, which every
// user run and test/exitCodes.test.ts's 69 processes pay. `plan` and `check-branch` run the program, so they need it.
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { REPO_ROOT } from "./support/commands";

const COMMAND_MODULES = [
    "tools/lib/status/command.ts",
    "tools/lib/releaseCommand.ts",
    "tools/lib/promoteCommand.ts",
    "tools/lib/rollbackCommand.ts",
    "tools/lib/hotfixCommand.ts",
    "tools/lib/discoverCommand.ts",
    "tools/lib/environmentsCommand.ts",
    "tools/lib/stackInfoCommand.ts",
    "tools/lib/waitCommand.ts",
    "e2e/main.ts",
];

describe("what the commands load", () => {
    it("no command but plan and check-branch loads @pulumi/pulumi's index", () => {
        const script = `
            for (const file of ${JSON.stringify(COMMAND_MODULES)}) require("./" + file);
            const index = require.resolve("@pulumi/pulumi");
            process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((file) => file === index)));`;
        const loaded = execFileSync(process.execPath, ["--import", "tsx", "-e", script], {
            cwd: REPO_ROOT,
            encoding: "utf8",
        });
        assert.deepEqual(JSON.parse(loaded), []);
    });
});
