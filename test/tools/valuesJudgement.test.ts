// What reaches an environment branch unjudged: the hydrator refuses manifests in a values file and removes the image
// tags the release pins decide; the values of an environment after the first are read at a tag or a commit, never
// at a branch.
import { strict as assert } from "node:assert";
import * as YAML from "yaml";
import { ConfigError, parseReleaseConfig } from "../../config/config";
import { wrapEnvironmentValues } from "../../promotion/hydratedFiles";
import { validSource } from "../support/configSource";

const SOURCE = "carverauto/serviceradar@v1.2.27:helm/serviceradar/values-demo.yaml";

describe("values that reach an environment branch", () => {
    describe("the hydrator's judgement of the environment's values file", () => {
        const manifests: Record<string, string> = {
            "a Secret as the file": "apiVersion: v1\nkind: Secret\nstringData:\n  password: hunter2-never-shown\n",
            "a Secret inside a list": "extraObjects:\n  - apiVersion: v1\n    kind: Secret\n    data: {a: aHVudGVy}\n",
        };
        for (const [name, content] of Object.entries(manifests)) {
            it(`refuses ${name}, without quoting it`, () => {
                assert.throws(
                    () => wrapEnvironmentValues(content, "serviceradar", SOURCE),
                    (err: Error) =>
                        /holds a Kubernetes manifest at/.test(err.message) && !/hunter2|aHVudGVy/.test(err.message),
                );
            });
        }

        it("removes ServiceRadar's image tags and names them; third-party images keep theirs", () => {
            const content = [
                "global:",
                "  imageTag: sha-deadbeef",
                "image:",
                "  registryPullSecret: cred",
                "  tags:",
                "    core: sha-deadbeef",
                "  digests:",
                "    core: sha256:00",
                "bmpCollector:",
                "  image:",
                "    repository: registry.carverauto.dev/serviceradar/arancini",
                "    tag: sha-deadbeef",
                "web:",
                "  image:",
                "    tag: sha-deadbeef",
                "gobgp:",
                "  image:",
                "    repository: docker.io/osrg/gobgp",
                "    tag: latest",
                "",
            ].join("\n");
            const wrapped = wrapEnvironmentValues(content, "serviceradar", SOURCE);
            const values = YAML.parse(wrapped).serviceradar;
            assert.deepStrictEqual(values.global, {});
            assert.deepStrictEqual(values.image, { registryPullSecret: "cred" });
            assert.deepStrictEqual(values.bmpCollector.image, {
                repository: "registry.carverauto.dev/serviceradar/arancini",
            });
            assert.deepStrictEqual(values.web.image, {});
            assert.deepStrictEqual(values.gobgp.image, { repository: "docker.io/osrg/gobgp", tag: "latest" });
            assert.match(
                wrapped,
                /#Image tags removed \(the release pins decide them\): global\.imageTag, image\.tags, image\.digests, bmpCollector\.image\.tag, web\.image\.tag/,
            );
        });
    });

    describe("valuesRevision", () => {
        const refused = (stack: string, overrides: Record<string, string>) =>
            assert.throws(
                () => parseReleaseConfig(validSource(stack, overrides)),
                (err: unknown) =>
                    err instanceof ConfigError &&
                    err.key === "valuesRevision" &&
                    /would move an environment after the first without a release/.test(err.message),
            );
        const accepted = (stack: string, overrides: Record<string, string>) =>
            parseReleaseConfig(validSource(stack, overrides));

        it("is refused as a branch where it feeds an environment after the first", () => {
            refused("demo-staging", { valuesRevision: "main" }); // the pipeline stack hydrates demo too
            refused("demo", { promotionMode: "direct", valuesRevision: "release/next" });
        });

        it("is a tag or a commit there; staging alone may follow a branch", () => {
            for (const revision of ["v1.2.27", "1.2.27-rc.1", "refs/tags/demo-approved", "a".repeat(40)]) {
                accepted("demo-staging", { valuesRevision: revision });
            }
            accepted("demo-staging", { promotionMode: "direct", valuesRevision: "main" });
        });
    });
});
