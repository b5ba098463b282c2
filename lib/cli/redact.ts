// Keeps passwords and tokens out of everything the e2e gate and the release tools print, write or post. Every sink
// (console, JUnit file, GitHub status, stack file, the hydrator's errors) passes its text through one Redactor before it
// leaves the program. A secret is found in every spelling a server or library may echo (see canonical, base64Cores).

export const REDACTED = "[REDACTED]";

/** JSON fields and header/form shapes whose values are secret whatever they contain. */
const SECRET_FIELDS: Array<[RegExp, string]> = [
    [
        /("(?:access_token|refresh_token|id_token|token|password|client_secret)"\s*:\s*")((?:[^"\\]|\\.)*)(")/gi,
        `$1${REDACTED}$3`,
    ],
    [/\b((?:access_token|refresh_token|id_token|password|client_secret)=)[^&\s"']+/gi, `$1${REDACTED}`],
    [/\b(Bearer\s+)[A-Za-z0-9\-._~+/=]+/g, `$1${REDACTED}`],
    [/\b(Basic\s+)[A-Za-z0-9+/=]+/g, `$1${REDACTED}`],
];

/**
 * Spellings shorter than this are only replaced where they stand alone (not next to a letter or digit): a one-letter
 * password must not turn every "e" of the report into the marker, yet `password e was rejected` is still redacted.
 */
const SHORT_SECRET = 6;

/** Short JSON escapes and the character each stands for. */
const JSON_SHORT_ESCAPES: Readonly<Record<string, string>> = {
    '"': '"',
    "\\": "\\",
    "/": "/",
    t: "\t",
    b: "\b",
    f: "\f",
};

/** A text in one canonical spelling, and where each of its characters starts and ends in the original. */
interface Canonical {
    text: string;
    start: number[];
    end: number[];
}

/**
 * One spelling for every way a server or a library may echo the same text: percent-encoding (any case, needed or
 * not), JSON escapes (`\u0026` in any case, `\/`, `\"`), a space as `+` (forms), and line breaks (raw or `\n`,
 * with the indentation after them) dropped, so that a secret wrapped or cut across lines still matches. Characters
 * are spelled as their UTF-8 bytes. Secrets and texts go through the same function, so every rule holds both ways.
 */
function canonical(text: string): Canonical {
    const out: string[] = [];
    const start: number[] = [];
    const end: number[] = [];
    const emit = (bytes: Iterable<number>, from: number, to: number) => {
        for (const byte of bytes) {
            out.push(String.fromCharCode(byte === 0x20 ? 0x2b : byte));
            start.push(from);
            end.push(to);
        }
    };
    const utf8 = (chars: string) => Buffer.from(chars, "utf8");
    let i = 0;
    while (i < text.length) {
        const special = "\r\n\\%".includes(text[i]);
        const rest = special ? text.slice(i, i + 12) : "";
        const lineBreak = special ? /^(?:\r?\n|\r|(?:\\r)?\\n)[ \t]*/.exec(rest) : null;
        const percent = special ? /^%([0-9a-fA-F]{2})/.exec(rest) : null;
        const unicode = special ? /^\\u([0-9a-fA-F]{4})(?:\\u([dD][c-fC-F][0-9a-fA-F]{2}))?/.exec(rest) : null;
        if (lineBreak !== null) {
            i += lineBreak[0].length;
        } else if (percent !== null) {
            emit([parseInt(percent[1], 16)], i, i + 3);
            i += 3;
        } else if (unicode !== null) {
            const units = [parseInt(unicode[1], 16), ...(unicode[2] === undefined ? [] : [parseInt(unicode[2], 16)])];
            emit(utf8(String.fromCharCode(...units)), i, i + unicode[0].length);
            i += unicode[0].length;
        } else if (text[i] === "\\" && JSON_SHORT_ESCAPES[text[i + 1] ?? ""] !== undefined) {
            emit(utf8(JSON_SHORT_ESCAPES[text[i + 1]]), i, i + 2);
            i += 2;
        } else if (text.charCodeAt(i) < 0x80) {
            out.push(text[i] === " " ? "+" : text[i]);
            start.push(i);
            end.push(i + 1);
            i += 1;
        } else {
            const char = String.fromCodePoint(text.codePointAt(i)!);
            emit(utf8(char), i, i + char.length);
            i += char.length;
        }
    }
    return { text: out.join(""), start, end };
}

/** Base64 shorter than this is left alone: it would match ordinary words. */
const MIN_BASE64_CORE = 6;

/**
 * The base64 text a secret becomes inside any base64-encoded text (a Basic `user:token` header, a kubeconfig, a
 * data: URL): for each of the three byte alignments, the characters that depend on the secret's bytes alone, in the
 * standard and the URL-safe alphabet.
 */
function base64Cores(secret: string): string[] {
    const bytes = Buffer.from(secret, "utf8");
    const cores = new Set<string>();
    for (const shift of [0, 1, 2]) {
        const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString("base64");
        const core = encoded.slice(Math.ceil((8 * shift) / 6), Math.floor((8 * (shift + bytes.length)) / 6));
        if (core.length < MIN_BASE64_CORE) continue;
        cores.add(core);
        cores.add(core.replace(/\+/g, "-").replace(/\//g, "_"));
    }
    return [...cores];
}

/** A known secret: its canonical spellings (itself and its base64 forms), and whether it must stand alone. */
interface KnownSecret {
    forms: string[];
    standAloneOnly: boolean;
}

function knownSecret(secret: string): KnownSecret {
    const long = secret.length >= SHORT_SECRET;
    const forms = [secret, ...(long ? base64Cores(secret) : [])].map((form) => canonical(form).text);
    return { forms: forms.filter((form) => form !== ""), standAloneOnly: !long };
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Replaces every spelling of every secret in the canonical form of the text with the marker (overlapping finds, a
 * secret containing another, become one marker), then the secret-looking fields.
 */
function redactKnown(text: string, secrets: Iterable<KnownSecret>): string {
    let out = text;
    const spans: Array<[number, number]> = [];
    const seen = canonical(text);
    for (const { forms, standAloneOnly } of secrets) {
        for (const form of forms) {
            for (let at = seen.text.indexOf(form); at >= 0; at = seen.text.indexOf(form, at + 1)) {
                const [from, to] = [seen.start[at], seen.end[at + form.length - 1]];
                const alone = !LETTER_OR_DIGIT.test(text[from - 1] ?? "") && !LETTER_OR_DIGIT.test(text[to] ?? "");
                if (!standAloneOnly || alone) spans.push([from, to]);
            }
        }
    }
    if (spans.length > 0) {
        spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
        out = "";
        let kept = 0;
        for (const [from, to] of spans) {
            if (to <= kept) continue;
            if (from >= kept) out += `${text.slice(kept, from)}${REDACTED}`;
            kept = to;
        }
        out += text.slice(kept);
    }
    for (const [field, replacement] of SECRET_FIELDS) out = out.replace(field, replacement);
    return out;
}

function isMatchable(secret: string | undefined): secret is string {
    return secret !== undefined && secret.trim() !== "";
}

/**
 * Redactor.redact as a plain function, for code serialized into Pulumi's dynamic-provider host (promotion/gitData.ts),
 * where a class instance does not survive.
 */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined>): string {
    return redactKnown(text, secrets.filter(isMatchable).map(knownSecret));
}

/**
 * Replaces known secrets (in every spelling) and secret-looking fields with `[REDACTED]`. Secrets can be added
 * later, e.g. once a token has been issued. A secret made only of whitespace is never matched as text (it would
 * erase the layout); the field patterns still catch it where it is labelled as a secret.
 */
export class Redactor {
    private readonly secrets: Map<string, KnownSecret>;

    constructor(secrets: ReadonlyArray<string | undefined> = []) {
        this.secrets = new Map();
        for (const secret of secrets) this.add(secret);
    }

    add(secret: string | undefined): void {
        if (!isMatchable(secret) || this.secrets.has(secret)) return;
        this.secrets.set(secret, knownSecret(secret));
    }

    redact(text: string): string {
        return redactKnown(text, this.secrets.values());
    }
}
