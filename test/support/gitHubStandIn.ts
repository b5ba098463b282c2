import { createHash } from "crypto";
import { LoopbackServer, startLoopbackServer } from "./loopbackServer";

interface Commit {
    tree: string;
    parents: string[];
    message: string;
}

/**
 * A loopback stand-in for the parts of GitHub's REST API the hydrator uses: `commits/{ref}`, `contents/{path}`, and
 * the Git Data API (refs, trees, commits), with GitHub's shapes and its fast-forward rule on ref updates.
 */
export class GitHubStandIn {
    readonly trees = new Map<string, Record<string, string>>();
    readonly commits = new Map<string, Commit>();
    /** Repository (owner/name) to ref (`heads/main`, `tags/v1.2.27`) to commit. */
    readonly refs = new Map<string, Map<string, string>>();
    readonly requests: { method: string; path: string; authorization: string }[] = [];
    rejectNextRefUpdates = 0;
    /**
     * Whether `POST git/trees` may name a `base_tree` (GitHub's way to change some files of a tree; the rollback
     * uses it). Off by default: the hydrator must write whole trees.
     */
    acceptBaseTree = false;
    /** Every answer is this status, with a body echoing the Authorization header. */
    status?: number;
    private server?: LoopbackServer;

    private sha(value: unknown) {
        return createHash("sha1").update(JSON.stringify(value)).digest("hex");
    }

    storeTree(files: Record<string, string>) {
        const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
        const sha = this.sha(sorted);
        this.trees.set(sha, sorted);
        return sha;
    }

    storeCommit(commit: Commit) {
        const sha = this.sha([commit, this.commits.size]);
        this.commits.set(sha, commit);
        return sha;
    }

    refsOf(repository: string) {
        let refs = this.refs.get(repository);
        if (!refs) this.refs.set(repository, (refs = new Map()));
        return refs;
    }

    /** Commits files on a ref of a repository, as a person would push them. */
    push(repository: string, ref: string, files: Record<string, string>, message = "push"): string {
        const refs = this.refsOf(repository);
        const head = refs.get(ref);
        const base = head ? this.trees.get(this.commits.get(head)!.tree)! : {};
        const sha = this.storeCommit({
            tree: this.storeTree({ ...base, ...files }),
            parents: head ? [head] : [],
            message,
        });
        refs.set(ref, sha);
        return sha;
    }

    head(repository: string, branch: string) {
        return this.refsOf(repository).get(`heads/${branch}`);
    }

    filesAt(commit: string) {
        return this.trees.get(this.commits.get(commit)!.tree)!;
    }

    /** Commits reachable from a branch head, newest first. */
    history(repository: string, branch: string): string[] {
        const out: string[] = [];
        for (let sha = this.head(repository, branch); sha !== undefined; sha = this.commits.get(sha)!.parents[0])
            out.push(sha);
        return out;
    }

    private route(method: string, path: string, input: any): [number, unknown, Record<string, string>?] {
        const match = /^\/repos\/([^/]+)\/([^/]+)\/(.*)$/.exec(path.split("?")[0]);
        if (!match) return [404, { message: "Not Found" }];
        const repository = `${decodeURIComponent(match[1])}/${decodeURIComponent(match[2])}`;
        const rest = match[3];
        const refs = this.refsOf(repository);
        const query = new URLSearchParams(path.split("?")[1] ?? "");
        if (method === "GET" && rest === "commits") {
            // List commits of a branch (`sha`), newest first along first parents, `per_page` a page with GitHub's Link.
            const branch = query.get("sha") ?? "main";
            const perPage = Number(query.get("per_page") ?? 30);
            const page = Number(query.get("page") ?? 1);
            const all = this.history(repository, branch);
            if (all.length === 0) return [404, { message: "Not Found" }];
            const items = all.slice((page - 1) * perPage, page * perPage).map((sha) => ({
                sha,
                commit: { message: this.commits.get(sha)!.message },
                parents: this.commits.get(sha)!.parents.map((parent) => ({ sha: parent })),
            }));
            const next = new URLSearchParams(query);
            next.set("page", String(page + 1));
            const link =
                page * perPage < all.length
                    ? `<${this.server?.url}${path.split("?")[0]}?${next}>; rel="next"`
                    : undefined;
            return [200, items, link === undefined ? undefined : { link }];
        }
        if (method === "GET" && rest.startsWith("commits/")) {
            const ref = decodeURIComponent(rest.slice("commits/".length));
            const sha = this.commits.has(ref) ? ref : (refs.get(`tags/${ref}`) ?? refs.get(`heads/${ref}`));
            return sha
                ? [200, { sha, commit: { message: this.commits.get(sha)!.message } }]
                : [422, { message: `No commit found for SHA: ${ref}` }];
        }
        if (method === "GET" && rest.startsWith("contents/")) {
            const file = rest.slice("contents/".length).split("/").map(decodeURIComponent).join("/");
            const commit = this.commits.get(query.get("ref") ?? "");
            const content = commit ? this.trees.get(commit.tree)![file] : undefined;
            if (content === undefined) return [404, { message: "Not Found" }];
            const bytes = Buffer.from(content);
            // Git's blob id: sha1 over "blob <length>\0" and the bytes, as GitHub reports it.
            const blobSha = createHash("sha1")
                .update(Buffer.concat([Buffer.from(`blob ${bytes.length}\0`), bytes]))
                .digest("hex");
            return [
                200,
                { type: "file", encoding: "base64", path: file, sha: blobSha, content: bytes.toString("base64") },
            ];
        }
        if (method === "GET" && rest.startsWith("git/ref/")) {
            const ref = rest.slice("git/ref/".length).split("/").map(decodeURIComponent).join("/");
            const sha = refs.get(ref);
            return sha
                ? [200, { ref: `refs/${ref}`, object: { sha, type: "commit" } }]
                : [404, { message: "Not Found" }];
        }
        if (method === "GET" && rest.startsWith("git/commits/")) {
            const sha = rest.slice("git/commits/".length);
            const commit = this.commits.get(sha);
            return commit
                ? [200, { sha, tree: { sha: commit.tree }, parents: commit.parents.map((p) => ({ sha: p })) }]
                : [404, { message: "Not Found" }];
        }
        if (method === "POST" && rest === "git/trees") {
            if (input.base_tree !== undefined && !this.acceptBaseTree) {
                return [422, { message: "the hydrator must write whole trees" }];
            }
            const files: Record<string, string> = { ...(this.trees.get(input.base_tree ?? "") ?? {}) };
            for (const entry of input.tree) files[entry.path] = entry.content;
            return [201, { sha: this.storeTree(files) }];
        }
        if (method === "POST" && rest === "git/commits") {
            return [
                201,
                { sha: this.storeCommit({ tree: input.tree, parents: input.parents, message: input.message }) },
            ];
        }
        if (method === "POST" && rest === "git/refs") {
            const ref = String(input.ref).replace(/^refs\//, "");
            if (refs.has(ref)) return [422, { message: "Reference already exists" }];
            refs.set(ref, input.sha);
            return [201, { ref: input.ref, object: { sha: input.sha } }];
        }
        if (method === "PATCH" && rest.startsWith("git/refs/")) {
            const ref = rest.slice("git/refs/".length).split("/").map(decodeURIComponent).join("/");
            const head = refs.get(ref);
            if (this.rejectNextRefUpdates > 0 || !this.commits.get(input.sha)!.parents.includes(head!)) {
                this.rejectNextRefUpdates = Math.max(0, this.rejectNextRefUpdates - 1);
                return [422, { message: "Update is not a fast forward" }];
            }
            refs.set(ref, input.sha);
            return [200, { object: { sha: input.sha } }];
        }
        return [404, { message: `no route ${method} ${rest}` }];
    }

    async start(): Promise<string> {
        this.server = await startLoopbackServer((req, res, body) => {
            const authorization = String(req.headers.authorization);
            this.requests.push({ method: req.method ?? "", path: req.url ?? "", authorization });
            const [status, value, headers] = this.status
                ? [this.status, { message: `Bad credentials ${authorization}` }]
                : this.route(req.method ?? "", req.url ?? "", body ? JSON.parse(body) : undefined);
            res.writeHead(status, { "Content-Type": "application/json", ...headers });
            res.end(JSON.stringify(value));
        });
        return this.server.url;
    }

    async stop() {
        await this.server?.close();
    }
}
