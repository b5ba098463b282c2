import * as assert from "assert";
import { spawnSync } from "child_process";
import * as path from "path";

describe("typescript", () => {
    it("the whole project type-checks under strict mode (what `pulumi up` compiles)", () => {
        const root = path.resolve(__dirname, "..");
        const tsc = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "--noEmit", "-p", root], {
            encoding: "utf8",
            timeout: 180_000,
        });
        assert.strictEqual(tsc.status, 0, tsc.stdout + tsc.stderr);
    });
});
