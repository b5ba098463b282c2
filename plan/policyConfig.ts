// The policy pack's configuration as the Pulumi CLI reads a `--policy-pack-config` file: how its levels and properties
// reach each policy (which file a stack passes: lib/policyPackFiles.ts). Nothing here touches @pulumi/policy's internals.
import Ajv, { ValidateFunction } from "ajv";
import type { EnforcementLevel, Policies, PolicyConfigSchema } from "@pulumi/policy";

export {
    loadPolicyConfig,
    PolicyConfigError,
    policyConfigFor,
    policyConfigPath,
    POLICY_PACK_DIR,
    policyPackVersion,
} from "../lib/policyPackFiles";
import { PolicyConfigError } from "../lib/policyPackFiles";

const LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];
/** The level PolicyPack gives policies that set none (PolicyPackArgs.enforcementLevel is not set in policies/index.ts). */
export const PACK_ENFORCEMENT_LEVEL: EnforcementLevel = "advisory";

export interface ReconciledPolicyConfig {
    enforcementLevel: EnforcementLevel;
    properties: Record<string, unknown>;
}

function isLevel(value: unknown): value is EnforcementLevel {
    return typeof value === "string" && (LEVELS as readonly string[]).includes(value);
}

const ajv = new Ajv({ allErrors: true, strict: false });
const validators = new Map<string, ValidateFunction>();

/**
 * A policy's configSchema compiled once per distinct schema: compiling is most of a plan's policy check, and every
 * plan loads the pack afresh, so the policy objects differ while their schemas do not.
 */
function configValidator(configSchema: PolicyConfigSchema): ValidateFunction {
    const schema = {
        type: "object",
        properties: { ...configSchema.properties, enforcementLevel: { type: "string", enum: [...LEVELS] } },
        ...(configSchema.required ? { required: configSchema.required } : {}),
    };
    const key = JSON.stringify(schema);
    let validate = validators.get(key);
    if (!validate) {
        validate = ajv.compile(schema);
        validators.set(key, validate);
    }
    return validate;
}

/**
 * What the Pulumi CLI does with a `--policy-pack-config` file before it calls the analyzer's Configure: each policy
 * starts from its own level (or the pack's) and its configSchema defaults; `all` sets every policy's level; a
 * policy's own entry (a level string, or an object with `enforcementLevel` and properties) overrides that; the result
 * is validated against each policy's configSchema. How the analyzer then applies the levels is left to @pulumi/policy.
 */
export function reconcilePolicyConfig(policies: Policies, config: object): Record<string, ReconciledPolicyConfig> {
    const given = new Map<string, { level?: EnforcementLevel; properties: Record<string, unknown> }>();
    for (const [name, value] of Object.entries(config)) {
        if (typeof value === "string") {
            if (!isLevel(value))
                throw new PolicyConfigError(
                    `${name}: ${JSON.stringify(value)} is not an enforcement level (${LEVELS.join(", ")})`,
                );
            given.set(name, { level: value, properties: {} });
        } else if (value !== null && typeof value === "object" && !Array.isArray(value)) {
            const { enforcementLevel, ...properties } = value as Record<string, unknown>;
            if (enforcementLevel !== undefined && !isLevel(enforcementLevel)) {
                throw new PolicyConfigError(
                    `${name}: ${JSON.stringify(enforcementLevel)} is not an enforcement level (${LEVELS.join(", ")})`,
                );
            }
            given.set(name, { level: enforcementLevel, properties });
        } else {
            throw new PolicyConfigError(
                `${name}: ${JSON.stringify(value)} is not valid; a policy's config is a level string or an object`,
            );
        }
    }

    const result: Record<string, ReconciledPolicyConfig> = {};
    for (const policy of policies) {
        const defaults: Record<string, unknown> = {};
        for (const [key, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
            if (typeof schema === "object" && schema.default !== undefined)
                defaults[key] = structuredClone(schema.default);
        }
        result[policy.name] = {
            enforcementLevel: policy.enforcementLevel ?? PACK_ENFORCEMENT_LEVEL,
            properties: defaults,
        };
    }
    const all = given.get("all");
    if (all?.level !== undefined) {
        for (const name of Object.keys(result)) result[name].enforcementLevel = all.level;
    }
    for (const [name, entry] of given) {
        if (name === "all" || result[name] === undefined) continue; // the CLI ignores entries for policies the pack lacks
        if (entry.level !== undefined) result[name].enforcementLevel = entry.level;
        Object.assign(result[name].properties, entry.properties);
    }

    const errors: string[] = [];
    for (const policy of policies) {
        if (!policy.configSchema) continue;
        const validate = configValidator(policy.configSchema);
        if (!validate(result[policy.name].properties)) {
            for (const e of validate.errors ?? [])
                errors.push(`${policy.name}: ${e.instancePath || "(root)"} ${e.message ?? "is invalid"}`);
        }
    }
    if (errors.length > 0) throw new PolicyConfigError(`invalid policy pack config: ${errors.join("; ")}`);
    return result;
}
