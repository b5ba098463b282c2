// npm run release, the lines release.test.ts leaves loose: its warnings, an unset version, the edit's notes, its usage
// errors word for word, --help and the entry's root.

import { strict as assert } from "node:assert";
import { EXIT } from "../../lib/cli/exitCodes";
import { RELEASE_USAGE, runRelease, runReleaseCommand } from "../../tools/lib/releaseCommand";
import { runInProcess } from "../support/commands";
import { projectWithCustomerA } from "../support/customerA";
import { capture, configOf, readStack, removeDir, removeKey, setKey, tempProject } from "./helpers";

const VERSION_KEY = "serviceradar-release:version";

describe("npm run release: warnings, notes and usage errors, line by line", () => {
    let dir = "";
    beforeEach(() => {
        dir = tempProject();
        setKey(dir, "demo-staging", "version", "1.5.0");
    });
    afterEach(() => removeDir(dir));

    function release(args: string[]) {
        const io = capture();
        const code = runRelease(args, io, { root: dir });
        return { code, out: io.stdout, err: io.stderr };
    }

    it("replaces a version that is not semver, warning with what it held", () => {
        setKey(dir, "demo-staging", "version", "latest");
        const { code, out, err } = release(["1.5.1"]);
        assert.equal(code, EXIT.ok, err.join("\n"));
        assert.deepEqual(err, [
            'release: warning: Pulumi.demo-staging.yaml held version "latest", which is not semver; replacing it',
        ]);
        assert.equal(out[0], "Released demo-staging: version latest -> 1.5.1 in Pulumi.demo-staging.yaml");
        assert.equal(configOf(readStack(dir, "demo-staging"))[VERSION_KEY], "1.5.1");
    });

    it("releases forward despite --rollback, warning that it did", () => {
        const { code, out, err } = release(["1.5.1", "--rollback"]);
        assert.equal(code, EXIT.ok, err.join("\n"));
        assert.deepEqual(err, ["release: warning: --rollback given but 1.5.1 is newer than 1.5.0; releasing forward"]);
        assert.equal(out[0], "Released demo-staging: version 1.5.0 -> 1.5.1 in Pulumi.demo-staging.yaml");
    });

    it("a plain forward release prints exactly its line and next steps, and warns of nothing", () => {
        const { code, out, err } = release(["1.5.1"]);
        assert.equal(code, EXIT.ok, err.join("\n"));
        assert.deepEqual(err, []);
        assert.deepEqual(out.slice(0, 6), [
            "Released demo-staging: version 1.5.0 -> 1.5.1 in Pulumi.demo-staging.yaml",
            "",
            "Next:",
            '  1. git add Pulumi.demo-staging.yaml && git commit -m "release: ServiceRadar 1.5.1 to demo-staging" && git push',
            out[4],
            "  2. The e2e gate runs against demo-staging (release workflow, job e2e).",
        ]);
        assert.match(out[4], /^ {5}\S/, "the apply step, indented under step 1");
    });

    it("says the version was unset when the stack file had none", () => {
        removeKey(dir, "demo-staging", "version");
        const { code, out, err } = release(["1.5.1"]);
        assert.equal(code, EXIT.ok, err.join("\n"));
        assert.deepEqual(err, []);
        assert.equal(out[0], "Released demo-staging: version (unset) -> 1.5.1 in Pulumi.demo-staging.yaml");
    });

    it("prints the edit's note, indented, when an imageTag follows the version", () => {
        setKey(dir, "demo-staging", "imageTag", "v1.5.0");
        const { code, out } = release(["1.5.1"]);
        assert.equal(code, EXIT.ok);
        assert.equal(
            out[1],
            "  serviceradar-release:imageTag: v1.5.0 -> v1.5.1 (it equalled the value version implies, so it keeps " +
                "following version)",
        );
    });

    for (const [what, args, message] of [
        ["no version", [], "release: missing version (e.g. npm run release -- 1.2.28)"],
        [
            "--stack demo, reached only by promotion",
            ["1.5.1", "--stack", "demo"],
            "release: demo is only reached by promotion: release to demo-staging, let the e2e gate pass, then merge " +
                "the promoter's PR (promoter mode) or run npm run promote -- 1.5.1 (direct mode)",
        ],
    ] as const) {
        it(`exits 2 on ${what}, in one line naming the command`, () => {
            const { code, out, err } = release([...args]);
            assert.equal(code, EXIT.usage);
            assert.deepEqual([out, err], [[], [message, "Run with --help for usage."]]);
        });
    }

    it("--help prints the usage and exits 0", () => {
        assert.deepEqual(release(["--help"]), { code: EXIT.ok, out: [RELEASE_USAGE], err: [] });
    });
});

describe("npm run release through its entry: the context's root", () => {
    it("releases into the context's root when --root is not given", async () => {
        // customer-a has a stack file in the temporary project only.
        const root = projectWithCustomerA();
        try {
            const result = await runInProcess(runReleaseCommand, ["1.5.1", "--stack", "customer-a"], { env: {}, root });
            assert.equal(result.code, EXIT.ok, result.stderr);
            assert.equal(configOf(readStack(root, "customer-a"))[VERSION_KEY], "1.5.1");
        } finally {
            removeDir(root);
        }
    });
});
