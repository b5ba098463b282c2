// Renders the kustomize source of an Argo CD Application as Argo CD v3.5.1's repo-server does, with the kustomize it
// runs (5.8.1: argo-cd `hack/tool-versions.sh` `kustomize5_version`, built from `conformance/kustomize`). The steps are
// argo-cd v3.5.1 `util/kustomize/kustomize.go` `Build`: in the source's path, one `kustomize edit set image` with every
// `kustomize.images` entry, then `kustomize edit set namespace -- <namespace>` when `kustomize.namespace` is set; then
// `kustomize build <path>` in the checkout's root, with no build options (`kustomize.buildOptions` is not set in the
// default install's argocd-cm, `manifests/base/config/argocd-cm.yaml`). Only the fields the program sets are mirrored:
// any other `kustomize` field, or an entry `Envsubst` would change, is refused rather than guessed.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import type { ApplicationSource } from "../../environment/argocd";
import { buildGoTool } from "../support/goTools";
import { ROOT } from "../support/plan";
import { parseManifests, type RenderedObject } from "./chartRender";

const execFileAsync = promisify(execFile);

/** The GitOps Promoter tag whose `config/` tree is vendored (`test/fixtures/upstream/README.md`). */
export const PROMOTER_CONFIG_TAG = "v0.36.0";
const UPSTREAM = path.join(ROOT, "test", "fixtures", "upstream");
/** The vendored files of `config/` except the CRDs, at their upstream paths. */
const PROMOTER_CONFIG_FIXTURE = path.join(UPSTREAM, `gitops-promoter-${PROMOTER_CONFIG_TAG}`);
/** The CRDs, vendored once for the validator; upstream they are `config/crd/bases/`. */
const PROMOTER_CRDS_FIXTURE = path.join(ROOT, "test", "fixtures", "crds", `gitops-promoter-${PROMOTER_CONFIG_TAG}`);
const PROMOTER_CRDS_PATH = "config/crd/bases";
/** `git ls-tree -r <tag> config` of the promoter's repository: mode, type, blob id and path of every file. */
const PROMOTER_CONFIG_LISTING = path.join(UPSTREAM, `gitops-promoter-${PROMOTER_CONFIG_TAG}-config.txt`);

/** The fields of `spec.source.kustomize` this render mirrors, in the order `Build` applies them. */
const MIRRORED_FIELDS = new Set(["images", "namespace"]);

/** Upstream's blob id of each file of `config/` at the tag, by path. */
export function upstreamConfigListing(): Map<string, string> {
    const listing = new Map<string, string>();
    for (const line of fs.readFileSync(PROMOTER_CONFIG_LISTING, "utf8").split("\n")) {
        if (line === "") continue;
        const match = /^\d{6} blob ([0-9a-f]{40})\t(.+)$/.exec(line);
        if (!match) throw new Error(`unexpected line in ${PROMOTER_CONFIG_LISTING}: ${line}`);
        listing.set(match[2], match[1]);
    }
    return listing;
}

/** The id git gives a file's content (`git hash-object`). */
export function gitBlobId(content: Buffer): string {
    return createHash("sha1").update(`blob ${content.length}\0`).update(content).digest("hex");
}

function filesUnder(dir: string): string[] {
    return fs
        .readdirSync(dir, { withFileTypes: true, recursive: true })
        .flatMap((entry) => (entry.isFile() ? [path.join(entry.parentPath, entry.name)] : []));
}

/**
 * A checkout of the promoter's repository at the tag as far as `config/release` needs it: the vendored files, with the
 * CRDs at `config/crd/bases/` from the validator's copy. Returns the checkout's root and the path of every file in it.
 */
export function checkoutPromoterConfig(): { root: string; files: string[] } {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), `gitops-promoter-${PROMOTER_CONFIG_TAG}-`));
    fs.cpSync(PROMOTER_CONFIG_FIXTURE, root, { recursive: true });
    fs.mkdirSync(path.join(root, PROMOTER_CRDS_PATH), { recursive: true });
    for (const file of fs.readdirSync(PROMOTER_CRDS_FIXTURE).filter((name) => name.endsWith(".yaml"))) {
        fs.copyFileSync(path.join(PROMOTER_CRDS_FIXTURE, file), path.join(root, PROMOTER_CRDS_PATH, file));
    }
    return { root, files: filesUnder(root).map((file) => path.relative(root, file).split(path.sep).join("/")) };
}

export interface KustomizeRender {
    objects: RenderedObject[];
    /** The commands run, each with the folder it ran in (relative to the checkout). */
    commands: { dir: string; args: string[] }[];
}

/** Runs the pinned kustomize with an environment of its own (a private HOME), so nothing of the machine's leaks in. */
async function kustomize(binary: string, args: string[], cwd: string, home: string): Promise<string> {
    try {
        const { stdout } = await execFileAsync(binary, args, {
            cwd,
            encoding: "utf8",
            maxBuffer: 64 * 1024 * 1024,
            env: { PATH: process.env.PATH ?? "", HOME: home },
        });
        return stdout;
    } catch (err) {
        const { stderr } = err as { stderr?: string };
        throw new Error(`kustomize ${args.join(" ")} failed:\n${stderr ?? err}`);
    }
}

/**
 * `Build` over `repoRoot` for one Application source (it edits the checkout's kustomization files, as the repo-server
 * does in its own checkout).
 */
export async function renderKustomizeSource(repoRoot: string, source: ApplicationSource): Promise<KustomizeRender> {
    const options = (source.kustomize ?? {}) as Record<string, unknown>;
    const unmirrored = Object.keys(options).filter((key) => !MIRRORED_FIELDS.has(key));
    if (unmirrored.length > 0) throw new Error(`kustomize.${unmirrored.join(", kustomize.")} is not mirrored here`);
    if (source.path === undefined) throw new Error("a kustomize source needs a path");
    const images = (source.kustomize?.images ?? []).map(String);
    // `Build` passes each entry through `envVars.Envsubst` (argo-cd v3.5.1 `pkg/apis/application/v1alpha1/types.go`
    // `Env.Envsubst`, `os.Expand`): an entry without `$` is left as it is.
    const substituted = images.filter((image) => image.includes("$"));
    if (substituted.length > 0) throw new Error(`Envsubst is not mirrored: ${substituted.join(", ")}`);

    const binary = await buildGoTool("kustomize");
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "kustomize-home-"));
    const appPath = path.join(repoRoot, source.path);
    const commands: KustomizeRender["commands"] = [];
    const run = async (args: string[], cwd: string) => {
        // Logged with the checkout's root as `.`, as `Build` redacts its commands.
        commands.push({ dir: path.relative(repoRoot, cwd) || ".", args: args.map((a) => a.replaceAll(repoRoot, ".")) });
        return kustomize(binary, args, cwd, home);
    };
    try {
        if (images.length > 0) await run(["edit", "set", "image", ...images], appPath);
        const namespace = source.kustomize?.namespace;
        if (namespace) await run(["edit", "set", "namespace", "--", namespace], appPath);
        const output = await run(["build", appPath], repoRoot);
        return { objects: parseManifests(output), commands };
    } finally {
        fs.rmSync(home, { recursive: true, force: true });
    }
}
