// check-branch's edges: which files of a checkout it reads, the resource it hands the pack, its usage errors and
// --root. The verdicts on real branches are in checkBranch.test.ts.

import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
    CHECK_BRANCH_USAGE,
    checkEnvironmentBranch,
    environmentBranchResource,
    readEnvironmentBranch,
    runCheckBranchCommand,
} from "../../tools/lib/checkBranchCommand";
import { runInProcess } from "../support/commands";
import { projectWithCustomerA } from "../support/customerA";
import { shippedBranch, writeCheckout } from "../support/environmentBranch";
import { REPO_ROOT, removeDir } from "./helpers";

describe("check-branch: the checkout it reads and the resource it judges", () => {
    let scratch = "";
    before(() => (scratch = fs.mkdtempSync(path.join(os.tmpdir(), "check-branch-edges-"))));
    after(() => removeDir(scratch));

    it("reads Chart.yaml and the values files at the top only: no other file, folder or symlink", () => {
        const dir = writeCheckout(path.join(scratch, "mixed"), {
            "Chart.yaml": "apiVersion: v2\nname: umbrella\nversion: 1.0.0\n",
            "values-environment.yaml": "a: 1\n",
            "README.md": "# environment/demo\n",
        });
        fs.mkdirSync(path.join(dir, "values-templates.yaml"));
        fs.mkdirSync(path.join(dir, "charts"));
        fs.writeFileSync(path.join(dir, "charts", "values.yaml"), "nested: true\n");
        // A link in the checkout may point anywhere on the machine that runs the check: it is not followed.
        fs.symlinkSync(path.join(dir, "README.md"), path.join(dir, "values-linked.yaml"));
        assert.deepEqual(readEnvironmentBranch(dir), {
            "Chart.yaml": "apiVersion: v2\nname: umbrella\nversion: 1.0.0\n",
            "values-environment.yaml": "a: 1\n",
        });
    });

    it("hands the pack environment/<env> as the program's hydration resource, declared by that stack", () => {
        const files = { "Chart.yaml": "name: x\n" };
        assert.deepEqual(environmentBranchResource("serviceradar-release", "demo", files), {
            type: "pulumi-nodejs:dynamic:Resource",
            name: "environment/demo",
            urn: "urn:pulumi:demo::serviceradar-release::pulumi-nodejs:dynamic:Resource::environment/demo",
            custom: true,
            inputs: {
                kind: "serviceradar-hydrated-environment",
                environment: "demo",
                branch: "environment/demo",
                files,
            },
            options: { protect: false, retainOnDelete: false, deleteBeforeReplace: false, dependsOn: [], aliases: [] },
        });
    });

    it("names that resource in every finding", async () => {
        const dir = writeCheckout(path.join(scratch, "latest"), shippedBranch("demo", "global:\n  imageTag: latest\n"));
        const { violations, policyFile } = await checkEnvironmentBranch(REPO_ROOT, "demo", dir);
        assert.equal(policyFile, path.join(REPO_ROOT, "policies", "demo.json"));
        assert.ok(violations.length > 0);
        assert.deepEqual(
            [...new Set(violations.map((v) => v.resource))],
            ["urn:pulumi:demo::serviceradar-release::pulumi-nodejs:dynamic:Resource::environment/demo"],
        );
    });
});

describe("check-branch: its command line", () => {
    const checkBranch = (argv: string[]) => runInProcess(runCheckBranchCommand, argv, { env: {} });

    it("--help prints the usage and exits 0", async () => {
        assert.deepEqual(await checkBranch(["--help"]), { code: 0, stdout: `${CHECK_BRANCH_USAGE}\n`, stderr: "" });
    });

    for (const [what, argv, message] of [
        ["no --dir", ["--environment", "demo"], "--dir <checkout of the environment branch> is required"],
        [
            "a positional argument",
            ["demo", "--environment", "demo", "--dir", "."],
            "unexpected argument (every value follows its flag)",
        ],
    ] as const) {
        it(`exits 2 on ${what}, naming the command`, async () => {
            const result = await checkBranch([...argv]);
            assert.equal(result.code, 2, result.stderr);
            assert.equal(result.stderr, `check-branch: ${message}\nRun with --help for usage.\n`);
        });
    }

    it("--root judges at the levels of that project's policy files, as npm run environments reports them", async () => {
        // A project with a third environment whose nearest policy file (its policies/demo.json) makes mutable image
        // tags advisory: the repository's own policies/demo.json, where they are mandatory, must not decide.
        const root = projectWithCustomerA();
        try {
            const levels = path.join(root, "policies", "demo.json");
            const config = JSON.parse(fs.readFileSync(levels, "utf8"));
            config["immutable-image-tags"] = { enforcementLevel: "advisory" };
            fs.writeFileSync(levels, JSON.stringify(config));
            const dir = writeCheckout(
                path.join(root, "checkout"),
                shippedBranch("demo", "global:\n  imageTag: latest\n"),
            );
            const result = await checkBranch(["--environment", "customer-a", "--dir", dir, "--root", root]);
            assert.equal(result.code, 0, result.stdout + result.stderr);
            assert.match(result.stdout, /^\[advisory\] immutable-image-tags: /m);
            assert.match(
                result.stdout,
                /^check-branch: environment\/customer-a passes policies\/demo\.json \(\d+ advisory finding\(s\)\)$/m,
            );
        } finally {
            removeDir(root);
        }
    });
});
