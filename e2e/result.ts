// The gate's result model: what each check reports, how a run is judged, and what a failure points at.

export type CheckOutcome = "pass" | "fail" | "skip";

/** What an operator should look at: the credentials, the deployment (reachability/health), or the data path. */
export type Category = "credentials" | "deployment" | "data-path";

export const CATEGORY_HINT: Record<Category, string> = {
    credentials:
        "credentials problem: check SERVICERADAR_ADMIN_USER / SERVICERADAR_ADMIN_PASSWORD and token acceptance",
    deployment: "deployment problem: the release is unreachable or unhealthy (URL, ingress, pods, database readiness)",
    "data-path": "data-path problem: the API is up and login works, but queries or device reads are broken",
};

export interface CheckResult {
    id: string;
    name: string;
    outcome: CheckOutcome;
    durationMs: number;
    /** Set on failures: which part of the system is implicated. */
    category?: Category;
    /** One line: what happened (why it failed, why it was skipped, or what passed). */
    message: string;
    /** HTTP status of the response that decided the result, when there was one. */
    httpStatus?: number;
    /** Redacted, truncated response body on failure. */
    bodyExcerpt?: string;
}

export interface GateResult {
    checks: CheckResult[];
    passed: boolean;
    durationMs: number;
}

export const CHECK_NAMES = {
    readiness: "deployment ready (GET /health/ready)",
    liveness: "API liveness (GET /health/live)",
    auth: "authentication (POST /oauth/token, password grant)",
    query: 'SRQL query (POST /api/query "show devices" limit 1)',
    devices: "device list (GET /api/devices)",
} as const;

export type CheckId = keyof typeof CHECK_NAMES;

export function checkResult(
    id: CheckId,
    outcome: CheckOutcome,
    durationMs: number,
    message: string,
    extra: Partial<CheckResult> = {},
): CheckResult {
    return { id, name: CHECK_NAMES[id], outcome, durationMs, message, ...extra };
}

/** The gate passes only when every check passed: a skipped check is not a pass. */
export function gatePassed(checks: CheckResult[]): boolean {
    return checks.length > 0 && checks.every((check) => check.outcome === "pass");
}

export function skipped(id: CheckId, message: string): CheckResult {
    return checkResult(id, "skip", 0, message);
}
