import * as assert from "assert";
import { execFile } from "child_process";
import * as path from "path";

// tsc takes seconds of one core: it starts when mocha loads this file and runs beside the rest of the suite.
const typecheck = new Promise<{ code: number; output: string }>((resolve) => {
    const root = path.resolve(__dirname, "..");
    execFile(
        process.execPath,
        [require.resolve("typescript/bin/tsc"), "--noEmit", "-p", root],
        { encoding: "utf8", timeout: 180_000 },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
    );
});

describe("typescript", () => {
    it("the whole project type-checks under strict mode (what `pulumi up` compiles)", async () => {
        const { code, output } = await typecheck;
        assert.strictEqual(code, 0, output);
    });
});
