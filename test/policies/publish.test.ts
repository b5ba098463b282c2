import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { programModule, runProgramOnMocks } from "../../plan/mockRuntime";
import { loadStackConfig } from "../../plan/stackConfig";
import { POLICY_PACK_DIR } from "../../plan/policyConfig";
import { ROOT } from "../support/plan";
import { RunningPack, startPackRunner } from "../support/policyPackRunner";

// `pulumi policy publish` uploads the pack's folder and nothing else; Pulumi Cloud runs it after installing the
// dependencies its package.json declares. Here the folder is copied alone into an empty directory, each declared
// dependency is linked from the project's node_modules at exactly the declared version (no network), and the CLI's
// own policy-pack runner serves it: an import reaching outside policies/ or an undeclared package fails to load.

/** What publish uploads: the folder without node_modules. */
function copyPackAlone(into: string): void {
    fs.cpSync(POLICY_PACK_DIR, into, {
        recursive: true,
        filter: (source) => path.basename(source) !== "node_modules",
    });
}

/** The declared dependencies, each the project's installed copy at exactly the declared version. */
function installDeclaredDependencies(packDir: string): string[] {
    const manifest = JSON.parse(fs.readFileSync(path.join(packDir, "package.json"), "utf8")) as {
        dependencies?: Record<string, string>;
    };
    const declared = Object.entries(manifest.dependencies ?? {});
    for (const [name, version] of declared) {
        const installed = path.join(ROOT, "node_modules", name);
        const found = JSON.parse(fs.readFileSync(path.join(installed, "package.json"), "utf8")).version;
        assert.equal(
            found.replace(/^v/, ""),
            version,
            `${name}: the pack declares ${version}, the project runs ${found}`,
        );
        const link = path.join(packDir, "node_modules", name);
        fs.mkdirSync(path.dirname(link), { recursive: true });
        fs.symlinkSync(installed, link, "dir");
    }
    return declared.map(([name]) => name);
}

describe("policies/ published alone (as `pulumi policy publish` uploads it)", function () {
    this.timeout(180_000);
    let scratch: string;
    let pack: RunningPack | undefined;

    before(async () => {
        scratch = fs.mkdtempSync(path.join(os.tmpdir(), "policy-publish-"));
        const packDir = path.join(scratch, "serviceradar-release");
        copyPackAlone(packDir);
        installDeclaredDependencies(packDir);
        pack = await startPackRunner(packDir);
    });
    after(() => {
        pack?.stop();
        fs.rmSync(scratch, { recursive: true, force: true });
    });

    it("declares every package it imports, each pinned exactly", () => {
        const manifest = JSON.parse(fs.readFileSync(path.join(POLICY_PACK_DIR, "package.json"), "utf8"));
        for (const [name, version] of Object.entries(manifest.dependencies as Record<string, string>)) {
            assert.match(version, /^\d+\.\d+\.\d+$/, `${name} is pinned exactly`);
        }
        for (const needed of ["@pulumi/policy", "@pulumi/pulumi", "semver", "yaml", "typescript"]) {
            assert.ok(needed in manifest.dependencies, `${needed} is declared`);
        }
    });

    async function demoVerdict(...overrides: string[]) {
        const stack = loadStackConfig(ROOT, "demo", overrides);
        const run = await runProgramOnMocks(programModule(path.join(ROOT, "index.ts")), stack);
        const config = JSON.parse(fs.readFileSync(path.join(scratch, "serviceradar-release", "demo.json"), "utf8"));
        return pack!.verdict(run.resources, config);
    }

    it("refuses imageTag=latest on demo with a mandatory violation", async () => {
        const verdict = await demoVerdict("promotionMode=direct", "imageTag=latest");
        const mandatory = verdict.filter((v) => v.level === "mandatory").map((v) => v.policy);
        assert.ok(mandatory.includes("immutable-image-tags"), JSON.stringify(verdict));
    });

    it("passes the shipped demo stack with no mandatory violation", async () => {
        const verdict = await demoVerdict();
        assert.deepEqual(
            verdict.filter((v) => v.level === "mandatory"),
            [],
        );
    });
});
