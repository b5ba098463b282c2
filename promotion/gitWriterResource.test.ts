// The git writers' resources as the program declares them (gitWriterResource.ts), on Pulumi's mock runtime: their
// kind, GitHub's API root when none is given, and their outputs (unknown at registration) exposed as outputs.
import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { runProgramOnMocks } from "../plan/mockRuntime";
import { EnvironmentHydrator } from "./environmentHydrator";
import { HYDRATED_ENVIRONMENT_KIND } from "./hydratedEnvironmentKind";
import { RELEASE_DRY_COMMIT_KIND, ReleaseDryCommit } from "./releaseDryCommit";

const stack = { project: "serviceradar-release", stack: "test", values: {}, secretKeys: [], placeholders: [] };

describe("promotion/gitWriterResource: the git writers as resources", () => {
    it("register their kind and api.github.com, and expose every output the provider returns", async () => {
        let outputs: Record<string, boolean[]> = {};
        const run = await runProgramOnMocks(() => {
            const dry = new ReleaseDryCommit("dry", { repository: "o/r" } as never);
            const hydrator = new EnvironmentHydrator("demo", { repository: "o/r" } as never);
            outputs = {
                dry: [dry.drySha, dry.valuesCommit].map((o) => pulumi.Output.isInstance(o)),
                hydrator: [hydrator.commitSha, hydrator.drySha].map((o) => pulumi.Output.isInstance(o)),
            };
            return {};
        }, stack);
        const registered = (kind: string) => {
            const inputs = run.resources.find((r) => r.inputs.kind === kind)!.inputs;
            return { kind: inputs.kind, apiUrl: inputs.apiUrl, repository: inputs.repository };
        };
        for (const kind of [RELEASE_DRY_COMMIT_KIND, HYDRATED_ENVIRONMENT_KIND]) {
            assert.deepEqual(registered(kind), { kind, apiUrl: "https://api.github.com", repository: "o/r" });
        }
        assert.deepEqual(outputs, { dry: [true, true], hydrator: [true, true] });
    });
});
