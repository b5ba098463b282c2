// Test helpers for the release tools: temporary project copies, captured output (the HTTP stand-ins:
// test/support/loopbackServer.ts). Running the commands themselves: test/support/commands.ts.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as YAML from "yaml";
import type { Output, ToolContext } from "../../tools/lib/args";

import { CommandResult, REPO_ROOT, runInProcess } from "../support/commands";

export { REPO_ROOT };
export const PROJECT = "serviceradar-release";

/** A temporary directory holding copies of Pulumi.yaml and every Pulumi.<stack>.yaml of the repository. */
export function tempProject(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sr-release-"));
    for (const name of fs.readdirSync(REPO_ROOT)) {
        if (/^Pulumi(\..+)?\.yaml$/.test(name)) fs.copyFileSync(path.join(REPO_ROOT, name), path.join(dir, name));
    }
    copyPolicyConfigs(dir);
    return dir;
}

/** The stacks' policy configs (`policies/<stack>.json`), which the tools read beside the stack files. */
export function copyPolicyConfigs(dir: string): void {
    fs.mkdirSync(path.join(dir, "policies"), { recursive: true });
    for (const name of fs.readdirSync(path.join(REPO_ROOT, "policies"))) {
        if (name.endsWith(".json") && name !== "package.json" && name !== "tsconfig.json") {
            fs.copyFileSync(path.join(REPO_ROOT, "policies", name), path.join(dir, "policies", name));
        }
    }
}

export function removeDir(dir: string): void {
    fs.rmSync(dir, { recursive: true, force: true });
}

export function stackPath(dir: string, stack: string): string {
    return path.join(dir, `Pulumi.${stack}.yaml`);
}

export function readStack(dir: string, stack: string): string {
    return fs.readFileSync(stackPath(dir, stack), "utf8");
}

/** Sets `serviceradar-release:<key>` in a temporary stack file (test setup only), keeping the rest of the file. */
export function setKey(dir: string, stack: string, key: string, value: string): void {
    const doc = YAML.parseDocument(readStack(dir, stack));
    doc.setIn(["config", `${PROJECT}:${key}`], value);
    fs.writeFileSync(stackPath(dir, stack), doc.toString({ lineWidth: 0 }));
}

/** Removes `serviceradar-release:<key>` from a temporary stack file (test setup only), keeping the rest of the file. */
export function removeKey(dir: string, stack: string, key: string): void {
    const doc = YAML.parseDocument(readStack(dir, stack));
    doc.deleteIn(["config", `${PROJECT}:${key}`]);
    fs.writeFileSync(stackPath(dir, stack), doc.toString({ lineWidth: 0 }));
}

export function configOf(text: string): Record<string, unknown> {
    return ((YAML.parse(text) as { config?: Record<string, unknown> }).config ?? {}) as Record<string, unknown>;
}

export interface Captured extends Output {
    stdout: string[];
    stderr: string[];
    text(): string;
}

export function capture(): Captured {
    const stdout: string[] = [];
    const stderr: string[] = [];
    return {
        stdout,
        stderr,
        out: (line) => stdout.push(line),
        err: (line) => stderr.push(line),
        text: () => [...stdout, ...stderr].join("\n"),
    };
}

/** A temporary project in direct mode with demo-staging at `staged` and demo at `demo`. */
export function directProject(staged: string, demo: string): string {
    const dir = tempProject();
    for (const stack of ["demo-staging", "demo"]) setKey(dir, stack, "promotionMode", "direct");
    setKey(dir, "demo-staging", "version", staged);
    setKey(dir, "demo", "version", demo);
    return dir;
}

/**
 * Runs a command as its entry file does (tools/<name>.ts: argv and a context of string sinks, no GitHub token), through
 * runInProcess, with the context naming a temporary project that `prepare` changed first.
 */
export async function runEntry(
    command: (argv: readonly string[], context: ToolContext) => Promise<number>,
    argv: string[],
    prepare: (dir: string) => void = () => undefined,
): Promise<CommandResult> {
    const dir = tempProject();
    try {
        prepare(dir);
        return await runInProcess(command, argv, { env: {}, root: dir });
    } finally {
        removeDir(dir);
    }
}
