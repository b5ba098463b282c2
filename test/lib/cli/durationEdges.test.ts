// Edges of lib/cli/duration the mutation run found unpinned (docs/testing.md): two decimals, and the exact unit
// boundaries of formatDuration, where one millisecond more or less changes the unit shown.

import { strict as assert } from "node:assert";
import { formatDuration, parseDuration } from "../../../lib/cli/duration";

describe("lib/cli/duration: decimals and unit boundaries", () => {
    it("reads two decimals, plain and with a unit", () => {
        assert.equal(parseDuration("1.25", "--timeout"), 1250);
        assert.equal(parseDuration("1.25s", "--timeout"), 1250);
        assert.equal(parseDuration("0.75m", "--timeout"), 45_000);
        assert.equal(parseDuration("1m0.25s", "--timeout"), 60_250);
    });

    it("shows 999 ms in ms, exactly a second as 1s, exactly a minute as 1m", () => {
        assert.equal(formatDuration(999), "999ms");
        assert.equal(formatDuration(1000), "1s");
        assert.equal(formatDuration(59_999), "60s");
        assert.equal(formatDuration(60_000), "1m");
    });
});
