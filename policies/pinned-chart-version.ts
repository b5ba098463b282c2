import { ResourceValidationPolicy } from "@pulumi/policy";
import { applicationSources, isApplication } from "./lib/applicationSources";
import { chartDependencies, isChartFile, repositoryFiles } from "./lib/dryFiles";
import { SHA256_DIGEST } from "./lib/imageReference";
import { quote } from "./lib/messages";
import { ENVIRONMENT_BRANCH_PREFIX } from "./lib/programContract";
import { chartVersionProblem, classifyGitRevision } from "./lib/versions";

function isPromotedEnvironmentBranch(revision: unknown): boolean {
    return typeof revision === "string" && revision.startsWith(ENVIRONMENT_BRANCH_PREFIX);
}

const GIT_PIN = "a release tag (v1.2.27) or a full 40-hex commit id";

/** What the stack deploys is decided by the stack, not by whatever a registry or branch holds at sync time. */
export const pinnedChartVersion: ResourceValidationPolicy = {
    name: "pinned-chart-version",
    description:
        "The chart must be pinned: a Helm or OCI source's targetRevision is one exact semver chart version (no *, ranges " +
        `or latest); a git source (a path or a ref) is pinned to ${GIT_PIN}, never a branch such as HEAD, main or ` +
        "staging; the umbrella Chart.yaml's dependency versions are exact semver (a Source Hydrator drySource and a GitOps " +
        "Promoter environment branch follow their branch by design, so their pins are judged in the committed Chart.yaml " +
        "and values files).",
    remediationSteps:
        "Set targetRevision to the exact chart version (e.g. 1.2.27, without v) for chart sources, or to the release tag " +
        "or commit id for git sources; write exact versions in Chart.yaml dependencies.",
    validateResource: (args, reportViolation) => {
        if (isApplication(args.type, args.props)) {
            for (const source of applicationSources(args.props)) {
                const where = `${source.origin}.targetRevision`;
                // The Source Hydrator follows its DRY branch by design: each DRY commit is hydrated and the promoter
                // gates what reaches an environment. What it deploys is pinned in the committed DRY files, checked below.
                if (source.hydrator) continue;
                // Likewise an environment branch of GitOps Promoter: only the promoter moves it, behind the gates, and
                // what it carries is pinned in the hydrated files the pipeline writes, checked below.
                if (source.kind === "git" && isPromotedEnvironmentBranch(source.targetRevision)) continue;
                if (source.kind === "git") {
                    const revision = classifyGitRevision(source.targetRevision);
                    if (revision.kind === "branch") {
                        reportViolation(
                            `${where} is ${quote(source.targetRevision)}: ${revision.problem}. Pin it to ${GIT_PIN}.`,
                        );
                    }
                    continue;
                }
                if (
                    source.kind === "oci" &&
                    typeof source.targetRevision === "string" &&
                    SHA256_DIGEST.test(source.targetRevision)
                )
                    continue;
                const problem = chartVersionProblem(source.targetRevision);
                if (problem !== undefined) {
                    const chart = source.chart ?? source.repoURL;
                    reportViolation(
                        `${where} of chart ${quote(chart)} is ${quote(source.targetRevision)}: ${problem}. Pin one exact chart version, e.g. 1.2.27.`,
                    );
                }
            }
            return;
        }
        for (const file of repositoryFiles(args.type, args.props).filter((f) => isChartFile(f.base))) {
            const { dependencies, error } = chartDependencies(file.content);
            if (error !== undefined) {
                reportViolation(
                    `${file.file}: ${error}, so its dependency versions cannot be checked. Fix it so it parses.`,
                );
            }
            for (const dep of dependencies) {
                const problem = chartVersionProblem(dep.version);
                if (problem !== undefined) {
                    reportViolation(
                        `${file.file} dependency ${quote(dep.name ?? `#${dep.index}`)} version is ${quote(dep.version)}: ${problem}. Pin one exact chart version, e.g. 1.2.27.`,
                    );
                }
            }
        }
    },
};
