// The policy pack's files as the Pulumi CLI reads them: where the pack lives, which `--policy-pack-config` file a stack
// passes, and the pack's version. No validation library here: the program (Pulumi Deployments' policy group), the
// offline plan and the environment-branch check all read the files through this module.
import * as fs from "fs";
import * as path from "path";

/** A policy config file the CLI would refuse (bad enforcement level, a value its configSchema rejects). */
export class PolicyConfigError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "PolicyConfigError";
    }
}

/** Where the pack lives; the CLI runs it as `--policy-pack policies`. */
export const POLICY_PACK_DIR = path.resolve(__dirname, "..", "policies");

/** The pack folder of the project at `root` (beside its stack files), for commands that take `--root`. */
export function projectPolicyPackDir(root: string): string {
    return path.join(root, path.basename(POLICY_PACK_DIR));
}

/** `policies/<stack>.json`: the file a stack passes as `--policy-pack-config`. */
export function policyConfigPath(stack: string, packDir: string = POLICY_PACK_DIR): string {
    return path.join(packDir, `${stack}.json`);
}

/**
 * The policy config an environment's stack passes: its own `policies/<env>.json`, or else the file of the nearest
 * environment before it in the promotion order, so a new environment after demo is judged like demo without a file
 * of its own.
 */
export function policyConfigFor(
    stack: string,
    chain: readonly string[],
    packDir: string = POLICY_PACK_DIR,
): string | undefined {
    const index = chain.indexOf(stack);
    const candidates = [stack, ...chain.slice(0, Math.max(index, 0)).reverse()];
    const found = candidates.map((env) => policyConfigPath(env, packDir)).find((file) => fs.existsSync(file));
    // A stack outside the list has no environment to be judged as: the program refuses it, naming the list.
    if (found === undefined && index >= 0) {
        throw new PolicyConfigError(
            `no policy config for ${stack}: add ${path.relative(process.cwd(), policyConfigPath(stack, packDir))}`,
        );
    }
    return found;
}

/**
 * The file an environment of `environments` passes as `--policy-pack-config`: for one of them a file is always found
 * (else `policyConfigFor` throws naming the file to add); outside the list, its own `policies/<env>.json`.
 */
export function environmentPolicyConfig(
    environment: string,
    environments: readonly string[],
    packDir: string = POLICY_PACK_DIR,
): string {
    return policyConfigFor(environment, environments, packDir) ?? policyConfigPath(environment, packDir);
}

/** Reads a `--policy-pack-config` file; an empty file is an empty config, as the CLI allows. */
export function loadPolicyConfig(file: string): object {
    const text = fs.readFileSync(file, "utf8");
    if (text.trim() === "") return {};
    const parsed = JSON.parse(text) as unknown;
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
        throw new PolicyConfigError(`${file}: a policy pack config is a JSON object of policy names`);
    }
    return parsed;
}

/** The pack version, read where the Pulumi CLI reads it: policies/package.json. */
export function policyPackVersion(packDir: string = POLICY_PACK_DIR): string {
    const pkg = JSON.parse(fs.readFileSync(path.join(packDir, "package.json"), "utf8")) as { version?: string };
    if (!pkg.version) throw new Error(`${packDir}/package.json has no version; the policy pack needs one`);
    return pkg.version;
}
