// Entry point of `npm run hotfix`; the logic lives in ./lib/hotfixCommand.
import { runAsProcess } from "../lib/cli/entry";
import { runHotfixCommand } from "./lib/hotfixCommand";

void runAsProcess(runHotfixCommand, { name: "hotfix", cancellable: false });
