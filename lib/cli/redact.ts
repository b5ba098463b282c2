// Keeps passwords and tokens out of everything the e2e gate and the release tools print, write or post. Every sink
// (console, JUnit file, GitHub status, stack file) passes its text through one Redactor before it leaves the program.

export const REDACTED = "[REDACTED]";

/** JSON fields and header/form shapes whose values are secret whatever they contain. */
const SECRET_FIELDS: Array<[RegExp, string]> = [
    [
        /("(?:access_token|refresh_token|id_token|token|password|client_secret)"\s*:\s*")((?:[^"\\]|\\.)*)(")/gi,
        `$1${REDACTED}$3`,
    ],
    [/\b((?:access_token|refresh_token|id_token|password|client_secret)=)[^&\s"']+/gi, `$1${REDACTED}`],
    [/\b(Bearer\s+)[A-Za-z0-9\-._~+/=]+/g, `$1${REDACTED}`],
];

/**
 * Spellings shorter than this are only replaced where they stand alone (not next to a letter or digit): a one-letter
 * password must not turn every "e" of the report into the marker, yet `password e was rejected` is still redacted.
 */
const SHORT_SECRET = 6;

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The forms a secret takes when a server echoes it back: raw, URL-encoded, form-encoded, JSON-escaped. */
function spellings(secret: string): string[] {
    return [
        secret,
        encodeURIComponent(secret),
        new URLSearchParams({ s: secret }).toString().slice(2),
        JSON.stringify(secret).slice(1, -1),
    ];
}

/**
 * Replaces known secrets (in every spelling) and secret-looking fields with `[REDACTED]`. Secrets can be added
 * later, e.g. once a token has been issued. A secret made only of whitespace is never matched as text (it would
 * erase the layout); the field patterns still catch it where it is labelled as a secret.
 */
export class Redactor {
    private readonly forms = new Set<string>();
    private pattern: RegExp | undefined;

    constructor(secrets: ReadonlyArray<string | undefined> = []) {
        for (const secret of secrets) this.add(secret);
    }

    add(secret: string | undefined): void {
        if (secret === undefined || secret.trim() === "") return;
        const before = this.forms.size;
        for (const form of spellings(secret)) if (form.trim() !== "") this.forms.add(form);
        if (this.forms.size !== before) this.pattern = undefined;
    }

    redact(text: string): string {
        let out = text;
        const pattern = this.compiled();
        if (pattern) out = out.replace(pattern, REDACTED);
        for (const [field, replacement] of SECRET_FIELDS) out = out.replace(field, replacement);
        return out;
    }

    /** One alternation, longest spelling first, so that a secret containing another one is replaced whole. */
    private compiled(): RegExp | undefined {
        if (this.pattern === undefined && this.forms.size > 0) {
            const alternatives = [...this.forms]
                .sort((a, b) => b.length - a.length)
                .map((form) =>
                    form.length >= SHORT_SECRET
                        ? escapeRegExp(form)
                        : `(?<![\\p{L}\\p{N}])${escapeRegExp(form)}(?![\\p{L}\\p{N}])`,
                );
            this.pattern = new RegExp(alternatives.join("|"), "gu");
        }
        return this.pattern;
    }
}
