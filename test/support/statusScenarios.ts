// The repositories the `npm run status` tests and its sample outputs (docs/status.md) run against: two environments,
// demo-staging then demo, hydrated as the program hydrates them (hydrator.metadata, Chart.yaml, values-release.yaml).

import { hydratorMetadata } from "../../promotion/hydratedFiles";
import {
    StandInCommit,
    StandInCommitStatus,
    StandInPull,
    StandInRefusal,
    StandInRepository,
    fakeSha,
} from "./statusStandIn";

/** The moment every scenario is looked at; times in the fixtures are before it. */
export const NOW = new Date("2025-06-02T12:00:00Z");
export const TOKEN = "ghs_standInReadOnlyToken0123456789";

const OWNER = "carverauto";
const NAME = "serviceradar-release";

const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000).toISOString().replace(/\.000Z$/, "Z");

/** The three hydrated files of `environment` at `version`, named and shaped as promotion/environmentHydrator.ts writes them. */
function hydratedFiles(environment: string, version: string): Record<string, string> {
    const subject = `hydrate ${environment}: ServiceRadar ${version} (chart ${version}, images v${version})`;
    return {
        "hydrator.metadata": hydratorMetadata(
            fakeSha(`dry ${version}`),
            `https://github.com/${OWNER}/${NAME}`,
            subject,
        ),
        "Chart.yaml": [
            "apiVersion: v2",
            `name: serviceradar-${environment}`,
            "type: application",
            `version: ${version}`,
            `appVersion: ${version}`,
            "dependencies:",
            "  - name: serviceradar",
            `    version: ${version}`,
            "    repository: oci://ghcr.io/carverauto/charts",
            "",
        ].join("\n"),
        "values-release.yaml": `global:\n  imageTag: v${version}\nserviceradar:\n  global:\n    imageTag: v${version}\n`,
    };
}

const passingGates: Pick<StandInCommit, "checkRuns" | "statuses"> = {
    checkRuns: [
        { name: "argocd-health", conclusion: "success", title: "Healthy" },
        { name: "e2e-tests", conclusion: "success", title: "serviceradar/e2e: success" },
    ],
    statuses: [{ context: "serviceradar/e2e", state: "success", description: "e2e gate passed (5/5 checks)" }],
};

/** A hydrated commit of `environment` at `version`, labelled so each branch head has its own sha. */
function hydrated(
    label: string,
    environment: string,
    version: string,
    hours: number,
    gates: Pick<StandInCommit, "checkRuns" | "statuses"> = {},
): [string, StandInCommit] {
    return [fakeSha(label), { files: hydratedFiles(environment, version), committedAt: hoursAgo(hours), ...gates }];
}

/** Merged promotions into `environment/<environment>`, newest first, one a day. */
function history(environment: string, versions: readonly string[], firstNumber: number): StandInPull[] {
    return versions.map((version, index) => ({
        number: firstNumber - index,
        title: `Promote ${environment}: hydrate ${environment}: ServiceRadar ${version}`,
        head: `environment/${environment}-next`,
        base: `environment/${environment}`,
        headSha: fakeSha(`merged ${environment} ${version}`),
        state: "closed",
        updatedAt: hoursAgo(24 * (index + 1)),
        mergedAt: hoursAgo(24 * (index + 1)),
    }));
}

interface EnvironmentSetup {
    environment: string;
    running?: [string, StandInCommit];
    proposed?: [string, StandInCommit];
    pulls?: StandInPull[];
}

function repository(setups: readonly EnvironmentSetup[]): StandInRepository {
    const repo: StandInRepository = { owner: OWNER, name: NAME, branches: {}, commits: {}, pulls: [] };
    for (const setup of setups) {
        for (const [branch, commit] of [
            [`environment/${setup.environment}`, setup.running],
            [`environment/${setup.environment}-next`, setup.proposed],
        ] as const) {
            if (commit === undefined) continue;
            repo.branches[branch] = commit[0];
            repo.commits[commit[0]] = commit[1];
        }
        repo.pulls.push(...(setup.pulls ?? []));
    }
    return repo;
}

/** Both environments run 1.2.27, nothing is proposed beyond it, every gate passed. */
export function allGreen(): StandInRepository {
    const staging = hydrated("staging 1.2.27", "demo-staging", "1.2.27", 30, passingGates);
    const demo = hydrated("demo 1.2.27", "demo", "1.2.27", 20, passingGates);
    return repository([
        {
            environment: "demo-staging",
            running: staging,
            proposed: staging,
            pulls: history("demo-staging", ["1.2.27", "1.2.26", "1.2.25"], 41),
        },
        { environment: "demo", running: demo, proposed: demo, pulls: history("demo", ["1.2.27", "1.2.25"], 31) },
    ]);
}

/**
 * demo-staging runs 1.2.28 and its e2e gate failed; demo runs 1.2.27 with 1.2.28 proposed, its pull request's
 * check on staging's gates failing.
 */
export function gateFailing(): StandInRepository {
    const staging = hydrated("staging 1.2.28", "demo-staging", "1.2.28", 3, {
        checkRuns: [
            { name: "argocd-health", conclusion: "success", title: "Healthy" },
            { name: "e2e-tests", conclusion: "failure", title: "serviceradar/e2e: failure" },
        ],
        statuses: [
            {
                context: "serviceradar/e2e",
                state: "failure",
                description: "2 of 5 checks failed: auth, query (credentials)",
            },
        ],
    });
    const demoNext = hydrated("demo 1.2.28", "demo", "1.2.28", 3, {
        checkRuns: [
            { name: "promoter-previous-environment", conclusion: "failure", title: "demo-staging gates failing" },
        ],
    });
    return promotionToDemoOpen(staging, demoNext);
}

/**
 * demo-staging runs 1.2.28 (`staging`); demo runs 1.2.27 with 1.2.28 (`demoNext`) proposed in the open pull request
 * #43, which `reviewers` are asked to review.
 */
function promotionToDemoOpen(
    staging: ReturnType<typeof hydrated>,
    demoNext: ReturnType<typeof hydrated>,
    reviewers: string[] = [],
): StandInRepository {
    return repository([
        {
            environment: "demo-staging",
            running: staging,
            proposed: staging,
            pulls: history("demo-staging", ["1.2.28", "1.2.27"], 42),
        },
        {
            environment: "demo",
            running: hydrated("demo 1.2.27", "demo", "1.2.27", 20, passingGates),
            proposed: demoNext,
            pulls: [openPromotion("demo", "1.2.28", demoNext[0], 43, reviewers), ...history("demo", ["1.2.27"], 31)],
        },
    ]);
}

function openPromotion(
    environment: string,
    version: string,
    headSha: string,
    number: number,
    reviewers: string[] = [],
): StandInPull {
    return {
        number,
        title: `Promote ${environment}: hydrate ${environment}: ServiceRadar ${version}`,
        head: `environment/${environment}-next`,
        base: `environment/${environment}`,
        headSha,
        state: "open",
        updatedAt: hoursAgo(2),
        requestedReviewers: reviewers,
    };
}

/** demo-staging runs 1.2.28 with every gate green; demo's promotion pull request is green and waits for a person. */
export function waitingForReview(): StandInRepository {
    const staging = hydrated("staging 1.2.28", "demo-staging", "1.2.28", 5, passingGates);
    const demoNext = hydrated("demo 1.2.28", "demo", "1.2.28", 5, {
        checkRuns: [
            { name: "promoter-previous-environment", conclusion: "success", title: "demo-staging gates passed" },
        ],
    });
    return promotionToDemoOpen(staging, demoNext, ["mfreeman451"]);
}

/** demo-staging runs 1.2.27; demo's branches were never written (the promoter has not set it up yet). */
export function demoNeverHydrated(): StandInRepository {
    const staging = hydrated("staging 1.2.27", "demo-staging", "1.2.27", 30, passingGates);
    return repository([
        {
            environment: "demo-staging",
            running: staging,
            proposed: staging,
            pulls: history("demo-staging", ["1.2.27"], 41),
        },
        { environment: "demo" },
    ]);
}

/** GitHub refuses the token on the repository (a fine-grained token without access to it). */
export function noAccess(): StandInRepository {
    return {
        ...allGreen(),
        refusal: { status: 403, message: "Resource not accessible by personal access token" },
    };
}

/** The token's hourly quota is spent; GitHub says when it resets (15 minutes after NOW). */
export function rateLimited(): StandInRepository {
    const reset = Math.floor(NOW.getTime() / 1000) + 15 * 60;
    return {
        ...allGreen(),
        refusal: {
            status: 403,
            message: "API rate limit exceeded for installation ID 99273302.",
            headers: {
                "x-ratelimit-limit": "5000",
                "x-ratelimit-remaining": "0",
                "x-ratelimit-used": "5000",
                "x-ratelimit-reset": String(reset),
            },
        },
    };
}

/** The commit tag v1.4.0 of ServiceRadar points at in `serviceRadarRelease`. */
export const RELEASE_SHA = fakeSha("v1.4.0");

/** carverauto/serviceradar as GitHub serves it: tag v1.4.0, whose commit carries `statuses`; `refusal` refuses every request. */
export function serviceRadarRelease(statuses: StandInCommitStatus[], refusal?: StandInRefusal): StandInRepository {
    return {
        owner: "carverauto",
        name: "serviceradar",
        branches: {},
        tags: [{ name: "v1.4.0", sha: RELEASE_SHA }],
        commits: { [RELEASE_SHA]: { files: {}, committedAt: "2025-01-01T00:00:00Z", statuses } },
        pulls: [],
        refusal,
    };
}
