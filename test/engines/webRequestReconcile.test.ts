/**
 * The webrequest-reconcile tool (conformance/gate) against what gitops-promoter v0.36.0's controller does: these pin the
 * behaviours the e2e gate depends on, each from the upstream file named in the test, so a wrong mirror shows here
 * before it could make promotion/e2eGate.test.ts pass wrongly.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { CRD_ROOT } from "../support/crdValidator";
import { ACTIVE_HYDRATED_SHA_TEMPLATE, E2E_SUCCESS_EXPRESSION } from "../../promotion/promoter";
import {
    derivedApiFields,
    KubernetesObject,
    reconciled,
    reconcileWebRequest,
    ReconcileOutcome,
    StandInResponse,
} from "../support/webRequestReconcile";

const BRANCH = "environment/staging";
const OTHER = "environment/demo";
const ACTIVE_SHA = "a".repeat(40);
const T0 = "2026-01-01T00:00:00Z";

const promotionStrategy: KubernetesObject = {
    apiVersion: "promoter.argoproj.io/v1alpha1",
    kind: "PromotionStrategy",
    metadata: { name: "strategy", namespace: "promoter-system" },
    spec: {
        gitRepositoryRef: { name: "repo" },
        environments: [{ branch: BRANCH, activeCommitStatuses: [{ key: "probe" }] }, { branch: OTHER }],
    },
    status: {
        environments: [
            { branch: BRANCH, active: { hydrated: { sha: ACTIVE_SHA } }, proposed: {}, lastHealthyDryShas: [] },
            { branch: OTHER, active: { hydrated: { sha: "c".repeat(40) } }, proposed: {}, lastHealthyDryShas: [] },
        ],
    },
};

/** A WebRequestCommitStatus probing one expression or template; `spec` overrides parts of its spec. */
function probe(spec: { expression?: string; descriptionTemplate?: string; httpRequest?: object } = {}) {
    return {
        apiVersion: "promoter.argoproj.io/v1alpha1",
        kind: "WebRequestCommitStatus",
        metadata: { name: "probe", namespace: "promoter-system" },
        spec: {
            promotionStrategyRef: { name: "strategy" },
            key: "probe",
            reportOn: "active",
            descriptionTemplate: spec.descriptionTemplate ?? "{{ .Phase }}",
            httpRequest: spec.httpRequest ?? { urlTemplate: "https://example.test/", methodTemplate: "GET" },
            success: { when: { expression: spec.expression ?? "true" } },
            mode: { polling: { interval: "1m" } },
        },
    };
}

const ok = (body = "{}"): StandInResponse => ({
    branch: BRANCH,
    statusCode: 200,
    headers: { "Content-Type": ["application/json"] },
    body,
});

function run(wrcs: KubernetesObject, response: StandInResponse | null = ok()): Promise<ReconcileOutcome> {
    return reconcileWebRequest({
        now: T0,
        namespaceMetadata: { labels: { team: "release" } },
        promotionStrategy,
        webRequestCommitStatus: wrcs,
        httpResponses: response ? [response] : [],
    });
}

async function phaseOf(expression: string, response: StandInResponse = ok()): Promise<string> {
    const [status] = reconciled(await run(probe({ expression }), response)).commitStatuses;
    return status.phase;
}

async function described(descriptionTemplate: string): Promise<string> {
    const [status] = reconciled(await run(probe({ descriptionTemplate }))).commitStatuses;
    return status.description;
}

async function fails(wrcs: KubernetesObject, message: RegExp) {
    const outcome = await run(wrcs);
    assert.ok("error" in outcome, `expected the reconcile to fail, got ${JSON.stringify(outcome)}`);
    assert.match(outcome.error, message);
}

describe("webrequest-reconcile: GitOps Promoter v0.36.0's reconcile with its own engines", () => {
    describe("success.when (expr-lang v1.17.8, compiled without expr.Env: internal/webrequest/evaluator.go)", () => {
        for (const builtin of ["last", "first", "find", "filter", "map", "len", "type"]) {
            it(`a variable named ${builtin} (a builtin, builtin/builtin.go) does not compile`, async () => {
                await fails(
                    probe({ expression: `let ${builtin} = 1; true` }),
                    new RegExp(`failed to compile expression: cannot redeclare builtin ${builtin}`),
                );
            });
        }

        it("an error is wrapped as reconcile.go wraps it: one way after a request, another between polls", async () => {
            const seeded = probe({ expression: "let last = 1; true" });
            const compile =
                "failed to evaluate validation expression: failed to compile validation expression: " +
                "failed to compile expression: cannot redeclare builtin last";
            // reconcileOutcomeFromHTTPResponse, on top of resolvePhaseFromSuccessWhen and the evaluator.
            await fails(seeded, new RegExp(`^failed to evaluate validation expression: ${compile}`));
            // reconcileOutcomeWithoutNewResponse: the polling interval has not elapsed, so no request is made.
            const betweenPolls = await reconcileWebRequest({
                now: T0,
                promotionStrategy,
                webRequestCommitStatus: {
                    ...seeded,
                    status: { environments: [{ branch: BRANCH, phase: "success", lastRequestTime: T0 }] },
                },
            });
            assert.ok("error" in betweenPolls, JSON.stringify(betweenPolls));
            assert.match(betweenPolls.error, new RegExp(`^failed to evaluate success.when expression: ${compile}`));
        });

        it("between polls Response is nil (templatedata.go successWhenExprData), and fetching from it fails", async () => {
            const wrcs = {
                ...probe({ expression: "Response.StatusCode == 200" }),
                status: { environments: [{ branch: BRANCH, phase: "success", lastRequestTime: T0 }] },
            };
            const outcome = await reconcileWebRequest({ now: T0, promotionStrategy, webRequestCommitStatus: wrcs });
            assert.ok("error" in outcome);
            assert.match(outcome.error, /cannot fetch StatusCode from <nil>/);
        });

        it("the controller's data are typed structs: a field they lack fails, a missing JSON key is nil", async () => {
            await fails(probe({ expression: "PromotionStrategy.Spek != nil" }), /cannot fetch Spek from/);
            await fails(
                probe({
                    expression:
                        "find(PromotionStrategy.Status.Environments, {.Branch == Branch}).Active.Hydrated.SHA == ''",
                }),
                /cannot fetch SHA from struct \{/,
            );
            assert.strictEqual(await phaseOf("Response.Body.absent == nil"), "success");
            assert.strictEqual(
                await phaseOf("PromotionStrategy.Name == 'strategy' && WebRequestCommitStatus.Spec.Key == 'probe'"),
                "success",
                "ObjectMeta is embedded (k8s.io/apimachinery): its fields are promoted",
            );
        });

        it("the body is decoded JSON, or the raw string when it is not JSON (controller makeHTTPRequest)", async () => {
            assert.strictEqual(
                await phaseOf("type(Response.Body) == 'map' && Response.Body.n == 1", ok('{"n":1}')),
                "success",
            );
            assert.strictEqual(await phaseOf("Response.Body == '<html>'", ok("<html>")), "success");
            assert.strictEqual(await phaseOf("Response.Headers['Content-Type'][0] == 'application/json'"), "success");
        });

        it("true is success, false pending; an object's phase, pending when empty (environments.go parseSinglePhase)", async () => {
            assert.strictEqual(await phaseOf("true"), "success");
            assert.strictEqual(await phaseOf("false"), "pending");
            assert.strictEqual(await phaseOf("{phase: 'failure'}"), "failure");
            assert.strictEqual(await phaseOf("{phase: ''}"), "pending");
            assert.strictEqual(await phaseOf("{}"), "pending");
        });

        it("anything else fails the reconcile", async () => {
            await fails(probe({ expression: "{phase: 'done'}" }), /unrecognized phase "done"/);
            await fails(probe({ expression: "{defaultPhase: 'success'}" }), /got key "defaultPhase"/);
            await fails(probe({ expression: "'success'" }), /must return bool or object \{ phase \}, got string/);
        });
    });

    describe("templates (text/template + slim-sprig, internal/utils/template.go; TemplateData, templatedata.go)", () => {
        it("a field TemplateData or the API types lack fails to execute", async () => {
            await fails(
                probe({ descriptionTemplate: "{{ .ReportedSha }}" }),
                /can't evaluate field ReportedSha in type webrequest\.TemplateData/,
            );
            await fails(probe({ descriptionTemplate: "{{ .Environment }}" }), /can't evaluate field Environment/);
            await fails(
                probe({
                    descriptionTemplate: "{{ range .PromotionStrategy.Status.Environments }}{{ .Active.Sha }}{{ end }}",
                }),
                /can't evaluate field Sha in type struct \{/,
            );
        });

        it("renders Branch, Phase (the new phase for the description) and the environment's own active commit", async () => {
            assert.strictEqual(
                await described(
                    "{{ .Branch }} {{ .Phase }} {{ range .PromotionStrategy.Status.Environments }}" +
                        "{{ if eq .Branch $.Branch }}{{ .Active.Hydrated.Sha }}{{ end }}{{ end }}",
                ),
                `${BRANCH} success ${ACTIVE_SHA}`,
            );
        });

        it("has slim-sprig's functions and urlQueryEscape, but not env", async () => {
            assert.strictEqual(
                await described("{{ upper .Branch }} {{ urlQueryEscape .Branch }}"),
                `${BRANCH.toUpperCase()} environment%2Fstaging`,
            );
            await fails(probe({ descriptionTemplate: '{{ env "HOME" }}' }), /function "env" not defined/);
        });

        it("prints nil pointers, missing map keys and metav1.Duration (its generated String) as Go does", async () => {
            assert.strictEqual(
                await described(
                    "{{ (index .PromotionStrategy.Status.Environments 0).PullRequest }}|" +
                        "{{ .NamespaceMetadata.Labels.absent }}|{{ .WebRequestCommitStatus.Spec.Mode.Polling.Interval }}",
                ),
                "<nil>|<no value>|&Duration{Duration:1m0s,}",
            );
        });
    });

    describe("the reconcile (internal/webrequest/reconcile.go)", () => {
        it("sends the rendered request on the first reconcile, and none inside the polling interval", async () => {
            const first = reconciled(
                await run(
                    probe({
                        httpRequest: { urlTemplate: "https://example.test/{{ .Branch }}", methodTemplate: " post " },
                    }),
                ),
            );
            assert.deepStrictEqual(
                first.renderedRequests.map((r) => [r.method, r.url]),
                [["POST", `https://example.test/${BRANCH}`]],
            );
            const [env] = first.status.environments ?? [];
            assert.deepStrictEqual(
                [env.reportedSha, env.lastSuccessfulSha, env.lastRequestTime],
                [ACTIVE_SHA, ACTIVE_SHA, T0],
            );
            await assert.rejects(
                reconcileWebRequest({
                    now: "2026-01-01T00:00:30Z",
                    promotionStrategy,
                    webRequestCommitStatus: { ...probe(), status: first.status },
                    httpResponses: [ok()],
                }),
                /no request is made .* this reconcile/,
            );
        });

        it("refuses a case that omits the response of a request the controller sends", async () => {
            await assert.rejects(run(probe(), null), /sends a request for "environment\/staging"/);
        });

        it("refuses a declared field the promoter's types lack", async () => {
            await assert.rejects(
                run(
                    probe({
                        httpRequest: { urlTemplate: "https://example.test/", methodTemplate: "GET", bodyTemplates: "" },
                    }),
                ),
                /unknown field "bodyTemplates"/,
            );
        });
    });
});

/** An instance with every property of an OpenAPI schema set, so a strict decoder must know each one. */
function everyProperty(schema: Record<string, any>): unknown {
    if (schema.default !== undefined) return schema.default;
    if (schema.enum) return schema.enum[0];
    switch (schema.type) {
        case "object":
            if (!schema.properties) return {};
            return Object.fromEntries(
                Object.entries(schema.properties as Record<string, any>).map(([name, property]) => [
                    name,
                    name === "metadata" ? {} : everyProperty(property),
                ]),
            );
        case "array":
            return [everyProperty(schema.items)];
        case "string":
            return schema.format === "date-time" ? T0 : "x";
        case "integer":
            return 1;
        case "boolean":
            return true;
    }
    return {};
}

function crdInstance(file: string): KubernetesObject {
    const crd = YAML.parse(fs.readFileSync(path.join(CRD_ROOT, "gitops-promoter-v0.36.0", file), "utf8"));
    return everyProperty(crd.spec.versions[0].schema.openAPIV3Schema) as KubernetesObject;
}

/** The object with `bogus: 1` added at `at` (property names and array indexes). */
function withUnknownProperty(object: KubernetesObject, at: (string | number)[]): KubernetesObject {
    const copy = structuredClone(object);
    let node: any = copy;
    for (const step of at) node = node[step];
    node.bogus = 1;
    return copy;
}

describe("webrequest-reconcile's api/v1alpha1 types, derived from the vendored v0.36.0 CRDs (conformance/gate)", () => {
    const maximal = () => ({
        promotionStrategy: crdInstance("promoter.argoproj.io_promotionstrategies.yaml"),
        webRequestCommitStatus: crdInstance("promoter.argoproj.io_webrequestcommitstatuses.yaml"),
    });

    it("know every spec and status field of PromotionStrategy and WebRequestCommitStatus", async () => {
        // Decoding is strict and comes first; the maximal object then sets modes this tool does not run (trigger,
        // promotionstrategy context), so reaching that refusal proves every field decoded, each value into its Go
        // type (metav1.Time, metav1.Duration, int, apiextensionsv1.JSON, ...).
        await assert.rejects(
            reconcileWebRequest({ now: T0, ...maximal() }),
            /only polling mode in environments context/,
        );
    });

    it("refuse a property the CRD lacks at any depth: through pointers, slices, ObjectMeta and Kubernetes types", async () => {
        const places: [keyof ReturnType<typeof maximal>, (string | number)[]][] = [
            ["promotionStrategy", ["metadata"]],
            ["promotionStrategy", ["spec", "environments", 0]],
            [
                "promotionStrategy",
                ["status", "environments", 0, "history", 0, "active", "hydrated", "references", 0, "commit"],
            ],
            ["promotionStrategy", ["status", "conditions", 0]],
            ["webRequestCommitStatus", ["spec", "httpRequest", "authentication", "oauth2", "secretRef"]],
            ["webRequestCommitStatus", ["spec", "mode", "polling"]],
            ["webRequestCommitStatus", ["status", "promotionStrategyContext", "phasePerBranch", 0]],
        ];
        for (const [object, at] of places) {
            const objects = maximal();
            objects[object] = withUnknownProperty(objects[object], at);
            await assert.rejects(
                reconcileWebRequest({ now: T0, ...objects }),
                /unknown field "bogus"/,
                `${object}.${at.join(".")}`,
            );
        }
    });

    it("name the fields the e2e gate reads as its template and expression write them", async () => {
        const fields = await derivedApiFields();
        const expression = E2E_SUCCESS_EXPRESSION.replaceAll("?.", ".");
        const read: [string, string, string, string][] = [
            // [JSON path, Go selector, the gate's text, what it must contain]
            [
                "PromotionStrategy.status.environments[].branch",
                "PromotionStrategy.Status.Environments[].Branch",
                ACTIVE_HYDRATED_SHA_TEMPLATE,
                "{{ range .PromotionStrategy.Status.Environments }}{{ if eq .Branch $.Branch }}",
            ],
            [
                "PromotionStrategy.status.environments[].active.hydrated.sha",
                "PromotionStrategy.Status.Environments[].Active.Hydrated.Sha",
                ACTIVE_HYDRATED_SHA_TEMPLATE,
                "{{ .Active.Hydrated.Sha }}",
            ],
            [
                "PromotionStrategy.status.environments[].active.hydrated.sha",
                "PromotionStrategy.Status.Environments[].Active.Hydrated.Sha",
                expression,
                "find(PromotionStrategy.Status.Environments, {.Branch == Branch}); let sha = env.Active.Hydrated.Sha",
            ],
            [
                "WebRequestCommitStatus.status.environments[].branch",
                "WebRequestCommitStatus.Status.Environments[].Branch",
                expression,
                "find(WebRequestCommitStatus.Status.Environments, {.Branch == Branch})",
            ],
            [
                "WebRequestCommitStatus.status.environments[].reportedSha",
                "WebRequestCommitStatus.Status.Environments[].ReportedSha",
                expression,
                "previous.ReportedSha == sha",
            ],
        ];
        for (const [jsonPath, selector, text, usage] of read) {
            assert.strictEqual(fields[jsonPath]?.selector, selector, jsonPath);
            assert.strictEqual(fields[jsonPath].type, "string", jsonPath);
            assert.ok(text.replaceAll("\n", " ").includes(usage), `the gate reads ${selector} as ${usage}`);
        }
    });

    it("take upstream's Go names, pointers and types where the schema does not say them (the exception table)", async () => {
        const fields = await derivedApiFields();
        const derived = (jsonPath: string) => fields[jsonPath] ?? assert.fail(`no field ${jsonPath}`);
        const expected: [string, string, string][] = [
            // Names that are not the JSON name capitalised: promotionstrategy_types.go, changetransferpolicy_types.go,
            // webrequestcommitstatus_types.go, httpauth_types.go at v0.36.0.
            ["PromotionStrategy.spec.gitRepositoryRef", "PromotionStrategy.Spec.RepositoryReference", "struct"],
            [
                "PromotionStrategy.status.environments[].pullRequest.id",
                "PromotionStrategy.Status.Environments[].PullRequest.ID",
                "string",
            ],
            [
                "PromotionStrategy.status.environments[].pullRequest.prCreationTime",
                "PromotionStrategy.Status.Environments[].PullRequest.PRCreationTime",
                "v1.Time",
            ],
            [
                "WebRequestCommitStatus.spec.httpRequest.urlTemplate",
                "WebRequestCommitStatus.Spec.HTTPRequest.URLTemplate",
                "string",
            ],
            ["WebRequestCommitStatus.spec.urlTemplate", "WebRequestCommitStatus.Spec.UrlTemplate", "string"],
            [
                "WebRequestCommitStatus.spec.httpRequest.authentication.oauth2",
                "WebRequestCommitStatus.Spec.HTTPRequest.Authentication.OAuth2",
                "*struct",
            ],
            // Pointers (nil when absent) and types the schema leaves open.
            [
                "PromotionStrategy.status.environments[].pullRequest",
                "PromotionStrategy.Status.Environments[].PullRequest",
                "*struct",
            ],
            [
                "PromotionStrategy.status.environments[].active",
                "PromotionStrategy.Status.Environments[].Active",
                "struct",
            ],
            [
                "PromotionStrategy.status.environments[].active.note",
                "PromotionStrategy.Status.Environments[].Active.Note",
                "*struct",
            ],
            [
                "WebRequestCommitStatus.spec.mode.polling.interval",
                "WebRequestCommitStatus.Spec.Mode.Polling.Interval",
                "v1.Duration",
            ],
            [
                "WebRequestCommitStatus.status.environments[].phase",
                "WebRequestCommitStatus.Status.Environments[].Phase",
                "v1alpha1.CommitStatusPhase",
            ],
            [
                "WebRequestCommitStatus.status.environments[].lastResponseStatusCode",
                "WebRequestCommitStatus.Status.Environments[].LastResponseStatusCode",
                "*int",
            ],
            [
                "WebRequestCommitStatus.status.environments[].responseOutput",
                "WebRequestCommitStatus.Status.Environments[].ResponseOutput",
                "*v1.JSON",
            ],
            [
                "WebRequestCommitStatus.status.observedGeneration",
                "WebRequestCommitStatus.Status.ObservedGeneration",
                "int64",
            ],
        ];
        for (const [jsonPath, selector, type] of expected) {
            assert.deepStrictEqual(derived(jsonPath), { selector, type }, jsonPath);
        }
    });

    it("keep CommitStatusPhase a named string: unequal to a literal in expr (runtime.Equal), equal in eq", async () => {
        const wrcs = (spec: Parameters<typeof probe>[0]) => ({
            ...probe(spec),
            status: { environments: [{ branch: BRANCH, phase: "success", lastRequestTime: T0 }] },
        });
        const previous = "find(WebRequestCommitStatus.Status.Environments, {.Branch == Branch}).Phase";
        const phase = async (expression: string) => {
            const outcome = reconciled(
                await reconcileWebRequest({ now: T0, promotionStrategy, webRequestCommitStatus: wrcs({ expression }) }),
            );
            return outcome.commitStatuses[0].phase;
        };
        assert.strictEqual(await phase(`${previous} == 'success'`), "pending");
        assert.strictEqual(await phase(`string(${previous}) == 'success'`), "success");
        const described = reconciled(
            await reconcileWebRequest({
                now: T0,
                promotionStrategy,
                webRequestCommitStatus: wrcs({
                    descriptionTemplate:
                        '{{ range .WebRequestCommitStatus.Status.Environments }}{{ eq .Phase "success" }}{{ end }}',
                }),
            }),
        );
        assert.strictEqual(described.commitStatuses[0].description, "true");
    });
});
