// JUnit XML for CI test-report viewers: one <testcase> per check.

import { CATEGORY_HINT, GateResult } from "./checks";
import { toSeconds } from "./duration";
import { countChecks } from "./report";

/** Escapes text for XML content and attribute values, dropping characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
    return text
        .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/"/g, "&quot;")
        .replace(/'/g, "&apos;");
}

export interface JUnitOptions {
    suiteName?: string;
    /** ISO-8601 start time of the run. */
    timestamp?: string;
    /** The URL under test, recorded as a suite property. */
    target?: string;
}

export function toJUnitXml(result: GateResult, options: JUnitOptions = {}): string {
    const suite = options.suiteName ?? "serviceradar-e2e";
    const counts = countChecks(result.checks);
    const time = toSeconds(result.durationMs);
    const attrs =
        `name="${escapeXml(suite)}" tests="${counts.total}" failures="${counts.failed}" errors="0" ` +
        `skipped="${counts.skipped}" time="${time}"` +
        (options.timestamp ? ` timestamp="${escapeXml(options.timestamp)}"` : "");
    const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
    lines.push(
        `<testsuites name="${escapeXml(suite)}" tests="${counts.total}" failures="${counts.failed}" errors="0" ` +
            `skipped="${counts.skipped}" time="${time}">`,
    );
    lines.push(`  <testsuite ${attrs}>`);
    if (options.target) {
        lines.push("    <properties>");
        lines.push(`      <property name="target" value="${escapeXml(options.target)}"/>`);
        lines.push("    </properties>");
    }
    for (const check of result.checks) {
        const open = `    <testcase classname="${escapeXml(suite)}" name="${escapeXml(`${check.id}: ${check.name}`)}" time="${toSeconds(check.durationMs)}"`;
        if (check.outcome === "pass") {
            lines.push(`${open}/>`);
            continue;
        }
        lines.push(`${open}>`);
        if (check.outcome === "skip") {
            lines.push(`      <skipped message="${escapeXml(check.message)}"/>`);
        } else {
            const details = [check.message];
            if (check.category) {
                details.push(`category: ${CATEGORY_HINT[check.category]}`);
            }
            if (check.httpStatus !== undefined) {
                details.push(`HTTP ${check.httpStatus}, body: ${check.bodyExcerpt || "(empty)"}`);
            }
            lines.push(
                `      <failure message="${escapeXml(check.message)}" type="${escapeXml(check.category ?? "failure")}">` +
                    `${escapeXml(details.join("\n"))}</failure>`,
            );
        }
        lines.push("    </testcase>");
    }
    lines.push("  </testsuite>");
    lines.push("</testsuites>");
    return `${lines.join("\n")}\n`;
}
