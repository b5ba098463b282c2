import * as pulumi from "@pulumi/pulumi";
import {
    branchProblem,
    branchWritingProvider,
    failureOf,
    filesFailures,
    isObject,
    isUnknown,
    pathProblem,
    repositoryProblem,
} from "./branchWritingProvider";
import { GitWriterResource } from "./gitWriterResource";
import { readBlobAt, writeBranchContent } from "./gitData";
import { gitHubApiFor } from "./gitHubAuth";
import { HYDRATED_ENVIRONMENT_KIND } from "./hydratedEnvironmentKind";
import { environmentBranchFiles } from "./hydratedFiles";

export interface EnvironmentHydratorArgs {
    environment: pulumi.Input<string>;
    /** Set when the hydrated environment is a later one than the declaring stack's: the policy pack reads it. */
    promotedFrom?: pulumi.Input<string>;
    /** owner/name of the repository holding the environment branches. */
    repository: pulumi.Input<string>;
    /** `environment/<env>-next`: the hydrator proposes here. */
    branch: pulumi.Input<string>;
    /** `environment/<env>`: created (without history) when missing, so the promoter can open its pull requests. */
    activeBranch: pulumi.Input<string>;
    /** The umbrella chart and the release pins. */
    files: pulumi.Input<Record<string, pulumi.Input<string>>>;
    message: pulumi.Input<string>;
    chartName: pulumi.Input<string>;
    /** The environment's own values file and the release revision it is read at. */
    values: pulumi.Input<{ repository: string; path: string; revision: string }>;
    /** The release's DRY commit (`ReleaseDryCommit`): the drySha of `hydrator.metadata`, the same for every environment. */
    dryCommit: pulumi.Input<string>;
    /** The commit the values revision named when the DRY commit was recorded: the values are read there. */
    valuesCommit: pulumi.Input<string>;
    /** GitHub REST root; the credentials come from the environment at run time, as the GitHub provider's (gitHubAuth.ts). */
    apiUrl?: pulumi.Input<string>;
}

interface HydratorState {
    kind: string;
    apiUrl: string;
    environment: string;
    promotedFrom?: string;
    repository: string;
    branch: string;
    activeBranch: string;
    files: Record<string, string>;
    message: string;
    chartName: string;
    values: { repository: string; path: string; revision: string };
    dryCommit: string;
    valuesCommit: string;
    commitSha?: string;
    drySha?: string;
}

const WHERE = ["apiUrl", "repository", "branch", "activeBranch"] as const;

/**
 * GitOps Promoter's custom-hydrator contract (gitops-promoter v0.36.0 `docs/advanced-usage/custom-hydrator.md`): the
 * proposed branch holds the whole hydrated content plus `hydrator.metadata` naming the DRY commit, one commit per
 * change and none when nothing changed. The DRY commit is the release's record (`ReleaseDryCommit`, which says why the
 * release tag's commit cannot be it), the same for every environment, which is how the promoter knows a release is the
 * one that passed the environment before. A new DRY commit re-hydrates every environment, so each `-next` names it.
 */
async function hydrate(inputs: HydratorState): Promise<HydratorState> {
    const api = await gitHubApiFor(inputs.apiUrl);
    const { repository, path, revision } = inputs.values;
    const drySha = inputs.dryCommit;
    const { text } = await readBlobAt(api, repository, path, inputs.valuesCommit);
    const files = environmentBranchFiles({
        files: inputs.files,
        chartName: inputs.chartName,
        values: { text, repository, revision, path },
        drySha,
        repository: inputs.repository,
        message: inputs.message,
    });
    const result = await writeBranchContent(api, {
        ownerAndName: inputs.repository,
        branch: inputs.branch,
        files,
        message: `${inputs.message}\n\nDRY commit ${drySha} (${repository}@${revision} = ${inputs.valuesCommit})`,
        createFrom: {
            branch: inputs.activeBranch,
            // The live branch starts with the README the proposed content carries.
            files: { "README.md": inputs.files["README.md"] ?? "" },
            message: `start ${inputs.activeBranch}`,
        },
    });
    return { ...inputs, commitSha: result.commitSha, drySha };
}

export const environmentHydratorProvider = branchWritingProvider<HydratorState>({
    write: hydrate,
    id: (inputs) => `${inputs.repository}@${inputs.branch}`,
    location: WHERE,
    content: (s) => [s.environment, s.files, s.message, s.chartName, s.values, s.dryCommit, s.valuesCommit],
    commit: "commitSha",
    check: (inputs) => [
        ...failureOf("repository", repositoryProblem(inputs.repository)),
        ...failureOf("branch", branchProblem(inputs.branch)),
        ...failureOf("activeBranch", branchProblem(inputs.activeBranch)),
        ...failureOf(
            "activeBranch",
            !isUnknown(inputs.branch) && inputs.activeBranch === inputs.branch
                ? "must differ from branch (the promoter merges one into the other)"
                : undefined,
        ),
        ...filesFailures("files", inputs.files),
        // Judged once known (a preview may not know an input yet).
        ...(isObject(inputs.values)
            ? [
                  ...failureOf("values.repository", repositoryProblem(inputs.values.repository)),
                  ...failureOf("values.path", pathProblem(inputs.values.path)),
              ]
            : []),
    ],
});

/** One environment's proposed branch, hydrated from the release: exactly one commit per change. */
export class EnvironmentHydrator extends GitWriterResource {
    declare readonly commitSha: pulumi.Output<string>;
    declare readonly drySha: pulumi.Output<string>;

    constructor(name: string, args: EnvironmentHydratorArgs, opts?: pulumi.CustomResourceOptions) {
        super(environmentHydratorProvider, HYDRATED_ENVIRONMENT_KIND, name, args, ["commitSha", "drySha"], opts);
    }
}
