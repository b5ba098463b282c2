import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { HYDRATED_ENVIRONMENT_KIND } from "./programContract";

/** The name of a rule's twin that judges what a stack writes for a later environment. */
export const PROMOTED_SUFFIX = "-promoted";

/** Where content goes when the stack that declares it is not the environment that will run it. */
export interface PromotedTarget {
    /** The environment that will run it (demo). */
    environment: string;
    /** The environment whose gates it passes first: the declaring stack's own (demo-staging). */
    from: string;
}

/**
 * The environment a resource's content reaches when that is not the declaring stack's own: the pipeline stack's
 * hydration of a later environment's branch (`promotedFrom` is set by the program). Everything else runs where it
 * is declared.
 */
export function promotedTarget(props: Record<string, unknown>): PromotedTarget | undefined {
    if (props.kind !== HYDRATED_ENVIRONMENT_KIND) return undefined;
    const { environment, promotedFrom } = props;
    if (typeof environment !== "string" || typeof promotedFrom !== "string") return undefined;
    return { environment, from: promotedFrom };
}

type ScopedPolicy = ResourceValidationPolicy | StackValidationPolicy;

function reachesNote(target: PromotedTarget): string {
    return ` [reaches ${target.environment}: written by ${target.from}'s stack for ${target.environment}, judged at ${target.environment}'s level]`;
}

/**
 * Restricts a rule to the resources of one scope. A resource policy skips resources outside it; a stack policy sees
 * only the resources inside it, and each message names the environment the content reaches.
 */
function scoped<P extends ScopedPolicy>(policy: P, promoted: boolean, overrides: Partial<ScopedPolicy>): P {
    const inScope = (props: Record<string, unknown>) => (promotedTarget(props) !== undefined) === promoted;
    const note = (props: Record<string, unknown>) => {
        const target = promotedTarget(props);
        return target ? reachesNote(target) : "";
    };
    if ("validateResource" in policy && typeof policy.validateResource === "function") {
        const validate = policy.validateResource;
        return {
            ...policy,
            ...overrides,
            validateResource: (args, reportViolation) => {
                if (!inScope(args.props)) return;
                return validate(args, (message, urn) => reportViolation(message + note(args.props), urn));
            },
        } as P;
    }
    const stackPolicy = policy as StackValidationPolicy;
    const validate = stackPolicy.validateStack;
    if (typeof validate !== "function") throw new Error(`${policy.name}: only function validators can be scoped`);
    return {
        ...stackPolicy,
        ...overrides,
        validateStack: (args, reportViolation) => {
            const resources = args.resources.filter((r) => inScope(r.props));
            const byUrn = new Map(resources.map((r) => [r.urn, r.props]));
            return validate({ ...args, resources }, (message, urn) =>
                reportViolation(message + note((urn && byUrn.get(urn)) || {}), urn),
            );
        },
    } as P;
}

/** The rule over what runs in the declaring stack's own environment, at that stack's level. */
export function forOwnEnvironment<P extends ScopedPolicy>(policy: P): P {
    return scoped(policy, false, {});
}

/**
 * The rule over what the stack writes for a later environment (the pipeline stack's hydration of demo), registered
 * under its own name so that its level can be the later environment's (mandatory) while the same rule stays at the
 * declaring stack's level (advisory) for what stays there.
 */
export function forPromotedContent<P extends ScopedPolicy>(policy: P): P {
    return scoped(policy, true, {
        name: `${policy.name}${PROMOTED_SUFFIX}`,
        description:
            `${policy.description} This twin judges what a stack writes for a later environment (the pipeline ` +
            "stack's hydration of demo), at that environment's level.",
    });
}
