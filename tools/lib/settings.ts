// The pipeline settings the release tools and workflows need from a stack, read from its file and Pulumi.yaml's
// defaults: promotion mode, ServiceRadar repository, and where the e2e gate reports its commit status.

import { DIRECT_STATUS_CONTEXT } from "./githubStatus";
import { ProjectInfo, StackFileError, effectiveValue, stackFileName } from "./stackFile";
import { releaseTag } from "./versions";

export type PromotionMode = "promoter" | "direct";
export const DEFAULT_PROMOTION_MODE: PromotionMode = "promoter";
const DEFAULT_OWNER = "carverauto";
const DEFAULT_REPOSITORY = "serviceradar";
const DEFAULT_PROMOTER_CONTEXT = "serviceradar/e2e";

export interface ModeSetting {
    mode: PromotionMode;
    /** Where the value came from: the stack file, "Pulumi.yaml default" or "built-in default". */
    source: string;
}

export function promotionModeOf(project: ProjectInfo, stackText: string, stack: string): ModeSetting {
    const found = effectiveValue(project, stackText, stackFileName(stack), "promotionMode");
    if (found.value === undefined) return { mode: DEFAULT_PROMOTION_MODE, source: "built-in default" };
    if (found.value !== "promoter" && found.value !== "direct") {
        throw new StackFileError(
            `promotionMode ${JSON.stringify(found.value)} (${found.source}) is neither promoter nor direct`,
        );
    }
    return { mode: found.value, source: found.source };
}

/** owner/name of the ServiceRadar repository: githubOwner/githubRepository of the stack. */
export function serviceRadarRepo(project: ProjectInfo, stackText: string, stack: string): string {
    const file = stackFileName(stack);
    const owner = effectiveValue(project, stackText, file, "githubOwner").value ?? DEFAULT_OWNER;
    const name = effectiveValue(project, stackText, file, "githubRepository").value ?? DEFAULT_REPOSITORY;
    return `${owner}/${name}`;
}

export interface GateTarget {
    mode: PromotionMode;
    repo: string;
    /** Commit-status context the e2e gate reports and promotion waits for. */
    context: string;
    /** A ref for GET /repos/{repo}/commits/{ref}: heads/<branch> (promoter) or tags/v<version> (direct). */
    ref: string;
}

/**
 * Where the e2e gate of `stack` reports. Promoter mode: the hydrated commit at the head of environment/<stack>, with
 * the context GitOps Promoter waits for (e2eStatusContext). Direct mode: the release tag v<version> with e2e-tests,
 * the status `npm run promote` checks.
 */
export function gateTarget(project: ProjectInfo, stackText: string, stack: string, version: string): GateTarget {
    const { mode } = promotionModeOf(project, stackText, stack);
    const repo = serviceRadarRepo(project, stackText, stack);
    if (mode === "promoter") {
        const context =
            effectiveValue(project, stackText, stackFileName(stack), "e2eStatusContext").value ??
            DEFAULT_PROMOTER_CONTEXT;
        return { mode, repo, context, ref: `heads/environment/${stack}` };
    }
    return { mode, repo, context: DIRECT_STATUS_CONTEXT, ref: `tags/${releaseTag(version)}` };
}
