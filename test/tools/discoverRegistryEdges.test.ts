// The registry client of `npm run discover` (tools/lib/discoverRegistry.ts) on its own, against the OCI registry
// stand-in: which requests it makes with which headers and tokens, and how every answer of the distribution API and of
// Docker's token service is classified (found, missing, no access, rate-limited, unreachable), to the exact line.

import { strict as assert } from "node:assert";
import { IncomingHttpHeaders } from "node:http";
import {
    ArtifactReference,
    MANIFEST_MEDIA_TYPES,
    RegistryClient,
    RegistryClientOptions,
    parseBearerChallenge,
} from "../../tools/lib/discoverRegistry";
import { startLoopbackServer } from "../support/loopbackServer";
import {
    RegistryFault,
    RegistryStandIn,
    RegistryStandInOptions,
    startRegistryStandIn,
} from "../support/registryStandIn";
import { loopbackFetch } from "../support/statusStandIn";

const USERNAME = "carverauto-bot";
const PASSWORD = "registry-secret-token-42";
const IMAGE = "serviceradar/serviceradar-core-elx";
const OTHER_IMAGE = "serviceradar/serviceradar-web-ng";
const MANIFEST_ACCEPT = MANIFEST_MEDIA_TYPES.join(", ");
const SCOPE = `scope=${encodeURIComponent(`repository:${IMAGE}:pull`)}`;
const SERVICE = "service=registry-stand-in";

/** `METHOD path credentials`: credentials are what the Authorization header carried (a bearer token is random). */
function described(method: string, path: string, headers: IncomingHttpHeaders): string {
    const authorization = headers.authorization;
    const basic = `Basic ${Buffer.from(`${USERNAME}:${PASSWORD}`).toString("base64")}`;
    const credentials =
        authorization === undefined
            ? "anonymous"
            : authorization === basic
              ? "basic"
              : /^Bearer [0-9a-f-]{36}$/.test(authorization)
                ? "bearer"
                : `other ${authorization}`;
    return `${method} ${path} ${credentials}`;
}

describe("discover's registry client against the OCI registry stand-in", function () {
    this.timeout(20_000);
    /** The registry the test speaks to (registryServer), the last one `start` started. */
    let registry: RegistryStandIn;
    /** Every registry started in the test, stopped after it. */
    const started: RegistryStandIn[] = [];

    /** A registry holding IMAGE and OTHER_IMAGE at v1.2.28. */
    async function another(options: RegistryStandInOptions = {}): Promise<RegistryStandIn> {
        const standIn = await startRegistryStandIn({ username: USERNAME, password: PASSWORD, ...options });
        started.push(standIn);
        standIn.pushImage(IMAGE, "v1.2.28");
        standIn.pushImage(OTHER_IMAGE, "v1.2.28");
        return standIn;
    }

    async function start(options: RegistryStandInOptions = {}): Promise<void> {
        registry = await another(options);
    }

    /** The client as discover makes it for `registry` as registryServer; no redactor unless given. */
    function client(options: Partial<RegistryClientOptions> = {}): RegistryClient {
        return new RegistryClient({
            credentialsRegistry: registry.host,
            username: USERNAME,
            fetch: loopbackFetch,
            timeoutMs: 5000,
            plainHttpRegistries: started.map((standIn) => standIn.host),
            ...options,
        });
    }

    const image = (repository = IMAGE, host = registry.host): ArtifactReference => ({
        registry: host,
        repository,
        tag: "v1.2.28",
    });

    const log = (standIn: RegistryStandIn = registry) =>
        standIn.server.requests.map((r) => described(r.method, r.path, r.headers));

    /** The RegistryFailure `check` must end in. */
    async function failsWith(check: Promise<unknown>, kind: string, message: string): Promise<void> {
        await assert.rejects(check, { name: "RegistryFailure", kind, message });
    }

    afterEach(async () => {
        for (const standIn of started.splice(0)) await standIn.close();
    });

    it("anonymous pull: the refused HEAD, one token request for the challenge's service and scope, the HEAD again", async () => {
        await start();
        const registryClient = client();
        assert.deepEqual(await registryClient.check(image(), "image"), { found: true });
        // The token is kept per repository: the same image again needs no token, another image gets its own.
        assert.deepEqual(await registryClient.check(image(), "image"), { found: true });
        assert.deepEqual(await registryClient.check(image(OTHER_IMAGE), "image"), { found: true });
        const otherScope = `scope=${encodeURIComponent(`repository:${OTHER_IMAGE}:pull`)}`;
        assert.deepEqual(log(), [
            `HEAD /v2/${IMAGE}/manifests/v1.2.28 anonymous`,
            `GET /token?${SERVICE}&${SCOPE} anonymous`,
            `HEAD /v2/${IMAGE}/manifests/v1.2.28 bearer`,
            `HEAD /v2/${IMAGE}/manifests/v1.2.28 bearer`,
            `HEAD /v2/${OTHER_IMAGE}/manifests/v1.2.28 anonymous`,
            `GET /token?${SERVICE}&${otherScope} anonymous`,
            `HEAD /v2/${OTHER_IMAGE}/manifests/v1.2.28 bearer`,
        ]);
        const [head, token] = registry.server.requests;
        assert.equal(head.headers.accept, MANIFEST_ACCEPT);
        assert.equal(token.headers.accept, "application/json");
    });

    it("a challenge without service or scope: the token is asked for this repository's pull, without a service", async () => {
        await start({ challengeOmits: ["service", "scope"] });
        assert.deepEqual(await client().check(image(), "image"), { found: true });
        assert.deepEqual(log(), [
            `HEAD /v2/${IMAGE}/manifests/v1.2.28 anonymous`,
            `GET /token?${SCOPE} anonymous`,
            `HEAD /v2/${IMAGE}/manifests/v1.2.28 bearer`,
        ]);
    });

    it("a token answer with only `token` or only `access_token` is used (the specification allows either)", async () => {
        for (const field of ["token", "access_token"] as const) {
            await start({ tokenFields: [field] });
            assert.deepEqual(await client().check(image(), "image"), { found: true }, field);
        }
    });

    it("a token service that answers but gives no token: each answer is one line of its own kind", async () => {
        const cases: [string, RegistryFault, string][] = [
            ["unreachable", { status: 500, body: "{}" }, "token service answered HTTP 500"],
            [
                "unreachable",
                { status: 200, body: "<html>sign in</html>" },
                "token service answered something that is not JSON",
            ],
            ["unreachable", { status: 200, body: '{"token":""}' }, "token service answered without a token"],
            ["unreachable", { status: 200, body: '{"token":42}' }, "token service answered without a token"],
            ["unreachable", { status: 200, body: '{"expires_in":300}' }, "token service answered without a token"],
            [
                "rate-limited",
                { status: 429, headers: { "retry-after": "7" } },
                "token service: HTTP 429, retry after 7 s",
            ],
            ["rate-limited", { status: 429 }, "token service: HTTP 429, the registry did not say when to retry"],
        ];
        await start();
        for (const [kind, fault, message] of cases) {
            registry.tokenFaults.push(fault);
            await failsWith(client().check(image(), "image"), kind, `${registry.host}'s ${message}`);
        }
    });

    it("a realm that is no URL, or plain http on another origin, is not asked", async () => {
        const elsewhere = await another();
        const plain = `http://${elsewhere.host}/token`;
        for (const [realm, message] of [
            ["token-service", "named an invalid token realm"],
            [plain, `named a token realm that is not https (http://${elsewhere.host})`],
        ]) {
            await start({ realm });
            // Only the registry itself is spoken to over plain http here.
            await failsWith(
                client({ plainHttpRegistries: [registry.host] }).check(image(), "image"),
                "unreachable",
                `${registry.host} ${message}`,
            );
        }
        assert.deepEqual(elsewhere.server.requests, []);
    });

    describe("credentials (registryUsername and REGISTRY_TOKEN) for a private repository", () => {
        it("the anonymous token refused by the realm (401, or GHCR's 403): then Basic, then the manifest", async () => {
            for (const anonymousRefusal of [401, 403] as const) {
                await start({ privateRepositories: [IMAGE], anonymousRefusal });
                assert.deepEqual(await client({ token: PASSWORD }).check(image(), "image"), { found: true });
                assert.deepEqual(log(), [
                    `HEAD /v2/${IMAGE}/manifests/v1.2.28 anonymous`,
                    `GET /token?${SERVICE}&${SCOPE} anonymous`,
                    `GET /token?${SERVICE}&${SCOPE} basic`,
                    `HEAD /v2/${IMAGE}/manifests/v1.2.28 bearer`,
                ]);
            }
        });

        it("a token the realm refuses: no access, the line says whose token", async () => {
            await start({ privateRepositories: [IMAGE] });
            await failsWith(
                client({ token: "wrong" }).check(image(), "image"),
                "no-access",
                `${registry.host}/${IMAGE}:v1.2.28: HTTP 401; ${USERNAME}'s token was refused or not sent (its realm ` +
                    `must be on ${registry.host})`,
            );
        });

        it("no REGISTRY_TOKEN: the anonymous token only, and the line says so", async () => {
            await start({ privateRepositories: [IMAGE] });
            await failsWith(
                client().check(image(), "image"),
                "no-access",
                `${registry.host}/${IMAGE}:v1.2.28: HTTP 401; REGISTRY_TOKEN is not set`,
            );
            assert.deepEqual(
                registry.tokenRequests.map((r) => r.authorization),
                [undefined],
            );
        });

        it("another registry than registryServer never gets them, even from a realm on its own origin", async () => {
            await start();
            const other = await another({ privateRepositories: [IMAGE] });
            await failsWith(
                client({ token: PASSWORD }).check(image(IMAGE, other.host), "image"),
                "no-access",
                `${other.host}/${IMAGE}:v1.2.28: HTTP 401; no credentials are sent to ${other.host} (only to ` +
                    `registryServer ${registry.host})`,
            );
            assert.deepEqual(log(other), [
                `HEAD /v2/${IMAGE}/manifests/v1.2.28 anonymous`,
                `GET /token?${SERVICE}&${SCOPE} anonymous`,
                `HEAD /v2/${IMAGE}/manifests/v1.2.28 bearer`,
            ]);
        });
    });

    it("a registry with Basic authentication (htpasswd) is not answered with a token: no access", async () => {
        await start({ basicRealm: "Registry Realm" });
        await failsWith(
            client({ token: PASSWORD }).check(image(), "image"),
            "no-access",
            `${registry.host}/${IMAGE}:v1.2.28: HTTP 401; ${USERNAME}'s token was refused or not sent (its realm must ` +
                `be on ${registry.host})`,
        );
        assert.deepEqual(log(), [`HEAD /v2/${IMAGE}/manifests/v1.2.28 anonymous`]);
    });

    it("only a 401 starts the token flow: a 403 with a Bearer challenge (insufficient_scope) is no access", async () => {
        await start();
        const challenge = `Bearer realm="${registry.url}/token",service="registry-stand-in",error="insufficient_scope"`;
        registry.manifestFaults.push({ status: 403, headers: { "www-authenticate": challenge } });
        await failsWith(
            client().check(image(), "image"),
            "no-access",
            `${registry.host}/${IMAGE}:v1.2.28: HTTP 403; REGISTRY_TOKEN is not set`,
        );
        assert.deepEqual(log(), [`HEAD /v2/${IMAGE}/manifests/v1.2.28 anonymous`]);
    });

    it("a 5xx or a 429 without Retry-After from the manifest endpoint", async () => {
        await start();
        registry.manifestFaults.push({ status: 503 });
        await failsWith(client().check(image(), "image"), "unreachable", `${registry.host}/${IMAGE}:v1.2.28: HTTP 503`);
        registry.manifestFaults.push({ status: 429 });
        await failsWith(
            client().check(image(), "image"),
            "rate-limited",
            `${registry.host}/${IMAGE}:v1.2.28: HTTP 429, the registry did not say when to retry`,
        );
    });

    it("a registry not named as plain http is asked over https", async () => {
        const asked: string[] = [];
        const refuse = (input: string) => {
            asked.push(input);
            return Promise.reject(new Error("no network in this test"));
        };
        const ref: ArtifactReference = {
            registry: "ghcr.io",
            repository: "carverauto/charts/serviceradar",
            tag: "1.2.28",
        };
        await assert.rejects(
            new RegistryClient({ credentialsRegistry: "ghcr.io", username: USERNAME, fetch: refuse }).check(
                ref,
                "chart",
            ),
            { name: "RegistryFailure", kind: "unreachable" },
        );
        assert.deepEqual(asked, ["https://ghcr.io/v2/carverauto/charts/serviceradar/manifests/1.2.28"]);
    });

    it("a registry that does not answer fails after the client's time limit, not the default 15 s", async () => {
        await start();
        const silent = await startLoopbackServer(() => undefined);
        try {
            const started = Date.now();
            const host = `127.0.0.1:${silent.port}`;
            await assert.rejects(
                client({ timeoutMs: 200, plainHttpRegistries: [host] }).check(image(IMAGE, host), "image"),
                { name: "RegistryFailure", kind: "unreachable" },
            );
            assert.ok(Date.now() - started < 5000, `${Date.now() - started} ms`);
        } finally {
            await silent.close();
        }
    });
});

describe("reading a WWW-Authenticate challenge", () => {
    it("takes quoted and unquoted (token) parameter values, as RFC 7235 allows both", () => {
        assert.deepEqual(
            parseBearerChallenge('Bearer realm="https://ghcr.io/token",service=ghcr.io,scope=repository:a/b:pull'),
            {
                realm: "https://ghcr.io/token",
                service: "ghcr.io",
                scope: "repository:a/b:pull",
            },
        );
    });

    it("is no Bearer challenge unless the scheme is Bearer, whatever the parameters say", () => {
        assert.equal(parseBearerChallenge('Basic realm="bearer tokens are not taken here"'), undefined);
        assert.equal(parseBearerChallenge('XBearer realm="https://ghcr.io/token"'), undefined);
    });
});
