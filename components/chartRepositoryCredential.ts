import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";

export interface ChartRepositoryCredentialArgs {
    /** Name of the Secret in Argo CD's namespace. */
    secretName: pulumi.Input<string>;
    argocdNamespace: pulumi.Input<string>;
    /** OCI registry path of the charts, without scheme. */
    url: pulumi.Input<string>;
    username: pulumi.Input<string>;
    /** A secret Output. */
    password: pulumi.Input<string>;
}

/** Lets Argo CD pull a private Helm chart from an OCI registry (a labelled repository Secret). */
export class ChartRepositoryCredential extends pulumi.ComponentResource {
    readonly secretName: pulumi.Output<string>;

    constructor(name: string, args: ChartRepositoryCredentialArgs, opts?: pulumi.ComponentResourceOptions) {
        super("serviceradar:release:ChartRepositoryCredential", name, {}, opts);
        const secret = new k8s.core.v1.Secret(
            `${name}-secret`,
            {
                metadata: {
                    name: args.secretName,
                    namespace: args.argocdNamespace,
                    labels: { "argocd.argoproj.io/secret-type": "repository" },
                },
                type: "Opaque",
                stringData: {
                    type: "helm",
                    url: args.url,
                    enableOCI: "true",
                    username: args.username,
                    password: pulumi.secret(args.password),
                },
            },
            { parent: this },
        );
        this.secretName = secret.metadata.name;
        this.registerOutputs({ secretName: this.secretName });
    }
}
