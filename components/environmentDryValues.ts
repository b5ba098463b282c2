import * as github from "@pulumi/github";
import * as pulumi from "@pulumi/pulumi";
import { DryFile } from "../src/promoter";

export interface EnvironmentDryValuesArgs {
    repository: pulumi.Input<string>;
    dryBranch: pulumi.Input<string>;
    /** The environment's own values file of the DRY umbrella chart. */
    valuesFile: DryFile;
}

/** One environment's settings in the DRY source (pull policy, pull secret), owned by that environment's stack. */
export class EnvironmentDryValues extends pulumi.ComponentResource {
    readonly file: pulumi.Output<string>;

    constructor(name: string, args: EnvironmentDryValuesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("serviceradar:release:EnvironmentDryValues", name, {}, opts);
        const file = new github.RepositoryFile(
            `${name}-values`,
            {
                repository: args.repository,
                branch: args.dryBranch,
                file: args.valuesFile.file,
                content: args.valuesFile.content,
                commitMessage: `release: update ${args.valuesFile.file}`,
                overwriteOnCreate: true,
            },
            { parent: this },
        );
        this.file = file.file;
        this.registerOutputs({ file: this.file });
    }
}
