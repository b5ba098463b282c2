// Renders each environment's chart as Argo CD v3.5.1's repo-server would, with the Helm it runs (4.2.1, argo-cd
// `hack/tool-versions.sh`), from the vendored ServiceRadar chart published to a loopback OCI registry. The arguments
// are the ones argo-cd v3.5.1 passes: `reposerver/repository/repository.go` `helmTemplate` (release name, the
// destination namespace, the Application's value files in order, then `valuesObject` written to a file) and
// `util/helm/cmd.go` (`template . --name-template --namespace --kube-version --values ... --include-crds`;
// `dependency build` when the chart in git has dependencies and no `charts/`).
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import * as YAML from "yaml";
import type { ReleaseConfig } from "../../config/config";
import { VALUES_REF, type ApplicationManifest, type ApplicationSource } from "../../environment/argocd";
import { revealSecrets, type PlanRun, programModule, runProgramOnMocks } from "../../plan/mockRuntime";
import { loadStackConfig, releaseConfigFrom } from "../../config/stackConfig";
import { environmentBranchFiles } from "../../promotion/hydratedFiles";
import { HYDRATED_ENVIRONMENT_KIND } from "../../promotion/hydratedEnvironmentKind";
import { buildGoTool } from "../support/goTools";
import { ROOT } from "../support/plan";

const execFileAsync = promisify(execFile);

/** The ServiceRadar release whose chart source is vendored (`test/fixtures/serviceradar-chart/README.md`). */
export const CHART_FIXTURE_VERSION = "1.2.27";
export const CHART_FIXTURE = path.join(ROOT, "test", "fixtures", "serviceradar-chart", `v${CHART_FIXTURE_VERSION}`);
/** Where the chart lives in the ServiceRadar repository: the values files the hydrator reads are beside it. */
const CHART_PATH_IN_REPOSITORY = "helm/serviceradar/";
/**
 * The destination cluster's version, which Argo CD passes as `--kube-version` (the controller reads it from the
 * cluster). The cluster's API versions (`--api-versions`) are left out: the chart never reads
 * `.Capabilities.APIVersions` (a test checks it), so they cannot change what renders.
 */
export const KUBE_VERSION = "1.34.0";

export type PromotionModeName = "promoter" | "direct";

/** A stack as the program declares it: the registrations (secrets still wrapped) and the config it parsed. */
export interface DeclaredStack {
    config: ReleaseConfig;
    run: PlanRun;
}

/**
 * Runs the program on the plan's mock runtime, as `npm run plan` does (without the policy pack, which these tests do
 * not judge), so secret inputs stay readable: the pull secret is checked as built, not as `[secret]`.
 */
export async function declareStack(stack: string, overrides: readonly string[]): Promise<DeclaredStack> {
    const stackConfig = loadStackConfig(ROOT, stack, overrides);
    const run = await runProgramOnMocks(programModule(path.join(ROOT, "index.ts")), stackConfig);
    return { config: releaseConfigFrom(stackConfig), run };
}

export function declaredInputs(declared: DeclaredStack, type: string): Record<string, any>[] {
    return declared.run.resources.filter((r) => r.type === type).map((r) => revealSecrets(r.inputs) as any);
}

export function declaredApplication(declared: DeclaredStack): ApplicationManifest {
    const [application] = declaredInputs(declared, "kubernetes:argoproj.io/v1alpha1:Application").filter(
        (a) => a.metadata.name === declared.config.argocd.applicationName,
    );
    if (!application) throw new Error(`${declared.config.environment} declares no Application of its own`);
    return application as ApplicationManifest;
}

/** The hydrator's planned inputs for one environment (`promotion/environmentHydrator.ts` `EnvironmentHydratorArgs`). */
export interface PlannedHydration {
    environment: string;
    files: Record<string, string>;
    chartName: string;
    values: { repository: string; path: string; revision: string };
    /** owner/name of the hydration repository. */
    repository: string;
    message: string;
}

export function plannedHydrations(pipeline: DeclaredStack): PlannedHydration[] {
    return declaredInputs(pipeline, "pulumi-nodejs:dynamic:Resource").filter(
        (inputs) => inputs.kind === HYDRATED_ENVIRONMENT_KIND,
    ) as PlannedHydration[];
}

/** A values file of the ServiceRadar repository at the vendored tag, read from the vendored copy. */
export function vendoredRepositoryFile(repositoryPath: string, revision: string): string {
    if (revision !== `v${CHART_FIXTURE_VERSION}`) {
        throw new Error(`values read at ${revision}; the vendored chart is v${CHART_FIXTURE_VERSION}`);
    }
    if (!repositoryPath.startsWith(CHART_PATH_IN_REPOSITORY)) {
        throw new Error(`${repositoryPath} is not beside the chart (${CHART_PATH_IN_REPOSITORY}) in the vendored copy`);
    }
    return fs.readFileSync(path.join(CHART_FIXTURE, repositoryPath.slice(CHART_PATH_IN_REPOSITORY.length)), "utf8");
}

/**
 * Everything the hydrator commits to `environment/<env>-next` for one environment, composed by the hydrator's own
 * `environmentBranchFiles` (`promotion/hydratedFiles.ts`) from the planned inputs and the vendored values file. The
 * DRY sha stands in for the DRY commit.
 */
export function hydratedCommit(hydration: PlannedHydration): Record<string, string> {
    const { repository, path: valuesPath, revision } = hydration.values;
    return environmentBranchFiles({
        files: hydration.files,
        chartName: hydration.chartName,
        values: { text: vendoredRepositoryFile(valuesPath, revision), repository, revision, path: valuesPath },
        drySha: "0".repeat(40),
        repository: hydration.repository,
        message: hydration.message,
    });
}

/** Helm 4.2.1 with its own config, cache and data folders, so nothing of the machine's Helm setup leaks in. */
export class Helm {
    private constructor(
        private readonly binary: string,
        private readonly home: string,
    ) {}

    static async start(): Promise<Helm> {
        return new Helm(await buildGoTool("helm"), fs.mkdtempSync(path.join(os.tmpdir(), "helm-home-")));
    }

    async run(args: string[], cwd: string = this.home): Promise<string> {
        try {
            const { stdout } = await execFileAsync(this.binary, args, {
                cwd,
                encoding: "utf8",
                maxBuffer: 64 * 1024 * 1024,
                env: {
                    PATH: process.env.PATH ?? "",
                    HOME: this.home,
                    HELM_CACHE_HOME: path.join(this.home, "cache"),
                    HELM_CONFIG_HOME: path.join(this.home, "config"),
                    HELM_DATA_HOME: path.join(this.home, "data"),
                },
            });
            return stdout;
        } catch (err) {
            const { stderr } = err as { stderr?: string };
            throw new Error(`helm ${args.join(" ")} failed:\n${stderr ?? err}`);
        }
    }

    scratch(name: string): string {
        return fs.mkdtempSync(path.join(this.home, `${name}-`));
    }

    dispose(): void {
        fs.rmSync(this.home, { recursive: true, force: true });
    }
}

/** `oci://<repository>` with the registry host replaced by the loopback registry's. */
export function onLoopback(ociRepository: string, loopbackHost: string): string {
    const match = /^(oci:\/\/)?[^/]+(\/.*)$/.exec(ociRepository);
    if (!match) throw new Error(`${ociRepository} is not a registry path`);
    return `oci://${loopbackHost}${match[2]}`;
}

/** Packages the vendored chart and pushes it to `chartRepository`'s path on the loopback registry (plain HTTP). */
export async function publishVendoredChart(helm: Helm, chartRepository: string, loopbackHost: string): Promise<void> {
    const out = helm.scratch("package");
    await helm.run(["package", CHART_FIXTURE, "--destination", out]);
    const [archive] = fs.readdirSync(out);
    await helm.run(["push", path.join(out, archive), onLoopback(chartRepository, loopbackHost), "--plain-http"]);
}

/** The objects `helm template` (or `kustomize build`) printed. */
export type RenderedObject = Record<string, any> & { apiVersion: string; kind: string; metadata: Record<string, any> };

export function parseManifests(output: string): RenderedObject[] {
    return YAML.parseAllDocuments(output)
        .map((document) => document.toJS())
        .filter((object): object is RenderedObject => object !== null && typeof object === "object");
}

/** `helm template` in `chartDir` with the arguments the repo-server derives from one Helm source. */
async function template(
    helm: Helm,
    chartDir: string,
    source: ApplicationSource,
    namespace: string,
    valueFiles: string[],
) {
    const args = ["template", ".", "--name-template", source.helm?.releaseName ?? "", "--namespace", namespace];
    args.push("--kube-version", KUBE_VERSION);
    for (const file of valueFiles) args.push("--values", file);
    if (source.helm?.valuesObject !== undefined) {
        const valuesObjectFile = path.join(helm.scratch("values-object"), "values.yaml");
        fs.writeFileSync(valuesObjectFile, YAML.stringify(source.helm.valuesObject));
        args.push("--values", valuesObjectFile);
    }
    if (!source.helm?.skipCrds) args.push("--include-crds");
    return parseManifests(await helm.run(args, chartDir));
}

/**
 * Promoter mode: the environment branch checked out (the hydrated commit, its dependency's host moved to the loopback
 * registry), `helm dependency build` and the Application's `spec.source` rendered over it.
 */
export async function renderEnvironmentBranch(
    helm: Helm,
    committed: Record<string, string>,
    application: ApplicationManifest,
    loopbackHost: string,
): Promise<RenderedObject[]> {
    const checkout = helm.scratch("environment-branch");
    for (const [file, content] of Object.entries(committed)) fs.writeFileSync(path.join(checkout, file), content);
    const chartFile = path.join(checkout, "Chart.yaml");
    const chart = YAML.parse(committed["Chart.yaml"]);
    for (const dependency of chart.dependencies ?? []) {
        dependency.repository = onLoopback(dependency.repository, loopbackHost);
    }
    fs.writeFileSync(chartFile, YAML.stringify(chart));
    // The loopback registry speaks plain HTTP: Argo CD passes `--plain-http` for a repository credential with
    // `insecureOCIForceHttp` (`util/helm/cmd.go` `dependencyBuild`); the real registry is HTTPS.
    await helm.run(["dependency", "build", "--plain-http"], checkout);
    const source = application.spec.source;
    if (!source) throw new Error(`${application.metadata.name} has no single source`);
    const valueFiles = (source.helm?.valueFiles ?? []).map((file) => path.join(checkout, file));
    return template(helm, checkout, source, application.spec.destination.namespace ?? "", valueFiles);
}

/**
 * Direct mode: the OCI chart pulled at the pinned version from the loopback registry, its `$values/...` value files
 * read from the vendored copy of the values repository at the pinned revision.
 */
export async function renderPinnedChart(
    helm: Helm,
    application: ApplicationManifest,
    loopbackHost: string,
): Promise<RenderedObject[]> {
    const sources = application.spec.sources ?? [];
    const chartSource = sources.find((s) => s.chart !== undefined);
    const valuesSource = sources.find((s) => s.ref === VALUES_REF);
    if (!chartSource || !valuesSource) throw new Error(`${application.metadata.name} lacks a chart or values source`);
    const pulled = helm.scratch("pulled");
    await helm.run([
        "pull",
        `${onLoopback(chartSource.repoURL, loopbackHost)}/${chartSource.chart}`,
        "--version",
        chartSource.targetRevision ?? "",
        "--untar",
        "--untardir",
        pulled,
        "--plain-http",
    ]);
    const valueFiles = (chartSource.helm?.valueFiles ?? []).map((file) => {
        const prefix = `$${VALUES_REF}/`;
        if (!file.startsWith(prefix)) throw new Error(`${file} is not read from the values source`);
        const local = path.join(helm.scratch("values"), "values.yaml");
        fs.writeFileSync(local, vendoredRepositoryFile(file.slice(prefix.length), valuesSource.targetRevision ?? ""));
        return local;
    });
    const chartDir = path.join(pulled, chartSource.chart ?? "");
    return template(helm, chartDir, chartSource, application.spec.destination.namespace ?? "", valueFiles);
}
