// Entry point of `npm run release`; the logic lives in ./lib/releaseCommand.
import { runAsProcess } from "../lib/cli/entry";
import { runReleaseCommand } from "./lib/releaseCommand";

void runAsProcess(runReleaseCommand, { name: "release", cancellable: false });
