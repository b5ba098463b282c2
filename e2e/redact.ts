// Keeps passwords and tokens out of everything the gate prints, writes or posts.

export const REDACTED = "[REDACTED]";

/** JSON fields and header/form shapes whose values are secret whatever they contain. */
const SECRET_PATTERNS: Array<[RegExp, string]> = [
    [
        /("(?:access_token|refresh_token|id_token|token|password|client_secret)"\s*:\s*")((?:[^"\\]|\\.)*)(")/gi,
        `$1${REDACTED}$3`,
    ],
    [/\b((?:access_token|refresh_token|id_token|password|client_secret)=)[^&\s"']+/gi, `$1${REDACTED}`],
    [/\b(Bearer\s+)[A-Za-z0-9\-._~+/=]+/g, `$1${REDACTED}`],
];

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Replaces known secrets (and their URL-encoded and JSON-escaped spellings) plus secret-looking fields with
 * `[REDACTED]`. Secrets can be added later, e.g. once a token has been issued.
 */
export class Redactor {
    private readonly variants = new Set<string>();

    constructor(secrets: Array<string | undefined> = []) {
        for (const secret of secrets) {
            this.add(secret);
        }
    }

    add(secret: string | undefined): void {
        if (!secret) {
            return;
        }
        const forms = [
            secret,
            encodeURIComponent(secret),
            new URLSearchParams({ s: secret }).toString().slice(2),
            JSON.stringify(secret).slice(1, -1),
        ];
        for (const form of forms) {
            if (form) {
                this.variants.add(form);
            }
        }
    }

    redact(text: string): string {
        let out = text;
        // Longest first so a secret that contains another secret is replaced whole.
        const sorted = [...this.variants].sort((a, b) => b.length - a.length);
        for (const variant of sorted) {
            out = out.replace(new RegExp(escapeRegExp(variant), "g"), REDACTED);
        }
        for (const [pattern, replacement] of SECRET_PATTERNS) {
            out = out.replace(pattern, replacement);
        }
        return out;
    }
}

/**
 * A short single-line excerpt of a response body: redacted first (so a secret is never cut in half and half-leaked),
 * then whitespace-collapsed and truncated to `max` characters.
 */
export function excerpt(body: string, redactor: Redactor, max = 200): string {
    const flat = redactor.redact(body).replace(/\s+/g, " ").trim();
    if (flat.length <= max) {
        return flat;
    }
    return `${flat.slice(0, max)}… (+${flat.length - max} chars)`;
}
