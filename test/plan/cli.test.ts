import * as assert from "assert";
import { planJson, runPlanProcess, spawnAsync } from "../support/plan";

// The suite runs its plans in-process; these run the command as a user does, each in its own process, started when
// this file loads so that they run beside the rest of the suite.
const npmRun = spawnAsync("npm", [
    "run",
    "--silent",
    "plan",
    "--",
    "--stack",
    "demo-staging",
    "--json",
    "--config",
    "soakDuration=30m",
]);
const configError = runPlanProcess(["--stack", "demo", "--config", "version=1.0"]);

describe("npm run plan, as a user runs it", () => {
    it("npm run plan -- --stack demo-staging --json declares exactly what the in-process plan the tests read does", async () => {
        const npm = await npmRun;
        assert.strictEqual(npm.code, 0, npm.stderr);
        assert.deepStrictEqual(JSON.parse(npm.stdout), await planJson("demo-staging", "soakDuration=30m"));
    });

    it("a configuration error is one line on stderr and exit 2", async () => {
        const child = await configError;
        assert.strictEqual(child.code, 2);
        assert.strictEqual(child.stdout, "");
        assert.match(child.stderr, /^error: Invalid configuration serviceradar-release:version: "1.0"; expected/);
        assert.strictEqual(child.stderr.trim().split("\n").length, 1, child.stderr);
    });
});
