// Entry point of `npm run hotfix`; the logic lives in ./lib/hotfixCommand.
import { runAsProcess } from "../lib/cli/entry";
import { runHotfixCommand } from "./lib/hotfixCommand";

runAsProcess(runHotfixCommand, { name: "hotfix", cancellable: false });
