// The plan, the policy pack and the tools read a stack file exactly as the Pulumi CLI does, or refuse it: every case
// below is read by go-yaml v3 (the CLI's parser, conformance/goyaml) and by config/stackFile.ts, and either the
// reader here refuses it in one line naming the file and line, or both read the same values.
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { StackFileError, editStackVersion, readStackConfigSection } from "../../config/stackFile";
import { buildGoTool } from "../support/goTools";
import { PROJECT } from "./helpers";

/** Each case: a stack file a hostile or careless edit could produce. */
const CASES: Record<string, string> = {
    "NEL hides a key behind a comment": `config:\n  ${PROJECT}:version: 1.2.27 # note\u0085  ${PROJECT}:imageTag: evil\n`,
    "LS hides a key behind a comment": `config:\n  ${PROJECT}:version: 1.2.27 # note\u2028  ${PROJECT}:imageTag: evil\n`,
    "PS hides a key behind a comment": `config:\n  ${PROJECT}:version: 1.2.27 # note\u2029  ${PROJECT}:imageTag: evil\n`,
    "lone CR hides a key behind a comment": `config:\n  ${PROJECT}:version: 1.2.27 # note\r  ${PROJECT}:imageTag: evil\n`,
    "NEL after a value": `config:\n  ${PROJECT}:version: 1.2.27\u0085  ${PROJECT}:imageTag: evil\n`,
    "byte-order mark in the middle": `config:\n  ${PROJECT}:version: 1.2.27\n\uFEFF  ${PROJECT}:imageTag: evil\n`,
    "control character": `config:\n  ${PROJECT}:imageTag: v1\u0001\n`,
    "tab before a value": `config:\n  ${PROJECT}:imageTag:\tv1\n`,
    "tab indentation": `config:\n\t${PROJECT}:imageTag: v1\n`,
    "merge key": `base: &base\n  ${PROJECT}:imageTag: evil\nconfig:\n  <<: *base\n  ${PROJECT}:version: 1.2.27\n`,
    alias: `x: &tag evil\nconfig:\n  ${PROJECT}:imageTag: *tag\n`,
    "YAML 1.1 booleans": `config:\n  ${PROJECT}:protect: yes\n  ${PROJECT}:chartPrivate: on\n  ${PROJECT}:deploymentsEnabled: True\n`,
    "octal and underscores": `config:\n  ${PROJECT}:promoterGithubAppId: 0o17\n  ${PROJECT}:promoterGithubAppInstallationId: 0777\n  ${PROJECT}:reviewerTeamIds: 1_000\n`,
    "hex and floats": `config:\n  ${PROJECT}:version: 1.10\n  ${PROJECT}:imageTag: 0x1F\n  ${PROJECT}:chartVersion: .inf\n`,
    "binary tag": `config:\n  ${PROJECT}:imageTag: !!binary ZXZpbA==\n`,
    "numeric key": `config:\n  1.10: x\n  ${PROJECT}:version: 1.2.27\n`,
    nulls: `config:\n  ${PROJECT}:imageTag: ~\n  ${PROJECT}:chartVersion: Null\n  ${PROJECT}:namespace:\n`,
    "decomposed twin of a key": `config:\n  ${PROJECT}:caf\u00e9: a\n  ${PROJECT}:cafe\u0301: b\n`,
    "full-width twin of a key": `config:\n  ${PROJECT}:imageTag: v1\n  ${PROJECT}:\uff49mageTag: evil\n`,
    "duplicate key": `config:\n  ${PROJECT}:imageTag: v1\n  ${PROJECT}:imageTag: evil\n`,
    "second document": `config:\n  ${PROJECT}:imageTag: v1\n---\nconfig:\n  ${PROJECT}:imageTag: evil\n`,
    "NEL inside double quotes": `config:\n  ${PROJECT}:imageTag: "v1\u0085x"\n`,
    "escaped NEL": `config:\n  ${PROJECT}:imageTag: "v1\\Nx"\n`,
    "folded plain scalar": `config:\n  ${PROJECT}:imageTag: a\n    b\n`,
    "list value": `config:\n  ${PROJECT}:environments:\n    - demo-staging\n    - demo\n`,
};

type GoReading = { config?: Record<string, unknown> | null; error?: string };

function readWithGoYaml(binary: string, text: string): GoReading {
    return JSON.parse(execFileSync(binary, [], { input: Buffer.from(text, "utf8"), encoding: "utf8" })) as GoReading;
}

/**
 * go-yaml's reading as the plain values of the project's keys (a bare key is the project's, as Pulumi reads it;
 * unset values left out), as stackFile.ts reports them.
 */
function projectValues(config: Record<string, unknown>): Record<string, string> {
    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(config)) {
        const bare = key.startsWith(`${PROJECT}:`) ? key.slice(PROJECT.length + 1) : key;
        if (value === null || bare.includes(":")) continue;
        values[bare] = typeof value === "string" ? value : JSON.stringify(value);
    }
    return values;
}

describe("stack files: read as the Pulumi CLI reads them, or refused", () => {
    let goYaml: string;
    before(async () => {
        goYaml = await buildGoTool("goyaml-stackconfig");
    });

    for (const [name, text] of Object.entries(CASES)) {
        it(`${name}: refused in one line, or the same values as go-yaml v3`, () => {
            const go = readWithGoYaml(goYaml, text);
            let ours: Record<string, string> | undefined;
            try {
                ours = readStackConfigSection(text, PROJECT, "Pulumi.demo.yaml").values;
            } catch (err) {
                assert.ok(err instanceof StackFileError, String(err));
                assert.match(err.message, /^Pulumi\.demo\.yaml /);
                assert.doesNotMatch(err.message, /[\n\r\u0085\u2028\u2029]|evil/);
            }
            if (ours === undefined) return;
            assert.equal(go.error, undefined, `go-yaml refuses what this reader accepts: ${go.error}`);
            assert.deepEqual(ours, projectValues(go.config ?? {}));
        });
    }

    it("never quotes a value in a refusal or a syntax error", () => {
        const secret = "ghp_stackFileSecret0123";
        for (const text of [
            `config:\n  ${PROJECT}:registryToken: *${secret}\n`,
            `config:\n  ${PROJECT}:registryToken: "${secret}\n`,
            `config:\n  ${PROJECT}:registryToken: ${secret}\n  ${PROJECT}:registryToken: ${secret}\n`,
        ]) {
            assert.throws(
                () => readStackConfigSection(text, PROJECT, "Pulumi.demo.yaml"),
                (err: Error) => err instanceof StackFileError && !err.message.includes(secret.slice(0, 8)),
            );
        }
    });

    it("names the line and the character it refuses", () => {
        assert.throws(
            () => readStackConfigSection(CASES["LS hides a key behind a comment"], PROJECT, "Pulumi.demo.yaml"),
            /^StackFileError: Pulumi\.demo\.yaml line 2 holds U\+2028 \(LS, line separator\)/,
        );
    });

    it("refuses to edit a file the two parsers read differently, and never writes one", () => {
        assert.throws(
            () =>
                editStackVersion(
                    CASES["NEL hides a key behind a comment"],
                    { project: PROJECT, version: "1.2.28" },
                    "Pulumi.demo.yaml",
                ),
            /U\+0085/,
        );
        for (const breakLike of ["\u0085", "\u2028", "\u2029", "\r"]) {
            let written: string | undefined;
            try {
                written = editStackVersion(
                    `config:\n  ${PROJECT}:version: 1.2.27\n`,
                    { project: PROJECT, version: "1.2.28", audit: `hotfix${breakLike}  ${PROJECT}:imageTag: evil` },
                    "Pulumi.demo.yaml",
                ).text;
            } catch (err) {
                assert.ok(err instanceof StackFileError, String(err));
            }
            if (written !== undefined) assert.doesNotMatch(written, /[\u0085\u2028\u2029\r]/);
        }
    });
});
