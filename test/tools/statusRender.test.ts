// The status report's renderers (tools/lib/status/render.ts) called in-process on hand-built reports: the whole text
// and Markdown a person reads, line for line, for every shape an environment can take (never hydrated, the proposed
// commit the same as the running one, gates and checks with and without descriptions and links, a promotion pull
// request or none, history with an unreadable time, reasons to hold back). Also the status settings' one refusal.

import { strict as assert } from "node:assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { StackFileError } from "../../config/stackFile";
import { renderJson, renderMarkdown, renderText } from "../../tools/lib/status/render";
import type { EnvironmentStatus, StatusReport } from "../../tools/lib/status/report";
import { readStatusSettings } from "../../tools/lib/status/settings";

const GENERATED_AT = "2025-06-01T12:17:00Z";
const RUNNING_SHA = "0123456789abcdef0123456789abcdef01234567";
const PROPOSED_SHA = "fedcba9876543210fedcba9876543210fedcba98";

/** demo-staging: everything known, gates of every kind, a draft promotion with reviewers, two past promotions. */
const STAGING: EnvironmentStatus = {
    environment: "demo-staging",
    autoMerge: true,
    running: {
        branch: "environment/demo-staging",
        hydrated: true,
        sha: RUNNING_SHA,
        committedAt: "2025-06-01T09:12:00Z",
        url: "https://github.com/o/r/commit/0123456789ab",
        drySha: "aaaaaaaaaaaabbbbbbbbbbbbbbbbbbbbbbbbbbbb",
        subject: "Promote 1.2.27",
        version: "1.2.27",
        chartVersion: "1.2.26",
        imageTag: "v1.2.27",
        problems: ["values-release.yaml: no global.imageTag", "Chart.yaml: no dependencies"],
    },
    proposed: {
        branch: "environment/demo-staging-next",
        hydrated: true,
        sha: PROPOSED_SHA,
        problems: [],
    },
    gates: [
        {
            name: "e2e",
            source: "check run",
            state: "success",
            outcome: "passing",
            description: "all green",
            url: "https://ci.example/run (1)",
        },
        {
            name: "smoke",
            source: "commit status",
            state: "failure",
            outcome: "failing",
            url: "http://ci.example/smoke",
        },
        { name: "soak", source: "check run", state: "in_progress", outcome: "pending", url: "ftp://ci.example/soak" },
    ],
    promotion: {
        number: 42,
        title: "Promote to demo-staging",
        url: "https://github.com/o/r/pull/42",
        headSha: PROPOSED_SHA,
        draft: true,
        autoMerge: true,
        requestedReviewers: ["alice", "bob"],
        checks: [],
    },
    history: [
        {
            number: 41,
            title: "Promote 1.2.26",
            url: "https://github.com/o/r/pull/41",
            mergedAt: "2025-06-01T12:17:30Z",
        },
        { number: 40, title: "Promote 1.2.25", url: "not a url", mergedAt: "yesterday" },
    ],
    heldBackBy: [],
};

/** demo: neither branch hydrated, no promotion, no history, held back twice. */
const DEMO: EnvironmentStatus = {
    environment: "demo",
    autoMerge: false,
    running: { branch: "environment/demo", hydrated: false, reason: "branch environment/demo does not exist" },
    proposed: { branch: "environment/demo-next", hydrated: false, reason: "no hydrator.metadata" },
    gates: [],
    history: [],
    heldBackBy: ["demo-staging's gate smoke is failing", "the promotion is a draft"],
};

/** prod: the proposed commit is the running one; no gates; a ready promotion without reviewers, one check. */
const PROD: EnvironmentStatus = {
    environment: "prod",
    autoMerge: false,
    running: { branch: "environment/prod", hydrated: true, sha: RUNNING_SHA, problems: [] },
    proposed: { branch: "environment/prod-next", hydrated: true, sha: RUNNING_SHA, problems: [] },
    gates: [],
    promotion: {
        number: 7,
        title: "Promote to prod",
        url: "https://github.com/o/r/pull/7",
        headSha: RUNNING_SHA,
        draft: false,
        autoMerge: false,
        requestedReviewers: [],
        checks: [{ name: "lint", source: "check run", state: "queued", outcome: "pending" }],
    },
    history: [],
    heldBackBy: [],
};

const REPORT: StatusReport = { repo: "o/r", generatedAt: GENERATED_AT, environments: [STAGING, DEMO, PROD] };

describe("status rendering (tools/lib/status/render.ts)", function () {
    it("the text shows per environment who merges, both releases, gates, the promotion, history and what holds it back", function () {
        assert.equal(
            renderText(REPORT),
            [
                "Release status of o/r at 2025-06-01T12:17:00Z",
                "",
                "demo-staging: promotions merged by GitOps Promoter, once the checks pass (auto-merge)",
                "  running   ServiceRadar 1.2.27 (chart 1.2.26, images v1.2.27)",
                "            environment/demo-staging @ 0123456789ab, committed 2025-06-01T09:12:00Z (3h05m ago), DRY commit aaaaaaaaaaaa",
                '            "Promote 1.2.27"',
                "            note: values-release.yaml: no global.imageTag",
                "            note: Chart.yaml: no dependencies",
                "  proposed  ServiceRadar ? (chart ?, images ?)",
                "            environment/demo-staging-next @ fedcba987654",
                "  gates on the running commit:",
                "    success         e2e (check run)  all green  https://ci.example/run (1)",
                "    failure         smoke (commit status)  http://ci.example/smoke",
                "    in_progress     soak (check run)  ftp://ci.example/soak",
                "  promotion pull request #42 (draft): Promote to demo-staging",
                "    https://github.com/o/r/pull/42",
                "    merged by: GitOps Promoter, once the checks pass (auto-merge); review requested from alice, bob",
                "    checks on fedcba987654:",
                "      none reported",
                "  last promotions:",
                "    2025-06-01T12:17:30Z (just now)  #41 Promote 1.2.26",
                "      https://github.com/o/r/pull/41",
                "    unknown time  #40 Promote 1.2.25",
                "      not a url",
                "  held back by: nothing",
                "",
                "demo: promotions merged by a person",
                "  running   never hydrated (branch environment/demo does not exist)",
                "  proposed  never hydrated (no hydrator.metadata)",
                "  promotion pull request: none open",
                "  last promotions:",
                "    none",
                "  held back by:",
                "    - demo-staging's gate smoke is failing",
                "    - the promotion is a draft",
                "",
                "prod: promotions merged by a person",
                "  running   ServiceRadar ? (chart ?, images ?)",
                "            environment/prod @ 0123456789ab",
                "  proposed  same commit as running",
                "  gates on the running commit:",
                "    none reported",
                "  promotion pull request #7: Promote to prod",
                "    https://github.com/o/r/pull/7",
                "    merged by: a person",
                "    checks on 0123456789ab:",
                "      queued          lint (check run)",
                "  last promotions:",
                "    none",
                "  held back by: nothing",
            ].join("\n"),
        );
    });

    it("the Markdown is a table of the environments, then each one's details; only http(s) addresses become links", function () {
        assert.equal(
            renderMarkdown(REPORT),
            [
                "## Where every release stands: o/r",
                "",
                "Read from GitHub at 2025-06-01T12:17:00Z, environments in promotion order.",
                "",
                "| environment | running | proposed | gates | held back by |",
                "| --- | --- | --- | --- | --- |",
                "| demo-staging | ServiceRadar 1.2.27 \\(chart 1.2.26, images v1.2.27\\) | ServiceRadar ? \\(chart ?, images ?\\) | ❌ 2 not passing | nothing |",
                "| demo | never hydrated | never hydrated (no hydrator.metadata) |  | 2 reason(s), see below |",
                "| prod | ServiceRadar ? \\(chart ?, images ?\\) | same commit as running | ✅ all passing | nothing |",
                "",
                "### demo-staging",
                "",
                "- **Running:** ServiceRadar 1.2.27 \\(chart 1.2.26, images v1.2.27\\) at [`0123456789ab`](https://github.com/o/r/commit/0123456789ab); note: values-release.yaml\\: no global.imageTag; note: Chart.yaml\\: no dependencies",
                "- **Proposed:** ServiceRadar ? \\(chart ?, images ?\\) at `fedcba987654`",
                "- **Promotion pull request:** [#42](https://github.com/o/r/pull/42) Promote to demo-staging (draft); merged by GitOps Promoter, once the checks pass (auto-merge); review requested from alice, bob",
                "- **Held back by:** nothing",
                "",
                "Gates on the running commit:",
                "",
                "| state | name | kind | description |",
                "| --- | --- | --- | --- |",
                "| ✅ success | [e2e](https://ci.example/run%20%281%29) | check run | all green |",
                "| ❌ failure | [smoke](http://ci.example/smoke) | commit status |  |",
                "| ⏳ in\\_progress | soak (ftp\\://ci.example/soak) | check run |  |",
                "",
                "Checks of pull request #42:",
                "",
                "none reported",
                "",
                "Last promotions:",
                "",
                "- 2025-06-01T12:17:30Z (just now) [#41](https://github.com/o/r/pull/41) Promote 1.2.26",
                "- unknown time #40 (not a url) Promote 1.2.25",
                "",
                "### demo",
                "",
                "- **Running:** never hydrated (branch environment/demo does not exist)",
                "- **Proposed:** never hydrated (no hydrator.metadata)",
                "- **Promotion pull request:** none open",
                "- **Held back by:** demo-staging's gate smoke is failing; the promotion is a draft",
                "",
                "Last promotions:",
                "",
                "none",
                "",
                "### prod",
                "",
                "- **Running:** ServiceRadar ? \\(chart ?, images ?\\) at `0123456789ab`",
                "- **Proposed:** same commit as running",
                "- **Promotion pull request:** [#7](https://github.com/o/r/pull/7) Promote to prod; merged by a person",
                "- **Held back by:** nothing",
                "",
                "Gates on the running commit:",
                "",
                "none reported",
                "",
                "Checks of pull request #7:",
                "",
                "| state | name | kind | description |",
                "| --- | --- | --- | --- |",
                "| ⏳ queued | lint | check run |  |",
                "",
                "Last promotions:",
                "",
                "none",
            ].join("\n"),
        );
    });

    it("a report without environments is its heading alone, in either form", function () {
        const empty: StatusReport = { repo: "o/r", generatedAt: GENERATED_AT, environments: [] };
        assert.equal(renderText(empty), "Release status of o/r at 2025-06-01T12:17:00Z");
        assert.equal(
            renderMarkdown(empty),
            [
                "## Where every release stands: o/r",
                "",
                "Read from GitHub at 2025-06-01T12:17:00Z, environments in promotion order.",
                "",
                "| environment | running | proposed | gates | held back by |",
                "| --- | --- | --- | --- | --- |",
            ].join("\n"),
        );
        assert.equal(
            renderJson(empty),
            '{\n  "repo": "o/r",\n  "generatedAt": "2025-06-01T12:17:00Z",\n  "environments": []\n}',
        );
    });
});

describe("status settings (tools/lib/status/settings.ts)", function () {
    it("a Pulumi.yaml without a pipelineStack default is refused with one line saying so", function () {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), "status-settings-"));
        try {
            fs.writeFileSync(
                path.join(root, "Pulumi.yaml"),
                "name: serviceradar-release\nruntime: nodejs\nconfig: {}\n",
            );
            assert.throws(
                () => readStatusSettings(root),
                (err: unknown) =>
                    err instanceof StackFileError &&
                    err.message === "Pulumi.yaml declares no default for pipelineStack",
            );
        } finally {
            fs.rmSync(root, { recursive: true, force: true });
        }
    });
});
