// The environment's Kubernetes objects as the engine receives them, on Pulumi's mock runtime in this process:
// the chart registry's Argo CD repository Secret and the image pull secret's decoded .dockerconfigjson.
import * as assert from "assert";
import { runProgramOnMocks, revealSecrets, isWrappedSecret, type PlannedResource } from "../plan/mockRuntime";
import type { StackConfiguration } from "../config/stackConfig";
import { ChartRepositoryCredential, type ChartRepositoryCredentialConfig } from "./chartRepositoryCredential";
import {
    chartRepositoryCredentialName,
    ENVIRONMENT_LABEL,
    pinnedChartApplication,
    VALUES_REF,
    type ApplicationManifest,
} from "./argocd";
import type { PinnedReleaseConfig } from "../config/config";
import { dockerConfigJson } from "./registry";
import { ServiceRadarEnvironment, type ServiceRadarEnvironmentConfig } from "./serviceRadarEnvironment";

const STACK: StackConfiguration = { project: "p", stack: "s", values: {}, secretKeys: [], placeholders: [] };

const CONFIG = {
    chart: { repository: "oci://ghcr.io/carverauto/charts" },
    argocd: { namespace: "argocd" },
    registry: { username: "robot", token: "ghp_chartToken123", server: "ghcr.io", pullSecretName: "ghcr-pull" },
} as unknown as ChartRepositoryCredentialConfig;

describe("environment: the chart registry credential Secret", () => {
    it("is an Opaque Argo CD repository Secret for the OCI Helm registry, its password a secret", async () => {
        const run = await runProgramOnMocks(() => {
            const credential = new ChartRepositoryCredential("chart-credential", { config: CONFIG });
            return { secretName: credential.secretName };
        }, STACK);
        const component = run.resources.find((r) => r.type === "serviceradar:release:ChartRepositoryCredential");
        const secret = run.resources.find((r) => r.type === "kubernetes:core/v1:Secret") as PlannedResource;
        assert.ok(component && secret);
        assert.strictEqual(secret.name, "chart-credential-secret");
        assert.strictEqual(secret.parent, component.urn);
        assert.ok(isWrappedSecret(secret.inputs.stringData), "the whole stringData is a secret");
        assert.deepStrictEqual(revealSecrets(secret.inputs), {
            apiVersion: "v1",
            kind: "Secret",
            metadata: {
                name: chartRepositoryCredentialName("oci://ghcr.io/carverauto/charts"),
                namespace: "argocd",
                labels: { "argocd.argoproj.io/secret-type": "repository" },
            },
            type: "Opaque",
            stringData: {
                type: "helm",
                url: "oci://ghcr.io/carverauto/charts",
                enableOCI: "true",
                username: "robot",
                password: "ghp_chartToken123",
            },
        });
        assert.deepStrictEqual(run.outputs, {
            secretName: chartRepositoryCredentialName("oci://ghcr.io/carverauto/charts"),
        });
    });
});

describe("environment: the registry pull secret document", () => {
    it("carries the username, the token and their base64 auth for the server", () => {
        const document = JSON.parse(dockerConfigJson("ghcr.io", "robot", "t0k:en"));
        assert.deepStrictEqual(document, {
            auths: { "ghcr.io": { username: "robot", password: "t0k:en", auth: "cm9ib3Q6dDBrOmVu" } },
        });
        assert.strictEqual(Buffer.from(document.auths["ghcr.io"].auth, "base64").toString(), "robot:t0k:en");
    });
});

describe("environment: the direct-mode Argo CD Application", () => {
    const release = (protect: boolean) =>
        ({
            environment: "staging",
            namespace: "serviceradar-staging",
            protect,
            imagePullPolicy: "IfNotPresent",
            chart: { repository: "oci://ghcr.io/carverauto/charts", name: "serviceradar" },
            pins: { chartVersion: "1.2.3", imageTag: "v1.2.3" },
            registry: { pullSecretName: "ghcr-pull" },
            values: { repository: "carverauto/serviceradar-values", pathPattern: "envs/{environment}/values.yaml" },
            argocd: {
                applicationName: "serviceradar-staging",
                namespace: "argocd",
                project: "default",
                destinationServer: "https://kubernetes.default.svc",
                releaseName: "serviceradar",
            },
        }) as unknown as PinnedReleaseConfig;

    it("reads the environment's values file through the ref source and pins the image and its pull secret", () => {
        const helm = (pinnedChartApplication(release(false)).spec.sources?.[0] as { helm: unknown }).helm;
        assert.deepStrictEqual(helm, {
            releaseName: "serviceradar",
            valueFiles: [`$${VALUES_REF}/envs/staging/values.yaml`],
            valuesObject: {
                global: { imageTag: "v1.2.3", imagePullPolicy: "IfNotPresent" },
                image: { registryPullSecret: "ghcr-pull" },
            },
        });
    });

    it("prunes automatically only where the environment is not protected, and retries with a bounded backoff", () => {
        const policy = (protect: boolean) => pinnedChartApplication(release(protect)).spec.syncPolicy;
        assert.deepStrictEqual(policy(false)?.automated, { prune: true, selfHeal: true, allowEmpty: false });
        assert.deepStrictEqual(policy(true)?.automated, { prune: false, selfHeal: true, allowEmpty: false });
        assert.deepStrictEqual(policy(true)?.retry, {
            limit: 5,
            backoff: { duration: "5s", factor: 2, maxDuration: "3m" },
        });
    });
});

describe("environment: the namespace, the pull secret and the Application together", () => {
    const environmentConfig = (protect: boolean) =>
        ({
            environment: "staging",
            namespace: "serviceradar-staging",
            protect,
            registry: { username: "robot", token: "ghp_pullToken123", server: "ghcr.io", pullSecretName: "ghcr-pull" },
        }) as unknown as ServiceRadarEnvironmentConfig;
    const application = {
        apiVersion: "argoproj.io/v1alpha1",
        kind: "Application",
        metadata: { name: "serviceradar-staging", namespace: "argocd" },
        spec: {},
    } as unknown as ApplicationManifest;

    async function declare(protect: boolean) {
        const run = await runProgramOnMocks(() => {
            const environment = new ServiceRadarEnvironment("staging", {
                config: environmentConfig(protect),
                application,
            });
            return {
                namespace: environment.namespace,
                pullSecretName: environment.pullSecretName,
                applicationName: environment.applicationName,
            };
        }, STACK);
        const of = (type: string) => run.resources.find((r) => r.type === type) as PlannedResource;
        return {
            run,
            namespace: of("kubernetes:core/v1:Namespace"),
            secret: of("kubernetes:core/v1:Secret"),
            app: of("kubernetes:argoproj.io/v1alpha1:Application"),
        };
    }

    it("labels the namespace, types the pull secret for the kubelet, and declares the Application after both", async () => {
        const { run, namespace, secret, app } = await declare(false);
        assert.deepStrictEqual(revealSecrets(namespace.inputs), {
            apiVersion: "v1",
            kind: "Namespace",
            metadata: {
                name: "serviceradar-staging",
                labels: { "app.kubernetes.io/part-of": "serviceradar", [ENVIRONMENT_LABEL]: "staging" },
            },
        });
        const revealed = revealSecrets(secret.inputs) as { type: string; stringData: Record<string, string> };
        assert.strictEqual(
            revealed.type,
            "kubernetes.io/dockerconfigjson",
            "the only type a pod's imagePullSecrets reads",
        );
        assert.deepStrictEqual(
            JSON.parse(revealed.stringData[".dockerconfigjson"]).auths["ghcr.io"].auth,
            "cm9ib3Q6Z2hwX3B1bGxUb2tlbjEyMw==",
        );
        assert.deepStrictEqual([...app.options.dependsOn].sort(), [namespace.urn, secret.urn].sort());
        assert.strictEqual(app.options.protect, false);
        assert.deepStrictEqual(run.outputs, {
            namespace: "serviceradar-staging",
            pullSecretName: "ghcr-pull",
            applicationName: "serviceradar-staging",
        });
    });

    it("protects and retains the namespace and the Application of a protected environment, not the pull secret", async () => {
        const { namespace, secret, app } = await declare(true);
        for (const resource of [namespace, app]) {
            assert.deepStrictEqual(
                [resource.options.protect, resource.options.retainOnDelete],
                [true, true],
                resource.type,
            );
        }
        assert.deepStrictEqual([secret.options.protect, secret.options.retainOnDelete], [false, false]);
    });
});
