import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { planCommand } from "./command";
import { assertAccepted, isCustomResource } from "../test/support/crdValidator";
import { PlanJson, ROOT } from "../test/support/plan";
import { projectWithCustomerA, THREE_ENVIRONMENTS } from "../test/support/customerA";

const THREE = THREE_ENVIRONMENTS;

async function plan(root: string, stack: string, ...config: string[]): Promise<PlanJson> {
    const result = await planCommand(["--stack", stack, "--json", ...config.flatMap((c) => ["--config", c])], {
        configRoot: root,
    });
    assert.strictEqual(result.code, 0, result.stderr + result.stdout.slice(0, 2000));
    return JSON.parse(result.stdout) as PlanJson;
}

const of = (plan: PlanJson, kind: string) => plan.resources.filter((r) => r.inputs?.kind === kind).map((r) => r.inputs);

describe("environments are data: a third environment is one list entry and one stack file", () => {
    const root = projectWithCustomerA();

    it("the pipeline stack promotes through all three, auto-merging only the first, gating on health and e2e", async () => {
        const pipeline = await plan(root, "demo-staging");
        const [strategy] = of(pipeline, "PromotionStrategy");
        assert.deepStrictEqual(
            strategy.spec.environments.map((e: { branch: string; autoMerge: boolean }) => [e.branch, e.autoMerge]),
            [
                ["environment/demo-staging", true],
                ["environment/demo", false],
                ["environment/customer-a", false],
            ],
        );
        assert.deepStrictEqual(strategy.spec.activeCommitStatuses, [{ key: "argocd-health" }]);
        assert.deepStrictEqual(strategy.spec.environments[0].activeCommitStatuses, [{ key: "e2e-tests" }]);
        const [health] = of(pipeline, "ArgoCDCommitStatus");
        assert.deepStrictEqual(health.spec.applicationSelector.matchExpressions[0].values, THREE);
        const hydrations = pipeline.resources
            .filter((r) => r.inputs.kind === "serviceradar-hydrated-environment")
            .sort((a, b) => THREE.indexOf(a.inputs.environment) - THREE.indexOf(b.inputs.environment));
        assert.deepStrictEqual(
            hydrations.map((h) => [h.inputs.environment, h.inputs.branch, h.inputs.promotedFrom ?? null]),
            [
                ["demo-staging", "environment/demo-staging-next", null],
                ["demo", "environment/demo-next", "demo-staging"],
                ["customer-a", "environment/customer-a-next", "demo-staging"],
            ],
        );
        assert.deepStrictEqual(pipeline.policyViolations, []);
        await assertAccepted(
            pipeline.resources
                .filter((r) => r.type.startsWith("kubernetes:"))
                .map((r) => r.inputs)
                .filter(isCustomResource),
        );
    });

    it("environmentGates gives each environment its own active statuses and soak", async () => {
        const gates = { "demo-staging": { e2e: true }, "customer-a": { e2e: true, soak: "2h" } };
        const pipeline = await plan(root, "demo-staging", `environmentGates=${JSON.stringify(gates)}`);
        const [strategy] = of(pipeline, "PromotionStrategy");
        assert.deepStrictEqual(
            strategy.spec.environments.map((env: any) => [env.branch, env.activeCommitStatuses ?? []]),
            [
                ["environment/demo-staging", [{ key: "e2e-tests" }]],
                ["environment/demo", []],
                ["environment/customer-a", [{ key: "e2e-tests" }, { key: "soak-time" }]],
            ],
        );
        const [soak] = of(pipeline, "TimedCommitStatus");
        assert.deepStrictEqual(soak.spec.environments, [{ branch: "environment/customer-a", duration: "2h" }]);
        await assertAccepted([strategy, soak]);
    });

    it("customer-a declares its own namespace, Application and GitHub environment, judged at demo's levels", async () => {
        const customer = await plan(root, "customer-a");
        const [app] = of(customer, "Application");
        assert.strictEqual(app.metadata.name, "serviceradar-customer-a");
        assert.strictEqual(app.spec.source.targetRevision, "environment/customer-a");
        assert.strictEqual(app.spec.destination.namespace, "customer-a");
        const environments = customer.resources.filter(
            (r) => r.type === "github:index/repositoryEnvironment:RepositoryEnvironment",
        );
        assert.deepStrictEqual(
            environments.map((e) => e.inputs.environment),
            ["customer-a"],
        );
        assert.deepStrictEqual(customer.policyViolations, []);
        const unprotected = await planCommand(["--stack", "customer-a", "--config", "protect=false"], {
            configRoot: root,
        });
        assert.strictEqual(unprotected.code, 1, "no policy file of its own: demo's mandatory levels apply");
        assert.match(unprotected.stdout, /\[mandatory\] data-safety/);
        assert.match(unprotected.stdout, /policy config policies\/demo\.json/);
    });

    it("no object is declared by two of the three stacks", async () => {
        const identities = await Promise.all(
            THREE.map(async (stack) =>
                (await plan(root, stack)).resources
                    .filter(
                        (r) =>
                            r.type.startsWith("kubernetes:") ||
                            r.type.startsWith("github:") ||
                            r.inputs.kind === "serviceradar-hydrated-environment",
                    )
                    .map(
                        (r) =>
                            `${r.type} ${JSON.stringify([r.inputs.metadata?.namespace, r.inputs.metadata?.name, r.inputs.environment, r.inputs.branch, r.inputs.secretName, r.inputs.tagPattern, r.inputs.name])}`,
                    ),
            ),
        );
        const all = identities.flat();
        assert.strictEqual(new Set(all).size, all.length);
    });

    it("plans 20 environments with every object declared once", async () => {
        const twenty = ["demo-staging", "demo", ...Array.from({ length: 18 }, (_, i) => `customer-${i + 1}`)];
        const pipeline = await plan(ROOT, "demo-staging", `environments=${JSON.stringify(twenty)}`);
        const hydrated = pipeline.resources.filter((r) => r.inputs.kind === "serviceradar-hydrated-environment");
        assert.strictEqual(hydrated.length, 20);
        const urns = pipeline.resources.map((r) => r.urn);
        assert.strictEqual(new Set(urns).size, urns.length);
        const branches = hydrated.map((h) => h.inputs.branch);
        assert.strictEqual(new Set(branches).size, 20);
        assert.deepStrictEqual(pipeline.policyViolations, []);
    });

    it("shows each environment's place in the chain", async () => {
        const result = await planCommand(["--stack", "demo-staging"], { configRoot: root });
        assert.match(result.stdout, /demo-staging \(1 of 3, first\)/);
        assert.match(result.stdout, /demo \(2 of 3, after demo-staging\)/);
        assert.match(result.stdout, /customer-a \(3 of 3, after demo-staging, then demo\)/);
    });

    it("refuses a stack outside the list in one line, naming the list", async () => {
        fs.copyFileSync(path.join(root, "Pulumi.demo.yaml"), path.join(root, "Pulumi.prod.yaml"));
        const result = await planCommand(["--stack", "prod"], { configRoot: root });
        assert.strictEqual(result.code, 2);
        assert.strictEqual(result.stderr.trim().split("\n").length, 1, result.stderr);
        assert.match(
            result.stderr,
            /^error: Unknown environment: stack "prod"; expected a stack named after an environment of serviceradar-release:environments: demo-staging, demo, customer-a\./,
        );
        const repeated = await planCommand(["--stack", "demo", "--config", 'environments=["demo","demo"]'], {
            configRoot: root,
        });
        assert.match(
            repeated.stderr,
            /^error: Invalid configuration serviceradar-release:environments: "\[\\"demo\\",\\"demo\\"\]"; expected a JSON list/,
        );
        // Not JSON at all: still the program's one line naming the key and the value, never a parser's message.
        const malformed = await planCommand(["--stack", "demo", "--config", "environments=[demo"], {
            configRoot: root,
        });
        assert.strictEqual(malformed.code, 2);
        assert.strictEqual(
            malformed.stderr.trim(),
            'error: Invalid configuration serviceradar-release:environments: "[demo"; expected a JSON list of ' +
                'environment names in promotion order, e.g. ["demo-staging", "demo"] (lower-case DNS labels, no repeats).',
        );
    });
});
