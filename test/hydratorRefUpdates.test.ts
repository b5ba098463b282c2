// The hydrator's ref updates against a GitHub stand-in that applies `force` as GitHub documents it for
// `PATCH /repos/{owner}/{repo}/git/refs/{ref}`: without force (or force: false) only a fast-forward is applied, anything
// else is 422 "Update is not a fast forward"; force: true moves the ref wherever it is told. A stand-in that refused
// every non-fast-forward whatever `force` said would let a force-pushing hydrator pass; this one would not.

import { strict as assert } from "node:assert";
import { writeBranchContent } from "../promotion/gitData";
import { GitHubStandIn } from "./support/gitHubStandIn";

const REPO = "carverauto/serviceradar";
const BRANCH = "environment/demo-staging-next";
const TOKEN = "ghs_refUpdateTokenNeverShown";

describe("ref updates: the GitHub stand-in's force semantics and the hydrator's use of them", () => {
    let github: GitHubStandIn;
    let apiUrl: string;
    beforeEach(async () => {
        github = new GitHubStandIn();
        github.push(REPO, `heads/${BRANCH}`, { "README.md": "ServiceRadar" }, "start");
        apiUrl = await github.start();
    });
    afterEach(() => github.stop());

    async function patchRef(sha: string, force: boolean | undefined) {
        const response = await fetch(`${apiUrl}/repos/${REPO}/git/refs/heads/${BRANCH}`, {
            method: "PATCH",
            headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
            body: JSON.stringify(force === undefined ? { sha } : { sha, force }),
        });
        return { status: response.status, body: (await response.json()) as { message?: string } };
    }

    it("refuses a non-fast-forward without force or with force: false, applies it with force: true", async () => {
        const start = github.head(REPO, BRANCH)!;
        const theirs = github.push(REPO, `heads/${BRANCH}`, { "theirs.txt": "pushed" }, "theirs");
        // A commit on `start` that is not on `theirs`: moving the branch to it would drop their commit.
        const sideways = github.storeCommit({
            tree: github.storeTree({ "ours.txt": "x" }),
            parents: [start],
            message: "ours",
        });
        for (const force of [undefined, false]) {
            const refused = await patchRef(sideways, force);
            assert.equal(refused.status, 422, `force ${force}`);
            assert.equal(refused.body.message, "Update is not a fast forward");
            assert.equal(github.head(REPO, BRANCH), theirs);
        }
        const forced = await patchRef(sideways, true);
        assert.equal(forced.status, 200);
        assert.equal(github.head(REPO, BRANCH), sideways, "force: true overwrites, as on GitHub");
    });

    it("applies a fast-forward over several commits without force", async () => {
        const start = github.head(REPO, BRANCH)!;
        const middle = github.storeCommit({ tree: github.storeTree({ a: "1" }), parents: [start], message: "m" });
        const top = github.storeCommit({ tree: github.storeTree({ a: "2" }), parents: [middle], message: "t" });
        assert.equal((await patchRef(top, false)).status, 200);
        assert.equal(github.head(REPO, BRANCH), top);
    });

    it("the hydrator never sends force: true and never overwrites a commit pushed between its commit and its ref update", async () => {
        let pushedInBetween: string | undefined;
        github.beforeRefUpdate = () => {
            if (pushedInBetween === undefined) {
                pushedInBetween = github.push(REPO, `heads/${BRANCH}`, { "stray.txt": "theirs" }, "pushed in between");
            }
        };
        const result = await writeBranchContent(
            { apiUrl, token: TOKEN },
            {
                ownerAndName: REPO,
                branch: BRANCH,
                files: { "manifest.yaml": "kind: Application\n" },
                message: "hydrate 1.2.28",
                createFrom: { branch: "environment/demo-staging", files: {}, message: "start" },
            },
        );
        assert.ok(pushedInBetween !== undefined, "the stand-in saw a ref update");
        const history = github.history(REPO, BRANCH);
        assert.equal(history[0], result.commitSha);
        assert.equal(history[1], pushedInBetween, "their commit stays in the branch's history, under the hydrator's");
        assert.deepEqual(github.filesAt(result.commitSha), { "manifest.yaml": "kind: Application\n" });
        assert.ok(github.refUpdates.length >= 2, "the first update was refused and retried on the new head");
        for (const update of github.refUpdates) assert.equal(update.force, false, "every ref update says force: false");
    });
});
