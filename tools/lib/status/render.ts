// The status report as text for a terminal, Markdown for $GITHUB_STEP_SUMMARY, or JSON for programs. Every value that
// came from GitHub (titles, subjects, descriptions, links) is printed as one safe line (lib/cli/sanitize.ts); in
// Markdown it is also escaped, so a pull request title cannot add links, images or HTML to the summary.

import { formatDuration } from "../../../lib/cli/duration";
import { jsonOutput, markdownText, untrustedText } from "../../../lib/cli/sanitize";
import { EnvironmentStatus, Gate, HydratedRelease, StatusReport, isoTime } from "./report";

/** One value from GitHub, made one safe line. */
function safe(text: string, max = 160): string {
    return untrustedText(text, max);
}

/** The first 12 characters of a commit; every caller has one (a branch head, a pull request's head, a DRY commit). */
function shortSha(sha: string): string {
    return safe(sha, 40).slice(0, 12);
}

/**
 * `2025-06-01T09:12:00Z (3h05m ago)`, rewritten from the parsed time (so it holds no text from GitHub); ages are shown
 * to the minute.
 */
function when(iso: string, report: StatusReport): string {
    const at = Date.parse(iso);
    if (!Number.isFinite(at)) return "unknown time";
    const minutes = Math.floor(Math.max(0, Date.parse(report.generatedAt) - at) / 60_000);
    const stamp = isoTime(new Date(at));
    return `${stamp} (${minutes === 0 ? "just now" : `${formatDuration(minutes * 60_000)} ago`})`;
}

/** `ServiceRadar 1.2.27 (chart 1.2.27, images v1.2.27)`, from the hydrated files themselves. */
function releaseLine(release: Extract<HydratedRelease, { hydrated: true }>): string {
    const pins = [
        `chart ${release.chartVersion === undefined ? "?" : safe(release.chartVersion, 40)}`,
        `images ${release.imageTag === undefined ? "?" : safe(release.imageTag, 60)}`,
    ].join(", ");
    return `ServiceRadar ${release.version === undefined ? "?" : safe(release.version, 40)} (${pins})`;
}

/** Who merges a promotion into this environment (autoMergeEnvironments). */
function whoMerges(status: EnvironmentStatus): string {
    return status.autoMerge ? "GitOps Promoter, once the checks pass (auto-merge)" : "a person";
}

// ---- text -----------------------------------------------------------------------------------------------------

function releaseText(
    label: string,
    release: HydratedRelease,
    running: HydratedRelease | undefined,
    report: StatusReport,
): string[] {
    const head = `  ${label.padEnd(9)} `;
    const indent = " ".repeat(head.length);
    if (!release.hydrated) return [`${head}never hydrated (${safe(release.reason)})`];
    if (running?.hydrated && running.sha === release.sha) return [`${head}same commit as running`];
    const lines = [`${head}${releaseLine(release)}`];
    lines.push(
        `${indent}${release.branch} @ ${shortSha(release.sha)}` +
            (release.committedAt ? `, committed ${when(release.committedAt, report)}` : "") +
            (release.drySha ? `, DRY commit ${shortSha(release.drySha)}` : ""),
    );
    if (release.subject) lines.push(`${indent}"${safe(release.subject)}"`);
    for (const problem of release.problems) lines.push(`${indent}note: ${safe(problem)}`);
    return lines;
}

function gateText(gate: Gate, indent: string): string {
    const parts = [`${safe(gate.state, 20).padEnd(15)} ${safe(gate.name, 80)} (${gate.source})`];
    if (gate.description) parts.push(safe(gate.description, 120));
    if (gate.url) parts.push(safe(gate.url, 200));
    return `${indent}${parts.join("  ")}`;
}

function environmentText(status: EnvironmentStatus, report: StatusReport): string[] {
    const lines = [`${status.environment}: promotions merged by ${whoMerges(status)}`];
    lines.push(...releaseText("running", status.running, undefined, report));
    lines.push(...releaseText("proposed", status.proposed, status.running, report));
    if (status.running.hydrated) {
        lines.push("  gates on the running commit:");
        lines.push(
            ...(status.gates.length === 0 ? ["    none reported"] : status.gates.map((gate) => gateText(gate, "    "))),
        );
    }
    const pull = status.promotion;
    if (pull === undefined) {
        lines.push("  promotion pull request: none open");
    } else {
        lines.push(`  promotion pull request #${pull.number}${pull.draft ? " (draft)" : ""}: ${safe(pull.title)}`);
        lines.push(`    ${safe(pull.url, 200)}`);
        const reviewers = pull.requestedReviewers.map((name) => safe(name, 60)).join(", ");
        lines.push(`    merged by: ${whoMerges(status)}${reviewers ? `; review requested from ${reviewers}` : ""}`);
        lines.push(`    checks on ${shortSha(pull.headSha)}:`);
        lines.push(
            ...(pull.checks.length === 0
                ? ["      none reported"]
                : pull.checks.map((gate) => gateText(gate, "      "))),
        );
    }
    lines.push("  last promotions:");
    if (status.history.length === 0) lines.push("    none");
    for (const promotion of status.history) {
        lines.push(`    ${when(promotion.mergedAt, report)}  #${promotion.number} ${safe(promotion.title)}`);
        lines.push(`      ${safe(promotion.url, 200)}`);
    }
    lines.push(`  held back by: ${status.heldBackBy.length === 0 ? "nothing" : ""}`.trimEnd());
    for (const reason of status.heldBackBy) lines.push(`    - ${safe(reason, 300)}`);
    return lines;
}

export function renderText(report: StatusReport): string {
    const lines = [`Release status of ${report.repo} at ${report.generatedAt}`, ""];
    for (const status of report.environments) lines.push(...environmentText(status, report), "");
    return lines.join("\n").trimEnd();
}

// ---- markdown ---------------------------------------------------------------------------------------------------

/**
 * Text from GitHub as literal Markdown: one safe line, every mark that could start markup escaped (`:` and `@` too, so
 * no address becomes a link and no name a mention).
 */
function md(text: string, max = 160): string {
    return markdownText(text, max);
}

/** A link only to an http(s) address; anything else is shown as escaped text. */
function mdLink(label: string, url: string | undefined): string {
    if (url === undefined) return label;
    let parsed: URL;
    try {
        parsed = new URL(url);
    } catch {
        return `${label} (${md(url, 120)})`;
    }
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return `${label} (${md(url, 120)})`;
    const href = parsed.href.replace(/[()<>\s]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
    return `[${label}](${href})`;
}

function mdRelease(release: HydratedRelease, running?: HydratedRelease): string {
    if (!release.hydrated) return `never hydrated (${md(release.reason)})`;
    if (running?.hydrated && running.sha === release.sha) return "same commit as running";
    const commit = mdLink(`\`${shortSha(release.sha)}\``, release.url);
    const notes = release.problems.map((problem) => `; note: ${md(problem)}`).join("");
    return `${md(releaseLine(release))} at ${commit}${notes}`;
}

const OUTCOME_MARK = { passing: "✅", failing: "❌", pending: "⏳" } as const;

function mdGates(gates: readonly Gate[]): string[] {
    if (gates.length === 0) return ["none reported", ""];
    const rows = gates.map(
        (gate) =>
            `| ${OUTCOME_MARK[gate.outcome]} ${md(gate.state, 20)} | ${mdLink(md(gate.name, 80), gate.url)} | ` +
            `${gate.source} | ${gate.description ? md(gate.description, 120) : ""} |`,
    );
    return ["| state | name | kind | description |", "| --- | --- | --- | --- |", ...rows, ""];
}

function environmentMarkdown(status: EnvironmentStatus, report: StatusReport): string[] {
    const lines = [`### ${status.environment}`, ""];
    lines.push(`- **Running:** ${mdRelease(status.running)}`);
    lines.push(`- **Proposed:** ${mdRelease(status.proposed, status.running)}`);
    const pull = status.promotion;
    if (pull === undefined) {
        lines.push("- **Promotion pull request:** none open");
    } else {
        const reviewers = pull.requestedReviewers.map((name) => md(name, 60)).join(", ");
        lines.push(
            `- **Promotion pull request:** ${mdLink(`#${pull.number}`, pull.url)} ${md(pull.title)}` +
                `${pull.draft ? " (draft)" : ""}; merged by ${whoMerges(status)}` +
                `${reviewers ? `; review requested from ${reviewers}` : ""}`,
        );
    }
    lines.push(
        `- **Held back by:** ${status.heldBackBy.length === 0 ? "nothing" : status.heldBackBy.map((reason) => md(reason, 300)).join("; ")}`,
        "",
    );
    if (status.running.hydrated) lines.push("Gates on the running commit:", "", ...mdGates(status.gates));
    if (pull !== undefined) lines.push(`Checks of pull request #${pull.number}:`, "", ...mdGates(pull.checks));
    lines.push("Last promotions:", "");
    if (status.history.length === 0) lines.push("none");
    for (const promotion of status.history) {
        lines.push(
            `- ${when(promotion.mergedAt, report)} ${mdLink(`#${promotion.number}`, promotion.url)} ${md(promotion.title)}`,
        );
    }
    lines.push("");
    return lines;
}

function summaryRow(status: EnvironmentStatus): string {
    const running = status.running.hydrated ? md(releaseLine(status.running)) : "never hydrated";
    const proposed = mdRelease(status.proposed, status.running).replace(/ at .*$/, "");
    const failing = status.gates.filter((gate) => gate.outcome !== "passing").length;
    const gates = status.running.hydrated ? (failing === 0 ? "✅ all passing" : `❌ ${failing} not passing`) : "";
    const held = status.heldBackBy.length === 0 ? "nothing" : `${status.heldBackBy.length} reason(s), see below`;
    return `| ${status.environment} | ${running} | ${proposed} | ${gates} | ${held} |`;
}

export function renderMarkdown(report: StatusReport): string {
    const lines = [
        `## Where every release stands: ${md(report.repo, 140)}`,
        "",
        `Read from GitHub at ${report.generatedAt}, environments in promotion order.`,
        "",
        "| environment | running | proposed | gates | held back by |",
        "| --- | --- | --- | --- | --- |",
        ...report.environments.map(summaryRow),
        "",
    ];
    for (const status of report.environments) lines.push(...environmentMarkdown(status, report));
    return lines.join("\n").trimEnd();
}

export function renderJson(report: StatusReport): string {
    return jsonOutput(report, 2);
}
