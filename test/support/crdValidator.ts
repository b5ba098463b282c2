// The Kubernetes API server's own validation of custom resources, as `create` runs it: a client of
// conformance/crd's crd-validate (k8s.io/apiextensions-apiserver v0.36.3; see conformance/README.md). One process per
// CRD folder and test process answers every request, so the CRDs are read and each kind's CEL rules compiled once;
// answers are cached per manifest.
import * as assert from "node:assert";
import { ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import { Socket } from "node:net";
import * as path from "node:path";
import * as readline from "node:readline";
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

/** The tool's session for these CRD files: started on first use, answering requests in order, one line each. */
function toolSession(files: string[]): (objects: unknown[]) => Promise<ToolAnswer> {
    const waiting: { resolve: (answer: ToolAnswer) => void; reject: (err: Error) => void }[] = [];
    let stderr = "";
    let failure: Error | undefined;
    let started: Promise<ChildProcess> | undefined;
    const start = async () => {
        const child = spawn(await buildGoTool("crd-validate"), files, { stdio: ["pipe", "pipe", "pipe"] });
        // An idle session must not keep the test process alive (the tool ends when its stdin closes with this
        // process); its output is held referenced only while an answer is awaited.
        child.unref();
        for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as Partial<Socket>).unref?.();
        child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
        readline.createInterface({ input: child.stdout! }).on("line", (line) => {
            waiting.shift()?.resolve(JSON.parse(line) as ToolAnswer);
            if (waiting.length === 0) (child.stdout as Partial<Socket>).unref?.();
        });
        const fail = (reason: string) => {
            failure = new Error(`crd-validate ${reason}${stderr ? `:\n${stderr}` : ""}`);
            for (const request of waiting.splice(0)) request.reject(failure);
        };
        child.on("error", (err) => fail(`could not run: ${err.message}`));
        child.on("exit", (code, signal) => fail(`ended (${signal ?? `exit code ${code}`})`));
        return child;
    };
    return async (objects) => {
        const child = await (started ??= start());
        if (failure) throw failure;
        return new Promise<ToolAnswer>((resolve, reject) => {
            if (waiting.length === 0) (child.stdout as Partial<Socket>).ref?.();
            waiting.push({ resolve, reject });
            child.stdin!.write(`${JSON.stringify({ objects })}\n`);
        });
    };
}

function newCrdValidator(root: string): CrdValidator {
    const ask = toolSession(crdFiles(root));
    const answers = new Map<string, Promise<CreateAnswer>>();
    const create = (manifest: Manifest): Promise<CreateAnswer> => {
        const key = JSON.stringify(manifest);
        let answer = answers.get(key);
        if (!answer) answers.set(key, (answer = ask([manifest]).then((a) => a.results[0])));
        return answer.then((a) => structuredClone(a));
    };
    return {
        kinds: async () => (await ask([])).kinds,
        create,
        validate: async (manifest) => rejections(await create(manifest)),
    };
}

/** An object of an API group that no Kubernetes release serves (core is `v1`; built-in groups end in `k8s.io` or have no dot). */
export function isCustomResource(manifest: Manifest): boolean {
    const group = manifest.apiVersion?.includes("/") ? manifest.apiVersion.split("/")[0] : "";
    return group.includes(".") && !group.endsWith(".k8s.io") && group !== "k8s.io";
}

/** Asserts that the server accepts every manifest, failures named by object. */
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
