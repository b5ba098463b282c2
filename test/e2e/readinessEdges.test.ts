// The readiness wait's verdicts through a scripted fetch and a clock that only the sleeps move, pinned exactly:
// which last outcome the report names, what an attempt cut short by the deadline changes, and cancellation.
import { strict as assert } from "node:assert";
import { GateCancelled, GateDeps, GateOptions } from "../../e2e/probe";
import { waitForReady } from "../../e2e/readiness";
import { CHECK_NAMES } from "../../e2e/result";
import { FetchLike } from "../../lib/cli/http";

const BASE = "https://sr.example.test";
const READY = `GET ${BASE}/health/ready`;
const REFUSED = `${READY} failed: connection refused (nothing is listening at that host and port) (ECONNREFUSED)`;

type Step = "hang" | "refused" | "unknown-host" | number;

function scripted(steps: Step[], extra: Partial<GateDeps> = {}): { deps: GateDeps; log: string[] } {
    let t = 1000;
    let n = 0;
    const log: string[] = [];
    const fetch: FetchLike = async (_url, init) => {
        const step = steps[Math.min(n++, steps.length - 1)];
        if (step === "hang") {
            return new Promise<Response>((_resolve, reject) =>
                init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
            );
        }
        if (step === "refused" || step === "unknown-host") {
            const code = step === "refused" ? "ECONNREFUSED" : "ENOTFOUND";
            throw Object.assign(new TypeError("fetch failed"), { cause: { code } });
        }
        return new Response(step === 503 ? "not ready" : "", { status: step });
    };
    const deps: GateDeps = {
        fetch,
        now: () => t,
        sleep: async (ms) => {
            t += ms;
        },
        log: (line) => log.push(line),
        ...extra,
    };
    return { deps, log };
}

const opts = (readyTimeoutMs: number, checkTimeoutMs: number): GateOptions => ({
    baseUrl: BASE,
    username: "root@localhost",
    password: "Pa55-w0rd&secret!",
    readyTimeoutMs,
    readyIntervalMs: 10,
    checkTimeoutMs,
});

const failed = (message: string, extra: object = {}) => ({
    id: "readiness",
    name: CHECK_NAMES.readiness,
    outcome: "fail",
    durationMs: 30,
    message,
    category: "deployment",
    ...extra,
});

describe("e2e readiness: what the wait reports", () => {
    it("passes on the first answer 200 as ready after 1 attempt", async () => {
        const { deps, log } = scripted([200]);
        assert.deepEqual(await waitForReady(opts(30, 1000), deps), {
            id: "readiness",
            name: CHECK_NAMES.readiness,
            outcome: "pass",
            durationMs: 0,
            message: "ready after 1 attempt",
            httpStatus: 200,
        });
        assert.deepEqual(log, []);
    });

    it("names a refused connection after a 503, not the older 503", async () => {
        const { deps, log } = scripted([503, "refused"]);
        assert.deepEqual(
            await waitForReady(opts(30, 1000), deps),
            failed(`not ready after 30ms (3 attempts, limit 30ms); last error: ${REFUSED}`),
        );
        assert.deepEqual(log, [
            'waiting for readiness: attempt 1, last HTTP 503 "not ready", elapsed 0ms of 30ms',
            `waiting for readiness: attempt 2, last ${REFUSED}, elapsed 10ms of 30ms`,
            `waiting for readiness: attempt 3, last ${REFUSED}, elapsed 20ms of 30ms`,
        ]);
    });

    it("names a full-length timeout after a 503, since the attempt had its whole time", async () => {
        const { deps } = scripted([503, "hang"]);
        assert.deepEqual(
            await waitForReady(opts(30, 10), deps),
            failed(
                `not ready after 30ms (3 attempts, limit 30ms); last error: ${READY} failed: no complete response within 10ms (timed out)`,
            ),
        );
    });

    it("keeps the 503 when the later attempts are only cut short by the deadline", async () => {
        const { deps, log } = scripted([503, "hang"]);
        assert.deepEqual(
            await waitForReady(opts(30, 1000), deps),
            failed("not ready after 30ms (3 attempts, limit 30ms); last answer HTTP 503", {
                httpStatus: 503,
                bodyExcerpt: "not ready",
            }),
        );
        assert.deepEqual(log, [
            'waiting for readiness: attempt 1, last HTTP 503 "not ready", elapsed 0ms of 30ms',
            `waiting for readiness: attempt 2, last ${READY} failed: no complete response within 20ms (timed out), elapsed 10ms of 30ms`,
            `waiting for readiness: attempt 3, last ${READY} failed: no complete response within 10ms (timed out), elapsed 20ms of 30ms`,
        ]);
    });

    it("stops at once on an unknown host, a deployment problem", async () => {
        const { deps } = scripted(["unknown-host"]);
        const check = await waitForReady(opts(30, 1000), deps);
        assert.equal(check.id, "readiness");
        assert.equal(check.outcome, "fail");
        assert.equal(check.category, "deployment");
        assert.match(check.message, /\(ENOTFOUND\) \(not retried: waiting cannot fix this\)$/);
    });

    it("turns a cancellation during the pause into GateCancelled, and rethrows any other error", async () => {
        const controller = new AbortController();
        const cancelling = scripted([503], {
            signal: controller.signal,
            sleep: async () => {
                controller.abort();
                throw new DOMException("aborted", "AbortError");
            },
        });
        await assert.rejects(waitForReady(opts(30, 1000), cancelling.deps), GateCancelled);
        const broken = scripted([503], {
            sleep: async () => {
                throw new Error("clock broke");
            },
        });
        await assert.rejects(waitForReady(opts(30, 1000), broken.deps), /^Error: clock broke$/);
    });
});
