// Entry point of `tsx tools/stack-info.ts` (used by the workflows); the logic lives in ./lib/stackInfoCommand.
import { runAsProcess } from "../lib/cli/entry";
import { runStackInfoCommand } from "./lib/stackInfoCommand";

void runAsProcess(runStackInfoCommand, { name: "stack-info", cancellable: false });
