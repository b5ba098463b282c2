import * as assert from "assert";
import { generateKeyPairSync, sign } from "crypto";
import { createRequire } from "module";
import * as pulumi from "@pulumi/pulumi";
import * as YAML from "yaml";
import { environmentHydratorProvider } from "./environmentHydrator";
import { parseReleaseConfig } from "../config/config";
import { createInstallationToken, resolveCommit } from "./gitData";
import { HYDRATED_ENVIRONMENT_KIND } from "./hydratedEnvironmentKind";
import { EnvironmentHydration, ReleaseDryPlan } from "./promoter";
import { RELEASE_DRY_COMMIT_KIND, releaseDryCommitProvider } from "./releaseDryCommit";
import { planRelease } from "./releasePlan";
import { validSource } from "../test/support/configSource";
import { GitHubStandIn } from "../test/support/gitHubStandIn";
import {
    environmentState,
    mergePromotion,
    previousEnvironmentCheck,
    promotionOpen,
} from "../test/support/promoterModel";

const TOKEN = "ghs_hydratorTokenNeverShown";
/** The values repository (ServiceRadar's). */
const REPO = "carverauto/serviceradar";
/** The repository the program hydrates. */
const HYDRATION = "carverauto/serviceradar-release";
const STAGING_VALUES = `# Demo-Staging Environment Values
namespace: demo-staging
global:
  imageTag: "sha-ac23dc0ebcbee0d6a964dc8307826bf2a063536c"
  imagePullPolicy: Always
spire:
  postgres:
    clusterName: cnpg-staging # never change without migrating data
`;
const DEMO_VALUES = "namespace: demo\ncnpg:\n  storageClass: local-path-big\n";

function pipelineOf(version: string, overrides: Record<string, string> = {}) {
    const config = parseReleaseConfig(validSource("demo-staging", { version, ...overrides }));
    return planRelease(config).pipeline!;
}

function hydrations(version: string): EnvironmentHydration[] {
    return pipelineOf(version).hydrations;
}

/** What the DRY commit gives every hydrator; tests that hydrate one environment alone pass a stand-in DRY sha. */
interface DryOutputs {
    drySha: string;
    valuesCommit: string;
}

function inputs(apiUrl: string, hydration: EnvironmentHydration, revision: string, dry: DryOutputs) {
    return {
        kind: HYDRATED_ENVIRONMENT_KIND,
        apiUrl,
        environment: hydration.environment,
        repository: HYDRATION,
        branch: hydration.proposedBranch,
        activeBranch: hydration.activeBranch,
        files: Object.fromEntries(hydration.files.map((f) => [f.file, f.content])),
        message: hydration.message,
        chartName: "serviceradar",
        values: { repository: REPO, path: hydration.valuesPath, revision },
        dryCommit: dry.drySha,
        valuesCommit: dry.valuesCommit,
    };
}

function dryInputs(apiUrl: string, dry: ReleaseDryPlan) {
    return { kind: RELEASE_DRY_COMMIT_KIND, apiUrl, repository: HYDRATION, ...dry };
}

/** Runs with these variables of the environment set (undefined: unset), as `pulumi up` would give them. */
async function withEnvironment<T>(variables: Record<string, string | undefined>, run: () => Promise<T>): Promise<T> {
    const saved = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]));
    const assign = (values: Record<string, string | undefined>) => {
        for (const [name, value] of Object.entries(values)) {
            if (value === undefined) delete process.env[name];
            else process.env[name] = value;
        }
    };
    assign(variables);
    try {
        return await run();
    } finally {
        assign(saved);
    }
}

function withToken<T>(token: string | undefined, run: () => Promise<T>): Promise<T> {
    return withEnvironment({ GITHUB_TOKEN: token }, run);
}

/**
 * A provider as Pulumi's dynamic-provider host runs it: serialized, then loaded from its text the way
 * @pulumi/pulumi's cmd/dynamic-provider does (require-from-string, modules resolved from the project).
 */
async function hostedProvider(provider: pulumi.dynamic.ResourceProvider) {
    const requireFromString = createRequire(require.resolve("@pulumi/pulumi/cmd/dynamic-provider/index.js"))(
        "require-from-string",
    ) as (code: string) => { handler(): pulumi.dynamic.ResourceProvider };
    const serialized = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
    return { text: serialized.text, hosted: requireFromString(serialized.text).handler() };
}

describe("the program as GitOps Promoter's hydrator (custom-hydrator contract)", () => {
    let github: GitHubStandIn;
    let apiUrl: string;
    let mainHead: string;
    beforeEach(async () => {
        github = new GitHubStandIn();
        mainHead = github.push(REPO, "heads/main", { "README.md": "ServiceRadar", "go.mod": "module x" });
        github.push(REPO, "heads/main", {
            "helm/serviceradar/values-demo-staging.yaml": STAGING_VALUES,
            "helm/serviceradar/values-demo.yaml": DEMO_VALUES,
        });
        mainHead = github.head(REPO, "main")!;
        github.refsOf(REPO).set("tags/v1.2.27", mainHead);
        apiUrl = await github.start();
    });
    afterEach(() => github.stop());

    /** A dynamic resource's create, or its diff and (when it changes) update, as the engine runs them. */
    async function upsert(
        provider: pulumi.dynamic.ResourceProvider,
        olds: Record<string, unknown> | undefined,
        news: Record<string, unknown>,
    ): Promise<Record<string, any>> {
        if (olds === undefined) return (await provider.create(news)).outs;
        const diff = await provider.diff!("id", olds, news);
        return diff.changes ? (await provider.update!("id", olds, news)).outs : olds;
    }

    interface Released {
        dry: Record<string, unknown> & DryOutputs;
        environments: (Record<string, unknown> & { commitSha: string; drySha: string })[];
    }

    /** The DRY commit, then every environment's hydration, as one `pulumi up` of the pipeline stack runs them. */
    async function release(version: string, previous?: Released, overrides: Record<string, string> = {}) {
        return withToken(TOKEN, async (): Promise<Released> => {
            const plan = pipelineOf(version, overrides);
            const dry = (await upsert(
                releaseDryCommitProvider,
                previous?.dry,
                dryInputs(apiUrl, plan.dry),
            )) as Released["dry"];
            const environments: Released["environments"] = [];
            for (const [i, hydration] of plan.hydrations.entries()) {
                const news = inputs(apiUrl, hydration, plan.dry.values.revision, dry);
                environments.push(
                    (await upsert(
                        environmentHydratorProvider,
                        previous?.environments[i],
                        news,
                    )) as Released["environments"][number],
                );
            }
            return { dry, environments };
        });
    }

    /** Inputs of one environment's hydration alone, with a DRY sha that names no commit (the hydrator only copies it). */
    function alone(hydration: EnvironmentHydration, revision = "v1.2.27") {
        const valuesCommit = github.refsOf(REPO).get(`tags/${revision}`) ?? "0".repeat(40);
        return inputs(apiUrl, hydration, revision, { drySha: "d".repeat(40), valuesCommit });
    }

    it("starts each environment branch without main's history, then proposes the release in one commit", async () => {
        const [staging, demo] = (await release("1.2.27")).environments;
        for (const [env, out] of [
            ["demo-staging", staging],
            ["demo", demo],
        ] as const) {
            const active = github.history(HYDRATION, `environment/${env}`);
            assert.strictEqual(active.length, 1, "the live branch is one commit");
            assert.deepStrictEqual(github.commits.get(active[0])!.parents, [], "with no parent: not cut from main");
            assert.deepStrictEqual(Object.keys(github.filesAt(active[0])), ["README.md"]);
            const proposed = github.history(HYDRATION, `environment/${env}-next`);
            assert.deepStrictEqual(
                proposed,
                [out.commitSha, active[0]],
                "one hydrated commit on top of the live branch",
            );
            assert.ok(!proposed.includes(mainHead));
        }
        assert.strictEqual(github.head(REPO, "main"), mainHead, "main is untouched");
    });

    it("writes exactly the umbrella chart, both values files and hydrator.metadata naming the DRY commit", async () => {
        const { dry, environments } = await release("1.2.27");
        const [staging, demo] = environments;
        const files = github.filesAt(staging.commitSha);
        assert.deepStrictEqual(Object.keys(files).sort(), [
            "Chart.yaml",
            "README.md",
            "hydrator.metadata",
            "values-environment.yaml",
            "values-release.yaml",
        ]);
        assert.deepStrictEqual(JSON.parse(files["hydrator.metadata"]).drySha, dry.drySha);
        assert.strictEqual(staging.drySha, dry.drySha);
        assert.strictEqual(github.head(HYDRATION, "hydrator/dry"), dry.drySha, "the DRY commit heads the DRY branch");
        assert.strictEqual(dry.valuesCommit, mainHead, "the values are read at the commit the tag named");
        const record = JSON.parse(github.filesAt(dry.drySha)["release.json"]);
        assert.deepStrictEqual(record.values.commit, mainHead);
        assert.match(record.values.files["demo-staging"].blob, /^[0-9a-f]{40}$/);
        assert.notStrictEqual(record.values.files["demo-staging"].blob, record.values.files.demo.blob);
        assert.strictEqual(record.release.chart.repository, "ghcr.io/carverauto/charts");
        assert.strictEqual(demo.drySha, staging.drySha, "one DRY commit per release, the same for every environment");
        const environmentValues = YAML.parse(files["values-environment.yaml"]);
        assert.strictEqual(environmentValues.serviceradar.spire.postgres.clusterName, "cnpg-staging");
        assert.match(files["values-environment.yaml"], /# never change without migrating data/, "comments are kept");
        const demoValues = YAML.parse(github.filesAt(demo.commitSha)["values-environment.yaml"]);
        assert.deepStrictEqual(demoValues, {
            serviceradar: { namespace: "demo", cnpg: { storageClass: "local-path-big" } },
        });
        assert.strictEqual(YAML.parse(files["values-release.yaml"]).global.imageTag, "v1.2.27");
    });

    it("puts no Kubernetes Secret, and nothing rendered from the chart, in any file it writes", async () => {
        await release("1.2.27");
        for (const branch of ["environment/demo-staging-next", "environment/demo-next"]) {
            for (const [file, content] of Object.entries(github.filesAt(github.head(HYDRATION, branch)!))) {
                if (!file.endsWith(".yaml")) continue;
                for (const doc of YAML.parseAllDocuments(content)) {
                    const value = doc.toJS();
                    assert.notStrictEqual(value?.kind, "Secret", `${branch}:${file}`);
                    assert.strictEqual(
                        value?.apiVersion === undefined || file === "Chart.yaml",
                        true,
                        `${file} is no manifest`,
                    );
                }
            }
        }
    });

    it("makes no commit on a re-run with nothing changed, and one per environment for a new release", async () => {
        const first = await release("1.2.27");
        const commits = github.commits.size;
        const again = await release("1.2.27", first);
        assert.strictEqual(github.commits.size, commits, "no commit at all");
        assert.deepStrictEqual(
            again.environments.map((o) => o.commitSha),
            first.environments.map((o) => o.commitSha),
        );
        const forced = await withToken(TOKEN, async () => ({
            dry: await releaseDryCommitProvider.update!("id", first.dry, dryInputs(apiUrl, pipelineOf("1.2.27").dry)),
            staging: await environmentHydratorProvider.update!(
                "id",
                first.environments[0],
                inputs(apiUrl, hydrations("1.2.27")[0], "v1.2.27", first.dry),
            ),
        }));
        assert.strictEqual(forced.dry.outs.drySha, first.dry.drySha, "even when asked to, the same record: no commit");
        assert.strictEqual(forced.staging.outs.commitSha, first.environments[0].commitSha, "nor a hydration commit");

        github.push(REPO, "heads/main", { "CHANGELOG.md": "1.2.28" });
        github.refsOf(REPO).set("tags/v1.2.28", github.head(REPO, "main")!);
        const next = await release("1.2.28", first);
        for (const [i, env] of ["demo-staging", "demo"].entries()) {
            const history = github.history(HYDRATION, `environment/${env}-next`);
            assert.deepStrictEqual(
                history.slice(0, 2),
                [next.environments[i].commitSha, first.environments[i].commitSha],
                `${env}: one commit`,
            );
        }
    });

    it("rebuilds on the new head when someone pushed to the proposed branch in between", async () => {
        const [staging] = (await release("1.2.27")).environments;
        // Their push lands after the writer read the head and before its ref update, as GitHub would see it.
        github.beforeRefUpdate = () => {
            github.beforeRefUpdate = undefined;
            github.push(HYDRATION, "heads/environment/demo-staging-next", { "stray.txt": "theirs" });
        };
        const updated = await withToken(TOKEN, () =>
            environmentHydratorProvider.update!("id", staging, alone(hydrations("1.2.28")[0])),
        );
        const history = github.history(HYDRATION, "environment/demo-staging-next");
        assert.strictEqual(history[0], updated.outs.commitSha);
        assert.ok(!("stray.txt" in github.filesAt(history[0])), "the branch holds exactly the hydrated content");
        assert.strictEqual(github.commits.get(history[0])!.parents[0], history[1], "their commit stays in history");
    });

    it("a ruleset's 422 on the ref update, the head unchanged, fails with GitHub's words after one try", async () => {
        const [staging] = (await release("1.2.27")).environments;
        const before = github.refUpdates.length;
        const asked = github.requests.length;
        github.refusal = {
            status: 422,
            message: "Repository rule violations found",
            path: /\/git\/refs\/heads\/environment\/demo-staging-next$/,
        };
        await withToken(TOKEN, () =>
            assert.rejects(
                environmentHydratorProvider.update!("id", staging, alone(hydrations("1.2.28")[0])),
                /answered HTTP 422: Repository rule violations found/,
            ),
        );
        github.refusal = undefined;
        const patches = github.requests.slice(asked).filter((r) => r.method === "PATCH");
        assert.equal(patches.length, 1, "retrying cannot get past a ruleset: asked once");
        assert.equal(github.refUpdates.length, before, "the refusal answers before the update is judged");
    });

    it("fails clearly on a missing token, a refused token, a missing values file or one that is no map", async () => {
        const staging = alone(hydrations("1.2.27")[0]);
        await withToken(undefined, () =>
            assert.rejects(environmentHydratorProvider.create(staging), /GITHUB_TOKEN is not set/),
        );
        await withToken(TOKEN, async () => {
            await assert.rejects(
                environmentHydratorProvider.create({ ...staging, values: { ...staging.values, path: "nope.yaml" } }),
                /contents\/nope\.yaml\?ref=[0-9a-f]{40} answered HTTP 404/,
            );
            github.push(REPO, "heads/main", { "list.yaml": "- a\n- b\n" });
            github.refsOf(REPO).set("tags/vlist", github.head(REPO, "main")!);
            await assert.rejects(
                environmentHydratorProvider.create({
                    ...staging,
                    values: { repository: REPO, path: "list.yaml", revision: "vlist" },
                    valuesCommit: github.head(REPO, "main")!,
                }),
                /carverauto\/serviceradar@vlist:list\.yaml is not a YAML map of Helm values/,
            );
            github.status = 401;
            await assert.rejects(environmentHydratorProvider.create(staging), (err: Error) => {
                assert.match(err.message, /answered HTTP 401: Bad credentials Bearer \[REDACTED\]/);
                assert.ok(!err.message.includes(TOKEN));
                return true;
            });
        });
    });

    it("works as Pulumi's dynamic provider host runs it: serialized, loaded from text, token from the environment", async () => {
        const hosted = async (provider: pulumi.dynamic.ResourceProvider) => {
            const loaded = await hostedProvider(provider);
            assert.ok(!loaded.text.includes(TOKEN), "no token in the provider's code");
            return loaded.hosted;
        };
        const [dryProvider, hydrator] = [
            await hosted(releaseDryCommitProvider),
            await hosted(environmentHydratorProvider),
        ];
        const plan = pipelineOf("1.2.27");
        const dry = await withToken(TOKEN, () => dryProvider.create(dryInputs(apiUrl, plan.dry)));
        assert.strictEqual(dry.outs.drySha, github.head(HYDRATION, "hydrator/dry"));
        const created = await withToken(TOKEN, () =>
            hydrator.create(inputs(apiUrl, plan.hydrations[0], "v1.2.27", dry.outs)),
        );
        assert.strictEqual(created.outs.commitSha, github.head(HYDRATION, "environment/demo-staging-next"));
        assert.match(github.filesAt(created.outs.commitSha)["values-environment.yaml"], /cnpg-staging/);
        assert.ok(github.requests.every((r) => r.authorization === `Bearer ${TOKEN}`));
    });

    describe("as the hydrator's GitHub App (GITHUB_APP_ID, GITHUB_APP_INSTALLATION_ID, GITHUB_APP_PEM_FILE)", () => {
        const APP_ID = "424242";
        const INSTALLATION = "1234567";
        // A key as GitHub issues an App's: RSA in PKCS#1 PEM, which the GitHub provider's upstream parses
        // (`x509.ParsePKCS1PrivateKey`, terraform-provider-github v6.13.0 github/apps.go).
        const pair = () =>
            generateKeyPairSync("rsa", {
                modulusLength: 2048,
                privateKeyEncoding: { type: "pkcs1", format: "pem" },
                publicKeyEncoding: { type: "spki", format: "pem" },
            });
        const { privateKey: KEY, publicKey: PUBLIC_KEY } = pair();
        const app = (overrides: Record<string, string | undefined> = {}) => ({
            GITHUB_APP_ID: APP_ID,
            GITHUB_APP_INSTALLATION_ID: INSTALLATION,
            GITHUB_APP_PEM_FILE: KEY,
            ...overrides,
        });
        const keyLines = KEY.split("\n").filter((line) => line.length > 20 && !line.startsWith("-----"));
        const showsNoCredential = (text: string) =>
            !keyLines.some((line) => text.includes(line)) &&
            !github.mintedTokens.some((token) => text.includes(token)) &&
            !/eyJ[A-Za-z0-9_-]{10,}/.test(text);

        beforeEach(() => github.installApp(APP_ID, INSTALLATION, PUBLIC_KEY));
        afterEach(() => assert.deepStrictEqual(github.schemaErrors, [], "every answer is one GitHub documents"));

        it("mints an installation token for each write and writes with it, preferred to GITHUB_TOKEN as the provider prefers it", async () => {
            // release() sets GITHUB_TOKEN too: with the App's three variables set, the provider uses the App
            // (provider.go configureProvider reads token only without one), and so must the writers.
            const { dry, environments } = await withEnvironment(app(), () => release("1.2.27"));
            assert.strictEqual(github.mintedTokens.length, 3, "one token per write: the DRY commit and two hydrations");
            const used = github.requests.filter((r) => r.path.startsWith("/repos/"));
            assert.ok(used.length > 0);
            for (const request of used) {
                assert.ok(github.mintedTokens.includes(request.authorization.replace(/^Bearer /, "")), request.path);
            }
            assert.ok(!github.requests.some((r) => r.authorization.includes(TOKEN)), "GITHUB_TOKEN is never sent");
            assert.strictEqual(github.head(HYDRATION, "hydrator/dry"), dry.drySha);
            assert.strictEqual(github.head(HYDRATION, "environment/demo-next"), environments[1].commitSha);
            const now = Math.floor(Date.now() / 1000);
            for (const claims of github.jwtClaims) {
                assert.strictEqual(String(claims.iss), APP_ID, "iss is the App's id");
                assert.ok((claims.exp as number) <= now + 600 && (claims.iat as number) <= now, JSON.stringify(claims));
            }
        });

        it("takes the key with \\n for line breaks, as the provider does (validateAppAuth)", async () => {
            const escaped = KEY.trimEnd().split("\n").join("\\n");
            await withEnvironment(app({ GITHUB_APP_PEM_FILE: escaped }), () => release("1.2.27"));
            assert.strictEqual(github.mintedTokens.length, 3);
        });

        it("a JWT signed by another key is GitHub's 401, one line naming the App and the installation, no credential", async () => {
            const other = pair().privateKey;
            await withEnvironment(app({ GITHUB_APP_PEM_FILE: other }), () =>
                assert.rejects(release("1.2.27"), (err: Error) => {
                    assert.match(
                        err.message,
                        /^minting an installation token of GitHub App 424242 \(installation 1234567\) failed: POST \S+\/app\/installations\/1234567\/access_tokens answered HTTP 401: A JSON web token could not be decoded; check GITHUB_APP_ID/,
                    );
                    assert.ok(!err.message.includes("\n"), "one line");
                    assert.ok(showsNoCredential(err.message) && !err.message.includes(other.split("\n")[1]));
                    return true;
                }),
            );
            assert.deepStrictEqual(github.mintedTokens, []);
            assert.ok(!github.requests.some((r) => r.path.startsWith("/repos/")), "nothing written without a token");
        });

        it("an installation that is not the App's is GitHub's 404, named", async () => {
            await withEnvironment(app({ GITHUB_APP_INSTALLATION_ID: "7654321" }), () =>
                assert.rejects(release("1.2.27"), /installation 7654321\) failed: .*answered HTTP 404: Not Found/),
            );
        });

        it("never shows the minted token: a later refusal echoing it is redacted", async () => {
            github.status = 401;
            github.statusPath = /^\/repos\//;
            await withEnvironment(app(), () =>
                assert.rejects(release("1.2.27"), (err: Error) => {
                    assert.match(err.message, /answered HTTP 401: Bad credentials Bearer \[REDACTED\]/);
                    assert.strictEqual(github.mintedTokens.length, 1);
                    assert.ok(showsNoCredential(err.message), err.message);
                    return true;
                }),
            );
        });

        it("refuses some of the three variables without the others, before asking GitHub anything", async () => {
            for (const [unset, named] of [
                [
                    { GITHUB_APP_PEM_FILE: undefined },
                    /GITHUB_APP_ID and GITHUB_APP_INSTALLATION_ID are set, GITHUB_APP_PEM_FILE not/,
                ],
                [
                    { GITHUB_APP_ID: undefined, GITHUB_APP_INSTALLATION_ID: "" },
                    /GITHUB_APP_PEM_FILE is set, GITHUB_APP_ID and GITHUB_APP_INSTALLATION_ID not/,
                ],
            ] as const) {
                await withEnvironment(app(unset), () => assert.rejects(release("1.2.27"), named));
            }
            assert.deepStrictEqual(github.requests, []);
        });

        it("a key that is no private key: one line naming GITHUB_APP_PEM_FILE, never its text", async () => {
            const notAKey =
                "-----BEGIN RSA PRIVATE KEY-----\nbm90IGEga2V5IGF0IGFsbCwganVzdCB0ZXh0\n-----END RSA PRIVATE KEY-----\n";
            await withEnvironment(app({ GITHUB_APP_PEM_FILE: notAKey }), () =>
                assert.rejects(release("1.2.27"), (err: Error) => {
                    assert.match(err.message, /^GITHUB_APP_PEM_FILE is not a private key the JWT of GitHub App 424242/);
                    assert.ok(!err.message.includes("bm90IGEga2V5") && !err.message.includes("\n"), err.message);
                    return true;
                }),
            );
            assert.deepStrictEqual(github.requests, []);
        });

        it("mints in Pulumi's dynamic provider host too (serialized, loaded from text, the JWT library required there)", async () => {
            const { text, hosted } = await hostedProvider(releaseDryCommitProvider);
            assert.ok(!keyLines.some((line) => text.includes(line)), "no key in the provider's code");
            const plan = pipelineOf("1.2.27");
            const dry = await withEnvironment({ ...app(), GITHUB_TOKEN: undefined }, () =>
                hosted.create(dryInputs(apiUrl, plan.dry)),
            );
            assert.strictEqual(dry.outs.drySha, github.head(HYDRATION, "hydrator/dry"));
            assert.strictEqual(github.mintedTokens.length, 1);
            assert.ok(showsNoCredential(JSON.stringify(dry.outs)), "the state holds no credential");
        });

        it("the stand-in can refuse: a JWT of another App, one expiring beyond 10 minutes, or one already expired", async () => {
            const now = Math.floor(Date.now() / 1000);
            const jwt = (claims: Record<string, unknown>, key = KEY) => {
                const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
                const unsigned = `${part({ alg: "RS256", typ: "JWT" })}.${part(claims)}`;
                return `${unsigned}.${sign("RSA-SHA256", Buffer.from(unsigned), key).toString("base64url")}`;
            };
            const ask = (token: string) =>
                createInstallationToken({ apiUrl, token, retryBaseDelayMs: 1 }, INSTALLATION);
            assert.match(await ask(jwt({ iss: Number(APP_ID), iat: now - 30, exp: now + 540 })), /^ghs_/);
            await assert.rejects(ask(jwt({ iss: 1, iat: now - 30, exp: now + 540 })), /HTTP 401: A JSON web token/);
            await assert.rejects(ask(jwt({ iss: Number(APP_ID), iat: now, exp: now + 1200 })), /HTTP 401: .*too far/);
            await assert.rejects(
                ask(jwt({ iss: Number(APP_ID), iat: now - 700, exp: now - 60 })),
                /HTTP 401: .*future time/,
            );
        });
    });

    it("stops reading an endless GitHub answer at its cap", async () => {
        let sent = 0;
        const endless = () =>
            Promise.resolve(
                new Response(
                    new ReadableStream({
                        pull(controller) {
                            sent += 1024 * 1024;
                            controller.enqueue(new Uint8Array(1024 * 1024));
                        },
                    }),
                    { status: 200 },
                ),
            );
        await assert.rejects(
            resolveCommit({ apiUrl: "https://api.github.com", token: TOKEN, fetchImpl: endless }, REPO, "v1.2.27"),
            /answered more than the 4194304 bytes allowed/,
        );
        assert.ok(sent <= 6 * 1024 * 1024, `read ${sent} bytes`);
    });

    describe("the DRY identity, against GitOps Promoter v0.36.0's promotion rules (test/support/promoterModel.ts)", () => {
        // The chart and its images move to Harbor together, as the pull-secret check requires (config/config.ts).
        const HARBOR = {
            chartRepository: "registry.carverauto.dev/serviceradar/charts",
            registryServer: "registry.carverauto.dev",
        };
        const state = (environment: string) => environmentState(github, HYDRATION, environment);

        it("a new chart repository, or a second tag on the same commit, is a new DRY commit and a staging promotion", async () => {
            const first = await release("1.2.27");
            mergePromotion(github, HYDRATION, "demo-staging");
            mergePromotion(github, HYDRATION, "demo");
            assert.ok(!promotionOpen(state("demo-staging")) && !promotionOpen(state("demo")), "both run 1.2.27");

            const moved = await release("1.2.27", first, HARBOR);
            assert.notStrictEqual(moved.dry.drySha, first.dry.drySha, "same tag, new content: a new DRY commit");
            assert.strictEqual(moved.dry.valuesCommit, first.dry.valuesCommit, "the tag did not move");
            for (const environment of ["demo-staging", "demo"]) {
                assert.ok(promotionOpen(state(environment)), `${environment}: the promoter opens a promotion`);
                const chart = YAML.parse(github.filesAt(state(environment).proposed.hydrated)["Chart.yaml"]);
                assert.strictEqual(chart.dependencies[0].repository, `oci://${HARBOR.chartRepository}`);
            }
            mergePromotion(github, HYDRATION, "demo-staging");

            github.refsOf(REPO).set("tags/v1.2.28", github.refsOf(REPO).get("tags/v1.2.27")!);
            const retagged = await release("1.2.27", moved, { ...HARBOR, valuesRevision: "v1.2.28" });
            assert.ok(![first.dry.drySha, moved.dry.drySha].includes(retagged.dry.drySha), "another tag: new DRY");
            assert.ok(promotionOpen(state("demo-staging")));

            const back = await release("1.2.27", retagged);
            assert.ok(
                ![first.dry.drySha, moved.dry.drySha, retagged.dry.drySha].includes(back.dry.drySha),
                "content seen before is still a new DRY commit: a DRY sha never names other content",
            );
            assert.deepStrictEqual(github.history(HYDRATION, "hydrator/dry").slice(0, 4), [
                back.dry.drySha,
                retagged.dry.drySha,
                moved.dry.drySha,
                first.dry.drySha,
            ]);
        });

        it("with demo's promotion open, new content keeps demo's previous-environment check pending until staging's gates pass on it", async () => {
            const passing = new Set<string>();
            const check = () =>
                previousEnvironmentCheck(state("demo-staging"), state("demo"), (sha) => passing.has(sha));
            const first = await release("1.2.27");
            mergePromotion(github, HYDRATION, "demo-staging");
            passing.add(state("demo-staging").active.hydrated);
            assert.strictEqual(check(), "success", "1.2.27 passed staging: demo's promotion may merge");

            await release("1.2.27", first, HARBOR);
            assert.ok(promotionOpen(state("demo")), "demo's promotion now carries the new content");
            assert.strictEqual(check(), "pending", "staging has not run the new content");
            mergePromotion(github, HYDRATION, "demo-staging");
            assert.strictEqual(check(), "pending", "staging runs it, but its gates have not passed on it");
            passing.add(state("demo-staging").active.hydrated);
            assert.strictEqual(check(), "success", "staging's gates passed on exactly this content");
        });
    });

    describe("drift: `pulumi refresh` reads the branch as it is on GitHub", () => {
        const HAND_EDIT = "global:\n  imageTag: latest\n";
        const read = (provider: pulumi.dynamic.ResourceProvider, props: Record<string, unknown>) =>
            withToken(TOKEN, () => provider.read!("id", props));
        afterEach(() => assert.deepStrictEqual(github.schemaErrors, [], "every answer is one GitHub could send"));

        it("shows a hand edit of environment/demo-next, and the next update writes the hydrated content back on top", async () => {
            const first = await release("1.2.27");
            const demo = first.environments[1];
            const hydrated = github.filesAt(demo.commitSha);
            assert.deepStrictEqual((await read(environmentHydratorProvider, demo)).props, demo, "no edit: no drift");

            const edit = github.push(HYDRATION, "heads/environment/demo-next", { "values-release.yaml": HAND_EDIT });
            const refreshed = await read(environmentHydratorProvider, demo);
            assert.strictEqual(refreshed.id, "id");
            assert.strictEqual(refreshed.props.commitSha, edit, "the head as it is");
            assert.deepStrictEqual(refreshed.props.branchFiles, { ...hydrated, "values-release.yaml": HAND_EDIT });
            const news = inputs(apiUrl, hydrations("1.2.27")[1], "v1.2.27", first.dry);
            const diff = await environmentHydratorProvider.diff!("id", refreshed.props, news);
            assert.deepStrictEqual(diff, { changes: true, replaces: [], deleteBeforeReplace: false });
            assert.deepStrictEqual(
                (await read(environmentHydratorProvider, refreshed.props)).props,
                refreshed.props,
                "a second refresh records the same",
            );

            const updated = await withToken(TOKEN, () =>
                environmentHydratorProvider.update!("id", refreshed.props, news),
            );
            const history = github.history(HYDRATION, "environment/demo-next");
            assert.deepStrictEqual(
                history.slice(0, 3),
                [updated.outs.commitSha, edit, demo.commitSha],
                "one commit on top",
            );
            assert.deepStrictEqual(github.filesAt(updated.outs.commitSha), hydrated, "the hydrated content again");
            assert.ok(!("branchFiles" in updated.outs), "the state is what was written");
            assert.deepStrictEqual((await read(environmentHydratorProvider, updated.outs)).props, updated.outs);
            assert.strictEqual((await environmentHydratorProvider.diff!("id", updated.outs, news)).changes, false);
        });

        it("does not report a later commit of the same content", async () => {
            const [staging] = (await release("1.2.27")).environments;
            const files = github.filesAt(staging.commitSha);
            github.push(HYDRATION, "heads/environment/demo-staging-next", files, "same content");
            assert.deepStrictEqual((await read(environmentHydratorProvider, staging)).props, staging);
        });

        it("shows a hand edit of hydrator/dry, and the next release writes a new DRY commit that every environment names", async () => {
            const first = await release("1.2.27");
            const record = github.filesAt(first.dry.drySha)["release.json"];
            const edit = github.push(HYDRATION, "heads/hydrator/dry", {
                "release.json": record.replace("1.2.27", "9.9.9"),
            });
            const refreshed = await read(releaseDryCommitProvider, first.dry);
            assert.strictEqual(refreshed.props.drySha, edit);
            assert.strictEqual(refreshed.props.branchFiles["release.json"], record.replace("1.2.27", "9.9.9"));
            assert.ok(
                "environments/demo/values-release.yaml" in refreshed.props.branchFiles,
                "the whole tree, folders too",
            );
            const again = await release("1.2.27", { ...first, dry: refreshed.props as Released["dry"] });
            assert.deepStrictEqual(github.history(HYDRATION, "hydrator/dry").slice(0, 3), [
                again.dry.drySha,
                edit,
                first.dry.drySha,
            ]);
            assert.strictEqual(github.filesAt(again.dry.drySha)["release.json"], record);
            for (const environment of again.environments) assert.strictEqual(environment.drySha, again.dry.drySha);
        });

        it("reads a deleted branch as gone", async () => {
            const { dry, environments } = await release("1.2.27");
            github.refsOf(HYDRATION).delete("heads/environment/demo-next");
            github.refsOf(HYDRATION).delete("heads/hydrator/dry");
            assert.strictEqual((await read(environmentHydratorProvider, environments[1])).id, undefined);
            assert.strictEqual((await read(releaseDryCommitProvider, dry)).id, undefined);
            assert.strictEqual((await read(environmentHydratorProvider, environments[0])).id, "id", "the other stays");
        });

        it("reads as Pulumi's dynamic provider host runs it (serialized, loaded from text)", async () => {
            const { hosted } = await hostedProvider(environmentHydratorProvider);
            const [, demo] = (await release("1.2.27")).environments;
            github.push(HYDRATION, "heads/environment/demo-next", { "values-release.yaml": HAND_EDIT });
            const refreshed = await read(hosted, demo);
            assert.strictEqual(refreshed.props.branchFiles["values-release.yaml"], HAND_EDIT);
            const checked = await hosted.check!(demo, { ...demo, branch: "environment/demo next" });
            assert.deepStrictEqual(
                checked.failures?.map((f) => f.property),
                ["branch"],
            );
        });
    });

    describe("its check", () => {
        const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
        const good = () => inputs("u", hydrations("1.2.27")[0], "v1.2.27", { drySha: "d", valuesCommit: "v" });
        const failures = async (provider: pulumi.dynamic.ResourceProvider, news: Record<string, unknown>) =>
            (await provider.check!({}, news)).failures ?? [];
        const properties = async (news: Record<string, unknown>) =>
            (await failures(environmentHydratorProvider, { ...good(), ...news })).map((f) => f.property);

        it("passes the program's own inputs unchanged, and values a preview does not know yet", async () => {
            const checked = await environmentHydratorProvider.check!({}, good());
            assert.deepStrictEqual(checked, { inputs: good(), failures: [] });
            assert.deepStrictEqual(
                await properties({ branch: UNKNOWN, activeBranch: UNKNOWN, files: UNKNOWN, values: UNKNOWN }),
                [],
            );
            const dry = dryInputs("u", pipelineOf("1.2.27").dry);
            assert.deepStrictEqual(await failures(releaseDryCommitProvider, dry), []);
        });

        it("refuses a bad repository, branch or path, naming the property", async () => {
            for (const repository of ["carverauto", "carverauto/serviceradar/x", "-x/y", "o/..", "o/r r"]) {
                assert.deepStrictEqual(await properties({ repository }), ["repository"], repository);
            }
            for (const branch of [
                "",
                "environment/demo next",
                "environment/../demo",
                "environment//demo",
                "environment/demo.lock",
                "environment/.demo",
                "environment/demo/",
                "refs/heads/environment/demo",
                "environment/demo~1",
                "environment/demo@{0}",
            ]) {
                assert.deepStrictEqual(await properties({ branch }), ["branch"], branch);
            }
            assert.deepStrictEqual(await properties({ activeBranch: "environment/demo-staging-next" }), [
                "activeBranch",
            ]);
            for (const file of ["../escape.yaml", "/etc/passwd", "a/./b", "a//b", ".git/config", "a\\b", ""]) {
                assert.deepStrictEqual(await properties({ files: { [file]: "x" } }), ["files"], file);
            }
            assert.deepStrictEqual(await properties({ files: { "Chart.yaml": 1 } }), ["files"]);
            assert.deepStrictEqual(await properties({ values: { ...good().values, path: "../x.yaml" } }), [
                "values.path",
            ]);
            const [failure] = await failures(environmentHydratorProvider, { ...good(), branch: "a b" });
            assert.match(failure.reason, /^branch holds a character git refuses/);

            const dry = dryInputs("u", pipelineOf("1.2.27").dry);
            const dryProperties = async (news: Record<string, unknown>) =>
                (await failures(releaseDryCommitProvider, { ...dry, ...news })).map((f) => f.property);
            assert.deepStrictEqual(await dryProperties({ branch: "hydrator/dry..x" }), ["branch"]);
            assert.deepStrictEqual(await dryProperties({ environments: { demo: { "../x": "y" } } }), [
                "environments.demo",
            ]);
            assert.deepStrictEqual(await dryProperties({ environments: { "..": {} } }), ["environments"]);
            assert.deepStrictEqual(await dryProperties({ values: { ...dry.values, paths: { demo: "/abs.yaml" } } }), [
                "values.paths.demo",
            ]);
        });
    });

    describe("its diff", () => {
        const state = () => inputs("u", hydrations("1.2.27")[0], "v1.2.27", { drySha: "d", valuesCommit: "v" });
        const diff = (news: Record<string, unknown>) =>
            environmentHydratorProvider.diff!("id", state(), { ...state(), ...news });

        it("changes in place when content or release revision change, and not otherwise", async () => {
            assert.deepStrictEqual(await diff({}), { changes: false, replaces: [], deleteBeforeReplace: false });
            assert.strictEqual((await diff({ files: { "Chart.yaml": "x" } })).changes, true);
            assert.strictEqual((await diff({ values: { ...state().values, revision: "v1.2.28" } })).changes, true);
            assert.deepStrictEqual((await diff({ message: "m2" })).replaces, []);
        });

        it("replaces when the target repository or branches change", async () => {
            assert.deepStrictEqual((await diff({ branch: "environment/x-next" })).replaces, ["branch"]);
            assert.deepStrictEqual((await diff({ repository: "o/r" })).replaces, ["repository"]);
        });
    });
});
