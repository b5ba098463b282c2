import { createHash } from "crypto";
import { LoopbackServer, startLoopbackServer } from "./loopbackServer";

interface Commit {
    tree: string;
    parents: string[];
    message: string;
}

/**
 * A loopback stand-in for the parts of GitHub's REST API the hydrator uses: `commits/{ref}`, `contents/{path}`, and
 * the Git Data API (refs, trees, commits), with GitHub's shapes and its fast-forward rule on ref updates (refused
 * unless a fast-forward or `force: true`, as GitHub documents `PATCH /repos/{owner}/{repo}/git/refs/{ref}`).
 */
export class GitHubStandIn {
    readonly trees = new Map<string, Record<string, string>>();
    readonly commits = new Map<string, Commit>();
    /** Repository (owner/name) to ref (`heads/main`, `tags/v1.2.27`) to commit. */
    readonly refs = new Map<string, Map<string, string>>();
    readonly requests: { method: string; path: string; authorization: string }[] = [];
    rejectNextRefUpdates = 0;
    /** Every ref update asked for (`PATCH git/refs/...`), with its `force` as sent. */
    readonly refUpdates: { repository: string; ref: string; sha: string; force: unknown }[] = [];
    /** Runs when a ref update arrives, before it is judged: a test pushes here to move the branch in between. */
    beforeRefUpdate?: () => void;
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

    /** Whether `ancestor` is `commit` or reachable from it through parents (what makes an update a fast-forward). */
    isAncestor(ancestor: string, commit: string): boolean {
        const seen = new Set<string>();
        const pending = [commit];
        while (pending.length > 0) {
            const sha = pending.pop()!;
            if (sha === ancestor) return true;
            if (seen.has(sha)) continue;
            seen.add(sha);
            pending.push(...(this.commits.get(sha)?.parents ?? []));
        }
        return false;
    }

    /** Commits reachable from a branch head, newest first. */
    history(repository: string, branch: string): string[] {
        const out: string[] = [];
        for (let sha = this.head(repository, branch); sha !== undefined; sha = this.commits.get(sha)!.parents[0])
            out.push(sha);
        return out;
    }

    private route(method: string, path: string, input: any): [number, unknown] {
        const match = /^\/repos\/([^/]+)\/([^/]+)\/(.*)$/.exec(path.split("?")[0]);
        if (!match) return [404, { message: "Not Found" }];
        const repository = `${decodeURIComponent(match[1])}/${decodeURIComponent(match[2])}`;
        const rest = match[3];
        const refs = this.refsOf(repository);
        const query = new URLSearchParams(path.split("?")[1] ?? "");
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
            return [
                200,
                { type: "file", encoding: "base64", path: file, content: Buffer.from(content).toString("base64") },
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
            if (input.base_tree !== undefined) return [422, { message: "the hydrator must write whole trees" }];
            const files: Record<string, string> = {};
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
            this.refUpdates.push({ repository, ref, sha: input.sha, force: input.force });
            this.beforeRefUpdate?.();
            const head = refs.get(ref);
            if (head === undefined) return [422, { message: "Reference does not exist" }];
            if (!this.commits.has(input.sha)) return [422, { message: "Object does not exist" }];
            // GitHub: `force` (default false) "Indicates whether to force the update or to make sure the update is a
            // fast-forward update. Leaving this out or setting it to false will make sure you're not overwriting work."
            const fastForward = this.isAncestor(head, input.sha);
            if (this.rejectNextRefUpdates > 0 || (input.force !== true && !fastForward)) {
                this.rejectNextRefUpdates = Math.max(0, this.rejectNextRefUpdates - 1);
                return [422, { message: "Update is not a fast forward" }];
            }
            refs.set(ref, input.sha);
            return [200, { ref: `refs/${ref}`, object: { sha: input.sha, type: "commit" } }];
        }
        return [404, { message: `no route ${method} ${rest}` }];
    }

    async start(): Promise<string> {
        this.server = await startLoopbackServer((req, res, body) => {
            const authorization = String(req.headers.authorization);
            this.requests.push({ method: req.method ?? "", path: req.url ?? "", authorization });
            const [status, value] = this.status
                ? [this.status, { message: `Bad credentials ${authorization}` }]
                : this.route(req.method ?? "", req.url ?? "", body ? JSON.parse(body) : undefined);
            res.writeHead(status, { "Content-Type": "application/json" });
            res.end(JSON.stringify(value));
        });
        return this.server.url;
    }

    async stop() {
        await this.server?.close();
    }
}
