import * as pulumi from "@pulumi/pulumi";

/**
 * A dynamic resource of the program's git writers. Dynamic resources all share one type token, so each is told apart
 * by its `kind` input (the policy pack and the plan read it); its outputs start unknown. Not imported by the providers
 * themselves, which are serialized and must not capture this module's `@pulumi/pulumi`.
 */
export abstract class GitWriterResource extends pulumi.dynamic.Resource {
    protected constructor(
        provider: pulumi.dynamic.ResourceProvider,
        kind: string,
        name: string,
        args: object,
        outputs: readonly string[],
        opts?: pulumi.CustomResourceOptions,
    ) {
        const unknownOutputs = Object.fromEntries(outputs.map((output) => [output, undefined]));
        super(provider, name, { kind, apiUrl: "https://api.github.com", ...args, ...unknownOutputs }, opts);
    }
}
