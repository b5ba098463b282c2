import * as assert from "assert";
import { parseReleaseConfig, ReleaseConfig } from "../config/config";
import { validSource } from "../test/support/configSource";
import {
    argocdCommitStatus,
    e2eCommitStatus,
    promoterCrdName,
    promoterInstallApplication,
    promotionStrategy,
    scmProvider,
} from "./promoter";
import { planRelease } from "./releasePlan";

function config(stack: string, overrides: Record<string, string> = {}): ReleaseConfig {
    return parseReleaseConfig(validSource(stack, overrides));
}

const LABELS = { "app.kubernetes.io/part-of": "serviceradar-release" };
const METADATA = (name: string) => ({ name, namespace: "promoter-system", labels: LABELS });
const SHA =
    "{{ range .PromotionStrategy.Status.Environments }}{{ if eq .Branch $.Branch }}{{ .Active.Hydrated.Sha }}{{ end }}{{ end }}";

/** Whole objects as the controllers read them: every field pinned, so a dropped or changed one fails here. */
describe("promoter objects (whole, pure builders)", () => {
    it("declares the PromotionStrategy: health on every environment, each one's own gates, auto-merge on the first", () => {
        assert.deepStrictEqual(promotionStrategy(config("demo-staging", { soakDuration: "30m" })), {
            apiVersion: "promoter.argoproj.io/v1alpha1",
            kind: "PromotionStrategy",
            metadata: METADATA("serviceradar-release"),
            spec: {
                gitRepositoryRef: { name: "serviceradar" },
                activeCommitStatuses: [{ key: "argocd-health" }],
                environments: [
                    {
                        branch: "environment/demo-staging",
                        autoMerge: true,
                        activeCommitStatuses: [{ key: "e2e-tests" }, { key: "soak-time" }],
                    },
                    { branch: "environment/demo", autoMerge: false },
                ],
            },
        });
    });

    it("declares the ArgoCDCommitStatus selecting the part-of label, the environments and branch-syncing Applications", () => {
        assert.deepStrictEqual(argocdCommitStatus(config("demo-staging")), {
            apiVersion: "promoter.argoproj.io/v1alpha1",
            kind: "ArgoCDCommitStatus",
            metadata: METADATA("serviceradar-argocd-health"),
            spec: {
                promotionStrategyRef: { name: "serviceradar-release" },
                key: "argocd-health",
                applicationSelector: {
                    matchLabels: LABELS,
                    matchExpressions: [
                        {
                            key: "serviceradar.carverauto.dev/environment",
                            operator: "In",
                            values: ["demo-staging", "demo"],
                        },
                        {
                            key: "serviceradar.carverauto.dev/syncs-environment-branch",
                            operator: "In",
                            values: ["true"],
                        },
                    ],
                },
            },
        });
    });

    it("declares the e2e WebRequestCommitStatus: one GraphQL POST for the context on the active hydrated commit", () => {
        const query =
            "query($owner: String!, $name: String!, $oid: GitObjectID!, $context: String!) { " +
            "repository(owner: $owner, name: $name) { object(oid: $oid) { ... on Commit { " +
            "status { context(name: $context) { state } } } } } }";
        const status = e2eCommitStatus(config("demo-staging"));
        const { expression } = status.spec.success.when;
        assert.deepStrictEqual(status, {
            apiVersion: "promoter.argoproj.io/v1alpha1",
            kind: "WebRequestCommitStatus",
            metadata: METADATA("serviceradar-e2e-tests"),
            spec: {
                promotionStrategyRef: { name: "serviceradar-release" },
                key: "e2e-tests",
                reportOn: "active",
                descriptionTemplate: "serviceradar/e2e on {{ .Branch }}: {{ .Phase }}",
                urlTemplate: `https://github.com/carverauto/serviceradar-release/commit/${SHA}`,
                httpRequest: {
                    urlTemplate: "https://api.github.com/graphql",
                    methodTemplate: "POST",
                    headerTemplates: { "Content-Type": "application/json" },
                    bodyTemplate: JSON.stringify({
                        query,
                        variables: {
                            owner: "carverauto",
                            name: "serviceradar-release",
                            context: "serviceradar/e2e",
                            oid: SHA,
                        },
                    }),
                    authentication: { scm: {} },
                    timeout: "30s",
                },
                success: { when: { expression } },
                mode: { polling: { interval: "1m" } },
            },
        });
    });

    it("installs the promoter with an automated, pruning, self-healing sync that retries, waited for 900 seconds", () => {
        const image = "quay.io/argoprojlabs/gitops-promoter:v0.36.0";
        assert.deepStrictEqual(promoterInstallApplication(config("demo-staging"), ["ScmProvider"]), {
            apiVersion: "argoproj.io/v1alpha1",
            kind: "Application",
            metadata: {
                name: "gitops-promoter",
                namespace: "argocd",
                labels: { "app.kubernetes.io/managed-by": "pulumi" },
                annotations: {
                    "pulumi.com/waitFor": JSON.stringify([
                        "jsonpath={.status.sync.status}=Synced",
                        "jsonpath={.status.health.status}=Healthy",
                        'jsonpath={.status.resources[?(@.kind=="CustomResourceDefinition" && @.name=="scmproviders.promoter.argoproj.io")].status}=Synced',
                        `jsonpath={.status.summary.images[?(@=="${image}")]}=${image}`,
                    ]),
                    "pulumi.com/timeoutSeconds": "900",
                },
            },
            spec: {
                project: "default",
                source: {
                    repoURL: "https://github.com/argoproj-labs/gitops-promoter.git",
                    targetRevision: "v0.36.0",
                    path: "config/release",
                    kustomize: {
                        images: [`quay.io/argoprojlabs/gitops-promoter=${image}`],
                        namespace: "promoter-system",
                    },
                },
                destination: { server: "https://kubernetes.default.svc", namespace: "promoter-system" },
                syncPolicy: {
                    automated: { prune: true, selfHeal: true, allowEmpty: false },
                    syncOptions: ["CreateNamespace=true", "ServerSideApply=true"],
                    retry: { limit: 5, backoff: { duration: "5s", factor: 2, maxDuration: "3m" } },
                },
            },
        });
    });

    it("hydrates a later environment: its umbrella chart, the pins, a README naming both branches, promoted from the first", () => {
        const pipeline = planRelease(config("demo-staging")).pipeline!;
        const generated = "# Written by serviceradar-release (Pulumi); edit the stack config, not this file.\n";
        assert.deepStrictEqual(pipeline.hydrations[1], {
            environment: "demo",
            proposedBranch: "environment/demo-next",
            activeBranch: "environment/demo",
            valuesPath: "helm/serviceradar/values-demo.yaml",
            files: [
                {
                    file: "Chart.yaml",
                    content:
                        generated +
                        "apiVersion: v2\nname: serviceradar-demo\ndescription: ServiceRadar as released to demo\n" +
                        "type: application\nversion: 1.2.27\nappVersion: 1.2.27\ndependencies:\n" +
                        "  - name: serviceradar\n    version: 1.2.27\n    repository: oci://ghcr.io/carverauto/charts\n",
                },
                {
                    file: "values-release.yaml",
                    content:
                        generated + "global:\n  imageTag: v1.2.27\nserviceradar:\n  global:\n    imageTag: v1.2.27\n",
                },
                {
                    file: "README.md",
                    content:
                        "# environment/demo\n\nWhat Argo CD deploys to demo. serviceradar-release (Pulumi) writes " +
                        "environment/demo-next; GitOps Promoter merges it here behind the gates. " +
                        "Do not edit either branch by hand.\n",
                },
            ],
            message: "hydrate demo: ServiceRadar 1.2.27 (chart 1.2.27, images v1.2.27)",
            promotedFrom: "demo-staging",
        });
        assert.strictEqual(
            pipeline.dry.message,
            "release 1.2.27 (chart oci://ghcr.io/carverauto/charts/serviceradar:1.2.27, images v1.2.27, " +
                "values carverauto/serviceradar@v1.2.27)",
        );
    });

    it("refuses to build a promoter object without the GitHub App, and names an unknown kind", () => {
        assert.throws(
            () => scmProvider(config("demo-staging", { promotionMode: "direct" })),
            /^Error: the promoter objects are declared only in promoter mode on the pipeline stack$/,
        );
        assert.throws(() => promoterCrdName("Unknown"), /^Error: no CRD is known for the promoter kind Unknown$/);
    });
});
