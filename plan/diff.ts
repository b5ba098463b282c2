// What a change makes one stack declare, compared with the same plan at another revision: resources added, changed
// field by field, replaced and deleted, the stack outputs, the policy findings, and the environment branches' hydrated
// files as a unified diff. Both sides are `--json` plan documents, so every secret is already the string `[secret]`.

import { createTwoFilesPatch } from "diff";
import { environmentHydratorProvider } from "../promotion/environmentHydrator";
import { HYDRATED_ENVIRONMENT_KIND } from "../promotion/hydratedEnvironmentKind";
import type { PolicyViolation } from "./render";

/** One resource of a `--json` plan document. */
export interface PlannedResourceDocument {
    type: string;
    name: string;
    urn: string;
    parent?: string;
    inputs: Record<string, unknown>;
    options: { protect?: boolean; retainOnDelete?: boolean; aliases?: Record<string, unknown>[] } & Record<
        string,
        unknown
    >;
}

/** The parts of a `--json` plan document the diff reads. */
export interface PlanDocument {
    stack: string;
    resources: PlannedResourceDocument[];
    outputs: unknown;
    policyViolations: PolicyViolation[];
}

/** One field that differs; `before` or `after` is absent when the field is new or gone. */
export interface FieldChange {
    path: string;
    before?: unknown;
    after?: unknown;
}

export interface ResourceRef {
    urn: string;
    type: string;
    name: string;
}

export interface ChangedResource extends ResourceRef {
    fields: FieldChange[];
    /** The changed fields that make the provider replace the resource (delete and create); empty: updated in place. */
    replacedBecause: string[];
    /** Protected: `pulumi up` refuses to replace it (a replacement deletes). */
    protect: boolean;
    /** A replacement only drops the old object from the state. */
    retainOnDelete: boolean;
}

export interface DeletedResource extends ResourceRef {
    /** `pulumi up` refuses to delete it until it is unprotected. */
    protect: boolean;
    /** Dropped from the state only; the live object stays. */
    retainOnDelete: boolean;
}

/** One hydrated file of an environment branch as a unified diff (`/dev/null` on the side it is absent). */
export interface HydratedFileDiff {
    environment: string;
    branch: string;
    file: string;
    patch: string;
}

export interface PlanDiff {
    stack: string;
    /** What the plan was compared with, as given and as resolved. */
    ref: string;
    commit?: string;
    /** False when the stack did not exist at the ref: everything it declares is added. */
    stackAtRef: boolean;
    added: ResourceRef[];
    changed: ChangedResource[];
    /** Deletions and replacements, listed explicitly: each one removes something that runs today. */
    deleted: DeletedResource[];
    replaced: ChangedResource[];
    outputs: FieldChange[];
    hydratedFiles: HydratedFileDiff[];
    policyViolations: { introduced: PolicyViolation[]; resolved: PolicyViolation[] };
}

/**
 * The fields that are a resource's identity for its provider: changing one replaces the resource. Kubernetes objects
 * are named by name and namespace (and a Secret's type is immutable); the GitHub provider's environment, secret and
 * deployment-policy resources force a new resource on their repository, environment and secret name; Pulumi
 * Deployments settings belong to one organization, project and stack. The hydrator answers through its own `diff`.
 */
const IDENTITY_FIELDS: ReadonlyArray<{ type: RegExp; paths: readonly string[] }> = [
    { type: /^kubernetes:/, paths: ["metadata.name", "metadata.namespace"] },
    { type: /^kubernetes:core\/v1:Secret$/, paths: ["type"] },
    { type: /^github:index\/actionsEnvironmentSecret:/, paths: ["repository", "environment", "secretName"] },
    {
        type: /^github:index\/(repositoryEnvironment|repositoryEnvironmentDeploymentPolicy):/,
        paths: ["repository", "environment"],
    },
    { type: /^github:index\/repositoryRuleset:/, paths: ["repository"] },
    { type: /^pulumiservice:index:DeploymentSettings$/, paths: ["organization", "project", "stack"] },
];

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function childPath(parent: string, key: string | number): string {
    if (typeof key === "number") return `${parent}[${key}]`;
    if (IDENTIFIER.test(key)) return parent === "" ? key : `${parent}.${key}`;
    return `${parent}[${JSON.stringify(key)}]`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Every leaf (or whole subtree that is new or gone) where two JSON values differ, with its path. */
export function fieldChanges(before: unknown, after: unknown, path = ""): FieldChange[] {
    if (isRecord(before) && isRecord(after)) {
        const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
        return keys.flatMap((key) => fieldChanges(before[key], after[key], childPath(path, key)));
    }
    if (Array.isArray(before) && Array.isArray(after)) {
        const length = Math.max(before.length, after.length);
        return Array.from({ length }, (_, i) => fieldChanges(before[i], after[i], childPath(path, i))).flat();
    }
    if (JSON.stringify(before) === JSON.stringify(after)) return [];
    return [{ path, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) }];
}

function isHydrator(resource: PlannedResourceDocument): boolean {
    return resource.inputs.kind === HYDRATED_ENVIRONMENT_KIND;
}

/** Whether a field at `path` lies at or under one of the identity paths. */
function under(path: string, identity: string): boolean {
    return path === identity || path.startsWith(`${identity}.`) || path.startsWith(`${identity}[`);
}

async function replacedBecause(
    before: PlannedResourceDocument,
    after: PlannedResourceDocument,
    fields: FieldChange[],
): Promise<string[]> {
    if (isHydrator(after)) {
        // The engine asks the dynamic provider itself; promotion/environmentHydrator.ts decides what moves its branch.
        const verdict = await environmentHydratorProvider.diff!("", before.inputs, after.inputs);
        return [...(verdict.replaces ?? [])];
    }
    const identity = IDENTITY_FIELDS.filter((rule) => rule.type.test(after.type)).flatMap((rule) => rule.paths);
    return fields.filter((field) => identity.some((id) => under(field.path, id))).map((field) => field.path);
}

/**
 * The URNs a resource may have had at the ref: its own, and the ones its aliases (a renamed type token) and its
 * parent's earlier URNs give it, the way the engine derives a child's aliases from its parent's.
 */
function earlierUrns(resource: PlannedResourceDocument, byUrn: Map<string, PlannedResourceDocument>): string[] {
    const [stackPart, project] = resource.urn.split("::");
    const parent = resource.parent === undefined ? undefined : byUrn.get(resource.parent);
    const parentUrns =
        resource.parent === undefined ? [] : [resource.parent, ...(parent ? earlierUrns(parent, byUrn) : [])];
    // A URN is urn:pulumi:<stack>::<project>::<parent types>$<type>::<name>.
    const parentTypes = parentUrns.length === 0 ? [undefined] : parentUrns.map((urn) => urn.split("::")[2]);
    const identities = (resource.options.aliases ?? []).map((alias) => ({
        type: typeof alias.type === "string" ? alias.type : resource.type,
        name: typeof alias.name === "string" ? alias.name : resource.name,
        urn: typeof alias.urn === "string" && alias.urn !== "" ? alias.urn : undefined,
    }));
    const urns = [{ type: resource.type, name: resource.name, urn: undefined }, ...identities].flatMap((identity) =>
        identity.urn !== undefined
            ? [identity.urn]
            : parentTypes.map(
                  (types) => `${stackPart}::${project}::${types ? `${types}$` : ""}${identity.type}::${identity.name}`,
              ),
    );
    return [...new Set(urns)].filter((urn) => urn !== resource.urn);
}

/** Aliases say where a resource was before; they change nothing the engine would update. */
function withoutAliases(options: PlannedResourceDocument["options"]): Record<string, unknown> {
    const { aliases: _aliases, ...rest } = options;
    return rest;
}

function ref(resource: PlannedResourceDocument): ResourceRef {
    return { urn: resource.urn, type: resource.type, name: resource.name };
}

function branchOf(resource: PlannedResourceDocument | undefined): string {
    return String(resource?.inputs.branch ?? "?");
}

function hydratedFiles(resource: PlannedResourceDocument | undefined): Record<string, string> {
    const files = resource?.inputs.files;
    return isRecord(files) ? Object.fromEntries(Object.entries(files).map(([file, text]) => [file, String(text)])) : {};
}

/** The hydrated files of one environment branch, before and after, as unified diffs. */
function hydratedFileDiffs(
    before: PlannedResourceDocument | undefined,
    after: PlannedResourceDocument | undefined,
    labels: { before: string; after: string },
): HydratedFileDiff[] {
    const old = hydratedFiles(before);
    const now = hydratedFiles(after);
    const environment = String((after ?? before)?.inputs.environment ?? "?");
    const files = [...new Set([...Object.keys(old), ...Object.keys(now)])].sort();
    return files
        .filter((file) => old[file] !== now[file])
        .map((file) => ({
            environment,
            branch: branchOf(after ?? before),
            file,
            patch: createTwoFilesPatch(
                file in old ? `a/${branchOf(before)}/${file}` : "/dev/null",
                file in now ? `b/${branchOf(after)}/${file}` : "/dev/null",
                old[file] ?? "",
                now[file] ?? "",
                labels.before,
                labels.after,
            ),
        }));
}

const violationKey = (v: PolicyViolation) => JSON.stringify([v.policy, v.level, v.resource, v.message]);

/**
 * Compares the plan of this change (`after`) with the plan at a ref (`before`; undefined when the stack does not exist
 * there). Resources are matched by URN, or by an earlier URN an alias gives them; a resource whose identity fields
 * change is listed as replaced, one that is no longer declared as deleted.
 */
export async function diffPlans(
    before: PlanDocument | undefined,
    after: PlanDocument,
    at: { ref: string; commit?: string },
): Promise<PlanDiff> {
    const old = new Map((before?.resources ?? []).map((r) => [r.urn, r]));
    const now = new Map(after.resources.map((r) => [r.urn, r]));
    const matched = new Map<string, PlannedResourceDocument>();
    for (const resource of after.resources) {
        const earlier = [resource.urn, ...earlierUrns(resource, now)].find((urn) => old.has(urn));
        if (earlier !== undefined) matched.set(resource.urn, old.get(earlier)!);
    }
    const kept = new Set([...matched.values()].map((r) => r.urn));
    const labels = { before: at.ref, after: "this change" };

    const changes: ChangedResource[] = [];
    const hydrated: HydratedFileDiff[] = [];
    for (const resource of after.resources) {
        const previous = matched.get(resource.urn);
        if (isHydrator(resource)) hydrated.push(...hydratedFileDiffs(previous, resource, labels));
        if (previous === undefined) continue;
        const fields = [
            ...fieldChanges(previous.inputs, resource.inputs),
            ...fieldChanges(withoutAliases(previous.options), withoutAliases(resource.options), "options"),
        ];
        if (fields.length === 0) continue;
        changes.push({
            ...ref(resource),
            fields,
            replacedBecause: await replacedBecause(previous, resource, fields),
            protect: previous.options.protect === true,
            retainOnDelete: previous.options.retainOnDelete === true,
        });
    }
    const gone = (before?.resources ?? []).filter((r) => !kept.has(r.urn));
    for (const resource of gone.filter(isHydrator)) hydrated.push(...hydratedFileDiffs(resource, undefined, labels));

    const oldViolations = new Set((before?.policyViolations ?? []).map(violationKey));
    const newViolations = new Set(after.policyViolations.map(violationKey));
    const byUrn = (a: ResourceRef, b: ResourceRef) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0);
    return {
        stack: after.stack,
        ref: at.ref,
        ...(at.commit ? { commit: at.commit } : {}),
        stackAtRef: before !== undefined,
        added: after.resources
            .filter((r) => !matched.has(r.urn))
            .map(ref)
            .sort(byUrn),
        changed: changes.filter((c) => c.replacedBecause.length === 0).sort(byUrn),
        replaced: changes.filter((c) => c.replacedBecause.length > 0).sort(byUrn),
        deleted: gone
            .map((r) => ({
                ...ref(r),
                protect: r.options.protect === true,
                retainOnDelete: r.options.retainOnDelete === true,
            }))
            .sort(byUrn),
        outputs: fieldChanges(before?.outputs ?? {}, after.outputs),
        hydratedFiles: hydrated,
        policyViolations: {
            introduced: after.policyViolations.filter((v) => !oldViolations.has(violationKey(v))),
            resolved: (before?.policyViolations ?? []).filter((v) => !newViolations.has(violationKey(v))),
        },
    };
}

/** True when the change makes the stack declare exactly what it declared at the ref. */
export function isEmptyDiff(diff: PlanDiff): boolean {
    return (
        diff.added.length + diff.changed.length + diff.replaced.length + diff.deleted.length + diff.outputs.length === 0
    );
}
