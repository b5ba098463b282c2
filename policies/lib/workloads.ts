import { isPlainObject } from "./helmValues";

export const WORKLOAD_KINDS = [
    "Pod",
    "Deployment",
    "StatefulSet",
    "DaemonSet",
    "Job",
    "CronJob",
    "ReplicaSet",
] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

/** The workload kind of a `kubernetes:<group>/<version>:<Kind>` type (any API version), or undefined. */
export function workloadKind(type: string): WorkloadKind | undefined {
    const match = /^kubernetes:[^:]+:([A-Za-z]+)$/.exec(type);
    const kind = match?.[1];
    return (WORKLOAD_KINDS as readonly string[]).includes(kind ?? "") ? (kind as WorkloadKind) : undefined;
}

/** Where the pod spec of each workload kind lives. */
export function podSpecPath(kind: WorkloadKind): string[] {
    switch (kind) {
        case "Pod":
            return ["spec"];
        case "CronJob":
            return ["spec", "jobTemplate", "spec", "template", "spec"];
        default:
            return ["spec", "template", "spec"];
    }
}

export interface Container {
    /** e.g. `spec.template.spec.initContainers[0]`. */
    location: string;
    name?: string;
    image: unknown;
    imagePullPolicy: unknown;
}

const CONTAINER_FIELDS = ["initContainers", "containers", "ephemeralContainers"] as const;

/** Every container, init container and ephemeral container of a workload object's pod spec. */
export function workloadContainers(kind: WorkloadKind, props: Record<string, unknown>): Container[] {
    const path = podSpecPath(kind);
    let spec: unknown = props;
    for (const key of path) spec = isPlainObject(spec) ? spec[key] : undefined;
    if (!isPlainObject(spec)) return [];
    const containers: Container[] = [];
    for (const field of CONTAINER_FIELDS) {
        const list = spec[field];
        if (!Array.isArray(list)) continue;
        list.forEach((raw, index) => {
            const container = isPlainObject(raw) ? raw : {};
            containers.push({
                location: `${path.join(".")}.${field}[${index}]`,
                name: typeof container.name === "string" ? container.name : undefined,
                image: container.image,
                imagePullPolicy: container.imagePullPolicy,
            });
        });
    }
    return containers;
}
