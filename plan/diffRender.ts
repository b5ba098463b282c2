// A plan diff as text for a terminal or Markdown for a pull-request comment (the JSON form is the PlanDiff itself).
// Values come from two `--json` plans, so secrets are already `[secret]`; in Markdown every value is escaped, so a
// stack-file value cannot add links, images or HTML to the comment.

import { markdownText, untrustedText } from "../lib/cli/sanitize";
import type { ChangedResource, FieldChange, PlanDiff, ResourceRef } from "./diff";
import { isEmptyDiff } from "./diff";
import type { PolicyViolation } from "./render";

const VALUE_MAX = 160;

/** A field value on one line: multi-line text (a hydrated file) is summarised; its lines are in the file diff. */
function shown(value: unknown): string {
    if (value === undefined) return "(absent)";
    if (typeof value === "string" && value.includes("\n")) return `(text, ${value.split("\n").length} lines)`;
    return untrustedText(JSON.stringify(value), VALUE_MAX);
}

function fieldLine(field: FieldChange): string {
    if (!("before" in field)) return `+ ${field.path}: ${shown(field.after)}`;
    if (!("after" in field)) return `- ${field.path}: ${shown(field.before)}`;
    return `~ ${field.path}: ${shown(field.before)} => ${shown(field.after)}`;
}

export function diffSummary(diff: PlanDiff): string {
    return (
        `${diff.added.length} to add, ${diff.changed.length} to change, ${diff.replaced.length} to replace, ` +
        `${diff.deleted.length} to delete`
    );
}

function against(diff: PlanDiff): string {
    const commit = diff.commit ? ` (${diff.commit.slice(0, 12)})` : "";
    return `${diff.ref}${commit}`;
}

function protectionNotes(resource: { protect: boolean; retainOnDelete?: boolean }, what: string): string {
    const notes = [];
    if (resource.protect) notes.push(`protected: pulumi up refuses to ${what} it until it is unprotected`);
    if (resource.retainOnDelete) notes.push("retained on delete: dropped from the state, the live object stays");
    return notes.length > 0 ? `  [${notes.join("; ")}]` : "";
}

function violationLine(v: PolicyViolation): string {
    return `[${v.level}] ${v.policy}${v.resource ? ` (${v.resource})` : ""}: ${untrustedText(v.message, 400)}`;
}

/** The policy findings this change introduces and resolves, each section only when it has any. */
function violationSections(diff: PlanDiff): Array<[string, PolicyViolation[]]> {
    const { introduced, resolved } = diff.policyViolations;
    return (
        [
            ["Policy violations introduced", introduced],
            ["Policy violations resolved", resolved],
        ] as Array<[string, PolicyViolation[]]>
    ).filter(([, list]) => list.length > 0);
}

const resourceLabel = (r: ResourceRef) => `${r.type}  ${r.name}`;

export function diffText(diff: PlanDiff): string {
    const lines = [
        `Plan diff of stack ${diff.stack} against ${against(diff)}: ${diffSummary(diff)}.`,
        ...(diff.stackAtRef ? [] : [`The stack ${diff.stack} does not exist at ${diff.ref}: everything is added.`]),
    ];
    if (isEmptyDiff(diff) && diff.hydratedFiles.length === 0) lines.push("No changes.");
    if (diff.added.length > 0) lines.push("", "Added:", ...diff.added.map((r) => ` +   ${resourceLabel(r)}`));
    const changed = (marker: string, resources: ChangedResource[], why: (r: ChangedResource) => string) =>
        resources.flatMap((r) => [
            ` ${marker}  ${resourceLabel(r)}${why(r)}`,
            ...r.fields.map((field) => `       ${fieldLine(field)}`),
        ]);
    if (diff.changed.length > 0) lines.push("", "Changed (in place):", ...changed("~ ", diff.changed, () => ""));
    if (diff.replaced.length + diff.deleted.length > 0) {
        lines.push(
            "",
            "Deletions and replacements:",
            ...diff.deleted.map((r) => ` -   ${resourceLabel(r)}  deleted${protectionNotes(r, "delete")}`),
            ...changed(
                "+-",
                diff.replaced,
                (r) =>
                    `  replaced (deleted, then created) because ${r.replacedBecause.join(", ")} changed` +
                    protectionNotes(r, "replace"),
            ),
        );
    }
    if (diff.outputs.length > 0) lines.push("", "Outputs:", ...diff.outputs.map((f) => `    ${fieldLine(f)}`));
    if (diff.hydratedFiles.length > 0) {
        lines.push("", "Hydrated files (environment branches):", ...diff.hydratedFiles.map((f) => f.patch.trimEnd()));
    }
    for (const [title, list] of violationSections(diff)) {
        lines.push("", `${title}:`, ...list.map((v) => `    ${violationLine(v)}`));
    }
    return lines.join("\n");
}

/** Inline code that no value can break out of: pipes escaped for tables, the fence longer than any backtick run. */
function code(text: string): string {
    const flat = untrustedText(text, VALUE_MAX).replace(/\|/g, "\\|");
    const fence = "`".repeat(Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length)) + 1);
    return `${fence} ${flat} ${fence}`;
}

/** A fenced block no content can close early. */
function fenced(language: string, text: string): string[] {
    const fence = "`".repeat(Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length)) + 1);
    return [`${fence}${language}`, text.trimEnd(), fence];
}

/** The before and after cells of a changed field in a Markdown table. */
function valueCells(field: FieldChange): string {
    const cell = (side: "before" | "after") => (side in field ? code(shown(field[side])) : "(absent)");
    return `${cell("before")} | ${cell("after")}`;
}

/** The protection notes as Markdown, set off from what precedes them by one space (markdownText trims its own). */
function markdownNotes(resource: { protect: boolean; retainOnDelete?: boolean }, what: string, max?: number): string {
    const notes = protectionNotes(resource, what);
    return notes === "" ? "" : ` ${markdownText(notes, max)}`;
}

function fieldRow(resource: ResourceRef, field: FieldChange): string {
    return `| ${code(resource.name)} | ${code(field.path)} | ${valueCells(field)} |`;
}

export function diffMarkdown(diff: PlanDiff): string {
    const lines = [
        `#### ${markdownText(diff.stack)}: ${diffSummary(diff)} (against ${code(against(diff))})`,
        "",
        ...(diff.stackAtRef ? [] : [`The stack does not exist at ${code(diff.ref)}: everything is added.`, ""]),
    ];
    if (isEmptyDiff(diff) && diff.hydratedFiles.length === 0) lines.push("No changes.", "");
    if (diff.added.length > 0) {
        lines.push("**Added**", "", "| type | name |", "| --- | --- |");
        lines.push(...diff.added.map((r) => `| ${code(r.type)} | ${code(r.name)} |`), "");
    }
    const changes = [...diff.changed, ...diff.replaced];
    if (changes.length > 0) {
        lines.push("**Changed**", "", "| resource | field | before | after |", "| --- | --- | --- | --- |");
        lines.push(...changes.flatMap((r) => r.fields.map((field) => fieldRow(r, field))), "");
    }
    if (diff.replaced.length + diff.deleted.length > 0) {
        lines.push("**Deletions and replacements**", "");
        lines.push(...diff.deleted.map((r) => `- deleted: ${code(resourceLabel(r))}${markdownNotes(r, "delete")}`));
        lines.push(
            ...diff.replaced.map(
                (r) =>
                    `- replaced: ${code(resourceLabel(r))} because ${r.replacedBecause.map(code).join(", ")} changed` +
                    markdownNotes(r, "replace", 400),
            ),
            "",
        );
    }
    if (diff.outputs.length > 0) {
        lines.push("**Outputs**", "", "| output | before | after |", "| --- | --- | --- |");
        lines.push(...diff.outputs.map((f) => `| ${code(f.path)} | ${valueCells(f)} |`), "");
    }
    if (diff.hydratedFiles.length > 0) {
        lines.push("**Hydrated files**", "", ...fenced("diff", diff.hydratedFiles.map((f) => f.patch).join("")), "");
    }
    for (const [title, list] of violationSections(diff)) {
        lines.push(`**${title}**`, "", ...list.map((v) => `- ${markdownText(violationLine(v), 600)}`), "");
    }
    return lines.join("\n").trimEnd();
}
