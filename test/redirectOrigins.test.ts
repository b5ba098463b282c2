// lib/cli/http follows a redirect only within the request's origin. An origin is scheme, host and port (RFC 6454): a
// redirect that keeps the host but changes only the port, or only the scheme, leaves the origin as a host change does,
// and is refused before anything is sent there.

import { strict as assert } from "node:assert";
import { RequestFailure, httpRequest } from "../lib/cli/http";
import { LoopbackServer, send, startLoopbackServer } from "./support/loopbackServer";

describe("lib/cli/http: a redirect that changes only the port or only the scheme leaves the origin", () => {
    let target: LoopbackServer;
    let redirecting: LoopbackServer;
    let location = "";
    beforeEach(async () => {
        target = await startLoopbackServer((_req, res) => send(res, 200, "the other origin answered"));
        redirecting = await startLoopbackServer((req, res) => {
            if (req.url === "/same") {
                send(res, 200, "same origin");
                return;
            }
            res.writeHead(302, { location });
            res.end();
        });
    });
    afterEach(async () => {
        await target.close();
        await redirecting.close();
    });

    async function refusal(to: string): Promise<RequestFailure> {
        location = to;
        const outcome = await httpRequest({
            method: "GET",
            url: `${redirecting.url}/start`,
            timeoutMs: 5_000,
            followRedirects: 5,
        }).then(
            () => undefined,
            (err: unknown) => err,
        );
        assert.ok(outcome instanceof RequestFailure, `a redirect to ${to} was followed`);
        return outcome;
    }

    for (const [change, to] of [
        ["only the port", () => `http://127.0.0.1:${target.port}/elsewhere`],
        ["only the scheme", () => `https://127.0.0.1:${redirecting.port}/elsewhere`],
        ["the host (localhost for 127.0.0.1, same port)", () => `http://localhost:${redirecting.port}/elsewhere`],
    ] as const) {
        it(`refuses a redirect that changes ${change}, sending nothing there`, async () => {
            const failure = await refusal(to());
            assert.equal(failure.kind, "redirect");
            assert.equal(failure.permanent, true);
            assert.match(failure.message, /was redirected to another origin \(.+\); not followed$/);
            assert.deepEqual(target.requests, []);
            assert.deepEqual(
                redirecting.requests.map((r) => r.path),
                ["/start"],
                "nothing was sent to the redirect's target",
            );
        });
    }

    it("still follows a redirect within the origin (the control)", async () => {
        location = `${redirecting.url}/same`;
        const response = await httpRequest({
            method: "GET",
            url: `${redirecting.url}/start`,
            timeoutMs: 5_000,
            followRedirects: 5,
        });
        assert.equal(response.status, 200);
        assert.equal(response.body, "same origin");
    });
});
