import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { ConfigError, parseReleaseConfig } from "./config";
import { loadStackConfig } from "./stackConfig";
import { planCommand } from "../plan/command";
import { programModule, runProgramOnMocks } from "../plan/mockRuntime";
import { validSource } from "../test/support/configSource";
import { ROOT, runPlanProcess } from "../test/support/plan";

// Issue 21: keys a stack's mode ignores are refused or absent, not required. Each one set where its stack's mode does
// not read it is refused in one line naming the key, the stack, why nothing reads it there and what to do, by the
// program's own parser (its config source), in the plan (a real `npm run plan` process exits 2), and under `pulumi up`
// (the program reading the runtime's configuration).

const SECRET = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpQIBAAKCAQEAignoredKeyNeverShown\n-----END RSA PRIVATE KEY-----";

interface Ignored {
    key: string;
    value: string;
    stack: string;
    /** The stack's mode, beside its shipped file. */
    mode: Record<string, string>;
    /** What the message expects after the stack's name. */
    expected: string;
}

const DIRECT = { promotionMode: "direct" };
const noPromoterHere =
    "in direct mode no GitOps Promoter is declared, so nothing uses its GitHub App; remove it from " +
    "Pulumi.demo-staging.yaml, or set promotionMode=promoter";
const onlyThePipeline =
    "only demo-staging, the pipeline stack, declares GitOps Promoter and its GitHub App; remove it from " +
    "Pulumi.demo.yaml, or set it on demo-staging";
const onlyDeployments = (stack: string) =>
    `only Pulumi Deployments reads it, and deploymentsEnabled is not true; remove it from Pulumi.${stack}.yaml, or ` +
    "set deploymentsEnabled=true";

const CASES: Ignored[] = [
    ...["promoterGithubAppId", "promoterGithubAppInstallationId", "promoterGithubAppPrivateKey"].flatMap((key) => [
        {
            key,
            value: key.endsWith("Key") ? SECRET : "11",
            stack: "demo-staging",
            mode: DIRECT,
            expected: noPromoterHere,
        },
        { key, value: key.endsWith("Key") ? SECRET : "11", stack: "demo", mode: {}, expected: onlyThePipeline },
        {
            key,
            value: key.endsWith("Key") ? SECRET : "11",
            stack: "demo",
            // demo in direct mode decides its own release, which its promoter-mode file leaves to demo-staging.
            mode: { ...DIRECT, version: "1.2.27" },
            expected:
                "in direct mode no GitOps Promoter is declared, so nothing uses its GitHub App; remove it from " +
                "Pulumi.demo.yaml, or set it on demo-staging, in promoter mode",
        },
    ]),
    {
        key: "hydratorGithubAppId",
        value: "13",
        stack: "demo-staging",
        mode: DIRECT,
        expected:
            "only the rulesets of the pipeline stack in promoter mode and Pulumi Deployments read it, and demo-staging " +
            "has neither; remove it from Pulumi.demo-staging.yaml, or set promotionMode=promoter or deploymentsEnabled=true",
    },
    {
        key: "hydratorGithubAppId",
        value: "13",
        stack: "demo",
        mode: {},
        expected:
            "only the rulesets of the pipeline stack in promoter mode and Pulumi Deployments read it, and demo has " +
            "neither; remove it from Pulumi.demo.yaml, or set deploymentsEnabled=true",
    },
    ...[
        ["hydratorGithubAppInstallationId", "14"],
        ["hydratorGithubAppPrivateKey", SECRET],
        ["deploymentsOrganization", "acme"],
        ["deploymentKubeconfig", SECRET],
        ["deploymentsDriftSchedule", "0 */6 * * *"],
        ["deploymentsDriftRemediate", "true"],
    ].flatMap(([key, value]) =>
        ["demo-staging", "demo"].map((stack) => ({ key, value, stack, mode: {}, expected: onlyDeployments(stack) })),
    ),
];

const secret = (key: string) => /Key$|Kubeconfig$/.test(key);
const message = ({ key, value, stack, expected }: Ignored) =>
    `Invalid configuration serviceradar-release:${key}: ${secret(key) ? "(secret value hidden)" : JSON.stringify(value)}; ` +
    `expected it unset on ${stack}: ${expected}.`;
const overrides = (c: Ignored) => [...Object.entries(c.mode).map(([k, v]) => `${k}=${v}`), `${c.key}=${c.value}`];

// Two real `npm run plan` processes (as CI starts it), started when this file loads so they run beside the suite.
const [APP_CASE, DEPLOYMENTS_CASE] = [
    CASES.find((c) => c.key === "promoterGithubAppInstallationId" && c.stack === "demo-staging")!,
    CASES.find((c) => c.key === "deploymentKubeconfig" && c.stack === "demo")!,
];
const processes = [APP_CASE, DEPLOYMENTS_CASE].map((c) =>
    runPlanProcess(["--stack", c.stack, ...overrides(c).flatMap((o) => ["--config", o])]),
);

describe("config: keys a stack's mode ignores are refused, not accepted unused (issue 21)", () => {
    for (const c of CASES) {
        const where = `${c.key} on ${c.stack}${c.mode.promotionMode ? " in direct mode" : ""}`;

        it(`${where}: refused by the program's parser in one line, naming the stack, why and what to do`, () => {
            let thrown: unknown;
            try {
                parseReleaseConfig(validSource(c.stack, { ...c.mode, [c.key]: c.value }));
            } catch (err) {
                thrown = err;
            }
            assert.ok(thrown instanceof ConfigError, `refused: ${String(thrown)}`);
            assert.strictEqual(thrown.key, c.key);
            assert.strictEqual(thrown.message, message(c));
            assert.ok(!thrown.message.includes("ignoredKeyNeverShown"), "a secret's value is never shown");
        });

        it(`${where}: the plan exits 2 with that line`, async () => {
            const result = await planCommand(["--stack", c.stack, ...overrides(c).flatMap((o) => ["--config", o])]);
            assert.strictEqual(result.code, 2, result.stdout);
            assert.strictEqual(result.stderr, `error: ${message(c)}\n`);
        });
    }

    it("each is read, and accepted, where the stack's mode reads it", () => {
        const read = (stack: string, values: Record<string, string>) =>
            assert.doesNotThrow(() => parseReleaseConfig(validSource(stack, values)), JSON.stringify(values));
        const deployments = { deploymentsEnabled: "true", deploymentKubeconfig: SECRET };
        read("demo-staging", {
            promoterGithubAppId: "11",
            promoterGithubAppInstallationId: "12",
            hydratorGithubAppId: "11",
        });
        read("demo", {
            ...deployments,
            hydratorGithubAppId: "13",
            hydratorGithubAppInstallationId: "14",
            hydratorGithubAppPrivateKey: SECRET,
        });
        read("demo-staging", {
            ...deployments,
            ...DIRECT,
            hydratorGithubAppPrivateKey: SECRET,
            deploymentsOrganization: "acme",
            deploymentsDriftSchedule: "0 */6 * * *",
            deploymentsDriftRemediate: "true",
        });
    });

    it("a real npm run plan process exits 2 with the line, for an App key and a Deployments key", async () => {
        for (const [i, c] of [APP_CASE, DEPLOYMENTS_CASE].entries()) {
            const result = await processes[i];
            assert.strictEqual(result.code, 2, result.stdout);
            assert.strictEqual(result.stderr, `error: ${message(c)}\n`);
        }
    });

    it("under pulumi up too: the program refuses it reading the runtime's configuration", async () => {
        for (const c of [APP_CASE, DEPLOYMENTS_CASE]) {
            await assert.rejects(
                runProgramOnMocks(
                    programModule(path.join(ROOT, "index.ts")),
                    loadStackConfig(ROOT, c.stack, overrides(c)),
                ),
                (err: Error) => err.message === message(c),
            );
        }
    });

    it("Pulumi.yaml gives a default only to keys every stack reads in every mode (the CLI sets it on every stack)", () => {
        const declared = YAML.parse(fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8")).config as Record<
            string,
            { default?: unknown }
        >;
        const readEverywhere = (key: string) =>
            ["demo-staging", "demo"].every((stack) =>
                ["promoter", "direct"].every((promotionMode) =>
                    ["true", "false"].every((deploymentsEnabled) => {
                        const values: Record<string, string> = { promotionMode, deploymentsEnabled };
                        if (deploymentsEnabled === "true") {
                            Object.assign(values, { deploymentKubeconfig: "k", hydratorGithubAppPrivateKey: "h" });
                        }
                        const source = validSource(stack, values);
                        const read = new Set<string>();
                        parseReleaseConfig({ ...source, get: (k) => (read.add(k), source.get(k)) });
                        return read.has(key);
                    }),
                ),
            );
        const defaulted = Object.entries(declared).filter(([, d]) => d.default !== undefined);
        assert.ok(defaulted.length > 10);
        assert.deepStrictEqual(
            defaulted.map(([key]) => key).filter((key) => !readEverywhere(key)),
            [],
            "a key some mode ignores takes its default in config/config.ts, where it is read",
        );
    });

    it("the shipped stack files carry no key their mode ignores, in either promotion mode", async () => {
        // demo in direct mode decides its own release, which its promoter-mode file leaves to demo-staging.
        for (const [stack, direct] of [
            ["demo-staging", ["promotionMode=direct"]],
            ["demo", ["promotionMode=direct", "version=1.2.27"]],
        ] as const) {
            for (const config of [[], direct]) {
                const result = await planCommand(["--stack", stack, ...config.flatMap((o) => ["--config", o])]);
                assert.strictEqual(result.code, 0, `${stack} ${config.join(" ")}: ${result.stderr}`);
            }
        }
    });
});
