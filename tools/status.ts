// Entry point of `npm run status`; the logic lives in ./lib/status/command.
import { STATUS_EXIT, runStatusCommand } from "./lib/status/command";

runStatusCommand(process.argv.slice(2), { env: process.env, stdout: process.stdout, stderr: process.stderr }).then(
    (code) => {
        process.exitCode = code;
    },
    () => {
        process.stderr.write("status: internal error\n");
        process.exitCode = STATUS_EXIT.internal;
    },
);
