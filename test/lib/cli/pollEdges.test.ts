// The poller's edges: its own default pause (real timers), a pause that fails, cancellation an injected pause does
// not see, and an answer cut short on the first attempt.
import { strict as assert } from "node:assert";
import { PollCancelled, pollUntil } from "../../../lib/cli/poll";

const again = (last: string, cutShort?: boolean) => async () => ({ kind: "again" as const, last, cutShort });

describe("lib/cli/poll, at its edges", () => {
    it("without an injected pause it waits on real timers: a few attempts in a short window, not a busy loop", async () => {
        let attempts = 0;
        const outcome = await pollUntil(
            async () => {
                attempts += 1;
                return { kind: "again", last: "down" };
            },
            { timeoutMs: 120, intervalMs: 40 },
        );
        assert.equal(outcome.kind, "timeout");
        // Three on an idle machine; fewer under load. A pause that does not wait would make thousands.
        assert.ok(attempts >= 1 && attempts <= 5, `${attempts} attempts in 120 ms, 40 ms apart`);
    });

    it("its own pause ends at once when the signal aborts, and the wait is cancelled", async () => {
        const controller = new AbortController();
        const started = performance.now();
        setTimeout(() => controller.abort(), 30);
        await assert.rejects(
            pollUntil(again("down"), { timeoutMs: 10_000, intervalMs: 5_000, signal: controller.signal }),
            (err: unknown) =>
                err instanceof PollCancelled && err.name === "PollCancelled" && err.message === "wait cancelled",
        );
        assert.ok(performance.now() - started < 2_000, "the 5 s pause was not cut short");
    });

    it("an abort during an attempt cancels before any pause, even with a pause that ignores the signal", async () => {
        const controller = new AbortController();
        const pauses: number[] = [];
        await assert.rejects(
            pollUntil(
                async () => {
                    controller.abort();
                    return { kind: "again", last: "down" };
                },
                {
                    timeoutMs: 1_000,
                    intervalMs: 10,
                    signal: controller.signal,
                    sleep: async (ms) => void pauses.push(ms),
                },
            ),
            PollCancelled,
        );
        assert.deepEqual(pauses, []);
    });

    it("a pause that fails for another reason fails the wait with that error, signal or not", async () => {
        const failing = async () => {
            throw new Error("timer broke");
        };
        await assert.rejects(pollUntil(again("down"), { timeoutMs: 1_000, intervalMs: 10, sleep: failing }), {
            message: "timer broke",
        });
        const controller = new AbortController();
        await assert.rejects(
            pollUntil(again("down"), { timeoutMs: 1_000, intervalMs: 10, sleep: failing, signal: controller.signal }),
            { message: "timer broke" },
        );
    });

    it("no pause is taken once an attempt has used up the time", async () => {
        let time = 0;
        const pauses: number[] = [];
        const outcome = await pollUntil(
            async () => {
                time += 50;
                return { kind: "again", last: "slow" };
            },
            { timeoutMs: 50, intervalMs: 10, now: () => time, sleep: async (ms) => void pauses.push(ms) },
        );
        assert.deepEqual(outcome, { kind: "timeout", attempts: 1, elapsedMs: 50, last: "slow" });
        assert.deepEqual(pauses, []);
    });

    it("an answer cut short by the deadline on the only attempt is still what the timeout reports", async () => {
        let time = 0;
        const outcome = await pollUntil(
            async () => {
                time += 100;
                return { kind: "again", last: "cut short", cutShort: true };
            },
            { timeoutMs: 100, intervalMs: 10, now: () => time, sleep: async () => undefined },
        );
        assert.deepEqual(outcome, { kind: "timeout", attempts: 1, elapsedMs: 100, last: "cut short" });
    });
});
