import { strict as assert } from "node:assert";
import { chartVersionProblem, classifyGitRevision, isExactSemver, prereleaseOf } from "../../../policies/lib/versions";
import { SHA40 } from "../fixtures";

describe("policies/lib/versions", () => {
    it("accepts only exact semver chart versions", () => {
        for (const ok of ["1.2.27", "0.1.0", "1.3.0-rc.1", "2.0.0-alpha"]) {
            assert.equal(isExactSemver(ok), true, ok);
            assert.equal(chartVersionProblem(ok), undefined, ok);
        }
        const bad: [unknown, RegExp][] = [
            ["*", /newest/],
            ["latest", /newest/],
            ["v1.2.27", /without a leading v/],
            ["^1.2.0", /range/],
            ["~1.2", /range/],
            [">=1.0.0", /range/],
            ["1.2.x", /range/],
            ["1.2", /range/],
            ["", /no version/],
            [undefined, /no version/],
            [1.2, /not a string/],
            ["stable", /not a semver/],
        ];
        for (const [value, problem] of bad) {
            assert.equal(isExactSemver(value), false, String(value));
            assert.match(chartVersionProblem(value) ?? "", problem, String(value));
        }
    });

    it("finds pre-releases", () => {
        assert.equal(prereleaseOf("1.3.0-rc.1"), "rc.1");
        assert.equal(prereleaseOf("1.3.0-alpha"), "alpha");
        assert.equal(prereleaseOf("1.3.0"), undefined);
        assert.equal(prereleaseOf("v1.3.0-rc.1"), undefined);
    });

    it("accepts release tags and full commit ids as git revisions", () => {
        assert.deepEqual(classifyGitRevision(SHA40), { kind: "commit" });
        assert.deepEqual(classifyGitRevision("v1.2.27"), { kind: "tag", version: "1.2.27" });
        assert.deepEqual(classifyGitRevision("1.2.27"), { kind: "tag", version: "1.2.27" });
        assert.deepEqual(classifyGitRevision("refs/tags/v1.3.0-rc.1"), { kind: "tag", version: "1.3.0-rc.1" });
    });

    it("reads everything else as a branch", () => {
        for (const branch of [
            "HEAD",
            "main",
            "staging",
            "refs/heads/main",
            "",
            undefined,
            "release-1.2",
            SHA40.toUpperCase(),
            SHA40.slice(0, 12),
            "V1.2.27",
        ]) {
            const revision = classifyGitRevision(branch);
            assert.equal(revision.kind, "branch", String(branch));
            assert.ok(revision.problem, String(branch));
        }
        assert.match(classifyGitRevision("").problem ?? "", /HEAD/);
        assert.match(classifyGitRevision(SHA40.slice(0, 12)).problem ?? "", /40/);
    });
});
