import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { isApplication } from "./lib/applicationSources";
import { isPlainObject } from "./lib/helmValues";
import { quote } from "./lib/messages";

export const NAMESPACE_TYPE = "kubernetes:core/v1:Namespace";
export const RESOURCES_FINALIZER = "resources-finalizer.argocd.argoproj.io";
export const CNPG_GROUP = "postgresql.cnpg.io";
export const CNPG_KIND = "Cluster";
export const CNPG_POINTERS = ["/spec/instances", "/spec/storage/size"] as const;
export const REQUIRED_SYNC_OPTIONS = ["PrunePropagationPolicy=foreground", "RespectIgnoreDifferences=true"] as const;

export interface DataSafetyConfig {
    /** The stack's data must survive: its Application and the Namespace it deploys into are protected. */
    requireProtection?: boolean;
    /** Only Applications carrying all these labels run the database; empty: every Application. */
    applicationLabels?: Record<string, string>;
}

function matchesLabels(resource: PolicyResource, selector: Record<string, string>): boolean {
    const labels =
        isPlainObject(resource.props.metadata) && isPlainObject(resource.props.metadata.labels)
            ? resource.props.metadata.labels
            : {};
    return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

function cnpgPointers(spec: Record<string, unknown>): Set<string> {
    const pointers = new Set<string>();
    const entries = Array.isArray(spec.ignoreDifferences) ? spec.ignoreDifferences : [];
    for (const entry of entries) {
        if (!isPlainObject(entry) || entry.group !== CNPG_GROUP || entry.kind !== CNPG_KIND) continue;
        for (const pointer of Array.isArray(entry.jsonPointers) ? entry.jsonPointers : []) {
            if (typeof pointer === "string") pointers.add(pointer.replace(/\/+$/, ""));
        }
    }
    return pointers;
}

function syncOptions(spec: Record<string, unknown>): string[] {
    const policy = isPlainObject(spec.syncPolicy) ? spec.syncPolicy : {};
    return Array.isArray(policy.syncOptions)
        ? policy.syncOptions.filter((o): o is string => typeof o === "string")
        : [];
}

function metadataName(resource: PolicyResource): unknown {
    return isPlainObject(resource.props.metadata) ? resource.props.metadata.name : undefined;
}

/**
 * The environment's database (CloudNativePG, in the Application's destination namespace) must survive Pulumi and Argo
 * CD alike.
 *
 * Finalizer decision: `resources-finalizer.argocd.argoproj.io` makes deleting the Application delete everything it
 * deployed, the database included. Where protection is required (demo) the finalizer may stay only on a protected
 * Application: Pulumi then refuses to delete it, and the program pairs protect with retainOnDelete so that even an
 * unprotected removal leaves it in the cluster. Where protection is not required (demo-staging, rebuilt freely) the
 * finalizer is what cleans a destroyed environment up, and stays.
 */
export const dataSafety: StackValidationPolicy = {
    name: "data-safety",
    description:
        "The environment's data must be safe: every Argo CD Application that runs it (selected by applicationLabels) keeps the CNPG ignoreDifferences (group " +
        `${CNPG_GROUP}, kind ${CNPG_KIND}, ${CNPG_POINTERS.join(" and ")}) and the sync options ` +
        `${REQUIRED_SYNC_OPTIONS.join(" and ")}; where the policy config requires protection, the Application and the ` +
        `Namespace it deploys into are protected (protect: true), and the ${RESOURCES_FINALIZER} finalizer stays only on a protected Application.`,
    remediationSteps:
        "Keep DATA_SAFETY_IGNORE_DIFFERENCES and DATA_SAFETY_SYNC_OPTIONS (environment/argocd.ts) on the Application; in a stack " +
        "whose data must survive set the `protect` config to true, which declares the Namespace and Application with " +
        "protect and retainOnDelete. Never remove the finalizer's protection by hand while the Application runs.",
    configSchema: {
        properties: {
            requireProtection: {
                type: "boolean",
                default: true,
                description: "Require the Application and its Namespace to be protected (false for disposable stacks).",
            },
            applicationLabels: {
                type: "object",
                additionalProperties: { type: "string" },
                default: {},
                description:
                    "Check only Applications with all of these labels (the environments' Applications); empty checks every Application.",
            },
        },
    },
    validateStack: (args, reportViolation) => {
        const config = args.getConfig<DataSafetyConfig>();
        const requireProtection = config.requireProtection ?? true;
        const selector = config.applicationLabels ?? {};
        const namespaces = args.resources.filter((r) => r.type === NAMESPACE_TYPE);
        for (const app of args.resources.filter((r) => isApplication(r.type, r.props) && matchesLabels(r, selector))) {
            const spec = isPlainObject(app.props.spec) ? app.props.spec : {};
            const name = quote(metadataName(app) ?? app.name);

            const pointers = cnpgPointers(spec);
            const missing = CNPG_POINTERS.filter((p) => !pointers.has(p));
            if (missing.length > 0) {
                reportViolation(
                    `Application ${name} does not ignore ${missing.join(", ")} of ${CNPG_GROUP}/${CNPG_KIND}: Argo CD would ` +
                        `fight the CNPG operator over them (scaling or shrinking the database). Add ignoreDifferences ` +
                        `{group: ${CNPG_GROUP}, kind: ${CNPG_KIND}, jsonPointers: [${CNPG_POINTERS.join(", ")}]}.`,
                    app.urn,
                );
            }
            const options = syncOptions(spec);
            for (const required of REQUIRED_SYNC_OPTIONS) {
                if (options.includes(required)) continue;
                const key = required.split("=")[0];
                const actual = options.find((o) => o.startsWith(`${key}=`));
                reportViolation(
                    `Application ${name} ${actual ? `sets ${quote(actual)}` : `does not set ${required}`} in ` +
                        `spec.syncPolicy.syncOptions: ${
                            key === "PrunePropagationPolicy"
                                ? "prunes must wait for dependants (foreground), or volumes and database objects can be orphaned or lost"
                                : "without it a sync re-applies the ignored CNPG fields"
                        }. Add ${quote(required)}.`,
                    app.urn,
                );
            }

            if (!requireProtection) continue;
            const finalizers =
                isPlainObject(app.props.metadata) && Array.isArray(app.props.metadata.finalizers)
                    ? app.props.metadata.finalizers
                    : [];
            if (!app.opts.protect) {
                const cascade = finalizers.includes(RESOURCES_FINALIZER)
                    ? ` Its ${RESOURCES_FINALIZER} finalizer would cascade a deletion into the database.`
                    : "";
                reportViolation(
                    `Application ${name} is not protected: a destroy or a removal from the program deletes it.${cascade} ` +
                        "Declare it with protect: true and retainOnDelete: true (stack config protect=true).",
                    app.urn,
                );
            }
            const destination = isPlainObject(spec.destination) ? spec.destination.namespace : undefined;
            for (const namespace of namespaces) {
                if (destination === undefined || metadataName(namespace) !== destination || namespace.opts.protect)
                    continue;
                reportViolation(
                    `Namespace ${quote(destination)}, where Application ${name} runs the database, is not protected: deleting ` +
                        "it deletes the database and its volumes. Declare it with protect: true and retainOnDelete: true.",
                    namespace.urn,
                );
            }
        }
    },
};
