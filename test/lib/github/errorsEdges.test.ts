// What a failed GitHub call means, at the edges GitHub documents: Retry-After (seconds from now) and X-RateLimit-Reset
// (epoch seconds) on a 403 or 429, errors without headers or without a response, a request failure thrown outside a
// request, and answer bodies that are not JSON text (bytes, integers past 2^53, nothing at all).
import { strict as assert } from "node:assert";
import { RequestFailure } from "../../../lib/cli/http";
import { answerText, classifyGitHubError, failedAnswer, requestFailureOf } from "../../../lib/github/errors";

const NOW = new Date("2026-12-05T03:00:00.000Z");
const MESSAGE = "API rate limit exceeded for installation. - https://docs.github.com/rest/overview/rate-limits";

/** An error shaped as Octokit's RequestError: status, GitHub's message, the answer's headers (lower-case names). */
function httpError(status: number, headers?: Record<string, string>, message = MESSAGE): Error {
    return Object.assign(new Error(message), {
        status,
        ...(headers === undefined ? {} : { response: { headers, data: { message } } }),
    });
}

function failure(detail = "failed: connection refused (ECONNREFUSED)"): RequestFailure {
    return new RequestFailure(
        "GET https://api.github.com/x",
        detail,
        "network",
        "https://api.github.com/x",
        "E",
        false,
    );
}

describe("lib/github/errors: rate limits, as GitHub documents them", () => {
    it("a 429 with Retry-After lifts that many seconds after now", () => {
        assert.deepEqual(classifyGitHubError(httpError(429, { "retry-after": "30" }), NOW), {
            kind: "rate-limited",
            status: 429,
            resetAt: new Date("2026-12-05T03:00:30.000Z"),
            message: MESSAGE,
        });
    });

    it("a 403 with Retry-After (a secondary rate limit) is a rate limit too, even with quota left", () => {
        const err = httpError(403, { "retry-after": "60", "x-ratelimit-remaining": "4999" });
        assert.deepEqual(classifyGitHubError(err, NOW), {
            kind: "rate-limited",
            status: 403,
            resetAt: new Date("2026-12-05T03:01:00.000Z"),
            message: MESSAGE,
        });
    });

    it("Retry-After: 0 means now, not the quota's reset", () => {
        const err = httpError(429, { "retry-after": "0", "x-ratelimit-reset": "1796094000" });
        assert.deepEqual(classifyGitHubError(err, NOW), {
            kind: "rate-limited",
            status: 429,
            resetAt: NOW,
            message: MESSAGE,
        });
    });

    it("Retry-After wins over X-RateLimit-Reset", () => {
        const err = httpError(403, { "retry-after": "5", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1" });
        assert.deepEqual(classifyGitHubError(err, NOW), {
            kind: "rate-limited",
            status: 403,
            resetAt: new Date("2026-12-05T03:00:05.000Z"),
            message: MESSAGE,
        });
    });

    it("a spent quota (403, X-RateLimit-Remaining: 0) lifts at X-RateLimit-Reset, in epoch seconds", () => {
        const err = httpError(403, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1796094000" });
        assert.deepEqual(classifyGitHubError(err, NOW), {
            kind: "rate-limited",
            status: 403,
            resetAt: new Date(1796094000 * 1000),
            message: MESSAGE,
        });
    });

    it("a negative, infinite or unreadable Retry-After is ignored: the quota's reset is used", () => {
        for (const retryAfter of ["-5", "Infinity", "soon"]) {
            const err = httpError(429, { "retry-after": retryAfter, "x-ratelimit-reset": "1796094000" });
            assert.deepEqual(
                classifyGitHubError(err, NOW),
                { kind: "rate-limited", status: 429, resetAt: new Date(1796094000 * 1000), message: MESSAGE },
                retryAfter,
            );
        }
    });

    it("no time at all when neither header gives a usable one (reset 0, negative or infinite)", () => {
        const cases: Record<string, string>[] = [
            {},
            { "retry-after": "-5" },
            { "x-ratelimit-reset": "0" },
            { "x-ratelimit-reset": "-5" },
            { "x-ratelimit-reset": "Infinity" },
            { "x-ratelimit-reset": "tomorrow" },
        ];
        for (const headers of cases) {
            assert.deepEqual(
                classifyGitHubError(httpError(429, headers), NOW),
                { kind: "rate-limited", status: 429, resetAt: undefined, message: MESSAGE },
                JSON.stringify(headers),
            );
        }
    });

    it("a 429 without any answer headers, or without a response at all, is still a rate limit", () => {
        const noHeaders = Object.assign(new Error(MESSAGE), { status: 429, response: { data: "" } });
        const expected = { kind: "rate-limited", status: 429, resetAt: undefined, message: MESSAGE };
        assert.deepEqual(classifyGitHubError(noHeaders, NOW), expected);
        assert.deepEqual(classifyGitHubError(httpError(429), NOW), expected);
    });

    it("a 403 with quota left and no Retry-After is a missing permission, not a rate limit", () => {
        const err = httpError(403, { "x-ratelimit-remaining": "4999" }, "Resource not accessible by integration");
        assert.deepEqual(classifyGitHubError(err, NOW), {
            kind: "no-access",
            status: 403,
            message: "Resource not accessible by integration",
        });
    });

    it("only a 403 or a 429 is a rate limit: a 404 or 422 carrying the headers keeps its own meaning", () => {
        const headers = { "x-ratelimit-remaining": "0", "retry-after": "30" };
        assert.deepEqual(classifyGitHubError(httpError(404, headers, "Not Found"), NOW), {
            kind: "not-found",
            status: 404,
            message: "Not Found",
        });
        assert.deepEqual(classifyGitHubError(httpError(422, headers, "Validation Failed"), NOW), {
            kind: "refused",
            status: 422,
            message: "Validation Failed",
        });
    });
});

describe("lib/github/errors: failures without an answer", () => {
    it("a request failure thrown outside a request (a listing's bounds) is unreachable, in its own words", () => {
        assert.deepEqual(classifyGitHubError(failure("failed: the listing has more than 20 pages; stopped"), NOW), {
            kind: "unreachable",
            message: "failed: the listing has more than 20 pages; stopped",
        });
    });

    it("Octokit's status 500 around a request failure is the failure, not an HTTP 500", () => {
        const err = Object.assign(new Error("failed"), { status: 500, cause: failure() });
        assert.deepEqual(classifyGitHubError(err, NOW), {
            kind: "unreachable",
            message: "failed: connection refused (ECONNREFUSED)",
        });
        assert.equal(failedAnswer(err), undefined);
        assert.equal(requestFailureOf(err), err.cause);
    });

    it("an error that is not a GitHub request failure is not classified, and carries no answer", () => {
        assert.equal(classifyGitHubError(new Error("bug"), NOW), undefined);
        assert.equal(failedAnswer(new Error("bug")), undefined);
        assert.equal(failedAnswer(undefined), undefined);
        assert.equal(requestFailureOf(new Error("bug")), undefined);
    });

    it("requestFailureOf returns a request failure itself, and nothing for null or undefined", () => {
        const rf = failure();
        assert.equal(requestFailureOf(rf), rf);
        assert.equal(requestFailureOf(null), undefined);
        assert.equal(requestFailureOf(undefined), undefined);
    });

    it("failedAnswer gives the status and body, and an undefined body for an error without a response", () => {
        assert.deepEqual(failedAnswer(httpError(422, {}, "Validation Failed")), {
            status: 422,
            data: { message: "Validation Failed" },
        });
        assert.deepEqual(failedAnswer(httpError(404)), { status: 404, data: undefined });
    });
});

describe("lib/github/errors: answerText", () => {
    it("an absent body is empty text", () => {
        assert.equal(answerText(undefined), "");
        assert.equal(answerText(null), "");
    });

    it("bytes are named by their count, never decoded", () => {
        assert.equal(answerText(new Uint8Array([0xff, 0, 1]).buffer), "(3 bytes that are not text)");
    });

    it("parsed JSON is JSON again, integers past 2^53 (parsed as bigint) as their digits", () => {
        assert.equal(
            answerText({ message: "x", id: 12345678901234567890n }),
            '{"message":"x","id":"12345678901234567890"}',
        );
        assert.equal(answerText("plain text"), "plain text");
    });

    it("a value JSON cannot write (a cycle) is written as String() would", () => {
        const cyclic: { self?: unknown } = {};
        cyclic.self = cyclic;
        assert.equal(answerText(cyclic), "[object Object]");
    });
});
