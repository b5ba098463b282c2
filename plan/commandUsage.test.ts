import { strict as assert } from "node:assert";
import { planCommand, USAGE } from "./command";

const usage = (message: string) => ({ code: 2, stdout: "", stderr: `error: ${message}\n${USAGE}\n` });

describe("plan command usage errors, in-process", () => {
    it("asks for --stack", async () => {
        assert.deepEqual(await planCommand([]), usage("--stack is required"));
    });

    it("refuses --markdown without --diff", async () => {
        assert.deepEqual(
            await planCommand(["--stack", "demo", "--markdown"]),
            usage("--markdown is the form of a --diff only"),
        );
    });

    it("refuses --json with --markdown", async () => {
        assert.deepEqual(
            await planCommand(["--stack", "demo", "--json", "--markdown"]),
            usage("--json and --markdown: choose one output format"),
        );
    });

    it("accepts --markdown with --diff, then refuses a ref that is not one", async () => {
        const result = await planCommand(["--stack", "demo", "--markdown", "--diff=-bad"]);
        assert.equal(result.code, 2);
        assert.equal(result.stdout, "");
        assert.doesNotMatch(result.stderr, /--markdown is the form of a --diff only/);
        assert.match(result.stderr, /^error: .*-bad/);
    });

    it("answers an unknown option with the usage", async () => {
        const result = await planCommand(["--stack", "demo", "--bogus"]);
        assert.equal(result.code, 2);
        assert.equal(result.stdout, "");
        assert.match(result.stderr, /^error: .*--bogus.*\n/);
        assert.ok(result.stderr.endsWith(`\n${USAGE}\n`), result.stderr);
    });
});
