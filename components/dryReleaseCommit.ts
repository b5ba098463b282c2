import * as pulumi from "@pulumi/pulumi";
import { DRY_RELEASE_COMMIT_KIND } from "../src/dryCommitKind";
import { commitFiles, FileCommitRequest } from "../src/githubCommit";

export interface DryReleaseCommitArgs {
    owner: pulumi.Input<string>;
    repository: pulumi.Input<string>;
    branch: pulumi.Input<string>;
    /** Path in the repository to content; all of them land in one commit. */
    files: pulumi.Input<Record<string, pulumi.Input<string>>>;
    message: pulumi.Input<string>;
    /** GitHub REST root; the token comes from GITHUB_TOKEN at run time, as for the GitHub provider. */
    apiUrl?: pulumi.Input<string>;
}

interface CommitState extends FileCommitRequest {
    kind: string;
    commitSha?: string;
}

const WHERE = ["apiUrl", "owner", "repository", "branch"] as const;

async function commit(inputs: CommitState) {
    const result = await commitFiles(inputs, process.env.GITHUB_TOKEN ?? "");
    return { ...inputs, commitSha: result.commitSha };
}

export const dryReleaseCommitProvider: pulumi.dynamic.ResourceProvider = {
    async diff(_id: string, olds: CommitState, news: CommitState) {
        const replaces = WHERE.filter((key) => olds[key] !== news[key]);
        const changed = JSON.stringify([olds.files, olds.message]) !== JSON.stringify([news.files, news.message]);
        return { changes: changed || replaces.length > 0, replaces, deleteBeforeReplace: false };
    },
    async create(inputs: CommitState) {
        const outs = await commit(inputs);
        return {
            id: `${inputs.owner}/${inputs.repository}@${inputs.branch}:${Object.keys(inputs.files).sort().join(",")}`,
            outs,
        };
    },
    async update(_id: string, _olds: CommitState, news: CommitState) {
        return { outs: await commit(news) };
    },
    // The files stay in the repository's history; removing them is a decision for a person, not a destroy.
    async delete() {},
};

/** The DRY release files, written to their branch in exactly one commit per change. */
export class DryReleaseCommit extends pulumi.dynamic.Resource {
    declare readonly commitSha: pulumi.Output<string>;

    constructor(name: string, args: DryReleaseCommitArgs, opts?: pulumi.CustomResourceOptions) {
        super(
            dryReleaseCommitProvider,
            name,
            { kind: DRY_RELEASE_COMMIT_KIND, apiUrl: "https://api.github.com", ...args, commitSha: undefined },
            opts,
        );
    }
}
