// What the hydrator writes to GitHub (promotion/gitData.ts writeBranchContent), request by request against the
// GitHub stand-in: the tree entries, the commit's message and parents, the ref created or moved without force, the
// sha the branch ends on, and how a branch that moved in between is told from any other refusal.
import { strict as assert } from "node:assert";
import { writeBranchContent } from "../../../promotion/gitData";
import { GitHubStandIn } from "../../support/gitHubStandIn";

const TOKEN = "ghs_hydratorWriteToken_0123456789abcdef";
const REPO = "carverauto/serviceradar-release";
const BRANCH = "environment/demo-next";

describe("promotion/gitData: what writeBranchContent sends to GitHub", () => {
    let github: GitHubStandIn;
    let url: string;
    let sent: { method: string; path: string; body: unknown }[];
    /** Runs just before a request reaches the stand-in (a test pushes here to move the branch). */
    let beforeSend: ((method: string, path: string) => void) | undefined;
    beforeEach(async () => {
        github = new GitHubStandIn();
        url = await github.start();
        sent = [];
        beforeSend = undefined;
    });
    afterEach(() => github.stop());

    const api = () => ({
        apiUrl: url,
        token: TOKEN,
        retryBaseDelayMs: 1,
        fetchImpl: (target: string, init: RequestInit) => {
            const path = target.slice(url.length);
            sent.push({
                method: String(init.method),
                path,
                body: init.body === undefined ? undefined : JSON.parse(String(init.body)),
            });
            beforeSend?.(String(init.method), path);
            return fetch(target, init);
        },
    });
    const root = `/repos/${REPO}`;
    const files = { "values.yaml": "b: 2\n", "Chart.yaml": "name: x\n", "templates/a.yaml": "a\n" };
    const entries = [
        { path: "Chart.yaml", mode: "100644", type: "blob", content: "name: x\n" },
        { path: "templates/a.yaml", mode: "100644", type: "blob", content: "a\n" },
        { path: "values.yaml", mode: "100644", type: "blob", content: "b: 2\n" },
    ];

    it("a missing branch (no createFrom) starts with one commit of this content and no parent", async () => {
        const result = await writeBranchContent(api(), { ownerAndName: REPO, branch: BRANCH, files, message: "m1" });
        const head = github.head(REPO, BRANCH)!;
        assert.deepEqual(result, { commitSha: head, changed: true });
        const tree = github.commits.get(head)!.tree;
        assert.deepEqual(sent, [
            { method: "GET", path: `${root}/git/ref/heads/environment/demo-next`, body: undefined },
            { method: "POST", path: `${root}/git/trees`, body: { tree: entries } },
            { method: "POST", path: `${root}/git/commits`, body: { message: "m1", tree, parents: [] } },
            { method: "POST", path: `${root}/git/refs`, body: { ref: `refs/heads/${BRANCH}`, sha: head } },
        ]);
        assert.deepEqual(github.filesAt(head), files);
    });

    it("an existing branch gets one commit on top of its head, the ref moved to it without force", async () => {
        const old = github.push(REPO, `heads/${BRANCH}`, { "values.yaml": "b: 1\n" });
        const result = await writeBranchContent(api(), { ownerAndName: REPO, branch: BRANCH, files, message: "m2" });
        const head = github.head(REPO, BRANCH)!;
        assert.notEqual(head, old);
        assert.deepEqual(result, { commitSha: head, changed: true });
        const tree = github.commits.get(head)!.tree;
        assert.deepEqual(sent, [
            { method: "GET", path: `${root}/git/ref/heads/environment/demo-next`, body: undefined },
            { method: "GET", path: `${root}/git/commits/${old}`, body: undefined },
            { method: "POST", path: `${root}/git/trees`, body: { tree: entries } },
            { method: "POST", path: `${root}/git/commits`, body: { message: "m2", tree, parents: [old] } },
            {
                method: "PATCH",
                path: `${root}/git/refs/heads/environment/demo-next`,
                body: { sha: head, force: false },
            },
        ]);
        assert.deepEqual(github.history(REPO, BRANCH), [head, old]);
    });

    it("the same content again is no commit: the head stays and changed is false", async () => {
        const old = github.push(REPO, `heads/${BRANCH}`, files);
        const result = await writeBranchContent(api(), { ownerAndName: REPO, branch: BRANCH, files, message: "m" });
        assert.deepEqual(result, { commitSha: old, changed: false });
        assert.deepEqual(
            sent.map((r) => r.method),
            ["GET", "GET", "POST"],
        );
    });

    it("a branch that keeps moving is rebuilt on its new head three times at most, then GitHub's 422 is the failure", async () => {
        github.push(REPO, `heads/${BRANCH}`, { "values.yaml": "b: 1\n" });
        let pushes = 0;
        github.beforeRefUpdate = () => {
            if (pushes++ < 5) github.push(REPO, `heads/${BRANCH}`, { other: String(pushes) });
        };
        await assert.rejects(
            writeBranchContent(api(), { ownerAndName: REPO, branch: BRANCH, files, message: "m" }),
            (err: Error & { status?: number }) =>
                err.message ===
                    `PATCH ${url}${root}/git/refs/heads/environment/demo-next answered HTTP 422: Update is not a fast forward` &&
                err.status === 422,
        );
        assert.equal(github.refUpdates.length, 3);
        assert.deepEqual(
            github.refUpdates.map((u) => u.force),
            [false, false, false],
        );
        const parents = sent.filter((r) => r.path.endsWith("/git/commits") && r.method === "POST");
        assert.equal(parents.length, 3);
    });

    it("a refusal other than a 422 is the failure even when the branch moved: it is no move", async () => {
        const old = github.push(REPO, `heads/${BRANCH}`, { "values.yaml": "b: 1\n" });
        github.refusal = { status: 403, message: "Resource not accessible by integration", path: /\/git\/refs\// };
        beforeSend = (method) => {
            if (method === "PATCH") github.push(REPO, `heads/${BRANCH}`, { other: "x" });
        };
        await assert.rejects(
            writeBranchContent(api(), { ownerAndName: REPO, branch: BRANCH, files, message: "m" }),
            (err: Error) =>
                err.message ===
                `PATCH ${url}${root}/git/refs/heads/environment/demo-next answered HTTP 403: Resource not accessible by integration`,
        );
        assert.equal(sent.filter((r) => r.method === "PATCH").length, 1);
        assert.notEqual(github.head(REPO, BRANCH), old, "the stand-in's branch did move");
    });

    it("a 422 when the branch was deleted in between is the failure, not a rebuild", async () => {
        github.push(REPO, `heads/${BRANCH}`, { "values.yaml": "b: 1\n" });
        github.beforeRefUpdate = () => github.refsOf(REPO).delete(`heads/${BRANCH}`);
        await assert.rejects(
            writeBranchContent(api(), { ownerAndName: REPO, branch: BRANCH, files, message: "m" }),
            /answered HTTP 422: Reference does not exist$/,
        );
        assert.equal(github.refUpdates.length, 1);
    });

    it("a 422 with the head unchanged (a ruleset) is the failure after one try: only a head that moved is a move", async () => {
        github.push(REPO, `heads/${BRANCH}`, { "values.yaml": "b: 1\n" });
        github.refusal = { status: 422, message: "Repository rule violations found", path: /\/git\/refs\// };
        await assert.rejects(
            writeBranchContent(api(), { ownerAndName: REPO, branch: BRANCH, files, message: "m" }),
            /answered HTTP 422: Repository rule violations found$/,
        );
        assert.equal(sent.filter((r) => r.method === "PATCH").length, 1);
    });
});
