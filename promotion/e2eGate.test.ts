import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { parseReleaseConfig } from "../config/config";
import { planRelease } from "./releasePlan";
import { hydrationRepository } from "../promotion/promoter";
import { validSource } from "../test/support/configSource";
import { githubGraphqlProblems } from "../test/support/githubGraphql";
import { planJson } from "../test/support/plan";
import {
    KubernetesObject,
    reconciled,
    reconcileWebRequest,
    Reconciled,
    StandInResponse,
} from "../test/support/webRequestReconcile";

// Every WebRequestCommitStatus the plan declares, reconciled as GitOps Promoter v0.36.0 reconciles it: its own
// engines (expr-lang v1.17.8 for success.when, text/template + slim-sprig for every template) over the controller's
// typed data (conformance/gate), against GitHub's answers; every request it would send checked against GitHub's
// published GraphQL schema.

const T0 = "2026-12-04T12:00:00Z";
/** Inside the 1m polling interval after T0: the controller reconciles (e.g. a PromotionStrategy change) without a request. */
const T0_PLUS_20S = "2026-12-04T12:00:20Z";
const T0_PLUS_5M = "2026-12-04T12:05:00Z";

interface DeclaredGate {
    promotionStrategy: KubernetesObject;
    webRequestCommitStatuses: KubernetesObject[];
    /** The ScmProvider whose App token the request carries (`authentication.scm`). */
    scmProvider: KubernetesObject;
    /** What the requests must ask GitHub for. */
    owner: string;
    repository: string;
    context: string;
}

const PROMOTER_TYPE = "kubernetes:promoter.argoproj.io/v1alpha1:";

/** The shipped stack file, planned as `npm run plan` plans it. */
async function shippedStack(...config: string[]): Promise<DeclaredGate> {
    const plan = await planJson("demo-staging", ...config);
    const inputs = (kind: string) =>
        plan.resources.filter((r) => r.type === PROMOTER_TYPE + kind).map((r) => r.inputs as KubernetesObject);
    const [promotionStrategy] = inputs("PromotionStrategy");
    const [scmProvider] = inputs("ScmProvider");
    return {
        promotionStrategy,
        scmProvider,
        webRequestCommitStatuses: inputs("WebRequestCommitStatus"),
        // The shipped stacks hydrate into the repository the program owns (hydrationRepository's default).
        owner: "carverauto",
        repository: "serviceradar-release",
        context: "serviceradar/e2e",
    };
}

/** Other configurations, declared by the program itself. */
async function configured(overrides: Record<string, string>): Promise<DeclaredGate> {
    const config = parseReleaseConfig(validSource("demo-staging", overrides));
    const objects = planRelease(config).pipeline!.promoterObjects as unknown as KubernetesObject[];
    return {
        promotionStrategy: objects.find((o) => o.kind === "PromotionStrategy")!,
        webRequestCommitStatuses: objects.filter((o) => o.kind === "WebRequestCommitStatus"),
        scmProvider: objects.find((o) => o.kind === "ScmProvider")!,
        owner: hydrationRepository(config).owner,
        repository: hydrationRepository(config).name,
        context: config.promotion.e2eStatusContext,
    };
}

const VARIANTS: [string, () => Promise<DeclaredGate>][] = [
    ["Pulumi.demo-staging.yaml", () => shippedStack()],
    ["Pulumi.demo-staging.yaml with soakDuration=30m", () => shippedStack("soakDuration=30m")],
    [
        "another repository and e2e context",
        () => configured({ hydrationRepository: "acme/serviceradar-fork-release", e2eStatusContext: "ci/e2e.gate" }),
    ],
    [
        "three environments, two merged by the promoter",
        () =>
            configured({
                environments: '["demo-staging","demo","customer-a"]',
                autoMergeEnvironments: '["demo-staging","demo"]',
            }),
    ],
];

/** Hydrated commits: each environment's active and proposed ones differ, so a request for the wrong one shows. */
function shas(index: number, generation = 0): { active: string; proposed: string } {
    const digit = (n: number) => "0123456789abcdef"[n % 16];
    return { active: digit(2 * index + generation).repeat(40), proposed: digit(2 * index + 9).repeat(40) };
}

/** The declared PromotionStrategy with the status the controller keeps: each environment's hydrated commits. */
function withHydratedCommits(ps: KubernetesObject, generation = 0): KubernetesObject {
    const environments = (ps.spec as { environments: { branch: string }[] }).environments;
    return {
        ...ps,
        status: {
            environments: environments.map(({ branch }, i) => ({
                branch,
                active: { hydrated: { sha: shas(i, generation).active } },
                proposed: { hydrated: { sha: shas(i, generation).proposed } },
                lastHealthyDryShas: [],
            })),
        },
    };
}

/** GitHub's answer to the gate's query (docs.github.com GraphQL: Status.context(name:) is null without that context). */
const graphqlAnswer = (status: unknown) => JSON.stringify({ data: { repository: { object: { status } } } });
const contextState = (state: string) => graphqlAnswer({ context: { state } });

/** Realistic answers of GitHub's GraphQL endpoint, and the phase the gate must report for each. */
const ANSWERS: [string, number, string, string][] = [
    ["the e2e context SUCCESS", 200, contextState("SUCCESS"), "success"],
    ["the e2e context FAILURE", 200, contextState("FAILURE"), "failure"],
    ["the e2e context ERROR", 200, contextState("ERROR"), "failure"],
    ["the e2e context PENDING", 200, contextState("PENDING"), "pending"],
    ["the e2e context EXPECTED", 200, contextState("EXPECTED"), "pending"],
    ["only another context on the commit", 200, graphqlAnswer({ context: null }), "pending"],
    ["no status at all on the commit", 200, graphqlAnswer(null), "pending"],
    ["a commit GitHub does not know", 200, JSON.stringify({ data: { repository: { object: null } } }), "pending"],
    [
        "a GraphQL errors answer",
        200,
        JSON.stringify({
            data: { repository: null },
            errors: [{ type: "NOT_FOUND", path: ["repository"], message: "Could not resolve to a Repository" }],
        }),
        "pending",
    ],
    ["HTTP 401", 401, JSON.stringify({ message: "Bad credentials", status: "401" }), "pending"],
    ["HTTP 403 with a success-looking body", 403, contextState("SUCCESS"), "pending"],
    ["HTTP 404", 404, JSON.stringify({ message: "Not Found" }), "pending"],
    ["HTTP 502 with an HTML page", 502, "<html><body>Bad gateway</body></html>", "pending"],
    ["HTTP 200 with a body that is not JSON", 200, "<html>rate limited</html>", "pending"],
];

function answerAll(ps: KubernetesObject, statusCode: number, body: string): StandInResponse[] {
    return (ps.spec as { environments: { branch: string }[] }).environments.map(({ branch }) => ({
        branch,
        statusCode,
        headers: { "Content-Type": [statusCode === 502 ? "text/html" : "application/json"] },
        body,
    }));
}

/** One reconcile that must succeed; `previous` is the result whose status the controller reads back. */
async function reconcile(
    gate: DeclaredGate,
    wrcs: KubernetesObject,
    options: { now: string; ps?: KubernetesObject; previous?: Reconciled; answer?: [number, string] },
): Promise<Reconciled> {
    const ps = options.ps ?? withHydratedCommits(gate.promotionStrategy);
    return reconciled(
        await reconcileWebRequest({
            now: options.now,
            namespaceMetadata: { labels: { "kubernetes.io/metadata.name": "promoter-system" } },
            promotionStrategy: ps,
            webRequestCommitStatus: { ...wrcs, status: options.previous?.status ?? {} },
            httpResponses: options.answer ? answerAll(ps, ...options.answer) : [],
        }),
    );
}

function gatedPhases(result: Reconciled): Record<string, string> {
    return Object.fromEntries(result.commitStatuses.map((s) => [s.branch, s.phase]));
}

for (const [variant, declare] of VARIANTS) {
    describe(`the e2e gate as GitOps Promoter v0.36.0 reconciles it (${variant})`, () => {
        let gate: DeclaredGate;
        before(async () => {
            gate = await declare();
            assert.ok(gate.webRequestCommitStatuses.length > 0, "the pipeline declares the e2e gate");
        });

        const eachGate = async (check: (wrcs: KubernetesObject) => Promise<void>) => {
            for (const wrcs of gate.webRequestCommitStatuses) await check(wrcs);
        };

        it("gates the first environment only, on its active hydrated commit", async () => {
            await eachGate(async (wrcs) => {
                const result = await reconcile(gate, wrcs, { now: T0, answer: [200, contextState("SUCCESS")] });
                const first = (gate.promotionStrategy.spec as { environments: { branch: string }[] }).environments[0];
                assert.deepStrictEqual(
                    result.commitStatuses.map((s) => [s.branch, s.sha]),
                    [[first.branch, shas(0).active]],
                );
            });
        });

        it("sends GitHub a GraphQL request its schema accepts, for exactly the e2e context of that commit", async () => {
            await eachGate(async (wrcs) => {
                const result = await reconcile(gate, wrcs, { now: T0, answer: [200, contextState("PENDING")] });
                assert.strictEqual(result.renderedRequests.length, 1);
                const [request] = result.renderedRequests;
                assert.strictEqual(request.method, "POST");
                assert.strictEqual(request.url, "https://api.github.com/graphql");
                // The controller sends the App's token only to the ScmProvider's host: api.github.com for a GitHub
                // provider without `domain` (webrequestcommitstatus_controller.go allowedHostsForScmProvider).
                assert.strictEqual((gate.scmProvider.spec as { github: { domain?: string } }).github.domain, undefined);
                assert.deepStrictEqual(request.headers, { "Content-Type": "application/json" });
                assert.deepStrictEqual(githubGraphqlProblems(request.body), []);
                assert.deepStrictEqual(JSON.parse(request.body).variables, {
                    owner: gate.owner,
                    name: gate.repository,
                    context: gate.context,
                    oid: shas(0).active,
                });
            });
        });

        it("links the tested commit and says branch and phase in the commit status", async () => {
            await eachGate(async (wrcs) => {
                const result = await reconcile(gate, wrcs, { now: T0, answer: [200, contextState("FAILURE")] });
                const [status] = result.commitStatuses;
                assert.strictEqual(status.name, `e2e-tests/${status.branch}`);
                assert.strictEqual(
                    status.url,
                    `https://github.com/${gate.owner}/${gate.repository}/commit/${shas(0).active}`,
                );
                assert.strictEqual(status.description, `${gate.context} on ${status.branch}: failure`);
            });
        });

        for (const [answer, statusCode, body, expected] of ANSWERS) {
            it(`${answer}: ${expected}`, async () => {
                await eachGate(async (wrcs) => {
                    const result = await reconcile(gate, wrcs, { now: T0, answer: [statusCode, body] });
                    assert.deepStrictEqual(Object.values(gatedPhases(result)), [expected]);
                    assert.strictEqual(result.status.environments?.[0].lastResponseStatusCode, statusCode);
                });
            });
        }

        it("between polls (no request, Response nil), carries each phase forward for the same commit", async () => {
            await eachGate(async (wrcs) => {
                for (const state of ["SUCCESS", "FAILURE", "PENDING"]) {
                    const polled = await reconcile(gate, wrcs, { now: T0, answer: [200, contextState(state)] });
                    const between = await reconcile(gate, wrcs, { now: T0_PLUS_20S, previous: polled });
                    assert.deepStrictEqual(between.renderedRequests, [], "no request inside the polling interval");
                    assert.deepStrictEqual(gatedPhases(between), gatedPhases(polled), state);
                    assert.deepStrictEqual(between.status, polled.status, "the controller's status is unchanged");
                }
            });
        });

        it("a new commit never inherits the old one's success, between polls or after", async () => {
            await eachGate(async (wrcs) => {
                const tested = await reconcile(gate, wrcs, { now: T0, answer: [200, contextState("SUCCESS")] });
                const nextRelease = withHydratedCommits(gate.promotionStrategy, 1);
                const between = await reconcile(gate, wrcs, {
                    now: T0_PLUS_20S,
                    ps: nextRelease,
                    previous: tested,
                });
                assert.deepStrictEqual(Object.values(gatedPhases(between)), ["pending"]);
                assert.strictEqual(between.commitStatuses[0].sha, shas(0, 1).active);
                assert.strictEqual(between.status.environments?.[0].lastSuccessfulSha, shas(0).active);

                const polled = await reconcile(gate, wrcs, {
                    now: T0_PLUS_5M,
                    ps: nextRelease,
                    previous: between,
                    answer: [200, graphqlAnswer({ context: null })],
                });
                assert.strictEqual(JSON.parse(polled.renderedRequests[0].body).variables.oid, shas(0, 1).active);
                assert.deepStrictEqual(Object.values(gatedPhases(polled)), ["pending"], "not tested yet");
            });
        });

        it("a later poll replaces a carried success by the context's new state", async () => {
            await eachGate(async (wrcs) => {
                const tested = await reconcile(gate, wrcs, { now: T0, answer: [200, contextState("SUCCESS")] });
                const rerun = await reconcile(gate, wrcs, {
                    now: T0_PLUS_5M,
                    previous: tested,
                    answer: [200, contextState("FAILURE")],
                });
                assert.deepStrictEqual(Object.values(gatedPhases(rerun)), ["failure"]);
            });
        });
    });
}

describe("GraphQL requests to GitHub", () => {
    it("come only from the WebRequestCommitStatus checked above: e2e/, tools/ and lib/ send none", () => {
        const root = path.resolve(__dirname, "..");
        const sources = (dir: string): string[] =>
            fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
                const full = path.join(dir, entry.name);
                return entry.isDirectory() ? sources(full) : /\.(ts|mjs|js)$/.test(entry.name) ? [full] : [];
            });
        const sending = ["e2e", "tools", "lib"]
            .flatMap((dir) => sources(path.join(root, dir)))
            .filter((file) => /graphql/i.test(fs.readFileSync(file, "utf8")))
            .map((file) => path.relative(root, file));
        assert.deepStrictEqual(sending, [], "validate each new GraphQL request with githubGraphqlProblems here");
    });
});

describe("the harness can fail", () => {
    it("GitHub's schema refuses a field that does not exist and a variable of the wrong type", () => {
        const body = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });
        const query = (oidType: string, field: string) =>
            `query($owner: String!, $name: String!, $oid: ${oidType}, $context: String!) { ` +
            `repository(owner: $owner, name: $name) { object(oid: $oid) { ... on Commit { ` +
            `status { ${field}(name: $context) { state } } } } } }`;
        const variables = { owner: "o", name: "n", oid: "a".repeat(40), context: "c" };
        assert.deepStrictEqual(githubGraphqlProblems(body(query("GitObjectID!", "context"), variables)), []);
        assert.match(
            githubGraphqlProblems(body(query("GitObjectID!", "contextNamed"), variables)).join("\n"),
            /Cannot query field "contextNamed" on type "Status"/,
        );
        assert.match(
            githubGraphqlProblems(body(query("Int!", "context"), variables)).join("\n"),
            /Variable "\$oid" of type "Int!" used in position expecting type "GitObjectID"/,
        );
        assert.match(
            githubGraphqlProblems(body(query("GitObjectID!", "context"), { ...variables, owner: null })).join("\n"),
            /Variable "\$owner" of non-null type "String!" must not be null/,
        );
        assert.match(
            githubGraphqlProblems(body(query("GitObjectID!", "context"), { ...variables, ref: "main" })).join("\n"),
            /"\$ref" is sent but the operation does not declare it/,
        );
    });
});
