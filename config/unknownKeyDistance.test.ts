import { strict as assert } from "node:assert";
import { ConfigError, parseReleaseConfig } from "./config";
import { validSource } from "../test/support/configSource";

/** The one-line refusal of a stack that sets one unknown key. */
function refusal(key: string): string {
    try {
        parseReleaseConfig(validSource("demo-staging", { [key]: "x" }));
    } catch (err) {
        assert.ok(err instanceof ConfigError, String(err));
        return err.message;
    }
    assert.fail("no refusal");
}

function expected(key: string, meant: string | undefined): string {
    return (
        `Unknown configuration serviceradar-release:${key}; expected a key of serviceradar-release` +
        (meant === undefined ? "" : `: did you mean ${meant}?`) +
        ` (unset it with \`pulumi config rm ${key}\`; the keys are listed in docs/configuration.md)`
    );
}

describe("config: the known key an unknown one is taken for (edits, a swap of neighbours counting as one)", () => {
    for (const [typo, meant, why] of [
        ["evrsoin", "version", "two swaps are two edits"],
        ["vresion", "version", "a swap inside the word is one edit"],
        ["evrsion", "version", "a swap of the first two letters is one edit"],
        ["imageTga", "imageTag", "a swap of the last two letters is one edit"],
        ["vrsin", "version", "two deletions are still close enough for a short key"],
        ["versionn", "version", "an added letter is one edit"],
        [
            "promoterGithubAppInstalationIdd",
            "promoterGithubAppInstallationId",
            "a long key allows a third of its length",
        ],
        ["verXYZn", undefined, "three substitutions are too many for a short key"],
        ["errszon", undefined, "a swap counts only when both letters trade places"],
        ["veryslin", undefined, "a swap counts only when both letters trade places"],
        ["verisodm", undefined, "a swap costs one edit, not less"],
        ["noisrev", undefined, "a reversed word is not a swap"],
        ["zz", undefined, "a two-letter key is far from every known key"],
        ["ab", undefined, "a two-letter key is far from every known key"],
    ] as const) {
        it(`${typo}: ${meant === undefined ? "suggests nothing" : `suggests ${meant}`} (${why})`, () => {
            assert.equal(refusal(typo), expected(typo, meant));
        });
    }
});
