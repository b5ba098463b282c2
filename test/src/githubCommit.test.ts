import * as assert from "assert";
import { createHash } from "crypto";
import * as http from "http";
import Module from "module";
import * as pulumi from "@pulumi/pulumi";
import { AddressInfo } from "net";
import { commitFiles, FileCommitRequest } from "../../src/githubCommit";
import { dryReleaseCommitProvider } from "../../components/dryReleaseCommit";

const TOKEN = "ghs_commitTokenNeverShown";

/** A loopback stand-in for the parts of GitHub's Git Data API a one-commit write uses. */
class GitDataStandIn {
    readonly trees = new Map<string, Record<string, string>>();
    readonly commits = new Map<string, { tree: string; parents: string[]; message: string }>();
    readonly refs = new Map<string, string>();
    readonly authorizations: string[] = [];
    rejectNextRefUpdates = 0;
    status?: number;
    private server?: http.Server;

    constructor() {
        const tree = this.storeTree({ "README.md": "hello" });
        const commit = this.storeCommit({ tree, parents: [], message: "initial" });
        this.refs.set("heads/main", commit);
    }

    private sha(value: unknown) {
        return createHash("sha1").update(JSON.stringify(value)).digest("hex");
    }

    private storeTree(files: Record<string, string>) {
        const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
        const sha = this.sha(sorted);
        this.trees.set(sha, sorted);
        return sha;
    }

    private storeCommit(commit: { tree: string; parents: string[]; message: string }) {
        const sha = this.sha([commit, this.commits.size]);
        this.commits.set(sha, commit);
        return sha;
    }

    /** Someone else pushes to the branch. */
    pushElsewhere(files: Record<string, string>) {
        const head = this.refs.get("heads/main")!;
        const tree = this.storeTree({ ...this.trees.get(this.commits.get(head)!.tree)!, ...files });
        this.refs.set("heads/main", this.storeCommit({ tree, parents: [head], message: "someone else" }));
    }

    headFiles() {
        return this.trees.get(this.commits.get(this.refs.get("heads/main")!)!.tree)!;
    }

    async start(): Promise<string> {
        this.server = http.createServer((req, res) => {
            let body = "";
            req.on("data", (chunk) => (body += chunk));
            req.on("end", () => {
                this.authorizations.push(String(req.headers.authorization));
                const reply = (status: number, value: unknown) => {
                    res.writeHead(status, { "Content-Type": "application/json" });
                    res.end(JSON.stringify(value));
                };
                if (this.status) return reply(this.status, { message: `Bad credentials ${req.headers.authorization}` });
                const path = (req.url ?? "").replace(/^\/repos\/carverauto\/serviceradar\/git\//, "");
                const input = body ? JSON.parse(body) : undefined;
                if (req.method === "GET" && path.startsWith("ref/")) {
                    const sha = this.refs.get(decodeURIComponent(path.slice(4)));
                    return sha ? reply(200, { object: { sha } }) : reply(404, { message: "Not Found" });
                }
                if (req.method === "GET" && path.startsWith("commits/")) {
                    const commit = this.commits.get(path.slice(8));
                    return reply(200, { sha: path.slice(8), tree: { sha: commit!.tree } });
                }
                if (req.method === "POST" && path === "trees") {
                    const files = { ...this.trees.get(input.base_tree) };
                    for (const entry of input.tree) files[entry.path] = entry.content;
                    return reply(201, { sha: this.storeTree(files) });
                }
                if (req.method === "POST" && path === "commits") return reply(201, { sha: this.storeCommit(input) });
                if (req.method === "PATCH" && path.startsWith("refs/")) {
                    const ref = decodeURIComponent(path.slice(5));
                    const head = this.refs.get(ref);
                    if (this.rejectNextRefUpdates > 0 || !this.commits.get(input.sha)!.parents.includes(head!)) {
                        this.rejectNextRefUpdates = Math.max(0, this.rejectNextRefUpdates - 1);
                        return reply(422, { message: "Update is not a fast forward" });
                    }
                    this.refs.set(ref, input.sha);
                    return reply(200, { object: { sha: input.sha } });
                }
                reply(404, { message: `no route ${req.method} ${path}` });
            });
        });
        await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
        return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    }

    async stop() {
        await new Promise((resolve) => this.server?.close(resolve));
    }
}

describe("one-commit writes of the DRY release files (Git Data API)", () => {
    let github: GitDataStandIn;
    let apiUrl: string;
    beforeEach(async () => {
        github = new GitDataStandIn();
        apiUrl = await github.start();
    });
    afterEach(() => github.stop());

    const request = (files: Record<string, string>): FileCommitRequest => ({
        apiUrl,
        owner: "carverauto",
        repository: "serviceradar",
        branch: "main",
        files,
        message: "release: ServiceRadar 1.3.0",
    });
    const RELEASE = {
        "deploy/release/Chart.yaml": "version: 1.3.0\n",
        "deploy/release/values.yaml": "imageTag: v1.3.0\n",
    };

    it("writes every file in exactly one commit on top of the branch", async () => {
        const before = github.refs.get("heads/main")!;
        const result = await commitFiles(request(RELEASE), TOKEN);
        assert.strictEqual(result.changed, true);
        assert.strictEqual(github.refs.get("heads/main"), result.commitSha);
        assert.deepStrictEqual(github.commits.get(result.commitSha)!.parents, [before], "one commit, on the old head");
        assert.deepStrictEqual(github.headFiles(), { "README.md": "hello", ...RELEASE });
        assert.ok(github.authorizations.every((a) => a === `Bearer ${TOKEN}`));
    });

    it("makes no commit when the files already have this content", async () => {
        const first = await commitFiles(request(RELEASE), TOKEN);
        const commits = github.commits.size;
        const second = await commitFiles(request(RELEASE), TOKEN);
        assert.deepStrictEqual(second, { commitSha: first.commitSha, changed: false });
        assert.strictEqual(github.commits.size, commits);
    });

    it("rebuilds on the new head when someone pushed in between, never overwriting their commit", async () => {
        github.rejectNextRefUpdates = 1;
        github.pushElsewhere({ "other.txt": "theirs" });
        const result = await commitFiles(request(RELEASE), TOKEN);
        assert.strictEqual(github.refs.get("heads/main"), result.commitSha);
        assert.deepStrictEqual(github.headFiles(), { "README.md": "hello", "other.txt": "theirs", ...RELEASE });
    });

    it("fails clearly without a token, and never prints the token GitHub echoes", async () => {
        await assert.rejects(commitFiles(request(RELEASE), ""), /GITHUB_TOKEN is not set/);
        github.status = 401;
        await assert.rejects(commitFiles(request(RELEASE), TOKEN), (err: Error) => {
            assert.match(err.message, /GET .*\/git\/ref\/heads\/main answered HTTP 401/);
            assert.ok(!err.message.includes(TOKEN), err.message);
            return true;
        });
    });

    it("names a missing branch", async () => {
        await assert.rejects(
            commitFiles({ ...request(RELEASE), branch: "nope" }, TOKEN),
            /heads\/nope answered HTTP 404: Not Found/,
        );
    });

    it("works as Pulumi's dynamic provider host runs it: serialized, loaded from text, token from the environment", async () => {
        const serialized = await pulumi.runtime.serializeFunction(() => dryReleaseCommitProvider, {
            allowSecrets: true,
        });
        const loaded = new Module("serialized-provider.js");
        (loaded as unknown as { _compile(code: string, file: string): void })._compile(
            serialized.text,
            "serialized-provider.js",
        );
        const provider = (loaded.exports as { handler(): pulumi.dynamic.ResourceProvider }).handler();
        const inputs = { kind: "k", ...request(RELEASE) };
        const saved = process.env.GITHUB_TOKEN;
        process.env.GITHUB_TOKEN = TOKEN;
        try {
            const created = await provider.create(inputs);
            assert.strictEqual(created.outs.commitSha, github.refs.get("heads/main"));
            assert.deepStrictEqual(github.headFiles(), { "README.md": "hello", ...RELEASE });
            github.status = 403;
            await assert.rejects(
                provider.update!(created.id, created.outs, inputs),
                /answered HTTP 403: Bad credentials Bearer \[redacted\]/,
            );
        } finally {
            if (saved === undefined) delete process.env.GITHUB_TOKEN;
            else process.env.GITHUB_TOKEN = saved;
        }
        assert.ok(!serialized.text.includes(TOKEN), "no token in the provider's code");
    });

    describe("the dynamic provider's diff", () => {
        const state = {
            kind: "k",
            apiUrl: "u",
            owner: "o",
            repository: "r",
            branch: "main",
            files: RELEASE,
            message: "m",
        };
        const diff = (news: Partial<typeof state>) =>
            dryReleaseCommitProvider.diff!("id", state, { ...state, ...news });

        it("changes in place when files or message change, and not otherwise", async () => {
            assert.deepStrictEqual(await diff({}), { changes: false, replaces: [], deleteBeforeReplace: false });
            assert.strictEqual(
                (await diff({ files: { ...RELEASE, "deploy/release/values.yaml": "x" } })).changes,
                true,
            );
            assert.deepStrictEqual((await diff({ message: "m2" })).replaces, []);
        });

        it("replaces when the target repository or branch changes", async () => {
            assert.deepStrictEqual((await diff({ branch: "release" })).replaces, ["branch"]);
            assert.deepStrictEqual((await diff({ owner: "x", repository: "y" })).replaces, ["owner", "repository"]);
        });
    });
});
