// The hydration repository `npm run hotfix` works on, in the status stand-in (test/support/statusStandIn.ts): the
// promoter's open pull request #7, environment/demo-next into environment/demo (hotfix's in-process tests and the
// exit-code table's real process).

import { StandInRepository, fakeSha } from "./statusStandIn";

/** The head of environment/demo-next the pull request proposes. */
export const HOTFIX_HEAD = fakeSha("demo-next head");

/** The hydration repository with the promoter's open pull request #7 (environment/demo-next into environment/demo). */
export function hotfixHydration(overrides: Partial<StandInRepository["pulls"][number]> = {}): StandInRepository {
    return {
        owner: "carverauto",
        name: "serviceradar-release",
        branches: { "environment/demo": fakeSha("demo live"), "environment/demo-next": HOTFIX_HEAD },
        commits: {
            [fakeSha("demo live")]: { files: {}, committedAt: "2026-12-01T10:00:00Z" },
            [HOTFIX_HEAD]: {
                files: { "values-release.yaml": "global:\n  imageTag: v1.2.29\n" },
                committedAt: "2026-12-04T10:00:00Z",
                checkRuns: [
                    { name: "promoter-previous-environment", conclusion: "failure" },
                    { name: "argocd-health", conclusion: "success" },
                ],
                statuses: [{ context: "serviceradar/e2e", state: "pending" }],
            },
        },
        pulls: [
            {
                number: 7,
                title: "Promote demo",
                head: "environment/demo-next",
                base: "environment/demo",
                headSha: HOTFIX_HEAD,
                state: "open",
                updatedAt: "2026-12-04T10:05:00Z",
                ...overrides,
            },
        ],
    };
}
