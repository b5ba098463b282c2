// Entry point of `tsx tools/wait-for-version.ts` (used by the release workflow); the logic lives in ./lib/waitCommand.
import { EXIT, processOutput } from "./lib/args";
import { runWait } from "./lib/waitCommand";

runWait(process.argv.slice(2), processOutput(), { env: process.env }).then(
    (code) => {
        process.exitCode = code;
    },
    () => {
        process.stderr.write("wait-for-version: internal error\n");
        process.exitCode = EXIT.internal;
    },
);
