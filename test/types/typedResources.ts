// Compiled by the whole-project type check (test/typecheck.test.ts), not run: every misspelt field below must fail to
// compile on the line after its `@ts-expect-error` (tsc reports an unused directive otherwise), and the valid objects
// must compile clean. The custom resources are typed by models generated from the vendored CRDs
// (src/generated/README.md).
import type { ApplicationManifest } from "../../environment/argocd";
import type {
    ArgoCDCommitStatus,
    GitRepository,
    PromoterObject,
    PromotionStrategy,
    ScmProvider,
    TimedCommitStatus,
    WebRequestCommitStatus,
} from "../../promotion/promoter";

const metadata = { name: "x", namespace: "promoter-system" };
const promoter = "promoter.argoproj.io/v1alpha1" as const;
const application = { apiVersion: "argoproj.io/v1alpha1", kind: "Application", metadata: { name: "x" } } as const;

export const validPromotionStrategy: PromoterObject[] = [
    {
        apiVersion: promoter,
        kind: "PromotionStrategy",
        metadata,
        spec: {
            gitRepositoryRef: { name: "r" },
            activeCommitStatuses: [{ key: "k" }],
            environments: [{ branch: "environment/a", autoMerge: true, activeCommitStatuses: [{ key: "e" }] }],
        },
    },
];

export const validMultiSourceApplication: ApplicationManifest = {
    ...application,
    spec: {
        project: "default",
        destination: { server: "https://kubernetes.default.svc", namespace: "n" },
        sources: [
            {
                repoURL: "oci://r",
                chart: "c",
                targetRevision: "1",
                helm: { releaseName: "c", valueFiles: ["$values/v.yaml"] },
            },
            { repoURL: "https://github.com/o/v.git", targetRevision: "main", ref: "values" },
        ],
        syncPolicy: {
            automated: { prune: false, selfHeal: true, allowEmpty: false },
            syncOptions: ["CreateNamespace=true"],
        },
    },
};

export const misspelt = {
    activeCommitStatus: (): PromotionStrategy => ({
        apiVersion: promoter,
        kind: "PromotionStrategy",
        metadata,
        spec: {
            gitRepositoryRef: { name: "r" },
            // @ts-expect-error activeCommitStatus is not a field: activeCommitStatuses
            activeCommitStatus: [{ key: "k" }],
            environments: [],
        },
    }),
    automerge: (): PromotionStrategy => ({
        apiVersion: promoter,
        kind: "PromotionStrategy",
        metadata,
        // @ts-expect-error automerge is not a field: autoMerge
        spec: { gitRepositoryRef: { name: "r" }, environments: [{ branch: "b", automerge: true }] },
    }),
    appId: (): ScmProvider => ({
        apiVersion: promoter,
        kind: "ScmProvider",
        metadata,
        // @ts-expect-error appId is not a field: appID
        spec: { secretRef: { name: "s" }, github: { appId: 1, installationID: 2 } },
    }),
    wrongKind: (): GitRepository => ({
        apiVersion: promoter,
        // @ts-expect-error the model's kind is GitRepository
        kind: "GitRepositories",
        metadata,
        spec: { github: { owner: "o", name: "n" }, scmProviderRef: { kind: "ScmProvider", name: "p" } },
    }),
    matchLabel: (): ArgoCDCommitStatus => ({
        apiVersion: promoter,
        kind: "ArgoCDCommitStatus",
        metadata,
        // @ts-expect-error matchLabel is not a field: matchLabels
        spec: { promotionStrategyRef: { name: "p" }, key: "k", applicationSelector: { matchLabel: { a: "b" } } },
    }),
    headerTemplate: (): WebRequestCommitStatus => ({
        apiVersion: promoter,
        kind: "WebRequestCommitStatus",
        metadata,
        spec: {
            promotionStrategyRef: { name: "p" },
            key: "k",
            descriptionTemplate: "d",
            urlTemplate: "u",
            // @ts-expect-error headerTemplate is not a field: headerTemplates
            httpRequest: { urlTemplate: "u", methodTemplate: "POST", headerTemplate: { a: "b" } },
            success: { when: { expression: "true" } },
            mode: { polling: {} },
        },
    }),
    durations: (): TimedCommitStatus => ({
        apiVersion: promoter,
        kind: "TimedCommitStatus",
        metadata,
        // @ts-expect-error durations is not a field: duration
        spec: { promotionStrategyRef: { name: "p" }, environments: [{ branch: "b", durations: "1h" }] },
    }),
    selfHeel: (): ApplicationManifest => ({
        ...application,
        // @ts-expect-error selfHeel is not a field: selfHeal
        spec: { project: "p", destination: {}, syncPolicy: { automated: { prune: true, selfHeel: true } } },
    }),
    refs: (): ApplicationManifest => ({
        ...application,
        // @ts-expect-error refs is not a field: ref
        spec: { project: "p", destination: {}, sources: [{ repoURL: "https://github.com/o/v.git", refs: "values" }] },
    }),
    unnamed: (): ApplicationManifest => ({
        apiVersion: "argoproj.io/v1alpha1",
        kind: "Application",
        // @ts-expect-error metadata.name is required
        metadata: { namespace: "argocd" },
        spec: { project: "p", destination: {} },
    }),
};

/** The same objects spelt right compile clean: each directive above is met by its misspelling and nothing else. */
export const speltRight = {
    activeCommitStatuses: (): PromotionStrategy => ({
        apiVersion: promoter,
        kind: "PromotionStrategy",
        metadata,
        spec: { gitRepositoryRef: { name: "r" }, activeCommitStatuses: [{ key: "k" }], environments: [] },
    }),
    autoMerge: (): PromotionStrategy => ({
        apiVersion: promoter,
        kind: "PromotionStrategy",
        metadata,
        spec: { gitRepositoryRef: { name: "r" }, environments: [{ branch: "b", autoMerge: true }] },
    }),
    appID: (): ScmProvider => ({
        apiVersion: promoter,
        kind: "ScmProvider",
        metadata,
        spec: { secretRef: { name: "s" }, github: { appID: 1, installationID: 2 } },
    }),
    kind: (): GitRepository => ({
        apiVersion: promoter,
        kind: "GitRepository",
        metadata,
        spec: { github: { owner: "o", name: "n" }, scmProviderRef: { kind: "ScmProvider", name: "p" } },
    }),
    matchLabels: (): ArgoCDCommitStatus => ({
        apiVersion: promoter,
        kind: "ArgoCDCommitStatus",
        metadata,
        spec: { promotionStrategyRef: { name: "p" }, key: "k", applicationSelector: { matchLabels: { a: "b" } } },
    }),
    headerTemplates: (): WebRequestCommitStatus => ({
        apiVersion: promoter,
        kind: "WebRequestCommitStatus",
        metadata,
        spec: {
            promotionStrategyRef: { name: "p" },
            key: "k",
            descriptionTemplate: "d",
            urlTemplate: "u",
            httpRequest: { urlTemplate: "u", methodTemplate: "POST", headerTemplates: { a: "b" } },
            success: { when: { expression: "true" } },
            mode: { polling: {} },
        },
    }),
    duration: (): TimedCommitStatus => ({
        apiVersion: promoter,
        kind: "TimedCommitStatus",
        metadata,
        spec: { promotionStrategyRef: { name: "p" }, environments: [{ branch: "b", duration: "1h" }] },
    }),
    selfHeal: (): ApplicationManifest => ({
        ...application,
        spec: { project: "p", destination: {}, syncPolicy: { automated: { prune: true, selfHeal: true } } },
    }),
    ref: (): ApplicationManifest => ({
        ...application,
        spec: { project: "p", destination: {}, sources: [{ repoURL: "https://github.com/o/v.git", ref: "values" }] },
    }),
    named: (): ApplicationManifest => ({
        apiVersion: "argoproj.io/v1alpha1",
        kind: "Application",
        metadata: { name: "x", namespace: "argocd" },
        spec: { project: "p", destination: {} },
    }),
};
