// What `npm run status` needs from the project's configuration: the environments in promotion order, which of them
// GitOps Promoter merges into by itself, and the ServiceRadar repository. Read as the plan reads them: Pulumi.yaml's
// defaults, overridden by the pipeline stack's file.

import { isValidRepo } from "../githubStatus";
import { serviceRadarRepo } from "../settings";
import {
    ProjectInfo,
    StackFileError,
    effectiveValue,
    readProjectFile,
    readStackFile,
    stackFileName,
} from "../stackFile";

/** Used while Pulumi.yaml does not declare `environments`, and for a stack that leaves the key unset. */
export const DEFAULT_ENVIRONMENTS: readonly string[] = ["demo-staging", "demo"];
const DEFAULT_PIPELINE_STACK = "demo-staging";

/**
 * An environment name becomes part of a branch name (`environment/<env>-next`) and of URLs: lower-case letters,
 * digits and inner dashes, as a Kubernetes namespace.
 */
const ENVIRONMENT_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export interface StatusSettings {
    /** owner/name of the repository holding the environment branches. */
    repo: string;
    /** In promotion order: a release reaches the first, then the next. */
    environments: readonly string[];
    /** Environments whose promotion pull request GitOps Promoter merges itself; a person merges the others. */
    autoMergeEnvironments: readonly string[];
    /** The stack whose file was read. */
    pipelineStack: string;
}

/** A JSON list of environment names, or a StackFileError naming the key, where it came from and what is allowed. */
function environmentList(value: string, key: string, source: string): string[] {
    let parsed: unknown;
    try {
        parsed = JSON.parse(value);
    } catch {
        throw new StackFileError(`${key} (${source}) is not a JSON list of environment names`);
    }
    if (!Array.isArray(parsed) || !parsed.every((name): name is string => typeof name === "string")) {
        throw new StackFileError(`${key} (${source}) is not a JSON list of environment names`);
    }
    const invalid = parsed.find((name) => !ENVIRONMENT_NAME.test(name));
    if (invalid !== undefined) {
        throw new StackFileError(
            `${key} (${source}) names ${JSON.stringify(invalid).slice(0, 80)}; an environment name is lower-case ` +
                "letters, digits and inner dashes, at most 63 characters",
        );
    }
    const repeated = parsed.find((name, index) => parsed.indexOf(name) !== index);
    if (repeated !== undefined) throw new StackFileError(`${key} (${source}) lists ${repeated} twice`);
    return parsed;
}

export function statusSettingsOf(project: ProjectInfo, stackText: string, pipelineStack: string): StatusSettings {
    const file = stackFileName(pipelineStack);
    const declared = effectiveValue(project, stackText, file, "environments");
    const environments =
        declared.value === undefined
            ? [...DEFAULT_ENVIRONMENTS]
            : environmentList(declared.value, "environments", declared.source);
    if (environments.length === 0) throw new StackFileError(`environments (${declared.source}) is empty`);

    const autoMerge = effectiveValue(project, stackText, file, "autoMergeEnvironments");
    const autoMergeEnvironments =
        autoMerge.value === undefined
            ? [environments[0]]
            : environmentList(autoMerge.value, "autoMergeEnvironments", autoMerge.source);
    const unknown = autoMergeEnvironments.find((name) => !environments.includes(name));
    if (unknown !== undefined) {
        throw new StackFileError(
            `autoMergeEnvironments (${autoMerge.source}) names ${unknown}, which is not among environments ` +
                `(${environments.join(", ")})`,
        );
    }

    const repo = serviceRadarRepo(project, stackText, pipelineStack);
    if (!isValidRepo(repo)) {
        throw new StackFileError(`githubOwner/githubRepository (${file}) give ${JSON.stringify(repo)}, not owner/name`);
    }
    return { repo, environments, autoMergeEnvironments, pipelineStack };
}

/** Reads Pulumi.yaml and the pipeline stack's file under `root`. */
export function readStatusSettings(root: string): StatusSettings {
    const project = readProjectFile(root);
    const pipelineStack = project.defaults.pipelineStack ?? DEFAULT_PIPELINE_STACK;
    return statusSettingsOf(project, readStackFile(root, pipelineStack), pipelineStack);
}
