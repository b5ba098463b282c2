import { strict as assert } from "node:assert";
import {
    classifyDigest,
    classifyImageReference,
    classifyTag,
    parseImageReference,
    pullsLatest,
} from "../../../policies/lib/imageReference";
import { DIGEST, HEX64, SHA40 } from "../fixtures";

describe("policies/lib/imageReference: parseImageReference", () => {
    const cases: [string, { registry: string; repository: string; tag?: string; digest?: string }][] = [
        ["nginx", { registry: "docker.io", repository: "library/nginx" }],
        ["docker.io/library/nginx", { registry: "docker.io", repository: "library/nginx" }],
        ["localhost:5000/app", { registry: "localhost:5000", repository: "app" }],
        ["localhost/app:v1.2.3", { registry: "localhost", repository: "app", tag: "v1.2.3" }],
        ["registry:5000/app", { registry: "registry:5000", repository: "app" }],
        ["registry:5000/app:v1.2.3", { registry: "registry:5000", repository: "app", tag: "v1.2.3" }],
        ["registry:5000/team/app:latest", { registry: "registry:5000", repository: "team/app", tag: "latest" }],
        [
            `ghcr.io/carverauto/serviceradar-core:sha-${SHA40}`,
            { registry: "ghcr.io", repository: "carverauto/serviceradar-core", tag: `sha-${SHA40}` },
        ],
        [`app:latest@${DIGEST}`, { registry: "docker.io", repository: "library/app", tag: "latest", digest: DIGEST }],
        [`ghcr.io/x/app@${DIGEST}`, { registry: "ghcr.io", repository: "x/app", digest: DIGEST }],
        ["carverauto/core:v1", { registry: "docker.io", repository: "carverauto/core", tag: "v1" }],
        ["[::1]:5000/app:v1.0.0", { registry: "[::1]:5000", repository: "app", tag: "v1.0.0" }],
    ];
    for (const [input, expected] of cases) {
        it(`parses ${input}`, () => {
            const { reference, error } = parseImageReference(input);
            assert.equal(error, undefined);
            assert.deepEqual(reference, { tag: undefined, digest: undefined, ...expected });
        });
    }

    for (const bad of [
        "",
        " ",
        "app:",
        "Ghcr/App:v1",
        "ghcr.io/Carverauto/core:v1",
        "app:v1 ",
        "app@",
        "app@sha256",
        "app:bad/tag",
        ":v1",
        "app:-v1",
    ]) {
        it(`rejects ${JSON.stringify(bad)}`, () => {
            const { reference, error } = parseImageReference(bad);
            assert.equal(reference, undefined);
            assert.ok(error && error.length > 0);
        });
    }
});

describe("policies/lib/imageReference: classifyTag", () => {
    it("accepts v<semver>, sha-<40 hex> and tag@digest", () => {
        assert.deepEqual(classifyTag("v1.2.27"), {
            kind: "release",
            immutable: true,
            tag: "v1.2.27",
            version: "1.2.27",
            prerelease: undefined,
        });
        assert.equal(classifyTag("v1.3.0-rc.1").prerelease, "rc.1");
        assert.equal(classifyTag("v1.3.0-rc.1").immutable, true);
        assert.equal(classifyTag(`sha-${SHA40}`).kind, "commit");
        assert.equal(classifyTag(`latest@${DIGEST}`).kind, "digest");
        assert.equal(classifyTag(`@${DIGEST}`).immutable, true);
    });

    const mutable: [unknown, string][] = [
        ["latest", "latest"],
        ["main", "mutable"],
        ["V1.2.3", "mutable"],
        [`SHA-${SHA40}`, "mutable"],
        [`sha-${SHA40.toUpperCase()}`, "mutable"],
        ["sha-c30cd42eb275", "mutable"],
        ["1.2.3", "mutable"],
        ["v1.2", "mutable"],
        ["v01.2.3", "mutable"],
        ["", "empty"],
        ["   ", "empty"],
        [null, "empty"],
        [1.2, "mutable"],
        [true, "invalid"],
        ["v1.2.3+build", "invalid"],
        [`latest@sha256:${HEX64.toUpperCase()}`, "invalid"],
    ];
    for (const [value, kind] of mutable) {
        it(`rejects ${JSON.stringify(value)} as ${kind}`, () => {
            const verdict = classifyTag(value);
            assert.equal(verdict.immutable, false);
            assert.equal(verdict.kind, kind);
            assert.ok(verdict.problem);
        });
    }

    it("explains odd casing", () => {
        assert.match(classifyTag("V1.2.3").problem ?? "", /lower-case v/);
        assert.match(classifyTag("SHA-abc").problem ?? "", /sha-/);
        assert.match(classifyTag("1.2.3").problem ?? "", /leading v/);
    });
});

describe("policies/lib/imageReference: classifyDigest and classifyImageReference", () => {
    it("accepts sha256 digests with or without @, lower-case only", () => {
        assert.equal(classifyDigest(DIGEST).immutable, true);
        assert.equal(classifyDigest(`@${DIGEST}`).immutable, true);
        assert.equal(classifyDigest(`sha256:${HEX64.toUpperCase()}`).immutable, false);
        assert.match(classifyDigest(`sha256:${HEX64.toUpperCase()}`).problem ?? "", /lower-case/);
        assert.equal(classifyDigest("sha256:abc").immutable, false);
        assert.equal(classifyDigest(`sha512:${HEX64}${HEX64}`).immutable, false);
        assert.equal(classifyDigest("").kind, "empty");
    });

    const immutable = [
        `ghcr.io/carverauto/serviceradar-core:sha-${SHA40}`,
        "registry:5000/app:v1.2.3",
        `app:latest@${DIGEST}`,
        `localhost:5000/app@${DIGEST}`,
        "ghcr.io/carverauto/serviceradar-web-ng:v1.2.27",
    ];
    for (const ref of immutable) {
        it(`accepts ${ref}`, () =>
            assert.equal(classifyImageReference(ref).immutable, true, JSON.stringify(classifyImageReference(ref))));
    }

    const rejected: [string, string][] = [
        ["localhost:5000/app", "latest"],
        ["registry:5000/app", "latest"],
        ["docker.io/library/nginx", "latest"],
        ["nginx", "latest"],
        ["nginx:latest", "latest"],
        ["ghcr.io/carverauto/serviceradar-core:V1.2.3", "mutable"],
        [`ghcr.io/carverauto/serviceradar-core:SHA-${SHA40}`, "mutable"],
        [`app@sha256:${HEX64.toUpperCase()}`, "invalid"],
        ["", "empty"],
        ["GHCR.io/App:v1.2.3", "invalid"],
    ];
    for (const [ref, kind] of rejected) {
        it(`rejects ${JSON.stringify(ref)} as ${kind}`, () => {
            const verdict = classifyImageReference(ref);
            assert.equal(verdict.immutable, false);
            assert.equal(verdict.kind, kind);
        });
    }

    it("knows which references Kubernetes pulls Always by default", () => {
        assert.equal(pullsLatest("nginx"), true);
        assert.equal(pullsLatest("registry:5000/app"), true);
        assert.equal(pullsLatest("nginx:latest"), true);
        assert.equal(pullsLatest("nginx:main"), false);
        assert.equal(pullsLatest(`nginx@${DIGEST}`), false);
    });
});

describe("policies/lib/imageReference: exact verdicts and messages", () => {
    const UPPER = HEX64.toUpperCase();
    const mustBeSha256 = "a digest must be sha256:<64 lower-case hex digits>";
    const digests: [unknown, object][] = [
        [undefined, { kind: "empty", immutable: false, problem: "the digest is empty" }],
        [null, { kind: "empty", immutable: false, problem: "the digest is empty" }],
        ["", { kind: "empty", immutable: false, problem: "the digest is empty" }],
        ["  ", { kind: "empty", immutable: false, problem: "the digest is empty" }],
        [5, { kind: "invalid", immutable: false, problem: "the digest is not a string" }],
        [DIGEST, { kind: "digest", immutable: true }],
        [`@${DIGEST}`, { kind: "digest", immutable: true }],
        [`${DIGEST}0`, { kind: "invalid", immutable: false, problem: mustBeSha256 }],
        [`x${DIGEST}`, { kind: "invalid", immutable: false, problem: mustBeSha256 }],
        [`sha256:${HEX64.slice(1)}`, { kind: "invalid", immutable: false, problem: mustBeSha256 }],
        [`sha256:${UPPER}`, { kind: "invalid", immutable: false, problem: "the digest's hex must be lower-case" }],
        [`sha256:${UPPER}0`, { kind: "invalid", immutable: false, problem: mustBeSha256 }],
        [`xsha256:${UPPER}`, { kind: "invalid", immutable: false, problem: mustBeSha256 }],
        ["sha256:abc", { kind: "invalid", immutable: false, problem: mustBeSha256 }],
    ];
    for (const [value, verdict] of digests) {
        it(`classifyDigest(${String(value).slice(0, 20)}) is ${JSON.stringify(verdict).slice(0, 60)}`, () =>
            assert.deepEqual(classifyDigest(value), verdict));
    }

    const emptyTag = { kind: "empty", immutable: false, problem: "the tag is empty (an empty tag pulls latest)" };
    const mutable = (tag: string, problem = "it is a mutable tag") => ({
        kind: "mutable",
        immutable: false,
        tag,
        problem,
    });
    const commitProblem = "commit tags are sha- and the full 40-hex, lower-case commit id";
    const tags: [unknown, object][] = [
        [undefined, emptyTag],
        [null, emptyTag],
        ["", emptyTag],
        [" ", emptyTag],
        [true, { kind: "invalid", immutable: false, problem: "the tag is not a string" }],
        [{}, { kind: "invalid", immutable: false, problem: "the tag is not a string" }],
        [12, mutable("12")],
        [`v1.2.27@${DIGEST}`, { kind: "digest", immutable: true, tag: "v1.2.27" }],
        [`@${DIGEST}`, { kind: "digest", immutable: true, tag: undefined }],
        [`-bad@${DIGEST}`, { kind: "invalid", immutable: false, tag: "-bad", problem: '"-bad" is not a valid tag' }],
        ["v1@sha256:abc", { kind: "invalid", immutable: false, problem: mustBeSha256, tag: "v1" }],
        [`sha-${SHA40}`, { kind: "commit", immutable: true, tag: `sha-${SHA40}` }],
        [`sha-${SHA40}-dirty`, mutable(`sha-${SHA40}-dirty`, commitProblem)],
        [`xsha-${SHA40}`, mutable(`xsha-${SHA40}`)],
        ["SHA-abc", mutable("SHA-abc", commitProblem)],
        ["xsha-abc", mutable("xsha-abc")],
        ["latest", { kind: "latest", immutable: false, tag: "latest", problem: "latest moves with every build" }],
        ["V1.2.3", mutable("V1.2.3", "release tags are v<semver> with a lower-case v")],
        ["av1.2.3", mutable("av1.2.3")],
        ["vmain", mutable("vmain")],
        ["x1.2.3-dev", mutable("x1.2.3-dev")],
        ["1.2.3", mutable("1.2.3", "release tags carry a leading v (v<semver>)")],
        ["main", mutable("main")],
        ["-x", { kind: "invalid", immutable: false, tag: "-x", problem: "it is not a valid image tag" }],
    ];
    for (const [value, verdict] of tags) {
        it(`classifyTag(${JSON.stringify(value)?.slice(0, 24)}) is ${JSON.stringify(verdict).slice(0, 70)}`, () =>
            assert.deepEqual(classifyTag(value), verdict));
    }

    const emptyImage = { kind: "empty", immutable: false, problem: "the image is empty" };
    const references: [unknown, object][] = [
        [undefined, emptyImage],
        [null, emptyImage],
        ["", emptyImage],
        [" ", emptyImage],
        [7, { kind: "invalid", immutable: false, problem: "the image is not a string" }],
        ["nginx", { kind: "latest", immutable: false, tag: "latest", problem: "it has no tag, so it pulls latest" }],
        ["nginx:v1.0.0", { kind: "release", immutable: true, tag: "v1.0.0", version: "1.0.0", prerelease: undefined }],
        [`nginx@${DIGEST}`, { kind: "digest", immutable: true, tag: undefined }],
        [`nginx:latest@${DIGEST}`, { kind: "digest", immutable: true, tag: "latest" }],
        [
            `nginx@sha256:${UPPER}`,
            { kind: "invalid", immutable: false, problem: "the digest's hex must be lower-case", tag: undefined },
        ],
        ["nginx:main", mutable("main")],
        [
            "Nginx:v1",
            { kind: "invalid", immutable: false, problem: 'the repository "library/Nginx" must be lower-case' },
        ],
    ];
    for (const [value, verdict] of references) {
        it(`classifyImageReference(${JSON.stringify(value)?.slice(0, 24)}) is ${JSON.stringify(verdict).slice(0, 60)}`, () =>
            assert.deepEqual(classifyImageReference(value), verdict));
    }

    const parsed: [string, object][] = [
        ["", { error: "the image reference is empty" }],
        [" ", { error: "the image reference is empty" }],
        ["a b", { error: "the image reference contains whitespace" }],
        ["app:", { error: "the tag after ':' is empty" }],
        [`@${DIGEST}`, { error: "the repository name is empty" }],
        [":v1", { error: "the repository name is empty" }],
        ["/app", { error: 'the repository "/app" is not a valid repository path' }],
        ["app@x", { error: 'the digest "x" is not <algorithm>:<hex>' }],
        ["app:-v1", { error: 'the tag "-v1" is not a valid tag' }],
        ["ghcr.io/Team/app", { error: 'the repository "Team/app" must be lower-case' }],
        ["ghcr.io/team/app-", { error: 'the repository "team/app-" is not a valid repository path' }],
        ["ghcr.io/te_-am/app", { error: 'the repository "te_-am/app" is not a valid repository path' }],
        ["-r.io/app", { error: 'the registry host "-r.io" is not a host[:port]' }],
        ["x/app@Sha256:abc", { error: 'the digest "Sha256:abc" is not <algorithm>:<hex>' }],
        ["x/app@sha256-:abc", { error: 'the digest "sha256-:abc" is not <algorithm>:<hex>' }],
        ["x/app@sha256:abc!", { error: 'the digest "sha256:abc!" is not <algorithm>:<hex>' }],
        ["x/app@!sha256:abc", { error: 'the digest "!sha256:abc" is not <algorithm>:<hex>' }],
        ["ghcr.io/te--am/app", { reference: { registry: "ghcr.io", repository: "te--am/app" } }],
        ["ghcr.io/te.am/app", { reference: { registry: "ghcr.io", repository: "te.am/app" } }],
        ["ghcr.io/te__am/app", { reference: { registry: "ghcr.io", repository: "te__am/app" } }],
        ["a.b", { reference: { registry: "docker.io", repository: "library/a.b" } }],
        ["r/app", { reference: { registry: "docker.io", repository: "r/app" } }],
        ["Registry/app", { reference: { registry: "Registry", repository: "app" } }],
        ["a.b/app", { reference: { registry: "a.b", repository: "app" } }],
        ["r:5/app", { reference: { registry: "r:5", repository: "app" } }],
        ["x/app@sha256+xy:abc", { reference: { registry: "docker.io", repository: "x/app", digest: "sha256+xy:abc" } }],
    ];
    for (const [input, result] of parsed) {
        it(`parseImageReference(${JSON.stringify(input)}) gives ${JSON.stringify(result).slice(0, 70)}`, () => {
            const { reference, error } = parseImageReference(input);
            const expected = result as { reference?: object; error?: string };
            assert.equal(error, expected.error);
            assert.deepEqual(
                reference,
                expected.reference && { tag: undefined, digest: undefined, ...expected.reference },
            );
        });
    }

    it("pullsLatest is false for what is not an image reference", () => {
        assert.equal(pullsLatest("a b"), false);
        assert.equal(pullsLatest("app:"), false);
    });
});
