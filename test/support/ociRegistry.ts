// A loopback OCI registry for the render tests: the CNCF Distribution registry (conformance/registry, v3.1.2) on
// 127.0.0.1 with a port the kernel picks and in-memory storage, started and stopped by the tests that need it.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { buildGoTool } from "./goTools";

export interface LoopbackRegistry {
    /** `127.0.0.1:<port>`: the registry host an `oci://` reference names. */
    readonly host: string;
    stop(): Promise<void>;
}

// distribution v3.1.2 `configuration/configuration.go`: `inmemory` storage, the `text` log formatter (its
// `listening on <addr>` line, `registry/registry.go` `ListenAndServe`, tells the port), no access log.
const CONFIGURATION = `version: 0.1
log:
  level: info
  formatter: text
  accesslog:
    disabled: true
storage:
  inmemory: {}
http:
  addr: 127.0.0.1:0
`;

const STARTUP_TIMEOUT_MS = 30_000;

/** Starts the registry and resolves once it listens; a registry that exits or stays silent fails with its log. */
export async function startLoopbackRegistry(): Promise<LoopbackRegistry> {
    const binary = await buildGoTool("registry");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "oci-registry-"));
    const configFile = path.join(dir, "config.yml");
    fs.writeFileSync(configFile, CONFIGURATION);
    // No span exporter (`tracing/tracing.go` uses OpenTelemetry's autoexport, which reads this variable).
    const child = spawn(binary, ["serve", configFile], {
        env: { ...process.env, OTEL_TRACES_EXPORTER: "none" },
        stdio: ["ignore", "ignore", "pipe"],
    });
    const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
    const stop = async () => {
        if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
        await exited;
        fs.rmSync(dir, { recursive: true, force: true });
    };
    let log = "";
    try {
        const host = await new Promise<string>((resolve, reject) => {
            const timer = setTimeout(
                () => reject(new Error(`the registry did not listen within ${STARTUP_TIMEOUT_MS} ms:\n${log}`)),
                STARTUP_TIMEOUT_MS,
            );
            const onExit = (code: number | null) => {
                clearTimeout(timer);
                reject(new Error(`the registry exited (${code}) before listening:\n${log}`));
            };
            const onLog = (chunk: string) => {
                log += chunk;
                const listening = /listening on (127\.0\.0\.1:[0-9]+)/.exec(log);
                if (!listening) return;
                clearTimeout(timer);
                child.off("exit", onExit);
                // From here the log is only drained, so a full pipe never blocks the registry.
                child.stderr.off("data", onLog).resume();
                resolve(listening[1]);
            };
            child.stderr.setEncoding("utf8");
            child.stderr.on("data", onLog);
            child.once("exit", onExit);
            child.once("error", (err) => {
                clearTimeout(timer);
                reject(err);
            });
        });
        return { host, stop };
    } catch (err) {
        await stop();
        throw err;
    }
}
