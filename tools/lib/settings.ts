// The one pipeline setting the file-editing tools (release, promote) read from a stack file they are about to write,
// which the program's parser may refuse (a new version, a pin left behind): the promotion mode, read as the program
// reads it (the stack file, else Pulumi.yaml's default). Everything else comes from the program's own parser
// (tools/lib/stackSettings.ts).

import type { PromotionMode } from "../../config/config";
import { ProjectInfo, StackFileError, effectiveValue, stackFileName } from "../../config/stackFile";

export interface ModeSetting {
    mode: PromotionMode;
    /** Where the value came from: the stack file or "Pulumi.yaml default". */
    source: string;
}

/**
 * What applies a pushed stack file: Pulumi Deployments when the stack's `deploymentsEnabled` (stack file, else
 * Pulumi.yaml's default) is true; otherwise nothing on the push, so the next step says who runs `pulumi up`.
 */
export function applyStepOf(project: ProjectInfo, stackText: string, stack: string, workflow: string): string {
    const found = effectiveValue(project, stackText, stackFileName(stack), "deploymentsEnabled");
    if (found.value === "true")
        return `Pulumi Deployments runs pulumi up for ${stack} on the push; Argo CD then syncs it.`;
    return (
        `deploymentsEnabled is not true for ${stack} (${found.value === undefined ? "unset" : found.source}): nothing ` +
        `runs pulumi up on the push. The ${workflow} workflow's own pulumi up step does, or run pulumi up -s ${stack}; ` +
        "Argo CD then syncs it."
    );
}

export function promotionModeOf(project: ProjectInfo, stackText: string, stack: string): ModeSetting {
    const found = effectiveValue(project, stackText, stackFileName(stack), "promotionMode");
    if (found.value === undefined) {
        throw new StackFileError(`promotionMode is set neither in ${stackFileName(stack)} nor in Pulumi.yaml`);
    }
    if (found.value !== "promoter" && found.value !== "direct") {
        throw new StackFileError(
            `promotionMode ${JSON.stringify(found.value)} (${found.source}) is neither promoter nor direct`,
        );
    }
    return { mode: found.value, source: found.source };
}
