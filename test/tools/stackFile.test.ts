import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import * as YAML from "yaml";
import {
    AUDIT_MARKER,
    StackFileError,
    editStackVersion,
    effectiveValue,
    parseProject,
    stackValues,
} from "../../config/stackFile";
import { REPO_ROOT } from "./helpers";

const PROJECT = "serviceradar-release";

const SAMPLE = `# demo-staging: the first environment.
config:
  serviceradar-release:version: 1.2.27 # the release
  serviceradar-release:imagePullPolicy: Always
  # staging is rebuilt freely
  serviceradar-release:protect: false
  serviceradar-release:promoterGithubAppId: 2459954
  serviceradar-release:registryToken:
    secure: AAABAKx==
  aws:region: us-west-2
`;

function changedLines(before: string, after: string): string[] {
    const a = before.split("\n");
    const b = after.split("\n");
    const changed: string[] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i += 1) if (a[i] !== b[i]) changed.push(`${a[i]} => ${b[i]}`);
    return changed;
}

describe("config/stackFile", () => {
    it("changes only the version line of the repository's stack files", () => {
        const project = parseProject(fs.readFileSync(path.join(REPO_ROOT, "Pulumi.yaml"), "utf8"));
        // demo has none (demo-staging decides what it runs in promoter mode); npm run promote adds it in direct mode.
        for (const stack of ["demo-staging"]) {
            const text = fs.readFileSync(path.join(REPO_ROOT, `Pulumi.${stack}.yaml`), "utf8");
            const result = editStackVersion(text, { project: project.name, version: "99.0.0" }, stack);
            const changed = changedLines(text, result.text);
            assert.equal(changed.length, 1, `${stack}: ${changed.join(" | ")}`);
            assert.match(changed[0], /serviceradar-release:version: 99\.0\.0$/);
        }
    });

    it("keeps comments, other keys, their order and encrypted values", () => {
        const result = editStackVersion(SAMPLE, { project: PROJECT, version: "1.2.28" });
        assert.equal(result.previous, "1.2.27");
        assert.equal(result.text, SAMPLE.replace("version: 1.2.27 #", "version: 1.2.28 #"));
        const before = YAML.parse(SAMPLE).config;
        const after = YAML.parse(result.text).config;
        assert.deepEqual(Object.keys(after), Object.keys(before));
        assert.deepEqual(after["serviceradar-release:registryToken"], { secure: "AAABAKx==" });
        assert.equal(after["serviceradar-release:version"], "1.2.28");
        assert.equal(typeof after["serviceradar-release:version"], "string");
    });

    it("adds the version key when the file has none, and a config section when it has none", () => {
        const none = editStackVersion("# only a comment\nconfig:\n  serviceradar-release:protect: false\n", {
            project: PROJECT,
            version: "1.0.0",
        });
        assert.equal(none.previous, undefined);
        assert.equal(stackValues(none.text, PROJECT).version, "1.0.0");
        assert.match(none.text, /^# only a comment\n/);
        const empty = editStackVersion("", { project: PROJECT, version: "1.0.0" });
        assert.equal(stackValues(empty.text, PROJECT).version, "1.0.0");
    });

    it("edits a bare `version:` key in place rather than adding a qualified one", () => {
        const result = editStackVersion("config:\n  version: 1.0.0\n", { project: PROJECT, version: "1.0.1" });
        assert.equal(result.text, "config:\n  version: 1.0.1\n");
    });

    it("moves imageTag/chartVersion pinned to the old derived values, warns about other pins", () => {
        const text = `${SAMPLE}  serviceradar-release:imageTag: v1.2.27\n  serviceradar-release:chartVersion: 1.2.0\n`;
        const result = editStackVersion(text, { project: PROJECT, version: "1.2.28" });
        const config = YAML.parse(result.text).config;
        assert.equal(config["serviceradar-release:imageTag"], "v1.2.28");
        assert.equal(config["serviceradar-release:chartVersion"], "1.2.0");
        assert.equal(result.notes.length, 1);
        assert.match(result.notes[0], /imageTag: v1\.2\.27 -> v1\.2\.28/);
        assert.equal(result.warnings.length, 1);
        assert.match(result.warnings[0], /chartVersion is pinned to 1\.2\.0 .* does not follow version/);
    });

    it("writes the audit comment above the version key, replaces older ones and keeps other comments", () => {
        const first = editStackVersion(SAMPLE, {
            project: PROJECT,
            version: "1.2.28",
            audit: "1.2.28 by a at t1; reason: one",
        });
        const lines = first.text.split("\n");
        const at = lines.findIndex((line) => line.includes("serviceradar-release:version:"));
        assert.equal(lines[at - 1], `  # ${AUDIT_MARKER} 1.2.28 by a at t1; reason: one`);
        const second = editStackVersion(first.text, {
            project: PROJECT,
            version: "1.2.29",
            audit: "1.2.29 by b at t2; reason: two",
        });
        assert.equal(second.text.split(AUDIT_MARKER).length - 1, 1, second.text);
        assert.match(second.text, /reason: two/);
        const cleared = editStackVersion(second.text, { project: PROJECT, version: "1.2.30" });
        assert.ok(!cleared.text.includes(AUDIT_MARKER), cleared.text);
        assert.equal(cleared.text, SAMPLE.replace("version: 1.2.27 #", "version: 1.2.30 #"));
    });

    it("keeps an ordinary comment above the version key next to the audit line", () => {
        const text = "config:\n  # pinned by the release tools\n  serviceradar-release:version: 1.0.0\n  a:b: 1\n";
        const result = editStackVersion(text, { project: PROJECT, version: "1.0.1", audit: "x" });
        assert.equal(
            result.text,
            `config:\n  # pinned by the release tools\n  # ${AUDIT_MARKER} x\n  serviceradar-release:version: 1.0.1\n  a:b: 1\n`,
        );
        const later = "config:\n  a:b: 1\n  # note\n  serviceradar-release:version: 1.0.0\n";
        const audited = editStackVersion(later, { project: PROJECT, version: "1.0.1", audit: "y" });
        assert.equal(
            audited.text,
            `config:\n  a:b: 1\n  # note\n  # ${AUDIT_MARKER} y\n  serviceradar-release:version: 1.0.1\n`,
        );
    });

    it("refuses files it cannot edit safely", () => {
        assert.throws(
            () => editStackVersion("config: [1, 2\n", { project: PROJECT, version: "1.0.0" }),
            StackFileError,
        );
        assert.throws(
            () =>
                editStackVersion("config:\n  serviceradar-release:version:\n    secure: abc\n", {
                    project: PROJECT,
                    version: "1.0.0",
                }),
            /not a plain value/,
        );
        assert.throws(() => editStackVersion("config: 3\n", { project: PROJECT, version: "1.0.0" }), /not a mapping/);
    });

    it("reads effective values: stack file first, then Pulumi.yaml defaults", () => {
        const project = parseProject(
            "name: p\nconfig:\n  promotionMode:\n    type: string\n    default: promoter\n  short: 5\n",
        );
        assert.deepEqual(project.defaults, { promotionMode: "promoter", short: "5" });
        assert.deepEqual(effectiveValue(project, "config:\n  p:version: 1.0.0\n", "f", "promotionMode"), {
            value: "promoter",
            source: "Pulumi.yaml default",
        });
        assert.deepEqual(effectiveValue(project, "config:\n  p:promotionMode: direct\n", "f", "promotionMode"), {
            value: "direct",
            source: "f",
        });
        assert.equal(effectiveValue(project, "", "f", "nothing").value, undefined);
    });
});
