import { strict as assert } from "node:assert";
import { toJUnitXml } from "../../e2e/junit";
import { formatReport, statusDescription, summaryLine, truncate } from "../../e2e/report";
import { GateResult } from "../../e2e/result";
import { Redactor } from "../../lib/cli/redact";

/** Every kind of line: a pass that carries a category and status, failures with and without either, a skip. */
function mixedResult(): GateResult {
    return {
        passed: false,
        durationMs: 95_500,
        checks: [
            {
                id: "readiness",
                name: "ready",
                outcome: "pass",
                durationMs: 90_000,
                category: "deployment",
                httpStatus: 200,
                message: "ready after 3 attempts",
            },
            {
                id: "auth",
                name: "token",
                outcome: "fail",
                durationMs: 20,
                category: "credentials",
                httpStatus: 401,
                bodyExcerpt: "",
                message: "credentials rejected",
            },
            { id: "query", name: "SRQL", outcome: "fail", durationMs: 30, category: "data-path", message: "timed out" },
            {
                id: "devices",
                name: "devices",
                outcome: "fail",
                durationMs: 40,
                httpStatus: 500,
                bodyExcerpt: "boom",
                message: "server error",
            },
            { id: "liveness", name: "live", outcome: "skip", durationMs: 0, message: "skipped: not ready" },
        ],
    };
}

function passedResult(): GateResult {
    return {
        passed: true,
        durationMs: 1500,
        checks: [
            { id: "auth", name: "token", outcome: "pass", durationMs: 12, message: "token issued" },
            { id: "query", name: "SRQL", outcome: "pass", durationMs: 7, message: "1 row" },
        ],
    };
}

describe("e2e report and JUnit: the exact text of every kind of check", () => {
    it("lays out the report in columns as wide as the longest id and time, details indented below them", () => {
        const indent = " ".repeat(6 + 2 + 9 + 2 + 5 + 2);
        assert.deepEqual(formatReport(mixedResult(), "https://h.example"), [
            "ServiceRadar e2e gate report for https://h.example",
            "RESULT  CHECK      TIME   DETAIL",
            "PASS    readiness  1m30s  ready: ready after 3 attempts",
            "FAIL    auth       20ms   token: credentials rejected",
            `${indent}category: credentials problem: check SERVICERADAR_ADMIN_USER / SERVICERADAR_ADMIN_PASSWORD and token acceptance`,
            `${indent}HTTP 401, body: (empty)`,
            "FAIL    query      30ms   SRQL: timed out",
            `${indent}category: data-path problem: the API is up and login works, but queries or device reads are broken`,
            "FAIL    devices    40ms   devices: server error",
            `${indent}HTTP 500, body: boom`,
            "SKIP    liveness   -      live: skipped: not ready",
            "Summary: FAILED: 1/5 checks passed, 3 failed, 1 skipped in 1m35s; broken: credentials, data-path",
        ]);
    });

    it("keeps the CHECK and TIME columns at their minimum width for short ids and times", () => {
        assert.deepEqual(formatReport(passedResult(), "http://h"), [
            "ServiceRadar e2e gate report for http://h",
            "RESULT  CHECK  TIME  DETAIL",
            "PASS    auth   12ms  token: token issued",
            "PASS    query  7ms   SRQL: 1 row",
            "Summary: PASSED: 2/2 checks passed, 0 failed, 0 skipped in 1.5s",
        ]);
    });

    it("names no broken category when nothing failed", () => {
        assert.equal(summaryLine(passedResult()), "Summary: PASSED: 2/2 checks passed, 0 failed, 0 skipped in 1.5s");
        const skippedOnly: GateResult = {
            passed: false,
            durationMs: 0,
            checks: [{ id: "auth", name: "a", outcome: "skip", durationMs: 0, category: "credentials", message: "s" }],
        };
        assert.equal(summaryLine(skippedOnly), "Summary: FAILED: 0/1 checks passed, 0 failed, 1 skipped in 0ms");
        assert.equal(statusDescription(skippedOnly), "0/1 checks passed; failed: none; skipped: auth");
    });

    it("lists failed checks with their categories, and skipped ones only when there are some", () => {
        assert.equal(
            statusDescription(mixedResult()),
            "1/5 checks passed; failed: auth (credentials), query (data-path), devices; skipped: liveness",
        );
        const noSkip = mixedResult();
        noSkip.checks = noSkip.checks.filter((c) => c.outcome !== "skip");
        assert.equal(
            statusDescription(noSkip),
            "1/4 checks passed; failed: auth (credentials), query (data-path), devices",
        );
    });

    it("cuts a long text to its limit with an ellipsis as the last character", () => {
        assert.equal(truncate("abcdef", 4), "abc…");
        assert.equal(truncate("abcd", 4), "abcd");
    });

    it("writes the JUnit document line by line, with failure details and the target property", () => {
        const xml = toJUnitXml(mixedResult(), {
            timestamp: "2026-12-05T00:00:00.000Z",
            target: "https://h.example",
            redactor: new Redactor(),
        });
        assert.equal(
            xml,
            [
                '<?xml version="1.0" encoding="UTF-8"?>',
                '<testsuites name="serviceradar-e2e" tests="5" failures="3" errors="0" skipped="1" time="95.500">',
                '  <testsuite name="serviceradar-e2e" tests="5" failures="3" errors="0" skipped="1" time="95.500" timestamp="2026-12-05T00:00:00.000Z">',
                "    <properties>",
                '      <property name="target" value="https://h.example"/>',
                "    </properties>",
                '    <testcase classname="serviceradar-e2e" name="readiness: ready" time="90.000"/>',
                '    <testcase classname="serviceradar-e2e" name="auth: token" time="0.020">',
                '      <failure message="credentials rejected" type="credentials">credentials rejected\ncategory: credentials problem: check SERVICERADAR_ADMIN_USER / SERVICERADAR_ADMIN_PASSWORD and token acceptance\nHTTP 401, body: (empty)</failure>',
                "    </testcase>",
                '    <testcase classname="serviceradar-e2e" name="query: SRQL" time="0.030">',
                '      <failure message="timed out" type="data-path">timed out\ncategory: data-path problem: the API is up and login works, but queries or device reads are broken</failure>',
                "    </testcase>",
                '    <testcase classname="serviceradar-e2e" name="devices: devices" time="0.040">',
                '      <failure message="server error" type="failure">server error\nHTTP 500, body: boom</failure>',
                "    </testcase>",
                '    <testcase classname="serviceradar-e2e" name="liveness: live" time="0.000">',
                '      <skipped message="skipped: not ready"/>',
                "    </testcase>",
                "  </testsuite>",
                "</testsuites>",
                "",
            ].join("\n"),
        );
    });

    it("leaves out the timestamp and the properties when neither is given", () => {
        assert.equal(
            toJUnitXml(passedResult(), { redactor: new Redactor() }),
            [
                '<?xml version="1.0" encoding="UTF-8"?>',
                '<testsuites name="serviceradar-e2e" tests="2" failures="0" errors="0" skipped="0" time="1.500">',
                '  <testsuite name="serviceradar-e2e" tests="2" failures="0" errors="0" skipped="0" time="1.500">',
                '    <testcase classname="serviceradar-e2e" name="auth: token" time="0.012"/>',
                '    <testcase classname="serviceradar-e2e" name="query: SRQL" time="0.007"/>',
                "  </testsuite>",
                "</testsuites>",
                "",
            ].join("\n"),
        );
    });
});
