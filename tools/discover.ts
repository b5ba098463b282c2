// Entry point of `npm run discover`; the logic lives in ./lib/discoverCommand.
import { runAsProcess } from "../lib/cli/entry";
import { runDiscoverCommand } from "./lib/discoverCommand";

void runAsProcess(runDiscoverCommand, { name: "discover", cancellable: false });
