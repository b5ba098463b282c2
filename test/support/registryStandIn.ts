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

export async function startRegistryStandIn(options: RegistryStandInOptions = {}): Promise<RegistryStandIn> {
    const tokens = new Map<string, { scope: string; authenticated: boolean }>();
    const service = "registry-stand-in";
    let standIn: RegistryStandIn;

    const handleToken = (req: IncomingMessage, res: ServerResponse, url: URL): void => {
        const scope = url.searchParams.get("scope") ?? "";
        const authorization = req.headers.authorization;
        standIn.tokenRequests.push({ authorization, scope });
        let authenticated = false;
        if (authorization !== undefined) {
            const expected = Buffer.from(`${options.username}:${options.password}`).toString("base64");
            if (authorization !== `Basic ${expected}`) {
                registryError(res, "GET", 401, "UNAUTHORIZED", { "www-authenticate": `Basic realm="${service}"` });
                return;
            }
            authenticated = true;
        }
        const token = randomUUID();
        tokens.set(token, { scope, authenticated });
        const body = JSON.stringify({
            token,
            access_token: token,
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
        const scope = `repository:${name}:pull`;
        const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
        const grant = bearer === undefined ? undefined : tokens.get(bearer);
        const isPrivate = options.privateRepositories?.includes(name) === true;
        if (grant === undefined || grant.scope !== scope || (isPrivate && !grant.authenticated)) {
            const challenge =
                `Bearer realm="${options.realm ?? `${standIn.url}/token`}",service="${service}",scope="${scope}"` +
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
