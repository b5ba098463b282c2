// Entry point of `npm run promote`; the logic lives in ./lib/promoteCommand.
import * as path from "path";
import { EXIT, processOutput } from "./lib/args";
import { runPromote } from "./lib/promoteCommand";

runPromote(process.argv.slice(2), processOutput(), { root: path.resolve(__dirname, ".."), env: process.env }).then(
    (code) => {
        process.exitCode = code;
    },
    () => {
        process.stderr.write("promote: internal error\n");
        process.exitCode = EXIT.internal;
    },
);
