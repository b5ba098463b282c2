import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { writeManifests, WRITTEN_LIST } from "./out";

describe("plan --out folder", () => {
    let root: string;
    beforeEach(() => {
        root = fs.mkdtempSync(path.join(os.tmpdir(), "plan-out-test-"));
    });
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

    const manifests = (entries: Record<string, string>) => new Map(Object.entries(entries));
    const refusal = (out: string, why: string) =>
        `--out ${JSON.stringify(out)} ${why}; choose a new or empty folder, or one an earlier plan wrote`;
    const listing = (dir: string) => fs.readdirSync(dir).sort();

    it("creates a folder that does not exist yet, holding the manifests and their list, and nothing beside it", () => {
        const out = path.join(root, "manifests");
        writeManifests(out, manifests({ "a.yaml": "a: 1\n", "b.yaml": "b: 2\n" }));
        assert.deepEqual(listing(root), ["manifests"]);
        assert.deepEqual(listing(out), [WRITTEN_LIST, "a.yaml", "b.yaml"]);
        assert.equal(fs.readFileSync(path.join(out, "a.yaml"), "utf8"), "a: 1\n");
        assert.equal(fs.readFileSync(path.join(out, WRITTEN_LIST), "utf8"), "a.yaml\nb.yaml\n");
        assert.equal(fs.statSync(out).mode & 0o777, 0o755 & ~process.umask());
    });

    it("replaces a folder an earlier plan wrote, leaving no old manifest nor old folder behind", () => {
        const out = path.join(root, "manifests");
        writeManifests(out, manifests({ "old.yaml": "old\n" }));
        writeManifests(out, manifests({ "new.yaml": "new\n" }));
        assert.deepEqual(listing(root), ["manifests"]);
        assert.deepEqual(listing(out), [WRITTEN_LIST, "new.yaml"]);
    });

    it("fills an existing empty folder", () => {
        const out = path.join(root, "manifests");
        fs.mkdirSync(out);
        writeManifests(out, manifests({ "a.yaml": "a\n" }));
        assert.deepEqual(listing(root), ["manifests"]);
        assert.deepEqual(listing(out), [WRITTEN_LIST, "a.yaml"]);
    });

    it("refuses a file in place of the folder", () => {
        const out = path.join(root, "manifests");
        fs.writeFileSync(out, "mine\n");
        assert.throws(() => writeManifests(out, manifests({ "a.yaml": "a\n" })), {
            message: refusal(out, "is not a folder"),
        });
        assert.equal(fs.readFileSync(out, "utf8"), "mine\n");
    });

    it("refuses a plan folder that also holds a file the plan did not list, and keeps it", () => {
        const out = path.join(root, "manifests");
        writeManifests(out, manifests({ "a.yaml": "a\n" }));
        fs.writeFileSync(path.join(out, "notes.txt"), "mine\n");
        assert.throws(() => writeManifests(out, manifests({ "a.yaml": "a\n" })), {
            message: refusal(out, 'holds "notes.txt", which the plan did not write'),
        });
        assert.equal(fs.readFileSync(path.join(out, "notes.txt"), "utf8"), "mine\n");
    });

    it("refuses a plan folder where a listed manifest has become a folder", () => {
        const out = path.join(root, "manifests");
        writeManifests(out, manifests({ "a.yaml": "a\n" }));
        fs.rmSync(path.join(out, "a.yaml"));
        fs.mkdirSync(path.join(out, "a.yaml"));
        assert.throws(() => writeManifests(out, manifests({ "a.yaml": "a\n" })), {
            message: refusal(out, 'holds "a.yaml", which the plan did not write'),
        });
    });

    for (const name of ["sub/a.yaml", WRITTEN_LIST]) {
        it(`refuses the manifest name ${JSON.stringify(name)} and leaves no half-written folder`, () => {
            const out = path.join(root, "manifests");
            assert.throws(() => writeManifests(out, manifests({ "a.yaml": "a\n", [name]: "x\n" })), {
                message: `unexpected manifest name ${name}`,
            });
            assert.deepEqual(listing(root), []);
        });
    }
});
