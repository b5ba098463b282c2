import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { PROMOTER_APPLICATION_NAME } from "../../config/names";
import { PROMOTER_CRD_PLURALS, PROMOTER_IMAGE, promoterCrdName } from "../../promotion/promoter";
import { WORKLOAD_KINDS, workloadContainers, type WorkloadKind } from "../../policies/lib/workloads";
import type { ApplicationManifest } from "../../environment/argocd";
import { planJson, type PlanJson, type PlannedResourceJson } from "../support/plan";
import { judgeWaitFor } from "../support/waitFor";
import type { RenderedObject } from "./chartRender";
import {
    checkoutPromoterConfig,
    gitBlobId,
    PROMOTER_CONFIG_TAG,
    renderKustomizeSource,
    upstreamConfigListing,
    type KustomizeRender,
} from "./kustomizeRender";

// The pipeline stack's GitOps Promoter install (an Argo CD Application of the promoter's `config/release` at the tag),
// rendered by the kustomize Argo CD v3.5.1 runs, exactly as its repo-server's `Build` runs it (kustomizeRender.ts), from
// the vendored `config/` tree of the tag; then judged on what renders.

const PIPELINE_STACK = "demo-staging";
const APPLICATION = "kubernetes:argoproj.io/v1alpha1:Application";
const PROMOTER_GROUP = "promoter.argoproj.io";
/** The auth proxy in front of `/metrics`, pinned by upstream's `config/default/manager_auth_proxy_patch.yaml`. */
const AUTH_PROXY_IMAGE = "quay.io/brancz/kube-rbac-proxy:v0.22.1";
/** Kinds the API server serves cluster-wide: Argo CD gives them no namespace. */
const CLUSTER_SCOPED = new Set(["Namespace", "CustomResourceDefinition", "ClusterRole", "ClusterRoleBinding"]);

function promoterInstall(plan: PlanJson): ApplicationManifest {
    const installs = plan.resources.filter(
        (r) => r.type === APPLICATION && r.inputs.metadata?.name === PROMOTER_APPLICATION_NAME,
    );
    assert.equal(installs.length, 1, `${plan.stack} declares one ${PROMOTER_APPLICATION_NAME} Application`);
    return installs[0].inputs as ApplicationManifest;
}

/** The Application's source rendered over a fresh checkout of the vendored tag. */
async function render(install: ApplicationManifest): Promise<KustomizeRender> {
    const source = install.spec.source;
    assert.ok(source, "a single source");
    const { root } = checkoutPromoterConfig();
    try {
        return await renderKustomizeSource(root, source);
    } finally {
        fs.rmSync(root, { recursive: true, force: true });
    }
}

/** The promoter objects (ScmProvider, GitRepository, PromotionStrategy, ...) the plan declares. */
function promoterObjects(plan: PlanJson): PlannedResourceJson[] {
    return plan.resources.filter((r) => String(r.inputs.apiVersion ?? "").startsWith(`${PROMOTER_GROUP}/`));
}

/** The image of every container, init container and ephemeral container of each rendered workload, by `Kind/name`. */
function workloadImages(objects: RenderedObject[]): Record<string, string[]> {
    const images: Record<string, string[]> = {};
    for (const object of objects) {
        if (!(WORKLOAD_KINDS as readonly string[]).includes(object.kind)) continue;
        const containers = workloadContainers(object.kind as WorkloadKind, object);
        images[`${object.kind}/${object.metadata.name}`] = containers.map((container) => String(container.image));
    }
    return images;
}

function imagesOf(objects: RenderedObject[]): string[] {
    return Object.values(workloadImages(objects)).flat();
}

describe("the promoter's install, rendered by kustomize 5.8.1 as Argo CD v3.5.1 renders it", () => {
    let plan: PlanJson;
    let install: ApplicationManifest;
    let rendered: KustomizeRender;

    before(async () => {
        plan = await planJson(PIPELINE_STACK);
        install = promoterInstall(plan);
        rendered = await render(install);
    });

    it("renders the tag the vendored tree is, the way Argo CD's Build runs kustomize", () => {
        const source = install.spec.source!;
        assert.equal(source.repoURL, "https://github.com/argoproj-labs/gitops-promoter.git");
        assert.equal(source.targetRevision, PROMOTER_CONFIG_TAG, "the revision Argo CD checks out is the vendored one");
        assert.deepEqual(rendered.commands, [
            { dir: "config/release", args: ["edit", "set", "image", `${PROMOTER_IMAGE}=${PROMOTER_IMAGE}:v0.36.0`] },
            { dir: "config/release", args: ["edit", "set", "namespace", "--", "promoter-system"] },
            { dir: ".", args: ["build", "./config/release"] },
        ]);
    });

    it("the checkout is the promoter's config/ at the tag, byte for byte, with every file config/release needs", () => {
        const listing = upstreamConfigListing();
        const { root, files } = checkoutPromoterConfig();
        try {
            for (const file of files) {
                assert.equal(
                    gitBlobId(fs.readFileSync(path.join(root, file))),
                    listing.get(file),
                    `${file} at the tag`,
                );
            }
        } finally {
            fs.rmSync(root, { recursive: true, force: true });
        }
        // Only what config/release reads is vendored (the render fails without any of it): not the dashboard
        // apiserver, the samples, prometheus, nor the rbac files no kustomization lists.
        assert.ok(files.includes(`${install.spec.source?.path}/kustomization.yaml`));
    });

    it("runs the controller at v<promoterVersion> in every container, and nothing renders :latest", () => {
        const images = workloadImages(rendered.objects);
        assert.deepEqual(images, {
            "Deployment/promoter-controller-manager": [`${PROMOTER_IMAGE}:v0.36.0`, AUTH_PROXY_IMAGE],
        });
        const latest = imagesOf(rendered.objects).filter(
            (image) => !/[:@][^/]+$/.test(image) || image.endsWith(":latest"),
        );
        assert.deepEqual(latest, [], "an image without a tag is :latest too");
    });

    it("follows promoterVersion: another release renders its own image", async () => {
        // The vendored tree is v0.36.0's; only the images entry of the other release's Application is rendered over it.
        const other = promoterInstall(await planJson(PIPELINE_STACK, "promoterVersion=0.37.1"));
        assert.equal(other.spec.source?.targetRevision, "v0.37.1");
        const images = imagesOf(
            (
                await render({
                    ...other,
                    spec: { ...other.spec, source: { ...other.spec.source!, targetRevision: PROMOTER_CONFIG_TAG } },
                })
            ).objects,
        );
        assert.deepEqual(
            images.filter((image) => image.startsWith(`${PROMOTER_IMAGE}:`)),
            [`${PROMOTER_IMAGE}:v0.37.1`],
        );
    });

    it("renders the CRD of every promoter kind the program declares, and each CRD the install waits for", () => {
        const crds = rendered.objects.filter((o) => o.kind === "CustomResourceDefinition");
        const planned = promoterObjects(plan);
        assert.ok(planned.length > 0, "the pipeline stack declares promoter objects");
        const kinds = new Set([...Object.keys(PROMOTER_CRD_PLURALS), ...planned.map((r) => String(r.inputs.kind))]);
        for (const kind of kinds) {
            const crd = crds.find((c) => c.metadata.name === promoterCrdName(kind));
            assert.ok(crd, `the install renders ${promoterCrdName(kind)}`);
            assert.equal(crd.spec.names.kind, kind);
            assert.equal(crd.spec.scope, "Namespaced");
            for (const object of planned.filter((r) => r.inputs.kind === kind)) {
                const version = String(object.inputs.apiVersion).split("/")[1];
                assert.ok(
                    crd.spec.versions.some((v: { name: string; served: boolean }) => v.name === version && v.served),
                    `${kind} ${version} is served`,
                );
            }
        }
        const waitFor = JSON.parse(install.metadata.annotations?.["pulumi.com/waitFor"] ?? "[]") as string[];
        const awaited = waitFor.flatMap((c) => [...c.matchAll(/@\.name=="([^"]+)"/g)].map((m) => m[1]));
        assert.ok(awaited.length > 0);
        for (const name of awaited)
            assert.ok(
                crds.some((c) => c.metadata.name === name),
                `${name} renders`,
            );
    });

    it("puts the install in the namespace Argo CD syncs to, where the program's promoter objects are", () => {
        assert.equal(install.spec.destination.namespace, "promoter-system");
        assertOneNamespace(plan, install, rendered.objects);
    });

    describe("its pulumi.com/waitFor, judged by pulumi-kubernetes' JSONPath engine against the install's status", () => {
        const waitFor = () => install.metadata.annotations?.["pulumi.com/waitFor"] ?? "";
        const satisfied = async (application: object) => {
            const answer = await judgeWaitFor(waitFor(), [application]);
            assert.equal(answer.error, undefined, answer.error);
            return answer.results![0];
        };

        it("parses every condition as the provider does", async () => {
            const entries = JSON.parse(waitFor()) as string[];
            const answer = await judgeWaitFor(waitFor(), []);
            assert.equal(answer.error, undefined, answer.error);
            assert.deepEqual(
                answer.conditions,
                entries.map((entry) => entry.replace(/^jsonpath=/, "")),
            );
        });

        it("is satisfied once the rendered install is synced and healthy and runs the pinned image", async () => {
            const result = await satisfied(syncedApplication(install, rendered.objects));
            assert.ok(result.satisfied, JSON.stringify(result.conditions, null, 1));
        });

        it("is not satisfied while the install runs :latest", async () => {
            const { kustomize: _images, ...untagged } = install.spec.source!;
            const latest = await render({ ...install, spec: { ...install.spec, source: untagged } });
            assert.ok(imagesOf(latest.objects).includes(`${PROMOTER_IMAGE}:latest`));
            const result = await satisfied(syncedApplication(install, latest.objects));
            assert.ok(!result.satisfied);
            assert.deepEqual(
                result.conditions.filter((c) => !c.matched).map((c) => c.condition),
                [`{.status.summary.images[?(@=="${PROMOTER_IMAGE}:v0.36.0")]}=${PROMOTER_IMAGE}:v0.36.0`],
            );
        });

        it("is not satisfied while the install is OutOfSync or not Healthy", async () => {
            const application = syncedApplication(install, rendered.objects);
            for (const [field, status] of [
                ["sync", "OutOfSync"],
                ["health", "Progressing"],
                ["health", "Degraded"],
            ]) {
                const result = await satisfied({
                    ...application,
                    status: { ...application.status, [field]: { status } },
                });
                assert.ok(!result.satisfied, `${field} ${status}`);
            }
        });

        it("is not satisfied while a CRD the objects need is missing or not synced", async () => {
            const application = syncedApplication(install, rendered.objects);
            const kinds = new Set(promoterObjects(plan).map((r) => String(r.inputs.kind)));
            assert.ok(kinds.size > 1);
            for (const kind of kinds) {
                const crd = promoterCrdName(kind);
                const without = application.status.resources.filter((r) => r.name !== crd);
                assert.equal(without.length, application.status.resources.length - 1, crd);
                const outOfSync = application.status.resources.map((r) =>
                    r.name === crd ? { ...r, status: "OutOfSync" } : r,
                );
                for (const resources of [without, outOfSync]) {
                    const result = await satisfied({ ...application, status: { ...application.status, resources } });
                    assert.ok(!result.satisfied, `${crd} missing or OutOfSync`);
                }
            }
        });
    });

    it("moves the whole install with promoterNamespace", async () => {
        const moved = await planJson(PIPELINE_STACK, "promoterNamespace=promoter");
        const movedInstall = promoterInstall(moved);
        assert.equal(movedInstall.spec.destination.namespace, "promoter");
        assertOneNamespace(moved, movedInstall, (await render(movedInstall)).objects);
    });
});

/**
 * The Application as Argo CD v3.5.1's controller reports it once the rendered objects are synced and healthy
 * (`pkg/apis/application/v1alpha1/types.go`): a `status.resources` entry per object (`ResourceStatus`), and
 * `summary.images` the sorted set of the images of the tree's Pods (`ApplicationTree.GetSummary`; a Pod's images are
 * its containers' and init containers', `controller/cache/info.go` `populatePodInfo`), which run the workloads' pod
 * templates. The Application has no `status.observedGeneration`.
 */
function syncedApplication(install: ApplicationManifest, objects: RenderedObject[]) {
    const resources = objects.map((o) => {
        const [group, version] = o.apiVersion.includes("/") ? o.apiVersion.split("/") : ["", o.apiVersion];
        return {
            ...(group ? { group } : {}),
            version,
            kind: o.kind,
            ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}),
            name: String(o.metadata.name),
            status: "Synced",
        };
    });
    return {
        ...install,
        metadata: { ...install.metadata, generation: 1 },
        status: {
            sync: { status: "Synced", revision: "0".repeat(40) },
            health: { status: "Healthy" },
            resources,
            summary: { images: [...new Set(imagesOf(objects))].sort() },
        },
    };
}

/**
 * The destination namespace is the install's: every namespaced object renders there (Argo CD gives the destination
 * only to objects without one), the Namespace object is that one and RBAC names the controller's account there; the
 * program's promoter objects and their GitHub App secret are there too.
 */
function assertOneNamespace(plan: PlanJson, install: ApplicationManifest, objects: RenderedObject[]): void {
    const namespace = install.spec.destination.namespace;
    const misplaced = objects
        .filter((o) => !CLUSTER_SCOPED.has(o.kind) && o.metadata.namespace !== namespace)
        .map((o) => `${o.kind}/${o.metadata.name} in ${o.metadata.namespace}`);
    assert.deepEqual(misplaced, [], `namespaced objects outside ${namespace}`);
    assert.deepEqual(
        objects.filter((o) => o.kind === "Namespace").map((o) => o.metadata.name),
        [namespace],
    );
    const subjects = objects
        .filter((o) => o.kind === "RoleBinding" || o.kind === "ClusterRoleBinding")
        .flatMap((o) => o.subjects ?? [])
        .filter((s: { kind: string }) => s.kind === "ServiceAccount");
    assert.ok(subjects.length > 0);
    for (const subject of subjects) assert.equal(subject.namespace, namespace, subject.name);
    const promoterSide = [
        ...promoterObjects(plan),
        ...plan.resources.filter(
            (r) => r.type === "kubernetes:core/v1:Secret" && r.inputs.metadata?.name === "serviceradar-github-app",
        ),
    ];
    assert.ok(promoterSide.length > 1);
    for (const r of promoterSide) assert.equal(r.inputs.metadata.namespace, namespace, r.name);
}
