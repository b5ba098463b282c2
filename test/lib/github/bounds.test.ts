// The client's bounds against a hostile or broken API: the token goes to the API's own origin only (scheme, host and
// port), and a listing's links cannot make it read forever. Loopback stand-ins only.
import { strict as assert } from "node:assert";
import type { ServerResponse } from "node:http";
import { MAX_PAGES, createGitHubClient } from "../../../lib/github/client";
import { classifyGitHubError } from "../../../lib/github/errors";
import { loopbackServersPerTest } from "../../support/loopbackServer";

const TOKEN = "ghs_boundsTokenForTests_0123456789";
const LISTING = "GET /repos/{owner}/{repo}/commits/{ref}/check-runs";
const PARAMETERS = { owner: "o", repo: "r", ref: "a".repeat(40), per_page: 1 };
/** A stand-in stops linking after this many pages, so an unbounded client fails the test instead of hanging it. */
const STAND_IN_GIVES_UP_AFTER = 100;

function page(res: ServerResponse, next: string | undefined): void {
    res.writeHead(200, {
        "content-type": "application/json",
        ...(next === undefined ? {} : { link: `<${next}>; rel="next"` }),
    });
    res.end(JSON.stringify({ total_count: 1, check_runs: [{ id: 1, name: "e2e-tests" }] }));
}

describe("lib/github/client: bounds against a hostile API", () => {
    const server = loopbackServersPerTest();
    const client = (apiUrl: string) =>
        createGitHubClient({ token: TOKEN, apiUrl, userAgent: "bounds-test", retries: 0 });

    it("never sends the token to another origin a pagination link names (same host, other port)", async () => {
        const elsewhere = await server((_req, res) => page(res, undefined));
        const api = await server((_req, res) => page(res, `${elsewhere.url}/repos/o/r/commits/x/check-runs?page=2`));
        const failure = await client(api.url)
            .paginate(LISTING, PARAMETERS)
            .then(
                () => undefined,
                (err: unknown) => err,
            );
        assert.deepEqual(
            elsewhere.requests.map((request) => request.headers.authorization),
            [],
            "the other origin was asked",
        );
        assert.equal(classifyGitHubError(failure, new Date())?.kind, "unreachable", String(failure));
        assert.match(String((failure as Error).message), /not the API's origin/);
    });

    it("stops a listing whose next link points back at itself", async () => {
        const api = await server((req, res) =>
            page(res, api.requests.length < STAND_IN_GIVES_UP_AFTER ? `${api.url}${req.url}` : undefined),
        );
        await assert.rejects(client(api.url).paginate(LISTING, PARAMETERS), /links back to a page it already sent/);
        assert.ok(api.requests.length <= 2, `${api.requests.length} requests`);
    });

    it("stops a listing of endless distinct pages after MAX_PAGES", async () => {
        const api = await server((_req, res) =>
            page(
                res,
                api.requests.length < STAND_IN_GIVES_UP_AFTER
                    ? `${api.url}/repos/o/r/commits/x/check-runs?page=${api.requests.length + 1}`
                    : undefined,
            ),
        );
        const iterated = (async () => {
            for await (const _ of client(api.url).paginate.iterator(LISTING, PARAMETERS)) void _;
        })();
        await assert.rejects(iterated, new RegExp(`more than ${MAX_PAGES} pages`));
        assert.ok(api.requests.length <= MAX_PAGES + 1, `${api.requests.length} requests`);
    });
});
