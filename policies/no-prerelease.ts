import { ResourceValidationPolicy } from "@pulumi/policy";
import { applicationSources, isApplication } from "./lib/applicationSources";
import { chartDependencies, isChartFile, repositoryFiles } from "./lib/dryFiles";
import { resourceImageFindings } from "./lib/imageInventory";
import { classifyTag } from "./lib/imageReference";
import { quote } from "./lib/messages";
import { classifyGitRevision, isExactSemver, prereleaseOf } from "./lib/versions";

/**
 * Demo shows final releases only. The policy is disabled by default and turned on by a stack's policy config
 * (policies/demo.json), so that demo-staging can test release candidates.
 */
export const noPrerelease: ResourceValidationPolicy = {
    name: "no-prerelease",
    description:
        "No pre-release may be deployed: chart versions, git release tags and image tags must not carry a pre-release " +
        "part such as -rc.1 or -alpha. Enabled per stack by its policy config (demo runs final releases only).",
    remediationSteps:
        "Promote a final release (e.g. 1.2.27 / v1.2.27) once the release candidate has passed demo-staging, or keep " +
        "the candidate in demo-staging.",
    enforcementLevel: "disabled",
    validateResource: (args, reportViolation) => {
        const report = (where: string, value: unknown, pre: string) =>
            reportViolation(
                `${where} is ${quote(value)}, a pre-release (-${pre}). Deploy a final release here instead.`,
            );

        if (isApplication(args.type, args.props)) {
            for (const source of applicationSources(args.props)) {
                const where = `${source.origin}.targetRevision`;
                const version =
                    source.kind === "git" ? classifyGitRevision(source.targetRevision).version : source.targetRevision;
                if (isExactSemver(version)) {
                    const pre = prereleaseOf(version);
                    if (pre !== undefined) report(where, source.targetRevision, pre);
                }
            }
        }
        for (const file of repositoryFiles(args.type, args.props).filter((f) => isChartFile(f.base))) {
            for (const dep of chartDependencies(file.content).dependencies) {
                const pre = isExactSemver(dep.version) ? prereleaseOf(dep.version) : undefined;
                if (pre !== undefined)
                    report(`${file.file} dependency ${quote(dep.name ?? `#${dep.index}`)} version`, dep.version, pre);
            }
        }
        for (const finding of resourceImageFindings(args.type, args.props).findings) {
            // A digest pins the bits, but a tag next to it still names the release being shown.
            const pre =
                finding.verdict.prerelease ??
                (finding.verdict.tag !== undefined ? classifyTag(finding.verdict.tag).prerelease : undefined);
            if (pre !== undefined) report(finding.location, finding.value, pre);
        }
    },
};
