// The one way the tools and the e2e gate talk to GitHub's REST API: Octokit with pagination and bounded retries, every
// request sent through the project's own HTTP layer (lib/cli/http.ts): a hard time limit, answers read up to 1 MiB
// (or the caller's cap), redirects followed only within the API's origin, no request (a pagination link included) to
// any other origin, every listing bounded in pages, network failures as one plain line. A request may carry its own
// AbortSignal (`request: { signal }`): once it fires, the request ends as a `cancelled` failure and is not retried.

import { Octokit } from "@octokit/core";
import { type PaginateInterface, composePaginateRest, paginateRest } from "@octokit/plugin-paginate-rest";
import { retry } from "@octokit/plugin-retry";
import { FetchLike, MAX_REDIRECTS, RequestFailure, httpRequest } from "../cli/http";
import { untrustedText } from "../cli/sanitize";

export const DEFAULT_GITHUB_API_URL = "https://api.github.com";
/** The REST API version every request asks for. */
export const GITHUB_API_VERSION = "2022-11-28";
const GITHUB_JSON = "application/vnd.github+json";

/** Octokit's default media type, replaced by GITHUB_JSON unless a request asks for another one. */
const OCTOKIT_DEFAULT_ACCEPT = "application/vnd.github.v3+json";

/**
 * A failure retrying cannot change: a cancelled request (its signal fired) or a permanent one (unknown host, bad
 * certificate, a refused redirect). Registered before the retry plugin, so its error hook sees the failure first and
 * sets the request's retries to none.
 */
function noHopelessRetries(octokit: Octokit): void {
    octokit.hook.error("request", (error, options) => {
        const cause = (error as { cause?: unknown }).cause;
        const signal = (options.request as { signal?: AbortSignal } | undefined)?.signal;
        // A `cancelled` failure needs no check of its own: lib/cli/http.ts reports one only when this signal fired,
        // and makes it permanent.
        const hopeless = signal?.aborted === true || (cause instanceof RequestFailure && cause.permanent);
        if (hopeless && options.request) (options.request as { retries?: number }).retries = 0;
        throw error;
    });
}

/** Pages one listing reads at most: a listing longer than this is an error, never an endless walk. */
export const MAX_PAGES = 20;

type PageResponse = { url?: string; data: unknown };

/**
 * Pages of a listing with bounds that hold whatever its links say: a page whose URL was read before (a link back to
 * itself or to an earlier page) and a page past MAX_PAGES both fail the listing as a request failure naming the URL.
 * (A link to another origin is refused by boundedFetch, before the token is sent.)
 */
function boundedPages(pages: AsyncIterator<PageResponse>): AsyncIterator<PageResponse> {
    const seen = new Set<string>();
    return {
        async next() {
            const page = await pages.next();
            const url = page.done === true ? undefined : page.value.url;
            if (url === undefined) return page;
            const failure = (detail: string) =>
                new RequestFailure(`GET ${untrustedText(url, 120)}`, detail, "pagination", url, undefined, true);
            if (seen.has(url)) throw failure("failed: the listing links back to a page it already sent; stopped");
            if (seen.size >= MAX_PAGES) throw failure(`failed: the listing has more than ${MAX_PAGES} pages; stopped`);
            seen.add(url);
            return page;
        },
    };
}

/**
 * Octokit's `paginate` and `paginate.iterator` over boundedPages; registered after paginateRest, so it replaces
 * them for every caller. `paginate` collects as the plugin's own does: the items of each page, or what `mapFn` makes
 * of it, until the last page or `done()`.
 */
function boundedPagination(octokit: Octokit): { paginate: PaginateInterface } {
    const iterator = (route: unknown, parameters?: unknown) => {
        const pages = (composePaginateRest.iterator as (...args: unknown[]) => AsyncIterable<PageResponse>)(
            octokit,
            route,
            parameters,
        );
        return { [Symbol.asyncIterator]: () => boundedPages(pages[Symbol.asyncIterator]()) };
    };
    const paginate = async (
        route: unknown,
        parameters?: unknown,
        mapFn?: (page: PageResponse, done: () => void) => unknown[],
    ): Promise<unknown[]> => {
        if (typeof parameters === "function") [mapFn, parameters] = [parameters as typeof mapFn, undefined];
        const results: unknown[] = [];
        for await (const page of iterator(route, parameters)) {
            let finished = false;
            results.push(...(mapFn ? mapFn(page, () => (finished = true)) : (page.data as unknown[])));
            if (finished) break;
        }
        return results;
    };
    return { paginate: Object.assign(paginate, { iterator }) as unknown as PaginateInterface };
}

const GitHubOctokit = Octokit.plugin(noHopelessRetries, retry, paginateRest, boundedPagination);
export type GitHubClient = InstanceType<typeof GitHubOctokit>;

/**
 * Statuses never retried. Beside Octokit's own list, 429: a rate limit is reported to the caller with its reset time
 * instead of being waited out inside a CI step.
 */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];

export interface GitHubClientOptions {
    token: string;
    /** API root, e.g. https://api.github.com or https://ghe.example.com/api/v3 (default DEFAULT_GITHUB_API_URL). */
    apiUrl?: string;
    /** Names the tool in GitHub's logs, e.g. `serviceradar-release-status`. */
    userAgent: string;
    /** The fetch behind the bounded HTTP layer; tests pass one that only reaches a loopback stand-in. */
    fetch?: FetchLike;
    /** Limit for one request: connect, answer and body (default 15 s). */
    timeoutMs?: number;
    /** Retries of network failures and 5xx answers (default 2). */
    retries?: number;
    /** The first retry waits this long, the n-th n² times as long (default 500 ms). */
    retryBaseDelayMs?: number;
    /** Size cap of each answer (default that of lib/cli/boundedBody.ts). */
    maxBodyBytes?: number;
    /** Where Octokit's own warnings go (e.g. a deprecated endpoint); the caller redacts them like any line. */
    warn?: (line: string) => void;
}

/** Statuses whose Response must not have a body (the Response constructor refuses one). */
function hasNoBody(status: number): boolean {
    return status === 204 || status === 205 || status === 304;
}

/**
 * Adapts lib/cli/http.ts to the fetch Octokit calls: the answer is read there, within the bounds, and handed to
 * Octokit as an already complete Response.
 */
function boundedFetch(options: GitHubClientOptions, apiOrigin: string): typeof fetch {
    const bounded = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
        const method = (init?.method ?? "GET").toUpperCase();
        // The methods GitHub's REST API uses for what the tools do: read (GET), create (POST), merge a pull request
        // (PUT .../merge) and move a ref (PATCH .../git/refs/...). DELETE is not needed by any tool and stays refused.
        if (!isSupportedMethod(method)) {
            throw new Error(`${method} requests are not supported by the bounded GitHub client`);
        }
        const url = input instanceof Request ? input.url : String(input);
        // The token belongs to the API's origin (scheme, host and port): a pagination link or a URL taken from an
        // answer that points elsewhere is refused, never sent the Authorization header.
        const origin = originOf(url);
        if (origin !== apiOrigin) {
            throw new RequestFailure(
                `${method} ${untrustedText(url, 120)}`,
                `refused: ${untrustedText(origin ?? "an invalid URL", 80)} is not the API's origin (${apiOrigin}); the token is sent to that origin only`,
                "redirect",
                url,
                undefined,
                true,
            );
        }
        const response = await httpRequest(
            {
                method,
                url,
                headers: Object.fromEntries(new Headers(init?.headers).entries()),
                body: typeof init?.body === "string" ? init.body : undefined,
                timeoutMs: options.timeoutMs ?? 15_000,
                signal: init?.signal ?? undefined,
                maxBodyBytes: options.maxBodyBytes,
                followRedirects: MAX_REDIRECTS,
            },
            options.fetch,
        );
        const body = hasNoBody(response.status) ? null : response.body;
        const complete = new Response(body, { status: response.status, headers: response.headers });
        // A constructed Response has an empty url; Octokit's pagination reads it to compute a next page.
        Object.defineProperty(complete, "url", { value: url });
        return complete;
    };
    return bounded as typeof fetch;
}

const SUPPORTED_METHODS = ["GET", "POST", "PUT", "PATCH"] as const;

function isSupportedMethod(method: string): method is (typeof SUPPORTED_METHODS)[number] {
    return (SUPPORTED_METHODS as readonly string[]).includes(method);
}

function originOf(url: string): string | undefined {
    return URL.canParse(url) ? new URL(url).origin : undefined;
}

/**
 * Creates a client. The token goes out as `Authorization: Bearer <token>` (what GitHub documents for every token kind),
 * with GitHub's JSON media type and GITHUB_API_VERSION, unless a request sets its own `accept`.
 */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
    const warn = options.warn ?? (() => undefined);
    const silent = () => undefined;
    const log = { debug: silent, info: silent, warn: (message: string) => warn(message), error: silent };
    const baseUrl = (options.apiUrl ?? DEFAULT_GITHUB_API_URL).replace(/\/+$/, "");
    const client = new GitHubOctokit({
        baseUrl,
        userAgent: options.userAgent,
        // @octokit/request warns of a deprecated endpoint through request.log (else console, unredacted), not `log`.
        request: { fetch: boundedFetch(options, new URL(baseUrl).origin), log },
        retry: {
            doNotRetry: DO_NOT_RETRY,
            retries: options.retries ?? 2,
            retryAfterBaseValue: options.retryBaseDelayMs ?? 500,
        },
        log,
    });
    client.hook.before("request", (request) => {
        request.headers.authorization = `Bearer ${options.token}`;
        if (request.headers.accept === undefined || request.headers.accept === OCTOKIT_DEFAULT_ACCEPT) {
            request.headers.accept = GITHUB_JSON;
        }
        request.headers["x-github-api-version"] = GITHUB_API_VERSION;
    });
    return client;
}
