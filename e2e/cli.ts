// Entry point of `npm run e2e -- --url <coreUrl> ...`. All logic lives in ./main and the modules it uses.

import { EXIT, runCli } from "./main";

const cancel = new AbortController();
const onSignal = (signal: NodeJS.Signals): void => {
    process.stderr.write(`e2e: received ${signal}, stopping\n`);
    cancel.abort();
};
process.once("SIGINT", onSignal);
process.once("SIGTERM", onSignal);

runCli(
    process.argv.slice(2),
    process.env,
    {
        stdout: (line) => process.stdout.write(`${line}\n`),
        stderr: (line) => process.stderr.write(`${line}\n`),
    },
    { signal: cancel.signal },
)
    .then((code) => {
        process.exitCode = code;
    })
    .catch(() => {
        // runCli never throws; this is a last resort that still avoids a stack trace.
        process.stderr.write("e2e: internal error\n");
        process.exitCode = EXIT.internal;
    })
    .finally(() => {
        process.removeListener("SIGINT", onSignal);
        process.removeListener("SIGTERM", onSignal);
    });
