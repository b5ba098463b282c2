// Every secret the program builds, read where it is built: the plan's mock runtime sees each registration's inputs
// before redaction (test/render/chartRender.ts `declareStack` / `declaredInputs`), so each value is decoded and compared
// with the configured secret here, while the plan's output, the one sink a user reads, still shows `[secret]` only.

import { strict as assert } from "node:assert";
import { type DeclaredStack, declareStack, declaredInputs } from "./render/chartRender";
import { type PlanJson, runPlan } from "./support/plan";

/** Secrets with characters a careless builder would mangle: JSON and YAML quoting, a colon inside Basic auth. */
const SECRETS = {
    // "~~~?" makes base64(user:token) hold "+" and "=" padding: base64url or unpadded output would differ.
    registryToken: 'reg:tok"en\\with/+=~~~?',
    adminPassword: "Adm1n pa$$ 'quoted' & more",
    promoterGithubAppPrivateKey:
        "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAtest\n-----END RSA PRIVATE KEY-----\n",
    deploymentKubeconfig: "apiVersion: v1\nkind: Config\nusers:\n- name: ci\n  user: {token: kube-secret-token}\n",
};

const OVERRIDES = [
    "promotionMode=promoter",
    "deploymentsEnabled=true",
    ...Object.entries(SECRETS).map(([key, value]) => `${key}=${value}`),
];

function one(declared: DeclaredStack, type: string, name: string): Record<string, any> {
    const matches = declared.run.resources.filter((r) => r.type === type && r.name === name);
    assert.equal(matches.length, 1, `exactly one ${type} ${name}`);
    return declaredInputs({ ...declared, run: { ...declared.run, resources: matches } }, type)[0];
}

describe("secrets as the program builds them (decoded), and as the plan shows them ([secret])", function () {
    this.timeout(240_000);
    let declared: DeclaredStack;
    before(async () => {
        declared = await declareStack("demo-staging", OVERRIDES);
    });

    it("the pull secret's .dockerconfigjson: auths[server] with username, password and auth = base64(user:token)", () => {
        const { registry } = declared.config;
        const secret = one(declared, "kubernetes:core/v1:Secret", "demo-staging-pull-secret");
        assert.equal(secret.type, "kubernetes.io/dockerconfigjson");
        assert.equal(secret.metadata.namespace, declared.config.namespace);
        const document = JSON.parse(secret.stringData[".dockerconfigjson"]) as {
            auths: Record<string, { username: string; password: string; auth: string }>;
        };
        assert.deepEqual(Object.keys(document.auths), [registry.server]);
        const entry = document.auths[registry.server];
        assert.equal(entry.username, registry.username);
        assert.equal(entry.password, SECRETS.registryToken);
        const decoded = Buffer.from(entry.auth, "base64").toString("utf8");
        assert.equal(decoded, `${registry.username}:${SECRETS.registryToken}`);
        assert.equal(
            Buffer.from(decoded, "utf8").toString("base64"),
            entry.auth,
            "canonical base64, no padding tricks",
        );
    });

    it("Argo CD's chart repository credential carries the registry token as its password", () => {
        const credential = one(declared, "kubernetes:core/v1:Secret", "chart-registry-secret");
        assert.equal(credential.stringData.password, SECRETS.registryToken);
        assert.equal(credential.stringData.username, declared.config.registry.username);
    });

    it("the promoter's GitHub App Secret holds the private key, byte for byte, under githubAppPrivateKey", () => {
        const secret = one(declared, "kubernetes:core/v1:Secret", "release-github-app");
        assert.equal(secret.metadata.namespace, "promoter-system");
        assert.deepEqual(Object.keys(secret.stringData), ["githubAppPrivateKey"]);
        assert.equal(secret.stringData.githubAppPrivateKey, SECRETS.promoterGithubAppPrivateKey);
    });

    it("the GitHub environment secret SERVICERADAR_ADMIN_PASSWORD has the admin password as its value", () => {
        const secret = one(
            declared,
            "github:index/actionsEnvironmentSecret:ActionsEnvironmentSecret",
            "demo-staging-serviceradar-admin-password",
        );
        assert.equal(secret.secretName, "SERVICERADAR_ADMIN_PASSWORD");
        assert.equal(secret.environment, "demo-staging");
        assert.equal(secret.value, SECRETS.adminPassword);
    });

    it("Deployments get the kubeconfig's text and the hydrator's GitHub App (the promoter's key, asked once), no token", () => {
        const settings = one(declared, "pulumiservice:index:DeploymentSettings", "demo-staging-settings");
        const variables = settings.operationContext.environmentVariables as Record<string, string>;
        assert.equal(variables.KUBECONFIG_CONTENT, SECRETS.deploymentKubeconfig);
        assert.equal(variables.GITHUB_APP_ID, String(declared.config.promotion.githubApp?.hydratorAppId));
        assert.equal(variables.GITHUB_APP_INSTALLATION_ID, String(declared.config.promotion.githubApp?.installationId));
        assert.equal(variables.GITHUB_APP_PEM_FILE, SECRETS.promoterGithubAppPrivateKey);
        assert.ok(!("GITHUB_TOKEN" in variables), "no stored token: each run mints its own");
    });

    it("the plan's output shows [secret] where each secret is built, and no secret, raw or encoded, anywhere", async () => {
        const encoded = Buffer.from(`${declared.config.registry.username}:${SECRETS.registryToken}`).toString("base64");
        const secretLines = Object.values(SECRETS)
            .flatMap((value) => value.split("\n"))
            .filter((line) => line.length > 12);
        const planArgs = ["--stack", "demo-staging", ...OVERRIDES.flatMap((override) => ["--config", override])];
        for (const format of [[], ["--json"]]) {
            const result = await runPlan([...planArgs, ...format]);
            assert.equal(result.code, 0, result.stderr);
            const shown = result.stdout + result.stderr;
            for (const value of [...Object.values(SECRETS), encoded, ...secretLines]) {
                assert.ok(!shown.includes(value), `${format.join("") || "the table"} shows a secret`);
            }
        }
        const plan = JSON.parse((await runPlan([...planArgs, "--json"])).stdout) as PlanJson;
        const planned = (name: string) => plan.resources.find((resource) => resource.name === name)?.inputs;
        // The SDK marks the whole Output a secret came through: the field holding it is shown as one [secret].
        assert.equal(planned("demo-staging-pull-secret")?.stringData, "[secret]");
        assert.equal(planned("chart-registry-secret")?.stringData, "[secret]");
        assert.equal(planned("release-github-app")?.stringData, "[secret]");
        assert.equal(planned("demo-staging-serviceradar-admin-password")?.value, "[secret]");
        assert.equal(planned("demo-staging-settings")?.operationContext, "[secret]");
    });
});
