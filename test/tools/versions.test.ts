import { strict as assert } from "node:assert";
import { parseCommandLine } from "../../lib/cli/args";
import { stackOption } from "../../tools/lib/args";
import { derivedChartVersion, releaseTag } from "../../config/releasePins";
import { movement, parseReleaseVersion } from "../../tools/lib/versions";

describe("tools/lib/versions", () => {
    it("accepts semver releases without a leading v", () => {
        for (const version of ["1.2.28", "0.0.1", "10.20.30", "1.3.0-rc.1"]) {
            assert.deepEqual(parseReleaseVersion(version), { ok: true, version });
        }
    });

    it("refuses a leading v and suggests the bare version", () => {
        const check = parseReleaseVersion("v1.2.3");
        assert.equal(check.ok, false);
        assert.ok(!check.ok && check.message.includes('"v1.2.3"'), "names the value");
        assert.ok(
            !check.ok && /drop the leading "v" and pass 1\.2\.3$/.test(check.message),
            !check.ok ? check.message : "",
        );
    });

    it("refuses non-semver values, naming them", () => {
        for (const bad of ["1.2", "latest", "1.2.3.4", "01.2.3", " 1.2.3", "1.2.3+build.5"]) {
            const check = parseReleaseVersion(bad);
            assert.equal(check.ok, false, bad);
            assert.ok(!check.ok && check.message.includes(JSON.stringify(bad)), !check.ok ? check.message : bad);
        }
        const missing = parseReleaseVersion("");
        assert.ok(!missing.ok && missing.message.startsWith("missing version"));
    });

    it("orders versions by semver, prereleases before their release", () => {
        assert.equal(movement("1.2.27", "1.2.28"), "forward");
        assert.equal(movement("1.2.28", "1.2.28"), "same");
        assert.equal(movement("1.2.28", "1.2.9"), "backward");
        assert.equal(movement("1.10.0", "1.9.0"), "backward");
        assert.equal(movement("1.3.0-rc.1", "1.3.0"), "forward");
    });

    it("derives the image tag (the release tag) and the chart version as the program does", () => {
        assert.equal(derivedChartVersion("1.2.28"), "1.2.28");
        assert.equal(releaseTag("1.2.28"), "v1.2.28");
    });
});

describe("tools/lib/args", () => {
    it("takes stack names, never paths", () => {
        const spec = { stack: "string" } as const;
        assert.equal(stackOption(parseCommandLine(["--stack", "demo-staging"], spec)), "demo-staging");
        assert.equal(stackOption(parseCommandLine([], spec), "demo"), "demo");
        for (const bad of ["../x", "a/b", "..", "", "a b"]) {
            assert.throws(() => stackOption(parseCommandLine([`--stack=${bad}`], spec)), /is not a stack name/, bad);
        }
    });
});
