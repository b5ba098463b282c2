import { strict as assert } from "node:assert";
import { redactMessage, secretLeaves } from "./policyRedaction";
import { secret } from "../test/policies/fixtures";

describe("policy message redaction edges", () => {
    it("collects a secret number as its text, and no number outside a secret", () => {
        const leaves = new Set<string>();
        secretLeaves({ port: 8080, pin: secret(12345678), nested: secret({ code: 4242 }) }, leaves);
        assert.deepEqual([...leaves].sort(), ["12345678", "4242"]);
    });

    it("replaces the longer of two overlapping secrets whole, whatever order they were found in", () => {
        const secrets = new Set(["abcdefgh", "abcdefghijkl"]);
        assert.equal(redactMessage("token abcdefghijkl leaked", secrets), "token [secret] leaked");
        const reversed = new Set(["abcdefghijkl", "abcdefgh"]);
        assert.equal(redactMessage("token abcdefghijkl leaked", reversed), "token [secret] leaked");
    });

    it("replaces a bare secret of exactly 8 characters, and leaves a bare 7-character one", () => {
        assert.equal(
            redactMessage("uses abcdefgh and bcdefgh", new Set(["abcdefgh", "bcdefgh"])),
            "uses [secret] and bcdefgh",
        );
    });

    it("matches a shortened quote only for a secret longer than a quote shows", () => {
        const exact = "s".repeat(120);
        assert.equal(redactMessage(`value "${exact}…"`, new Set([exact])), 'value "[secret]…"');
        const longer = "t".repeat(121);
        assert.equal(redactMessage(`value "${"t".repeat(120)}…"`, new Set([longer])), 'value "[secret]"');
        assert.equal(redactMessage('value "short…"', new Set(["short"])), 'value "short…"');
    });
});
