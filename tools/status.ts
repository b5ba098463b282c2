// Entry point of `npm run status`; the logic lives in ./lib/status/command.
import { commandEntry, runAsProcess } from "../lib/cli/entry";
import { EXIT } from "../lib/cli/exitCodes";
import { runStatusCommand } from "./lib/status/command";

void runAsProcess(commandEntry("status", EXIT.internalError, runStatusCommand), { name: "status", cancellable: false });
