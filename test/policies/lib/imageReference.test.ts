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
