// Entry point of `npm run discover`; the logic lives in ./lib/discoverCommand.
import { runAsProcess } from "../lib/cli/entry";
import { runDiscoverCommand } from "./lib/discoverCommand";

runAsProcess(runDiscoverCommand, { name: "discover", cancellable: false });
