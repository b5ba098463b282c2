import { stringifyPortableYaml } from "../lib/yaml/portable";
import type { EnvironmentSummary } from "./environments";
import type { ImportFile } from "./adoption";
import type { PlanRun, PlannedResource } from "./mockRuntime";
import { redactSecrets } from "./mockRuntime";

export interface PolicyViolation {
    policy: string;
    level: string;
    resource?: string;
    message: string;
}

/** Everything one offline plan produced, secrets still wrapped. */
export interface PlanReport extends PlanRun {
    project: string;
    stack: string;
    placeholders: readonly string[];
    policyViolations: PolicyViolation[];
    /** What each environment will run and the policy levels it was judged at. */
    environments?: EnvironmentSummary[];
    /** The `--policy-pack-config` file the stack was judged with, relative to the project. */
    policyConfigFile?: string;
    /** `pulumi import --file` input adopting the environment's objects that already exist. */
    imports?: ImportFile;
}

/** A dynamic resource carries its provider's serialized code as an input: engine plumbing, not something to review. */
function withoutProviderCode(inputs: Record<string, unknown>): Record<string, unknown> {
    const { __provider, ...rest } = inputs;
    return __provider === undefined ? inputs : rest;
}

/**
 * The `--json` document: every secret value is the string `[secret]`; resources in URN order, so two plans diff
 * cleanly whatever order the runtime happened to register them in.
 */
export function planDocument(report: PlanReport) {
    return {
        stack: report.stack,
        project: report.project,
        resources: [...report.resources]
            .sort((a, b) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0))
            .map((r) => ({
                type: r.type,
                name: r.name,
                urn: r.urn,
                parent: r.parent,
                inputs: redactSecrets(withoutProviderCode(r.inputs)) as Record<string, unknown>,
                options: r.options,
            })),
        outputs: redactSecrets(report.outputs),
        placeholders: report.placeholders,
        policyViolations: report.policyViolations,
        imports: report.imports ?? { resources: [] },
    };
}

function optionNotes(resource: PlannedResource): string {
    const notes = [];
    if (resource.options.protect) notes.push("protected");
    if (resource.options.retainOnDelete) notes.push("retained on delete");
    return notes.length > 0 ? `  [${notes.join(", ")}]` : "";
}

/** A human summary shaped like `pulumi preview`: a tree of what would be created, then outputs and findings. */
export function planTable(report: PlanReport): string {
    const children = new Map<string | undefined, PlannedResource[]>();
    const urns = new Set(report.resources.map((r) => r.urn));
    for (const resource of report.resources) {
        const parent = resource.parent !== undefined && urns.has(resource.parent) ? resource.parent : undefined;
        children.set(parent, [...(children.get(parent) ?? []), resource]);
    }
    const rows: [string, string, string][] = [];
    const walk = (parent: string | undefined, prefix: string) => {
        const list = (children.get(parent) ?? []).sort(
            (a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name),
        );
        list.forEach((resource, index) => {
            const last = index === list.length - 1;
            const branch = parent === undefined ? "" : last ? "└─ " : "├─ ";
            rows.push([`${prefix}${branch}${resource.type}`, resource.name, optionNotes(resource)]);
            walk(resource.urn, parent === undefined ? prefix : `${prefix}${last ? "   " : "│  "}`);
        });
    };
    walk(undefined, "");
    const width = Math.max(4, ...rows.map(([type]) => type.length)) + 2;

    const lines = [
        `Offline plan of stack ${report.stack} (project ${report.project}) on Pulumi's mock runtime: nothing is created.`,
        "",
        `     ${"Type".padEnd(width)}Name`,
        ...rows.map(([type, name, notes]) => ` +   ${type.padEnd(width)}${name}${notes}`),
        "",
        "Outputs:",
        ...Object.entries(redactSecrets(report.outputs) as Record<string, unknown>).map(
            ([key, value]) => `    ${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`,
        ),
        "",
        `Resources: ${report.resources.length} to create`,
        ...environmentLines(report),
        ...adoptionLines(report),
    ];
    if (report.placeholders.length > 0) {
        lines.push(
            `Secrets planned with placeholders (absent or encrypted in Pulumi.${report.stack}.yaml): ${report.placeholders.join(", ")}`,
        );
    }
    lines.push(...policyLines(report.policyViolations, report.policyConfigFile));
    return lines.join("\n");
}

function environmentLines(report: PlanReport): string[] {
    const environments = report.environments ?? [];
    if (environments.length === 0) return [];
    return [
        "",
        "What each environment will run (promotion order):",
        ...environments.flatMap((env) => [
            `    ${env.environment}${env.place ? ` (${env.place})` : ""}: chart ${env.chart}, images ${env.imageTag}, values ${env.values}`,
            `        ${
                env.promotedFrom
                    ? `written here for ${env.environment}, which runs it only after the gates before it; judged at ${env.environment}'s levels:`
                    : `judged at ${report.stack}'s levels:`
            } ${Object.entries(env.levels)
                .map(([rule, level]) => `${rule} ${level}`)
                .join(", ")}`,
        ]),
        "",
    ];
}

function adoptionLines(report: PlanReport): string[] {
    const adoptable = (report.imports?.resources ?? []).filter((r) => r.id !== undefined);
    if (adoptable.length === 0) return [];
    return [
        `Adopting objects that already exist (README "Adopting today's demo"): pulumi import -s ${report.stack} --file <the --json document's "imports">`,
        ...adoptable.map((r) => `    ${r.type} ${r.logicalName} ${r.id}`),
        "",
    ];
}

function policyLines(violations: PolicyViolation[], file?: string): string[] {
    const judged = file ? ` (policy config ${file})` : "";
    if (violations.length === 0) return [`Policy violations: none${judged}`];
    return [
        "",
        `Policy violations: ${violations.length}${judged}`,
        ...violations.map(
            (v) =>
                `    [${v.level}] ${v.policy}${v.resource ? ` (${v.resource})` : ""}: ${v.message.replace(/\n/g, "\n        ")}`,
        ),
    ];
}

/** Every Kubernetes object of the plan as a YAML manifest, keyed by a file name that says what it is. */
export function kubernetesManifests(report: PlanReport): Map<string, string> {
    const files = new Map<string, string>();
    for (const resource of report.resources) {
        if (!resource.custom || !resource.type.startsWith("kubernetes:")) continue;
        const manifest = redactSecrets(resource.inputs) as {
            kind: string;
            metadata?: { name?: string; namespace?: string };
        };
        const parts = [manifest.kind, manifest.metadata?.namespace, manifest.metadata?.name ?? resource.name];
        const file = `${parts.filter(Boolean).join("_").toLowerCase()}.yaml`;
        files.set(file, stringifyPortableYaml(manifest));
    }
    return files;
}
