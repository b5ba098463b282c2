// The one loopback HTTP server of the tests' stand-ins (ServiceRadar, GitHub, redirect targets): 127.0.0.1 on an
// ephemeral port, every request recorded with its body before the handler answers it.

import { IncomingMessage, Server, ServerResponse, createServer } from "node:http";
import { AddressInfo } from "node:net";

export interface RecordedRequest {
    method: string;
    path: string;
    headers: IncomingMessage["headers"];
    body: string;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

export interface LoopbackServer {
    url: string;
    port: number;
    requests: RecordedRequest[];
    close: () => Promise<void>;
}

/** Starts an HTTP server on 127.0.0.1:0 that records every request and hands it, read whole, to `handler`. */
export async function startLoopbackServer(handler: Handler): Promise<LoopbackServer> {
    const requests: RecordedRequest[] = [];
    const server: Server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (chunk: Buffer) => chunks.push(chunk));
        req.on("end", () => {
            const body = Buffer.concat(chunks).toString("utf8");
            requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body });
            handler(req, res, body);
        });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    return {
        url: `http://127.0.0.1:${port}`,
        port,
        requests,
        close: () =>
            new Promise<void>((resolve) => {
                server.closeAllConnections();
                server.close(() => resolve());
            }),
    };
}

/** A port that was just bound and released: connecting to it is refused. */
export async function closedPort(): Promise<number> {
    const server = await startLoopbackServer(() => undefined);
    await server.close();
    return server.port;
}

/** Answers `body`: JSON unless it is a string (then text/plain), or as `contentType` says. */
export function send(res: ServerResponse, status: number, body: unknown, contentType?: string): void {
    const text = typeof body === "string" ? body : JSON.stringify(body);
    res.writeHead(status, {
        "content-type": contentType ?? (typeof body === "string" ? "text/plain" : "application/json"),
    });
    res.end(text);
}

/** Answers `body` as application/json; a string is sent as it is (a test's malformed JSON). */
export function json(res: ServerResponse, status: number, body: unknown): void {
    send(res, status, body, "application/json");
}

/**
 * For the tests of one `describe`: starts a loopback server per call and closes every one after each test, so a test
 * that fails halfway leaves no server listening.
 */
export function loopbackServersPerTest(): (handler: Handler) => Promise<LoopbackServer> {
    const servers: LoopbackServer[] = [];
    afterEach(async () => {
        await Promise.all(servers.splice(0).map((server) => server.close()));
    });
    return async (handler) => {
        const server = await startLoopbackServer(handler);
        servers.push(server);
        return server;
    };
}
