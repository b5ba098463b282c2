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

    it("redacts before truncating so no half secret leaks at the cut", () => {
        const secret = "S".repeat(30);
        const body = `${"a".repeat(190)}${secret}`;
        const cut = excerpt(body, new Redactor([secret]), 200);
        assert.ok(!cut.includes("SSS"), cut);
        const long = excerpt("x".repeat(500), new Redactor(), 200);
        assert.match(long, /… \(\+300 chars\)$/);
    });
});
