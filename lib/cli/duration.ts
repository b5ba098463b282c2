// Durations given on the command line (timeouts, intervals), parsed and range-checked in one place. Node's timers
// hold at most 2^31-1 ms (about 24.8 days): a longer value overflows and fires at once, and an interval of 0 spins;
// both are refused here with one line naming the flag, the value and the allowed range.

/** The longest delay setTimeout and AbortSignal.timeout honour. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

export interface DurationRange {
    /** Smallest accepted value in milliseconds (default 1: a zero timeout or interval makes no sense). */
    minMs?: number;
    /** Largest accepted value (default and upper bound: MAX_TIMER_MS). */
    maxMs?: number;
}

/** A flag value that is not a duration, or one out of range; the message is one line naming flag and value. */
export class DurationError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "DurationError";
    }
}

function milliseconds(text: string): number | undefined {
    if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
    if (!/^(\d+(\.\d+)?(ms|s|m|h))+$/.test(text)) return undefined;
    let total = 0;
    for (const match of text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) total += Number(match[1]) * UNIT_MS[match[2]];
    return total;
}

/**
 * Parses `500ms`, `90s`, `2m`, `1h`, `1.5s`, compounds such as `1m30s` and plain seconds (`30`) into whole
 * milliseconds, within `range`. Throws DurationError otherwise.
 */
export function parseDuration(input: string, flag: string, range: DurationRange = {}): number {
    const minMs = range.minMs ?? 1;
    const maxMs = Math.min(range.maxMs ?? MAX_TIMER_MS, MAX_TIMER_MS);
    const parsed = milliseconds(input.trim().toLowerCase());
    if (parsed === undefined) {
        throw new DurationError(
            `${flag}: ${JSON.stringify(input)} is not a duration (e.g. 500ms, 90s, 5m, 1h30m, or plain seconds)`,
        );
    }
    const ms = Math.round(parsed);
    if (!(ms >= minMs && ms <= maxMs)) {
        const why = maxMs === MAX_TIMER_MS ? " (the longest timer Node.js can set)" : "";
        throw new DurationError(
            `${flag}: ${JSON.stringify(input)} is out of range: allowed ${formatDuration(minMs)} to ${formatDuration(maxMs)}${why}`,
        );
    }
    return ms;
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** Formats milliseconds for humans: `850ms`, `1.2s`, `15s`, `2m05s`, `25m`, `1h30m`, `596h31m23s`. */
export function formatDuration(ms: number): string {
    if (ms < 1000) return `${Math.max(0, Math.round(ms))}ms`;
    if (ms < 60_000) return `${(ms / 1000).toFixed(1).replace(/\.0$/, "")}s`;
    // Whole seconds are cut, not rounded, so that a limit is never shown above its real value.
    const total = Math.floor(ms / 1000);
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    if (h > 0) return `${h}h${m || s ? `${pad(m)}m` : ""}${s ? `${pad(s)}s` : ""}`;
    return `${m}m${s ? `${pad(s)}s` : ""}`;
}
