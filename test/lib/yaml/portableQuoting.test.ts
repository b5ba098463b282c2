// Strings a YAML reader refuses as plain scalars: the yaml library would quote them its own way (single quotes, a
// block scalar); the portable writer double-quotes them, as every string it quotes.
import { strict as assert } from "node:assert";
import * as YAML from "yaml";
import { stringifyPortableYaml } from "../../../lib/yaml/portable";

describe("lib/yaml/portable: strings no reader takes as plain scalars", () => {
    it("double-quotes a string that starts with a flow indicator, which a reader refuses plain", () => {
        const text = stringifyPortableYaml({ note: ',a"' });
        assert.equal(text, 'note: ",a\\""\n');
        assert.deepEqual(YAML.parse(text, { version: "1.1" }), { note: ',a"' });
        assert.deepEqual(YAML.parse(text, { version: "1.2" }), { note: ',a"' });
    });

    it("double-quotes a string whose second line is a document marker", () => {
        assert.equal(stringifyPortableYaml({ note: "a\n---" }), 'note: "a\\n---"\n');
    });
});
