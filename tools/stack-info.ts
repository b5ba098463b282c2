// Entry point of `tsx tools/stack-info.ts` (used by the workflows); the logic lives in ./lib/stackInfoCommand.
import * as path from "path";
import { processOutput } from "./lib/args";
import { runStackInfo } from "./lib/stackInfoCommand";

process.exitCode = runStackInfo(process.argv.slice(2), processOutput(), { root: path.resolve(__dirname, "..") });
