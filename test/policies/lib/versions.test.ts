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

describe("policies/lib/versions: exact verdicts and messages", () => {
    const moves = "it names a branch (or a tag that is not a release tag), which moves";
    const short = "a short commit id is ambiguous; use all 40 hex digits";
    const revisions: [unknown, object][] = [
        [undefined, { kind: "branch", problem: "no revision is set, so Argo CD follows HEAD of the default branch" }],
        [null, { kind: "branch", problem: "no revision is set, so Argo CD follows HEAD of the default branch" }],
        ["", { kind: "branch", problem: "no revision is set, so Argo CD follows HEAD of the default branch" }],
        [5, { kind: "branch", problem: "the revision is not a string" }],
        [SHA40, { kind: "commit" }],
        [`${SHA40}-wip`, { kind: "branch", problem: moves }],
        [`x${SHA40}`, { kind: "branch", problem: moves }],
        [SHA40.toUpperCase(), { kind: "branch", problem: "commit ids are written in lower-case hex" }],
        [`${SHA40.toUpperCase()}x`, { kind: "branch", problem: moves }],
        [`x${SHA40.toUpperCase()}`, { kind: "branch", problem: moves }],
        [SHA40.slice(0, 7), { kind: "branch", problem: short }],
        [SHA40.slice(0, 39), { kind: "branch", problem: short }],
        [SHA40.slice(0, 6), { kind: "branch", problem: moves }],
        [`${SHA40.slice(0, 12)}-x`, { kind: "branch", problem: moves }],
        [`x${SHA40.slice(0, 12)}`, { kind: "branch", problem: moves }],
        ["HEAD", { kind: "branch", problem: "HEAD follows the default branch" }],
        ["head", { kind: "branch", problem: moves }],
        ["main", { kind: "branch", problem: moves }],
        ["refs/tags/main", { kind: "branch", problem: moves }],
        ["refs/heads/v1.2.27", { kind: "branch", problem: moves }],
        ["vv1.2.27", { kind: "branch", problem: moves }],
    ];
    for (const [value, revision] of revisions) {
        it(`classifyGitRevision(${JSON.stringify(value)}) is ${JSON.stringify(revision).slice(0, 60)}`, () =>
            assert.deepEqual(classifyGitRevision(value), revision));
    }

    const versions: [unknown, string | undefined][] = [
        [undefined, "no version is set, so the newest chart is used"],
        [null, "no version is set, so the newest chart is used"],
        ["", "no version is set, so the newest chart is used"],
        [5, "the version is not a string"],
        ["1.2.27", undefined],
        ["*", "it follows the newest chart"],
        ["LATEST", "it follows the newest chart"],
        ["V1.2.27", "Helm chart versions are semver without a leading v"],
        ["xv1.2.27", "it is not a semver version"],
        ["=1.2.3-dev", "it is a version range, not one version"],
        ["^1.2.0", "it is a version range, not one version"],
        ["stable", "it is not a semver version"],
    ];
    for (const [value, problem] of versions) {
        it(`chartVersionProblem(${JSON.stringify(value)}) is ${JSON.stringify(problem)}`, () =>
            assert.equal(chartVersionProblem(value), problem));
    }

    for (const value of [null, 5, " 1.2.3", "v1.2.3"]) {
        it(`isExactSemver(${JSON.stringify(value)}) is false`, () => assert.equal(isExactSemver(value), false));
    }
});
