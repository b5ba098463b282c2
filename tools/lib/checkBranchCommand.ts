// `tsx tools/check-branch.ts --environment <env> --dir <checkout> [--root <dir>]`: judges a checkout of an environment
// branch (what GitOps Promoter merges and Argo CD syncs) by what it makes the environment run, with the policy pack
// itself at that environment's levels (policies/<env>.json). The branch's files become the one resource the pack
// already judges for the program's hydration of that branch, so no rule is written twice.

import * as fs from "node:fs";
import * as path from "node:path";
import { commandEntry } from "../../lib/cli/entry";
import { UsageError, parseCommandLine } from "../../lib/cli/args";
import { EXIT, ExitCode } from "../../lib/cli/exitCodes";
import { environmentPolicyConfig, loadPolicyConfig, projectPolicyPackDir } from "../../lib/policyPackFiles";
import type { PlannedResource } from "../../plan/mockRuntime";
import { checkPolicies, PolicyViolation } from "../../plan/policyCheck";
import { DYNAMIC_RESOURCE_TYPE, isChartFile, isValuesFile } from "../../policies/lib/dryFiles";
import { ENVIRONMENT_BRANCH_PREFIX, HYDRATED_ENVIRONMENT_KIND } from "../../policies/lib/programContract";
import { Output, REPOSITORY_ROOT, ToolContext, contextOutput, guardedOutput } from "./args";
import { reportCommandError } from "./commandErrors";
import { stackReleaseConfig } from "./stackSettings";
import { isStackName, readProjectFile } from "../../config/stackFile";

export const CHECK_BRANCH_USAGE = `Usage: tsx tools/check-branch.ts --environment <env> --dir <checkout> [--root <dir>]

Judges a checkout of environment/<environment> (or a pull request into it) by what it makes the environment run:
the umbrella Chart.yaml's dependency versions and every values file at the top of the checkout (values-release.yaml
pins, values-environment.yaml), with the policy pack at the environment's levels (policies/<environment>.json, or the
file of the nearest environment before it). Prints every finding; exits 1 when a mandatory one fires.
Exit codes: 0 no mandatory finding, 1 a mandatory finding, 2 usage or input error, 5 internal error.`;

/** The files Argo CD renders the environment from: Chart.yaml and the values files at the branch's top. */
export function readEnvironmentBranch(dir: string): Record<string, string> {
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
        throw new UsageError(`--dir ${JSON.stringify(dir)} is not a directory (a checkout of the environment branch)`);
    }
    const files = Object.fromEntries(
        fs
            .readdirSync(dir, { withFileTypes: true })
            .filter((entry) => entry.isFile() && (isChartFile(entry.name) || isValuesFile(entry.name)))
            .map((entry) => [entry.name, fs.readFileSync(path.join(dir, entry.name), "utf8")]),
    );
    if (!("Chart.yaml" in files)) {
        throw new UsageError(`${dir} has no Chart.yaml: not a hydrated environment branch`);
    }
    return files;
}

/**
 * The branch content as the resource the pack judges for a hydration of that branch, declared by the environment's
 * own stack (no `promotedFrom`): the rules apply under their own names, at the environment's levels.
 */
export function environmentBranchResource(
    project: string,
    environment: string,
    files: Record<string, string>,
): PlannedResource {
    const branch = `${ENVIRONMENT_BRANCH_PREFIX}${environment}`;
    return {
        type: DYNAMIC_RESOURCE_TYPE,
        name: branch,
        urn: `urn:pulumi:${environment}::${project}::${DYNAMIC_RESOURCE_TYPE}::${branch}`,
        custom: true,
        inputs: { kind: HYDRATED_ENVIRONMENT_KIND, environment, branch, files },
        options: { protect: false, retainOnDelete: false, deleteBeforeReplace: false, dependsOn: [], aliases: [] },
    };
}

/**
 * The pack's verdict on a checkout of an environment branch, at the environment's levels. The environment is checked
 * first (a stack of the project's `environments`, as the program refuses any other), then the checkout is read.
 */
export async function checkEnvironmentBranch(
    root: string,
    environment: string,
    dir: string,
): Promise<{ violations: PolicyViolation[]; policyFile: string }> {
    const config = stackReleaseConfig(root, environment);
    // The levels are the project's (<root>/policies, beside its stack files), as npm run environments reports them.
    const policyFile = environmentPolicyConfig(environment, config.environments, projectPolicyPackDir(root));
    const files = readEnvironmentBranch(dir);
    const violations = await checkPolicies(
        [environmentBranchResource(config.project, environment, files)],
        loadPolicyConfig(policyFile),
        { project: config.project, stack: environment },
    );
    return { violations, policyFile };
}

export async function runCheckBranch(
    argv: readonly string[],
    given: Output,
    options: { root: string },
): Promise<ExitCode> {
    const io = guardedOutput(given);
    try {
        const args = parseCommandLine(
            argv,
            { environment: "string", dir: "string", root: "string" },
            { positionals: false },
        );
        if (args.help) {
            io.out(CHECK_BRANCH_USAGE);
            return EXIT.ok;
        }
        const environment = args.strings.get("environment");
        if (environment === undefined) throw new UsageError("--environment <environment> is required");
        if (!isStackName(environment)) {
            throw new UsageError(
                `--environment ${JSON.stringify(environment)} is not an environment name (not a path)`,
            );
        }
        const dir = args.strings.get("dir");
        if (dir === undefined) throw new UsageError("--dir <checkout of the environment branch> is required");
        const root = args.strings.get("root") ?? options.root;
        readProjectFile(root);
        const { violations, policyFile } = await checkEnvironmentBranch(root, environment, dir);
        const shown = path.relative(root, policyFile);
        const branch = `${ENVIRONMENT_BRANCH_PREFIX}${environment}`;
        for (const v of violations) io.out(`[${v.level}] ${v.policy}: ${v.message}`);
        const mandatory = violations.filter((v) => v.level === "mandatory").length;
        if (mandatory > 0) {
            io.err(`check-branch: ${branch} refused: ${mandatory} mandatory finding(s) at ${shown}'s levels`);
            return EXIT.branchRefused;
        }
        io.out(`check-branch: ${branch} passes ${shown} (${violations.length} advisory finding(s))`);
        return EXIT.ok;
    } catch (err) {
        return reportCommandError("check-branch", io, err);
    }
}

/** `tsx tools/check-branch.ts ...` as a command (what tools/check-branch.ts runs). */
export const runCheckBranchCommand = commandEntry("check-branch", EXIT.internalError, (argv, context: ToolContext) =>
    runCheckBranch(argv, contextOutput(context), { root: context.root ?? REPOSITORY_ROOT }),
);
