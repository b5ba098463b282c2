// Whether an artifact was really published: a manifest asked of an OCI registry through the distribution API
// (opencontainers/distribution-spec, "Pulling manifests": `HEAD`/`GET /v2/<name>/manifests/<reference>`, 200 when it
// exists, 404 with MANIFEST_UNKNOWN or NAME_UNKNOWN when not) with the registry's token flow (Docker's "Token
// Authentication Specification": a 401 carries `WWW-Authenticate: Bearer realm=...,service=...,scope=...`; a GET of the
// realm with those parameters answers `{token}` or `{access_token}`, then the request is repeated with
// `Authorization: Bearer <token>`). GHCR and Harbor both follow it.
//
// Credentials rule: the anonymous token is asked for first. Only when the registry refuses it, and only for the
// configured registry (registryServer), are `registryUsername` and the token (Basic) sent, and only to a realm on that
// registry's own origin: a realm elsewhere gets the anonymous request only, and the refusal is reported. The bearer
// token a realm issues goes back only to the registry whose challenge named that realm.

import { FetchLike, HttpResponse, RequestFailure, httpRequest } from "../../lib/cli/http";
import { Redactor } from "../../lib/cli/redact";
import { untrustedText } from "../../lib/cli/sanitize";

/** What a chart or image manifest may be: OCI index and manifest, Docker manifest list and manifest (v2 schema 2). */
export const MANIFEST_MEDIA_TYPES = [
    "application/vnd.oci.image.index.v1+json",
    "application/vnd.oci.image.manifest.v1+json",
    "application/vnd.docker.distribution.manifest.list.v2+json",
    "application/vnd.docker.distribution.manifest.v2+json",
] as const;

/** The config media type of a Helm chart stored in an OCI registry (Helm's "Use OCI-based registries"). */
export const HELM_CHART_CONFIG_MEDIA_TYPE = "application/vnd.cncf.helm.config.v1+json";

/** `ghcr.io/carverauto/charts/serviceradar:1.2.28` split into what the API needs. */
export interface ArtifactReference {
    /** host[:port] */
    registry: string;
    repository: string;
    tag: string;
}

/** registry/path (without tag) and a tag as one reference; the first path segment is the registry. */
export function artifactReference(repositoryPath: string, tag: string): ArtifactReference {
    const slash = repositoryPath.indexOf("/");
    return { registry: repositoryPath.slice(0, slash), repository: repositoryPath.slice(slash + 1), tag };
}

export function describeArtifact(ref: ArtifactReference): string {
    return `${ref.registry}/${ref.repository}:${ref.tag}`;
}

export type ManifestCheck =
    | { found: true }
    /** The registry answered that the manifest is not there (404), or it is not what was asked for (not a chart). */
    | { found: false; reason: string };

export type RegistryFailureKind = "unreachable" | "no-access" | "rate-limited";

/** A registry that could not give an answer about a manifest; the artifact's presence is unknown. */
export class RegistryFailure extends Error {
    constructor(
        readonly kind: RegistryFailureKind,
        message: string,
    ) {
        super(message);
        this.name = "RegistryFailure";
    }
}

export interface RegistryClientOptions {
    /** The configured registry (registryServer): the only one credentials are ever sent to. */
    credentialsRegistry: string;
    username: string;
    /** From the environment (REGISTRY_TOKEN); undefined: anonymous only. */
    token?: string;
    fetch?: FetchLike;
    timeoutMs?: number;
    /** Registries spoken to over plain http (the tests' loopback stand-in); every other one is https. */
    plainHttpRegistries?: readonly string[];
    /** Learns each issued bearer token, so that no line printed afterwards can show one. */
    redactor?: Redactor;
}

interface BearerChallenge {
    realm: string;
    service?: string;
    scope?: string;
}

/** The parameters of a `WWW-Authenticate: Bearer k="v",...` challenge, or undefined for another scheme. */
export function parseBearerChallenge(header: string | null): BearerChallenge | undefined {
    if (header === null || !/^\s*bearer\s/i.test(header)) return undefined;
    const params = new Map<string, string>();
    // The scheme word needs no stripping: it is followed by whitespace, never by `=`, so it is no parameter.
    for (const match of header.matchAll(/([A-Za-z_]+)\s*=\s*(?:"([^"]*)"|([^,\s]*))/g)) {
        params.set(match[1].toLowerCase(), match[2] ?? match[3]);
    }
    const realm = params.get("realm");
    return realm ? { realm, service: params.get("service"), scope: params.get("scope") } : undefined;
}

/** The registry's error code from a 4xx body (`{"errors":[{"code":"MANIFEST_UNKNOWN",...}]}`), if it sent one. */
function errorCode(body: string): string | undefined {
    try {
        const code = (JSON.parse(body) as { errors?: { code?: unknown }[] }).errors?.[0]?.code;
        return typeof code === "string" ? untrustedText(code, 40) : undefined;
    } catch {
        return undefined;
    }
}

function retryAfter(response: HttpResponse): string {
    const seconds = response.headers.get("retry-after");
    return seconds === null ? "the registry did not say when to retry" : `retry after ${untrustedText(seconds, 40)} s`;
}

/** One client per run: bearer tokens are kept per registry and repository, so each is asked for once. */
export class RegistryClient {
    private readonly tokens = new Map<string, string>();

    constructor(private readonly options: RegistryClientOptions) {}

    private origin(registry: string): string {
        const plain = this.options.plainHttpRegistries?.includes(registry) === true;
        return `${plain ? "http" : "https"}://${registry}`;
    }

    private async send(method: "GET" | "HEAD", url: string, headers: Record<string, string>): Promise<HttpResponse> {
        try {
            return await httpRequest(
                { method, url, headers, timeoutMs: this.options.timeoutMs ?? 15_000 },
                this.options.fetch,
            );
        } catch (err) {
            if (err instanceof RequestFailure) throw new RegistryFailure("unreachable", err.message);
            throw err;
        }
    }

    /**
     * A token from the challenge's realm: anonymous, or with Basic credentials when `withCredentials`. Undefined when
     * the realm refuses (401/403).
     */
    private async tokenFrom(
        challenge: BearerChallenge,
        { registry, repository }: ArtifactReference,
        withCredentials: boolean,
    ): Promise<string | undefined> {
        let realm: URL;
        try {
            realm = new URL(challenge.realm);
        } catch {
            throw new RegistryFailure("unreachable", `${registry} named an invalid token realm`);
        }
        if (realm.protocol !== "https:" && realm.origin !== this.origin(realm.host)) {
            throw new RegistryFailure(
                "unreachable",
                `${registry} named a token realm that is not https (${realm.origin})`,
            );
        }
        if (challenge.service !== undefined) realm.searchParams.set("service", challenge.service);
        // A challenge without a scope still means this repository: ask for pull on it, as Docker's client does.
        realm.searchParams.set("scope", challenge.scope ?? `repository:${repository}:pull`);
        const headers: Record<string, string> = { accept: "application/json" };
        if (withCredentials) {
            const basic = Buffer.from(`${this.options.username}:${this.options.token ?? ""}`).toString("base64");
            headers.authorization = `Basic ${basic}`;
        }
        const response = await this.send("GET", realm.href, headers);
        if (response.status === 401 || response.status === 403) return undefined;
        if (response.status === 429) {
            throw new RegistryFailure("rate-limited", `${registry}'s token service: HTTP 429, ${retryAfter(response)}`);
        }
        if (response.status !== 200) {
            throw new RegistryFailure("unreachable", `${registry}'s token service answered HTTP ${response.status}`);
        }
        let answer: { token?: unknown; access_token?: unknown };
        try {
            answer = JSON.parse(response.body) as typeof answer;
        } catch {
            throw new RegistryFailure("unreachable", `${registry}'s token service answered something that is not JSON`);
        }
        const token = typeof answer.token === "string" ? answer.token : answer.access_token;
        if (typeof token !== "string" || token === "") {
            throw new RegistryFailure("unreachable", `${registry}'s token service answered without a token`);
        }
        return token;
    }

    /** Whether the configured credentials may go to this realm for this registry (the rule at the top). */
    private mayUseCredentials(registry: string, challenge: BearerChallenge): boolean {
        if (this.options.token === undefined || registry !== this.options.credentialsRegistry) return false;
        try {
            return new URL(challenge.realm).origin === this.origin(registry);
        } catch {
            return false;
        }
    }

    /** The manifest request, answered after at most the anonymous and then the credentialed token. */
    private async manifestResponse(ref: ArtifactReference, method: "GET" | "HEAD"): Promise<HttpResponse> {
        const url = `${this.origin(ref.registry)}/v2/${ref.repository}/manifests/${encodeURIComponent(ref.tag)}`;
        const key = `${ref.registry}/${ref.repository}`;
        const headers = (): Record<string, string> => {
            const token = this.tokens.get(key);
            const accept = { accept: MANIFEST_MEDIA_TYPES.join(", ") };
            return token === undefined ? accept : { ...accept, authorization: `Bearer ${token}` };
        };
        let response = await this.send(method, url, headers());
        for (const withCredentials of [false, true]) {
            if (response.status !== 401) return response;
            const challenge = parseBearerChallenge(response.headers.get("www-authenticate"));
            if (challenge === undefined) break;
            if (withCredentials && !this.mayUseCredentials(ref.registry, challenge)) break;
            const token = await this.tokenFrom(challenge, ref, withCredentials);
            if (token === undefined) continue;
            this.options.redactor?.add(token);
            this.tokens.set(key, token);
            response = await this.send(method, url, headers());
        }
        return response;
    }

    /**
     * Whether `ref` exists. `chart`: the manifest is read (GET) and must be a Helm chart's (its config media type);
     * otherwise a HEAD is enough, and an OCI index or a Docker manifest list counts as the image.
     */
    async check(ref: ArtifactReference, kind: "chart" | "image"): Promise<ManifestCheck> {
        const response = await this.manifestResponse(ref, kind === "chart" ? "GET" : "HEAD");
        const what = describeArtifact(ref);
        if (response.status === 200) {
            if (kind === "image") return { found: true };
            let mediaType: unknown;
            try {
                mediaType = (JSON.parse(response.body) as { config?: { mediaType?: unknown } }).config?.mediaType;
            } catch {
                mediaType = undefined;
            }
            return mediaType === HELM_CHART_CONFIG_MEDIA_TYPE
                ? { found: true }
                : { found: false, reason: `${what} is not a Helm chart (config media type ${String(mediaType)})` };
        }
        if (response.status === 404) {
            // A HEAD answer has no body: the code is known only from a GET.
            const code = errorCode(response.body);
            return { found: false, reason: `${what} not found${code === undefined ? "" : ` (${code})`}` };
        }
        if (response.status === 429) {
            throw new RegistryFailure("rate-limited", `${what}: HTTP 429, ${retryAfter(response)}`);
        }
        if (response.status === 401 || response.status === 403) {
            const credentials =
                ref.registry !== this.options.credentialsRegistry
                    ? `no credentials are sent to ${ref.registry} (only to registryServer ${this.options.credentialsRegistry})`
                    : this.options.token === undefined
                      ? "REGISTRY_TOKEN is not set"
                      : `${this.options.username}'s token was refused or not sent (its realm must be on ${ref.registry})`;
            throw new RegistryFailure("no-access", `${what}: HTTP ${response.status}; ${credentials}`);
        }
        throw new RegistryFailure("unreachable", `${what}: HTTP ${response.status}`);
    }
}
