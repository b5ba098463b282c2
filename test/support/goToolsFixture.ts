// Builds the upstream engines (test/support/goTools.ts) once, in mocha's main process, before any test file loads: the
// two workers then find them ready instead of racing to build the same binary.
import { buildAllGoTools } from "./goTools";

export async function mochaGlobalSetup(): Promise<void> {
    await buildAllGoTools();
}
