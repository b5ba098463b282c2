import * as assert from "assert";
import * as fs from "fs";
import { RESULT_VARIABLE, runTypecheck, TypecheckResult } from "./support/typecheckFixture";

/** The result of the type check the suite started first, or a run of its own when this file runs alone. */
async function typecheck(): Promise<TypecheckResult> {
    const file = process.env[RESULT_VARIABLE];
    if (file === undefined) return runTypecheck();
    while (!fs.existsSync(file)) await new Promise((resolve) => setTimeout(resolve, 100));
    return JSON.parse(fs.readFileSync(file, "utf8")) as TypecheckResult;
}

describe("typescript", () => {
    it("the whole project type-checks under strict mode (what `pulumi up` compiles)", async () => {
        const { code, output } = await typecheck();
        assert.strictEqual(code, 0, output);
    });
});
