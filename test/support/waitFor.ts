// The front of `conformance/jsonpath`'s `waitfor`: a `pulumi.com/waitFor` annotation judged against live objects as
// pulumi-kubernetes judges it (its JSONPath engine, github.com/theory/jsonpath; conformance/README.md).
import { execFile } from "node:child_process";
import { buildGoTool } from "./goTools";

export interface WaitForCondition {
    condition: string;
    matched: boolean;
    found?: string;
    message?: string;
    error?: string;
}

export interface WaitForAnswer {
    /** The annotation refused as pulumi-kubernetes refuses it (the resource would fail before any wait). */
    error?: string;
    /** Each condition as the provider parsed it. */
    conditions?: string[];
    /** Per object: whether the wait would end, and each condition's result. */
    results?: { satisfied: boolean; conditions: WaitForCondition[] }[];
}

export async function judgeWaitFor(annotation: string, objects: readonly object[]): Promise<WaitForAnswer> {
    const binary = await buildGoTool("waitfor");
    return new Promise((resolve, reject) => {
        const child = execFile(binary, [], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
            if (err) reject(new Error(`waitfor failed: ${stderr || err.message}`));
            else resolve(JSON.parse(stdout) as WaitForAnswer);
        });
        child.stdin?.end(JSON.stringify({ annotation, objects }));
    });
}
