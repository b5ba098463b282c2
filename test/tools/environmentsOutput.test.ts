import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { EXIT } from "../../lib/cli/exitCodes";
import {
    ENVIRONMENTS_USAGE,
    EnvironmentEntry,
    readEnvironments,
    releaseGatedEnvironments,
    runEnvironments,
    runEnvironmentsCommand,
} from "../../tools/lib/environmentsCommand";
import { runInProcess } from "../support/commands";
import { projectWithCustomerA } from "../support/customerA";
import { capture, removeDir, setKey, tempProject } from "./helpers";

function environments(root: string, args: string[]) {
    const io = capture();
    const code = runEnvironments(args, io, { root });
    return { code, stdout: io.stdout, stderr: io.stderr };
}

const HEADER = "Environments in promotion order (gates declared by demo-staging):";

describe("npm run environments: its text output, flags and errors (in-process)", () => {
    let dir: string;
    afterEach(() => removeDir(dir));

    it("prints one line per environment: place, predecessor, gates, who merges, mode and how CI applies it", () => {
        dir = projectWithCustomerA();
        setKey(
            dir,
            "demo-staging",
            "environmentGates",
            '{"demo-staging": {"e2e": true, "soak": "30m"}, "customer-a": {"soak": "1h"}}',
        );
        setKey(dir, "demo-staging", "autoMergeEnvironments", '["demo-staging", "customer-a"]');
        setKey(dir, "demo", "deploymentsEnabled", "true");
        assert.deepEqual(environments(dir, []), {
            code: EXIT.ok,
            stdout: [
                HEADER,
                "  1. demo-staging: gates e2e, soak 30m; auto-merged; promoter mode; pulumi up from CI",
                "  2. demo (after demo-staging): gates none; merged by a person; promoter mode; Pulumi Deployments",
                "  3. customer-a (after demo): gates soak 1h; auto-merged; promoter mode; pulumi up from CI",
            ],
            stderr: [],
        });
    });

    it("the first environment has no predecessor key at all; Pulumi Deployments shows as deploymentsEnabled", () => {
        dir = tempProject();
        setKey(dir, "demo", "deploymentsEnabled", "true");
        const [first, second] = readEnvironments(dir).environments;
        assert.deepEqual(Object.keys(first).includes("previous"), false);
        assert.deepEqual(
            [first.deploymentsEnabled, second.deploymentsEnabled, second.previous],
            [false, true, "demo-staging"],
        );
    });

    it("--help prints the usage; a positional or both output formats is a usage line", () => {
        dir = tempProject();
        assert.deepEqual(environments(dir, ["--help"]), { code: EXIT.ok, stdout: [ENVIRONMENTS_USAGE], stderr: [] });
        assert.deepEqual(environments(dir, ["demo"]), {
            code: EXIT.usage,
            stdout: [],
            stderr: ["environments: unexpected argument (every value follows its flag)"],
        });
        assert.deepEqual(environments(dir, ["--json", "--github-output"]), {
            code: EXIT.usage,
            stdout: [],
            stderr: ["environments: --json and --github-output: choose one output format"],
        });
    });

    it("--root names the project read instead of the default", () => {
        dir = tempProject();
        setKey(dir, "demo-staging", "environmentGates", '{"demo-staging": {"e2e": false}}');
        const result = environments(path.join(dir, "no-such-project"), ["--root", dir]);
        assert.deepEqual(result.stdout.slice(0, 2), [
            HEADER,
            "  1. demo-staging: gates none; auto-merged; promoter mode; pulumi up from CI",
        ]);
    });

    it("a failure that is not about the configuration is one internal-error line", () => {
        dir = tempProject();
        fs.rmSync(path.join(dir, "Pulumi.yaml"));
        fs.mkdirSync(path.join(dir, "Pulumi.yaml"));
        assert.deepEqual(environments(dir, []), {
            code: EXIT.internalError,
            stdout: [],
            stderr: ["environments: internal error: EISDIR: illegal operation on a directory, read"],
        });
    });

    it("as a command it reads the project its context names", async () => {
        dir = tempProject();
        setKey(dir, "demo-staging", "environmentGates", '{"demo-staging": {"e2e": false}}');
        const result = await runInProcess(runEnvironmentsCommand, [], { env: {}, root: dir });
        assert.deepEqual(result, {
            code: EXIT.ok,
            stdout:
                [
                    HEADER,
                    "  1. demo-staging: gates none; auto-merged; promoter mode; pulumi up from CI",
                    "  2. demo (after demo-staging): gates none; merged by a person; promoter mode; pulumi up from CI",
                ].join("\n") + "\n",
            stderr: "",
        });
    });
});

describe("releaseGatedEnvironments: the e2e environments a release reaches without a person", () => {
    const env = (name: string, e2e: boolean, autoMerge: boolean) => ({ name, e2e, autoMerge }) as EnvironmentEntry;
    const names = (list: EnvironmentEntry[]) => releaseGatedEnvironments(list).map((e) => e.name);

    it("the first always, then auto-merged ones up to the first a person merges, keeping only those with e2e", () => {
        assert.deepEqual(names([env("a", true, false), env("b", true, false)]), ["a"]);
        assert.deepEqual(names([env("a", true, false), env("b", true, true), env("c", true, false)]), ["a", "b"]);
        assert.deepEqual(names([env("a", false, true), env("b", true, true), env("c", false, true)]), ["b"]);
        assert.deepEqual(names([env("a", true, true), env("b", true, true)]), ["a", "b"]);
    });
});
