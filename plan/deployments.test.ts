import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { releaseConfigOf } from "../config/stackConfig";
import { deploymentVariables, PROGRAM_PATHS } from "../deployments/releaseDeployments";
import { planCommand } from "./command";
import { planJson, resourcesOfType, ROOT, runPlan } from "../test/support/plan";

const DEPLOYMENT_SETTINGS = "pulumiservice:index:DeploymentSettings";
const KUBECONFIG =
    "apiVersion: v1\nclusters: [{name: k3s, cluster: {server: https://10.0.0.1:6443}}]\nusers: [{name: ci, user: {token: kube-token-never-shown}}]";
const PRIVATE_KEY =
    "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAdeploymentKeyNeverShown42\n-----END RSA PRIVATE KEY-----\n";

describe("Pulumi Deployments settings", () => {
    for (const stack of ["demo-staging", "demo"]) {
        it(`${stack}: absent unless enabled`, async () => {
            assert.strictEqual(resourcesOfType(await planJson(stack), DEPLOYMENT_SETTINGS).length, 0);
        });

        it(`${stack}: when enabled, deploys pushes touching the stack's config and previews pull requests`, async () => {
            const [settings] = resourcesOfType(await planJson(stack, "deploymentsEnabled=true"), DEPLOYMENT_SETTINGS);
            assert.ok(settings, "declared");
            const inputs = settings.inputs;
            assert.strictEqual(inputs.organization, "carverauto");
            assert.strictEqual(inputs.project, "serviceradar-release");
            assert.strictEqual(inputs.stack, stack);
            assert.deepStrictEqual(inputs.sourceContext, {
                git: { repoUrl: "https://github.com/carverauto/serviceradar-release.git", branch: "refs/heads/main" },
            });
            assert.strictEqual(inputs.github.repository, "carverauto/serviceradar-release");
            assert.strictEqual(inputs.github.deployCommits, true);
            assert.strictEqual(inputs.github.previewPullRequests, true);
            assert.deepStrictEqual(inputs.github.paths, [`Pulumi.${stack}.yaml`, ...PROGRAM_PATHS]);
            assert.ok(
                !inputs.github.paths.some((p: string) => /Pulumi\.(?!yaml$)/.test(p) && p !== `Pulumi.${stack}.yaml`),
            );
            assert.strictEqual(inputs.operationContext, "[secret]", "credentials make the operation context secret");
        });
    }

    it("the program paths name what index.ts loads: every local module of the program is under one of them", () => {
        // The program's local imports, followed from index.ts: a module outside PROGRAM_PATHS would change what
        // pulumi up declares without a deployment.
        const seen = new Set<string>();
        const visit = (file: string) => {
            if (seen.has(file)) return;
            seen.add(file);
            for (const [, spec] of fs.readFileSync(file, "utf8").matchAll(/from "(\.{1,2}\/[^"]+)"/g)) {
                const base = path.resolve(path.dirname(file), spec);
                const target = [`${base}.ts`, path.join(base, "index.ts")].find((f) => fs.existsSync(f));
                if (target) visit(target);
            }
        };
        visit(path.join(ROOT, "index.ts"));
        const covered = (relative: string) =>
            PROGRAM_PATHS.some((p) => (p.endsWith("/**") ? relative.startsWith(p.slice(0, -2)) : relative === p));
        for (const file of seen) {
            const relative = path.relative(ROOT, file).split(path.sep).join("/");
            assert.ok(covered(relative), `${relative} is loaded by the program but not in PROGRAM_PATHS`);
        }
    });

    it("declares a drift schedule only when asked, after the settings, reporting unless told to remediate", async () => {
        const plain = await planJson("demo", "deploymentsEnabled=true");
        assert.strictEqual(resourcesOfType(plain, "pulumiservice:index:DriftSchedule").length, 0);
        const plan = await planJson("demo", "deploymentsEnabled=true", "deploymentsDriftSchedule=0 */6 * * *");
        const [drift] = resourcesOfType(plan, "pulumiservice:index:DriftSchedule");
        assert.deepStrictEqual(drift.inputs, {
            organization: "carverauto",
            project: "serviceradar-release",
            stack: "demo",
            scheduleCron: "0 */6 * * *",
            autoRemediate: false,
        });
        const [settings] = resourcesOfType(plan, DEPLOYMENT_SETTINGS);
        assert.deepStrictEqual(drift.options.dependsOn, [settings.urn]);
        const bad = await runPlan([
            "--stack",
            "demo",
            "--config",
            "deploymentsEnabled=true",
            "--config",
            "deploymentsDriftSchedule=hourly",
        ]);
        assert.strictEqual(bad.code, 2);
        assert.match(bad.stderr, /deploymentsDriftSchedule: "hourly"; expected a five-field cron expression/);
    });

    it("never shows the deployment credentials", async () => {
        const args = [
            "--stack",
            "demo",
            "--json",
            "--config",
            "deploymentsEnabled=true",
            "--config",
            `deploymentKubeconfig=${KUBECONFIG}`,
            "--config",
            `hydratorGithubAppPrivateKey=${PRIVATE_KEY}`,
        ];
        const result = await runPlan(args);
        assert.strictEqual(result.code, 0, result.stderr);
        for (const secret of ["kube-token-never-shown", "deploymentKeyNeverShown42"]) {
            assert.ok(
                !result.stdout.includes(secret) && !result.stdout.includes(Buffer.from(secret).toString("base64")),
            );
        }
    });

    it("runs each deployment as the hydrator's GitHub App: its three variables, each a secret, and no stored token", async () => {
        const config = releaseConfigOf(ROOT, "demo-staging", ["deploymentsEnabled=true"]);
        const variables = deploymentVariables(config.deployments!);
        assert.deepStrictEqual(Object.keys(variables).sort(), [
            "GITHUB_APP_ID",
            "GITHUB_APP_INSTALLATION_ID",
            "GITHUB_APP_PEM_FILE",
            "KUBECONFIG",
            "KUBECONFIG_CONTENT",
        ]);
        for (const name of [
            "GITHUB_APP_ID",
            "GITHUB_APP_INSTALLATION_ID",
            "GITHUB_APP_PEM_FILE",
            "KUBECONFIG_CONTENT",
        ]) {
            const value = variables[name as keyof typeof variables];
            assert.ok(await pulumi.isSecret(pulumi.output(value)), `${name} is a secret`);
        }
        const plain = async (name: keyof typeof variables) =>
            new Promise((resolve) => pulumi.output(variables[name]).apply(resolve));
        assert.deepStrictEqual(
            [
                await plain("GITHUB_APP_ID"),
                await plain("GITHUB_APP_INSTALLATION_ID"),
                await plain("GITHUB_APP_PEM_FILE"),
            ],
            ["2459954", "99273302", "offline-plan-placeholder-for-promoterGithubAppPrivateKey"],
            "the pipeline stack's hydrator is the promoter's App: its key is asked once",
        );
    });

    it("refuses some of the App's variables in the environment without the others, before declaring anything", async () => {
        // The GitHub provider would quietly use GITHUB_TOKEN instead (provider.go validateAppAuth), the git writers the
        // App: one run, two identities.
        const saved = process.env.GITHUB_APP_ID;
        process.env.GITHUB_APP_ID = "2459954";
        try {
            const result = await planCommand(["--stack", "demo-staging"]);
            assert.strictEqual(result.code, 2, result.stdout);
            assert.strictEqual(
                result.stderr,
                "error: GitHub App authentication needs GITHUB_APP_ID, GITHUB_APP_INSTALLATION_ID, GITHUB_APP_PEM_FILE: " +
                    "GITHUB_APP_ID is set, GITHUB_APP_INSTALLATION_ID and GITHUB_APP_PEM_FILE not (set all three, as " +
                    "Pulumi Deployments gets them, or none and GITHUB_TOKEN)\n",
            );
        } finally {
            if (saved === undefined) delete process.env.GITHUB_APP_ID;
            else process.env.GITHUB_APP_ID = saved;
        }
    });

    it("refuses the retired deploymentGithubToken in the plan, saying what replaced it", async () => {
        const result = await runPlan(["--stack", "demo-staging", "--config", "deploymentGithubToken=ghs_stored42"]);
        assert.strictEqual(result.code, 2);
        assert.strictEqual(result.stderr.split("\n").filter(Boolean).length, 1, "one line");
        assert.match(
            result.stderr,
            /deploymentGithubToken: \(secret value hidden\); expected it unset: .*hydratorGithubAppPrivateKey/,
        );
        assert.ok(!result.stderr.includes("ghs_stored42"));
    });

    it("rejects a malformed repository with the key named", async () => {
        const result = await runPlan([
            "--stack",
            "demo",
            "--config",
            "deploymentsEnabled=true",
            "--config",
            "deploymentsRepository=serviceradar-release",
        ]);
        assert.strictEqual(result.code, 2);
        assert.match(
            result.stderr,
            /serviceradar-release:deploymentsRepository: "serviceradar-release"; expected owner\/name/,
        );
    });
});
