// Entry point of `tsx tools/wait-for-version.ts` (used by the release workflow); the logic lives in ./lib/waitCommand.
import { runAsProcess } from "../lib/cli/entry";
import { runWaitCommand } from "./lib/waitCommand";

void runAsProcess(runWaitCommand, { name: "wait-for-version", cancellable: false });
