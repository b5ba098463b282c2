import * as assert from "assert";
import { createRequire } from "module";
import * as pulumi from "@pulumi/pulumi";
import * as YAML from "yaml";
import { environmentHydratorProvider } from "./environmentHydrator";
import { parseReleaseConfig } from "../config/config";
import { resolveCommit } from "./gitData";
import { HYDRATED_ENVIRONMENT_KIND } from "./hydratedEnvironmentKind";
import { EnvironmentHydration } from "./promoter";
import { planRelease } from "../program/releasePlan";
import { mapSource, validValues } from "../test/support/configSource";
import { GitHubStandIn } from "../test/support/gitHubStandIn";

const TOKEN = "ghs_hydratorTokenNeverShown";
const REPO = "carverauto/serviceradar";
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

function hydrations(version: string): EnvironmentHydration[] {
    const config = parseReleaseConfig(mapSource("demo-staging", validValues({ version })));
    return planRelease(config).pipeline!.hydrations;
}

function inputs(apiUrl: string, hydration: EnvironmentHydration, revision: string) {
    return {
        kind: HYDRATED_ENVIRONMENT_KIND,
        apiUrl,
        environment: hydration.environment,
        repository: REPO,
        branch: hydration.proposedBranch,
        activeBranch: hydration.activeBranch,
        files: Object.fromEntries(hydration.files.map((f) => [f.file, f.content])),
        message: hydration.message,
        chartName: "serviceradar",
        values: { repository: REPO, path: hydration.valuesPath, revision },
    };
}

async function withToken<T>(token: string | undefined, run: () => Promise<T>): Promise<T> {
    const saved = process.env.GITHUB_TOKEN;
    if (token === undefined) delete process.env.GITHUB_TOKEN;
    else process.env.GITHUB_TOKEN = token;
    try {
        return await run();
    } finally {
        if (saved === undefined) delete process.env.GITHUB_TOKEN;
        else process.env.GITHUB_TOKEN = saved;
    }
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

    /** Hydrates every environment for a release, as one `pulumi up` of the pipeline stack does. */
    async function release(version: string, previous?: Record<string, unknown>[]) {
        return withToken(TOKEN, async () => {
            const outs = [];
            for (const [i, hydration] of hydrations(version).entries()) {
                const news = inputs(apiUrl, hydration, `v${version}`);
                if (previous) {
                    const diff = await environmentHydratorProvider.diff!("id", previous[i], news);
                    outs.push(
                        diff.changes
                            ? (await environmentHydratorProvider.update!("id", previous[i], news)).outs
                            : previous[i],
                    );
                } else {
                    outs.push((await environmentHydratorProvider.create(news)).outs);
                }
            }
            return outs as (Record<string, unknown> & { commitSha: string; drySha: string })[];
        });
    }

    it("starts each environment branch without main's history, then proposes the release in one commit", async () => {
        const [staging, demo] = await release("1.2.27");
        for (const [env, out] of [
            ["demo-staging", staging],
            ["demo", demo],
        ] as const) {
            const active = github.history(REPO, `environment/${env}`);
            assert.strictEqual(active.length, 1, "the live branch is one commit");
            assert.deepStrictEqual(github.commits.get(active[0])!.parents, [], "with no parent: not cut from main");
            assert.deepStrictEqual(Object.keys(github.filesAt(active[0])), ["README.md"]);
            const proposed = github.history(REPO, `environment/${env}-next`);
            assert.deepStrictEqual(
                proposed,
                [out.commitSha, active[0]],
                "one hydrated commit on top of the live branch",
            );
            assert.ok(!proposed.includes(mainHead));
        }
        assert.strictEqual(github.head(REPO, "main"), mainHead, "main is untouched");
    });

    it("writes exactly the umbrella chart, both values files and hydrator.metadata naming the release commit", async () => {
        const [staging, demo] = await release("1.2.27");
        const files = github.filesAt(staging.commitSha);
        assert.deepStrictEqual(Object.keys(files).sort(), [
            "Chart.yaml",
            "README.md",
            "hydrator.metadata",
            "values-environment.yaml",
            "values-release.yaml",
        ]);
        assert.deepStrictEqual(JSON.parse(files["hydrator.metadata"]).drySha, mainHead);
        assert.strictEqual(staging.drySha, mainHead);
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
            for (const [file, content] of Object.entries(github.filesAt(github.head(REPO, branch)!))) {
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
            again.map((o) => o.commitSha),
            first.map((o) => o.commitSha),
        );
        const forced = await withToken(TOKEN, () =>
            environmentHydratorProvider.update!("id", first[0], inputs(apiUrl, hydrations("1.2.27")[0], "v1.2.27")),
        );
        assert.strictEqual(forced.outs.commitSha, first[0].commitSha, "even when asked to, nothing changed: no commit");

        github.push(REPO, "heads/main", { "CHANGELOG.md": "1.2.28" });
        github.refsOf(REPO).set("tags/v1.2.28", github.head(REPO, "main")!);
        const next = await release("1.2.28", first);
        for (const [i, env] of ["demo-staging", "demo"].entries()) {
            const history = github.history(REPO, `environment/${env}-next`);
            assert.deepStrictEqual(history.slice(0, 2), [next[i].commitSha, first[i].commitSha], `${env}: one commit`);
        }
    });

    it("rebuilds on the new head when someone pushed to the proposed branch in between", async () => {
        const [staging] = await release("1.2.27");
        github.push(REPO, "heads/environment/demo-staging-next", { "stray.txt": "theirs" });
        github.rejectNextRefUpdates = 1;
        const updated = await withToken(TOKEN, () =>
            environmentHydratorProvider.update!("id", staging, inputs(apiUrl, hydrations("1.2.28")[0], "v1.2.27")),
        );
        const history = github.history(REPO, "environment/demo-staging-next");
        assert.strictEqual(history[0], updated.outs.commitSha);
        assert.ok(!("stray.txt" in github.filesAt(history[0])), "the branch holds exactly the hydrated content");
        assert.strictEqual(github.commits.get(history[0])!.parents[0], history[1], "their commit stays in history");
    });

    it("fails clearly on a missing token, a refused token, a missing values file or one that is no map", async () => {
        const staging = inputs(apiUrl, hydrations("1.2.27")[0], "v1.2.27");
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
        const serialized = await pulumi.runtime.serializeFunction(() => environmentHydratorProvider, {
            allowSecrets: true,
        });
        assert.ok(!serialized.text.includes(TOKEN), "no token in the provider's code");
        // Loaded the way @pulumi/pulumi's cmd/dynamic-provider does: require-from-string, modules resolved from the
        // working directory (the project, under the Pulumi CLI).
        const requireFromString = createRequire(require.resolve("@pulumi/pulumi/cmd/dynamic-provider/index.js"))(
            "require-from-string",
        ) as (code: string) => { handler(): pulumi.dynamic.ResourceProvider };
        const provider = requireFromString(serialized.text).handler();
        const created = await withToken(TOKEN, () =>
            provider.create(inputs(apiUrl, hydrations("1.2.27")[0], "v1.2.27")),
        );
        assert.strictEqual(created.outs.commitSha, github.head(REPO, "environment/demo-staging-next"));
        assert.match(github.filesAt(created.outs.commitSha)["values-environment.yaml"], /cnpg-staging/);
        assert.ok(github.requests.every((r) => r.authorization === `Bearer ${TOKEN}`));
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

    describe("its diff", () => {
        const state = () => inputs("u", hydrations("1.2.27")[0], "v1.2.27");
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
