import { strict as assert } from "node:assert";
import { ServerResponse } from "node:http";
import { formatBytes } from "../../../lib/cli/boundedBody";
import { RequestFailure, findErrorCode, httpRequest, toRequestFailure } from "../../../lib/cli/http";
import { LoopbackServer, loopbackServersPerTest } from "../../support/loopbackServer";

describe("lib/cli/http: network error wording", () => {
    const wrap = (code: string): Error =>
        new TypeError("fetch failed", { cause: Object.assign(new Error("inner"), { code }) });

    it("maps cause codes to plain words naming the URL", () => {
        const cases: Array<[string, RegExp, boolean]> = [
            ["ECONNREFUSED", /connection refused/, false],
            ["ENOTFOUND", /DNS lookup failed: host not found/, true],
            ["ETIMEDOUT", /connection timed out/, false],
            ["CERT_HAS_EXPIRED", /certificate has expired/, true],
            ["UNABLE_TO_VERIFY_LEAF_SIGNATURE", /certificate could not be verified/, true],
            ["DEPTH_ZERO_SELF_SIGNED_CERT", /self-signed/, true],
            ["ERR_TLS_CERT_ALTNAME_INVALID", /does not match the host name/, true],
            ["CERT_SOMETHING_NEW", /TLS error \(CERT_SOMETHING_NEW\)/, true],
        ];
        for (const [code, pattern, permanent] of cases) {
            const failure = toRequestFailure(wrap(code), "GET", "https://x.example/health/ready", 1000, false, false);
            assert.match(failure.message, pattern, code);
            assert.ok(failure.message.startsWith("GET https://x.example/health/ready failed: "), failure.message);
            assert.ok(failure.message.includes(`(${code})`), failure.message);
            assert.ok(!failure.message.includes("\n"));
            assert.equal(failure.permanent, permanent, code);
        }
    });

    it("finds codes inside AggregateError (happy-eyeballs) and reports timeouts and cancellation", () => {
        const aggregate = new TypeError("fetch failed", {
            cause: Object.assign(new AggregateError([Object.assign(new Error("a"), { code: "ECONNREFUSED" })]), {}),
        });
        assert.equal(findErrorCode(aggregate), "ECONNREFUSED");
        const timeout = toRequestFailure(new Error("aborted"), "POST", "http://h/api/query", 250, true, false);
        assert.equal(timeout.kind, "timeout");
        assert.match(timeout.message, /no complete response within 250ms/);
        assert.equal(toRequestFailure(new Error("x"), "GET", "http://h/", 1, false, true).kind, "cancelled");
    });
});

describe("lib/cli/http: bounds and redirects (127.0.0.1 stand-ins)", () => {
    const server = loopbackServersPerTest();
    const serve = (handler: (path: string, res: ServerResponse) => void): Promise<LoopbackServer> =>
        server((req, res) => handler(req.url ?? "/", res));
    async function failure(promise: Promise<unknown>): Promise<RequestFailure> {
        try {
            await promise;
        } catch (err) {
            if (err instanceof RequestFailure) return err;
            throw err;
        }
        throw new Error("expected a RequestFailure");
    }
    const get = (url: string, extra: object = {}) =>
        httpRequest({ method: "GET", url, timeoutMs: 2000, maxBodyBytes: 1024, ...extra });

    it("reads a body up to the cap, and refuses one announced or streamed beyond it", async () => {
        const server = await serve((path, res) => {
            if (path === "/exact") return res.end("x".repeat(1024));
            if (path === "/announced") {
                res.writeHead(200, { "content-length": "4096" });
                return res.end("y".repeat(4096));
            }
            res.writeHead(200);
            res.write("z".repeat(600));
            setTimeout(() => res.end("z".repeat(600)), 10);
        });
        assert.equal((await get(`${server.url}/exact`)).body.length, 1024);
        for (const path of ["/announced", "/streamed"]) {
            const err = await failure(get(`${server.url}${path}`));
            assert.equal(err.kind, "too-large", path);
            assert.equal(
                err.message,
                `GET ${server.url}${path} failed: response body is larger than 1 KiB (stopped reading)`,
            );
        }
        assert.equal(formatBytes(1536), "1536 bytes");
        assert.equal(formatBytes(2 * 1024 * 1024), "2 MiB");
    });

    it("returns a 3xx as-is unless asked to follow, and follows only within the origin and the bound", async () => {
        const server = await serve((path, res) => {
            const hop = /^\/hop\/(\d+)$/.exec(path);
            if (hop && Number(hop[1]) > 0) {
                res.writeHead(302, { location: `/hop/${Number(hop[1]) - 1}` });
                return res.end();
            }
            if (path === "/away") {
                res.writeHead(307, { location: "http://localhost:1/elsewhere?token=x" });
                return res.end();
            }
            res.end("arrived");
        });
        assert.equal((await get(`${server.url}/hop/2`)).status, 302);
        assert.equal((await get(`${server.url}/hop/2`, { followRedirects: 5 })).body, "arrived");
        const tooMany = await failure(get(`${server.url}/hop/6`, { followRedirects: 5 }));
        assert.match(tooMany.message, /was redirected more than 5 times$/);
        const away = await failure(get(`${server.url}/away`, { followRedirects: 5 }));
        assert.equal(away.kind, "redirect");
        assert.equal(
            away.message,
            `GET ${server.url}/away was redirected to another origin (http://localhost:1); not followed`,
        );
        const post = await httpRequest({
            method: "POST",
            url: `${server.url}/hop/1`,
            timeoutMs: 2000,
            followRedirects: 5,
        });
        assert.equal(post.status, 302, "a POST is never replayed to another URL");
    });
});
