import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { RELEASE_VALUES_FILE } from "../../promotion/hydratedFiles";
import { runCheckBranchCommand } from "../../tools/lib/checkBranchCommand";
import { runInProcess } from "../support/commands";
import { editYaml as edit, shippedBranch, writeCheckout } from "../support/environmentBranch";

// An environment branch as the program hydrates it (test/support/environmentBranch.ts), written to a folder as a
// checkout of it, then changed the way a pushed or merged commit could change it.

describe("check-branch: an environment branch judged by what it makes the environment run", () => {
    let scratch: string;
    before(() => (scratch = fs.mkdtempSync(path.join(os.tmpdir(), "check-branch-"))));
    after(() => fs.rmSync(scratch, { recursive: true, force: true }));

    let count = 0;
    async function check(environment: string, files: Record<string, string>) {
        const dir = writeCheckout(path.join(scratch, `checkout-${count++}`), files);
        return runInProcess(runCheckBranchCommand, ["--environment", environment, "--dir", dir], { env: {} });
    }

    it("passes the shipped release on environment/demo", async () => {
        const result = await check("demo", shippedBranch("demo"));
        assert.equal(result.code, 0, result.stdout + result.stderr);
        assert.match(result.stdout, /environment\/demo passes policies\/demo\.json/);
    });

    it("refuses environment/demo whose values set global.imageTag: latest (mandatory, naming the policy)", async () => {
        const files = shippedBranch("demo", "global:\n  imageTag: latest\n");
        const result = await check("demo", files);
        assert.equal(result.code, 1, result.stdout + result.stderr);
        assert.match(
            result.stdout,
            /\[mandatory\] immutable-image-tags: [\s\S]*?global\.imageTag in values-environment\.yaml is "latest"/,
        );
        assert.match(
            result.stderr,
            /environment\/demo refused: \d+ mandatory finding\(s\) at policies\/demo\.json's levels/,
        );
    });

    it("refuses environment/demo whose release pins say latest or main", async () => {
        for (const tag of ["latest", "main"]) {
            const files = shippedBranch("demo");
            files[RELEASE_VALUES_FILE] = edit(files[RELEASE_VALUES_FILE], (doc) => (doc.global.imageTag = tag));
            const result = await check("demo", files);
            assert.equal(result.code, 1, `${tag}: ${result.stdout}`);
            assert.match(result.stdout, /\[mandatory\] immutable-image-tags/);
        }
    });

    it("refuses environment/demo whose Chart.yaml takes a chart range or a pre-release", async () => {
        for (const [version, policy] of [
            ["^1.2.0", "pinned-chart-version"],
            [">=1.0.0", "pinned-chart-version"],
            ["1.2.28-rc.1", "no-prerelease"],
        ]) {
            const files = shippedBranch("demo");
            files["Chart.yaml"] = edit(files["Chart.yaml"], (doc) => (doc.dependencies[0].version = version));
            const result = await check("demo", files);
            assert.equal(result.code, 1, `${version}: ${result.stdout}`);
            assert.match(result.stdout, new RegExp(`\\[mandatory\\] ${policy}: `), version);
        }
    });

    it("judges demo-staging at its own levels: latest there is advisory", async () => {
        const result = await check("demo-staging", shippedBranch("demo-staging", "global:\n  imageTag: latest\n"));
        assert.equal(result.code, 0, result.stdout + result.stderr);
        assert.match(result.stdout, /\[advisory\] immutable-image-tags/);
        assert.match(result.stdout, /passes policies\/demo-staging\.json \([1-9]\d* advisory/);
    });

    it("usage errors are one line and exit 2: no environment, a path, a folder that is no environment branch", async () => {
        const empty = path.join(scratch, "empty");
        fs.mkdirSync(empty);
        for (const [argv, message] of [
            [["--dir", empty], /--environment <environment> is required/],
            [["--environment", "../demo", "--dir", empty], /is not an environment name/],
            [["--environment", "demo", "--dir", empty], /has no Chart\.yaml: not a hydrated environment branch/],
            [["--environment", "demo", "--dir", path.join(scratch, "missing")], /is not a directory/],
            [["--environment", "customer-b", "--dir", empty], /customer-b/],
        ] as const) {
            const result = await runInProcess(runCheckBranchCommand, argv, { env: {} });
            assert.equal(result.code, 2, `${argv.join(" ")}: ${result.stderr}`);
            assert.match(result.stderr.split("\n")[0], message);
        }
    });
});
