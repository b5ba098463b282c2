// The hydrator's GitHub calls (promotion/gitData.ts) against hostile or failing loopback stand-ins: a deadline that
// holds with the body included, bounded retries of what may be repeated, no token in any spelling in an error, and
// no text that is not UTF-8.
import { strict as assert } from "node:assert";
import { readBlobAt, resolveCommit, writeBranchContent } from "../../../promotion/gitData";
import { json, LoopbackServer, send, startLoopbackServer } from "../../support/loopbackServer";

const TOKEN = "ghs_hydratorCallToken_0123456789abcdef";
const REPO = "carverauto/serviceradar";
const SHA = "a".repeat(40);

describe("promotion/gitData: the hydrator's GitHub calls", () => {
    let server: LoopbackServer | undefined;
    afterEach(async () => {
        await server?.close();
        server = undefined;
    });
    const api = (url: string) => ({ apiUrl: url, token: TOKEN, timeoutMs: 400, retryBaseDelayMs: 1 });

    it("a body that stalls after the headers fails at the deadline, retries included", async function () {
        this.timeout(10_000);
        server = await startLoopbackServer((_req, res) => {
            res.writeHead(200, { "content-type": "application/json" });
            res.write('{"sha": "');
        });
        const started = Date.now();
        await assert.rejects(
            resolveCommit(api(server.url), REPO, "v1.2.27"),
            /did not answer completely within 400 ms/,
        );
        assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`);
        assert.equal(server.requests.length, 3, "a read is tried three times");
    });

    it("a transient 5xx is retried; a 429 with a short Retry-After is waited out", async () => {
        const answers = [502, 429, 200];
        server = await startLoopbackServer((_req, res) => {
            const status = answers.shift() ?? 500;
            if (status === 429) {
                res.writeHead(429, { "content-type": "application/json", "retry-after": "0" });
                res.end('{"message":"slow down"}');
            } else json(res, status, status === 200 ? { sha: SHA } : { message: "Server Error" });
        });
        assert.equal(await resolveCommit(api(server.url), REPO, "v1.2.27"), SHA);
        assert.equal(server.requests.length, 3);
    });

    it("gives up after three attempts, and never waits a long Retry-After inside pulumi up", async () => {
        server = await startLoopbackServer((_req, res) => json(res, 503, { message: "unavailable" }));
        await assert.rejects(resolveCommit(api(server.url), REPO, "v1"), /answered HTTP 503: unavailable/);
        assert.equal(server.requests.length, 3);
        await server.close();
        server = await startLoopbackServer((_req, res) => {
            res.writeHead(429, { "content-type": "application/json", "retry-after": "3600" });
            res.end('{"message":"rate limited"}');
        });
        await assert.rejects(resolveCommit(api(server.url), REPO, "v1"), /asks to wait 3600 s/);
        assert.equal(server.requests.length, 1);
    });

    it("does not repeat creating a ref after a 5xx", async () => {
        server = await startLoopbackServer((req, res) => {
            if (req.method === "GET" && /\/git\/ref\/heads\//.test(req.url ?? "")) return json(res, 404, {});
            if (req.method === "POST" && /\/git\/refs$/.test(req.url ?? "")) return json(res, 502, { message: "bad" });
            json(res, 201, { sha: SHA });
        });
        await assert.rejects(
            writeBranchContent(api(server.url), {
                ownerAndName: REPO,
                branch: "environment/demo-next",
                files: { a: "b" },
                message: "m",
                createFrom: { branch: "environment/demo", files: {}, message: "m" },
            }),
            /HTTP 502/,
        );
        const refCreations = server.requests.filter((r) => r.method === "POST" && r.path.endsWith("/git/refs"));
        assert.equal(refCreations.length, 1);
    });

    const echoes: Record<string, string> = {
        whole: `Bad credentials: ${TOKEN}`,
        "as a prefix cut by the excerpt": `${"x".repeat(190)} ${TOKEN}`,
        base64: `token ${Buffer.from(TOKEN).toString("base64")} rejected`,
        "Basic user:token": `Authorization: Basic ${Buffer.from(`x-access-token:${TOKEN}`).toString("base64")}`,
        "across a line break": `${TOKEN.slice(0, 12)}\n${TOKEN.slice(12)}`,
        "JSON-escaped": JSON.stringify(TOKEN.replace("_", "/")).replace("/", "\\/"),
    };
    for (const [name, message] of Object.entries(echoes)) {
        it(`an error never carries the token (${name})`, async () => {
            const token = name === "JSON-escaped" ? TOKEN.replace("_", "/") : TOKEN;
            server = await startLoopbackServer((_req, res) =>
                // Not JSON for the prefix case: the whole text becomes the excerpt, cut at 200 characters.
                name.startsWith("as a prefix") ? send(res, 422, message) : json(res, 422, { message }),
            );
            const failure = await resolveCommit({ ...api(server.url), token }, REPO, "v1").then(
                () => assert.fail("resolved"),
                (err: Error) => err.message,
            );
            assert.match(failure, /answered HTTP 422/);
            for (const piece of [
                token.slice(0, 8),
                token.slice(-8),
                Buffer.from(token).toString("base64").slice(4, 14),
            ]) {
                assert.ok(!failure.replace(/\s/g, "").includes(piece), failure);
            }
            assert.doesNotMatch(failure, /\n/);
        });
    }

    it("a body that is not JSON is not quoted", async () => {
        server = await startLoopbackServer((_req, res) => {
            res.writeHead(200, { "content-type": "application/json" });
            res.end(`${TOKEN} is not json`);
        });
        await assert.rejects(resolveCommit(api(server.url), REPO, "v1"), (err: Error) => {
            assert.ok(!err.message.includes(TOKEN.slice(0, 10)), err.message);
            return /not JSON/.test(err.message);
        });
    });

    it("refuses a file that is not UTF-8 instead of replacing its bytes", async () => {
        const content = Buffer.from([0x61, 0x3a, 0x20, 0xff, 0xfe, 0x0a]).toString("base64");
        server = await startLoopbackServer((_req, res) =>
            json(res, 200, { type: "file", encoding: "base64", content, sha: "0".repeat(40) }),
        );
        await assert.rejects(
            readBlobAt(api(server.url), REPO, "helm/values-demo.yaml", SHA),
            /helm\/values-demo\.yaml is not UTF-8 text/,
        );
    });
});
