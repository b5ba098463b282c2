import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import * as YAML from "yaml";
import { DATA_SAFETY_IGNORE_DIFFERENCES } from "../../environment/argocd";
import { dockerConfigJson } from "../../environment/registry";
import { parseImageReference } from "../../policies/lib/imageReference";
import { podSpecPath, WORKLOAD_KINDS, workloadContainers, type WorkloadKind } from "../../policies/lib/workloads";
import { startLoopbackRegistry, type LoopbackRegistry } from "../support/ociRegistry";
import {
    CHART_FIXTURE,
    declaredApplication,
    declaredInputs,
    declareStack,
    type DeclaredStack,
    Helm,
    hydratedCommit,
    plannedHydrations,
    publishVendoredChart,
    renderEnvironmentBranch,
    renderPinnedChart,
    type PromotionModeName,
    type RenderedObject,
} from "./chartRender";

// Each environment of the shipped stacks, in both promotion modes, rendered from the vendored ServiceRadar chart as
// Argo CD's repo-server would (chartRender.ts), then judged on what actually renders.

const SECRET = "kubernetes:core/v1:Secret";
const MODES: readonly PromotionModeName[] = ["promoter", "direct"];
/** The token the stacks are declared with here, so the pull secret can be read as built. */
const REGISTRY_TOKEN = "render-test-registry-token";
/**
 * The chart's own images that follow their own versions, not the release's: the CNPG Postgres image, pinned by
 * `cnpg.imageName` / `spire.postgres.imageName` in the chart's values.yaml (`serviceradar-cnpg:18.3.0-sr2-...`).
 */
const INDEPENDENTLY_VERSIONED = new Set(["serviceradar/serviceradar-cnpg"]);

/**
 * Pods of the chart (v1.2.27) that run images of the release's registry without naming any pull secret: their
 * templates (`files/serviceradar-tools.yaml` through `templates/tools.yaml`, `templates/faker.yaml`,
 * `templates/db-event-writer-kv-bootstrap-job.yaml`) leave out the chart's `serviceradar.imagePullSecrets`. They
 * pull only where the registry allows anonymous pulls or their ServiceAccount carries the secret; nothing the stack
 * declares reaches them. Listed exactly, so a new one or a fixed one shows.
 */
const CHART_PODS_WITHOUT_PULL_SECRET = [
    "Deployment/serviceradar-faker",
    "Deployment/serviceradar-tools",
    "Job/serviceradar-db-event-writer-kv-bootstrap-serviceradar",
];

interface EnvironmentRender {
    environment: string;
    mode: PromotionModeName;
    /** The stack that declares the environment's namespace, pull secret and Application. */
    declared: DeclaredStack;
    /** The image tag the environment runs: its own stack's pin in direct mode, the pipeline stack's in promoter mode. */
    imageTag: string | undefined;
    objects: RenderedObject[];
    /** Promoter mode: every file the hydrator commits to the environment branch. */
    committed?: Record<string, string>;
}

interface PodSpecOf {
    object: RenderedObject;
    spec: Record<string, any>;
    images: string[];
}

function podSpecs(objects: RenderedObject[]): PodSpecOf[] {
    return objects.flatMap((object) => {
        if (!(WORKLOAD_KINDS as readonly string[]).includes(object.kind)) return [];
        const kind = object.kind as WorkloadKind;
        const spec = podSpecPath(kind).reduce<any>((node, key) => node?.[key], object);
        if (spec === undefined) return [];
        const images = workloadContainers(kind, object).map((container) => String(container.image));
        return [{ object, spec, images }];
    });
}

const describeObject = (o: RenderedObject) => `${o.kind}/${o.metadata?.name}`;

/** The value at an RFC 6901 JSON pointer, or undefined. */
function atPointer(object: unknown, pointer: string): unknown {
    return pointer
        .split("/")
        .slice(1)
        .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"))
        .reduce<any>((node, key) => (node === null || typeof node !== "object" ? undefined : node[key]), object);
}

function apiGroup(apiVersion: string): string {
    return apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
}

describe("each environment's chart as Argo CD's repo-server renders it (Helm 4.2.1, vendored chart v1.2.27)", function () {
    // Helm renders a chart of about 70 templates per environment and mode; the first run builds the engines.
    this.timeout(240_000);
    let registry: LoopbackRegistry | undefined;
    let helm: Helm | undefined;
    const renders: EnvironmentRender[] = [];

    before(async () => {
        const [loopback, engine] = await Promise.all([startLoopbackRegistry(), Helm.start()]);
        registry = loopback;
        helm = engine;
        const token = `registryToken=${REGISTRY_TOKEN}`;
        const published = new Set<string>();
        for (const mode of MODES) {
            const pipeline = await declareStack("demo-staging", [`promotionMode=${mode}`, token]);
            if (!published.has(pipeline.config.chart.repository)) {
                await publishVendoredChart(helm, pipeline.config.chart.repository, registry.host);
                published.add(pipeline.config.chart.repository);
            }
            for (const environment of pipeline.config.environments) {
                const declared =
                    environment === pipeline.config.environment
                        ? pipeline
                        : await declareStack(environment, [
                              `promotionMode=${mode}`,
                              // In direct mode every stack decides its version; demo's stack file has none (in
                              // promoter mode demo-staging decides it).
                              ...(mode === "direct" ? [`version=${pipeline.config.pins?.version}`] : []),
                              token,
                          ]);
                const application = declaredApplication(declared);
                if (mode === "direct") {
                    const objects = await renderPinnedChart(helm, application, registry.host);
                    renders.push({ environment, mode, declared, imageTag: declared.config.pins?.imageTag, objects });
                    continue;
                }
                const hydration = plannedHydrations(pipeline).find((h) => h.environment === environment);
                assert.ok(hydration, `the pipeline stack hydrates ${environment}`);
                const committed = hydratedCommit(hydration);
                const objects = await renderEnvironmentBranch(helm, committed, application, registry.host);
                const imageTag = pipeline.config.pins?.imageTag;
                renders.push({ environment, mode, declared, imageTag, objects, committed });
            }
        }
    });

    after(async () => {
        await registry?.stop();
        helm?.dispose();
    });

    it("renders every environment of the shipped stacks in both modes", () => {
        assert.deepEqual(
            renders.map((r) => `${r.mode}:${r.environment}`),
            ["promoter:demo-staging", "promoter:demo", "direct:demo-staging", "direct:demo"],
        );
        for (const render of renders)
            assert.ok(podSpecs(render.objects).length > 10, `${render.mode}:${render.environment}`);
    });

    it("every ServiceRadar image carries the pinned tag", () => {
        for (const { environment, mode, declared, imageTag, objects } of renders) {
            const { imageRegistry } = declared.config.registry;
            const released = podSpecs(objects)
                .flatMap((pod) =>
                    pod.images.map((image) => ({ pod, image, ref: parseImageReference(image).reference })),
                )
                .filter(
                    ({ ref }) =>
                        ref?.registry === imageRegistry &&
                        ref.repository.startsWith("serviceradar/") &&
                        !INDEPENDENTLY_VERSIONED.has(ref.repository),
                );
            const repositories = new Set(released.map(({ ref }) => ref?.repository));
            // core, web-ng, agent, datasvc, ...: the chart's own images, whatever else the environment enables.
            assert.ok(repositories.has("serviceradar/serviceradar-core-elx"), `${mode}:${environment}: core renders`);
            assert.ok(repositories.size >= 8, `${mode}:${environment}: ${[...repositories].join(", ")}`);
            const unpinned = released
                .filter(({ ref }) => ref?.tag !== imageTag || ref?.digest !== undefined)
                .map(({ pod, image }) => `${describeObject(pod.object)}: ${image}`);
            assert.deepEqual(unpinned, [], `${mode}:${environment}: images not at ${imageTag}`);
        }
    });

    it("discovery checks every image the chart runs: discoverImages covers each rendered release image, and names only the chart's", () => {
        // npm run discover proves a release published by the images of discoverImages (tools/lib/discoverCommand.ts);
        // the chart hard-codes its image names in templates, so the list is checked here against what Helm renders.
        const listed = new Set(renders[0].declared.config.discovery.images);
        for (const { environment, mode, declared, objects } of renders) {
            const { imageRegistry } = declared.config.registry;
            const missing = podSpecs(objects)
                .flatMap((pod) => pod.images.map((image) => parseImageReference(image).reference))
                .filter((ref) => ref?.registry === imageRegistry && ref.repository.startsWith("serviceradar/"))
                .filter((ref) => !INDEPENDENTLY_VERSIONED.has(ref!.repository))
                .map((ref) => `${ref!.registry}/${ref!.repository}`)
                .filter((image) => !listed.has(image));
            assert.deepEqual([...new Set(missing)], [], `${mode}:${environment}: rendered, not in discoverImages`);
        }
        const chartText = fs
            .readdirSync(CHART_FIXTURE, { recursive: true, withFileTypes: true })
            .filter((entry) => entry.isFile())
            .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name), "utf8"))
            .join("\n");
        for (const image of listed) {
            const repository = image.slice(image.indexOf("/") + 1);
            assert.ok(chartText.includes(repository), `discoverImages names ${image}, which the chart never runs`);
        }
    });

    it("each environment's own values file is in effect", () => {
        const cnpgClusters = (objects: RenderedObject[]) =>
            objects.filter((o) => o.kind === "Cluster" && apiGroup(o.apiVersion) === "postgresql.cnpg.io");
        for (const { environment, mode, objects } of renders) {
            const where = `${mode}:${environment}`;
            if (environment === "demo-staging") {
                // values-demo-staging.yaml names staging's CNPG cluster; the chart's default is another name.
                assert.ok(
                    cnpgClusters(objects).some((c) => c.metadata.name === "cnpg-staging"),
                    `${where}: ${cnpgClusters(objects).map(describeObject).join(", ")}`,
                );
            }
            if (environment === "demo") {
                // values-demo.yaml puts demo's database on local-path-big; the chart's default is local-path.
                const classes = cnpgClusters(objects).map((c) => c.spec?.storage?.storageClass);
                assert.ok(classes.includes("local-path-big"), `${where}: storage classes ${classes.join(", ")}`);
            }
        }
    });

    it("every pod pulls with a Secret the stack declares, whose auths cover its images on the release's registry", () => {
        const withoutPullSecret = new Set<string>();
        for (const { environment, mode, declared, objects } of renders) {
            const where = `${mode}:${environment}`;
            const { config } = declared;
            const pullSecrets = new Map(
                declaredInputs(declared, SECRET)
                    .filter(
                        (s) => s.metadata.namespace === config.namespace && s.type === "kubernetes.io/dockerconfigjson",
                    )
                    .map((s) => [s.metadata.name as string, s.stringData[".dockerconfigjson"] as string]),
            );
            // The secret as built, decoded: exactly the pure builder's document for the configured registry.
            for (const [name, built] of pullSecrets) {
                assert.equal(
                    built,
                    dockerConfigJson(config.registry.server, config.registry.username, REGISTRY_TOKEN),
                    `${where}: ${name}`,
                );
            }
            let covered = 0;
            for (const pod of podSpecs(objects)) {
                const names: string[] = (pod.spec.imagePullSecrets ?? []).map((s: { name: string }) => s.name);
                const onRegistry = pod.images.filter(
                    (i) => parseImageReference(i).reference?.registry === config.registry.imageRegistry,
                );
                if (names.length === 0) {
                    if (onRegistry.length > 0) withoutPullSecret.add(describeObject(pod.object));
                    continue;
                }
                for (const name of names) {
                    assert.ok(
                        pullSecrets.has(name),
                        `${where}: ${describeObject(pod.object)} pulls with ${name}, which the stack does not declare`,
                    );
                }
                const hosts = new Set(
                    names.flatMap((name) => Object.keys(JSON.parse(pullSecrets.get(name) ?? "{}").auths ?? {})),
                );
                // Images elsewhere (ghcr.io/spiffe, docker.io busybox, cgr.dev) are public and pulled anonymously.
                for (const image of onRegistry) {
                    assert.ok(
                        hosts.has(config.registry.imageRegistry),
                        `${where}: ${describeObject(pod.object)} runs ${image} with pull secrets [${names.join(", ")}] ` +
                            `covering [${[...hosts].join(", ")}]`,
                    );
                    covered += 1;
                }
            }
            assert.ok(covered > 10, `${where}: ${covered} images on ${config.registry.imageRegistry}`);
        }
        assert.deepEqual([...withoutPullSecret].sort(), CHART_PODS_WITHOUT_PULL_SECRET);
    });

    it("the Application's ignoreDifferences name rendered kinds, names and JSON pointers", () => {
        // Written by the cluster, never rendered: the entry is right to name it, nothing can match it here.
        const SERVER_WRITTEN = new Set(["/status"]);
        for (const mode of MODES) {
            const inMode = renders.filter((r) => r.mode === mode);
            // Every environment's Application carries the same entries; an environment may switch a component off
            // (demo runs without SPIRE, so without spire-db-credentials), so each entry must match in some environment.
            for (const { declared } of inMode) {
                assert.deepEqual(declaredApplication(declared).spec.ignoreDifferences, DATA_SAFETY_IGNORE_DIFFERENCES);
            }
            for (const entry of DATA_SAFETY_IGNORE_DIFFERENCES) {
                const where = `${mode}: ${entry.group}/${entry.kind}${entry.name ? `/${entry.name}` : ""}`;
                const matching = inMode.flatMap(({ objects }) =>
                    objects.filter(
                        (o) =>
                            o.kind === entry.kind &&
                            apiGroup(o.apiVersion) === entry.group &&
                            (entry.name === undefined || o.metadata.name === entry.name),
                    ),
                );
                assert.ok(matching.length > 0, `${where} matches no rendered object`);
                const rendered = entry.jsonPointers.filter((p) => matching.some((o) => atPointer(o, p) !== undefined));
                const missing = entry.jsonPointers.filter((p) => !SERVER_WRITTEN.has(p) && !rendered.includes(p));
                // A Secret carries `data` or `stringData`: the entry names both, one of them must be there.
                const alternatives = missing.every((p) => p === "/data" || p === "/stringData") && rendered.length > 0;
                assert.ok(
                    missing.length === 0 || alternatives,
                    `${where}: ${missing.join(", ")} in no rendered object`,
                );
            }
        }
    });

    it("every value the environment branch passes is under global or the umbrella chart's dependency", () => {
        // An umbrella chart has no templates of its own: a key that is neither `global` nor a dependency's name (or
        // alias) reaches no template, so a value nested under the wrong chart key would be silently dropped.
        for (const { environment, declared, committed = {} } of renders.filter((r) => r.mode === "promoter")) {
            const chart = YAML.parse(committed["Chart.yaml"]) as { dependencies?: { name: string; alias?: string }[] };
            const keys = new Set(["global", ...(chart.dependencies ?? []).map((d) => d.alias ?? d.name)]);
            const helm = declaredApplication(declared).spec.source?.helm;
            const passed: [string, unknown][] = [
                ...(helm?.valueFiles ?? []).map((file): [string, unknown] => {
                    assert.ok(file in committed, `${environment}: ${file} is not committed`);
                    return [file, YAML.parse(committed[file])];
                }),
                ["valuesObject", helm?.valuesObject],
            ];
            for (const [name, values] of passed) {
                const stray = Object.keys(values ?? {}).filter((key) => !keys.has(key));
                assert.deepEqual(stray, [], `${environment}: ${name} holds values no chart reads`);
            }
        }
    });

    it("Argo CD's repository credential for the chart matches the chart's source as the repo-server looks it up", () => {
        for (const mode of MODES) {
            const pipeline = renders.find((r) => r.mode === mode && r.declared.config.ownsPipeline)?.declared;
            assert.ok(pipeline, mode);
            const credentials = declaredInputs(pipeline, SECRET).filter(
                (s) => s.metadata.labels?.["argocd.argoproj.io/secret-type"] === "repository",
            );
            assert.equal(
                credentials.length,
                1,
                `${mode}: the shipped pipeline stack reads the chart with a credential`,
            );
            const { stringData } = credentials[0];
            // The shape of ServiceRadar's own credential for Harbor (k8s/argocd/config/harbor-helm-repo.yaml at v1.2.27).
            assert.deepEqual(
                { type: stringData.type, url: stringData.url, enableOCI: stringData.enableOCI },
                { type: "helm", url: "registry.carverauto.dev/serviceradar/charts", enableOCI: "true" },
            );
            assert.equal(stringData.username, pipeline.config.registry.username);
            assert.equal(stringData.password, REGISTRY_TOKEN);
            // argo-cd v3.5.1 reposerver/repository/repository.go: getHelmDependencyRepos strips `oci://` from an umbrella
            // chart's dependency and getHelmRepos finds its credential by that URL; an OCI chart source by repoURL.
            const chartSources =
                mode === "promoter"
                    ? renders
                          .filter((r) => r.mode === mode)
                          .flatMap((r) => YAML.parse(r.committed?.["Chart.yaml"] ?? "").dependencies)
                          .map((d: { repository: string }) => d.repository.replace(/^oci:\/\//, ""))
                    : renders
                          .filter((r) => r.mode === mode)
                          .flatMap((r) => declaredApplication(r.declared).spec.sources ?? [])
                          .filter((source) => source.chart !== undefined)
                          .map((source) => source.repoURL);
            assert.equal(chartSources.length, 2, mode);
            for (const url of chartSources) assert.equal(url, stringData.url, mode);
        }
    });

    it("nothing the hydrator commits holds a Secret, while the chart it points to renders some", () => {
        const committedRenders = renders.filter((r) => r.committed !== undefined);
        assert.equal(committedRenders.length, 2);
        for (const { environment, committed, objects } of committedRenders) {
            for (const [file, content] of Object.entries(committed ?? {})) {
                // Any file, any nesting, block or flow style, quoted or not.
                assert.doesNotMatch(
                    content,
                    /\bkind["']?\s*:\s*["']?Secret\b/,
                    `${environment}: ${file} holds a Secret`,
                );
            }
            assert.ok(
                objects.some((o) => o.kind === "Secret"),
                `${environment}: the chart renders its Secrets`,
            );
        }
    });

    it("the vendored chart never reads the cluster's API versions, which the render leaves out", () => {
        const templates = path.join(CHART_FIXTURE, "templates");
        const readers = fs
            .readdirSync(templates)
            .filter((file) =>
                fs.readFileSync(path.join(templates, file), "utf8").includes(".Capabilities.APIVersions"),
            );
        assert.deepEqual(readers, []);
    });
});
