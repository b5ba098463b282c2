// JUnit XML for CI test-report viewers: one <testcase> per check.

import type { Redactor } from "../lib/cli/redact";
import { CATEGORY_HINT, GateResult } from "./result";
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

/** Milliseconds to seconds with millisecond precision, as JUnit expects (`1.234`). */
export function toSeconds(ms: number): string {
    return (Math.max(0, ms) / 1000).toFixed(3);
}

export interface JUnitOptions {
    suiteName?: string;
    /** ISO-8601 start time of the run. */
    timestamp?: string;
    /** The URL under test, recorded as a suite property. */
    target?: string;
    /** Applied to every text before it is escaped (escaping would hide a secret's `&` from the redactor). */
    redactor: Redactor;
}

export function toJUnitXml(result: GateResult, options: JUnitOptions): string {
    const xml = (text: string): string => escapeXml(options.redactor.redact(text));
    const suite = options.suiteName ?? "serviceradar-e2e";
    const counts = countChecks(result.checks);
    const time = toSeconds(result.durationMs);
    const attrs =
        `name="${xml(suite)}" tests="${counts.total}" failures="${counts.failed}" errors="0" ` +
        `skipped="${counts.skipped}" time="${time}"` +
        (options.timestamp ? ` timestamp="${xml(options.timestamp)}"` : "");
    const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
    lines.push(
        `<testsuites name="${xml(suite)}" tests="${counts.total}" failures="${counts.failed}" errors="0" ` +
            `skipped="${counts.skipped}" time="${time}">`,
    );
    lines.push(`  <testsuite ${attrs}>`);
    if (options.target) {
        lines.push("    <properties>");
        lines.push(`      <property name="target" value="${xml(options.target)}"/>`);
        lines.push("    </properties>");
    }
    for (const check of result.checks) {
        const open = `    <testcase classname="${xml(suite)}" name="${xml(`${check.id}: ${check.name}`)}" time="${toSeconds(check.durationMs)}"`;
        if (check.outcome === "pass") {
            lines.push(`${open}/>`);
            continue;
        }
        lines.push(`${open}>`);
        if (check.outcome === "skip") {
            lines.push(`      <skipped message="${xml(check.message)}"/>`);
        } else {
            const details = [check.message];
            if (check.category) {
                details.push(`category: ${CATEGORY_HINT[check.category]}`);
            }
            if (check.httpStatus !== undefined) {
                details.push(`HTTP ${check.httpStatus}, body: ${check.bodyExcerpt || "(empty)"}`);
            }
            lines.push(
                `      <failure message="${xml(check.message)}" type="${xml(check.category ?? "failure")}">` +
                    `${xml(details.join("\n"))}</failure>`,
            );
        }
        lines.push("    </testcase>");
    }
    lines.push("  </testsuite>");
    lines.push("</testsuites>");
    return `${lines.join("\n")}\n`;
}
