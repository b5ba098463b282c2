/**
 * Regenerates the TypeScript models in this folder from the vendored CRDs (`npm run generate:crd-types`). The program
 * never runs this; it only imports the generated interfaces, as types.
 */
import { generate } from "@kubernetes-models/crd-generate";
import * as fs from "fs";
import * as path from "path";
import YAML from "yaml";

const ROOT = path.resolve(__dirname, "..", "..");
const CRDS = path.join(ROOT, "test", "fixtures", "crds");

/** Output folder (under `src/generated/`) and the vendored CRD files it is generated from. */
export const CRD_TYPE_SETS: readonly { output: string; crds: string; files: (name: string) => boolean }[] = [
    { output: "argo-cd", crds: "argo-cd-v3.5.1", files: (name) => name === "application-crd.yaml" },
    { output: "gitops-promoter", crds: "gitops-promoter-v0.36.0", files: (name) => name.endsWith(".yaml") },
];

/**
 * The generator compiles each schema with Ajv in strict mode, which rejects the OpenAPI `externalDocs` keyword that
 * controller-gen writes into the promoter's CRDs. It documents, never constrains, so it is dropped (schema keywords
 * only, never a property of that name).
 */
export function withoutExternalDocs(value: unknown, underProperties = false): unknown {
    if (Array.isArray(value)) return value.map((item) => withoutExternalDocs(item));
    if (value === null || typeof value !== "object") return value;
    const result: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
        if (key === "externalDocs" && !underProperties) continue;
        result[key] = withoutExternalDocs(child, key === "properties" && !underProperties);
    }
    return result;
}

/** The CRD documents of one set, as the generator's YAML input. */
export function generatorInput(crdFolder: string, files: (name: string) => boolean): string {
    const names = fs.readdirSync(crdFolder).filter(files).sort();
    if (names.length === 0) throw new Error(`no CRD files in ${crdFolder}`);
    return names
        .flatMap((name) =>
            YAML.parseAllDocuments(fs.readFileSync(path.join(crdFolder, name), "utf8")).map((doc) => doc.toJSON()),
        )
        .filter((doc) => doc !== null && doc !== undefined)
        .map((doc) => JSON.stringify(withoutExternalDocs(doc)))
        .join("\n---\n");
}

async function main(): Promise<void> {
    for (const set of CRD_TYPE_SETS) {
        const output = path.join(__dirname, set.output);
        fs.rmSync(output, { recursive: true, force: true });
        await generate({ input: generatorInput(path.join(CRDS, set.crds), set.files), outputPath: output });
    }
}

if (require.main === module) {
    main().catch((error: unknown) => {
        console.error(error);
        process.exitCode = 1;
    });
}
