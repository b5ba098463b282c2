// Deep imports: the package index would make every API group part of the program (and of its type check).
import * as corev1 from "@pulumi/kubernetes/core/v1";
import { CustomResource } from "@pulumi/kubernetes/apiextensions";
import * as pulumi from "@pulumi/pulumi";
import { ApplicationManifest, ENVIRONMENT_LABEL } from "./argocd";
import type { ReleaseConfig } from "../config/config";
import { dockerConfigJson } from "./registry";

/** The slice of the configuration an environment in the cluster is made of (its Application needs most of it). */
export type ServiceRadarEnvironmentConfig = ReleaseConfig;

export interface ServiceRadarEnvironmentArgs {
    config: ServiceRadarEnvironmentConfig;
    /** The Application: the pinned chart (direct mode) or the environment branch (promoter mode), decided by the program. */
    application: ApplicationManifest;
}

/** One ServiceRadar environment in the cluster: its namespace, its registry pull secret and its Argo CD Application. */
export class ServiceRadarEnvironment extends pulumi.ComponentResource {
    readonly namespace: pulumi.Output<string>;
    readonly pullSecretName: pulumi.Output<string>;
    readonly applicationName: pulumi.Output<string>;

    constructor(name: string, args: ServiceRadarEnvironmentArgs, opts?: pulumi.ComponentResourceOptions) {
        // The type token is the class name; the alias keeps live stacks created under the old token from replacing it.
        super(
            "serviceradar:release:ServiceRadarEnvironment",
            name,
            {},
            {
                ...opts,
                aliases: [...(opts?.aliases ?? []), { type: "serviceradar:release:Environment" }],
            },
        );
        const { config } = args;
        // Protected: the engine refuses to delete or replace them, and a destroy or a removal from the program leaves
        // them running (the Application's finalizer would otherwise cascade into the database).
        const dataProtection: pulumi.CustomResourceOptions = config.protect
            ? { protect: true, retainOnDelete: true }
            : {};
        const { registry } = config;

        const namespace = new corev1.Namespace(
            `${name}-namespace`,
            {
                metadata: {
                    name: config.namespace,
                    labels: { "app.kubernetes.io/part-of": "serviceradar", [ENVIRONMENT_LABEL]: config.environment },
                },
            },
            { parent: this, ...dataProtection },
        );

        const pullSecret = new corev1.Secret(
            `${name}-pull-secret`,
            {
                metadata: { name: registry.pullSecretName, namespace: namespace.metadata.name },
                type: "kubernetes.io/dockerconfigjson",
                stringData: {
                    ".dockerconfigjson": pulumi
                        .secret(registry.token)
                        .apply((token) => dockerConfigJson(registry.server, registry.username, token)),
                },
            },
            { parent: this },
        );

        const application = new CustomResource(
            `${name}-application`,
            { ...args.application },
            { parent: this, dependsOn: [namespace, pullSecret], ...dataProtection },
        );

        this.namespace = namespace.metadata.name;
        this.pullSecretName = pullSecret.metadata.name;
        this.applicationName = application.metadata.name;
        this.registerOutputs({
            namespace: this.namespace,
            pullSecretName: this.pullSecretName,
            applicationName: this.applicationName,
        });
    }
}
