// What `npm run status` needs from the project's configuration: the environments in promotion order, which of them
// GitOps Promoter merges into by itself, and the hydration repository. Read as the plan reads them: Pulumi.yaml's
// defaults, overridden by the pipeline stack's file.

import { releaseConfigOf } from "../../../config/stackConfig";
import { StackFileError, readProjectFile } from "../../../config/stackFile";

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

/**
 * Reads the pipeline stack's configuration with the program's own parser (config/stackConfig.ts), so the status sees
 * exactly the environments, auto-merge list and hydration repository `pulumi up` would use, and refuses what it would refuse.
 */
export function readStatusSettings(root: string): StatusSettings {
    const pipelineStack = readProjectFile(root).defaults.pipelineStack;
    if (pipelineStack === undefined) throw new StackFileError("Pulumi.yaml declares no default for pipelineStack");
    const config = releaseConfigOf(root, pipelineStack);
    return {
        repo: config.github.hydrationRepository,
        environments: config.environments,
        autoMergeEnvironments: config.promotion.autoMerge,
        pipelineStack,
    };
}
