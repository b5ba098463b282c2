import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
    StackFileError,
    editStackVersion,
    effectiveValue,
    parseProject,
    readProjectFile,
    readStackConfigSection,
    readStackFile,
    stackValues,
} from "../../config/stackFile";

const P = "p";

function refusal(run: () => unknown): string {
    try {
        run();
    } catch (error) {
        assert.ok(error instanceof StackFileError, `not a StackFileError: ${String(error)}`);
        return error.message;
    }
    assert.fail("no refusal");
}

describe("config/stackFile: refusals name the file, the line and what to do", () => {
    it("names a control character by its upper-case code point and the escape to write instead", () => {
        assert.equal(
            refusal(() => stackValues("config:\n  p:a: x\u001by\n", P, "Pulumi.s.yaml")),
            "Pulumi.s.yaml line 2 holds U+001B (a control character), which the Pulumi CLI's YAML parser reads " +
                "differently from this one; remove it (in a double-quoted string, write it as an escape such as \\u001B)",
        );
    });

    it("names the line of an alias and of a plain << merge key", () => {
        assert.equal(
            refusal(() => stackValues("config:\n  p:a: &x 1\n  p:b: *x\n", P, "f")),
            "f line 3 uses an alias (*...); write the value out (aliases are not read alike by every YAML parser)",
        );
        assert.equal(
            refusal(() => stackValues("config:\n  p:a: 1\n  <<: {p:b: 2}\n", P, "f")),
            "f line 3 uses a << merge key; write the keys out (YAML 1.2 has no merge keys, the Pulumi CLI merges)",
        );
    });

    it("reads a quoted << as an ordinary key, as the Pulumi CLI does", () => {
        assert.deepEqual(stackValues('config:\n  "<<": 1\n', P), { "<<": "1" });
    });

    it("names the line and column of a syntax error, never its text", () => {
        assert.equal(
            refusal(() => stackValues("config:\n  p:a: [\n", P, "f")),
            "f is not valid YAML at line 3, column 1 (BAD_INDENT; the text is not shown)",
        );
    });

    it("refuses a config: that is not a mapping, naming the stack file by default", () => {
        assert.equal(
            refusal(() => stackValues("config: 5\n", P)),
            "stack file's config: is not a mapping",
        );
        assert.equal(
            refusal(() => readStackConfigSection("config: [a]\n", P)),
            "stack file's config: is not a mapping",
        );
        assert.equal(
            refusal(() => parseProject("name: p\nconfig: 5\n")),
            "Pulumi.yaml's config: is not a mapping",
        );
    });

    it("reads an empty or null config: as no values", () => {
        assert.deepEqual(readStackConfigSection("config:\n", P), { values: {}, encrypted: [], warnings: [] });
        assert.deepEqual(readStackConfigSection("config: ~\n", P), { values: {}, encrypted: [], warnings: [] });
    });

    it("refuses a project file without a name, naming Pulumi.yaml by default", () => {
        assert.equal(
            refusal(() => parseProject("name: 5\n")),
            "Pulumi.yaml has no project name",
        );
        assert.equal(
            refusal(() => parseProject("runtime: nodejs\n", "P.yaml")),
            "P.yaml has no project name",
        );
    });

    it("refuses two spellings of one key that differ only in Unicode normalisation", () => {
        assert.equal(
            refusal(() => stackValues("config:\n  p:caf\u00e9: 1\n  p:cafe\u0301: 2\n", P, "f")),
            'f sets "p:caf\u00e9" and "p:cafe\u0301", which differ only in Unicode normalisation; keep one of them',
        );
    });

    it("names the bare key first when a qualified key and its bare twin are both set, in either order", () => {
        assert.equal(
            refusal(() => stackValues("config:\n  p:version: 1\n  version: 2\n", P, "f")),
            "f sets both version and p:version; keep one of them",
        );
        assert.equal(
            refusal(() => stackValues("config:\n  version: 1\n  p:version: 2\n", P, "f")),
            "f sets both version and p:version; keep one of them",
        );
    });
});

describe("config/stackFile: what parsing noticed, one line each", () => {
    it("names an unknown tag and any other warning by line, never the value", () => {
        assert.deepEqual(readStackConfigSection("%FOO bar\n---\nconfig:\n  p:a: !secret x\n", P, "f").warnings, [
            "YAML warning BAD_DIRECTIVE in f at line 1 (value not shown)",
            "unknown tag !secret in f at line 4 (value not shown); Pulumi reads the value as plain text",
        ]);
    });

    it("reads a null key as the empty key", () => {
        assert.deepEqual(stackValues("config:\n  ~: 1\n", P), { "": "1" });
    });

    it("reads an unset key without a default as unset", () => {
        const project = parseProject("name: p\nconfig:\n  p:other: 1\n");
        assert.deepEqual(effectiveValue(project, "config:\n", "s", "missing"), { value: undefined, source: "unset" });
    });
});

describe("config/stackFile: editing the version", () => {
    const edit = (text: string, audit?: string) =>
        editStackVersion(text, { project: P, version: "1.0.1", ...(audit === undefined ? {} : { audit }) });

    it("adds a config section to an empty file, to a file whose config: is empty, and after other keys", () => {
        assert.equal(edit("").text, "config:\n  p:version: 1.0.1\n");
        assert.equal(edit("config:\n").text, "config:\n  p:version: 1.0.1\n");
        assert.equal(edit("encryptionsalt: x\n").text, "encryptionsalt: x\nconfig:\n  p:version: 1.0.1\n");
    });

    it("turns a lone ~ or --- into a mapping, and refuses any other top level in one line", () => {
        assert.equal(edit("~\n").text, "config:\n  p:version: 1.0.1\n");
        assert.equal(edit("---\n").text, "---\nconfig:\n  p:version: 1.0.1\n");
        assert.equal(
            refusal(() => edit("5\n")),
            "the stack file is not a mapping",
        );
        assert.equal(
            refusal(() => edit("- a\n")),
            "the stack file is not a mapping",
        );
    });

    it("reads an explicit version key without a value as no previous version", () => {
        assert.deepEqual(edit("config:\n  ? p:version\n"), {
            text: "config:\n  p:version: 1.0.1\n",
            previous: undefined,
            notes: [],
            warnings: [],
        });
    });

    it("refuses an encrypted version or pin, naming the key and the file", () => {
        assert.equal(
            refusal(() =>
                editStackVersion("config:\n  p:version:\n    secure: AAA\n", { project: P, version: "1" }, "f"),
            ),
            "p:version in f is not a plain value (is it encrypted?); edit it by hand",
        );
        assert.equal(
            refusal(() => edit("config:\n  p:version: 1.0.0\n  imageTag:\n    secure: AAA\n")),
            "imageTag in stack file is not a plain value (is it encrypted?); edit it by hand",
        );
    });

    it("never moves a pin when the file had no version to compare it with", () => {
        assert.deepEqual(edit("config:\n  p:imageTag: vundefined\n"), {
            text: "config:\n  p:imageTag: vundefined\n  p:version: 1.0.1\n",
            previous: undefined,
            notes: [],
            warnings: [
                "p:imageTag is pinned to vundefined in stack file and does not follow version (version 1.0.1 implies v1.0.1); remove the key or set it by hand",
            ],
        });
    });

    it("adds a config section under an explicit config key without a value", () => {
        assert.equal(edit("? config\n").text, "config:\n  p:version: 1.0.1\n");
    });

    it("keeps both comment lines above an explicit first version key, each on its own line", () => {
        assert.equal(
            edit("config:\n  # c\n  ? # d\n    p:version\n  : 1\n", "x").text,
            "config:\n  # c\n  # d\n  # forced-promotion: x\n  p:version: 1.0.1\n",
        );
    });

    it("reads a version key without a value as no previous version", () => {
        assert.deepEqual(edit("config:\n  p:version:\n"), {
            text: "config:\n  p:version: 1.0.1\n",
            previous: undefined,
            notes: [],
            warnings: [],
        });
    });

    it("refuses an edit that would drop a comment line, quoting that line", () => {
        assert.equal(
            refusal(() => editStackVersion("config:\n  # only\n", { project: P, version: "1.0.1" }, "f")),
            'editing f would drop the comment "# only"; edit it by hand',
        );
        assert.equal(
            refusal(() => edit("# c\n~\n")),
            'editing stack file would drop the comment "# c"; edit it by hand',
        );
    });

    it("removes an old audit line without leaving an empty comment", () => {
        assert.equal(
            edit("config:\n  p:a: 1\n  # forced-promotion: old\n  p:version: 1.0.0\n").text,
            "config:\n  p:a: 1\n  p:version: 1.0.1\n",
        );
    });

    it("keeps each ordinary comment line above the version key when it replaces the audit line", () => {
        assert.equal(
            edit("config:\n  p:a: 1\n  # one\n  # two\n  # forced-promotion: old\n  p:version: 1.0.0\n", "new").text,
            "config:\n  p:a: 1\n  # one\n  # two\n  # forced-promotion: new\n  p:version: 1.0.1\n",
        );
    });

    it("writes the audit reason on one line with single spaces", () => {
        assert.equal(
            edit("config:\n  p:a: 1\n  p:version: 1.0.0\n", "  forced\n by   me  ").text,
            "config:\n  p:a: 1\n  # forced-promotion: forced by me\n  p:version: 1.0.1\n",
        );
    });

    it("leaves the comment above the first key where it is when the version key is not first", () => {
        assert.equal(
            edit("config:\n  # top\n  p:a: 1\n  p:version: 1.0.0\n", "x").text,
            "config:\n  # top\n  p:a: 1\n  # forced-promotion: x\n  p:version: 1.0.1\n",
        );
    });

    it("never folds a long value", () => {
        const long = `config:\n  p:a: ${"word ".repeat(30)}end\n  p:version: 1.0.0\n`;
        assert.equal(edit(long).text, long.replace("1.0.0", "1.0.1"));
    });
});

describe("config/stackFile: files", () => {
    let root: string;
    beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), "stack-file-edges-"))));
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

    it("says there is no Pulumi.yaml and how to point at the project", () => {
        assert.equal(
            refusal(() => readProjectFile(root)),
            `no Pulumi.yaml in ${root} (pass --root <project dir>)`,
        );
    });

    it("says a missing stack's directory has no stacks at all", () => {
        assert.equal(
            refusal(() => readStackFile(root, "demo")),
            `no stack file Pulumi.demo.yaml in ${root}; known stacks: none`,
        );
    });

    it("lists as known stacks only files named exactly Pulumi.<stack>.yaml", () => {
        for (const name of ["Pulumi.b.yaml", "Pulumi.a.yaml", "xPulumi.c.yaml", "Pulumi.d.yaml.bak", "Pulumi.yaml"]) {
            fs.writeFileSync(path.join(root, name), "config: {}\n");
        }
        assert.equal(
            refusal(() => readStackFile(root, "demo")),
            `no stack file Pulumi.demo.yaml in ${root}; known stacks: a, b`,
        );
    });
});
