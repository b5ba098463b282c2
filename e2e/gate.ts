// The whole gate: readiness first, then the checks that need a ready release, then the ones that need a token.

import { checkAuth, checkDevices, checkLiveness, checkQuery } from "./checks";
import { GateDeps, GateOptions, makeContext } from "./probe";
import { waitForReady } from "./readiness";
import { CheckResult, GateResult, gatePassed, skipped } from "./result";

/**
 * Runs the whole gate: wait for readiness, then liveness, token, query, devices.
 * When readiness fails, the token and the checks that need it are skipped (a not-ready release would only burn
 * password attempts); when the token cannot be obtained, the query and device checks are skipped.
 * A skipped check never counts as passed.
 */
export async function runGate(opts: GateOptions, deps: GateDeps = {}): Promise<GateResult> {
    const ctx = makeContext(opts, deps);
    const shared: GateDeps = { ...deps, redactor: ctx.redactor, now: ctx.now, sleep: ctx.sleep, fetch: ctx.fetch };
    const started = ctx.now();
    const checks: CheckResult[] = [];

    const readiness = await waitForReady(opts, shared);
    checks.push(readiness);
    checks.push(await checkLiveness(opts, shared));

    if (readiness.outcome !== "pass") {
        checks.push(skipped("auth", "skipped: the deployment never became ready"));
        checks.push(skipped("query", "skipped: the deployment never became ready"));
        checks.push(skipped("devices", "skipped: the deployment never became ready"));
    } else {
        const auth = await checkAuth(opts, shared);
        checks.push(auth.check);
        if (auth.token) {
            checks.push(await checkQuery(opts, auth.token, shared));
            checks.push(await checkDevices(opts, auth.token, shared));
        } else {
            checks.push(skipped("query", "skipped: no token (authentication failed)"));
            checks.push(skipped("devices", "skipped: no token (authentication failed)"));
        }
    }

    return {
        checks,
        passed: gatePassed(checks),
        durationMs: ctx.now() - started,
    };
}
