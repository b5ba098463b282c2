// Test helpers for the release tools: temporary project copies, captured output and a local HTTP stand-in on
// 127.0.0.1 (port 0). Running the commands themselves: test/support/commands.ts.

import * as fs from "node:fs";
import { IncomingMessage, Server, ServerResponse, createServer } from "node:http";
import { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import * as YAML from "yaml";
import type { Output } from "../../tools/lib/args";

import { REPO_ROOT } from "../support/commands";

export { REPO_ROOT };
export const PROJECT = "serviceradar-release";

/** A temporary directory holding copies of Pulumi.yaml and every Pulumi.<stack>.yaml of the repository. */
export function tempProject(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sr-release-"));
    for (const name of fs.readdirSync(REPO_ROOT)) {
        if (/^Pulumi(\..+)?\.yaml$/.test(name)) fs.copyFileSync(path.join(REPO_ROOT, name), path.join(dir, name));
    }
    return dir;
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

export interface RecordedRequest {
    method: string;
    url: string;
    headers: IncomingMessage["headers"];
}

export interface StandIn {
    url: string;
    requests: RecordedRequest[];
    close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** Starts an HTTP server on 127.0.0.1 with an ephemeral port; every request is recorded before `handler` answers. */
export async function startStandIn(handler: Handler): Promise<StandIn> {
    const requests: RecordedRequest[] = [];
    const server: Server = createServer((req, res) => {
        requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
        req.resume();
        req.on("end", () => handler(req, res));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    return {
        url: `http://127.0.0.1:${port}`,
        requests,
        close: () =>
            new Promise<void>((resolve) => {
                server.closeAllConnections();
                server.close(() => resolve());
            }),
    };
}

export function json(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(typeof body === "string" ? body : JSON.stringify(body));
}

/** A temporary project in direct mode with demo-staging at `staged` and demo at `demo`. */
export function directProject(staged: string, demo: string): string {
    const dir = tempProject();
    for (const stack of ["demo-staging", "demo"]) setKey(dir, stack, "promotionMode", "direct");
    setKey(dir, "demo-staging", "version", staged);
    setKey(dir, "demo", "version", demo);
    return dir;
}
