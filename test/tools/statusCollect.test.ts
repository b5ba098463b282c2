// tools/lib/status/report.ts's collectStatus against a scripted GitHub client: the hydrated files it cannot read,
// the gates' states and order, the promotion pull request, the history's paging, and every line of "held back by".

import { strict as assert } from "assert";
import type { GitHubClient } from "../../lib/github/client";
import { StatusReport, collectStatus, isoTime } from "../../tools/lib/status/report";

const NOW = new Date("2025-06-02T12:00:00Z");

/** A file as the contents API answers it, or a directory listing (an array), or 404 when absent. */
type Content = Error | string | { type?: string; encoding?: string; content?: string } | unknown[];

interface Commit {
    files: Record<string, Content>;
    checkRuns?: Record<string, unknown>[];
    statuses?: Record<string, unknown>[];
}

interface Script {
    branches: Record<string, string>;
    commits: Record<string, Commit>;
    open?: Record<string, Record<string, unknown>[]>;
    /** Pages of closed pull requests per base branch. */
    closed?: Record<string, Record<string, unknown>[][]>;
}

class NotFound extends Error {
    status = 404;
}

function fakeClient(script: Script, pagesRead: Record<string, number>): GitHubClient {
    const request = async (route: string, params: Record<string, string>) => {
        switch (route) {
            case "GET /repos/{owner}/{repo}":
                return { data: {} };
            case "GET /repos/{owner}/{repo}/branches/{branch}": {
                const sha = script.branches[params.branch];
                if (sha === undefined) throw new NotFound("Branch not found");
                return {
                    data: {
                        commit: {
                            sha,
                            html_url: `https://h/${sha}`,
                            commit: { committer: { date: "2025-06-01T00:00:00Z" } },
                        },
                    },
                };
            }
            case "GET /repos/{owner}/{repo}/contents/{path}": {
                const file = script.commits[params.ref].files[params.path];
                if (file instanceof Error) throw file;
                if (file === undefined) throw new NotFound("Not Found");
                if (typeof file !== "string") return { data: file };
                return {
                    data: { type: "file", encoding: "base64", content: Buffer.from(file).toString("base64") },
                };
            }
            case "GET /repos/{owner}/{repo}/commits/{ref}/status":
                return { data: { statuses: script.commits[params.ref].statuses ?? [] } };
            case "GET /repos/{owner}/{repo}/pulls":
                assert.equal(params.state, "open");
                assert.equal(params.head, `o:${params.base}-next`);
                return { data: script.open?.[params.base] ?? [] };
        }
        throw new Error(`unexpected ${route}`);
    };
    const paginate = async (
        route: string,
        params: Record<string, string>,
        map?: (response: { data: unknown[] }, done: () => void) => unknown[],
    ) => {
        if (route === "GET /repos/{owner}/{repo}/commits/{ref}/check-runs") {
            return script.commits[params.ref].checkRuns ?? [];
        }
        assert.equal(route, "GET /repos/{owner}/{repo}/pulls");
        assert.deepEqual(
            [params.state, params.sort, params.direction, params.per_page],
            ["closed", "updated", "desc", 30],
        );
        let stop = false;
        for (const page of script.closed?.[params.base] ?? []) {
            pagesRead[params.base] = (pagesRead[params.base] ?? 0) + 1;
            map!({ data: page }, () => (stop = true));
            if (stop) break;
        }
        return [];
    };
    return { request, paginate } as unknown as GitHubClient;
}

async function collect(
    script: Script,
    environments: string[],
    { autoMerge = [] as string[], history = 0 } = {},
): Promise<{ report: StatusReport; pagesRead: Record<string, number> }> {
    const pagesRead: Record<string, number> = {};
    const report = await collectStatus(
        fakeClient(script, pagesRead),
        { repo: "o/r", pipelineStack: "a", environments, autoMergeEnvironments: autoMerge },
        { historyCount: history, now: NOW },
    );
    return { report, pagesRead };
}

/** The three hydrated files, from hydrator.metadata's JSON, Chart.yaml's and values-release.yaml's YAML. */
function files(metadata: object, chart: string, values: string): Record<string, Content> {
    return { "hydrator.metadata": JSON.stringify(metadata), "Chart.yaml": chart, "values-release.yaml": values };
}
const release = (drySha: string | undefined, version: string, tag: string) =>
    files(
        drySha === undefined ? {} : { drySha },
        `version: ${version}\ndependencies:\n  - version: ${version}\n`,
        `global:\n  imageTag: ${tag}\n`,
    );

describe("status report: what collectStatus reads from GitHub", function () {
    it("isoTime drops zero milliseconds only", function () {
        assert.equal(isoTime(new Date("2025-06-02T12:00:00.000Z")), "2025-06-02T12:00:00Z");
        assert.equal(isoTime(new Date("2025-06-02T12:00:00.120Z")), "2025-06-02T12:00:00.120Z");
    });

    it("a hydrated file that cannot be read is a problem line on the release, numbers in YAML are text", async function () {
        const { report } = await collect(
            {
                branches: { "environment/a": "A1", "environment/a-next": "A2" },
                commits: {
                    A1: {
                        files: {
                            "hydrator.metadata": "{",
                            "Chart.yaml": "version: [1\n",
                        },
                    },
                    A2: {
                        files: {
                            "hydrator.metadata": JSON.stringify({ drySha: "", repoURL: 7, subject: "s" }),
                            "Chart.yaml": [{ type: "file" }],
                            "values-release.yaml": { type: "file", encoding: "none", content: "" },
                        },
                    },
                },
            },
            ["a"],
        );
        const [a] = report.environments;
        assert.deepEqual(a.running, {
            branch: "environment/a",
            hydrated: true,
            sha: "A1",
            committedAt: "2025-06-01T00:00:00Z",
            url: "https://h/A1",
            drySha: undefined,
            repoURL: undefined,
            subject: undefined,
            version: undefined,
            chartVersion: undefined,
            imageTag: undefined,
            problems: [
                "hydrator.metadata is not JSON",
                "Chart.yaml is not valid YAML",
                "values-release.yaml is missing",
            ],
        });
        assert.deepEqual(a.proposed, {
            branch: "environment/a-next",
            hydrated: true,
            sha: "A2",
            committedAt: "2025-06-01T00:00:00Z",
            url: "https://h/A2",
            drySha: undefined,
            repoURL: undefined,
            subject: "s",
            version: undefined,
            chartVersion: undefined,
            imageTag: undefined,
            problems: ["Chart.yaml is not a file", "values-release.yaml is too large to read through the API"],
        });
        const numbers = await collect(
            {
                branches: { "environment/a": "A1" },
                commits: {
                    A1: {
                        files: files(
                            { drySha: "d", repoURL: "u", subject: "s" },
                            "version: 1.5\ndependencies:\n  - version: 2\n",
                            "global:\n  imageTag: true\n",
                        ),
                    },
                },
            },
            ["a"],
        );
        const running = numbers.report.environments[0].running;
        assert.ok(running.hydrated);
        assert.deepEqual(
            [running.drySha, running.repoURL, running.subject, running.version, running.chartVersion, running.imageTag],
            ["d", "u", "s", "1.5", "2", undefined],
        );
        const missing = await collect(
            {
                branches: { "environment/a": "A1", "environment/a-next": "A2" },
                commits: {
                    A1: { files: { "hydrator.metadata": "[]" } },
                    A2: {
                        files: {
                            "hydrator.metadata": "null",
                            "Chart.yaml": "",
                            "values-release.yaml": { type: "symlink", encoding: "base64", content: "" },
                        },
                    },
                },
            },
            ["a"],
        );
        assert.deepEqual(
            missing.report.environments[0].running.hydrated && missing.report.environments[0].running.problems,
            ["Chart.yaml is missing", "values-release.yaml is missing"],
        );
        const empty = missing.report.environments[0].proposed;
        assert.ok(empty.hydrated);
        assert.deepEqual(
            [empty.drySha, empty.version, empty.problems],
            [undefined, undefined, ["values-release.yaml is not a file"]],
        );
    });

    it("gates: check runs then commit statuses, each sorted by name, with GitHub's word and its outcome", async function () {
        const { report } = await collect(
            {
                branches: { "environment/a": "A1" },
                commits: {
                    A1: {
                        files: release("d", "1", "t"),
                        checkRuns: [
                            { name: "zeta", status: "in_progress", conclusion: null, details_url: "https://d/z" },
                            {
                                name: "alpha",
                                status: "completed",
                                conclusion: null,
                                output: { title: "" },
                                html_url: "",
                            },
                            {
                                name: "mid",
                                status: "completed",
                                conclusion: "skipped",
                                output: { title: "T" },
                                html_url: "https://h/m",
                            },
                            {
                                name: "beta",
                                status: "queued",
                                conclusion: null,
                                output: null,
                                html_url: null,
                                details_url: null,
                            },
                        ],
                        statuses: [
                            { context: "s3", state: "expected", description: "", target_url: null },
                            { context: "s2", state: "error", description: null, target_url: "" },
                            { context: "s1", state: "success", description: "ok", target_url: "https://t" },
                        ],
                    },
                },
            },
            ["a"],
        );
        assert.deepEqual(report.environments[0].gates, [
            {
                name: "alpha",
                source: "check run",
                state: "completed",
                outcome: "failing",
                description: undefined,
                url: undefined,
            },
            {
                name: "beta",
                source: "check run",
                state: "queued",
                outcome: "pending",
                description: undefined,
                url: undefined,
            },
            {
                name: "mid",
                source: "check run",
                state: "skipped",
                outcome: "passing",
                description: "T",
                url: "https://h/m",
            },
            {
                name: "zeta",
                source: "check run",
                state: "in_progress",
                outcome: "pending",
                description: undefined,
                url: "https://d/z",
            },
            {
                name: "s1",
                source: "commit status",
                state: "success",
                outcome: "passing",
                description: "ok",
                url: "https://t",
            },
            {
                name: "s2",
                source: "commit status",
                state: "error",
                outcome: "failing",
                description: undefined,
                url: undefined,
            },
            {
                name: "s3",
                source: "commit status",
                state: "expected",
                outcome: "pending",
                description: undefined,
                url: undefined,
            },
        ]);
    });

    it("history: merged pull requests only, newest first, paging stops at enough of them or at ten pages", async function () {
        const pull = (number: number, mergedAt: string | null) => ({
            number,
            title: `t${number}`,
            html_url: `https://p/${number}`,
            merged_at: mergedAt,
        });
        const { report, pagesRead } = await collect(
            {
                branches: {},
                commits: {},
                closed: {
                    "environment/a": [
                        [pull(1, null), pull(2, "2025-01-01T00:00:00Z")],
                        [pull(3, "2025-03-01T00:00:00Z"), pull(4, "2025-02-01T00:00:00Z")],
                        [pull(5, "2025-04-01T00:00:00Z")],
                    ],
                    "environment/b": Array.from({ length: 12 }, (_, i) => [pull(100 + i, null)]),
                    "environment/c": [
                        [pull(21, "2025-01-01T00:00:00Z")],
                        [pull(22, "2025-01-02T00:00:00Z")],
                        [pull(23, "2025-01-03T00:00:00Z")],
                    ],
                },
            },
            ["a", "b", "c"],
            { history: 2 },
        );
        assert.deepEqual(report.environments[0].history, [
            { number: 3, title: "t3", url: "https://p/3", mergedAt: "2025-03-01T00:00:00Z" },
            { number: 4, title: "t4", url: "https://p/4", mergedAt: "2025-02-01T00:00:00Z" },
        ]);
        assert.deepEqual(report.environments[1].history, []);
        assert.deepEqual(
            report.environments[2].history.map((promotion) => promotion.number),
            [22, 21],
        );
        assert.deepEqual(pagesRead, { "environment/a": 2, "environment/b": 10, "environment/c": 2 });
        const none = await collect(
            { branches: {}, commits: {}, closed: { "environment/a": [[pull(1, "2025-01-01T00:00:00Z")]] } },
            ["a"],
        );
        assert.deepEqual([none.report.environments[0].history, none.pagesRead], [[], {}]);
    });

    it("the promotion pull request: draft, reviewers and teams, its checks, and every line of held back by", async function () {
        const { report } = await collect(
            {
                branches: {
                    "environment/a": "A1",
                    "environment/a-next": "A1",
                    "environment/b": "B1",
                    "environment/b-next": "B2",
                    "environment/c": "C1",
                    "environment/c-next": "C2",
                },
                commits: {
                    A1: {
                        files: release("d1", "1.0", "v1"),
                        checkRuns: [{ name: "run", status: "completed", conclusion: "success" }],
                        statuses: [
                            { context: "s-pending", state: "pending" },
                            { context: "s-ok", state: "success" },
                        ],
                    },
                    B1: { files: release("d0", "0.9", "v0") },
                    B2: {
                        files: release("d2", "2.0.0", "v2"),
                        checkRuns: [
                            { name: "ok", status: "completed", conclusion: "neutral" },
                            { name: "bad", status: "completed", conclusion: "timed_out" },
                        ],
                    },
                    C1: { files: release("d0", "0.9", "v0") },
                    C2: { files: files({ subject: "hydrate c" }, "name: c\n", "global: {}\n") },
                },
                open: {
                    "environment/b": [
                        {
                            number: 7,
                            title: "Promote b",
                            html_url: "https://p/7",
                            head: { sha: "B2" },
                            draft: true,
                            requested_reviewers: [{ login: "x" }, { login: "y" }],
                            requested_teams: [{ slug: "ops" }],
                        },
                        { number: 6, title: "older", html_url: "https://p/6", head: { sha: "B1" } },
                    ],
                    "environment/c": [
                        {
                            number: 8,
                            title: "Promote c",
                            html_url: "https://p/8",
                            head: { sha: "C2" },
                            draft: false,
                            requested_reviewers: null,
                            requested_teams: null,
                        },
                    ],
                },
            },
            ["a", "b", "c"],
            { autoMerge: ["a", "c"] },
        );
        const [a, b, c] = report.environments;
        assert.deepEqual([a.autoMerge, b.autoMerge, c.autoMerge], [true, false, true]);
        assert.equal(a.promotion, undefined);
        assert.deepEqual(a.heldBackBy, []);
        assert.deepEqual(b.promotion, {
            number: 7,
            title: "Promote b",
            url: "https://p/7",
            headSha: "B2",
            draft: true,
            autoMerge: false,
            requestedReviewers: ["x", "y", "team ops"],
            checks: [
                {
                    name: "bad",
                    source: "check run",
                    state: "timed_out",
                    outcome: "failing",
                    description: undefined,
                    url: undefined,
                },
                {
                    name: "ok",
                    source: "check run",
                    state: "neutral",
                    outcome: "passing",
                    description: undefined,
                    url: undefined,
                },
            ],
        });
        assert.deepEqual(b.heldBackBy, [
            "a does not run ServiceRadar 2.0.0 yet",
            "a's gate s-pending is pending",
            "pull request #7 is a draft",
            "check bad on pull request #7 is timed_out",
            "pull request #7 waits for a person to merge it (review requested from x, y, team ops)",
        ]);
        assert.deepEqual(c.promotion, {
            number: 8,
            title: "Promote c",
            url: "https://p/8",
            headSha: "C2",
            draft: false,
            autoMerge: true,
            requestedReviewers: [],
            checks: [],
        });
        assert.deepEqual(c.heldBackBy, ["b does not run hydrate c yet"]);
        assert.deepEqual(report.repo, "o/r");
        assert.deepEqual(report.generatedAt, "2025-06-02T12:00:00Z");
    });

    /** heldBackBy of a lone environment running `running` with `proposed` proposed and no pull request. */
    async function heldBack(
        running: Record<string, Content> | undefined,
        proposed: Record<string, Content> | undefined,
    ) {
        const branches: Record<string, string> = {};
        const commits: Record<string, Commit> = {};
        if (running) [branches["environment/a"], commits.R] = ["R", { files: running }];
        if (proposed) [branches["environment/a-next"], commits.P] = ["P", { files: proposed }];
        const { report } = await collect({ branches, commits }, ["a"], { autoMerge: ["a"] });
        return report.environments[0].heldBackBy;
    }

    it("the same release on another commit is not held back; any difference in dry commit, version or tag is", async function () {
        const waiting = ["no promotion pull request is open into environment/a"];
        assert.deepEqual(await heldBack(release("d", "1", "t"), release("d", "1", "t")), []);
        assert.deepEqual(await heldBack(release(undefined, "1", "t"), release(undefined, "1", "t")), waiting);
        assert.deepEqual(await heldBack(release("d", "1", "t"), release("e", "1", "t")), waiting);
        assert.deepEqual(await heldBack(release("d", "1", "t"), release("d", "2", "t")), waiting);
        assert.deepEqual(await heldBack(release("d", "1", "t"), release("d", "1", "u")), waiting);
        assert.deepEqual(await heldBack(undefined, release("d", "1", "t")), waiting);
        assert.deepEqual(await heldBack(release("d", "1", "t"), undefined), []);
        assert.deepEqual(await heldBack(undefined, undefined), []);
    });

    it("the previous environment's release is named by version, subject, or the first 12 characters of its sha", async function () {
        const sha = "0123456789abcdef0123456789abcdef01234567";
        const { report } = await collect(
            {
                branches: { "environment/b-next": sha },
                commits: { [sha]: { files: { "hydrator.metadata": "{}" } } },
            },
            ["a", "b"],
            { autoMerge: ["b"] },
        );
        assert.deepEqual(report.environments[1].heldBackBy, [
            "a does not run 0123456789ab yet",
            "no promotion pull request is open into environment/b",
        ]);
    });

    it("a hydrated file GitHub fails to answer fails the whole report with GitHub's error", async function () {
        const failure = Object.assign(new Error("Server Error"), { status: 500 });
        const script: Script = {
            branches: { "environment/a": "A1" },
            commits: { A1: { files: { ...release("d", "1", "t"), "values-release.yaml": failure } } },
        };
        await assert.rejects(collect(script, ["a"]), (err: unknown) => err === failure);
    });
});
