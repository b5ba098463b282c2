import { isPlainObject, helmValueLayers, ValuesLayer } from "./helmValues";

export const APPLICATION_TYPE = "kubernetes:argoproj.io/v1alpha1:Application";

/** An Argo CD Application, declared as its typed CustomResource or as any Kubernetes object of that kind. */
export function isApplication(type: string, props: Record<string, unknown>): boolean {
    if (type === APPLICATION_TYPE) return true;
    return (
        type.startsWith("kubernetes:") &&
        props.kind === "Application" &&
        typeof props.apiVersion === "string" &&
        props.apiVersion.startsWith("argoproj.io/")
    );
}

/**
 * How a source is fetched: a Helm chart (`chart` set, from a Helm or OCI repository), an OCI artifact (`oci://`
 * repoURL without chart), or git (a `path`, a `ref` for value files, or the hydrator's drySource).
 */
export type SourceKind = "helm-chart" | "oci" | "git";

export interface ApplicationSource {
    /** Where the source sits in the Application: `spec.source`, `spec.sources[1]`, `spec.sourceHydrator.drySource`. */
    origin: string;
    kind: SourceKind;
    repoURL?: string;
    chart?: string;
    path?: string;
    targetRevision?: unknown;
    helm?: Record<string, unknown>;
    kustomize?: Record<string, unknown>;
    /** True for the source hydrator's drySource. */
    hydrator: boolean;
}

function toSource(raw: unknown, origin: string, hydrator: boolean): ApplicationSource | undefined {
    if (!isPlainObject(raw)) return undefined;
    const repoURL = typeof raw.repoURL === "string" ? raw.repoURL : undefined;
    const chart = typeof raw.chart === "string" && raw.chart !== "" ? raw.chart : undefined;
    let kind: SourceKind = "git";
    if (!hydrator && chart !== undefined) kind = "helm-chart";
    else if (!hydrator && repoURL?.startsWith("oci://")) kind = "oci";
    return {
        origin,
        kind,
        repoURL,
        chart,
        path: typeof raw.path === "string" ? raw.path : undefined,
        targetRevision: raw.targetRevision,
        helm: isPlainObject(raw.helm) ? raw.helm : undefined,
        kustomize: isPlainObject(raw.kustomize) ? raw.kustomize : undefined,
        hydrator,
    };
}

/** Every source an Application reads: `spec.source`, each of `spec.sources`, and `spec.sourceHydrator.drySource`. */
export function applicationSources(props: Record<string, unknown>): ApplicationSource[] {
    const spec = isPlainObject(props.spec) ? props.spec : {};
    const sources: ApplicationSource[] = [];
    const single = toSource(spec.source, "spec.source", false);
    if (single) sources.push(single);
    if (Array.isArray(spec.sources)) {
        spec.sources.forEach((raw, index) => {
            const source = toSource(raw, `spec.sources[${index}]`, false);
            if (source) sources.push(source);
        });
    }
    const hydrator = isPlainObject(spec.sourceHydrator) ? spec.sourceHydrator : undefined;
    const dry = hydrator ? toSource(hydrator.drySource, "spec.sourceHydrator.drySource", true) : undefined;
    if (dry) sources.push(dry);
    return sources;
}

/** The chart a Helm or OCI source deploys: `chart`, or the last path segment of an `oci://` repoURL. */
export function chartName(source: ApplicationSource): string | undefined {
    if (source.chart !== undefined) return source.chart;
    if (source.kind === "oci" && source.repoURL) return source.repoURL.replace(/\/+$/, "").split("/").pop();
    return undefined;
}

/** The inline Helm values of a source, lowest precedence first. */
export function sourceValueLayers(source: ApplicationSource): ValuesLayer[] {
    return helmValueLayers(source.helm, `${source.origin}.helm`);
}

/**
 * `kustomize.images` entries (`name=new:tag`, `name:tag`, `name@digest`) as the references they deploy. A pure rename
 * (`name=other`) keeps the manifest's tag, which is not visible here, and is skipped.
 */
export function kustomizeImages(source: ApplicationSource): { origin: string; reference: unknown }[] {
    const images = source.kustomize?.images;
    if (!Array.isArray(images)) return [];
    const found: { origin: string; reference: unknown }[] = [];
    images.forEach((entry, index) => {
        const origin = `${source.origin}.kustomize.images[${index}]`;
        if (typeof entry !== "string") {
            found.push({ origin, reference: entry });
            return;
        }
        const eq = entry.indexOf("=");
        const reference = eq >= 0 ? entry.slice(eq + 1) : entry;
        const name = reference.split("@")[0];
        const setsTagOrDigest = reference.includes("@") || name.lastIndexOf(":") > name.lastIndexOf("/");
        if (eq >= 0 && !setsTagOrDigest) return;
        found.push({ origin, reference });
    });
    return found;
}
