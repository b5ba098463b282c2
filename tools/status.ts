// Entry point of `npm run status`; the logic lives in ./lib/status/command.
import { EXIT } from "../lib/cli/exitCodes";
import { runStatusCommand } from "./lib/status/command";

runStatusCommand(process.argv.slice(2), { env: process.env, stdout: process.stdout, stderr: process.stderr }).then(
    (code) => {
        process.exitCode = code;
    },
    () => {
        process.stderr.write("status: internal error\n");
        process.exitCode = EXIT.internalError;
    },
);
