import * as assert from "assert";
import * as YAML from "yaml";
import { stringifyPortableYaml } from "../../../lib/yaml/portable";

/** What a YAML 1.1 reader (PyYAML, Ruby, js-yaml's default schema) and a YAML 1.2 reader make of the text. */
function readsBack(text: string) {
    return [YAML.parse(text, { version: "1.1" }), YAML.parse(text, { version: "1.2" })];
}

describe("lib/yaml/portable: YAML that reads the same under 1.1 and 1.2", () => {
    const tricky = [
        "2022-11-28",
        "2026-11-27T10:02:06Z",
        "yes",
        "No",
        "on",
        "OFF",
        "y",
        "1.10",
        "012",
        "0o12",
        "0x1F",
        "1_000",
        "1:20",
        "1e3",
        ".inf",
        "~",
        "null",
        "",
        "true",
        "key: value",
        "- item",
    ];

    it("keeps every string a string, as keys and as values, for both readers", () => {
        const value = {
            ...Object.fromEntries(tricky.map((text, i) => [`k${i}`, text])),
            ...Object.fromEntries(tricky.filter((t) => t !== "").map((text) => [text, "as a key"])),
            list: tricky,
            "X-GitHub-Api-Version": "2022-11-28",
        };
        const text = stringifyPortableYaml(value);
        for (const read of readsBack(text)) assert.deepStrictEqual(read, value);
    });

    it("quotes only what needs it, and keeps numbers and booleans typed", () => {
        const text = stringifyPortableYaml({ name: "serviceradar", version: "1.2.27", replicas: 3, enabled: true });
        assert.strictEqual(text, "name: serviceradar\nversion: 1.2.27\nreplicas: 3\nenabled: true\n");
        assert.strictEqual(stringifyPortableYaml({ version: "1.10" }), 'version: "1.10"\n');
    });

    it("the check can fail: the yaml library's default output reads differently under YAML 1.1", () => {
        const plain = YAML.stringify({ date: "2022-11-28", switch: "on", octal: "0o12" });
        const [oneOne, oneTwo] = readsBack(plain);
        assert.ok(oneOne.date instanceof Date || oneOne.switch === true || oneTwo.octal === 10);
    });
});
