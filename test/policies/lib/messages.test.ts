import { strict as assert } from "node:assert";
import { at, MAX_SHOWN, quote } from "../../../policies/lib/messages";

describe("policies/lib/messages", () => {
    const long = "x".repeat(MAX_SHOWN);
    const cases: [string, unknown, string][] = [
        ["an unset value as (not set)", undefined, "(not set)"],
        ["a string JSON-quoted", 'say "hi"', '"say \\"hi\\""'],
        ["an empty string as two quotes", "", '""'],
        [`a string of ${MAX_SHOWN} characters whole`, long, `"${long}"`],
        [`a longer string cut at ${MAX_SHOWN} characters`, `${long}yz`, `"${long}…"`],
        ["a number as JSON", 1.5, "1.5"],
        ["null as JSON", null, "null"],
        ["a map as JSON", { a: [1, true] }, '{"a":[1,true]}'],
        ["a value JSON cannot show as text", Symbol.for("s"), "Symbol(s)"],
        [`a JSON text of ${MAX_SHOWN} characters whole`, [long.slice(4)], `["${long.slice(4)}"]`],
        [`a longer JSON text cut at ${MAX_SHOWN} characters`, [long], `["${long.slice(2)}…`],
    ];
    for (const [what, value, shown] of cases) {
        it(`quote shows ${what}`, () => assert.equal(quote(value), shown));
    }

    const places: [string, string | undefined, string][] = [
        ["deploy/release/values.yaml", undefined, "deploy/release/values.yaml"],
        ["deploy/release/values.yaml", "", "deploy/release/values.yaml"],
        ["deploy/release/values.yaml", "global.imageTag", "global.imageTag in deploy/release/values.yaml"],
    ];
    for (const [where, key, shown] of places) {
        it(`at(${JSON.stringify(where)}, ${JSON.stringify(key)}) is ${JSON.stringify(shown)}`, () =>
            assert.equal(at(where, key), shown));
    }
});
