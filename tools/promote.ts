// Entry point of `npm run promote`; the logic lives in ./lib/promoteCommand.
import { runAsProcess } from "../lib/cli/entry";
import { runPromoteCommand } from "./lib/promoteCommand";

void runAsProcess(runPromoteCommand, { name: "promote", cancellable: false });
