// Text the program did not write (API and GitHub answers, error causes) must not steer whoever reads the output: a
// terminal (escape sequences), a GitHub Actions runner (`::command::` and `##[command]` lines) or a person or script
// reading the result lines. It is therefore printed on one line, with control characters made visible, a line
// start that a runner would read as a command defused, and a bounded length.

import type { Redactor } from "./redact";

/** Default length of one piece of untrusted text in a message. */
export const UNTRUSTED_MAX_CHARS = 300;

/**
 * Characters that move the cursor, end a line or reorder text: C0 and C1 controls, DEL, the Unicode line and paragraph
 * separators and the bidirectional overrides (which can make a line read differently from what it contains).
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
/** Line starts the Actions runner executes (it trims leading whitespace first). */
const WORKFLOW_COMMAND = /^(\s*)(::|##\[)/;
/** Marks a defused line start; visible, so the reader sees the text was quoted. */
const DEFUSED = "[quoted] ";

function visible(char: string): string {
    const code = char.codePointAt(0) ?? 0;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

function defuse(line: string): string {
    return WORKFLOW_COMMAND.test(line) ? `${DEFUSED}${line.trimStart()}` : line;
}

/** Cuts at `max` characters (code points, so no surrogate pair is split) and says how much was left out. */
export function bounded(text: string, max: number): string {
    const chars = Array.from(text);
    return chars.length <= max ? text : `${chars.slice(0, max).join("")}… (+${chars.length - max} chars)`;
}

/**
 * Untrusted text as one printable line: runs of whitespace (line breaks included) become one space, so the text can
 * never start a line of its own; other control characters are shown as `\xNN`; a start that reads as a workflow
 * command is defused; the result is at most `max` characters (plus the note saying how many were cut).
 */
export function untrustedText(text: string, max = UNTRUSTED_MAX_CHARS): string {
    const flat = text
        .replace(/[\t\n\v\f\r \u0085\u2028\u2029]+/g, " ")
        .replace(CONTROL, visible)
        .trim();
    return defuse(bounded(flat, max));
}

/**
 * Untrusted text as one safe line with Markdown's punctuation escaped, so in a job summary or a pull-request comment it
 * cannot add links, images, headings or HTML.
 */
export function escapeMarkdown(text: string, max = 160): string {
    return untrustedText(text, max).replace(/[\\`*_{}[\]()<>#!|~&@:]/g, (char) => `\\${char}`);
}

/**
 * A short excerpt of a response body: redacted first (so a secret is never cut in half and half-leaked), then made
 * one safe line of at most `max` characters.
 */
export function excerpt(body: string, redactor: Redactor, max = 200): string {
    return untrustedText(redactor.redact(body), max);
}

/**
 * The first control character in a text other than tabs and line breaks (which collapse into spaces), if any: for
 * input that is stored as one line of a file, e.g. a reason written into a YAML comment.
 */
export function controlCharacterIn(text: string): string | undefined {
    for (const [char] of text.matchAll(CONTROL)) if (!/[\t\n\r]/.test(char)) return char;
    return undefined;
}

/**
 * The last line of defence at an output sink: the program's own lines may span several lines (usage texts), so line
 * breaks stay, but every other control character is made visible and every line a runner would execute is defused.
 */
export function safeOutput(text: string): string {
    return text
        .split("\n")
        .map((line) => defuse(line.replace(CONTROL, visible)))
        .join("\n");
}
