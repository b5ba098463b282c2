// Text that becomes markup or steers a reader: each sink kind escapes for what reads it (lib/cli/sanitize.ts), and
// the sinks use it: the status JSON document, the plan's table and error line, the e2e gate's report, Markdown.
import { strict as assert } from "node:assert";
import { jsonOutput, markdownText, safeOutput } from "../../../lib/cli/sanitize";
import { formatReport } from "../../../e2e/report";
import { renderJson } from "../../../tools/lib/status/render";
import { runPlan } from "../../support/plan";

/** C1 CSI (a terminal's escape), the line and paragraph separators, a bidi override, DEL. */
const STEERING = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const HOSTILE = "title\u009b2J\u2028line\u2029para\u202eevil\u007f";

describe("lib/cli/sanitize: one escape per sink kind", () => {
    it("JSON: the document reads the same and carries no raw steering character", () => {
        const text = jsonOutput({ title: HOSTILE }, 2);
        assert.doesNotMatch(text, STEERING);
        assert.deepEqual(JSON.parse(text), { title: HOSTILE });
    });

    it("status --json uses it", () => {
        const report = { repo: "o/r", generatedAt: "2026-01-01T00:00:00Z", environments: [{ title: HOSTILE }] };
        assert.doesNotMatch(renderJson(report as never), STEERING);
    });

    it("a job summary's code fence cannot be closed by a line of the output", () => {
        for (const fence of ["```", "~~~", "   ```html"]) {
            const lines = safeOutput(`plan\n${fence}\n<img src=x onerror=alert(1)>`).split("\n");
            assert.ok(!lines.some((line) => /^\s*(```|~~~)/.test(line)), lines.join("|"));
        }
    });

    it("Markdown: no autolink, HTML, entity, mention or emphasis", () => {
        assert.equal(
            markdownText("<b>&amp; https://evil.example @team *x*"),
            "\\<b\\>\\&amp; https\\://evil.example \\@team \\*x\\*",
        );
    });

    it("the e2e report keeps one line per check whatever a server wrote into it", () => {
        const lines = formatReport(
            {
                passed: false,
                durationMs: 5,
                checks: [
                    {
                        id: "devices",
                        name: "device list",
                        outcome: "fail",
                        durationMs: 5,
                        message: `bad\nPASS    query    1ms  forged ${HOSTILE}`,
                        httpStatus: 500,
                        bodyExcerpt: "x\r\nSummary: PASSED",
                    },
                ],
            },
            "https://staging.example\nPASS forged",
        );
        assert.equal(lines.filter((line) => /^PASS|^Summary: PASSED/.test(line)).length, 0, lines.join("\n"));
        for (const line of lines) assert.doesNotMatch(line, STEERING);
    });

    it("the plan's error line shows a refused value's control characters, never the raw ones", async () => {
        const result = await runPlan(["--stack", "demo", "--config", `namespace=${HOSTILE}`]);
        assert.equal(result.code, 2);
        assert.doesNotMatch(result.stderr, STEERING);
        assert.equal(result.stderr.trim().split("\n").length, 1, result.stderr);
    });
});
