import * as assert from "assert";
import { planJson, spawnAsync } from "../test/support/plan";

// The suite runs its plans in-process (plan/plan.test.ts checks the one-line configuration errors there); this
// runs the command as a user does, in its own process, started when this file loads so that it runs beside the suite.
// plan/hostile.test.ts runs the real entry once more, with an engine address in the environment.
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

describe("npm run plan, as a user runs it", () => {
    it("npm run plan -- --stack demo-staging --json declares exactly what the in-process plan the tests read does", async () => {
        const npm = await npmRun;
        assert.strictEqual(npm.code, 0, npm.stderr);
        assert.deepStrictEqual(JSON.parse(npm.stdout), await planJson("demo-staging", "soakDuration=30m"));
    });
});
