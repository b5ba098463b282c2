// Human-readable report and one-line summaries of a gate run.

import { CATEGORY_HINT, Category, CheckResult, GateResult } from "./result";
import { formatDuration } from "../lib/cli/duration";
import { untrustedText } from "../lib/cli/sanitize";

export interface Counts {
    total: number;
    passed: number;
    failed: number;
    skipped: number;
}

export function countChecks(checks: CheckResult[]): Counts {
    return {
        total: checks.length,
        passed: checks.filter((c) => c.outcome === "pass").length,
        failed: checks.filter((c) => c.outcome === "fail").length,
        skipped: checks.filter((c) => c.outcome === "skip").length,
    };
}

/** Categories implicated by failed checks, in report order, without duplicates. */
export function brokenCategories(checks: CheckResult[]): Category[] {
    const seen: Category[] = [];
    for (const check of checks) {
        if (check.outcome === "fail" && check.category && !seen.includes(check.category)) {
            seen.push(check.category);
        }
    }
    return seen;
}

const LABEL = { pass: "PASS", fail: "FAIL", skip: "SKIP" } as const;

/** The per-check report plus a summary line, as lines of text. */
export function formatReport(result: GateResult, target: string): string[] {
    const idWidth = Math.max(5, ...result.checks.map((c) => c.id.length));
    const timeWidth = Math.max(4, ...result.checks.map((c) => formatDuration(c.durationMs).length));
    const indent = " ".repeat(6 + 2 + idWidth + 2 + timeWidth + 2);
    const lines: string[] = [];
    // One line per check whatever a server put into its message: a line break could forge a PASS line.
    const line = (text: string) => untrustedText(text, 1000);
    lines.push(`ServiceRadar e2e gate report for ${line(target)}`);
    lines.push(`RESULT  ${"CHECK".padEnd(idWidth)}  ${"TIME".padEnd(timeWidth)}  DETAIL`);
    for (const check of result.checks) {
        const time = check.outcome === "skip" ? "-" : formatDuration(check.durationMs);
        lines.push(
            `${LABEL[check.outcome].padEnd(6)}  ${check.id.padEnd(idWidth)}  ${time.padEnd(timeWidth)}  ${line(check.name)}: ${line(check.message)}`,
        );
        if (check.outcome === "fail") {
            if (check.category) {
                lines.push(`${indent}category: ${CATEGORY_HINT[check.category]}`);
            }
            if (check.httpStatus !== undefined) {
                lines.push(
                    `${indent}HTTP ${check.httpStatus}, body: ${check.bodyExcerpt ? line(check.bodyExcerpt) : "(empty)"}`,
                );
            }
        }
    }
    lines.push(summaryLine(result));
    return lines;
}

export function summaryLine(result: GateResult): string {
    const counts = countChecks(result.checks);
    const verdict = result.passed ? "PASSED" : "FAILED";
    const broken = brokenCategories(result.checks);
    const tail = broken.length > 0 ? `; broken: ${broken.join(", ")}` : "";
    return (
        `Summary: ${verdict}: ${counts.passed}/${counts.total} checks passed, ${counts.failed} failed, ` +
        `${counts.skipped} skipped in ${formatDuration(result.durationMs)}${tail}`
    );
}

/** A commit-status description (GitHub allows at most 140 characters). */
export function statusDescription(result: GateResult): string {
    const counts = countChecks(result.checks);
    if (result.passed) {
        return truncate(`${counts.passed}/${counts.total} checks passed in ${formatDuration(result.durationMs)}`, 140);
    }
    const failed = result.checks
        .filter((c) => c.outcome === "fail")
        .map((c) => (c.category ? `${c.id} (${c.category})` : c.id));
    const skipped = result.checks.filter((c) => c.outcome === "skip").map((c) => c.id);
    let text = `${counts.passed}/${counts.total} checks passed; failed: ${failed.join(", ") || "none"}`;
    if (skipped.length > 0) {
        text += `; skipped: ${skipped.join(", ")}`;
    }
    return truncate(text, 140);
}

export function truncate(text: string, max: number): string {
    const chars = Array.from(text);
    if (chars.length <= max) {
        return text;
    }
    return `${chars.slice(0, max - 1).join("")}…`;
}
