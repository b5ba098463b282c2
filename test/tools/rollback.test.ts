import { strict as assert } from "assert";
import { EXIT } from "../../lib/cli/exitCodes";
import { GitHubStandIn } from "../support/gitHubStandIn";
import { HYDRATION } from "../support/rollbackHistory";
import { configOf, setKey } from "./helpers";
import { rollback, writes } from "./rollbackRun";

describe("npm run rollback", function () {
    this.timeout(60_000);

    describe("promoter mode", () => {
        it("puts the content demo ran at 1.2.27 on environment/demo-next under a new DRY commit recording the rollback", async () => {
            const { code, io, github } = await rollback(["--to", "1.2.27"], (g) => {
                // -next moved on after the last promotion: the rollback goes on top of it, fast-forward.
                g.push(HYDRATION, "heads/environment/demo-next", {
                    "values-release.yaml": "global:\n  imageTag: v1.2.28\n# again\n",
                });
            });
            assert.equal(code, EXIT.ok, io.text());
            const [dryHead, previousDry] = github.history(HYDRATION, "hydrator/dry");
            const dryCommit = github.commits.get(dryHead)!;
            assert.equal(dryCommit.parents[0], previousDry, "a new commit on top of hydrator/dry");
            const record = JSON.parse(github.filesAt(dryHead)["rollback.json"]);
            assert.deepEqual(
                [record.from, record.to, record.reason, record.requestedBy],
                ["1.2.28", "1.2.27", "1.2.28 breaks logins", "octocat"],
            );
            assert.equal(github.filesAt(dryHead)["release.json"], '{"version":"1.2.28"}\n', "the DRY record is kept");
            for (const trailer of [
                "Rollback-To: 1.2.27",
                "Rollback-From: 1.2.28",
                "Reason: 1.2.28 breaks logins",
                "Requested-By: octocat",
            ]) {
                assert.ok(dryCommit.message.includes(`\n${trailer}\n`), `the DRY commit carries ${trailer}`);
            }

            const [nextHead, previousNext] = github.history(HYDRATION, "environment/demo-next");
            const next = github.commits.get(nextHead)!;
            assert.equal(next.parents[0], previousNext, "fast-forward on top of -next, never forced");
            const ran127 = github.history(HYDRATION, "environment/demo")[1];
            const files = github.filesAt(nextHead);
            const { "hydrator.metadata": metadata, ...content } = files;
            const { "hydrator.metadata": _old, ...before } = github.filesAt(ran127);
            assert.deepEqual(content, before, "the hydrated files demo ran at 1.2.27");
            assert.equal(JSON.parse(metadata).drySha, dryHead, "hydrator.metadata names the new DRY sha");
            assert.notEqual(JSON.parse(metadata).drySha, JSON.parse(_old).drySha, "never the DRY sha 1.2.27 had");
            assert.ok(
                next.message.includes("\nRollback-To: 1.2.27\n") && next.message.includes("Requested-By: octocat"),
            );
            assert.equal(github.head(HYDRATION, "environment/demo"), github.history(HYDRATION, "environment/demo")[0]);
            const moved = writes(github)
                .filter((request) => request.method === "PATCH")
                .map((request) => decodeURIComponent(request.path));
            assert.deepEqual(
                moved.map((path) => path.replace(/^.*\/git\/refs\//, "")),
                ["heads/hydrator/dry", "heads/environment/demo-next"],
                "only hydrator/dry and -next move; environment/demo is the promoter's to merge",
            );

            assert.equal(io.stdout.length, 1, "one audit line on stdout");
            assert.match(
                io.stdout[0],
                /^AUDIT rollback demo 1\.2\.28 -> 1\.2\.27 \(promoter mode\) .* by octocat at 2026-12-04T12:00:00\.000Z; reason: 1\.2\.28 breaks logins$/,
            );
            assert.match(
                io.stderr.join("\n"),
                /npm run release -- 1\.2\.27 --rollback --stack demo-staging/,
                "says how to make it stick",
            );
        });

        it("--json prints the audit record", async () => {
            const { code, io } = await rollback(["--to", "1.2.26", "--json", "--actor", "release-bot"]);
            assert.equal(code, EXIT.ok, io.text());
            const record = JSON.parse(io.stdout[0]);
            assert.equal(record.requestedBy, "release-bot");
            assert.equal(record.to, "1.2.26");
            assert.match(record.drySha, /^[0-9a-f]{40}$/);
        });

        it("refuses a version the environment never ran, writing nothing", async () => {
            const { code, io, github } = await rollback(["--to", "1.2.20"]);
            assert.equal(code, EXIT.refused, io.text());
            assert.match(io.text(), /did not run 1\.2\.20/);
            assert.deepEqual(writes(github), []);
        });

        it("has nothing to do when the environment already runs the version", async () => {
            const { code, github } = await rollback(["--to", "1.2.28"]);
            assert.equal(code, EXIT.nothingToDo);
            assert.deepEqual(writes(github), []);
        });
    });

    describe("direct mode", () => {
        const direct = (g: GitHubStandIn, dir: string) => {
            setKey(dir, "demo", "promotionMode", "direct");
            setKey(dir, "demo", "version", "1.2.28");
        };

        it("writes the stack file back with the audit comment once the release tag exists", async () => {
            const { code, io, stackText, github } = await rollback(["--to", "1.2.27"], direct);
            assert.equal(code, EXIT.ok, io.text());
            assert.equal(configOf(stackText)["serviceradar-release:version"], "1.2.27");
            assert.match(
                stackText,
                /# forced-promotion: rollback 1\.2\.28 -> 1\.2\.27 by octocat at 2026-12-04T12:00:00\.000Z; reason: 1\.2\.28 breaks logins/,
            );
            assert.deepEqual(writes(github), [], "direct mode writes git only through the stack file");
            assert.match(
                io.stdout[0],
                /^AUDIT rollback demo 1\.2\.28 -> 1\.2\.27 \(direct mode\) in Pulumi\.demo\.yaml/,
            );
        });

        it("refuses a release whose tag does not exist, leaving the file alone", async () => {
            const { code, io, stackText } = await rollback(["--to", "1.2.25"], direct);
            assert.equal(code, EXIT.refused, io.text());
            assert.match(io.text(), /no release tag v1\.2\.25/);
            assert.equal(configOf(stackText)["serviceradar-release:version"], "1.2.28");
        });
    });
});
