// Duration parsing and formatting for the e2e gate's command-line flags and report.

const UNIT_MS: Record<string, number> = {
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
};

/**
 * Parses a human duration into milliseconds.
 * Accepts `500ms`, `90s`, `2m`, `1h`, `1.5s`, compounds such as `1m30s`, and a plain number meaning seconds (`30`).
 * Throws an Error with a one-line message when the value is not a positive duration.
 */
export function parseDuration(input: string): number {
    const text = input.trim().toLowerCase();
    if (text === "") {
        throw new Error("empty duration");
    }
    let ms: number;
    if (/^\d+(\.\d+)?$/.test(text)) {
        ms = Number(text) * 1000;
    } else {
        const part = /(\d+(?:\.\d+)?)(ms|s|m|h)/y;
        ms = 0;
        let index = 0;
        while (index < text.length) {
            part.lastIndex = index;
            const match = part.exec(text);
            if (!match) {
                throw new Error(`invalid duration "${input}" (use e.g. 500ms, 90s, 2m, 1m30s or plain seconds)`);
            }
            ms += Number(match[1]) * UNIT_MS[match[2]];
            index = part.lastIndex;
        }
    }
    ms = Math.round(ms);
    if (!Number.isFinite(ms) || ms <= 0) {
        throw new Error(`duration "${input}" must be greater than zero`);
    }
    return ms;
}

/** Formats milliseconds for humans: `850ms`, `1.2s`, `2m05s`. */
export function formatDuration(ms: number): string {
    if (ms < 1000) {
        return `${Math.max(0, Math.round(ms))}ms`;
    }
    if (ms < 60_000) {
        return `${(ms / 1000).toFixed(1)}s`;
    }
    const totalSeconds = Math.round(ms / 1000);
    const minutes = Math.floor(totalSeconds / 60);
    const seconds = totalSeconds % 60;
    return `${minutes}m${String(seconds).padStart(2, "0")}s`;
}

/** Milliseconds to seconds with millisecond precision, as JUnit expects (`1.234`). */
export function toSeconds(ms: number): string {
    return (Math.max(0, ms) / 1000).toFixed(3);
}
