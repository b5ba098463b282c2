import type { PlanDiff } from "../../plan/diff";

/** A diff of `demo` against `main` in which nothing changed; `over` sets the parts a test is about. */
export function emptyPlanDiff(over: Partial<PlanDiff> = {}): PlanDiff {
    return {
        stack: "demo",
        ref: "main",
        stackAtRef: true,
        added: [],
        changed: [],
        replaced: [],
        deleted: [],
        outputs: [],
        hydratedFiles: [],
        policyViolations: { introduced: [], resolved: [] },
        ...over,
    };
}
