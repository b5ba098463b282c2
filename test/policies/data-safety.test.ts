import { strict as assert } from "node:assert";
import {
    application,
    chartApplication,
    CNPG_IGNORE_DIFFERENCES,
    details,
    hydratorApplication,
    namespace,
    PROTECTED,
    SYNC_OPTIONS,
    violationsOf,
} from "./fixtures";

const POLICY = "data-safety";
const UNPROTECTED = { protect: false, retainOnDelete: false };

describe(`policy ${POLICY}`, () => {
    it("accepts a protected Application and Namespace with the CNPG settings", async () => {
        assert.deepEqual(await violationsOf(POLICY, [namespace("demo"), chartApplication("1.2.27")]), []);
        assert.deepEqual(await violationsOf(POLICY, [namespace("demo"), hydratorApplication("v1.2.27")]), []);
    });

    it("requires the CNPG ignoreDifferences, spread over entries or not", async () => {
        const missing = chartApplication("1.2.27", undefined, {
            spec: { ignoreDifferences: [CNPG_IGNORE_DIFFERENCES[0]] },
        });
        const violations = await violationsOf(POLICY, [missing]);
        assert.equal(violations.length, 1);
        assert.equal(violations[0].resource, missing.urn);
        assert.match(
            details(violations)[0],
            /does not ignore \/spec\/instances, \/spec\/storage\/size of postgresql\.cnpg\.io\/Cluster/,
        );

        const half = chartApplication("1.2.27", undefined, {
            spec: {
                ignoreDifferences: [
                    { group: "postgresql.cnpg.io", kind: "Cluster", jsonPointers: ["/spec/instances"] },
                ],
            },
        });
        assert.match(details(await violationsOf(POLICY, [half]))[0], /does not ignore \/spec\/storage\/size of/);

        const split = chartApplication("1.2.27", undefined, {
            spec: {
                ignoreDifferences: [
                    { group: "postgresql.cnpg.io", kind: "Cluster", jsonPointers: ["/spec/instances"] },
                    { group: "postgresql.cnpg.io", kind: "Cluster", jsonPointers: ["/spec/storage/size"] },
                ],
            },
        });
        assert.deepEqual(await violationsOf(POLICY, [split]), []);

        const wrongGroup = chartApplication("1.2.27", undefined, {
            spec: {
                ignoreDifferences: [
                    {
                        group: "postgresql.cnpg.io",
                        kind: "Pooler",
                        jsonPointers: ["/spec/instances", "/spec/storage/size"],
                    },
                ],
            },
        });
        assert.equal((await violationsOf(POLICY, [wrongGroup])).length, 1);
    });

    it("requires PrunePropagationPolicy=foreground and RespectIgnoreDifferences=true", async () => {
        const background = chartApplication("1.2.27", undefined, {
            spec: { syncPolicy: { syncOptions: ["PrunePropagationPolicy=background"] } },
        });
        assert.deepEqual(details(await violationsOf(POLICY, [background])), [
            'Application "serviceradar-demo" sets "PrunePropagationPolicy=background" in spec.syncPolicy.syncOptions: prunes must wait for dependants (foreground), or volumes and database objects can be orphaned or lost. Add "PrunePropagationPolicy=foreground".',
            'Application "serviceradar-demo" does not set RespectIgnoreDifferences=true in spec.syncPolicy.syncOptions: without it a sync re-applies the ignored CNPG fields. Add "RespectIgnoreDifferences=true".',
        ]);
        const none = chartApplication("1.2.27", undefined, { spec: { syncPolicy: {} } });
        assert.equal((await violationsOf(POLICY, [none])).length, 2);
        assert.deepEqual(
            await violationsOf(POLICY, [
                chartApplication("1.2.27", undefined, { spec: { syncPolicy: { syncOptions: SYNC_OPTIONS } } }),
            ]),
            [],
        );
    });

    it("requires the Application to be protected; an unprotected finalizer would cascade into the database", async () => {
        const app = chartApplication("1.2.27", undefined, { options: UNPROTECTED });
        const violations = await violationsOf(POLICY, [app]);
        assert.equal(violations.length, 1);
        assert.equal(violations[0].resource, app.urn);
        assert.match(
            details(violations)[0],
            /is not protected.*resources-finalizer\.argocd\.argoproj\.io finalizer would cascade/,
        );

        const noFinalizer = chartApplication("1.2.27", undefined, { options: UNPROTECTED, finalizers: [] });
        const plain = details(await violationsOf(POLICY, [noFinalizer]));
        assert.equal(plain.length, 1);
        assert.doesNotMatch(plain[0], /finalizer/);
    });

    it("requires the Namespace the Application deploys into to be protected, not other namespaces", async () => {
        const ns = namespace("demo", UNPROTECTED);
        const violations = await violationsOf(POLICY, [
            ns,
            namespace("promoter-system", UNPROTECTED),
            chartApplication("1.2.27"),
        ]);
        assert.equal(violations.length, 1);
        assert.equal(violations[0].resource, ns.urn);
        assert.match(
            details(violations)[0],
            /^Namespace "demo", where Application "serviceradar-demo" runs the database, is not protected/,
        );
    });

    it("with requireProtection false, lets a disposable stack go unprotected but still checks the CNPG settings", async () => {
        const config = { requireProtection: false };
        const app = chartApplication("1.2.27", undefined, { options: UNPROTECTED });
        assert.deepEqual(await violationsOf(POLICY, [namespace("demo", UNPROTECTED), app], config), []);
        const careless = chartApplication("1.2.27", undefined, {
            options: UNPROTECTED,
            spec: { ignoreDifferences: [] },
        });
        assert.equal((await violationsOf(POLICY, [careless], config)).length, 1);
        assert.deepEqual(PROTECTED, { protect: true, retainOnDelete: true });
    });

    it("checks only the Applications selected by applicationLabels", async () => {
        const promoter = application(
            {
                source: {
                    repoURL: "https://github.com/argoproj-labs/gitops-promoter.git",
                    path: "dist",
                    targetRevision: "v0.36.0",
                },
            },
            {
                name: "gitops-promoter",
                labels: {},
                spec: { ignoreDifferences: [], syncPolicy: { syncOptions: [] } },
                options: UNPROTECTED,
            },
        );
        assert.equal((await violationsOf(POLICY, [promoter])).length, 4);
        const selector = { applicationLabels: { "app.kubernetes.io/part-of": "serviceradar-release" } };
        assert.deepEqual(await violationsOf(POLICY, [promoter, chartApplication("1.2.27")], selector), []);
        const unsafe = chartApplication("1.2.27", undefined, { options: UNPROTECTED });
        assert.equal((await violationsOf(POLICY, [promoter, unsafe], selector)).length, 1);
    });
});

describe(`policy ${POLICY}: exact findings and odd inputs`, () => {
    const unprotected = { protect: false, retainOnDelete: false };

    it("says which CNPG fields are not ignored and how to add them", async () => {
        const app = chartApplication("1.2.27", undefined, {
            spec: {
                ignoreDifferences: [
                    "junk",
                    { group: "apps", kind: "Cluster", jsonPointers: ["/spec/instances"] },
                    { group: "postgresql.cnpg.io", kind: "Cluster", jsonPointers: [5, "/spec/storage/size//"] },
                ],
            },
        });
        assert.deepEqual(details(await violationsOf(POLICY, [app])), [
            'Application "serviceradar-demo" does not ignore /spec/instances of postgresql.cnpg.io/Cluster: Argo CD would fight the CNPG operator over them (scaling or shrinking the database). Add ignoreDifferences {group: postgresql.cnpg.io, kind: Cluster, jsonPointers: [/spec/instances, /spec/storage/size]}.',
        ]);
    });

    it("skips sync options that are not strings when it names the one set instead", async () => {
        const app = chartApplication("1.2.27", undefined, {
            spec: { syncPolicy: { syncOptions: [5, "RespectIgnoreDifferences=true"] } },
        });
        assert.match(
            details(await violationsOf(POLICY, [app]))[0],
            /does not set PrunePropagationPolicy=foreground in/,
        );
    });

    it("says an unprotected Application without the finalizer is deleted by a destroy", async () => {
        const app = chartApplication("1.2.27", undefined, { options: unprotected, finalizers: [] });
        delete (app.inputs.metadata as Record<string, unknown>).finalizers;
        assert.deepEqual(details(await violationsOf(POLICY, [app])), [
            'Application "serviceradar-demo" is not protected: a destroy or a removal from the program deletes it. Declare it with protect: true and retainOnDelete: true (stack config protect=true).',
        ]);
    });

    it("says how to protect the Namespace the database lives in", async () => {
        assert.deepEqual(
            details(await violationsOf(POLICY, [namespace("demo", unprotected), chartApplication("1.2.27")])),
            [
                'Namespace "demo", where Application "serviceradar-demo" runs the database, is not protected: deleting it deletes the database and its volumes. Declare it with protect: true and retainOnDelete: true.',
            ],
        );
    });

    it("judges only Namespaces, and only the one named as the destination", async () => {
        const configMap = { ...namespace("demo", unprotected), type: "kubernetes:core/v1:ConfigMap" };
        assert.deepEqual(await violationsOf(POLICY, [configMap, chartApplication("1.2.27")]), []);
        const nameless = namespace("x", unprotected);
        delete (nameless.inputs.metadata as Record<string, unknown>).name;
        const noDestination = chartApplication("1.2.27", undefined, { spec: { destination: {} } });
        assert.deepEqual(await violationsOf(POLICY, [nameless, noDestination]), []);
    });

    it("does not select an Application without labels when labels are required", async () => {
        const app = chartApplication("1.2.27", undefined, { options: unprotected });
        delete (app.inputs.metadata as Record<string, unknown>).labels;
        const selector = { applicationLabels: { "app.kubernetes.io/part-of": "serviceradar-release" } };
        assert.deepEqual(await violationsOf(POLICY, [app], selector), []);
    });
});
