import { strict as assert } from "node:assert";
import { runGate } from "../../e2e/gate";
import { GateDeps, GateOptions } from "../../e2e/probe";
import { CHECK_NAMES } from "../../e2e/result";

const OPTIONS: GateOptions = {
    baseUrl: "http://sr.example",
    username: "root@localhost",
    password: "pw",
    readyTimeoutMs: 100,
    readyIntervalMs: 50,
    checkTimeoutMs: 1000,
};

/** A clock that starts at 1000 ms and moves only when the gate sleeps, and a ServiceRadar that answers by path. */
function standIn(answers: Record<string, [number, string]>): { deps: GateDeps; clock: () => number } {
    let t = 1000;
    return {
        clock: () => t,
        deps: {
            now: () => t,
            sleep: async (ms) => {
                t += ms;
            },
            fetch: async (input) => {
                const [status, body] = answers[new URL(input).pathname] ?? [404, "no route"];
                return new Response(body, { status, headers: { "content-type": "application/json" } });
            },
        },
    };
}

describe("e2e gate: what is skipped and how long the run took", () => {
    it("skips the token, query and device checks when the deployment never became ready", async () => {
        const { deps, clock } = standIn({ "/health/ready": [503, "not ready"], "/health/live": [200, "ok"] });
        const result = await runGate(OPTIONS, deps);
        assert.deepEqual(
            result.checks.slice(2),
            (["auth", "query", "devices"] as const).map((id) => ({
                id,
                name: CHECK_NAMES[id],
                outcome: "skip",
                durationMs: 0,
                message: "skipped: the deployment never became ready",
            })),
        );
        assert.equal(result.passed, false);
        assert.ok(clock() > 1000);
        assert.equal(result.durationMs, clock() - 1000);
    });

    it("skips the query and device checks when no token was issued", async () => {
        const { deps } = standIn({
            "/health/ready": [200, "ready"],
            "/health/live": [200, "ok"],
            "/oauth/token": [401, '{"error":"invalid_grant"}'],
        });
        const result = await runGate(OPTIONS, deps);
        assert.deepEqual(
            result.checks.map((c) => [c.id, c.outcome]),
            [
                ["readiness", "pass"],
                ["liveness", "pass"],
                ["auth", "fail"],
                ["query", "skip"],
                ["devices", "skip"],
            ],
        );
        assert.deepEqual(
            result.checks.slice(3).map((c) => c.message),
            ["skipped: no token (authentication failed)", "skipped: no token (authentication failed)"],
        );
    });
});
