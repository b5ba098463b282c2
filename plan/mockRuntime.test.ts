import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { runProgramOnMocks } from "./mockRuntime";
import type { StackConfiguration } from "../config/stackConfig";

const STACK: StackConfiguration = { project: "p", stack: "s", values: {}, secretKeys: [], placeholders: [] };

class Thing extends pulumi.CustomResource {
    declare readonly value: pulumi.Output<string>;
    constructor(name: string, value: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions) {
        super("test:index:Thing", name, { value }, opts);
    }
}

describe("plan/mockRuntime: one process, many runs", () => {
    it("records resources declared inside applies, however deep, before the run resolves", async () => {
        const run = await runProgramOnMocks(() => {
            const root = new Thing("root", "a");
            root.value.apply((v) => {
                const child = new Thing("child", `${v}b`);
                child.value.apply((w) => new Thing("grandchild", `${w}c`));
            });
            return { root: root.value };
        }, STACK);
        assert.deepStrictEqual(run.resources.map((r) => [r.name, r.inputs.value]).sort(), [
            ["child", "ab"],
            ["grandchild", "abc"],
            ["root", "a"],
        ]);
        assert.deepStrictEqual(run.outputs, { root: "a" });
    });

    it("keeps runs apart: the second run sees only its own resources and config", async () => {
        const first = runProgramOnMocks(() => new Thing("first", new pulumi.Config("p").require("k")), {
            ...STACK,
            values: { "p:k": "one" },
        });
        const second = runProgramOnMocks(() => new Thing("second", new pulumi.Config("p").require("k")), {
            ...STACK,
            values: { "p:k": "two" },
        });
        const [a, b] = await Promise.all([first, second]);
        assert.deepStrictEqual(
            a.resources.map((r) => [r.name, r.inputs.value]),
            [["first", "one"]],
        );
        assert.deepStrictEqual(
            b.resources.map((r) => [r.name, r.inputs.value]),
            [["second", "two"]],
        );
    });

    it("rejects with the program's error, and the next run still works", async () => {
        await assert.rejects(
            runProgramOnMocks(() => {
                throw new Error("bad program");
            }, STACK),
            /bad program/,
        );
        const next = await runProgramOnMocks(() => new Thing("after", "x"), STACK);
        assert.deepStrictEqual(
            next.resources.map((r) => r.name),
            ["after"],
        );
    });

    it("runs the program without source-mapped stacks and gives the process its setting back, also after a failure", async () => {
        const before = process.sourceMapsEnabled;
        let during: boolean | undefined;
        await runProgramOnMocks(() => {
            during = process.sourceMapsEnabled;
            return new Thing("mapped", "x");
        }, STACK);
        assert.strictEqual(during, false);
        assert.strictEqual(process.sourceMapsEnabled, before);
        process.setSourceMapsEnabled(!before);
        try {
            await assert.rejects(
                runProgramOnMocks(() => {
                    throw new Error("bad program");
                }, STACK),
            );
            assert.strictEqual(process.sourceMapsEnabled, !before);
        } finally {
            process.setSourceMapsEnabled(before);
        }
    });
});
