import { strict as assert } from "node:assert";
import { EXIT } from "../../lib/cli/exitCodes";
import type { FetchLike } from "../../lib/cli/http";
import { WAIT_USAGE, runWait } from "../../tools/lib/waitCommand";
import { capture } from "./helpers";

/** A readiness endpoint answering 200 with `body`, and the URLs it was asked. */
function standIn(body: unknown): { fetch: FetchLike; asked: string[] } {
    const asked: string[] = [];
    return {
        asked,
        fetch: async (input) => {
            asked.push(input);
            return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
        },
    };
}

const noSleep = async (): Promise<void> => undefined;

async function wait(args: string[], options: { env?: Record<string, string>; body?: unknown } = {}) {
    const io = capture();
    const server = standIn(options.body ?? { version: "1.2.3" });
    const code = await runWait(args, io, { env: options.env ?? {}, fetch: server.fetch, sleep: noSleep });
    return { code, stdout: io.stdout, stderr: io.stderr, asked: server.asked };
}

/** A duration as formatDuration prints a short elapsed time. */
const ELAPSED = String.raw`\d+(?:ms|(?:\.\d)?s)`;

describe("wait-for-version run in-process: its command line and what it prints", () => {
    it("--help prints the usage and exits 0 without asking anything", async () => {
        const result = await wait(["--help"]);
        assert.deepEqual(result, { code: EXIT.ok, stdout: [WAIT_USAGE], stderr: [], asked: [] });
    });

    it("takes no positional arguments", async () => {
        const result = await wait(["--url", "http://core.test", "--version", "1.2.3", "extra"]);
        assert.deepEqual(result, {
            code: EXIT.usage,
            stdout: [],
            stderr: ["wait-for-version: unexpected argument (every value follows its flag)"],
            asked: [],
        });
    });

    it("a missing or blank URL (flag or SERVICERADAR_CORE_URL) is one usage line", async () => {
        for (const run of [
            () => wait(["--version", "1.2.3"]),
            () => wait(["--version", "1.2.3"], { env: { SERVICERADAR_CORE_URL: "   " } }),
            () => wait(["--url", "", "--version", "1.2.3"]),
        ]) {
            const result = await run();
            assert.deepEqual(result, {
                code: EXIT.usage,
                stdout: [],
                stderr: ["wait-for-version: missing --url <coreUrl> (or SERVICERADAR_CORE_URL)"],
                asked: [],
            });
        }
    });

    it("a URL that does not parse, or is not plain http(s), is refused before any request", async () => {
        const refused = (url: string, message: string) =>
            wait(["--url", url, "--version", "1.2.3"]).then((result) =>
                assert.deepEqual(
                    result,
                    { code: EXIT.usage, stdout: [], stderr: [`wait-for-version: ${message}`], asked: [] },
                    url,
                ),
            );
        await refused("not a url", "--url is not a valid URL");
        for (const url of [
            "ftp://core.test",
            "http://user@core.test",
            "http://:secret@core.test",
            "https://u:p@core.test",
        ]) {
            await refused(url, "--url must be an http(s) URL without credentials");
        }
    });

    it("a bad --version is a usage line naming the flag", async () => {
        const result = await wait(["--url", "http://core.test", "--version", "v2"]);
        assert.deepEqual(result, {
            code: EXIT.usage,
            stdout: [],
            stderr: [
                'wait-for-version: --version: "v2" is not a release version: expected semver without a leading v, e.g. 1.2.28',
            ],
            asked: [],
        });
    });

    it("--settle longer than --timeout is refused; equal to it is allowed", async () => {
        const longer = await wait(["--url", "http://core.test", "--version", "1.2.3", "--settle", "26m"]);
        assert.deepEqual(longer, {
            code: EXIT.usage,
            stdout: [],
            stderr: ["wait-for-version: --settle must not be longer than --timeout"],
            asked: [],
        });
        const equal = await wait([
            "--url",
            "http://core.test",
            "--version",
            "1.2.3",
            "--settle",
            "1m",
            "--timeout",
            "1m",
        ]);
        assert.equal(equal.code, EXIT.ok, equal.stderr.join("\n"));
    });

    it("an https URL, trimmed and without its trailing slashes, is the base it announces and polls", async () => {
        const result = await wait([
            "--url",
            " https://core.test/api// ",
            "--version",
            "1.2.3",
            "--timeout",
            "90s",
            "--settle",
            "0",
        ]);
        assert.equal(result.code, EXIT.ok, result.stderr.join("\n"));
        assert.deepEqual(result.asked, ["https://core.test/api/health/ready"]);
        assert.equal(result.stdout[0], "Waiting up to 1m30s for https://core.test/api to serve 1.2.3...");
        assert.match(
            result.stdout[1],
            new RegExp(`^https://core\\.test/api serves 1\\.2\\.3 \\(after ${ELAPSED}, 1 attempts\\)\\.$`),
        );
        assert.equal(result.stdout.length, 2);
        assert.deepEqual(result.stderr, []);
    });

    it("readiness without a version is accepted with a warning after --settle, never with --require-version", async () => {
        const args = ["--url", "http://core.test", "--version", "1.2.3", "--settle", "0", "--timeout", "50ms"];
        const accepted = await wait(args, { body: { status: "ok" } });
        assert.equal(accepted.code, EXIT.ok);
        assert.deepEqual(accepted.stdout, ["Waiting up to 50ms for http://core.test to serve 1.2.3..."]);
        assert.equal(accepted.stderr.length, 1);
        assert.match(
            accepted.stderr[0],
            new RegExp(
                `^wait-for-version: warning: http://core\\.test/health/ready is ready but reports no version; accepted after ${ELAPSED} without confirming 1\\.2\\.3$`,
            ),
        );
        const strict = await wait([...args, "--require-version"], { body: { status: "ok" } });
        assert.equal(strict.code, EXIT.timedOut);
        assert.equal(strict.stdout[0], "Waiting up to 50ms for http://core.test to serve 1.2.3...");
        assert.match(
            strict.stdout[1],
            new RegExp(`^  ${ELAPSED}: http://core\\.test/health/ready: ready, no version reported$`),
        );
        assert.deepEqual(strict.stderr, [
            "wait-for-version: http://core.test did not serve 1.2.3 within 50ms (last: ready, no version reported)",
        ]);
    });

    it("an unexpected failure is one internal-error line", async () => {
        const io = capture();
        const code = await runWait(["--url", "http://core.test", "--version", "1.2.3"], io, {
            env: {},
            fetch: async () => {
                throw new TypeError("stand-in broke");
            },
            sleep: async () => {
                throw new Error("no sleeping here");
            },
        });
        assert.equal(code, EXIT.internalError);
        assert.deepEqual(io.stderr, ["wait-for-version: internal error: no sleeping here"]);
    });
});
