import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { repositoryFiles } from "./support/repositoryFiles";

// Every import points down or sideways in the order docs/architecture.md states ("Layers"): the order is read from the
// document itself, so the document and this test cannot drift apart.
const ROOT = path.resolve(__dirname, "..");
const ARCHITECTURE = path.join(ROOT, "docs", "architecture.md");

/** One entry of the layer table: a folder (`lib/`) or a file (`index.ts`), and its layer (higher may import lower). */
export interface LayerEntry {
    path: string;
    layer: number;
}

/** The rows between `<!-- layers:begin -->` and `<!-- layers:end -->`: `| <layer> | `<path>`, `<path>` |`. */
export function readLayers(markdown: string): LayerEntry[] {
    const begin = markdown.indexOf("<!-- layers:begin -->");
    const end = markdown.indexOf("<!-- layers:end -->");
    if (begin < 0 || end < begin) throw new Error("docs/architecture.md has no <!-- layers:begin/end --> table");
    const entries: LayerEntry[] = [];
    for (const line of markdown.slice(begin, end).split("\n")) {
        const row = /^\|\s*(\d+)\s*\|(.*)\|\s*$/.exec(line.trim());
        if (!row) continue;
        const paths = [...row[2].matchAll(/`([^`]+)`/g)].map((match) => match[1]);
        if (paths.length === 0) throw new Error(`layer ${row[1]} names no folder`);
        for (const entry of paths) entries.push({ path: entry, layer: Number(row[1]) });
    }
    return entries;
}

/** The entry a repository-relative path belongs to: the longest folder it is under, or the file itself. */
export function entryOf(relative: string, layers: readonly LayerEntry[]): LayerEntry | undefined {
    return layers
        .filter((entry) => (entry.path.endsWith("/") ? relative.startsWith(entry.path) : relative === entry.path))
        .sort((a, b) => b.path.length - a.path.length)[0];
}

export function isTest(relative: string): boolean {
    return relative.startsWith("test/") || relative.endsWith(".test.ts");
}

/** The file a relative module specifier names, as Node and TypeScript resolve it (`x` → `x.ts`, `x/index.ts`). */
function resolveSpecifier(fromFile: string, specifier: string): string {
    const target = path.resolve(path.dirname(fromFile), specifier);
    for (const candidate of [target, `${target}.ts`, path.join(target, "index.ts")]) {
        if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
    }
    return target;
}

export interface Violation {
    file: string;
    line: number;
    imports: string;
    why: string;
}

/** The imports of one source file that point up (or out of) the layer order; tests may import anything. */
export function violationsOf(file: string, text: string, layers: readonly LayerEntry[]): Violation[] {
    const from = path.relative(ROOT, file).split(path.sep).join("/");
    if (isTest(from)) return [];
    const source = entryOf(from, layers);
    const info = ts.preProcessFile(text, true, true);
    const lineOf = (pos: number) => text.slice(0, pos).split("\n").length;
    const violations: Violation[] = [];
    if (!source) violations.push({ file: from, line: 1, imports: "", why: "the file is in no layer" });
    for (const imported of info.importedFiles) {
        if (!imported.fileName.startsWith(".")) continue; // a package, not part of the order
        const to = path.relative(ROOT, resolveSpecifier(file, imported.fileName)).split(path.sep).join("/");
        const target = entryOf(to, layers);
        const where = { file: from, line: lineOf(imported.pos), imports: to };
        if (!target) violations.push({ ...where, why: "the import is in no layer" });
        else if (source && target.layer > source.layer) {
            violations.push({
                ...where,
                why: `${source.path} (layer ${source.layer}) imports ${target.path} (layer ${target.layer}), above it`,
            });
        }
    }
    return violations;
}

describe("architecture: every import points down or sideways (docs/architecture.md)", () => {
    const layers = readLayers(fs.readFileSync(ARCHITECTURE, "utf8"));

    it("reads the layer table of docs/architecture.md, every entry existing and named once", () => {
        assert.ok(layers.length >= 10, `only ${layers.length} entries read`);
        const names = layers.map((entry) => entry.path);
        assert.deepEqual(
            names.filter((name, i) => names.indexOf(name) !== i),
            [],
            "an entry is named twice",
        );
        for (const entry of layers) assert.ok(fs.existsSync(path.join(ROOT, entry.path)), `${entry.path} exists`);
    });

    it("finds an upward import, an import of a test and a file in no layer (the checker itself)", () => {
        const sample: LayerEntry[] = [
            { path: "tools/", layer: 3 },
            { path: "index.ts", layer: 2 },
            { path: "config/", layer: 1 },
        ];
        const config = path.join(ROOT, "config", "sample.ts");
        assert.deepEqual(
            violationsOf(config, `import { x } from "../tools/x";\nimport type { Y } from "./y";\n`, sample).map(
                (violation) => [violation.line, violation.imports, violation.why],
            ),
            [[1, "tools/x", "config/ (layer 1) imports tools/ (layer 3), above it"]],
        );
        assert.equal(violationsOf(config, `export * from "../index";\n`, sample).length, 1, "export ... from");
        assert.equal(violationsOf(config, `const t = require("../tools/t");\n`, sample).length, 1, "require");
        assert.equal(
            violationsOf(config, `import "../test/support/plan";\n`, sample)[0]?.why,
            "the import is in no layer",
        );
        assert.equal(violationsOf(path.join(ROOT, "other", "a.ts"), "", sample)[0]?.why, "the file is in no layer");
        assert.deepEqual(violationsOf(path.join(ROOT, "config", "a.test.ts"), `import "../tools/x";\n`, sample), []);
        assert.deepEqual(violationsOf(path.join(ROOT, "tools", "a.ts"), `import "../config/c";\n`, sample), []);
    });

    it("no source file imports a folder above its own", () => {
        const violations = repositoryFiles(".ts").flatMap((file) =>
            violationsOf(file, fs.readFileSync(file, "utf8"), layers),
        );
        assert.deepEqual(
            violations.map((v) => `${v.file}:${v.line}: ${v.imports ? `imports ${v.imports}: ` : ""}${v.why}`),
            [],
        );
    });
});
