// Upstream engines the suite runs as they are: each is a `main` package of an upstream Go module, pinned in a small Go
// module of this repository (`conformance/<module>/go.mod` and `go.sum`), built from the machine's module cache into
// an ignored folder. No engine logic is written here: this file only builds and locates them.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);
const ROOT = path.resolve(__dirname, "..", "..");
export const CONFORMANCE_ROOT = path.join(ROOT, "conformance");
/** Ignored (`.gitignore`): binaries and their input stamps. */
export const GO_BIN_DIR = path.join(ROOT, ".cache", "go-bin");

export interface GoTool {
    /** Folder under `conformance/` holding the module that pins it. */
    module: string;
    /** The package to build: an upstream `main` package, or a thin `./cmd/...` of the module. */
    package: string;
}

/** Every engine the suite runs, by the name tests ask for. */
export const GO_TOOLS = {
    /** One WebRequestCommitStatus reconcile with gitops-promoter v0.36.0's engines (conformance/gate, its README). */
    "webrequest-reconcile": { module: "gate", package: "./cmd/webrequest-reconcile" },
    /** Helm 4.2.1, the binary Argo CD v3.5.1's repo-server runs (argo-cd `hack/tool-versions.sh` `helm4_version`). */
    helm: { module: "helm", package: "helm.sh/helm/v4/cmd/helm" },
    /**
     * kustomize 5.8.1, the binary Argo CD v3.5.1's repo-server runs (argo-cd `hack/tool-versions.sh`
     * `kustomize5_version`): its own CLI, built from its own `main` package (test/render/kustomizeRender.ts).
     */
    kustomize: { module: "kustomize", package: "sigs.k8s.io/kustomize/kustomize/v5" },
    /**
     * A `pulumi.com/waitFor` annotation judged as pulumi-kubernetes does, with its JSONPath engine (theory/jsonpath,
     * RFC 9535) and its wiring mirrored (conformance/README.md, `jsonpath/`); test/support/waitFor.ts.
     */
    waitfor: { module: "jsonpath", package: "./cmd/waitfor" },
    /** The CNCF Distribution registry, serving the packaged chart over OCI on 127.0.0.1 to the render tests. */
    registry: { module: "registry", package: "github.com/distribution/distribution/v3/cmd/registry" },
    /** The API server's create validation of custom resources (k8s.io/apiextensions-apiserver); test/support/crdValidator.ts. */
    "crd-validate": { module: "crd", package: "./cmd/crd-validate" },
    /** go-yaml v3, the parser the Pulumi CLI reads Pulumi.<stack>.yaml with: a stack file's `config:` as JSON. */
    "goyaml-stackconfig": { module: "goyaml", package: "./cmd/stackconfig" },
} satisfies Record<string, GoTool>;

export type GoToolName = keyof typeof GO_TOOLS;

/** The module's pinned inputs and the Go version: a binary is rebuilt only when one of them changes. */
function inputStamp(tool: GoTool, goVersion: string): string {
    const moduleDir = path.join(CONFORMANCE_ROOT, tool.module);
    const hash = createHash("sha256").update(`${goVersion}\n${tool.package}\n`);
    const files = (dir: string): string[] =>
        fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) return files(full);
            return /^(go\.mod|go\.sum)$|\.go$/.test(entry.name) ? [full] : [];
        });
    for (const file of files(moduleDir).sort()) {
        hash.update(`${path.relative(moduleDir, file)}\n`).update(fs.readFileSync(file));
    }
    return hash.digest("hex");
}

let goVersion: Promise<string> | undefined;

function installedGo(): Promise<string> {
    goVersion ??= execFileAsync("go", ["env", "GOVERSION"], { encoding: "utf8" }).then(
        ({ stdout }) => stdout.trim(),
        () => {
            throw new Error(
                "the test suite needs Go (1.26 or later) on PATH: it builds the upstream engines in conformance/ " +
                    "(see README, 'The two commands')",
            );
        },
    );
    return goVersion;
}

/** Path of the tool's binary, built first when missing or stale. `-mod=readonly`: go.sum must already pin it. */
export async function buildGoTool(name: GoToolName): Promise<string> {
    const tool: GoTool = GO_TOOLS[name];
    const binary = path.join(GO_BIN_DIR, name);
    const stampFile = `${binary}.stamp`;
    const stamp = inputStamp(tool, await installedGo());
    if (fs.existsSync(binary) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === stamp) {
        return binary;
    }
    fs.mkdirSync(GO_BIN_DIR, { recursive: true });
    // Built beside the target and renamed: a concurrent reader never runs half a binary.
    const partial = `${binary}.${process.pid}.part`;
    try {
        await execFileAsync("go", ["build", "-mod=readonly", "-trimpath", "-o", partial, tool.package], {
            cwd: path.join(CONFORMANCE_ROOT, tool.module),
            env: { ...process.env, CGO_ENABLED: "0", GOFLAGS: "-buildvcs=false" },
            maxBuffer: 16 * 1024 * 1024,
        });
    } catch (err) {
        const { stderr } = err as { stderr?: string };
        throw new Error(`building ${name} (conformance/${tool.module}, ${tool.package}) failed:\n${stderr ?? err}`);
    }
    fs.renameSync(partial, binary);
    fs.writeFileSync(stampFile, stamp);
    return binary;
}

/** Builds every tool, in parallel; mocha's global setup calls this once so the workers find them ready. */
export async function buildAllGoTools(): Promise<Record<GoToolName, string>> {
    const names = Object.keys(GO_TOOLS) as GoToolName[];
    const paths = await Promise.all(names.map((name) => buildGoTool(name)));
    return Object.fromEntries(names.map((name, i) => [name, paths[i]])) as Record<GoToolName, string>;
}
