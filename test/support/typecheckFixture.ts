// The whole-project type check starts before the first test file loads and runs beside the suite: mocha runs
// mochaGlobalSetup once, in its main process, also in parallel mode. The test (test/typecheck.test.ts) reads the result
// from the file named in SERVICERADAR_TYPECHECK_RESULT, which the workers inherit.
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const RESULT_VARIABLE = "SERVICERADAR_TYPECHECK_RESULT";
const ROOT = path.resolve(__dirname, "..", "..");

export interface TypecheckResult {
    code: number;
    output: string;
}

/** Runs tsc over the project; its incremental state lives under node_modules/.cache, so `npm ci` starts it afresh. */
export function runTypecheck(): Promise<TypecheckResult> {
    return new Promise((resolve) => {
        const child = execFile(
            process.execPath,
            [
                require.resolve("typescript/bin/tsc"),
                "--noEmit",
                "-p",
                ROOT,
                "--incremental",
                "--tsBuildInfoFile",
                path.join(ROOT, "node_modules", ".cache", "serviceradar-release", "typecheck.tsbuildinfo"),
            ],
            { encoding: "utf8", timeout: 180_000 },
            (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
        );
        // The lowest priority: the type check then runs on what the test workers leave idle (they wait on child
        // processes and servers) instead of taking the cores from them, and only its result is awaited, at the end.
        try {
            if (child.pid !== undefined) os.setPriority(child.pid, 19);
        } catch {
            // Where priorities cannot be changed it simply competes as before.
        }
    });
}

export function mochaGlobalSetup(): void {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "typecheck-")), "result.json");
    process.env[RESULT_VARIABLE] = file;
    // Written whole, then renamed: a reader never sees half a result.
    void runTypecheck().then((result) => {
        fs.writeFileSync(`${file}.part`, JSON.stringify(result));
        fs.renameSync(`${file}.part`, file);
    });
}
