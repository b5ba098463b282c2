// The edges of the hydrator's GitHub calls (promotion/gitData.ts) that mutation testing found unpinned: the exact
// requests, which failures are retried and how long each wait is, the words of each failure, and the answers GitHub
// may give that are not what the hydrator can use.
import { strict as assert } from "node:assert";
import {
    createInstallationToken,
    readBlobAt,
    readCommitTree,
    readTreeFiles,
    resolveCommit,
    writeBranchContent,
} from "../../../promotion/gitData";
import { closedPort, json, LoopbackServer, startLoopbackServer } from "../../support/loopbackServer";

const TOKEN = "ghs_hydratorEdgeToken_0123456789abcdef";
const REPO = "carverauto/serviceradar";
const SHA = "a".repeat(40);
const TREE = "b".repeat(40);

describe("promotion/gitData: edges of the hydrator's GitHub calls", () => {
    let server: LoopbackServer | undefined;
    afterEach(async () => {
        await server?.close();
        server = undefined;
    });
    const api = (url: string, extra: object = {}) => ({
        apiUrl: url,
        token: TOKEN,
        timeoutMs: 2_000,
        retryBaseDelayMs: 1,
        ...extra,
    });
    const failureOf = (promise: Promise<unknown>) =>
        promise.then(
            () => assert.fail("resolved"),
            (err: Error & { status?: number; transient?: boolean }) => err,
        );

    it("sends GitHub's media type and API version, and a JSON content type only with a body", async () => {
        server = await startLoopbackServer((req, res) => {
            if (req.method === "GET" && req.url?.includes("/git/ref/")) return json(res, 404, { message: "Not Found" });
            json(res, 201, { sha: SHA });
        });
        await writeBranchContent(api(server.url), { ownerAndName: REPO, branch: "b", files: { a: "x" }, message: "m" });
        const headers = server.requests.map((r) => ({
            method: r.method,
            authorization: r.headers.authorization,
            accept: r.headers.accept,
            version: r.headers["x-github-api-version"],
            contentType: r.headers["content-type"],
        }));
        const common = {
            authorization: `Bearer ${TOKEN}`,
            accept: "application/vnd.github+json",
            version: "2022-11-28",
        };
        assert.deepEqual(headers, [
            { method: "GET", ...common, contentType: undefined },
            { method: "POST", ...common, contentType: "application/json" },
            { method: "POST", ...common, contentType: "application/json" },
            { method: "POST", ...common, contentType: "application/json" },
        ]);
    });

    it("without a token nothing is asked, and the failure says which variables give one", async () => {
        const message =
            "GITHUB_TOKEN is not set, nor the GitHub App's GITHUB_APP_ID, GITHUB_APP_INSTALLATION_ID and " +
            "GITHUB_APP_PEM_FILE: the hydrator needs one of them to read and write the repository";
        const err = await failureOf(resolveCommit({ apiUrl: "http://github.invalid", token: "" }, REPO, "v1"));
        assert.equal(err.message, message);
    });

    it("a trailing slash of the API root, or two, is not part of any path", async () => {
        server = await startLoopbackServer((_req, res) => json(res, 200, { sha: SHA, token: "ghs_new" }));
        assert.equal(await resolveCommit(api(`${server.url}//`), REPO, "v1.2.27"), SHA);
        assert.equal(await createInstallationToken(api(`${server.url}//`), "42"), "ghs_new");
        assert.deepEqual(
            server.requests.map((r) => r.path),
            ["/repos/carverauto/serviceradar/commits/v1.2.27", "/app/installations/42/access_tokens"],
        );
    });

    it("a refused connection is retried, then fails naming the call, transient", async () => {
        const port = await closedPort();
        const url = `http://127.0.0.1:${port}/repos/carverauto/serviceradar/commits/v1`;
        const err = await failureOf(resolveCommit(api(`http://127.0.0.1:${port}`), REPO, "v1"));
        assert.equal(err.name, "GitHubApiError");
        assert.equal(err.transient, true);
        assert.equal(err.status, undefined);
        assert.equal(err.message, `GET ${url} failed: fetch failed connect ECONNREFUSED 127.0.0.1:${port}`);
    });

    it("a connection cut in the middle of the body is a network failure, retried, not a body too large", async () => {
        server = await startLoopbackServer((_req, res) => {
            res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
            res.write('{"sha": "');
            setTimeout(() => res.destroy(), 10);
        });
        const err = await failureOf(resolveCommit(api(server.url), REPO, "v1"));
        assert.match(err.message, new RegExp(`^GET ${server.url}/repos/carverauto/serviceradar/commits/v1 failed: `));
        assert.equal(err.transient, true);
        assert.equal(server.requests.length, 3);
    });

    it("a call answered in time leaves no deadline timer behind (it would hold the process and abort later)", async () => {
        const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;
        server = await startLoopbackServer((_req, res) => json(res, 200, { sha: SHA }));
        const before = timers();
        assert.equal(await resolveCommit(api(server.url, { timeoutMs: 60_000 }), REPO, "v1"), SHA);
        assert.equal(timers(), before);
    });

    it("a fetch failure without a cause, or not an Error, is worded as one line naming the call", async () => {
        const url = `http://github.invalid/repos/${REPO}/commits/v1`;
        const failures: unknown[] = [new Error(`socket hang up ${TOKEN}`), `plain ${TOKEN}`];
        const messages: string[] = [];
        for (const thrown of failures) {
            const fetchImpl = async () => {
                throw thrown;
            };
            const err = await failureOf(resolveCommit({ ...api("http://github.invalid"), fetchImpl }, REPO, "v1"));
            assert.equal(err.transient, true);
            messages.push(err.message);
        }
        assert.deepEqual(messages, [
            `GET ${url} failed: socket hang up [REDACTED]`,
            `GET ${url} failed: plain [REDACTED]`,
        ]);
    });

    it("a 500 is retried like any 5xx", async () => {
        const answers = [500, 200];
        server = await startLoopbackServer((_req, res) => {
            const status = answers.shift()!;
            json(res, status, status === 200 ? { sha: SHA } : { message: "Server Error" });
        });
        assert.equal(await resolveCommit(api(server.url), REPO, "v1"), SHA);
        assert.equal(server.requests.length, 2);
    });

    it("waits the backoff, doubling: base, then twice the base", async function () {
        this.timeout(10_000);
        server = await startLoopbackServer((_req, res) => json(res, 503, { message: "unavailable" }));
        const started = Date.now();
        const err = await failureOf(resolveCommit(api(server.url, { retryBaseDelayMs: 200 }), REPO, "v1"));
        const took = Date.now() - started;
        assert.equal(
            err.message,
            `GET ${server.url}/repos/carverauto/serviceradar/commits/v1 answered HTTP 503: unavailable`,
        );
        assert.ok(took >= 600 && took < 1_100, `took ${took} ms, not 200 + 400`);
    });

    it("a backoff longer than GitHub may be waited out inside pulumi up fails at once, saying so", async () => {
        server = await startLoopbackServer((_req, res) => json(res, 502, { message: "Bad Gateway" }));
        const err = await failureOf(resolveCommit(api(server.url, { retryBaseDelayMs: 20_000 }), REPO, "v1"));
        assert.equal(
            err.message,
            `GET ${server.url}/repos/carverauto/serviceradar/commits/v1 answered HTTP 502: Bad Gateway (GitHub asks to wait 20 s)`,
        );
        assert.equal(err.status, 502);
        assert.equal(server.requests.length, 1);
    });

    const rateLimited = (retryAfter: string) => async () => {
        server = await startLoopbackServer((_req, res) => {
            res.writeHead(429, { "content-type": "application/json", "retry-after": retryAfter });
            res.end('{"message":"rate limited"}');
        });
        return failureOf(resolveCommit(api(server.url, { retryBaseDelayMs: 20_000 }), REPO, "v1"));
    };
    for (const unreadable of [" ", "soon"]) {
        it(`an unreadable Retry-After (${JSON.stringify(unreadable)}) is no wait of 0: the backoff holds`, async () => {
            const err = await rateLimited(unreadable)();
            assert.match(err.message, /answered HTTP 429: rate limited \(GitHub asks to wait 20 s\)$/);
            assert.equal(server!.requests.length, 1);
        });
    }

    it("a Retry-After date in the future is waited for as long as it says (too long here: it fails)", async () => {
        const err = await rateLimited(new Date(Date.now() + 61_000).toUTCString())();
        assert.match(err.message, /answered HTTP 429: rate limited \(GitHub asks to wait (60|61) s\)$/);
        assert.equal(server!.requests.length, 1);
    });

    it("a Retry-After date in the past is no wait at all", async () => {
        const answers = [429, 200];
        server = await startLoopbackServer((_req, res) => {
            if (answers.shift() === 200) return json(res, 200, { sha: SHA });
            res.writeHead(429, { "content-type": "application/json", "retry-after": new Date(0).toUTCString() });
            res.end('{"message":"rate limited"}');
        });
        assert.equal(await resolveCommit(api(server.url, { retryBaseDelayMs: 20_000 }), REPO, "v1"), SHA);
        assert.equal(server.requests.length, 2);
    });

    it("a ref update lost to a 5xx is repeated (moving a ref to the same commit twice is a no-op)", async () => {
        let patches = 0;
        server = await startLoopbackServer((req, res) => {
            if (req.method === "GET" && req.url?.includes("/git/ref/")) return json(res, 200, { object: { sha: SHA } });
            if (req.method === "GET") return json(res, 200, { tree: { sha: TREE } });
            if (req.method === "PATCH" && patches++ === 0) return json(res, 502, { message: "Bad Gateway" });
            json(res, req.method === "PATCH" ? 200 : 201, { sha: "c".repeat(40) });
        });
        assert.deepEqual(
            await writeBranchContent(api(server.url), {
                ownerAndName: REPO,
                branch: "b",
                files: { a: "x" },
                message: "m",
            }),
            { commitSha: "c".repeat(40), changed: true },
        );
        assert.equal(patches, 2);
    });

    it("an installation token answer without a token, or with an empty one, is refused", async () => {
        for (const answer of [{}, { token: "" }, { token: 7 }]) {
            server = await startLoopbackServer((_req, res) => json(res, 201, answer));
            const err = await failureOf(createInstallationToken(api(server.url), "42"));
            assert.equal(err.message, `POST ${server.url}/app/installations/42/access_tokens answered without a token`);
            await server.close();
        }
        server = undefined;
    });

    it("a contents answer that is no inline file is refused, each field checked", async () => {
        const file = { type: "file", encoding: "base64", content: Buffer.from("a: 1\n").toString("base64"), sha: TREE };
        const broken = [
            { ...file, type: "dir" },
            { ...file, encoding: "none" },
            { ...file, content: undefined },
            { ...file, sha: undefined },
        ];
        for (const answer of broken) {
            server = await startLoopbackServer((_req, res) => json(res, 200, answer));
            const err = await failureOf(readBlobAt(api(server.url), REPO, "helm/values.yaml", SHA));
            assert.equal(err.message, `${REPO}@${SHA}:helm/values.yaml is not a file GitHub returns inline`);
            await server.close();
        }
        server = await startLoopbackServer((_req, res) => json(res, 200, file));
        assert.deepEqual(await readBlobAt(api(server.url), REPO, "helm/values.yaml", SHA), {
            text: "a: 1\n",
            blobSha: TREE,
        });
    });

    it("a branch whose head cannot be read is no missing branch: nothing is created", async () => {
        server = await startLoopbackServer((_req, res) => json(res, 401, { message: "Bad credentials" }));
        const err = await failureOf(
            writeBranchContent(api(server.url), { ownerAndName: REPO, branch: "b", files: { a: "x" }, message: "m" }),
        );
        assert.equal(err.message, `GET ${server.url}/repos/${REPO}/git/ref/heads/b answered HTTP 401: Bad credentials`);
        assert.deepEqual(
            server.requests.map((r) => r.method),
            ["GET"],
        );
    });

    it("reads a commit's tree; a commit GitHub no longer has (404, 422) is undefined; any other failure throws", async () => {
        let status = 200;
        server = await startLoopbackServer((_req, res) =>
            json(res, status, status === 200 ? { tree: { sha: TREE } } : { message: "no" }),
        );
        assert.equal(await readCommitTree(api(server.url), REPO, SHA), TREE);
        for (status of [404, 422]) assert.equal(await readCommitTree(api(server.url), REPO, SHA), undefined);
        status = 401;
        const err = await failureOf(readCommitTree(api(server.url), REPO, SHA));
        assert.equal(err.message, `GET ${server.url}/repos/${REPO}/git/commits/${SHA} answered HTTP 401: no`);
    });

    describe("reading a tree whole", () => {
        const blob = (text: string | Buffer) => ({
            content: Buffer.from(text).toString("base64"),
            encoding: "base64",
        });
        const serve = (tree: unknown, blobs: Record<string, unknown> = {}) =>
            startLoopbackServer((req, res) => {
                const path = req.url ?? "";
                if (path.includes("/git/trees/")) return json(res, 200, tree);
                const sha = path.split("/git/blobs/")[1];
                json(res, blobs[sha] ? 200 : 404, blobs[sha] ?? { message: "Not Found" });
            });
        const entry = (path: string, sha: string, type = "blob") => ({ path, mode: "100644", type, sha });

        it("each blob as text, a folder left out, a submodule and a binary file named by placeholders", async () => {
            server = await serve(
                {
                    tree: [
                        entry("helm", "1".repeat(40), "tree"),
                        entry("helm/values.yaml", "2".repeat(40)),
                        entry("vendor", "3".repeat(40), "commit"),
                        entry("logo.png", "4".repeat(40)),
                    ],
                    truncated: false,
                },
                { ["2".repeat(40)]: blob("a: 1\n"), ["4".repeat(40)]: blob(Buffer.from([0xff, 0xfe])) },
            );
            assert.deepEqual(await readTreeFiles(api(server.url), REPO, TREE), {
                "helm/values.yaml": "a: 1\n",
                vendor: `(commit ${"3".repeat(40)})`,
                "logo.png": `(not UTF-8 text: blob ${"4".repeat(40)})`,
            });
            assert.deepEqual(
                server.requests.map((r) => r.path),
                [
                    `/repos/${REPO}/git/trees/${TREE}?recursive=1`,
                    `/repos/${REPO}/git/blobs/${"2".repeat(40)}`,
                    `/repos/${REPO}/git/blobs/${"4".repeat(40)}`,
                ],
            );
        });

        it("an answer without entries is an empty tree", async () => {
            server = await serve({ truncated: false });
            assert.deepEqual(await readTreeFiles(api(server.url), REPO, TREE), {});
        });

        it("a truncated tree, or one of more than 1000 files, is refused; 1000 files and their folders are read", async () => {
            const message = `${REPO} tree ${TREE} holds more than the 1000 files read back`;
            server = await serve({ tree: [entry("a", "1".repeat(40))], truncated: true });
            assert.equal((await failureOf(readTreeFiles(api(server.url), REPO, TREE))).message, message);
            await server.close();
            const many = (n: number) =>
                Array.from({ length: n }, (_, i) => entry(`d/f${i}`, i.toString(16).padStart(40, "0")));
            server = await serve({ tree: many(1001), truncated: false });
            assert.equal((await failureOf(readTreeFiles(api(server.url), REPO, TREE))).message, message);
            assert.equal(server.requests.length, 1, "no blob is read");
            await server.close();
            const blobs = Object.fromEntries(many(1000).map((e) => [e.sha, blob("x")]));
            server = await serve(
                { tree: [entry("d", "f".repeat(40), "tree"), ...many(1000)], truncated: false },
                blobs,
            );
            assert.equal(Object.keys(await readTreeFiles(api(server.url), REPO, TREE)).length, 1000);
        });

        it("a blob not returned as base64 text is refused", async () => {
            for (const answer of [{ content: "YQ==", encoding: "utf-8" }, { encoding: "base64" }]) {
                server = await serve({ tree: [entry("a.yaml", "2".repeat(40))] }, { ["2".repeat(40)]: answer });
                const err = await failureOf(readTreeFiles(api(server.url), REPO, TREE));
                assert.equal(err.message, `${REPO} blob ${"2".repeat(40)} (a.yaml) is not returned as base64`);
                await server.close();
            }
            server = undefined;
        });
    });
});
