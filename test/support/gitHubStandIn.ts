import { createHash, createPublicKey, KeyObject, randomBytes, verify } from "crypto";
import { requestBodyErrors, schemaErrors } from "./githubOpenApi";
import { LoopbackServer, startLoopbackServer } from "./loopbackServer";
import type { StandInRefusal } from "./statusStandIn";

interface Commit {
    tree: string;
    parents: string[];
    message: string;
}

/**
 * A loopback stand-in for the parts of GitHub's REST API the hydrator uses: `commits/{ref}`, `contents/{path}`, the
 * Git Data API (refs, trees, commits, blobs), with GitHub's shapes and its fast-forward rule on ref updates (refused
 * unless a fast-forward or `force: true`, as GitHub documents `PATCH /repos/{owner}/{repo}/git/refs/{ref}`), and a
 * GitHub App's installation tokens (`installApp`, then `POST /app/installations/{id}/access_tokens`). The answers of
 * the operations vendored in test/fixtures/github-openapi/ (reading a tree, reading a blob, minting a token) are
 * checked against GitHub's schema first: one that does not match is recorded in `schemaErrors` and answered as a 500.
 */
export class GitHubStandIn {
    readonly trees = new Map<string, Record<string, string>>();
    readonly commits = new Map<string, Commit>();
    /** Repository (owner/name) to ref (`heads/main`, `tags/v1.2.27`) to commit. */
    readonly refs = new Map<string, Map<string, string>>();
    readonly requests: { method: string; path: string; authorization: string }[] = [];
    /** Blob sha (git's) to content, for every file of every stored tree. */
    readonly blobs = new Map<string, string>();
    readonly schemaErrors: string[] = [];
    /**
     * Whether `POST git/trees` may name a `base_tree` (GitHub's way to change some files of a tree; the rollback
     * uses it). Off by default: the hydrator must write whole trees.
     */
    acceptBaseTree = false;
    /** Every ref update asked for (`PATCH git/refs/...`), with its `force` as sent. */
    readonly refUpdates: { repository: string; ref: string; sha: string; force: unknown }[] = [];
    /** Runs when a ref update arrives, before it is judged: a test pushes here to move the branch in between. */
    beforeRefUpdate?: () => void;
    /** Every answer (to a path matching `statusPath`, default any) is this status, echoing the Authorization header. */
    status?: number;
    statusPath?: RegExp;
    /** GitHub Apps by id: the public key of the private key each signs its JWT with. */
    readonly apps = new Map<string, KeyObject>();
    /** Installations by id, each of one App (its id). */
    readonly installations = new Map<string, string>();
    /** Installation access tokens minted, in order. Once one is, repository requests must carry a minted token. */
    readonly mintedTokens: string[] = [];
    /** The claims of every JWT an installation token was asked with, as received (valid or not). */
    readonly jwtClaims: Record<string, unknown>[] = [];
    /**
     * GitHub's refusal (its status, message and headers, such as the rate-limit ones) instead of the answer, for every
     * request whose path matches `refusal.path` (default: every request).
     */
    refusal?: StandInRefusal;
    private server?: LoopbackServer;

    private sha(value: unknown) {
        return createHash("sha1").update(JSON.stringify(value)).digest("hex");
    }

    /** Git's blob id: sha1 over "blob <length>\0" and the bytes, as GitHub reports it. */
    blobSha(content: string) {
        const bytes = Buffer.from(content);
        return createHash("sha1")
            .update(Buffer.concat([Buffer.from(`blob ${bytes.length}\0`), bytes]))
            .digest("hex");
    }

    storeTree(files: Record<string, string>) {
        for (const content of Object.values(files)) this.blobs.set(this.blobSha(content), content);
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

    /** Registers a GitHub App (its id and the public half of its key) installed as `installationId`. */
    installApp(appId: string, installationId: string, publicKey: string | KeyObject) {
        this.apps.set(appId, typeof publicKey === "string" ? createPublicKey(publicKey) : publicKey);
        this.installations.set(installationId, appId);
    }

    /**
     * `POST /app/installations/{installation_id}/access_tokens` as GitHub documents it: the caller authenticates as
     * the App with a JWT (RS256, signed by the App's private key, `iss` the App's id, `exp` at most 10 minutes ahead
     * and not past, `iat` not in the future; "Authenticating as a GitHub App"); 401 for a JWT that fails any of it,
     * 404 for an installation that is not this App's, 201 with the token and `expires_at` an hour ahead.
     */
    private mintInstallationToken(installationId: string, authorization: string, input: unknown): [number, unknown] {
        const refused = (message: string): [number, unknown] => [
            401,
            { message, documentation_url: "https://docs.github.com/rest", status: "401" },
        ];
        const jwt = /^Bearer (.+)$/.exec(authorization)?.[1] ?? "";
        const parts = jwt.split(".");
        const decode = (part: string | undefined) => {
            try {
                return JSON.parse(Buffer.from(part ?? "", "base64url").toString("utf8")) as Record<string, unknown>;
            } catch {
                return undefined;
            }
        };
        const [header, claims] = [decode(parts[0]), decode(parts[1])];
        if (parts.length !== 3 || header === undefined || claims === undefined) {
            return refused("A JSON web token could not be decoded");
        }
        this.jwtClaims.push(claims);
        const now = Math.floor(Date.now() / 1000);
        const key = this.apps.get(String(claims.iss));
        const signed =
            header.alg === "RS256" &&
            key !== undefined &&
            verify("RSA-SHA256", Buffer.from(`${parts[0]}.${parts[1]}`), key, Buffer.from(parts[2], "base64url"));
        if (!signed) return refused("A JSON web token could not be decoded");
        if (typeof claims.exp !== "number" || claims.exp <= now) {
            return refused(
                "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
            );
        }
        if (claims.exp > now + 600) return refused("'Expiration time' claim ('exp') is too far in the future");
        if (typeof claims.iat !== "number" || claims.iat > now) {
            return refused(
                "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued",
            );
        }
        if (this.installations.get(installationId) !== String(claims.iss)) {
            return [404, { message: "Not Found", documentation_url: "https://docs.github.com/rest", status: "404" }];
        }
        if (input !== undefined) {
            const invalid = requestBodyErrors("post", "/app/installations/{installation_id}/access_tokens", input);
            if (invalid.length > 0) return [422, { message: invalid.join("; ") }];
        }
        const token = `ghs_${randomBytes(18).toString("hex")}`;
        this.mintedTokens.push(token);
        return [
            201,
            {
                token,
                expires_at: new Date((now + 3600) * 1000).toISOString(),
                permissions: { administration: "write", contents: "write", environments: "write", secrets: "write" },
                repository_selection: "all",
            },
        ];
    }

    /** The operation of GitHub's description a request is, when it is one whose answers are checked. */
    private operation(method: string, path: string): string | undefined {
        if (method === "POST" && /^\/app\/installations\/[^/]+\/access_tokens$/.test(path)) {
            return "/app/installations/{installation_id}/access_tokens";
        }
        if (method !== "GET") return undefined;
        if (/^\/repos\/[^/]+\/[^/]+\/git\/trees\//.test(path)) return "/repos/{owner}/{repo}/git/trees/{tree_sha}";
        if (/^\/repos\/[^/]+\/[^/]+\/git\/blobs\//.test(path)) return "/repos/{owner}/{repo}/git/blobs/{file_sha}";
        return undefined;
    }

    private route(
        method: string,
        path: string,
        input: any,
        origin: string,
        authorization: string,
    ): [number, unknown, Record<string, string>?] {
        const minting = /^\/app\/installations\/([^/]+)\/access_tokens$/.exec(path.split("?")[0]);
        if (minting && method === "POST") {
            return this.mintInstallationToken(decodeURIComponent(minting[1]), authorization, input);
        }
        if (this.mintedTokens.length > 0 && !this.mintedTokens.includes(authorization.replace(/^Bearer /, ""))) {
            return [
                401,
                { message: "Bad credentials", documentation_url: "https://docs.github.com/rest", status: "401" },
            ];
        }
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
        if (method === "GET" && rest.startsWith("git/trees/")) {
            const sha = decodeURIComponent(rest.slice("git/trees/".length).split("?")[0]);
            const files = this.trees.get(sha);
            if (files === undefined) return [404, { message: "Not Found" }];
            const recursive = query.get("recursive") !== null;
            const entries: { path: string; mode: string; type: string; sha: string; size?: number; url: string }[] = [];
            const folders = new Set<string>();
            for (const [file, content] of Object.entries(files)) {
                const parts = file.split("/");
                if (!recursive && parts.length > 1) {
                    folders.add(parts[0]);
                    continue;
                }
                for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join("/"));
                const blob = this.blobSha(content);
                const url = `${origin}/repos/${repository}/git/blobs/${blob}`;
                entries.push({
                    path: file,
                    mode: "100644",
                    type: "blob",
                    sha: blob,
                    size: Buffer.byteLength(content),
                    url,
                });
            }
            for (const folder of folders) {
                const folderSha = this.sha([sha, folder]);
                const url = `${origin}/repos/${repository}/git/trees/${folderSha}`;
                entries.push({ path: folder, mode: "040000", type: "tree", sha: folderSha, url });
            }
            entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
            return [
                200,
                { sha, url: `${origin}/repos/${repository}/git/trees/${sha}`, tree: entries, truncated: false },
            ];
        }
        if (method === "GET" && rest.startsWith("git/blobs/")) {
            const sha = decodeURIComponent(rest.slice("git/blobs/".length));
            const content = this.blobs.get(sha);
            if (content === undefined) return [404, { message: "Not Found" }];
            const bytes = Buffer.from(content);
            return [
                200,
                {
                    sha,
                    node_id: Buffer.from(`Blob:${sha}`).toString("base64"),
                    size: bytes.length,
                    url: `${origin}/repos/${repository}/git/blobs/${sha}`,
                    // GitHub wraps base64 at 60 characters.
                    content: (bytes.toString("base64").match(/.{1,60}/g) ?? []).join("\n"),
                    encoding: "base64",
                },
            ];
        }
        if (method === "POST" && rest === "git/trees") {
            if (input.base_tree !== undefined && !this.acceptBaseTree) {
                return [422, { message: "the hydrator must write whole trees" }];
            }
            // GitHub's create-a-tree takes each entry as a `path`, a `mode` and `type` of its enums and a `content` or
            // a `sha`. This stand-in models only what the writers send, a file blob (mode 100644 or 100755) given by its
            // content; any other entry is refused, so a writer that starts sending one fails a test here instead of
            // passing unjudged. The message says which of the two refused it.
            for (const entry of input.tree ?? []) {
                const file = ["100644", "100755"].includes(entry.mode) && entry.type === "blob";
                if (typeof entry.path !== "string" || !file || typeof entry.content !== "string") {
                    return [
                        422,
                        {
                            message: `Invalid tree entry (or one this stand-in does not model) ${JSON.stringify(entry)}`,
                        },
                    ];
                }
            }
            const files: Record<string, string> = { ...(this.trees.get(input.base_tree ?? "") ?? {}) };
            for (const entry of input.tree) files[entry.path] = entry.content;
            return [201, { sha: this.storeTree(files) }];
        }
        if (method === "POST" && rest === "git/commits") {
            // GitHub refuses a commit of a tree or parent it does not have.
            if (!this.trees.has(input.tree)) return [422, { message: "Tree SHA does not exist" }];
            if (!Array.isArray(input.parents) || input.parents.some((p: string) => !this.commits.has(p))) {
                return [422, { message: "Parent SHA does not exist or is not a commit object" }];
            }
            return [
                201,
                { sha: this.storeCommit({ tree: input.tree, parents: input.parents, message: input.message }) },
            ];
        }
        if (method === "POST" && rest === "git/refs") {
            // GitHub: "The name of the fully qualified reference (ie: refs/heads/master)": refs/ and two slashes.
            if (!/^refs\/[^/]+\/./.test(String(input.ref))) {
                return [422, { message: "Reference name is not valid" }];
            }
            const ref = String(input.ref).replace(/^refs\//, "");
            if (refs.has(ref)) return [422, { message: "Reference already exists" }];
            if (!this.commits.has(input.sha)) return [422, { message: "Object does not exist" }];
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
            if (input.force !== true && !fastForward) {
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
            const method = req.method ?? "";
            const origin = `http://${req.headers.host}`;
            const refusal = this.refusal && (this.refusal.path ?? /./).test((req.url ?? "").split("?")[0]);
            let [status, value, headers] =
                this.status && (this.statusPath ?? /./).test((req.url ?? "").split("?")[0])
                    ? [this.status, { message: `Bad credentials ${authorization}` }]
                    : refusal && this.refusal
                      ? [
                            this.refusal.status,
                            {
                                message: this.refusal.message,
                                documentation_url: "https://docs.github.com/rest",
                                status: String(this.refusal.status),
                            },
                            this.refusal.headers,
                        ]
                      : this.route(method, req.url ?? "", body ? JSON.parse(body) : undefined, origin, authorization);
            const operation = this.operation(method, (req.url ?? "").split("?")[0]);
            const invalid = operation === undefined ? [] : schemaErrors(method, operation, status, value);
            if (invalid.length > 0) {
                this.schemaErrors.push(...invalid);
                [status, value] = [500, { message: "stand-in answer does not match GitHub's schema" }];
            }
            res.writeHead(status, { "Content-Type": "application/json", ...headers });
            res.end(JSON.stringify(value));
        });
        return this.server.url;
    }

    async stop() {
        await this.server?.close();
    }
}
