import { strict as assert } from "node:assert";
import { PollCancelled, pollUntil } from "../../../lib/cli/poll";

/** A clock that only moves when the poller sleeps (and by what an attempt says it took). */
function fakeClock() {
    let time = 0;
    return {
        now: () => time,
        advance: (ms: number) => (time += ms),
        sleep: async (ms: number) => {
            time += ms;
        },
    };
}

describe("lib/cli/poll: the one bounded poller", () => {
    it("pauses between attempts, never starts one at the deadline, and reports each miss", async () => {
        const clock = fakeClock();
        const progress: string[] = [];
        const outcome = await pollUntil(async ({ number }) => ({ kind: "again", last: `miss ${number}` }), {
            timeoutMs: 25,
            intervalMs: 10,
            now: clock.now,
            sleep: clock.sleep,
            progress: ({ attempt, elapsedMs, last }) => progress.push(`${attempt}@${elapsedMs}: ${last}`),
        });
        assert.deepEqual(outcome, { kind: "timeout", attempts: 3, elapsedMs: 25, last: "miss 3" });
        assert.deepEqual(progress, ["1@0: miss 1", "2@10: miss 2", "3@20: miss 3"]);
    });

    it("ends with the attempt's value, and keeps the last real answer over one cut short by the deadline", async () => {
        const clock = fakeClock();
        const done = await pollUntil(
            async ({ number }) => (number === 2 ? { kind: "done", value: "up" } : { kind: "again", last: "down" }),
            {
                timeoutMs: 100,
                intervalMs: 10,
                now: clock.now,
                sleep: clock.sleep,
            },
        );
        assert.deepEqual(done, { kind: "done", value: "up", attempts: 2, elapsedMs: 10 });
        const cut = await pollUntil(
            async ({ number }) =>
                number === 1
                    ? { kind: "again", last: "HTTP 503" }
                    : { kind: "again", last: "timed out", cutShort: true },
            { timeoutMs: 15, intervalMs: 10, now: clock.now, sleep: clock.sleep },
        );
        assert.equal(cut.kind === "timeout" && cut.last, "HTTP 503");
    });

    it("stops at once when cancelled", async () => {
        const cancel = new AbortController();
        let attempts = 0;
        await assert.rejects(
            pollUntil(
                async () => {
                    attempts += 1;
                    cancel.abort();
                    return { kind: "again", last: "down" };
                },
                { timeoutMs: 60_000, intervalMs: 30_000, signal: cancel.signal },
            ),
            PollCancelled,
        );
        assert.equal(attempts, 1);
    });
});
