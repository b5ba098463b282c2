// The one flag parser at its edges: the flag a message names when util.parseArgs names two (or none), what is not a
// usage error, and the words of a missing or extra positional.
import { strict as assert } from "node:assert";
import { FlagType, UsageError, parseCommandLine, singlePositional, usageMessage } from "../../../lib/cli/args";

const usage = (message: string) => (err: unknown) => err instanceof UsageError && err.message === message;

describe("lib/cli/args, at its edges", () => {
    it("names the long flag where parseArgs names the short one first", () => {
        assert.throws(() => parseCommandLine(["--help=1"], {}), usage("--help takes no value"));
    });

    it("words a message that names no flag, or only a short one", () => {
        const invalidValue = "ERR_PARSE_ARGS_INVALID_OPTION_VALUE";
        assert.equal(
            usageMessage({ name: "TypeError", message: "Option '-x' argument missing", code: invalidValue }),
            "-x needs a value (write -x=<value> if the value starts with -)",
        );
        assert.equal(
            usageMessage({ name: "TypeError", message: "argument missing", code: invalidValue }),
            "a flag needs a value (write a flag=<value> if the value starts with -)",
        );
        assert.equal(
            usageMessage({ name: "TypeError", message: "no flag named", code: "ERR_PARSE_ARGS_UNKNOWN_OPTION" }),
            "unknown option",
        );
    });

    it("lets an error that is not about the command line through unchanged", () => {
        const notAFlagType = { count: "number" as unknown as FlagType };
        assert.throws(
            () => parseCommandLine([], notAFlagType),
            (err: unknown) => err instanceof TypeError && !(err instanceof UsageError),
        );
    });

    it("says which positional is missing, or lists the extra ones", () => {
        const args = (positionals: string[]) => ({
            positionals,
            strings: new Map(),
            booleans: new Set<string>(),
            help: false,
        });
        assert.throws(() => singlePositional(args([]), "version"), usage("missing version"));
        assert.throws(
            () => singlePositional(args(["1.2.3", "1.2.4"]), "version"),
            usage('expected one version, got "1.2.3" "1.2.4"'),
        );
        assert.equal(singlePositional(args(["1.2.3"]), "version"), "1.2.3");
    });
});
