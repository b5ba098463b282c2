// How a request that got no answer is described: the code found anywhere in fetch's cause chain (cycles and
// aggregates included), plain words for it, and otherwise the innermost message, on one line.
import { strict as assert } from "node:assert";
import { describeCode, findErrorCode, toRequestFailure } from "../../../lib/cli/http";

const withCause = (message: string, cause?: unknown, code?: string) =>
    Object.assign(new Error(message, cause === undefined ? undefined : { cause }), code === undefined ? {} : { code });

describe("lib/cli/http: a request that got no answer", () => {
    it("takes the innermost code of the cause chain, skipping empty codes, nulls and cycles", () => {
        const socket = withCause("connect ECONNREFUSED", undefined, "ECONNREFUSED");
        const looped = withCause("fetch failed", socket, "");
        (socket as { cause?: unknown }).cause = looped;
        assert.equal(findErrorCode(looped), "ECONNREFUSED");
        assert.equal(findErrorCode(withCause("outer", null, "")), undefined);
        assert.equal(findErrorCode(withCause("outer", "a string cause")), undefined);
    });

    it("looks inside an AggregateError's errors", () => {
        const aggregate = new AggregateError(
            [new Error("v6"), withCause("v4", undefined, "ENETUNREACH")],
            "all failed",
        );
        assert.equal(findErrorCode(withCause("fetch failed", aggregate)), "ENETUNREACH");
    });

    it("words a known code, any TLS code, and nothing else", () => {
        assert.equal(describeCode("ENOTFOUND")?.permanent, true);
        assert.deepEqual(describeCode("ERR_SSL_UNKNOWN_PROTOCOL_X"), {
            text: "TLS error (ERR_SSL_UNKNOWN_PROTOCOL_X)",
            permanent: true,
        });
        assert.equal(describeCode("EWHATEVER"), undefined);
        assert.equal(describeCode(""), undefined);
        assert.equal(describeCode(undefined), undefined);
    });

    it("otherwise says the innermost message's first line, with the code when there is one", () => {
        const deep = withCause("fetch failed", withCause("socket hang up\nat line 2", undefined, "EWHATEVER"));
        const failure = toRequestFailure(deep, "GET", "http://127.0.0.1:1/x", 1000, false, false);
        assert.equal(failure.message, "GET http://127.0.0.1:1/x failed: socket hang up (EWHATEVER)");
        assert.equal(failure.kind, "network");
        assert.equal(failure.permanent, false);
    });

    it("reads at most five causes deep, and falls back to the error itself when no message is found", () => {
        let chain: Error = withCause("sixth and deepest");
        for (const message of ["fifth", "fourth", "third", "second", "first"]) chain = withCause(message, chain);
        assert.equal(toRequestFailure(chain, "GET", "u", 1, false, false).detail, "failed: fifth");
        assert.equal(
            toRequestFailure("plain text thrown", "GET", "u", 1, false, false).detail,
            "failed: plain text thrown",
        );
        assert.equal(toRequestFailure(withCause(""), "GET", "u", 1, false, false).detail, "failed: Error");
    });

    it("skips a cause whose message is empty or no text, and a code that is no text", () => {
        const emptyInside = withCause("fetch failed", withCause(""));
        assert.equal(toRequestFailure(emptyInside, "GET", "u", 1, false, false).detail, "failed: fetch failed");
        const numberInside = withCause("fetch failed", { message: 42, code: 7 });
        assert.equal(toRequestFailure(numberInside, "GET", "u", 1, false, false).detail, "failed: fetch failed");
        const numericCodeInside = withCause("fetch failed", { code: 104 }, "ECONNRESET");
        assert.equal(findErrorCode(numericCodeInside), "ECONNRESET");
    });

    it("a cancelled request is only that, whatever else happened; a timed-out one names the limit", () => {
        const cancelled = toRequestFailure(new Error("x"), "POST", "u", 5, true, true);
        assert.deepEqual([cancelled.detail, cancelled.kind, cancelled.permanent], ["cancelled", "cancelled", true]);
        const timedOut = toRequestFailure(new Error("x"), "POST", "u", 5, true, false);
        assert.deepEqual(
            [timedOut.detail, timedOut.kind, timedOut.code, timedOut.permanent],
            ["failed: no complete response within 5ms (timed out)", "timeout", "TIMEOUT", false],
        );
    });
});
