// A loopback stand-in of an OCI registry for `npm run discover`, answering as the distribution API documents it
// (opencontainers/distribution-spec spec.md, "Pulling manifests" and "Error codes"; Docker's token authentication
// specification, as distribution v3's registry/auth/token implements it):
// - every /v2/ request without a valid bearer token: 401 with
//   `WWW-Authenticate: Bearer realm="<realm>",service="<service>",scope="repository:<name>:pull"`, and body
//   `{"errors":[{"code":"UNAUTHORIZED",...}]}` (no body on HEAD);
// - GET <realm>?service=&scope=: `{"token","access_token","expires_in","issued_at"}`; anonymous for public
//   repositories, Basic `user:token` for private ones; wrong Basic credentials: 401;
// - HEAD/GET /v2/<name>/manifests/<tag>: 200 with Content-Type (the manifest's media type), Docker-Content-Digest and
//   Content-Length, the body only on GET; a manifest whose media type the Accept header does not list is not served
//   (404 MANIFEST_UNKNOWN); an unknown tag 404 MANIFEST_UNKNOWN, an unknown repository 404 NAME_UNKNOWN;
// - when rate-limited: 429 TOOMANYREQUESTS with Retry-After.
// A token names the service it was asked for (its audience, the JWT `aud` claim): the registry takes only a token whose
// audience is the service of its own challenge (token specification, "Using the Bearer token"; distribution's
// registry/auth/token accessController checks `aud`). What real registries also do, on request of a test:
// - `anonymousRefusal`: the realm refuses an anonymous token for a private repository outright (401, or 403 DENIED as
//   GHCR answers) instead of issuing one without access;
// - `basicRealm`: the registry authenticates with htpasswd (distribution's auth/htpasswd): `WWW-Authenticate: Basic`;
// - `challengeOmits`: a challenge without service or scope (both optional in RFC 6750 and the token specification);
// - `tokenFields`: a token answer with only `token` or only `access_token` (the specification allows either);
// - `tokenFaults` / `manifestFaults`: the next answers of the realm or the manifest endpoint replaced (5xx, 429, a
//   broken token answer, a 403 with a Bearer challenge as RFC 6750 section 3.1 has it for insufficient_scope).

import { createHash, randomUUID } from "node:crypto";
import { IncomingMessage, ServerResponse } from "node:http";
import { LoopbackServer, startLoopbackServer } from "./loopbackServer";

export const OCI_INDEX = "application/vnd.oci.image.index.v1+json";
export const OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
export const DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
export const HELM_CONFIG = "application/vnd.cncf.helm.config.v1+json";

export interface RegistryStandInOptions {
    /** Repositories that need `username`/`password` (Basic at the realm); the others take the anonymous token. */
    privateRepositories?: string[];
    username?: string;
    password?: string;
    /** The realm named in challenges; default this server's own /token. */
    realm?: string;
    /** The realm refuses anonymous token requests for private repositories with this status. */
    anonymousRefusal?: 401 | 403;
    /** htpasswd authentication: every /v2/ request is challenged with `Basic realm="<basicRealm>"`, no token flow. */
    basicRealm?: string;
    /** Parameters left out of the Bearer challenge. */
    challengeOmits?: ("service" | "scope")[];
    /** The fields of a token answer (default both). */
    tokenFields?: ("token" | "access_token")[];
}

/** An answer given instead of the normal one (status, headers, body as sent). */
export interface RegistryFault {
    status: number;
    headers?: Record<string, string>;
    body?: string;
}

export interface RegistryStandIn {
    /** host:port, the registry part of a reference. */
    host: string;
    url: string;
    server: LoopbackServer;
    /** repository -> tag -> manifest. */
    manifests: Map<string, Map<string, { mediaType: string; body: string }>>;
    /** Answer this many next /v2/ requests with 429. */
    rateLimitNext: number;
    /** The Authorization headers the token endpoint received. */
    tokenRequests: { authorization?: string; scope?: string }[];
    /** Answers given, one each, to the next token requests instead of the normal one. */
    tokenFaults: RegistryFault[];
    /** Answers given, one each, to the next manifest requests instead of the normal one. */
    manifestFaults: RegistryFault[];
    /** A Helm chart `<repository>:<tag>` (OCI manifest whose config is Helm's). */
    pushChart(repository: string, tag: string): void;
    /** An image `<repository>:<tag>` as a multi-platform index (or a Docker manifest list). */
    pushImage(repository: string, tag: string, mediaType?: string): void;
    close(): Promise<void>;
}

function digest(text: string): string {
    return `sha256:${createHash("sha256").update(text).digest("hex")}`;
}

function registryError(res: ServerResponse, method: string, status: number, code: string, headers = {}): void {
    const body = JSON.stringify({ errors: [{ code, message: code.toLowerCase().replace(/_/g, " "), detail: {} }] });
    res.writeHead(status, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
        ...headers,
    });
    res.end(method === "HEAD" ? undefined : body);
}

function answerFault(res: ServerResponse, method: string, fault: RegistryFault): void {
    res.writeHead(fault.status, { "content-type": "application/json", ...fault.headers });
    res.end(method === "HEAD" ? undefined : (fault.body ?? ""));
}

export async function startRegistryStandIn(options: RegistryStandInOptions = {}): Promise<RegistryStandIn> {
    const tokens = new Map<string, { scope: string; authenticated: boolean; audience: string | null }>();
    const service = "registry-stand-in";
    let standIn: RegistryStandIn;

    const handleToken = (req: IncomingMessage, res: ServerResponse, url: URL): void => {
        const scope = url.searchParams.get("scope") ?? "";
        const authorization = req.headers.authorization;
        standIn.tokenRequests.push({ authorization, scope });
        const fault = standIn.tokenFaults.shift();
        if (fault !== undefined) return answerFault(res, "GET", fault);
        let authenticated = false;
        if (authorization !== undefined) {
            const expected = Buffer.from(`${options.username}:${options.password}`).toString("base64");
            if (authorization !== `Basic ${expected}`) {
                registryError(res, "GET", 401, "UNAUTHORIZED", { "www-authenticate": `Basic realm="${service}"` });
                return;
            }
            authenticated = true;
        } else if (options.anonymousRefusal !== undefined) {
            const name = /^repository:(.+):pull$/.exec(scope)?.[1] ?? "";
            if (options.privateRepositories?.includes(name) === true) {
                const code = options.anonymousRefusal === 401 ? "UNAUTHORIZED" : "DENIED";
                registryError(res, "GET", options.anonymousRefusal, code);
                return;
            }
        }
        const token = randomUUID();
        tokens.set(token, { scope, authenticated, audience: url.searchParams.get("service") });
        const fields = options.tokenFields ?? ["token", "access_token"];
        const body = JSON.stringify({
            ...(fields.includes("token") ? { token } : {}),
            ...(fields.includes("access_token") ? { access_token: token } : {}),
            expires_in: 300,
            issued_at: new Date().toISOString(),
        });
        res.writeHead(200, { "content-type": "application/json" });
        res.end(body);
    };

    const handleManifest = (req: IncomingMessage, res: ServerResponse, name: string, tag: string): void => {
        const method = req.method ?? "GET";
        if (standIn.rateLimitNext > 0) {
            standIn.rateLimitNext -= 1;
            registryError(res, method, 429, "TOOMANYREQUESTS", { "retry-after": "30" });
            return;
        }
        const fault = standIn.manifestFaults.shift();
        if (fault !== undefined) return answerFault(res, method, fault);
        if (options.basicRealm !== undefined) {
            const challenge = `Basic realm="${options.basicRealm}"`;
            registryError(res, method, 401, "UNAUTHORIZED", { "www-authenticate": challenge });
            return;
        }
        const scope = `repository:${name}:pull`;
        const omits = options.challengeOmits ?? [];
        const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
        const grant = bearer === undefined ? undefined : tokens.get(bearer);
        const isPrivate = options.privateRepositories?.includes(name) === true;
        const audience = omits.includes("service") ? null : service;
        if (
            grant === undefined ||
            grant.scope !== scope ||
            grant.audience !== audience ||
            (isPrivate && !grant.authenticated)
        ) {
            const challenge =
                `Bearer realm="${options.realm ?? `${standIn.url}/token`}"` +
                (omits.includes("service") ? "" : `,service="${service}"`) +
                (omits.includes("scope") ? "" : `,scope="${scope}"`) +
                (grant === undefined ? "" : `,error="insufficient_scope"`);
            registryError(res, method, 401, "UNAUTHORIZED", { "www-authenticate": challenge });
            return;
        }
        const repository = standIn.manifests.get(name);
        if (repository === undefined) {
            registryError(res, method, 404, "NAME_UNKNOWN");
            return;
        }
        const manifest = repository.get(tag);
        const accepted = (req.headers.accept ?? "").split(",").map((type) => type.trim());
        if (manifest === undefined || !accepted.includes(manifest.mediaType)) {
            registryError(res, method, 404, "MANIFEST_UNKNOWN");
            return;
        }
        res.writeHead(200, {
            "content-type": manifest.mediaType,
            "content-length": Buffer.byteLength(manifest.body),
            "docker-content-digest": digest(manifest.body),
        });
        res.end(method === "HEAD" ? undefined : manifest.body);
    };

    const server = await startLoopbackServer((req, res) => {
        const url = new URL(req.url ?? "/", "http://127.0.0.1");
        if (url.pathname === "/token") return handleToken(req, res, url);
        const match = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(url.pathname);
        if (match && (req.method === "GET" || req.method === "HEAD")) {
            return handleManifest(req, res, match[1], decodeURIComponent(match[2]));
        }
        registryError(res, req.method ?? "GET", 404, "NAME_UNKNOWN");
    });
    const manifests = new Map<string, Map<string, { mediaType: string; body: string }>>();
    const put = (repository: string, tag: string, mediaType: string, body: object) => {
        if (!manifests.has(repository)) manifests.set(repository, new Map());
        manifests.get(repository)!.set(tag, { mediaType, body: JSON.stringify({ ...body, mediaType }) });
    };
    standIn = {
        host: `127.0.0.1:${server.port}`,
        url: server.url,
        server,
        manifests,
        rateLimitNext: 0,
        tokenRequests: [],
        tokenFaults: [],
        manifestFaults: [],
        pushChart: (repository, tag) =>
            put(repository, tag, OCI_MANIFEST, {
                schemaVersion: 2,
                config: { mediaType: HELM_CONFIG, digest: digest(`${repository}:${tag}`), size: 2 },
                layers: [
                    {
                        mediaType: "application/vnd.cncf.helm.chart.content.v1.tar+gzip",
                        digest: digest(`chart ${tag}`),
                        size: 1,
                    },
                ],
            }),
        pushImage: (repository, tag, mediaType = OCI_INDEX) =>
            put(repository, tag, mediaType, {
                schemaVersion: 2,
                manifests: [
                    {
                        mediaType:
                            mediaType === OCI_INDEX
                                ? OCI_MANIFEST
                                : "application/vnd.docker.distribution.manifest.v2+json",
                        digest: digest(`${repository}:${tag} amd64`),
                        size: 1,
                        platform: { architecture: "amd64", os: "linux" },
                    },
                ],
            }),
        close: server.close,
    };
    return standIn;
}
