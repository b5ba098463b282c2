import * as pulumi from "@pulumi/pulumi";
import {
    branchProblem,
    branchWritingProvider,
    failureOf,
    filesFailures,
    isObject,
    pathProblem,
    repositoryProblem,
} from "./branchWritingProvider";
import { GitWriterResource } from "./gitWriterResource";
import { readBlobAt, resolveCommit, writeBranchContent } from "./gitData";
import { gitHubApiFor } from "./gitHubAuth";
import { DRY_RECORD_FILE, dryRecord } from "./hydratedFiles";

/**
 * The DRY commit of a release: one commit on the hydration repository's DRY branch recording everything any
 * environment would run. Its sha is the `drySha` every environment's `hydrator.metadata` names.
 *
 * Why GitOps Promoter needs this rather than the release tag's commit (read at gitops-promoter v0.36.0):
 * - `internal/controller/changetransferpolicy_controller.go` `createOrUpdatePullRequest` opens a promotion only when
 *   `Status.Proposed.Dry.Sha != Status.Active.Dry.Sha`, and `setCommitMetadata` reads those from `hydrator.metadata`
 *   at the tips of `-next` and the live branch: hydrated content is never compared. Content that changed under the
 *   same DRY sha (a new chart repository, a pin override, a values path, the program's own output, two tags on one
 *   commit) would never be promoted.
 * - `internal/controller/promotionstrategy_controller.go` `isPreviousEnvironmentPending` lets a later environment's
 *   `promoter-previous-environment` check pass when the earlier one's proposed and active DRY shas equal the later
 *   one's proposed DRY sha and the earlier one's active commit statuses pass (`checkCommitStatusesPassing`). Under a
 *   reused DRY sha, new content pushed onto an open demo pull request would pass on staging's old, tested content.
 * So the DRY sha must change whenever what any environment would run changes, be the same for every environment
 * within one change (all hydrators run in the same `pulumi up` of the pipeline stack, after this resource), and never
 * name other content: a new commit is made on top of the branch for every new record, so a return to an earlier
 * record (a rollback) is a new sha too, and an unchanged record makes no commit (no promotion for nothing).
 */
export interface ReleaseDryCommitArgs {
    /** owner/name of the hydration repository. */
    repository: pulumi.Input<string>;
    /** The branch holding the DRY commits. */
    branch: pulumi.Input<string>;
    /** The release and its pins, as the record names them. */
    release: pulumi.Input<Record<string, unknown>>;
    /** Each environment's hydrated files (without what is read at `pulumi up`), by environment. */
    environments: pulumi.Input<Record<string, Record<string, string>>>;
    /** Where each environment's values file is read: repository, revision and the path per environment. */
    values: pulumi.Input<{ repository: string; revision: string; paths: Record<string, string> }>;
    message: pulumi.Input<string>;
    apiUrl?: pulumi.Input<string>;
}

interface ReleaseDryCommitState {
    kind: string;
    apiUrl: string;
    repository: string;
    branch: string;
    release: Record<string, unknown>;
    environments: Record<string, Record<string, string>>;
    values: { repository: string; revision: string; paths: Record<string, string> };
    message: string;
    drySha?: string;
    /** The commit the values revision named when the record was written; every hydrator reads the values there. */
    valuesCommit?: string;
}

/** Dynamic resources share one type token; the policy pack and the plan tell this one by this property. */
export const RELEASE_DRY_COMMIT_KIND = "serviceradar-release-dry-commit";

async function recordRelease(inputs: ReleaseDryCommitState): Promise<ReleaseDryCommitState> {
    const api = await gitHubApiFor(inputs.apiUrl);
    const { repository, revision, paths } = inputs.values;
    const valuesCommit = await resolveCommit(api, repository, revision);
    const valueBlobs: Record<string, { path: string; blob: string }> = {};
    for (const [environment, path] of Object.entries(paths)) {
        valueBlobs[environment] = { path, blob: (await readBlobAt(api, repository, path, valuesCommit)).blobSha };
    }
    const files: Record<string, string> = {
        [DRY_RECORD_FILE]: dryRecord(inputs.release, { repository, revision, commit: valuesCommit, files: valueBlobs }),
    };
    for (const [environment, hydrated] of Object.entries(inputs.environments)) {
        for (const [file, content] of Object.entries(hydrated)) files[`environments/${environment}/${file}`] = content;
    }
    const result = await writeBranchContent(api, {
        ownerAndName: inputs.repository,
        branch: inputs.branch,
        files,
        message: inputs.message,
    });
    return { ...inputs, drySha: result.commitSha, valuesCommit };
}

export const releaseDryCommitProvider = branchWritingProvider<ReleaseDryCommitState>({
    write: recordRelease,
    id: (inputs) => `${inputs.repository}@${inputs.branch}`,
    location: ["apiUrl", "repository", "branch"],
    content: (s) => [s.release, s.environments, s.values, s.message],
    commit: "drySha",
    check: (inputs) => [
        ...failureOf("repository", repositoryProblem(inputs.repository)),
        ...failureOf("branch", branchProblem(inputs.branch)),
        // Judged once known (a preview may not know an input yet).
        ...(isObject(inputs.values) ? failureOf("values.repository", repositoryProblem(inputs.values.repository)) : []),
        ...Object.entries(isObject(inputs.values) && isObject(inputs.values.paths) ? inputs.values.paths : {}).flatMap(
            ([environment, path]) => failureOf(`values.paths.${environment}`, pathProblem(path)),
        ),
        // Each environment's files are written under environments/<environment>/.
        ...Object.entries(isObject(inputs.environments) ? inputs.environments : {}).flatMap(([environment, files]) => [
            ...failureOf(
                "environments",
                pathProblem(environment) ??
                    (environment.includes("/")
                        ? `names an environment with a '/': ${JSON.stringify(environment)}`
                        : undefined),
            ),
            ...filesFailures(`environments.${environment}`, files),
        ]),
    ],
});

/** The release's DRY commit, shared by every environment's hydration in one `pulumi up`. */
export class ReleaseDryCommit extends GitWriterResource {
    declare readonly drySha: pulumi.Output<string>;
    declare readonly valuesCommit: pulumi.Output<string>;

    constructor(name: string, args: ReleaseDryCommitArgs, opts?: pulumi.CustomResourceOptions) {
        super(releaseDryCommitProvider, RELEASE_DRY_COMMIT_KIND, name, args, ["drySha", "valuesCommit"], opts);
    }
}
