// The offline plan never talks to an engine: variables a Pulumi language host would set (engine and monitor
// addresses, sync directory, config) are dropped before the SDK loads and reads them.
for (const key of Object.keys(process.env)) {
    if (/^PULUMI_(NODEJS_|CONFIG|ENABLE_LEGACY_APPLY)/.test(key)) delete process.env[key];
}

// Required after the clean-up above: an import would load the SDK first.
const { planCommand } = require("./command") as typeof import("./command");

planCommand(process.argv.slice(2)).then((result) => {
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    process.exitCode = result.code;
});
