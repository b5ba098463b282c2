// Entry point of `npm run release`; the logic lives in ./lib/releaseCommand.
import * as path from "path";
import { processOutput } from "./lib/args";
import { runRelease } from "./lib/releaseCommand";

process.exitCode = runRelease(process.argv.slice(2), processOutput(), { root: path.resolve(__dirname, "..") });
