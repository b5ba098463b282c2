import { strict as assert } from "node:assert";
import { DurationError, MAX_TIMER_MS, formatDuration, parseDuration } from "../../../lib/cli/duration";

describe("lib/cli/duration", () => {
    it("parses ms, s, m, h, compounds and plain seconds", () => {
        const cases: Array<[string, number]> = [
            ["500ms", 500],
            ["90s", 90_000],
            ["2m", 120_000],
            ["1h", 3_600_000],
            ["1m30s", 90_000],
            ["1h30m", 5_400_000],
            ["1.5s", 1500],
            ["30", 30_000],
            [" 0.3 ", 300],
            ["2147483647ms", MAX_TIMER_MS],
        ];
        for (const [text, ms] of cases) assert.equal(parseDuration(text, "--x"), ms, text);
    });

    it("rejects garbage with one line naming the flag and the value", () => {
        for (const bad of ["", "abc", "5x", "10 s", "-5s", "s", "1m-", "1e3", "Infinity"]) {
            assert.throws(
                () => parseDuration(bad, "--ready-timeout"),
                (err: Error) =>
                    err instanceof DurationError &&
                    err.message ===
                        `--ready-timeout: ${JSON.stringify(bad)} is not a duration (e.g. 500ms, 90s, 5m, 1h30m, or plain seconds)`,
                bad,
            );
        }
    });

    it("rejects zero and anything a timer cannot hold, naming the range", () => {
        for (const bad of ["0", "0s", "0.4ms", "2147483648ms", "600h", "99999999999999999999999h"]) {
            assert.throws(
                () => parseDuration(bad, "--interval"),
                new DurationError(
                    `--interval: ${JSON.stringify(bad)} is out of range: allowed 1ms to 596h31m23s (the longest timer Node.js can set)`,
                ),
                bad,
            );
        }
        assert.equal(parseDuration("0", "--settle", { minMs: 0 }), 0);
        assert.throws(() => parseDuration("2h", "--x", { maxMs: 3_600_000 }), /allowed 1ms to 1h$/);
    });

    it("formats durations for humans, never above their value", () => {
        const cases: Array<[number, string]> = [
            [12, "12ms"],
            [1234, "1.2s"],
            [15_000, "15s"],
            [90_000, "1m30s"],
            [125_000, "2m05s"],
            [1_500_000, "25m"],
            [5_400_000, "1h30m"],
            [3_605_000, "1h00m05s"],
            [MAX_TIMER_MS, "596h31m23s"],
        ];
        for (const [ms, text] of cases) assert.equal(formatDuration(ms), text, String(ms));
    });
});
