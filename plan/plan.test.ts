import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as YAML from "yaml";
import { onlyResource, planJson, resourcesOfType, ROOT, runPlan } from "../test/support/plan";
import { WRITTEN_LIST } from "./out";

const APPLICATION = "kubernetes:argoproj.io/v1alpha1:Application";
const NAMESPACE = "kubernetes:core/v1:Namespace";
const SECRET = "kubernetes:core/v1:Secret";
const GITHUB_ENVIRONMENT = "github:index/repositoryEnvironment:RepositoryEnvironment";
const GITHUB_SECRET = "github:index/actionsEnvironmentSecret:ActionsEnvironmentSecret";
/** Direct mode; demo's stack file has no version (in promoter mode demo-staging decides it), so it is given here. */
const DIRECT = ["promotionMode=direct", "version=1.2.27"];
const DIRECT_ARGS = DIRECT.flatMap((c) => ["--config", c]);

const ADMIN_PASSWORD = "Adm1n-Passw0rd-never-shown";
const REGISTRY_TOKEN = "ghp_registryTokenNeverShown123";

describe("offline plan", () => {
    for (const stack of ["demo-staging", "demo"]) {
        describe(`stack ${stack}`, () => {
            it("declares the namespace named after the stack", async () => {
                const namespace = onlyResource(await planJson(stack, ...DIRECT), NAMESPACE);
                assert.strictEqual(namespace.inputs.metadata.name, stack);
            });

            it("declares the dockerconfigjson pull secret in the namespace, its content secret", async () => {
                const secret = onlyResource(
                    await planJson(stack, ...DIRECT),
                    SECRET,
                    (r) => r.inputs.metadata.name === "registry-carverauto-dev-cred",
                );
                assert.strictEqual(secret.inputs.type, "kubernetes.io/dockerconfigjson");
                assert.strictEqual(secret.inputs.metadata.namespace, stack);
                assert.strictEqual(secret.inputs.stringData, "[secret]");
            });

            it("pins the Application to the chart version and v<version> from the OCI registry", async () => {
                const plan = await planJson(stack, ...DIRECT);
                const app = onlyResource(plan, APPLICATION).inputs;
                const [source, values] = app.spec.sources;
                assert.strictEqual(app.metadata.namespace, "argocd");
                assert.strictEqual(
                    app.metadata.name,
                    stack === "demo" ? "serviceradar-demo-prod" : `serviceradar-${stack}`,
                );
                assert.strictEqual(source.repoURL, "registry.carverauto.dev/serviceradar/charts");
                assert.ok(!source.repoURL.startsWith("oci://"));
                assert.strictEqual(source.chart, "serviceradar");
                assert.strictEqual(source.targetRevision, plan.outputs.version);
                assert.strictEqual(source.helm.valuesObject.global.imageTag, `v${plan.outputs.version}`);
                assert.strictEqual(source.helm.valuesObject.image.registryPullSecret, "registry-carverauto-dev-cred");
                assert.deepStrictEqual(source.helm.valueFiles, [`$values/helm/serviceradar/values-${stack}.yaml`]);
                assert.deepStrictEqual(values, {
                    repoURL: "https://github.com/carverauto/serviceradar.git",
                    targetRevision: `v${plan.outputs.version}`,
                    ref: "values",
                });
                assert.deepStrictEqual(app.spec.destination, {
                    server: "https://kubernetes.default.svc",
                    namespace: stack,
                });
                // Staging may prune; demo, protected, never prunes automatically (a database could go with it).
                assert.deepStrictEqual(app.spec.syncPolicy.automated, {
                    prune: stack === "demo-staging",
                    selfHeal: true,
                    allowEmpty: false,
                });
            });

            it("keeps the data-safety settings of ServiceRadar's Applications", async () => {
                const app = onlyResource(await planJson(stack, ...DIRECT), APPLICATION).inputs;
                assert.deepStrictEqual(app.metadata.finalizers, ["resources-finalizer.argocd.argoproj.io"]);
                const cnpg = app.spec.ignoreDifferences.find((d: { kind: string }) => d.kind === "Cluster");
                assert.deepStrictEqual(cnpg, {
                    group: "postgresql.cnpg.io",
                    kind: "Cluster",
                    jsonPointers: ["/spec/instances", "/spec/storage/size"],
                });
                for (const option of ["RespectIgnoreDifferences=true", "PrunePropagationPolicy=foreground"]) {
                    assert.ok(app.spec.syncPolicy.syncOptions.includes(option), option);
                }
                // The chart's generated credentials and their checksum annotation are kept as first created.
                for (const name of ["cnpg-superuser", "serviceradar-db-credentials", "spire-db-credentials"]) {
                    assert.deepStrictEqual(
                        app.spec.ignoreDifferences.find((d: { name?: string }) => d.name === name),
                        { group: "", kind: "Secret", name, jsonPointers: ["/data", "/stringData"] },
                        name,
                    );
                }
                assert.ok(
                    app.spec.ignoreDifferences.some(
                        (d: { kind: string; jsonPointers: string[] }) =>
                            d.kind === "Deployment" &&
                            d.jsonPointers.includes("/spec/template/metadata/annotations/checksum~1db-credentials"),
                    ),
                );
            });

            it("declares the GitHub environment with both secrets where the workflows run, deployable from v* tags and main", async () => {
                const plan = await planJson(stack, ...DIRECT);
                const environment = onlyResource(plan, GITHUB_ENVIRONMENT);
                assert.strictEqual(environment.inputs.environment, stack);
                // The repository holding this program (deploymentsRepository), whose workflows run the e2e gate.
                assert.strictEqual(environment.inputs.repository, "serviceradar-release");
                assert.deepStrictEqual(environment.inputs.deploymentBranchPolicy, {
                    customBranchPolicies: true,
                    protectedBranches: false,
                });
                const policies = resourcesOfType(
                    plan,
                    "github:index/repositoryEnvironmentDeploymentPolicy:RepositoryEnvironmentDeploymentPolicy",
                );
                assert.deepStrictEqual(
                    policies.map((p) => p.inputs.tagPattern ?? `branch ${p.inputs.branchPattern}`).sort(),
                    ["branch main", "v*"],
                );
                const secrets = resourcesOfType(plan, GITHUB_SECRET);
                assert.deepStrictEqual(secrets.map((s) => s.inputs.secretName).sort(), [
                    "SERVICERADAR_ADMIN_PASSWORD",
                    "SERVICERADAR_CORE_URL",
                ]);
                for (const secret of secrets) {
                    assert.strictEqual(secret.inputs.environment, stack);
                    assert.strictEqual(secret.inputs.value, "[secret]");
                }
                const provider = onlyResource(plan, "pulumi:providers:github");
                assert.strictEqual(provider.inputs.owner, "carverauto");
            });

            it("exports what a user looks for", async () => {
                const outputs = (await planJson(stack, ...DIRECT)).outputs;
                for (const key of ["version", "imageTag", "chartVersion", "namespace", "applicationName", "coreUrl"]) {
                    assert.ok(typeof outputs[key] === "string" && outputs[key] !== "", `${key} exported`);
                }
                assert.strictEqual(outputs.namespace, stack);
            });
        });
    }

    it("protects demo's namespace and Application from deletion and replacement, and not staging's", async () => {
        for (const [stack, protectedData] of [
            ["demo", true],
            ["demo-staging", false],
        ] as const) {
            const plan = await planJson(stack, ...DIRECT);
            for (const type of [NAMESPACE, APPLICATION]) {
                const { options } = onlyResource(plan, type);
                assert.strictEqual(options.protect, protectedData, `${stack} ${type} protect`);
                assert.strictEqual(options.retainOnDelete, protectedData, `${stack} ${type} retainOnDelete`);
            }
        }
    });

    it("orders the Application after its namespace and pull secret", async () => {
        const plan = await planJson("demo", ...DIRECT);
        const app = onlyResource(plan, APPLICATION);
        const namespace = onlyResource(plan, NAMESPACE);
        assert.ok(app.options.dependsOn.includes(namespace.urn));
    });

    it("declares an Argo CD chart credential only for a private chart, only on the pipeline stack", async () => {
        const isCredential = (r: { inputs: Record<string, any> }) =>
            r.inputs.metadata?.labels?.["argocd.argoproj.io/secret-type"] === "repository";
        assert.strictEqual(
            resourcesOfType(await planJson("demo-staging", ...DIRECT, "chartPrivate=false"), SECRET).filter(
                isCredential,
            ).length,
            0,
        );
        // The shipped pipeline stack reads the Harbor chart repository with a credential (chartPrivate: true).
        const credential = onlyResource(await planJson("demo-staging", ...DIRECT), SECRET, isCredential);
        assert.strictEqual(credential.inputs.metadata.namespace, "argocd");
        assert.strictEqual(credential.inputs.stringData, "[secret]");
        assert.strictEqual(
            resourcesOfType(await planJson("demo", ...DIRECT, "chartPrivate=true"), SECRET).filter(isCredential).length,
            0,
        );
    });

    it("requires reviewers for demo deployments when configured, and none by default", async () => {
        assert.strictEqual(
            onlyResource(await planJson("demo", ...DIRECT), GITHUB_ENVIRONMENT).inputs.reviewers,
            undefined,
        );
        const environment = onlyResource(
            await planJson("demo", ...DIRECT, "reviewerTeamIds=[4242]"),
            GITHUB_ENVIRONMENT,
        ).inputs;
        assert.deepStrictEqual(environment.reviewers, [{ teams: [4242], users: [] }]);
        assert.strictEqual(environment.preventSelfReview, true);
    });

    it("can declare the GitHub environments where the workflows run, admitting their branch", async () => {
        const plan = await planJson(
            "demo-staging",
            ...DIRECT,
            "githubEnvironmentsRepository=serviceradar-release",
            "deploymentBranchPattern=main",
        );
        assert.strictEqual(onlyResource(plan, GITHUB_ENVIRONMENT).inputs.repository, "serviceradar-release");
        const policies = resourcesOfType(
            plan,
            "github:index/repositoryEnvironmentDeploymentPolicy:RepositoryEnvironmentDeploymentPolicy",
        );
        assert.deepStrictEqual(policies.map((p) => p.inputs.tagPattern ?? `branch ${p.inputs.branchPattern}`).sort(), [
            "branch main",
            "v*",
        ]);
        for (const secret of resourcesOfType(plan, GITHUB_SECRET))
            assert.strictEqual(secret.inputs.repository, "serviceradar-release");
    });

    it("applies --config overrides like pulumi preview --config", async () => {
        const plan = await planJson("demo", ...DIRECT, "version=1.3.0");
        const [source, values] = onlyResource(plan, APPLICATION).inputs.spec.sources;
        assert.strictEqual(source.targetRevision, "1.3.0");
        assert.strictEqual(values.targetRevision, "v1.3.0", "the environment's values move with the release");
        assert.strictEqual(source.helm.valuesObject.global.imageTag, "v1.3.0");
    });

    it("reports the absent secrets the stack uses as placeholders, and only those", async () => {
        const plan = await planJson("demo", ...DIRECT);
        assert.deepStrictEqual(plan.placeholders, ["adminPassword", "registryToken"]);
        assert.deepStrictEqual((await planJson("demo-staging")).placeholders, [
            "adminPassword",
            "promoterGithubAppPrivateKey",
            "registryToken",
        ]);
        const table = await runPlan(["--stack", "demo", ...DIRECT_ARGS]);
        assert.match(table.stdout, /Secrets planned with placeholders .*adminPassword/);
    });

    it("never shows a secret given with --config, plain or base64, in any output", async () => {
        const out = fs.mkdtempSync(path.join(os.tmpdir(), "plan-out-"));
        const config = [
            `adminPassword=${ADMIN_PASSWORD}`,
            `registryToken=${REGISTRY_TOKEN}`,
            "chartPrivate=true",
            ...DIRECT,
        ];
        const args = config.flatMap((c) => ["--config", c]);
        const json = await runPlan(["--stack", "demo-staging", "--json", "--out", out, ...args]);
        const table = await runPlan(["--stack", "demo-staging", ...args]);
        assert.strictEqual(json.code, 0, json.stderr);
        assert.strictEqual(table.code, 0, table.stderr);
        const texts = [
            json.stdout,
            json.stderr,
            table.stdout,
            table.stderr,
            ...fs.readdirSync(out).map((f) => fs.readFileSync(path.join(out, f), "utf8")),
        ];
        const forbidden = [ADMIN_PASSWORD, REGISTRY_TOKEN, `carverauto-bot:${REGISTRY_TOKEN}`].flatMap((s) => [
            s,
            Buffer.from(s).toString("base64"),
        ]);
        for (const text of texts) {
            for (const secret of forbidden)
                assert.ok(!text.includes(secret), `a secret leaked: ${secret.slice(0, 6)}...`);
        }
        assert.ok(
            !JSON.parse(json.stdout).placeholders.includes("adminPassword"),
            "a given secret is not a placeholder",
        );
    });

    it("writes every Kubernetes object as one YAML manifest with --out", async () => {
        const out = fs.mkdtempSync(path.join(os.tmpdir(), "plan-out-"));
        const result = await runPlan(["--stack", "demo", "--out", out, ...DIRECT_ARGS]);
        assert.strictEqual(result.code, 0, result.stderr);
        const manifests = fs
            .readdirSync(out)
            .filter((file) => file !== WRITTEN_LIST)
            .map((f) => YAML.parse(fs.readFileSync(path.join(out, f), "utf8")));
        const kinds = manifests.map((m) => `${m.kind}/${m.metadata.name}`).sort();
        assert.deepStrictEqual(kinds, [
            "Application/serviceradar-demo-prod",
            "Namespace/demo",
            "Secret/registry-carverauto-dev-cred",
        ]);
        assert.ok(manifests.every((m) => typeof m.apiVersion === "string"));
    });

    it("the shipped demo has no version: refused if given in promoter mode, required in direct mode", async () => {
        const stackFile = YAML.parse(fs.readFileSync(path.join(ROOT, "Pulumi.demo.yaml"), "utf8"));
        assert.ok(!("serviceradar-release:version" in stackFile.config), "Pulumi.demo.yaml sets no version");
        assert.ok("serviceradar-release:applicationName" in stackFile.config, "its other keys stay");
        const given = await runPlan(["--stack", "demo", "--config", "version=9.9.9"]);
        assert.strictEqual(given.code, 2, given.stdout);
        assert.strictEqual(
            given.stderr.trim(),
            'error: Invalid configuration serviceradar-release:version: "9.9.9"; expected it unset on demo in ' +
                "promoter mode: demo-staging decides what demo runs; remove version from Pulumi.demo.yaml (set it on " +
                "demo-staging, or use promotionMode=direct).",
        );
        const direct = await runPlan(["--stack", "demo", "--config", "promotionMode=direct"]);
        assert.strictEqual(direct.code, 2, direct.stdout);
        assert.match(
            direct.stderr,
            /^error: Invalid configuration serviceradar-release:version: \(not set\); expected a semver release/,
        );
    });

    it("exports no pins where the promoter decides what runs, and says so", async () => {
        const demo = (await planJson("demo")).outputs;
        for (const key of ["version", "imageTag", "chartVersion", "chart"]) assert.strictEqual(demo[key], null, key);
        assert.match(String(demo.releaseSource), /GitOps Promoter: environment\/demo, after demo-staging's gates/);
        const staging = (await planJson("demo-staging")).outputs;
        assert.strictEqual(staging.imageTag, "v1.2.27");
        assert.strictEqual(staging.chart, "oci://registry.carverauto.dev/serviceradar/charts/serviceradar:1.2.27");
        const direct = (await planJson("demo", ...DIRECT)).outputs;
        assert.strictEqual(direct.version, "1.2.27");
        assert.match(String(direct.releaseSource), /direct mode/);
    });

    it("registers each component under its class name, with an alias for the token a live stack may have", async () => {
        const plan = await planJson(
            "demo-staging",
            "deploymentsEnabled=true",
            "deploymentKubeconfig=k",
        );
        const components = plan.resources.filter((r) => r.type.startsWith("serviceradar:release:"));
        assert.deepStrictEqual([...new Set(components.map((c) => c.type.split(":")[2]))].sort(), [
            "ChartRepositoryCredential",
            "GitHubEnvironment",
            "PromotionPipeline",
            "ReleaseDeployments",
            "ServiceRadarEnvironment",
        ]);
        const aliasOf = (type: string) =>
            (
                components.find((c) => c.type === `serviceradar:release:${type}`)?.options as {
                    aliases: { type?: string }[];
                }
            ).aliases.map((a) => a.type);
        assert.deepStrictEqual(aliasOf("ServiceRadarEnvironment"), ["serviceradar:release:Environment"]);
        assert.deepStrictEqual(aliasOf("ReleaseDeployments"), ["serviceradar:release:Deployments"]);
        assert.deepStrictEqual(aliasOf("PromotionPipeline"), []);
    });

    it("prints a readable tree grouped by component", async () => {
        const result = await runPlan(["--stack", "demo", ...DIRECT_ARGS]);
        assert.strictEqual(result.code, 0, result.stderr);
        assert.match(
            result.stdout,
            /serviceradar:release:ServiceRadarEnvironment\s+demo\n.*├─ kubernetes:argoproj.io\/v1alpha1:Application\s+demo-application\s+\[protected, retained on delete\]/,
        );
        assert.match(result.stdout, /Resources: \d+ to create/);
        const staging = await runPlan(["--stack", "demo-staging"]);
        assert.strictEqual(staging.code, 0, staging.stderr);
        assert.match(staging.stdout, /^Offline plan of stack demo-staging/);
        assert.match(staging.stdout, /serviceradar:release:PromotionPipeline\s+release/);
        assert.match(staging.stdout, /Policy violations: none/);
    });

    for (const [args, pattern] of [
        [
            [...DIRECT_ARGS, "--config", "version=1.0"],
            /^error: Invalid configuration serviceradar-release:version: "1.0"; expected a semver release/,
        ],
        [["--config", "coreUrl=not-a-url"], /^error: Invalid configuration serviceradar-release:coreUrl: "not-a-url"/],
        [
            ["--config", "adminPassword="],
            /^error: Invalid configuration serviceradar-release:adminPassword: \(secret value hidden\)/,
        ],
    ] as const) {
        it(`fails with one line for ${args.join(" ")}`, async () => {
            const result = await runPlan(["--stack", "demo", ...args]);
            assert.strictEqual(result.code, 2);
            assert.strictEqual(result.stdout, "", "nothing is planned");
            assert.match(result.stderr, pattern);
            assert.strictEqual(result.stderr.trim().split("\n").length, 1, result.stderr);
        });
    }

    it("refuses an unknown stack, naming the known ones", async () => {
        const result = await runPlan(["--stack", "prod"]);
        assert.strictEqual(result.code, 2);
        assert.match(
            result.stderr,
            /^error: no stack file Pulumi\.prod\.yaml in .*; known stacks: demo, demo-staging\n$/,
        );
    });
});
