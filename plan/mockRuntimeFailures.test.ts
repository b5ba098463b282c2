import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { runProgramOnMocks } from "./mockRuntime";
import type { StackConfiguration } from "../config/stackConfig";

const STACK: StackConfiguration = { project: "p", stack: "s", values: {}, secretKeys: [], placeholders: [] };

class Thing extends pulumi.CustomResource {
    constructor(name: string, opts?: pulumi.CustomResourceOptions) {
        super("test:index:Thing", name, {}, opts);
    }
}

describe("plan/mockRuntime failures and aliases", () => {
    it("fails the run on a rejection the program left unobserved, though the program itself returned", async () => {
        await assert.rejects(
            runProgramOnMocks(() => {
                void Promise.reject(new Error("lost rejection"));
                return new Thing("kept");
            }, STACK),
            { message: "lost rejection" },
        );
    });

    it("records an alias given by URN as that URN", async () => {
        const urn = "urn:pulumi:s::p::test:index:Thing::old";
        const run = await runProgramOnMocks(() => new Thing("new", { aliases: [urn] }), STACK);
        assert.deepEqual(run.resources[0].options.aliases, [{ urn }]);
    });
});
