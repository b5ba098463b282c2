import { strict as assert } from "node:assert";
import { GateResult, gatePassed } from "../../e2e/result";
import { DEFAULT_ADMIN_USER, parseConfig } from "../../e2e/config";
import { defaultTargetUrl, isValidSha, statusUrl } from "../../e2e/githubStatus";
import { escapeXml, toJUnitXml } from "../../e2e/junit";
import { Redactor } from "../../lib/cli/redact";
import { formatReport, statusDescription, summaryLine } from "../../e2e/report";
import { assertWellFormedXml } from "./helpers";

function sampleResult(): GateResult {
    return {
        passed: false,
        durationMs: 1234,
        checks: [
            {
                id: "readiness",
                name: "deployment ready",
                outcome: "pass",
                durationMs: 10,
                message: "ready after 1 attempt",
            },
            {
                id: "auth",
                name: 'authentication <oauth> & "token"',
                outcome: "fail",
                durationMs: 20,
                category: "credentials",
                message: "credentials rejected <401> & 'quoted' \u0001",
                httpStatus: 401,
                bodyExcerpt: '{"error":"invalid_grant"}',
            },
            { id: "query", name: "SRQL query", outcome: "skip", durationMs: 0, message: "skipped: no token" },
        ],
    };
}

describe("e2e units: report, JUnit, status description", () => {
    it("passes the gate only when every check passed (skips and empty runs do not pass)", () => {
        const [pass, fail, skip] = sampleResult().checks;
        assert.equal(gatePassed([pass, pass]), true);
        assert.equal(gatePassed([pass, skip]), false);
        assert.equal(gatePassed([pass, fail]), false);
        assert.equal(gatePassed([]), false);
    });

    it("escapes XML special and forbidden characters", () => {
        assert.equal(escapeXml(`<a href="x">&'\u0000`), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
    });

    it("writes well-formed JUnit XML that counts failures and skips", () => {
        const xml = toJUnitXml(sampleResult(), {
            timestamp: "2026-01-01T00:00:00.000Z",
            target: "http://h?a=1&b=2",
            redactor: new Redactor(),
        });
        const elements = assertWellFormedXml(xml);
        assert.deepEqual(elements.filter((e) => e === "testcase").length, 3);
        assert.equal(elements.filter((e) => e === "failure").length, 1);
        assert.equal(elements.filter((e) => e === "skipped").length, 1);
        assert.match(
            xml,
            /<testsuite name="serviceradar-e2e" tests="3" failures="1" errors="0" skipped="1" time="1\.234"/,
        );
        assert.match(xml, /time="0\.020"/);
        assert.match(xml, /type="credentials"/);
    });

    it("the XML checker itself rejects malformed documents", () => {
        for (const bad of ["<a><b></a></b>", "<a>x & y</a>", "<a b=c/>", "<a/><b/>", "<a>", '<a x="1" x="2"/>']) {
            assert.throws(() => assertWellFormedXml(bad), Error, bad);
        }
    });

    it("prints one line per check with status, body and category on failure, and a summary", () => {
        const lines = formatReport(sampleResult(), "http://h");
        const text = lines.join("\n");
        assert.match(text, /^PASS\s+readiness/m);
        assert.match(text, /^FAIL\s+auth\s+20ms/m);
        assert.match(text, /^SKIP\s+query\s+-/m);
        assert.match(text, /category: credentials problem/);
        assert.match(text, /HTTP 401, body: \{"error":"invalid_grant"\}/);
        assert.equal(lines[lines.length - 1], summaryLine(sampleResult()));
        assert.match(
            summaryLine(sampleResult()),
            /FAILED: 1\/3 checks passed, 1 failed, 1 skipped in 1\.2s; broken: credentials/,
        );
    });

    it("keeps commit status descriptions within 140 characters", () => {
        const many = sampleResult();
        for (let i = 0; i < 40; i += 1) {
            many.checks.push({ ...many.checks[1], id: `check-number-${i}` });
        }
        const description = statusDescription(many);
        assert.ok(Array.from(description).length <= 140, String(description.length));
        assert.match(
            statusDescription(sampleResult()),
            /^1\/3 checks passed; failed: auth \(credentials\); skipped: query$/,
        );
    });
});

describe("e2e units: configuration", () => {
    const env = { SERVICERADAR_ADMIN_PASSWORD: "pw" };
    const sha = "a".repeat(40);

    it("takes the URL from --url or SERVICERADAR_CORE_URL and applies defaults", () => {
        const parsed = parseConfig(["--url", "https://staging.example.com/"], env);
        assert.equal(parsed.kind, "ok");
        if (parsed.kind !== "ok") return;
        assert.equal(parsed.config.baseUrl, "https://staging.example.com");
        assert.equal(parsed.config.username, DEFAULT_ADMIN_USER);
        assert.equal(parsed.config.readyTimeoutMs, 300_000);
        assert.equal(parsed.config.readyIntervalMs, 5000);
        assert.equal(parsed.config.checkTimeoutMs, 15_000);
        const fromEnv = parseConfig(["--ready-timeout=2m", "--check-timeout", "500ms"], {
            ...env,
            SERVICERADAR_CORE_URL: "http://10.0.0.5:4000",
            SERVICERADAR_ADMIN_USER: "admin@example.com",
        });
        assert.equal(fromEnv.kind, "ok");
        if (fromEnv.kind !== "ok") return;
        assert.equal(fromEnv.config.baseUrl, "http://10.0.0.5:4000");
        assert.equal(fromEnv.config.username, "admin@example.com");
        assert.equal(fromEnv.config.readyTimeoutMs, 120_000);
        assert.equal(fromEnv.config.checkTimeoutMs, 500);
    });

    it("reports one-line errors for missing or bad settings", () => {
        const cases: Array<[string[], Record<string, string>, RegExp]> = [
            [["--url", "https://h"], {}, /SERVICERADAR_ADMIN_PASSWORD is not set/],
            [["--url", "https://h"], { SERVICERADAR_ADMIN_PASSWORD: "" }, /SERVICERADAR_ADMIN_PASSWORD is not set/],
            [[], env, /missing --url/],
            [["--url", "staging.example.com"], env, /not a valid URL/],
            [["--url", "ftp://h"], env, /http:\/\/ or https:\/\//],
            [["--url", "https://u:p@h"], env, /must not contain credentials/],
            [["--url", "https://h", "--ready-timeout", "soon"], env, /--ready-timeout: "soon" is not a duration/],
            [["--url", "https://h", "--bogus", "1"], env, /unknown option --bogus/],
            [["--url"], env, /--url needs a value/],
            [
                ["--url", "https://h", "--report-sha", "abc123"],
                { ...env, GITHUB_TOKEN: "t", GITHUB_REPOSITORY: "o/r" },
                /40-character hex/,
            ],
            [["--url", "https://h", "--report-sha", sha], { ...env, GITHUB_REPOSITORY: "o/r" }, /GITHUB_TOKEN/],
            [["--url", "https://h", "--report-sha", sha], { ...env, GITHUB_TOKEN: "t" }, /--repo/],
            [["--url", "https://h", "--repo", "o/r"], env, /--repo only makes sense with --report-sha/],
        ];
        for (const [argv, vars, pattern] of cases) {
            const parsed = parseConfig(argv, vars);
            assert.equal(parsed.kind, "error", argv.join(" "));
            if (parsed.kind === "error") {
                assert.match(parsed.message, pattern);
                assert.ok(!parsed.message.includes("\n"));
            }
        }
    });

    it("keeps the status target on later config errors so the gate can report them", () => {
        const parsed = parseConfig(["--report-sha", sha.toUpperCase()], {
            GITHUB_TOKEN: "t",
            GITHUB_REPOSITORY: "o/r",
        });
        assert.equal(parsed.kind, "error");
        if (parsed.kind !== "error") return;
        assert.equal(parsed.status?.sha, sha);
        assert.equal(parsed.status?.context, "e2e-tests");
        assert.equal(parsed.status?.apiUrl, "https://api.github.com");
    });

    it("builds status URLs and the Actions run link", () => {
        assert.ok(isValidSha("0123456789abcdef0123456789ABCDEF01234567"));
        assert.ok(!isValidSha("0123456789abcdef"));
        assert.equal(
            defaultTargetUrl({
                GITHUB_SERVER_URL: "https://github.com",
                GITHUB_REPOSITORY: "o/r",
                GITHUB_RUN_ID: "42",
            }),
            "https://github.com/o/r/actions/runs/42",
        );
        assert.equal(defaultTargetUrl({ GITHUB_REPOSITORY: "o/r" }), undefined);
        assert.equal(
            statusUrl({ apiUrl: "https://ghe.example/api/v3/", repo: "o/r", sha, token: "t", context: "c" }),
            `https://ghe.example/api/v3/repos/o/r/statuses/${sha}`,
        );
    });
});
