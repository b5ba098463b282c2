import type { PlannedResource } from "./mockRuntime";

/**
 * What `pulumi import --file` takes to adopt an environment's objects that already run (README "Adopting today's
 * demo"): Pulumi's import file (`pulumi import` reference, "import.json"; since Pulumi 3.94 an entry with
 * `component: true` creates the empty component the others are parented to, and a `parent` may name an entry of the
 * same file). Each entry's `logicalName` and parent give exactly the URN the program declares, so the next `pulumi up`
 * updates the adopted objects in place instead of creating a second set.
 */
export interface ImportFile {
    resources: ImportEntry[];
}

export interface ImportEntry {
    type: string;
    /** The name the entry is referred to by in the file (a code identifier). */
    name: string;
    /** The Pulumi resource name, when it differs from `name`. */
    logicalName: string;
    /** Absent for the component. */
    id?: string;
    parent?: string;
    component?: boolean;
}

/** The Kubernetes objects of an environment that may exist before the program manages them. */
const ADOPTABLE_TYPES = [
    "kubernetes:core/v1:Namespace",
    "kubernetes:argoproj.io/v1alpha1:Application",
    "kubernetes:core/v1:Secret",
];
const ENVIRONMENT_COMPONENT = "serviceradar:release:ServiceRadarEnvironment";

/** A code identifier for a resource name: `demo-pull-secret` → `demoPullSecret`. */
function identifier(name: string): string {
    return name.replace(/[^A-Za-z0-9]+([A-Za-z0-9])/g, (_, c: string) => c.toUpperCase()).replace(/^[^A-Za-z_]/, "_$&");
}

/** pulumi-kubernetes' import id: `<namespace>/<name>`, or `<name>` for a cluster-scoped object. */
function kubernetesId(inputs: Record<string, any>): string {
    const { name, namespace } = inputs.metadata ?? {};
    return namespace ? `${namespace}/${name}` : String(name);
}

/** The import file adopting the environment's namespace, pull secret and Application, under their component. */
export function adoptionImportFile(resources: readonly PlannedResource[]): ImportFile {
    const entries: ImportEntry[] = [];
    for (const component of resources.filter((r) => r.type === ENVIRONMENT_COMPONENT)) {
        const parent = identifier(component.name);
        entries.push({ type: component.type, name: parent, logicalName: component.name, component: true });
        for (const child of resources.filter((r) => r.parent === component.urn && ADOPTABLE_TYPES.includes(r.type))) {
            entries.push({
                type: child.type,
                name: identifier(child.name),
                logicalName: child.name,
                id: kubernetesId(child.inputs),
                parent,
            });
        }
    }
    return { resources: entries };
}
