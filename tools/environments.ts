// Entry point of `npm run environments` (used by the workflows); the logic lives in ./lib/environmentsCommand.
import { runAsProcess } from "../lib/cli/entry";
import { runEnvironmentsCommand } from "./lib/environmentsCommand";

void runAsProcess(runEnvironmentsCommand, { name: "environments", cancellable: false });
