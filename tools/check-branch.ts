// Entry point of `npm run check-branch` (the environment-branch workflow); the logic lives in ./lib/checkBranchCommand.
import { runAsProcess } from "../lib/cli/entry";
import { runCheckBranchCommand } from "./lib/checkBranchCommand";

void runAsProcess(runCheckBranchCommand, { name: "check-branch", cancellable: false });
