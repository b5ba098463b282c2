// What stack-info and promote need from a stack, read with the program's own parser (config/stackConfig.ts): exactly
// what `pulumi up` would use, defaults and derived values included, and refused where it would refuse.

import { releaseConfigOf } from "../../config/stackConfig";
import { ConfigError, PromotionMode, ReleaseConfig, withReleasePins } from "../../config/config";
import { releaseTag } from "../../config/releasePins";
import { E2E_STATUS_CONTEXT } from "../../lib/github/names";
import { StackFileError } from "../../config/stackFile";

/** The stack's ReleaseConfig; a value the program refuses is a StackFileError (exit 2), like an unreadable file. */
export function stackReleaseConfig(root: string, stack: string, overrides: readonly string[] = []): ReleaseConfig {
    try {
        return releaseConfigOf(root, stack, overrides);
    } catch (err) {
        if (err instanceof ConfigError) throw new StackFileError(err.message);
        throw err;
    }
}

/** owner/name of the ServiceRadar repository: githubOwner/githubRepository of the stack. */
export function serviceRadarRepo(config: ReleaseConfig): string {
    return `${config.github.owner}/${config.github.repository}`;
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
 * Where the e2e gate of the stack reports. Promoter mode: the hydrated commit at the head of environment/<stack>,
 * with the context GitOps Promoter waits for (e2eStatusContext). Direct mode: the release tag v<version> with
 * e2e-tests, the status `npm run promote` checks.
 */
export function gateTarget(config: ReleaseConfig): GateTarget {
    const { mode } = config.promotion;
    if (mode === "promoter") {
        return {
            mode,
            // The hydrated commit lives in the repository the program hydrates, not in ServiceRadar's.
            repo: config.github.hydrationRepository,
            context: config.promotion.e2eStatusContext,
            ref: `heads/environment/${config.environment}`,
        };
    }
    return {
        mode,
        repo: serviceRadarRepo(config),
        context: E2E_STATUS_CONTEXT,
        // Direct mode: every stack decides (and requires) its version.
        ref: `tags/${releaseTag(withReleasePins(config, "the direct-mode gate target").pins.version)}`,
    };
}
