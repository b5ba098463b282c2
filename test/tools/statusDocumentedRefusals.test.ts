// `npm run status` against every error answer GitHub's OpenAPI description documents for the operations it calls
// (test/fixtures/github-openapi/), each body checked against that description by the stand-in. What each means:
// - GET /repos/{owner}/{repo} 403 or 404: the token cannot see the repository (GitHub hides private repositories behind
//   404): no access, exit 6.
// - GET .../branches/{branch} 404: the branch does not exist: that environment was never hydrated, a status, exit 0.
// - GET .../contents/{path} 404: the file is not on that commit: the environment is reported as not hydrated, exit 0;
//   403: the token lacks Contents: read, exit 6.
// - GET .../commits/{ref}/status 404: the token cannot read the commit's statuses, exit 6.
// - GET .../pulls 422 ("Validation failed, or the endpoint has been spammed"): GitHub refused the request, exit 4.
// 301/302/304 are left out: GitHub answers 304 only to a conditional request (the command sends none), and the
// redirects are the client's (same-origin only, lib/cli/http.ts).

import { strict as assert } from "node:assert";
import { EXIT } from "../../lib/cli/exitCodes";
import { preloadOpenApi } from "../support/githubOpenApi";
import { runAgainstStandIn } from "../support/statusSamples";
import { TOKEN, allGreen } from "../support/statusScenarios";

interface Case {
    operation: string;
    status: number;
    message: string;
    path: RegExp;
    code: number;
    said: RegExp;
}

const CASES: Case[] = [
    {
        operation: "GET /repos/{owner}/{repo}",
        status: 404,
        message: "Not Found",
        path: /^\/repos\/[^/]+\/[^/]+$/,
        code: EXIT.gitHubNoAccess,
        said: /GITHUB_TOKEN cannot read carverauto\/serviceradar-release \(HTTP 404: Not Found/,
    },
    {
        operation: "GET /repos/{owner}/{repo}",
        status: 403,
        message: "Repository access blocked",
        path: /^\/repos\/[^/]+\/[^/]+$/,
        code: EXIT.gitHubNoAccess,
        said: /GITHUB_TOKEN cannot read carverauto\/serviceradar-release \(HTTP 403: Repository access blocked/,
    },
    {
        operation: "GET /repos/{owner}/{repo}/branches/{branch}",
        status: 404,
        message: "Branch not found",
        path: /\/branches\//,
        code: EXIT.ok,
        said: /running {3}never hydrated \(branch environment\/demo-staging does not exist\)/,
    },
    {
        operation: "GET /repos/{owner}/{repo}/contents/{path}",
        status: 404,
        message: "Not Found",
        path: /\/contents\//,
        code: EXIT.ok,
        said: /running {3}never hydrated \(environment\/demo-staging has no hydrator\.metadata\)/,
    },
    {
        operation: "GET /repos/{owner}/{repo}/contents/{path}",
        status: 403,
        message: "Forbidden",
        path: /\/contents\//,
        code: EXIT.gitHubNoAccess,
        said: /GITHUB_TOKEN cannot read carverauto\/serviceradar-release \(HTTP 403: Forbidden.*\); it needs Contents: read/,
    },
    {
        operation: "GET /repos/{owner}/{repo}/commits/{ref}/status",
        status: 404,
        message: "No commit found for SHA",
        path: /\/commits\/[^/]+\/status$/,
        code: EXIT.gitHubNoAccess,
        said: /\(HTTP 404: No commit found for SHA.*\); it needs Commit statuses: read/,
    },
    {
        operation: "GET /repos/{owner}/{repo}/pulls",
        status: 422,
        message: "Validation Failed",
        path: /\/pulls$/,
        code: EXIT.gitHubUnreachable,
        said: /GitHub refused a request \(HTTP 422: Validation Failed/,
    },
];

describe("npm run status: every error answer GitHub documents for the operations it calls", function () {
    this.timeout(30_000);
    before(() => preloadOpenApi());

    for (const refusal of CASES) {
        it(`${refusal.operation} answered ${refusal.status}: exit ${refusal.code}, saying why`, async () => {
            const result = await runAgainstStandIn(
                { ...allGreen(), refusal: { status: refusal.status, message: refusal.message, path: refusal.path } },
                [],
            );
            assert.deepEqual(result.schemaErrors, [], "the refusal is one GitHub's description documents");
            assert.ok(
                result.requests.some((request) => refusal.path.test(request.split(" ")[1].split("?")[0])),
                "the operation was called and refused",
            );
            assert.equal(result.code, refusal.code, result.stdout + result.stderr);
            assert.match(result.stdout + result.stderr, refusal.said);
            assert.ok(!(result.stdout + result.stderr).includes(TOKEN), "the token was printed");
        });
    }
});
