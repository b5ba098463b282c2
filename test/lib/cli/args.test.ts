import { strict as assert } from "node:assert";
import { UsageError, durationOption, parseCommandLine } from "../../../lib/cli/args";

describe("lib/cli/args: the one flag parser", () => {
    const spec = { force: "boolean", reason: "string" } as const;

    it("parses flags in both spellings, booleans and positionals", () => {
        const args = parseCommandLine(["1.2.3", "--force", "--reason", "hot fix", "--", "--not-a-flag"], spec);
        assert.deepEqual(args.positionals, ["1.2.3", "--not-a-flag"]);
        assert.equal(args.strings.get("reason"), "hot fix");
        assert.ok(args.booleans.has("force"));
        assert.equal(parseCommandLine(["--reason=--x"], spec).strings.get("reason"), "--x");
    });

    it("refuses unknown flags, missing values and values on booleans", () => {
        assert.throws(() => parseCommandLine(["--nope"], spec), UsageError);
        assert.throws(() => parseCommandLine(["--reason"], spec), /needs a value/);
        assert.throws(() => parseCommandLine(["--reason", "--force"], spec), /needs a value/);
        assert.throws(() => parseCommandLine(["--force=yes"], spec), /takes no value/);
        assert.throws(() => parseCommandLine(["-x"], spec), /^UsageError: unknown option -x$/);
        assert.throws(() => parseCommandLine(["1.2.3"], spec, { positionals: false }), /unexpected argument/);
    });

    it("never echoes what was typed after a flag (it can be a secret)", () => {
        for (const argv of [["--bogus=hunter2secret"], ["--force=hunter2secret"], ["hunter2secret"]]) {
            assert.throws(
                () => parseCommandLine(argv, spec, { positionals: false }),
                (err: Error) => err instanceof UsageError && !err.message.includes("hunter2secret"),
                argv.join(" "),
            );
        }
        assert.equal(parseCommandLine(["-h"], spec).help, true);
        assert.equal(parseCommandLine(["--help"], spec).help, true);
    });

    it("reads duration flags through the shared parser, as usage errors", () => {
        const spec = { timeout: "string" } as const;
        assert.equal(durationOption(parseCommandLine([], spec), "timeout", "1m30s"), 90_000);
        assert.equal(durationOption(parseCommandLine(["--timeout", "250ms"], spec), "timeout", "1m"), 250);
        assert.throws(() => durationOption(parseCommandLine(["--timeout", "soon"], spec), "timeout", "1m"), UsageError);
        assert.throws(
            () => durationOption(parseCommandLine(["--timeout", "0"], spec), "timeout", "1m"),
            /--timeout: "0" is out of range/,
        );
        assert.equal(durationOption(parseCommandLine(["--timeout", "0"], spec), "timeout", "1m", { minMs: 0 }), 0);
    });
});
