import { strict as assert } from "node:assert";
import {
    application,
    chartApplication,
    details,
    DIGEST,
    hydratorApplication,
    repositoryFile,
    SHA40,
    umbrellaChart,
    violationsOf,
    hydration,
} from "./fixtures";

const POLICY = "pinned-chart-version";
const gitApp = (targetRevision: unknown) =>
    application({
        source: {
            repoURL: "https://git.carverauto.dev/carverauto/serviceradar.git",
            path: "helm/serviceradar",
            targetRevision,
        },
    });

describe(`policy ${POLICY}`, () => {
    describe("Helm chart sources", () => {
        for (const version of ["1.2.27", "1.3.0-rc.1", "0.0.1"]) {
            it(`accepts targetRevision ${version}`, async () =>
                assert.deepEqual(await violationsOf(POLICY, [chartApplication(version)]), []));
        }
        const rejected: [unknown, RegExp][] = [
            ["*", /newest chart/],
            ["latest", /newest chart/],
            ["^1.2.0", /range/],
            [">=1.2.0 <2.0.0", /range/],
            ["1.2.x", /range/],
            ["v1.2.27", /without a leading v/],
            ["", /no version/],
            [undefined, /no version/],
        ];
        for (const [version, problem] of rejected) {
            it(`rejects targetRevision ${JSON.stringify(version)}`, async () => {
                const app = chartApplication(version);
                const violations = await violationsOf(POLICY, [app]);
                assert.equal(violations.length, 1);
                assert.equal(violations[0].resource, app.urn);
                assert.match(details(violations)[0], /^spec\.source\.targetRevision of chart "serviceradar" is /);
                assert.match(details(violations)[0], problem);
            });
        }

        it("checks OCI artifact sources (exact semver or a digest)", async () => {
            const oci = (targetRevision: string) =>
                application({
                    source: { repoURL: "oci://ghcr.io/carverauto/manifests/serviceradar", path: ".", targetRevision },
                });
            assert.deepEqual(await violationsOf(POLICY, [oci("1.2.27"), oci(DIGEST)]), []);
            assert.equal((await violationsOf(POLICY, [oci("latest")])).length, 1);
        });
    });

    describe("git sources", () => {
        for (const revision of ["v1.2.27", "1.2.27", SHA40, "refs/tags/v1.2.27"]) {
            it(`accepts ${revision}`, async () => assert.deepEqual(await violationsOf(POLICY, [gitApp(revision)]), []));
        }
        for (const revision of [
            "HEAD",
            "main",
            "staging",
            "refs/heads/main",
            "",
            undefined,
            SHA40.toUpperCase(),
            SHA40.slice(0, 8),
        ]) {
            it(`rejects ${JSON.stringify(revision)}`, async () => {
                const violations = await violationsOf(POLICY, [gitApp(revision)]);
                assert.equal(violations.length, 1);
                assert.match(
                    details(violations)[0],
                    /^spec\.source\.targetRevision is .*Pin it to a release tag \(v1\.2\.27\) or a full 40-hex commit id\.$/,
                );
            });
        }

        it("checks every source of a multi-source Application, ref sources included", async () => {
            const app = application({
                sources: [
                    {
                        repoURL: "ghcr.io/carverauto/charts",
                        chart: "serviceradar",
                        targetRevision: "1.2.27",
                        helm: { valueFiles: ["$values/values.yaml"] },
                    },
                    {
                        repoURL: "https://github.com/carverauto/serviceradar.git",
                        ref: "values",
                        targetRevision: "main",
                    },
                ],
            });
            assert.deepEqual(
                details(await violationsOf(POLICY, [app])).map((d) => d.split(" is ")[0]),
                ["spec.sources[1].targetRevision"],
            );
        });

        it("lets the source hydrator's drySource follow its DRY branch (the DRY files carry the pins)", async () => {
            assert.deepEqual(
                await violationsOf(POLICY, [
                    hydratorApplication(SHA40),
                    hydratorApplication("v1.2.27"),
                    hydratorApplication("main"),
                ]),
                [],
            );
            const unpinnedDry = await violationsOf(POLICY, [
                hydratorApplication("main"),
                repositoryFile("deploy/release/Chart.yaml", umbrellaChart("*")),
            ]);
            assert.strictEqual(unpinnedDry.length, 1, "an unpinned DRY chart is still caught");
        });
    });

    describe("GitOps Promoter environment branches", () => {
        it("lets a git source follow its environment/* branch: only the promoter moves it, behind the gates", async () => {
            assert.deepEqual(
                await violationsOf(POLICY, [gitApp("environment/demo"), gitApp("environment/demo-staging")]),
                [],
            );
        });

        it("still refuses other branches, a branch that only ends in environment/, and chart versions named like one", async () => {
            for (const revision of ["main", "staging/environment/", "myenvironment/demo"]) {
                const [violation] = details(await violationsOf(POLICY, [gitApp(revision)]));
                assert.match(
                    violation,
                    new RegExp(`^spec\\.source\\.targetRevision is "${revision.replace(/[./]/g, "\\$&")}": `),
                );
            }
            const chart = await violationsOf(POLICY, [chartApplication("environment/demo")]);
            assert.strictEqual(chart.length, 1, "a Helm chart source is never exempt");
        });

        it("describes the exemption", async () => {
            const { pinnedChartVersion } = await import("../../policies/pinned-chart-version");
            assert.match(
                pinnedChartVersion.description,
                /GitOps Promoter environment branch follow their branch by design, so their pins are judged in the committed Chart\.yaml and values files\)\.$/,
            );
        });
    });

    describe("umbrella Chart.yaml", () => {
        it("is checked inside the one-commit DRY release too", async () => {
            const release = (version: string) => hydration({ "deploy/release/Chart.yaml": umbrellaChart(version) });
            assert.deepEqual(await violationsOf(POLICY, [release("1.2.27")]), []);
            assert.equal((await violationsOf(POLICY, [release("~1.2.0")])).length, 1);
        });

        it("accepts exact dependency versions", async () => {
            assert.deepEqual(
                await violationsOf(POLICY, [repositoryFile("deploy/release/Chart.yaml", umbrellaChart("1.2.27"))]),
                [],
            );
        });
        for (const version of ["~1.2.0", "1.2.x", "*", "v1.2.27", ">=1.0.0"]) {
            it(`rejects dependency version ${version}`, async () => {
                const file = repositoryFile("deploy/release/Chart.yaml", umbrellaChart(version));
                const violations = await violationsOf(POLICY, [file]);
                assert.equal(violations.length, 1);
                assert.equal(violations[0].resource, file.urn);
                assert.match(
                    details(violations)[0],
                    /^deploy\/release\/Chart\.yaml dependency "serviceradar" version is /,
                );
            });
        }
        it("rejects a dependency without version and a Chart.yaml that does not parse", async () => {
            const noVersion = repositoryFile(
                "deploy/release/Chart.yaml",
                "apiVersion: v2\nname: x\ndependencies:\n  - name: serviceradar\n    repository: oci://ghcr.io/carverauto/charts\n",
            );
            assert.match(details(await violationsOf(POLICY, [noVersion]))[0], /no version is set/);
            const broken = repositoryFile("deploy/release/Chart.yaml", "dependencies: [unclosed");
            assert.match(details(await violationsOf(POLICY, [broken]))[0], /does not parse/);
        });
        it("ignores other files", async () => {
            assert.deepEqual(
                await violationsOf(POLICY, [repositoryFile("deploy/release/values.yaml", umbrellaChart("*"))]),
                [],
            );
        });
    });
});

describe(`policy ${POLICY}: exact findings`, () => {
    it("exempts digests for OCI artifacts only, not for Helm charts", async () => {
        assert.deepEqual(details(await violationsOf(POLICY, [chartApplication(DIGEST)])), [
            `spec.source.targetRevision of chart "serviceradar" is "${DIGEST}": it is not a semver version. Pin one exact chart version, e.g. 1.2.27.`,
        ]);
    });

    it("exempts only a digest string for an OCI artifact", async () => {
        const listed = application({ source: { repoURL: "oci://ghcr.io/x/app", targetRevision: [DIGEST] } });
        assert.deepEqual(details(await violationsOf(POLICY, [listed])), [
            `spec.source.targetRevision of chart "oci://ghcr.io/x/app" is ["${DIGEST}"]: the version is not a string. Pin one exact chart version, e.g. 1.2.27.`,
        ]);
    });

    it("names a Chart.yaml dependency without a name by its position", async () => {
        const chart = repositoryFile("deploy/release/Chart.yaml", "dependencies:\n  - version: main\n");
        assert.deepEqual(details(await violationsOf(POLICY, [chart])), [
            'deploy/release/Chart.yaml dependency "#0" version is "main": it is not a semver version. Pin one exact chart version, e.g. 1.2.27.',
        ]);
    });
});
