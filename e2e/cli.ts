// Entry point of `npm run e2e -- --url <coreUrl> ...`. All logic lives in ./main and the modules it uses.
// SIGINT/SIGTERM cancel the gate, which then posts `error` and exits 130.

import { runAsProcess } from "../lib/cli/entry";
import { runE2eCommand } from "./main";

void runAsProcess(runE2eCommand, { name: "e2e", cancellable: true });
