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
