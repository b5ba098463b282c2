import { strict as assert } from "node:assert";
import type { PlannedResource } from "./mockRuntime";
import { checkPolicies, PolicyViolation } from "./policyCheck";
import { loadPolicyConfig, PolicyConfigError, policyConfigPath, reconcilePolicyConfig } from "./policyConfig";
import { redactMessage } from "./policyRedaction";
import { policies } from "../policies/pack";
import {
    chartApplication,
    namespace,
    planned,
    PROJECT,
    repositoryFile,
    secret,
    umbrellaChart,
    workload,
} from "../test/policies/fixtures";

const demoConfig = () => loadPolicyConfig(policyConfigPath("demo"));
const stagingConfig = () => loadPolicyConfig(policyConfigPath("demo-staging"));
const check = (resources: PlannedResource[], config: object, stack = "demo") =>
    checkPolicies(resources, config, { project: PROJECT, stack });
const summary = (violations: PolicyViolation[]) =>
    violations.map((v) => `${v.policy} ${v.level} ${v.resource?.split("::").pop()}`).sort();

/** A demo stack the way the program declares it, healthy. */
function healthyStack(): PlannedResource[] {
    return [
        namespace("demo"),
        planned("kubernetes:core/v1:Secret", "demo-pull-secret", {
            apiVersion: "v1",
            kind: "Secret",
            type: "kubernetes.io/dockerconfigjson",
            metadata: { name: "ghcr-io-cred", namespace: "demo" },
            stringData: secret({
                ".dockerconfigjson": JSON.stringify({
                    auths: { "ghcr.io": { username: "carverauto-bot", password: "ghp_SuperSecretToken123" } },
                }),
            }),
        }),
        chartApplication("1.2.27", {
            valuesObject: {
                global: { imageTag: "v1.2.27", imagePullPolicy: "IfNotPresent" },
                image: { registryPullSecret: "ghcr-io-cred" },
            },
        }),
    ];
}

describe("plan/policyCheck: enforcement levels come from the per-stack config files", () => {
    it("passes a healthy stack under both config files", async () => {
        assert.deepEqual(await check(healthyStack(), demoConfig()), []);
        assert.deepEqual(await check(healthyStack(), stagingConfig(), "demo-staging"), []);
    });

    it("reports the same violations as mandatory with demo.json and as advisory with demo-staging.json", async () => {
        const resources = [
            chartApplication("1.2.27", {
                valuesObject: { global: { imageTag: "latest", imagePullPolicy: "IfNotPresent" } },
            }),
            namespace("demo"),
        ];
        const demo = await check(resources, demoConfig());
        const staging = await check(resources, stagingConfig(), "demo-staging");
        const app = "serviceradar-demo-application";
        assert.deepEqual(summary(demo), [
            `chart-image-version-agreement mandatory ${app}`,
            `immutable-image-tags mandatory ${app}`,
            `mutable-tags-pull-always mandatory ${app}`,
        ]);
        assert.deepEqual(summary(staging), [
            `chart-image-version-agreement advisory ${app}`,
            `immutable-image-tags advisory ${app}`,
            `mutable-tags-pull-always advisory ${app}`,
        ]);
        assert.deepEqual(
            demo.map((v) => v.message),
            staging.map((v) => v.message),
        );
    });

    it("enables no-prerelease in demo only", async () => {
        const resources = [
            namespace("demo"),
            chartApplication("1.3.0-rc.1", { valuesObject: { global: { imageTag: "v1.3.0-rc.1" } } }),
        ];
        assert.deepEqual(summary(await check(resources, demoConfig())), [
            "no-prerelease mandatory serviceradar-demo-application",
            "no-prerelease mandatory serviceradar-demo-application",
        ]);
        assert.deepEqual(await check(resources, stagingConfig(), "demo-staging"), []);
    });

    it("requires protection in demo only, seeing protect through the analyzer's resource options", async () => {
        const unprotected = { protect: false, retainOnDelete: false };
        const resources = [
            namespace("demo", unprotected),
            chartApplication("1.2.27", undefined, { options: unprotected }),
        ];
        assert.deepEqual(summary(await check(resources, demoConfig())), [
            "data-safety mandatory demo-namespace",
            "data-safety mandatory serviceradar-demo-application",
        ]);
        assert.deepEqual(await check(resources, stagingConfig(), "demo-staging"), []);
        assert.deepEqual(await check([namespace("demo"), chartApplication("1.2.27")], demoConfig()), []);
    });

    it("puts the policy description first in each message, as the CLI prints it", async () => {
        const [violation] = await check([chartApplication("*")], {
            all: "disabled",
            "pinned-chart-version": "mandatory",
        });
        const description = policies.find((p) => p.name === "pinned-chart-version")!.description;
        assert.ok(violation.message.startsWith(`${description}\n`));
        assert.equal(violation.level, "mandatory");
    });

    it("keeps concurrent checks with different configs apart", async () => {
        const resources = [chartApplication("*")];
        const [demo, staging] = await Promise.all([
            check(resources, demoConfig()),
            check(resources, stagingConfig(), "demo-staging"),
        ]);
        assert.deepEqual([...new Set(demo.map((v) => v.level))], ["mandatory"]);
        assert.deepEqual([...new Set(staging.map((v) => v.level))], ["advisory"]);
    });

    it("leaves level semantics to @pulumi/policy (remediate is reported as mandatory)", async () => {
        const [violation] = await check([chartApplication("*")], {
            all: "disabled",
            "pinned-chart-version": "remediate",
        });
        assert.equal(violation.level, "mandatory");
    });
});

describe("plan/policyCheck: reading a --policy-pack-config as the CLI does", () => {
    const levels = (config: object) =>
        Object.fromEntries(
            Object.entries(reconcilePolicyConfig(policies, config)).map(([k, v]) => [k, v.enforcementLevel]),
        );

    it("starts from each policy's level and its configSchema defaults", () => {
        const reconciled = reconcilePolicyConfig(policies, {});
        assert.equal(reconciled["immutable-image-tags"].enforcementLevel, "advisory");
        assert.equal(reconciled["no-prerelease"].enforcementLevel, "disabled");
        assert.deepEqual(reconciled["data-safety"].properties, { requireProtection: true, applicationLabels: {} });
        assert.deepEqual(reconciled["chart-image-version-agreement"].properties, {
            allowMismatchReason: "",
            charts: ["serviceradar"],
            independentImageTags: ["nats"],
        });
    });

    it("applies all, then per-policy levels (as a string or an object), merging properties over defaults", () => {
        const reconciled = reconcilePolicyConfig(policies, {
            all: "mandatory",
            "immutable-image-tags": "advisory",
            "chart-image-version-agreement": { allowMismatchReason: "hotfix" },
            "not-a-policy": "mandatory",
        });
        assert.equal(reconciled["immutable-image-tags"].enforcementLevel, "advisory");
        assert.equal(reconciled["no-prerelease"].enforcementLevel, "mandatory");
        assert.equal(reconciled["chart-image-version-agreement"].enforcementLevel, "mandatory");
        assert.deepEqual(reconciled["chart-image-version-agreement"].properties, {
            allowMismatchReason: "hotfix",
            charts: ["serviceradar"],
            independentImageTags: ["nats"],
        });
        assert.equal(reconciled["not-a-policy"], undefined);
    });

    it("reads the committed config files", () => {
        assert.deepEqual(levels(demoConfig()), Object.fromEntries(policies.map((p) => [p.name, "mandatory"])));
        assert.deepEqual(
            levels(stagingConfig()),
            Object.fromEntries(
                policies.map((p) => [
                    p.name,
                    p.name.endsWith("-promoted") ? "mandatory" : p.name === "no-prerelease" ? "disabled" : "advisory",
                ]),
            ),
        );
    });

    const invalid: [string, object, RegExp][] = [
        ["an unknown level", { all: "strict" }, /"strict" is not an enforcement level/],
        ["an unknown level in an object", { "data-safety": { enforcementLevel: "on" } }, /not an enforcement level/],
        ["a value that is neither string nor object", { "data-safety": 42 }, /not valid/],
        [
            "a property of the wrong type",
            { "chart-image-version-agreement": { allowMismatchReason: 5 } },
            /chart-image-version-agreement: \/allowMismatchReason must be string/,
        ],
        [
            "a boolean given as text",
            { "data-safety": { requireProtection: "yes" } },
            /data-safety: \/requireProtection must be boolean/,
        ],
        [
            "a label selector with a non-string value",
            { "data-safety": { applicationLabels: { a: 1 } } },
            /applicationLabels\/a must be string/,
        ],
    ];
    for (const [what, config, message] of invalid) {
        it(`refuses ${what}`, async () => {
            assert.throws(
                () => reconcilePolicyConfig(policies, config),
                (err: Error) => err instanceof PolicyConfigError && message.test(err.message),
            );
            await assert.rejects(check([chartApplication("1.2.27")], config), PolicyConfigError);
        });
    }
});

describe("plan/policyCheck: secrets", () => {
    it("gives policies the secret values, and never puts them in a message", async () => {
        const hidden = "main-s3cr3t-build";
        const app = chartApplication("1.2.27", {
            valuesObject: { global: { imageTag: secret(hidden), imagePullPolicy: "IfNotPresent" } },
        });
        const violations = await check([...healthyStack().slice(0, 2), app], demoConfig());
        assert.deepEqual(summary(violations), [
            "chart-image-version-agreement mandatory serviceradar-demo-application",
            "immutable-image-tags mandatory serviceradar-demo-application",
            "mutable-tags-pull-always mandatory serviceradar-demo-application",
        ]);
        for (const v of violations) {
            assert.ok(!v.message.includes(hidden), v.message);
            assert.ok(v.message.includes('"[secret]"'), v.message);
            assert.ok(!v.message.includes("ghp_SuperSecretToken123"));
        }
    });

    it("reaches values inside a wholly secret object", async () => {
        const container = workload("Deployment", [{ name: "app", image: "ghcr.io/carverauto/serviceradar-core:main" }]);
        const wrapped = { ...container, inputs: { ...container.inputs, spec: secret(container.inputs.spec) } };
        const violations = await check([wrapped], { all: "disabled", "immutable-image-tags": "mandatory" });
        assert.equal(violations.length, 1);
        assert.match(violations[0].message, /containers\[0\] \(app\) is "\[secret\]"/);
        assert.ok(!violations[0].message.includes("serviceradar-core:main"));
    });

    it("redacts quoted secrets of any length, shortened quotes, bare long secrets and secrets inside secret documents", async () => {
        const long = "x".repeat(200);
        const secrets = new Set(["ab", "a-long-token-value", long]);
        assert.equal(
            redactMessage('tag "ab" in about "a-long-token-value" a-long-token-value', secrets),
            'tag "[secret]" in about "[secret]" [secret]',
        );
        assert.equal(redactMessage(`image ${JSON.stringify(`${long.slice(0, 120)}…`)}`, secrets), 'image "[secret]"');

        const values = repositoryFile("deploy/release/values.yaml", "global:\n  imageTag: latest\n");
        const secretDoc = {
            ...values,
            inputs: { ...values.inputs, content: secret("global:\n  imageTag: hush-hush\n") },
        };
        const [violation] = await check([secretDoc], { all: "disabled", "immutable-image-tags": "mandatory" });
        assert.match(violation.message, /global\.imageTag in deploy\/release\/values\.yaml is "\[secret\]"/);
    });
});

describe("plan/policyCheck: resources as the engine sends them", () => {
    it("drops undefined inputs instead of failing, and analyzes components too", async () => {
        const component = { ...planned("serviceradar:release:Environment", "demo", {}), custom: false };
        const app = chartApplication("1.2.27");
        (app.inputs.spec as Record<string, unknown>).source = {
            ...((app.inputs.spec as Record<string, unknown>).source as object),
            path: undefined,
        };
        assert.deepEqual(await check([component, app, namespace("demo")], demoConfig()), []);
    });

    it("runs stack policies over every resource: the DRY files of the pipeline stack", async () => {
        const files = [
            repositoryFile("deploy/release/Chart.yaml", umbrellaChart("1.2.27")),
            repositoryFile("deploy/release/values.yaml", "global:\n  imageTag: v1.2.26\n"),
        ];
        const violations = await check(files, stagingConfig(), "demo-staging");
        assert.deepEqual(summary(violations), ["chart-image-version-agreement advisory deploy-release-values-yaml"]);
    });
});
