import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { ApplicationManifest } from "../src/argocd";
import { dockerConfigJson } from "../src/registry";

export interface ServiceRadarEnvironmentArgs {
    /** The environment's namespace; ServiceRadar and its database live here. */
    namespace: pulumi.Input<string>;
    /** Labels stamped on the namespace. */
    labels: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** The image registry the pull secret authenticates to. */
    registryServer: pulumi.Input<string>;
    registryUsername: pulumi.Input<string>;
    /** A secret Output: the registry token never leaves it. */
    registryToken: pulumi.Input<string>;
    pullSecretName: pulumi.Input<string>;
    /** The Argo CD Application that deploys ServiceRadar into the namespace. */
    application: ApplicationManifest;
    /**
     * Protect the namespace and the Application: the engine refuses to delete or replace them, and a destroy or a
     * removal from the program leaves them running (the Application's finalizer would otherwise cascade into the
     * database).
     */
    protect: boolean;
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
        const dataProtection: pulumi.CustomResourceOptions = args.protect
            ? { protect: true, retainOnDelete: true }
            : {};

        const namespace = new k8s.core.v1.Namespace(
            `${name}-namespace`,
            { metadata: { name: args.namespace, labels: args.labels } },
            { parent: this, ...dataProtection },
        );

        const pullSecret = new k8s.core.v1.Secret(
            `${name}-pull-secret`,
            {
                metadata: { name: args.pullSecretName, namespace: namespace.metadata.name },
                type: "kubernetes.io/dockerconfigjson",
                stringData: {
                    ".dockerconfigjson": pulumi
                        .secret(pulumi.all([args.registryServer, args.registryUsername, args.registryToken]))
                        .apply(([server, username, token]) => dockerConfigJson(server, username, token)),
                },
            },
            { parent: this },
        );

        const application = new k8s.apiextensions.CustomResource(
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
