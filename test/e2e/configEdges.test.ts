import { strict as assert } from "node:assert";
import { DEFAULT_ADMIN_USER, ParseResult, parseConfig } from "../../e2e/config";

const env = { SERVICERADAR_ADMIN_PASSWORD: "pw" };
const sha = "b".repeat(40);
const statusEnv = { ...env, GITHUB_TOKEN: "tok", GITHUB_REPOSITORY: "o/r" };

function ok(baseUrl: string, extra: Record<string, unknown> = {}): ParseResult {
    return {
        kind: "ok",
        config: {
            baseUrl,
            username: DEFAULT_ADMIN_USER,
            password: "pw",
            readyTimeoutMs: 300_000,
            readyIntervalMs: 5000,
            checkTimeoutMs: 15_000,
            junitPath: undefined,
            status: undefined,
            ...extra,
        },
    };
}

function status(extra: Record<string, unknown> = {}) {
    return {
        apiUrl: "https://api.github.com",
        repo: "o/r",
        sha,
        token: "tok",
        context: "e2e-tests",
        targetUrl: undefined,
        ...extra,
    };
}

describe("e2e configuration: the exact result of every setting", () => {
    it("treats a blank SERVICERADAR_CORE_URL as missing", () => {
        assert.deepEqual(parseConfig([], { ...env, SERVICERADAR_CORE_URL: "   " }), {
            kind: "error",
            message: "missing --url <coreUrl> (or SERVICERADAR_CORE_URL in the environment)",
            status: undefined,
        });
    });

    it("trims the URL of any white space, not only what the URL parser drops", () => {
        assert.deepEqual(parseConfig(["--url", "\u00a0https://h.example/app\u00a0"], env), ok("https://h.example/app"));
    });

    it("drops every trailing slash of the base URL", () => {
        assert.deepEqual(parseConfig(["--url", "https://h.example/base///"], env), ok("https://h.example/base"));
    });

    it("rejects a URL with only a user name, a query or a fragment, naming the flag", () => {
        const error = (message: string) => ({ kind: "error", message, status: undefined });
        assert.deepEqual(
            parseConfig(["--url", "https://someone@h.example"], env),
            error("--url must not contain credentials; use the environment variables instead"),
        );
        assert.deepEqual(
            parseConfig(["--url", "https://h.example/x?a=1"], env),
            error('--url "https://h.example/x..." must not contain a query or fragment'),
        );
        assert.deepEqual(
            parseConfig(["--url", "https://h.example/x#top"], env),
            error('--url "https://h.example/x..." must not contain a query or fragment'),
        );
        assert.deepEqual(
            parseConfig(["--url", "ftp://h.example"], env),
            error('--url "ftp://h.example" must start with http:// or https://'),
        );
    });

    it("trims the admin user name", () => {
        assert.deepEqual(
            parseConfig(["--url", "https://h.example"], { ...env, SERVICERADAR_ADMIN_USER: " admin@example.com " }),
            ok("https://h.example", { username: "admin@example.com" }),
        );
    });

    it("takes no positional arguments", () => {
        assert.deepEqual(parseConfig(["--url", "https://h.example", "extra"], env), {
            kind: "error",
            message: "unexpected argument (every value follows its flag)",
        });
    });

    it("rejects a blank --junit path and keeps a given one", () => {
        assert.deepEqual(parseConfig(["--url", "https://h.example", "--junit", "  "], env), {
            kind: "error",
            message: "--junit needs a file path",
            status: undefined,
        });
        assert.deepEqual(
            parseConfig(["--url", "https://h.example", "--junit", "out/e2e.xml"], env),
            ok("https://h.example", { junitPath: "out/e2e.xml" }),
        );
    });

    it("names each status flag given without --report-sha", () => {
        for (const flag of ["status-context", "target-url", "github-api"]) {
            assert.deepEqual(parseConfig(["--url", "https://h.example", `--${flag}`, "x"], env), {
                kind: "error",
                message: `--${flag} only makes sense with --report-sha`,
            });
        }
    });

    it("needs a repository, and one that looks like owner/name", () => {
        const argv = ["--url", "https://h.example", "--report-sha", sha];
        assert.deepEqual(parseConfig(argv, { ...env, GITHUB_TOKEN: "tok" }), {
            kind: "error",
            message: "--report-sha needs --repo <owner/name> (or GITHUB_REPOSITORY in the environment)",
        });
        assert.deepEqual(parseConfig([...argv, "--repo", "just-a-name"], statusEnv), {
            kind: "error",
            message: '--repo must look like owner/name, got "just-a-name"',
        });
    });

    it("rejects a blank status context", () => {
        assert.deepEqual(
            parseConfig(["--url", "https://h.example", "--report-sha", sha, "--status-context", "  "], statusEnv),
            { kind: "error", message: "--status-context must not be empty" },
        );
    });

    it("takes the GitHub API root from GITHUB_API_URL and rejects a bad one", () => {
        assert.deepEqual(
            parseConfig(["--url", "https://h.example", "--report-sha", sha], {
                ...statusEnv,
                GITHUB_API_URL: "https://ghe.example/api/v3/",
            }),
            ok("https://h.example", { status: status({ apiUrl: "https://ghe.example/api/v3" }) }),
        );
        assert.deepEqual(
            parseConfig(
                ["--url", "https://h.example", "--report-sha", sha, "--github-api", "ftp://ghe.example"],
                statusEnv,
            ),
            { kind: "error", message: 'GitHub API URL "ftp://ghe.example" must start with http:// or https://' },
        );
    });

    it("takes an http or https --target-url, trimmed, and rejects any other", () => {
        const argv = ["--url", "https://h.example", "--report-sha", sha, "--target-url"];
        assert.deepEqual(
            parseConfig([...argv, " https://ci.example/run/1 "], statusEnv),
            ok("https://h.example", { status: status({ targetUrl: "https://ci.example/run/1" }) }),
        );
        assert.deepEqual(
            parseConfig([...argv, "http://ci.example/run/2"], statusEnv),
            ok("https://h.example", { status: status({ targetUrl: "http://ci.example/run/2" }) }),
        );
        for (const bad of ["ftp://ci.example/run/3", "not a url"]) {
            assert.deepEqual(parseConfig([...argv, bad], statusEnv), {
                kind: "error",
                message: `--target-url "${bad}" must be an http(s) URL`,
            });
        }
    });
});
