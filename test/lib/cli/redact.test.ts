import { strict as assert } from "node:assert";
import { REDACTED, Redactor } from "../../../lib/cli/redact";
import { excerpt } from "../../../lib/cli/sanitize";

describe("lib/cli/redact", () => {
    const password = 'Pa55 w&rd"x';
    const redactor = new Redactor([password, "tok.en-123"]);

    it("removes raw, URL-encoded, form-encoded and JSON-escaped secrets", () => {
        const form = new URLSearchParams({ password }).toString();
        const text = `raw ${password} | form ${form} | uri ${encodeURIComponent(password)} | json ${JSON.stringify(password)} | tok.en-123`;
        const out = redactor.redact(text);
        assert.ok(!out.includes("Pa55"), out);
        assert.ok(!out.includes("tok.en-123"), out);
        assert.ok(out.includes(REDACTED));
    });

    it("removes secret-looking fields even for unknown values", () => {
        const out = new Redactor().redact(
            '{"access_token":"abc.def","password":"hunter2"} Authorization: Bearer xyz.123 refresh_token=qq&x=1',
        );
        assert.ok(!/abc\.def|hunter2|xyz\.123|qq&/.test(out), out);
    });

    it("redacts a short secret where it stands alone, not inside words", () => {
        const short = new Redactor(["e", "ab1"]);
        assert.equal(
            short.redact("ServiceRadar e2e gate: password e, key=ab1&x, cab1e"),
            `ServiceRadar e2e gate: password ${REDACTED}, key=${REDACTED}&x, cab1e`,
        );
    });

    it("never matches a whitespace-only secret as text, but still redacts it in a labelled field", () => {
        const blank = new Redactor(["   ", "\t"]);
        const text = "a   b\tc  d";
        assert.equal(blank.redact(text), text);
        assert.equal(blank.redact("password=+++&x=1"), `password=${REDACTED}&x=1`);
    });

    it("replaces a secret that contains another secret whole, and learns secrets later", () => {
        const nested = new Redactor(["secret-token", "secret-token-extended"]);
        assert.equal(nested.redact("x secret-token-extended y"), `x ${REDACTED} y`);
        nested.add("later-added-secret");
        assert.equal(nested.redact("later-added-secret"), REDACTED);
    });

    describe("every other spelling of a secret", () => {
        const token = "ghp_Tok&en/Value+9";
        const only = new Redactor([token]);
        const fullPercent = (text: string, hex: (byte: number) => string) =>
            [...Buffer.from(text, "utf8")].map((byte) => `%${hex(byte)}`).join("");
        const spellings: Record<string, string> = {
            "JSON \\u escapes (Go's encoder)": JSON.stringify(token).slice(1, -1).replace(/&/g, "\\u0026"),
            "JSON \\/ escapes": token.replace(/\//g, "\\/"),
            "JSON upper-case \\u escapes of every character": [...token]
                .map((char) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`)
                .join(""),
            "lower-case percent-encoding": encodeURIComponent(token).replace(/%[0-9A-F]{2}/g, (hex) =>
                hex.toLowerCase(),
            ),
            "full percent-encoding": fullPercent(token, (byte) => byte.toString(16).toUpperCase().padStart(2, "0")),
            "full lower-case percent-encoding": fullPercent(token, (byte) => byte.toString(16).padStart(2, "0")),
            base64: Buffer.from(token).toString("base64"),
            "URL-safe base64": Buffer.from(token).toString("base64url"),
            "Basic auth user:token": `Basic ${Buffer.from(`x-access-token:${token}`).toString("base64")}`,
            "inside a base64 kubeconfig": Buffer.from(`users:\n- user:\n    token: ${token}\n`).toString("base64"),
            "base64 wrapped at 8 columns": Buffer.from(`user:${token}`)
                .toString("base64")
                .replace(/(.{8})/g, "$1\n"),
            "across a line break": `${token.slice(0, 7)}\n${token.slice(7)}`,
            "across an escaped line break": `${token.slice(0, 7)}\\n${token.slice(7)}`,
        };
        for (const [name, spelled] of Object.entries(spellings)) {
            it(name, () => {
                const out = only.redact(`error: ${spelled} was rejected`);
                assert.ok(out.includes(REDACTED), out);
                const plain = (text: string) => text.replace(/[^A-Za-z0-9]/g, "");
                for (const piece of ["Tok", "Value", plain(Buffer.from(token).toString("base64")).slice(4, 12)]) {
                    assert.ok(!plain(out).includes(piece) || !plain(spelled).includes(piece), `${piece} in ${out}`);
                }
                assert.ok(!out.includes(spelled.trim()), out);
            });
        }

        it("a Basic authorization header whatever its value", () => {
            assert.equal(
                new Redactor().redact("Authorization: Basic dXNlcjpwYXNz"),
                `Authorization: Basic ${REDACTED}`,
            );
        });

        it("leaves unrelated text alone", () => {
            const text = "GET https://api.github.com/repos/carverauto/serviceradar 404 Not Found dXNlcjpwYXNz";
            assert.equal(only.redact(text), text);
        });
    });

    it("redacts before truncating so no half secret leaks at the cut", () => {
        const secret = "S".repeat(30);
        const body = `${"a".repeat(190)}${secret}`;
        const cut = excerpt(body, new Redactor([secret]), 200);
        assert.ok(!cut.includes("SSS"), cut);
        const long = excerpt("x".repeat(500), new Redactor(), 200);
        assert.match(long, /… \(\+300 chars\)$/);
    });
});
