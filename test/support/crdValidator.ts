import Ajv, { ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";

/** The CRDs of record, vendored verbatim with their provenance (see its README.md). */
export const CRD_ROOT = path.resolve(__dirname, "../fixtures/crds");

interface CrdSchemaNode {
    type?: string;
    properties?: Record<string, CrdSchemaNode>;
    additionalProperties?: boolean | CrdSchemaNode;
    items?: CrdSchemaNode;
    "x-kubernetes-preserve-unknown-fields"?: boolean;
    [key: string]: unknown;
}

/** The ObjectMeta fields a declared object may carry; anything else is a typo the API server would drop. */
const OBJECT_META: CrdSchemaNode = {
    type: "object",
    required: ["name"],
    additionalProperties: false,
    properties: {
        name: { type: "string", pattern: "^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$", maxLength: 253 },
        namespace: { type: "string", pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", maxLength: 63 },
        labels: { type: "object", additionalProperties: { type: "string" } },
        annotations: { type: "object", additionalProperties: { type: "string" } },
        finalizers: { type: "array", items: { type: "string" } },
    },
};

/**
 * Makes a structural schema strict the way `kubectl apply --validate=strict` is: an object that lists its
 * properties rejects any other field, unless the schema preserves unknown fields or describes a map.
 */
function strict(node: CrdSchemaNode): CrdSchemaNode {
    const copy: CrdSchemaNode = { ...node };
    if (copy.properties) {
        copy.properties = Object.fromEntries(Object.entries(copy.properties).map(([k, v]) => [k, strict(v)]));
        if (copy.additionalProperties === undefined && !copy["x-kubernetes-preserve-unknown-fields"]) {
            copy.additionalProperties = false;
        }
    }
    if (copy.items) copy.items = strict(copy.items);
    if (copy.additionalProperties && typeof copy.additionalProperties === "object") {
        copy.additionalProperties = strict(copy.additionalProperties);
    }
    return copy;
}

export interface CrdValidator {
    /** Errors of one manifest, as `path: message` lines; empty when it validates. */
    validate(manifest: { apiVersion?: string; kind?: string }): string[];
    kinds(): string[];
}

const loaded = new Map<string, CrdValidator>();

/** The validator of a CRD folder, loaded once per process: the Application CRD alone is 400 KB of schema. */
export function loadCrdValidator(root: string = CRD_ROOT): CrdValidator {
    let validator = loaded.get(root);
    if (!validator) loaded.set(root, (validator = readCrdValidator(root)));
    return validator;
}

function readCrdValidator(root: string): CrdValidator {
    if (!fs.existsSync(root)) {
        throw new Error(
            `CRD folder ${root} is missing; the tests validate against it (see test/fixtures/crds/README.md)`,
        );
    }
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addFormat("int64", { type: "number", validate: Number.isInteger });
    ajv.addFormat("int32", { type: "number", validate: Number.isInteger });
    // Compiled on first use: a test that validates promoter objects only never pays for the Application schema.
    const schemas = new Map<string, object>();
    const validators = new Map<string, ValidateFunction>();
    const compiled = (key: string) => {
        const schema = schemas.get(key);
        if (schema !== undefined && !validators.has(key)) validators.set(key, ajv.compile(schema));
        return validators.get(key);
    };

    for (const dir of fs.readdirSync(root).filter((d) => fs.statSync(path.join(root, d)).isDirectory())) {
        for (const file of fs.readdirSync(path.join(root, dir)).filter((f) => f.endsWith(".yaml"))) {
            for (const doc of YAML.parseAllDocuments(fs.readFileSync(path.join(root, dir, file), "utf8"))) {
                const crd = doc.toJS();
                if (crd?.kind !== "CustomResourceDefinition") continue;
                for (const version of crd.spec.versions) {
                    const schema = strict(version.schema.openAPIV3Schema);
                    schema.properties = { ...schema.properties, metadata: OBJECT_META };
                    schema.required = [
                        ...new Set([...((schema.required as string[]) ?? []), "apiVersion", "kind", "metadata"]),
                    ];
                    const apiVersion = `${crd.spec.group}/${version.name}`;
                    schema.properties.apiVersion = { type: "string", enum: [apiVersion] };
                    schema.properties.kind = { type: "string", enum: [crd.spec.names.kind] };
                    schemas.set(`${apiVersion}/${crd.spec.names.kind}`, schema);
                }
            }
        }
    }

    return {
        kinds: () => [...schemas.keys()].sort(),
        validate(manifest) {
            const validator = compiled(`${manifest.apiVersion}/${manifest.kind}`);
            if (!validator) return [`no CRD defines ${manifest.apiVersion} ${manifest.kind}`];
            if (validator(manifest)) return [];
            return (validator.errors ?? []).map((e) => {
                const extra = e.keyword === "additionalProperties" ? ` (${String(e.params.additionalProperty)})` : "";
                return `${e.instancePath || "/"}: ${e.message}${extra}`;
            });
        },
    };
}
