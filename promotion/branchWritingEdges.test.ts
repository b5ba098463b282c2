// The shared dynamic provider of the git writers (branchWritingProvider.ts), driven directly: the exact reasons its
// checks give, what makes Pulumi replace rather than update (and when nothing changes), and what `read` asks GitHub
// and reports for a branch that is gone, unchanged, or edited by hand.
import { strict as assert } from "node:assert";
import {
    BranchLocation,
    branchProblem,
    branchWritingProvider,
    filesFailures,
    isObject,
    pathProblem,
    repositoryProblem,
} from "./branchWritingProvider";
import { GitHubStandIn } from "../test/support/gitHubStandIn";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const REPO = "carverauto/serviceradar-release";

interface TestState extends BranchLocation {
    files: Record<string, string>;
    commitSha?: string;
}

const provider = branchWritingProvider<TestState>({
    write: async (inputs) => ({ ...inputs, commitSha: "c".repeat(40) }),
    id: (inputs) => `${inputs.repository}@${inputs.branch}`,
    location: ["repository", "branch"],
    content: (state) => state.files,
    commit: "commitSha",
    check: () => [],
});

describe("promotion/branchWritingProvider: edges", () => {
    describe("checks, by their exact reasons", () => {
        it("a repository owner/name", () => {
            const cases: [unknown, string | undefined][] = [
                [UNKNOWN, undefined],
                ["carverauto/serviceradar", undefined],
                ["a-b/x.y_z-1", undefined],
                [7, "must be a string owner/name"],
                ["carverauto", 'must be owner/name, not "carverauto"'],
                ["a/b/c", 'must be owner/name, not "a/b/c"'],
                ["-a/b", 'names an owner GitHub does not allow: "-a"'],
                ["a-/b", 'names an owner GitHub does not allow: "a-"'],
                ["a--b/c", 'names an owner GitHub does not allow: "a--b"'],
                [`${"a".repeat(40)}/b`, `names an owner GitHub does not allow: "${"a".repeat(40)}"`],
                ["a/b c", 'names a repository GitHub does not allow: "b c"'],
                ["a/.", 'names a repository GitHub does not allow: "."'],
                ["a/..", 'names a repository GitHub does not allow: ".."'],
            ];
            assert.deepEqual(
                cases.map(([value]) => [value, repositoryProblem(value)]),
                cases,
            );
        });

        it("a branch name git allows", () => {
            const cases: [unknown, string | undefined][] = [
                [UNKNOWN, undefined],
                ["environment/demo-next", undefined],
                ["a-b.c", undefined],
                ["", "must be a branch name"],
                [undefined, "must be a branch name"],
                ["refs/heads/x", 'must name a branch without refs/: "refs/heads/x"'],
                ["a b", 'holds a character git refuses in a branch name (space, control, ~ ^ : ? * [ \\): "a b"'],
                ["a..b", 'is not a valid git ref: "a..b"'],
                ["a@{b", 'is not a valid git ref: "a@{b"'],
                ["@", 'is not a valid git ref: "@"'],
                ["-a", "starts with '-': \"-a\""],
                ["a.", "ends with '.': \"a.\""],
                ["a//b", 'has an empty path component: "a//b"'],
                ["a/", 'has an empty path component: "a/"'],
                ["a/.b", "has a component starting with '.' or ending with '.lock': \"a/.b\""],
                ["a.lock/b", "has a component starting with '.' or ending with '.lock': \"a.lock/b\""],
            ];
            assert.deepEqual(
                cases.map(([value]) => [value, branchProblem(value)]),
                cases,
            );
        });

        it("a file path in a tree", () => {
            const cases: [unknown, string | undefined][] = [
                [UNKNOWN, undefined],
                ["helm/values.yaml", undefined],
                ["", "must be a file path"],
                [3, "must be a file path"],
                ["a\\b", 'holds a control character or a backslash: "a\\\\b"'],
                ["/a", 'must be relative: "/a"'],
                ["a/", "must be relative, without '.', '..' or '//': \"a/\""],
                ["a/../b", "must be relative, without '.', '..' or '//': \"a/../b\""],
                ["x/.GIT/config", 'must not be in .git: "x/.GIT/config"'],
            ];
            assert.deepEqual(
                cases.map(([value]) => [value, pathProblem(value)]),
                cases,
            );
        });

        it("a map of files", () => {
            assert.deepEqual(filesFailures("files", UNKNOWN), []);
            assert.deepEqual(filesFailures("files", { "a.yaml": "x" }), []);
            for (const notMap of [null, "a", 3, ["a"]]) {
                assert.deepEqual(filesFailures("files", notMap), [
                    { property: "files", reason: "files must be a map of file path to text" },
                ]);
            }
            assert.deepEqual(filesFailures("files", { "/a": "x", b: 1 }), [
                { property: "files", reason: 'files: the path must be relative: "/a"' },
                { property: "files", reason: 'files: "b" must be text (a string)' },
            ]);
            assert.deepEqual(
                [null, [], "x", {}].map((v) => isObject(v)),
                [false, false, false, true],
            );
        });
    });

    describe("diff", () => {
        const olds: TestState = { apiUrl: "u", repository: REPO, branch: "b", files: { a: "1" }, commitSha: "c" };
        it("nothing changed: no changes", async () => {
            assert.deepEqual(await provider.diff!("id", olds, { ...olds, commitSha: undefined }), {
                changes: false,
                replaces: [],
                deleteBeforeReplace: false,
            });
        });
        it("content changed: an update in place", async () => {
            assert.deepEqual(await provider.diff!("id", olds, { ...olds, files: { a: "2" } }), {
                changes: true,
                replaces: [],
                deleteBeforeReplace: false,
            });
        });
        it("where it writes changed: a replace, even with the content the same", async () => {
            assert.deepEqual(await provider.diff!("id", olds, { ...olds, branch: "other" }), {
                changes: true,
                replaces: ["branch"],
                deleteBeforeReplace: false,
            });
        });
        it("a branch read as edited by hand: an update that writes the content back", async () => {
            assert.deepEqual(await provider.diff!("id", { ...olds, branchFiles: { a: "hand" } } as TestState, olds), {
                changes: true,
                replaces: [],
                deleteBeforeReplace: false,
            });
        });
    });

    describe("read", () => {
        let github: GitHubStandIn;
        let url: string;
        const saved: Record<string, string | undefined> = {};
        const names = ["GITHUB_TOKEN", "GITHUB_APP_ID", "GITHUB_APP_INSTALLATION_ID", "GITHUB_APP_PEM_FILE"];
        beforeEach(async () => {
            for (const name of names) saved[name] = process.env[name];
            for (const name of names) delete process.env[name];
            process.env.GITHUB_TOKEN = "ghs_readToken";
            github = new GitHubStandIn();
            url = await github.start();
        });
        afterEach(async () => {
            for (const name of names) {
                if (saved[name] === undefined) delete process.env[name];
                else process.env[name] = saved[name];
            }
            await github.stop();
        });
        const state = (commitSha: string | undefined): TestState => ({
            apiUrl: url,
            repository: REPO,
            branch: "environment/demo",
            files: { a: "1" },
            commitSha,
        });
        const paths = () => github.requests.map((r) => `${r.method} ${r.path}`);

        it("without its state (an import) it refuses, naming the id", async () => {
            for (const props of [undefined, { branch: "b" }, { repository: REPO }]) {
                await assert.rejects(
                    provider.read!("x@b", props as unknown as TestState),
                    (err: Error) =>
                        err.message === "x@b cannot be read without its state: the git writers cannot be imported",
                );
            }
        });

        it("a branch that is gone: no id and no properties", async () => {
            assert.deepEqual(await provider.read!("id", state("c".repeat(40))), { id: undefined, props: {} });
        });

        it("its head still the commit written: the state stands, read with two requests", async () => {
            const head = github.push(REPO, "heads/environment/demo", { a: "1" });
            assert.deepEqual(await provider.read!("id", state(head)), { id: "id", props: state(head) });
            assert.deepEqual(paths(), [
                `GET /repos/${REPO}/git/ref/heads/environment/demo`,
                `GET /repos/${REPO}/git/commits/${head}`,
            ]);
        });

        it("a state without a commit is not compared with any commit: the files there are read", async () => {
            const head = github.push(REPO, "heads/environment/demo", { a: "hand" });
            assert.deepEqual(await provider.read!("id", state(undefined)), {
                id: "id",
                props: { ...state(undefined), commitSha: head, branchFiles: { a: "hand" } },
            });
            assert.ok(!paths().includes(`GET /repos/${REPO}/git/commits/undefined`), paths().join("\n"));
        });
    });
});
