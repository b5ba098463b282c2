import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { misspelt, speltRight } from "./typedResources";

// test/types/typedResources.ts is checked by the whole-project type check (test/typecheck.test.ts): each misspelling
// sits under a `@ts-expect-error`, which tsc reports as unused if the field stops failing, and each has a twin spelt
// right that must compile clean. This test keeps the file honest: one directive per misspelling, one twin each.
describe("typed custom resources (generated from the vendored CRDs)", () => {
    const source = fs.readFileSync(path.join(__dirname, "typedResources.ts"), "utf8");

    it("puts exactly one @ts-expect-error under each misspelling, and none elsewhere", () => {
        const directives = source.match(/\/\/ @ts-expect-error .+/g) ?? [];
        assert.strictEqual(directives.length, Object.keys(misspelt).length, directives.join("\n"));
        const speltPart = source.slice(source.indexOf("export const speltRight"));
        assert.doesNotMatch(speltPart, /@ts-expect-error|@ts-ignore|as any|: any/);
    });

    it("gives every misspelling a twin spelt right", () => {
        assert.strictEqual(Object.keys(speltRight).length, Object.keys(misspelt).length);
        for (const [name, build] of Object.entries(speltRight)) assert.ok(build().metadata, name);
    });
});
