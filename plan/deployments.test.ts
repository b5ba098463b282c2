import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { PROGRAM_PATHS } from "../deployments/releaseDeployments";
import { planJson, resourcesOfType, ROOT, runPlan } from "../test/support/plan";

const DEPLOYMENT_SETTINGS = "pulumiservice:index:DeploymentSettings";
const KUBECONFIG =
    "apiVersion: v1\nclusters: [{name: k3s, cluster: {server: https://10.0.0.1:6443}}]\nusers: [{name: ci, user: {token: kube-token-never-shown}}]";
const GITHUB_TOKEN = "ghp_deploymentTokenNeverShown42";

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
            `deploymentGithubToken=${GITHUB_TOKEN}`,
        ];
        const result = await runPlan(args);
        assert.strictEqual(result.code, 0, result.stderr);
        for (const secret of ["kube-token-never-shown", GITHUB_TOKEN]) {
            assert.ok(
                !result.stdout.includes(secret) && !result.stdout.includes(Buffer.from(secret).toString("base64")),
            );
        }
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
