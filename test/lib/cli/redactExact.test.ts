// What a redacted text reads like, exactly: the marker where the secret was and every other character kept. The
// spelling tests in redact.test.ts check that no piece of a secret is left; these check the edges a lenient check lets
// through (where a spelling starts and ends in the original text, escapes next to each other, each base64 alignment).
import { strict as assert } from "node:assert";
import { REDACTED, Redactor, redactSecrets } from "../../../lib/cli/redact";

const redact = (secrets: string[], text: string) => new Redactor(secrets).redact(text);

describe("lib/cli/redact, exactly", () => {
    describe("an escaped spelling is replaced from its first to its last character", () => {
        const cases: Array<[string, string, string, string]> = [
            ["percent-encoding, then a line break", "abc:d9", "x abc%3Ad9\ny", `x ${REDACTED}\ny`],
            ["a JSON \\/ escape, then percent-encoding", "ab/cdAef", "x ab\\/cd%41ef y", `x ${REDACTED} y`],
            ["a JSON \\/ escape, then a \\u escape", "x/Ay1z", "q x\\/\\u0041y1z q", `q ${REDACTED} q`],
            ["ending in a percent-encoded character", "abc:d9!", "abc%3Ad9%21 tail", `${REDACTED} tail`],
            ["ending in a \\u escape", "abc:d9!", "abc\\u003ad9\\u0021 tail", `${REDACTED} tail`],
            ["ending in a short JSON escape", "abc/d9/", "abc\\/d9\\/ tail", `${REDACTED} tail`],
            ["ending in a non-ASCII character", "abcdeé", "abcdeé tail", `${REDACTED} tail`],
            ["ending in an astral character", "abcde😀", "abcde😀 tail", `${REDACTED} tail`],
            ["a surrogate pair as \\u escapes", "pw😀word1", "a pw\\ud83d\\ude00word1 b", `a ${REDACTED} b`],
            ["a surrogate pair as upper-case \\u escapes", "pw😀word1", "a pw\\uD83D\\uDE00word1 b", `a ${REDACTED} b`],
            ["UTF-8 percent-encoded", "pässword1", "p%C3%A4ssword1 x", `${REDACTED} x`],
            ["U+0080 percent-encoded as UTF-8", "abc\u0080def", "abc%C2%80def x", `${REDACTED} x`],
            ["followed by a lone backslash at the end", "abcdef", "abcdef \\", `${REDACTED} \\`],
        ];
        for (const [name, secret, text, expected] of cases) {
            it(name, () => assert.equal(redact([secret], text), expected));
        }
    });

    it("overlapping secrets become one marker", () => {
        assert.equal(redact(["abcdef1", "def1ghi"], "xx abcdef1ghi yy"), `xx ${REDACTED} yy`);
    });

    it("a secret of six characters or more is replaced inside a word; a shorter one at either end of the text", () => {
        assert.equal(redact(["s3cr3t"], "xs3cr3ty"), `x${REDACTED}y`);
        assert.equal(redact(["e"], "e was rejected: e"), `${REDACTED} was rejected: ${REDACTED}`);
    });

    it("a whitespace-only secret is never matched, even standing alone", () => {
        assert.equal(redact(["   "], "x:   :y"), "x:   :y");
        assert.equal(redactSecrets("x:   :y", [undefined, "   ", "\t"]), "x:   :y");
    });

    it("a secret whose every character is an escaped line break matches nothing and ends", () => {
        assert.equal(redact(["\\n\\n"], "abc\\n\\ndef"), "abc\\n\\ndef");
    });

    describe("a secret inside base64, at each of the three byte alignments", () => {
        // '>' and '?' make '+' and '/' in standard base64, '-' and '_' in the URL-safe alphabet.
        const secret = "tok>>>???~~~!";
        for (const prefix of ["", "a", "ab"]) {
            for (const alphabet of ["base64", "base64url"] as const) {
                it(`${prefix.length} byte(s) before it, ${alphabet}`, () => {
                    const encoded = Buffer.from(`${prefix}${secret}tail-bytes`).toString(alphabet);
                    const own = Buffer.from(secret).toString(alphabet).replace(/=+$/, "");
                    assert.match(own, alphabet === "base64" ? /\+.*\/|\/.*\+/ : /-.*_|_.*-/);
                    const out = redact([secret], `kubeconfig: ${encoded} end`);
                    const [before, after, ...more] = out.split(REDACTED);
                    assert.equal(more.length, 0, out);
                    assert.ok(after !== undefined, `no marker in ${out}`);
                    assert.ok(before.startsWith("kubeconfig: ") && after.endsWith(" end"), out);
                    // Base64 character k carries bits [6k, 6k + 6); the secret is bits [8p, 8(p + n)). Every character
                    // made of the secret's bits alone must go; none that carries none of them may.
                    const [p, n] = [prefix.length, Buffer.byteLength(secret)];
                    const removed =
                        encoded.length - (before.length - "kubeconfig: ".length) - (after.length - " end".length);
                    const ownBitsOnly = Math.floor((8 * (p + n)) / 6) - Math.ceil((8 * p) / 6);
                    const touching = Math.ceil((8 * (p + n)) / 6) - Math.floor((8 * p) / 6);
                    assert.ok(removed >= ownBitsOnly && removed <= touching, `${removed} characters removed: ${out}`);
                    assert.ok(encoded.startsWith(before.slice("kubeconfig: ".length)), out);
                    assert.ok(encoded.endsWith(after.slice(0, -" end".length)), out);
                });
            }
        }
    });
});
