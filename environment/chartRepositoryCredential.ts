// Deep imports: the package index would make every API group part of the program (and of its type check).
import * as corev1 from "@pulumi/kubernetes/core/v1";
import * as pulumi from "@pulumi/pulumi";
import { chartRepositoryCredentialName } from "./argocd";
import type { ReleaseConfig } from "../config/config";

/** The slice of the configuration the chart registry's credential is made of. */
export type ChartRepositoryCredentialConfig = Pick<ReleaseConfig, "chart" | "argocd" | "registry">;

export interface ChartRepositoryCredentialArgs {
    config: ChartRepositoryCredentialConfig;
}

/** Lets Argo CD pull a private Helm chart from an OCI registry (a labelled repository Secret). */
export class ChartRepositoryCredential extends pulumi.ComponentResource {
    readonly secretName: pulumi.Output<string>;

    constructor(name: string, args: ChartRepositoryCredentialArgs, opts?: pulumi.ComponentResourceOptions) {
        super("serviceradar:release:ChartRepositoryCredential", name, {}, opts);
        const { chart, argocd, registry } = args.config;
        const secret = new corev1.Secret(
            `${name}-secret`,
            {
                metadata: {
                    name: chartRepositoryCredentialName(chart.repository),
                    namespace: argocd.namespace,
                    labels: { "argocd.argoproj.io/secret-type": "repository" },
                },
                type: "Opaque",
                stringData: {
                    type: "helm",
                    url: chart.repository,
                    enableOCI: "true",
                    username: registry.username,
                    password: pulumi.secret(registry.token),
                },
            },
            { parent: this },
        );
        this.secretName = secret.metadata.name;
        this.registerOutputs({ secretName: this.secretName });
    }
}
