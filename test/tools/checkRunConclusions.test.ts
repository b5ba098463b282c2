// What each check-run conclusion means to `npm run status`, decided by GitHub's documentation of required status checks
// ("must have a successful, skipped, or neutral status before collaborators can make changes to a protected branch"):
// success, neutral and skipped pass; failure, cancelled, timed_out and action_required (a person must act) fail; a run
// not completed (queued, in_progress, and waiting, requested, pending, which GitHub reserves for Actions) is pending.
// `stale` is a check suite's conclusion, not a check run's: GitHub's description does not allow it on a check run, and
// the stand-in refuses to send it.

import { strict as assert } from "node:assert";
import type { StatusReport } from "../../tools/lib/status/report";
import { preloadOpenApi } from "../support/githubOpenApi";
import { runAgainstStandIn } from "../support/statusSamples";
import { allGreen } from "../support/statusScenarios";
import { StandInCheckRun } from "../support/statusStandIn";

const EXPECTED: Record<string, "passing" | "failing" | "pending"> = {
    success: "passing",
    neutral: "passing",
    skipped: "passing",
    failure: "failing",
    cancelled: "failing",
    timed_out: "failing",
    action_required: "failing",
    queued: "pending",
    in_progress: "pending",
    waiting: "pending",
    requested: "pending",
    pending: "pending",
};

const NOT_COMPLETED = ["queued", "in_progress", "waiting", "requested", "pending"];

function checkRun(word: string): StandInCheckRun {
    return (
        NOT_COMPLETED.includes(word)
            ? { name: `gate-${word}`, status: word }
            : { name: `gate-${word}`, status: "completed", conclusion: word }
    ) as StandInCheckRun;
}

/** allGreen() with demo-staging's running commit carrying `runs` instead of its passing gates. */
function stagingWith(runs: StandInCheckRun[]) {
    const repo = allGreen();
    const sha = repo.branches["environment/demo-staging"];
    repo.commits[sha] = { ...repo.commits[sha], checkRuns: runs, statuses: [] };
    return repo;
}

describe("npm run status: every check-run conclusion and status GitHub documents, judged as GitHub judges a required check", function () {
    this.timeout(30_000);
    before(() => preloadOpenApi());

    it("success, neutral, skipped pass; failure, cancelled, timed_out, action_required fail; unfinished runs are pending", async () => {
        const result = await runAgainstStandIn(stagingWith(Object.keys(EXPECTED).map(checkRun)), ["--json"]);
        assert.deepEqual(result.schemaErrors, [], "every check run is one GitHub's description allows");
        assert.equal(result.code, 0, result.stderr);
        const staging = (JSON.parse(result.stdout) as StatusReport).environments.find(
            (environment) => environment.environment === "demo-staging",
        );
        assert.ok(staging);
        const judged = Object.fromEntries(staging.gates.map((gate) => [gate.name.replace(/^gate-/, ""), gate.outcome]));
        assert.deepEqual(judged, EXPECTED);
        for (const gate of staging.gates) assert.equal(gate.source, "check run");
    });

    it("a check run concluded `stale` is outside GitHub's description: the stand-in refuses to send it", async () => {
        const stale = { name: "gate-stale", status: "completed", conclusion: "stale" } as unknown as StandInCheckRun;
        const result = await runAgainstStandIn(stagingWith([stale]), ["--json"]);
        assert.ok(
            result.schemaErrors.some((error) => /check-runs 200: .*conclusion/.test(error)),
            result.schemaErrors.join("\n"),
        );
    });
});
