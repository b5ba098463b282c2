// The environment's values as the hydrator wraps them (promotion/hydratedFiles.ts), whole: which image tags are removed
// and named in the header, which are kept, and what is refused, with where.
import { strict as assert } from "node:assert";
import { wrapEnvironmentValues } from "./hydratedFiles";

const SOURCE = "carverauto/serviceradar@abc:helm/demo/values.yaml";
const HEADER = `#Written by serviceradar-release (Pulumi) from ${SOURCE}; edit that file, not this one.`;

describe("promotion/hydratedFiles: the environment's values, wrapped for the umbrella chart", () => {
    it("removes the tags the release pins decide, names each, and keeps every other tag", () => {
        const values = [
            "global:",
            "  imageTag: v9.9.9",
            "  imagePullPolicy: Always",
            "  nested:",
            "    imageTag: kept-below-global",
            "image:",
            "  tags:",
            "    core: v9",
            "  digests:",
            "    core: sha256:aa",
            "  registryPullSecret: ghcr-pull",
            "  extra:",
            "    tags: kept-below-image",
            "core:",
            "  image:",
            "    repository: ghcr.io/carverauto/serviceradar-core",
            "    tag: v9",
            "    digest: sha256:bb",
            "  global:",
            "    imageTag: kept-not-top-level",
            "nats:",
            "  image:",
            "    repository: docker.io/library/nats",
            "    tag: 2.10.0",
            "  kind: Deployment",
            "workers:",
            "  - image:",
            "      tag: v9",
            "",
        ].join("\n");
        assert.equal(
            wrapEnvironmentValues(values, "serviceradar", SOURCE),
            [
                HEADER,
                "#Image tags removed (the release pins decide them): global.imageTag, image.tags, image.digests, " +
                    "core.image.tag, core.image.digest, workers.0.image.tag",
                "",
                "serviceradar:",
                "  global:",
                "    imagePullPolicy: Always",
                "    nested:",
                "      imageTag: kept-below-global",
                "  image:",
                "    registryPullSecret: ghcr-pull",
                "    extra:",
                "      tags: kept-below-image",
                "  core:",
                "    image:",
                "      repository: ghcr.io/carverauto/serviceradar-core",
                "    global:",
                "      imageTag: kept-not-top-level",
                "  nats:",
                "    image:",
                "      repository: docker.io/library/nats",
                "      tag: 2.10.0",
                "    kind: Deployment",
                "  workers:",
                "    - image: {}",
                "",
            ].join("\n"),
        );
    });

    it("writes only the header line when nothing was removed", () => {
        assert.equal(
            wrapEnvironmentValues("replicas: 2\n", "serviceradar", SOURCE),
            `${HEADER}\n\nserviceradar:\n  replicas: 2\n`,
        );
    });

    it("refuses a Kubernetes manifest, saying where it is; apiVersion or kind alone is a value", () => {
        assert.throws(() => wrapEnvironmentValues("apiVersion: v1\nkind: Secret\n", "serviceradar", SOURCE), {
            message: `${SOURCE} holds a Kubernetes manifest at the top level; a values file holds Helm values only`,
        });
        assert.throws(
            () => wrapEnvironmentValues("extra:\n  - apiVersion: v1\n    kind: Secret\n", "serviceradar", SOURCE),
            { message: `${SOURCE} holds a Kubernetes manifest at extra.0; a values file holds Helm values only` },
        );
        assert.doesNotThrow(() =>
            wrapEnvironmentValues("a:\n  apiVersion: v1\nb:\n  kind: x\n", "serviceradar", SOURCE),
        );
    });

    it("refuses YAML that does not parse by position only, never quoting the file, and anything but a map", () => {
        assert.throws(
            () => wrapEnvironmentValues("a: [1\npassword: hunter2\n", "serviceradar", SOURCE),
            (err: Error) => {
                assert.match(
                    err.message,
                    new RegExp(`^${SOURCE.replace(/[.@]/g, "\\$&")} is not valid YAML at line \\d+, column \\d+$`),
                );
                assert.ok(!err.message.includes("hunter2"));
                return true;
            },
        );
        assert.throws(() => wrapEnvironmentValues("- a\n- b\n", "serviceradar", SOURCE), {
            message: `${SOURCE} is not a YAML map of Helm values`,
        });
    });
});
