import { strict as assert } from "node:assert";
import { bounded, controlCharacterIn, safeOutput, untrustedText } from "../../../lib/cli/sanitize";

describe("lib/cli/sanitize", () => {
    it("puts untrusted text on one line, with control characters visible", () => {
        assert.equal(
            untrustedText("bad\n::error::x\r\n\u001b[31mred\u0000\u2028Summary: PASSED"),
            "bad ::error::x \\x1b[31mred\\x00 Summary: PASSED",
        );
        assert.equal(untrustedText("\u202eevil\u0085next\u007f"), "\\u202eevil next\\x7f");
    });

    it("defuses a start a GitHub Actions runner would execute", () => {
        assert.equal(untrustedText("  ::add-mask::x"), "[quoted] ::add-mask::x");
        assert.equal(untrustedText("##[error]x"), "[quoted] ##[error]x");
        assert.equal(untrustedText("fine :: text"), "fine :: text");
    });

    it("bounds the length without splitting a character", () => {
        assert.equal(untrustedText("é".repeat(10), 4), "éééé… (+6 chars)");
        assert.equal(bounded("😀😀😀", 2), "😀😀… (+1 chars)");
        assert.ok(untrustedText("x".repeat(100_000)).length < 330);
    });

    it("at an output sink keeps line breaks but defuses every command line and shows control characters", () => {
        assert.equal(
            safeOutput("Usage:\n  ::set-output name=x::y\n\u001b]0;t\u0007ok"),
            "Usage:\n[quoted] ::set-output name=x::y\n\\x1b]0;t\\x07ok",
        );
    });

    it("finds control characters other than tabs and line breaks", () => {
        assert.equal(controlCharacterIn("plain\ttext\non lines\r\n"), undefined);
        assert.equal(controlCharacterIn("esc\u001b"), "\u001b");
        assert.equal(controlCharacterIn("nel\u0085"), "\u0085");
        assert.equal(controlCharacterIn("ls\u2028"), "\u2028");
    });
});
