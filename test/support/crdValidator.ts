// The Kubernetes API server's own validation of custom resources, as `create` runs it: a client of
// conformance/crd's crd-validate (k8s.io/apiextensions-apiserver v0.36.3; see conformance/README.md). Every manifest
// asked for in the same turn of the event loop goes to one process; answers are cached per manifest and CRD folder.
import * as assert from "node:assert";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { buildGoTool } from "./goTools";

/** The CRDs of record, vendored verbatim with their provenance (see its README.md). */
export const CRD_ROOT = path.resolve(__dirname, "../fixtures/crds");

/** What the API server answers to creating one object with field validation Strict. */
export interface CreateAnswer {
    /** Paths of fields no schema declares: Strict refuses the request while decoding (`unknown field "<path>"`). */
    unknownFields: string[];
    /** `<field>: <message>` of the create validation (schema, CEL rules, ObjectMeta) of the pruned, defaulted object. */
    errors: string[];
    /** The warnings create returns (e.g. finalizer names). */
    warnings: string[];
    /** The object as the server decodes it: unknown fields pruned, schema defaults applied. */
    object?: Record<string, any>;
}

interface ToolAnswer {
    kinds: string[];
    results: CreateAnswer[];
}

type Manifest = { apiVersion?: string; kind?: string; metadata?: { name?: string; namespace?: string } };

export interface CrdValidator {
    /** Served kinds, as `<group>/<version>/<Kind>`. */
    kinds(): Promise<string[]>;
    /** The server's answer to creating the manifest. */
    create(manifest: Manifest): Promise<CreateAnswer>;
    /** Everything that makes the create fail, as lines: unknown fields first; empty when the server accepts it. */
    validate(manifest: Manifest): Promise<string[]>;
}

/** The lines of an answer that fail the create, as the server words them. */
export function rejections(answer: CreateAnswer): string[] {
    return [...answer.unknownFields.map((field) => `unknown field "${field}"`), ...answer.errors];
}

const loaded = new Map<string, CrdValidator>();

/** The validator of a CRD folder, one per process. */
export function loadCrdValidator(root: string = CRD_ROOT): CrdValidator {
    let validator = loaded.get(root);
    if (!validator) loaded.set(root, (validator = newCrdValidator(root)));
    return validator;
}

function crdFiles(root: string): string[] {
    if (!fs.existsSync(root)) {
        throw new Error(
            `CRD folder ${root} is missing; the tests validate against it (see test/fixtures/crds/README.md)`,
        );
    }
    return fs
        .readdirSync(root, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .flatMap((dir) =>
            fs
                .readdirSync(path.join(root, dir.name))
                .filter((file) => file.endsWith(".yaml"))
                .map((file) => path.join(root, dir.name, file)),
        )
        .sort();
}

async function runTool(crds: string[], objects: unknown[]): Promise<ToolAnswer> {
    const binary = await buildGoTool("crd-validate");
    return new Promise((resolve, reject) => {
        const child = execFile(binary, [], { maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
            if (err) reject(new Error(`crd-validate failed: ${stderr || err.message}`));
            else resolve(JSON.parse(stdout) as ToolAnswer);
        });
        child.stdin!.end(JSON.stringify({ crds, objects }));
    });
}

function newCrdValidator(root: string): CrdValidator {
    const files = crdFiles(root);
    const answers = new Map<string, Promise<CreateAnswer>>();
    let kinds: Promise<string[]> | undefined;
    // Manifests asked for in this turn of the event loop, sent together when it ends.
    let batch: { manifest: unknown; settle: (answer: Promise<CreateAnswer>) => void }[] = [];

    const flush = () => {
        const sent = batch;
        batch = [];
        const tool = runTool(
            files,
            sent.map((entry) => entry.manifest),
        );
        sent.forEach((entry, i) => entry.settle(tool.then((answer) => answer.results[i])));
    };

    const create = (manifest: Manifest): Promise<CreateAnswer> => {
        const key = JSON.stringify(manifest);
        let answer = answers.get(key);
        if (!answer) {
            if (batch.length === 0) setImmediate(flush);
            // A copy: the caller may change its manifest before the batch leaves.
            const sent = JSON.parse(key);
            answer = new Promise<CreateAnswer>((resolve) => batch.push({ manifest: sent, settle: resolve }));
            answers.set(key, answer);
        }
        return answer.then((a) => structuredClone(a));
    };

    return {
        kinds: () => (kinds ??= runTool(files, []).then((answer) => answer.kinds)),
        create,
        validate: async (manifest) => rejections(await create(manifest)),
    };
}

/** An object of an API group that no Kubernetes release serves (core is `v1`; built-in groups end in `k8s.io` or have no dot). */
export function isCustomResource(manifest: Manifest): boolean {
    const group = manifest.apiVersion?.includes("/") ? manifest.apiVersion.split("/")[0] : "";
    return group.includes(".") && !group.endsWith(".k8s.io") && group !== "k8s.io";
}

/** Asserts that the server accepts every manifest; they are asked together (one process), failures named by object. */
export async function assertAccepted(manifests: Manifest[], root: string = CRD_ROOT): Promise<void> {
    assert.ok(manifests.length > 0, "no custom resource to validate: a filter let nothing through");
    const validator = loadCrdValidator(root);
    const rejected = await Promise.all(manifests.map((manifest) => validator.validate(manifest)));
    const named = (i: number) =>
        `${manifests[i].kind} ${manifests[i].metadata?.namespace ?? ""}/${manifests[i].metadata?.name}`;
    assert.deepStrictEqual(
        rejected.map((lines, i) => [named(i), lines]),
        manifests.map((_, i) => [named(i), []]),
    );
}
