// Local stand-ins for ServiceRadar web-ng and the GitHub statuses API, on 127.0.0.1 with ephemeral ports.

import { IncomingMessage } from "node:http";
import { Handler, LoopbackServer, send, startLoopbackServer } from "../support/loopbackServer";

export const ADMIN_USER = "root@localhost";
export const ADMIN_PASSWORD = "Pa55-w0rd&secret!";
export const ACCESS_TOKEN = "eyJhbGciOiJIUzI1NiJ9.test-access-token.sig";

export interface FakeServiceRadarOptions {
    username?: string;
    password?: string;
    token?: string;
    /** Number of 503 answers from /health/ready before it turns 200 (Infinity: never ready). */
    notReadyCount?: number;
    /** Overrides by "METHOD /path". */
    routes?: Record<string, Handler>;
}

function bearer(req: IncomingMessage): string | undefined {
    const header = req.headers.authorization ?? "";
    const match = /^Bearer (.+)$/.exec(header);
    return match ? match[1] : undefined;
}

/** web-ng limits the password grant per client IP: after 10 attempts within 60 s it answers 429 `slow_down`. */
export const PASSWORD_ATTEMPTS_PER_WINDOW = 10;
const PASSWORD_WINDOW_MS = 60_000;

/**
 * Speaks the documented request and response shapes of web-ng (see HTTP-API.md): a wrong password is 401
 * `invalid_grant`, and password grants beyond the documented limit are 429 `slow_down`, right or wrong.
 */
export async function startFakeServiceRadar(options: FakeServiceRadarOptions = {}): Promise<LoopbackServer> {
    const username = options.username ?? ADMIN_USER;
    const password = options.password ?? ADMIN_PASSWORD;
    const token = options.token ?? ACCESS_TOKEN;
    let readyCalls = 0;
    /** When each password grant arrived (one client IP here: every request comes from 127.0.0.1). */
    let passwordAttempts: number[] = [];
    const defaults: Record<string, Handler> = {
        "GET /health/live": (_req, res) => send(res, 200, "ok"),
        "GET /health/ready": (_req, res) => {
            readyCalls += 1;
            if (readyCalls <= (options.notReadyCount ?? 0)) {
                send(res, 503, "not ready");
            } else {
                send(res, 200, "ready");
            }
        },
        "POST /oauth/token": (req, res, body) => {
            const form = new URLSearchParams(body);
            const isForm = (req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded");
            if (form.get("grant_type") === "password") {
                const now = Date.now();
                passwordAttempts = passwordAttempts.filter((at) => now - at < PASSWORD_WINDOW_MS);
                passwordAttempts.push(now);
                if (passwordAttempts.length > PASSWORD_ATTEMPTS_PER_WINDOW) {
                    send(res, 429, { error: "slow_down" });
                    return;
                }
            }
            if (
                isForm &&
                form.get("grant_type") === "password" &&
                form.get("username") === username &&
                form.get("password") === password
            ) {
                send(res, 200, { access_token: token, token_type: "Bearer", expires_in: 3600, scope: "read write" });
            } else {
                send(res, 401, { error: "invalid_grant", error_description: "Invalid username or password" });
            }
        },
        "POST /api/query": (req, res, body) => {
            if (bearer(req) !== token) {
                send(res, 401, { error: "authentication_required" });
                return;
            }
            let parsed: { query?: unknown; limit?: unknown };
            try {
                parsed = JSON.parse(body) as { query?: unknown; limit?: unknown };
            } catch {
                send(res, 400, { error: "invalid JSON body" });
                return;
            }
            if (parsed.query !== "show devices" || parsed.limit !== 1) {
                send(res, 400, { error: `unsupported query ${String(parsed.query)}` });
                return;
            }
            send(res, 200, {
                results: [{ uid: "sr:dev-1", hostname: "edge-1", is_available: true }],
                pagination: { next_cursor: null, prev_cursor: null, limit: 1 },
                viz: null,
                error: null,
            });
        },
        "GET /api/devices": (req, res) => {
            if (bearer(req) !== token) {
                send(res, 401, { error: "authentication_required" });
                return;
            }
            send(res, 200, [
                { uid: "sr:dev-1", hostname: "edge-1" },
                { uid: "sr:dev-2", hostname: "edge-2" },
            ]);
        },
    };
    const routes = { ...defaults, ...options.routes };
    return startLoopbackServer((req, res, body) => {
        const path = (req.url ?? "").split("?")[0];
        const handler = routes[`${req.method} ${path}`];
        if (handler) {
            handler(req, res, body);
        } else {
            send(res, 404, { error: "not found" });
        }
    });
}

export interface PostedStatus {
    path: string;
    authorization: string | undefined;
    accept: string | undefined;
    apiVersion: string | undefined;
    body: { state?: string; context?: string; description?: string; target_url?: string };
}

/** Records POST /repos/{owner}/{repo}/statuses/{sha}; `answer` can make it fail. */
export async function startFakeGitHub(
    answer: (count: number) => { status: number; body: unknown } = () => ({ status: 201, body: { id: 1 } }),
): Promise<LoopbackServer & { statuses: PostedStatus[] }> {
    const statuses: PostedStatus[] = [];
    const server = await startLoopbackServer((req, res, body) => {
        if (req.method !== "POST" || !/^\/repos\/[^/]+\/[^/]+\/statuses\/[0-9a-f]{40}$/.test(req.url ?? "")) {
            send(res, 404, { message: "Not Found" });
            return;
        }
        statuses.push({
            path: req.url ?? "",
            authorization: req.headers.authorization,
            accept: req.headers.accept,
            apiVersion: req.headers["x-github-api-version"] as string | undefined,
            body: JSON.parse(body) as PostedStatus["body"],
        });
        const reply = answer(statuses.length);
        send(res, reply.status, reply.body);
    });
    return Object.assign(server, { statuses });
}

/** Collects what the CLI writes. */
export function captureIO(): {
    stdout: string[];
    stderr: string[];
    io: { stdout: (l: string) => void; stderr: (l: string) => void };
    all: () => string;
} {
    const stdout: string[] = [];
    const stderr: string[] = [];
    return {
        stdout,
        stderr,
        io: { stdout: (line) => stdout.push(line), stderr: (line) => stderr.push(line) },
        all: () => [...stdout, ...stderr].join("\n"),
    };
}

/**
 * A strict-enough XML 1.0 well-formedness check for generated reports: one root, balanced and properly nested
 * tags, quoted and unique attributes, only the five predefined or numeric entities, no raw `<` or `&` in text.
 * Returns the element names in document order.
 */
export function assertWellFormedXml(xml: string): string[] {
    let rest = xml.replace(/^<\?xml [^?]*\?>\s*/, "");
    const stack: string[] = [];
    const elements: string[] = [];
    let roots = 0;
    const checkText = (text: string): void => {
        if (/<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text)) {
            throw new Error(`invalid character data: ${text.slice(0, 60)}`);
        }
    };
    while (rest.length > 0) {
        const lt = rest.indexOf("<");
        if (lt < 0) {
            if (rest.trim() !== "") {
                throw new Error("text after the root element");
            }
            break;
        }
        const text = rest.slice(0, lt);
        if (stack.length === 0 && text.trim() !== "") {
            throw new Error("text outside the root element");
        }
        checkText(text);
        const gt = rest.indexOf(">", lt);
        if (gt < 0) {
            throw new Error("unterminated tag");
        }
        const tag = rest.slice(lt + 1, gt);
        rest = rest.slice(gt + 1);
        if (tag.startsWith("/")) {
            const name = tag.slice(1).trim();
            if (stack.pop() !== name) {
                throw new Error(`mismatched closing tag </${name}>`);
            }
            continue;
        }
        const selfClosing = tag.endsWith("/");
        const inner = selfClosing ? tag.slice(0, -1) : tag;
        const nameMatch = /^([A-Za-z_][\w.-]*)/.exec(inner);
        if (!nameMatch) {
            throw new Error(`bad tag <${tag}>`);
        }
        const attrs = inner.slice(nameMatch[1].length);
        const attrPattern = /\s+([A-Za-z_][\w.-]*)="([^"]*)"/y;
        const seen = new Set<string>();
        let index = 0;
        while (index < attrs.trimEnd().length) {
            attrPattern.lastIndex = index;
            const attr = attrPattern.exec(attrs);
            if (!attr) {
                throw new Error(`bad attributes in <${tag}>`);
            }
            if (seen.has(attr[1])) {
                throw new Error(`duplicate attribute ${attr[1]}`);
            }
            seen.add(attr[1]);
            checkText(attr[2]);
            index = attrPattern.lastIndex;
        }
        if (stack.length === 0) {
            roots += 1;
            if (roots > 1) {
                throw new Error("more than one root element");
            }
        }
        elements.push(nameMatch[1]);
        if (!selfClosing) {
            stack.push(nameMatch[1]);
        }
    }
    if (stack.length > 0) {
        throw new Error(`unclosed element <${stack[stack.length - 1]}>`);
    }
    if (roots !== 1) {
        throw new Error("no root element");
    }
    return elements;
}
