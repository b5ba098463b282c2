// The gate's checks against the ServiceRadar HTTP API (web-ng) once it is ready: liveness, token, SRQL query, devices.

import { RequestFailure, tryParseJson } from "../lib/cli/http";
import { excerpt, untrustedText } from "../lib/cli/sanitize";
import { GateDeps, GateOptions, describeRedirect, httpFail, jsonError, makeContext, requestFail, send } from "./probe";
import { CheckResult, checkResult } from "./result";

/** GET /health/live must answer 200 (text `ok`). */
export async function checkLiveness(opts: GateOptions, deps: GateDeps = {}): Promise<CheckResult> {
    const ctx = makeContext(opts, deps);
    const started = ctx.now();
    const response = await send(ctx, "GET", "/health/live");
    if (response instanceof RequestFailure) {
        return requestFail(ctx, "liveness", started, "deployment", response);
    }
    if (response.status === 200) {
        const body = response.body.trim();
        const note = body.toLowerCase() === "ok" ? "ok" : `HTTP 200 (body "${excerpt(body, ctx.redactor, 40)}")`;
        return checkResult("liveness", "pass", ctx.now() - started, note, { httpStatus: 200 });
    }
    if (response.status >= 300 && response.status < 400) {
        return httpFail(ctx, "liveness", started, "deployment", describeRedirect(response), response);
    }
    return httpFail(
        ctx,
        "liveness",
        started,
        "deployment",
        `expected HTTP 200 "ok", got HTTP ${response.status}`,
        response,
    );
}

export interface AuthResult {
    check: CheckResult;
    token?: string;
}

/** POST /oauth/token with the password grant; returns the access token on success. */
export async function checkAuth(opts: GateOptions, deps: GateDeps = {}): Promise<AuthResult> {
    const ctx = makeContext(opts, deps);
    const started = ctx.now();
    const form = new URLSearchParams({ grant_type: "password", username: opts.username, password: opts.password });
    const response = await send(ctx, "POST", "/oauth/token", {
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        body: form.toString(),
    });
    if (response instanceof RequestFailure) {
        return { check: requestFail(ctx, "auth", started, "deployment", response) };
    }
    const status = response.status;
    if (status === 200) {
        const parsed = tryParseJson(response.body);
        const record =
            parsed.ok && parsed.value !== null && typeof parsed.value === "object"
                ? (parsed.value as Record<string, unknown>)
                : undefined;
        const token = record && typeof record.access_token === "string" ? record.access_token : "";
        if (!token) {
            const why = parsed.ok ? "no access_token in the response" : `response is not JSON (${parsed.error})`;
            return { check: httpFail(ctx, "auth", started, "deployment", `HTTP 200 but ${why}`, response) };
        }
        ctx.redactor.add(token);
        const tokenType = typeof record?.token_type === "string" ? untrustedText(record.token_type, 40) : "unknown";
        const expires = typeof record?.expires_in === "number" ? `, expires in ${record.expires_in}s` : "";
        const note = tokenType.toLowerCase() === "bearer" ? "" : ` (unexpected token_type "${tokenType}")`;
        return {
            check: checkResult(
                "auth",
                "pass",
                ctx.now() - started,
                `token issued for ${opts.username} (${tokenType}${expires})${note}`,
                {
                    httpStatus: 200,
                },
            ),
            token,
        };
    }
    const error = jsonError(response.body);
    if (status === 400 || status === 401 || status === 403) {
        return {
            check: httpFail(
                ctx,
                "auth",
                started,
                "credentials",
                `credentials rejected for ${opts.username} (HTTP ${status}${error ? ` ${error}` : ""}): check the admin user and password for this environment`,
                response,
            ),
        };
    }
    if (status === 429) {
        return {
            check: httpFail(
                ctx,
                "auth",
                started,
                "credentials",
                `rate limited (HTTP 429${error ? ` ${error}` : ""}): too many password attempts from this IP; wait a minute before retrying`,
                response,
            ),
        };
    }
    if (status >= 300 && status < 400) {
        return { check: httpFail(ctx, "auth", started, "deployment", describeRedirect(response), response) };
    }
    return {
        check: httpFail(
            ctx,
            "auth",
            started,
            "deployment",
            `token endpoint answered HTTP ${status}${error ? ` ${error}` : ""}`,
            response,
        ),
    };
}

/** Common handling of bearer-authenticated endpoints; `validate` judges a 200 body. */
async function bearerCheck(
    id: "query" | "devices",
    opts: GateOptions,
    deps: GateDeps,
    token: string,
    method: "GET" | "POST",
    path: string,
    body: string | undefined,
    validate: (value: unknown) => { ok: true; message: string } | { ok: false; message: string },
): Promise<CheckResult> {
    const ctx = makeContext(opts, deps);
    ctx.redactor.add(token);
    const started = ctx.now();
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: "application/json" };
    if (body !== undefined) {
        headers["content-type"] = "application/json";
    }
    const response = await send(ctx, method, path, { headers, body });
    if (response instanceof RequestFailure) {
        return requestFail(ctx, id, started, response.kind === "timeout" ? "data-path" : "deployment", response);
    }
    const status = response.status;
    const error = jsonError(response.body);
    if (status === 200) {
        const parsed = tryParseJson(response.body);
        if (!parsed.ok) {
            return httpFail(
                ctx,
                id,
                started,
                "data-path",
                `HTTP 200 but the body is not valid JSON (${parsed.error})`,
                response,
            );
        }
        const verdict = validate(parsed.value);
        if (!verdict.ok) {
            return httpFail(ctx, id, started, "data-path", verdict.message, response);
        }
        return checkResult(id, "pass", ctx.now() - started, verdict.message, { httpStatus: 200 });
    }
    if (status === 401 || status === 403) {
        return httpFail(
            ctx,
            id,
            started,
            "credentials",
            `token refused by ${path} (HTTP ${status}${error ? ` ${error}` : ""}): the token issued by /oauth/token is not accepted here`,
            response,
        );
    }
    if (status >= 300 && status < 400) {
        return httpFail(ctx, id, started, "data-path", describeRedirect(response), response);
    }
    const what = status === 400 ? "request rejected" : status >= 500 ? "server error" : "unexpected answer";
    return httpFail(ctx, id, started, "data-path", `${what} (HTTP ${status}${error ? ` ${error}` : ""})`, response);
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** POST /api/query `show devices` limit 1: a JSON object with a `results` array and no `error`. */
export function checkQuery(opts: GateOptions, token: string, deps: GateDeps = {}): Promise<CheckResult> {
    return bearerCheck(
        "query",
        opts,
        deps,
        token,
        "POST",
        "/api/query",
        JSON.stringify({ query: "show devices", limit: 1 }),
        (value) => {
            if (value === null || typeof value !== "object" || Array.isArray(value)) {
                return { ok: false, message: "HTTP 200 but the body is not a JSON object" };
            }
            const record = value as Record<string, unknown>;
            if (record.error !== undefined && record.error !== null) {
                const text = typeof record.error === "string" ? record.error : JSON.stringify(record.error);
                return { ok: false, message: `query returned an error: ${untrustedText(text, 120)}` };
            }
            if (!Array.isArray(record.results)) {
                return { ok: false, message: 'HTTP 200 but "results" is missing or not an array' };
            }
            return { ok: true, message: `well-formed result (${plural(record.results.length, "row")})` };
        },
    );
}

/** GET /api/devices: a JSON array. */
export function checkDevices(opts: GateOptions, token: string, deps: GateDeps = {}): Promise<CheckResult> {
    return bearerCheck("devices", opts, deps, token, "GET", "/api/devices", undefined, (value) => {
        if (!Array.isArray(value)) {
            return { ok: false, message: "HTTP 200 but the body is not a JSON array" };
        }
        return { ok: true, message: `${plural(value.length, "device")} listed` };
    });
}
