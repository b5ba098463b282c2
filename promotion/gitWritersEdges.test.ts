// The two git writers' own edges (environmentHydrator.ts, releaseDryCommit.ts): the exact commit messages and the
// branch a missing proposed branch starts from, the resource id, and the property each check failure names.
import { strict as assert } from "node:assert";
import { environmentHydratorProvider } from "./environmentHydrator";
import { HYDRATED_ENVIRONMENT_KIND } from "./hydratedEnvironmentKind";
import { RELEASE_DRY_COMMIT_KIND, releaseDryCommitProvider } from "./releaseDryCommit";
import { GitHubStandIn } from "../test/support/gitHubStandIn";

const VALUES_REPO = "carverauto/serviceradar";
const REPO = "carverauto/serviceradar-release";
const DRY = "d".repeat(40);

describe("promotion git writers: edges", () => {
    describe("environment hydrator", () => {
        let github: GitHubStandIn;
        let url: string;
        const saved = { ...process.env };
        beforeEach(async () => {
            for (const name of ["GITHUB_APP_ID", "GITHUB_APP_INSTALLATION_ID", "GITHUB_APP_PEM_FILE"]) {
                delete process.env[name];
            }
            process.env.GITHUB_TOKEN = "ghs_writersEdgeToken";
            github = new GitHubStandIn();
            url = await github.start();
        });
        afterEach(async () => {
            for (const name of ["GITHUB_TOKEN", "GITHUB_APP_ID", "GITHUB_APP_INSTALLATION_ID", "GITHUB_APP_PEM_FILE"]) {
                if (saved[name] === undefined) delete process.env[name];
                else process.env[name] = saved[name];
            }
            await github.stop();
        });
        const inputs = (valuesCommit: string, files: Record<string, string>) => ({
            kind: HYDRATED_ENVIRONMENT_KIND,
            apiUrl: url,
            environment: "demo",
            repository: REPO,
            branch: "environment/demo-next",
            activeBranch: "environment/demo",
            files,
            message: "Release v1.2.27 to demo",
            chartName: "serviceradar",
            values: { repository: VALUES_REPO, path: "helm/values-demo.yaml", revision: "v1.2.27" },
            dryCommit: DRY,
            valuesCommit,
        });

        it("starts a missing live branch with the README, then commits naming the DRY commit; its id is where it writes", async () => {
            const valuesCommit = github.push(VALUES_REPO, "tags/v1.2.27", { "helm/values-demo.yaml": "a: 1\n" });
            const created = await environmentHydratorProvider.create!(inputs(valuesCommit, { "README.md": "r\n" }));
            assert.equal(created.id, `${REPO}@environment/demo-next`);
            const live = github.head(REPO, "environment/demo")!;
            assert.deepEqual(github.commits.get(live), {
                tree: github.commits.get(live)!.tree,
                parents: [],
                message: "start environment/demo",
            });
            assert.deepEqual(github.filesAt(live), { "README.md": "r\n" });
            const next = github.head(REPO, "environment/demo-next")!;
            assert.equal(created.outs.commitSha, next);
            assert.equal(created.outs.drySha, DRY);
            assert.equal(
                github.commits.get(next)!.message,
                `Release v1.2.27 to demo\n\nDRY commit ${DRY} (${VALUES_REPO}@v1.2.27 = ${valuesCommit})`,
            );
            assert.deepEqual(github.commits.get(next)!.parents, [live]);
        });

        it("without a README in the content, the live branch starts with an empty README", async () => {
            const valuesCommit = github.push(VALUES_REPO, "tags/v1.2.27", { "helm/values-demo.yaml": "a: 1\n" });
            await environmentHydratorProvider.create!(inputs(valuesCommit, {}));
            assert.deepEqual(github.filesAt(github.head(REPO, "environment/demo")!), { "README.md": "" });
        });

        it("names the property of each failure: activeBranch, values.repository", async () => {
            const bad = {
                ...inputs("v", {}),
                activeBranch: "environment/demo-next",
                values: { repository: "x", path: "a.yaml", revision: "v" },
            };
            assert.deepEqual((await environmentHydratorProvider.check!({}, bad)).failures, [
                {
                    property: "activeBranch",
                    reason: "activeBranch must differ from branch (the promoter merges one into the other)",
                },
                { property: "values.repository", reason: 'values.repository must be owner/name, not "x"' },
            ]);
            const badBranch = { ...inputs("v", {}), activeBranch: "-x" };
            assert.deepEqual((await environmentHydratorProvider.check!({}, badBranch)).failures, [
                { property: "activeBranch", reason: "activeBranch starts with '-': \"-x\"" },
            ]);
        });
    });

    describe("release DRY commit checks", () => {
        const dry = (extra: object) => ({
            kind: RELEASE_DRY_COMMIT_KIND,
            apiUrl: "https://api.github.com",
            repository: REPO,
            branch: "hydrator/dry",
            release: {},
            environments: {},
            values: { repository: VALUES_REPO, paths: {} },
            message: "m",
            ...extra,
        });
        const failures = async (extra: object) => (await releaseDryCommitProvider.check!({}, dry(extra))).failures;

        it("names repository, values.repository, a values path, and an environment with a '/'", async () => {
            assert.deepEqual(await failures({}), []);
            assert.deepEqual(await failures({ repository: "x" }), [
                { property: "repository", reason: 'repository must be owner/name, not "x"' },
            ]);
            assert.deepEqual(await failures({ values: { repository: "x", paths: { demo: "/a" } } }), [
                { property: "values.repository", reason: 'values.repository must be owner/name, not "x"' },
                { property: "values.paths.demo", reason: 'values.paths.demo must be relative: "/a"' },
            ]);
            assert.deepEqual(await failures({ environments: { "a/b": {} } }), [
                { property: "environments", reason: "environments names an environment with a '/': \"a/b\"" },
            ]);
        });

        it("values or their paths not known yet (or no map) are judged later: no failure", async () => {
            const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
            assert.deepEqual(await failures({ values: unknown }), []);
            assert.deepEqual(await failures({ values: { repository: VALUES_REPO, paths: unknown } }), []);
            assert.deepEqual(await failures({ values: { repository: VALUES_REPO, paths: "/a" } }), []);
        });
    });
});
