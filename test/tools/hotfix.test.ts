import { strict as assert } from "assert";
import { EXIT } from "../../lib/cli/exitCodes";
import { runHotfix } from "../../tools/lib/hotfixCommand";
import { preloadOpenApi } from "../support/githubOpenApi";
import { HOTFIX_HEAD, hotfixHydration } from "../support/hotfixPull";
import { fakeSha, startGitHubStandIn } from "../support/statusStandIn";
import { spawnCommand } from "../support/commands";
import { capture, tempProject } from "./helpers";
import { TOKEN, hotfix } from "./hotfixRun";

describe("npm run hotfix", function () {
    this.timeout(60_000);
    before(() => preloadOpenApi());

    it("comments with the reason, the actor and the gates, then merges the promoter's pull request at the head it checked", async () => {
        const repo = hotfixHydration();
        const { code, io, requests } = await hotfix(repo);
        assert.equal(code, EXIT.ok, io.text());
        const comment = repo.comments?.[0];
        assert.equal(comment?.issue, 7);
        for (const part of [
            "CVE-2026-1: demo exposed",
            "@octocat",
            HOTFIX_HEAD,
            "promoter-previous-environment=failure",
        ]) {
            assert.ok(comment?.body.includes(part), `the audit comment names ${part}: ${comment?.body}`);
        }
        assert.ok(comment?.body.includes("serviceradar/e2e=pending"));
        const pull = repo.pulls[0];
        assert.equal(pull.state, "closed");
        assert.equal(repo.branches["environment/demo"], pull.mergeSha, "environment/demo is the merge commit");
        // The comment is written before the merge: the record exists even when the merge is refused.
        const order = requests.filter((r) => !r.startsWith("GET"));
        assert.deepEqual(
            order.map((r) => r.split("?")[0]),
            [
                "POST /repos/carverauto/serviceradar-release/issues/7/comments",
                "PUT /repos/carverauto/serviceradar-release/pulls/7/merge",
            ],
        );
        assert.equal(io.stdout.length, 1, "one audit line on stdout");
        assert.match(
            io.stdout[0],
            /^AUDIT hotfix merged carverauto\/serviceradar-release#7 .* by octocat .*reason: CVE-2026-1/,
        );
    });

    it("--json prints the audit record", async () => {
        const { code, io } = await hotfix(hotfixHydration(), ["--json"]);
        assert.equal(code, EXIT.ok, io.text());
        const record = JSON.parse(io.stdout[0]);
        assert.equal(record.headSha, HOTFIX_HEAD);
        assert.equal(record.requestedBy, "octocat");
        assert.ok(record.gates.some((g: { name: string }) => g.name === "argocd-health"));
    });

    it("refuses a pull request that is not the promoter's, without commenting or merging", async () => {
        const repo = hotfixHydration({ head: "feature/x" });
        const { code, io, requests } = await hotfix(repo);
        assert.equal(code, EXIT.refused, io.text());
        assert.match(io.text(), /not the promoter's open pull request/);
        assert.ok(
            requests.every((r) => r.startsWith("GET")),
            "nothing was written",
        );
    });

    it("refuses a fork's pull request whose branch is also called environment/demo-next", async () => {
        const { code, io, requests } = await hotfix(
            hotfixHydration({ headRepository: "mallory/serviceradar-release" }),
        );
        assert.equal(code, EXIT.refused, io.text());
        assert.match(io.text(), /head mallory\/serviceradar-release:environment\/demo-next/);
        assert.ok(
            requests.every((r) => r.startsWith("GET")),
            "nothing was written",
        );
    });

    it("reports GitHub's 405 (not mergeable: a ruleset's required check) as refused, naming the bypass", async () => {
        const { code, io } = await hotfix(hotfixHydration({ mergeRefusal: 405 }));
        assert.equal(code, EXIT.refused, io.text());
        assert.match(io.text(), /HTTP 405: Pull Request is not mergeable.*bypass.*nothing was merged/);
    });

    it("reports GitHub's 409 (the head moved after it was checked) as headMoved; nothing merged", async () => {
        const repo = hotfixHydration({ headMovesTo: fakeSha("pushed meanwhile") });
        const { code, io } = await hotfix(repo);
        assert.equal(code, EXIT.headMoved, io.text());
        assert.match(io.text(), /HTTP 409: Head branch was modified/);
        assert.equal(repo.pulls[0].state, "open");
    });

    it("reports GitHub's 422 as refused", async () => {
        const { code, io } = await hotfix(hotfixHydration({ mergeRefusal: 422 }));
        assert.equal(code, EXIT.refused, io.text());
        assert.match(io.text(), /HTTP 422/);
    });

    it("as a process (tools/hotfix.ts): exit 8 and one line when the head moved", async () => {
        const repo = hotfixHydration({ headMovesTo: fakeSha("pushed meanwhile") });
        const standIn = await startGitHubStandIn(repo, TOKEN);
        try {
            const child = await spawnCommand(
                "tools/hotfix.ts",
                ["--environment", "demo", "--pr", "7", "--reason", "CVE-2026-1"],
                { env: { GITHUB_TOKEN: TOKEN, GITHUB_ACTOR: "octocat", GITHUB_API_URL: standIn.url } },
            );
            assert.equal(child.code, EXIT.headMoved, child.stderr);
            assert.equal(child.stderr.trim().split("\n").length, 1, child.stderr);
            assert.match(child.stderr, /^hotfix: GitHub refused to merge pull request #7 .*HTTP 409/);
            assert.equal(repo.pulls[0].state, "open");
        } finally {
            await standIn.close();
        }
    });

    it("needs a reason and a pull request number", async () => {
        const io = capture();
        const code = await runHotfix(["--environment", "demo", "--pr", "7"], io, {
            root: tempProject(),
            env: { GITHUB_TOKEN: TOKEN, GITHUB_ACTOR: "octocat" },
        });
        assert.equal(code, EXIT.usage);
        assert.match(io.text(), /--reason/);
    });
});
