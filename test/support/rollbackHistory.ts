// The hydration repository `npm run rollback` works on, in the git-data stand-in (test/support/gitHubStandIn.ts):
// environment/demo ran 1.2.26, 1.2.27 and now 1.2.28 (rollback's in-process tests and the exit-code table's real
// process).

import { GitHubStandIn } from "./gitHubStandIn";

export const HYDRATION = "carverauto/serviceradar-release";
export const SERVICERADAR = "carverauto/serviceradar";

/** What the hydrator writes to an environment branch for a release (promotion/hydratedFiles.ts's files). */
export function hydrated(version: string, drySha: string): Record<string, string> {
    return {
        "Chart.yaml": `apiVersion: v2\nname: serviceradar-demo\nversion: ${version}\ndependencies:\n  - name: serviceradar\n    version: ${version}\n`,
        "values-release.yaml": `global:\n  imageTag: v${version}\n`,
        "values-environment.yaml": `serviceradar:\n  storageClass: local-path-big # at v${version}\n`,
        "hydrator.metadata": `${JSON.stringify({ drySha, repoURL: `https://github.com/${HYDRATION}`, subject: `release ${version}` })}\n`,
    };
}

/** demo ran 1.2.26, 1.2.27 and now 1.2.28, each a promotion of -next; hydrator/dry has one record per release. */
export function rollbackHistory(github: GitHubStandIn): void {
    for (const version of ["1.2.26", "1.2.27", "1.2.28"]) {
        const dry = github.push(HYDRATION, "heads/hydrator/dry", { "release.json": `{"version":"${version}"}\n` });
        const files = hydrated(version, dry);
        github.push(HYDRATION, "heads/environment/demo-next", files, `hydrate ${version}`);
        github.push(HYDRATION, "heads/environment/demo", files, `promote ${version}`);
    }
    github.push(SERVICERADAR, "tags/v1.2.27", { "README.md": "v1.2.27" });
}
