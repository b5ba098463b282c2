// Entry point of `npm run rollback`; the logic lives in ./lib/rollbackCommand.
import { runAsProcess } from "../lib/cli/entry";
import { runRollbackCommand } from "./lib/rollbackCommand";

void runAsProcess(runRollbackCommand, { name: "rollback", cancellable: false });
