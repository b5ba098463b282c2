import * as assert from "assert";
import { parseReleaseConfig } from "../config/config";
import { E2E_SUCCESS_EXPRESSION, PromoterObject } from "./promoter";
import { planRelease } from "../program/releasePlan";
import { mapSource, validValues } from "../test/support/configSource";
import { evaluateExpr, goStruct, promoterSuccessPhase } from "../test/support/exprLang";
import { executeGoTemplate, promoterSuccessWhenEnv, promoterTemplateData } from "../test/support/goTemplate";

// The e2e gate is judged by the controller's own engines: Go text/template (real, as WASM) over gitops-promoter
// v0.36.0's TemplateData, and the expr-lang v1.17.8 semantics of success.when (test/support/exprLang.ts).

const STAGING = "environment/demo-staging";
const DEMO = "environment/demo";
const STAGING_ACTIVE = "a".repeat(40);
const STAGING_PROPOSED = "b".repeat(40);
const DEMO_ACTIVE = "c".repeat(40);

function e2eStatus(overrides: Record<string, string> = {}): PromoterObject & { spec: Record<string, any> } {
    const config = parseReleaseConfig(mapSource("demo-staging", validValues(overrides)));
    const found = planRelease(config).pipeline!.promoterObjects.filter((o) => o.kind === "WebRequestCommitStatus");
    assert.strictEqual(found.length, 1);
    return found[0] as PromoterObject & { spec: Record<string, any> };
}

/** The controller's data for one environment's reconcile, optionally with the previous reconcile's status. */
function templateData(options: { branch?: string; phase?: string; previous?: { sha: string; phase: string } } = {}) {
    const object = e2eStatus();
    const data = promoterTemplateData({
        environments: [
            {
                branch: STAGING,
                autoMerge: true,
                activeHydratedSha: STAGING_ACTIVE,
                proposedHydratedSha: STAGING_PROPOSED,
            },
            { branch: DEMO, activeHydratedSha: DEMO_ACTIVE },
        ],
        branch: options.branch ?? STAGING,
        phase: options.phase ?? "pending",
        namespace: "promoter-system",
        promotionStrategyName: "serviceradar-release",
        webRequestCommitStatus: { name: object.metadata.name, spec: object.spec },
    });
    if (options.previous) {
        // WebRequestCommitStatusEnvironmentStatus (api/v1alpha1/webrequestcommitstatus_types.go), as the last
        // reconcile left it.
        (data.WebRequestCommitStatus as any).Status.Environments = [
            goStruct(
                {
                    Branch: options.branch ?? STAGING,
                    ReportedSha: options.previous.sha,
                    LastSuccessfulSha: options.previous.phase === "success" ? options.previous.sha : "",
                    Phase: options.previous.phase,
                    LastRequestTime: null,
                    LastResponseStatusCode: null,
                    TriggerOutput: null,
                    ResponseOutput: null,
                    SuccessOutput: null,
                },
                "v1alpha1.WebRequestCommitStatusEnvironmentStatus",
            ),
        ];
    }
    return data;
}

/** Every Go template of the object: the spec fields the controller renders (HTTPRequestSpec, description, URL). */
function templates(spec: Record<string, any>): [string, string][] {
    const request = spec.httpRequest;
    return [
        ["descriptionTemplate", spec.descriptionTemplate],
        ["urlTemplate", spec.urlTemplate],
        ["httpRequest.urlTemplate", request.urlTemplate],
        ["httpRequest.methodTemplate", request.methodTemplate],
        ["httpRequest.bodyTemplate", request.bodyTemplate],
        ...Object.entries(request.headerTemplates ?? {}).map(
            ([name, value]) => [`httpRequest.headerTemplates.${name}`, value] as [string, string],
        ),
    ].filter((entry): entry is [string, string] => typeof entry[1] === "string");
}

describe("the e2e gate as GitOps Promoter v0.36.0 evaluates it", () => {
    describe("templates, executed by Go's text/template over the controller's TemplateData", () => {
        it("every template executes for every environment branch", async () => {
            const spec = e2eStatus({ soakDuration: "1h" }).spec;
            for (const branch of [STAGING, DEMO]) {
                for (const [field, template] of templates(spec)) {
                    await executeGoTemplate(template, templateData({ branch })).catch((err: Error) =>
                        assert.fail(`${field} on ${branch}: ${err.message}`),
                    );
                }
            }
        });

        it("asks GitHub for exactly the e2e context of the environment's active hydrated commit", async () => {
            const request = e2eStatus().spec.httpRequest;
            const body = JSON.parse(await executeGoTemplate(request.bodyTemplate, templateData()));
            assert.deepStrictEqual(body.variables, {
                owner: "carverauto",
                name: "serviceradar-release",
                context: "serviceradar/e2e",
                oid: STAGING_ACTIVE,
            });
            assert.match(body.query, /status \{ context\(name: \$context\) \{ state \} \}/);
            assert.strictEqual(
                await executeGoTemplate(request.urlTemplate, templateData()),
                "https://api.github.com/graphql",
            );
            assert.strictEqual(await executeGoTemplate(request.methodTemplate, templateData()), "POST");
            const other = JSON.parse(await executeGoTemplate(request.bodyTemplate, templateData({ branch: DEMO })));
            assert.strictEqual(other.variables.oid, DEMO_ACTIVE, "each environment's own commit, never another's");
        });

        it("links the commit and says branch and phase in the status description", async () => {
            const spec = e2eStatus().spec;
            assert.strictEqual(
                await executeGoTemplate(spec.urlTemplate, templateData()),
                `https://github.com/carverauto/serviceradar-release/commit/${STAGING_ACTIVE}`,
            );
            assert.strictEqual(
                await executeGoTemplate(spec.descriptionTemplate, templateData({ phase: "success" })),
                "serviceradar/e2e on environment/demo-staging: success",
            );
        });

        it("fails, as the controller does, on a field TemplateData lacks (the seed's .ReportedSha)", async () => {
            await assert.rejects(executeGoTemplate("{{ .ReportedSha }}", templateData()), /ReportedSha/);
            await assert.rejects(
                executeGoTemplate(
                    "{{ range .PromotionStrategy.Status.Environments }}{{ .Active.Sha }}{{ end }}",
                    templateData(),
                ),
                /Sha/,
            );
        });
    });

    describe("success.when, with expr-lang's semantics", () => {
        const graphql = (context: unknown) =>
            JSON.stringify({
                data: { repository: { object: { status: context === undefined ? null : { context } } } },
            });
        const phase = (
            response?: { statusCode: number; body: string },
            options: Parameters<typeof templateData>[0] = {},
        ) =>
            promoterSuccessPhase(
                evaluateExpr(E2E_SUCCESS_EXPRESSION, promoterSuccessWhenEnv(templateData(options), response)),
            );

        for (const [state, expected] of [
            ["SUCCESS", "success"],
            ["FAILURE", "failure"],
            ["ERROR", "failure"],
            ["PENDING", "pending"],
            ["EXPECTED", "pending"],
        ] as const) {
            it(`a ${state} e2e context is ${expected}`, () => {
                assert.strictEqual(phase({ statusCode: 200, body: graphql({ state }) }), expected);
            });
        }

        it("a commit with other contexts only, or none at all, or unknown to GitHub, is pending", () => {
            assert.strictEqual(phase({ statusCode: 200, body: graphql(null) }), "pending");
            assert.strictEqual(phase({ statusCode: 200, body: graphql(undefined) }), "pending");
            assert.strictEqual(
                phase({ statusCode: 200, body: JSON.stringify({ data: { repository: { object: null } } }) }),
                "pending",
            );
            const errors = { data: null, errors: [{ message: "Could not resolve to a GitObject" }] };
            assert.strictEqual(phase({ statusCode: 200, body: JSON.stringify(errors) }), "pending");
        });

        for (const statusCode of [404, 401, 403, 502]) {
            it(`HTTP ${statusCode} is pending, even with a success-looking body`, () => {
                assert.strictEqual(phase({ statusCode, body: graphql({ state: "SUCCESS" }) }), "pending");
            });
        }

        it("a body that is not JSON is pending, not a reconcile error", () => {
            assert.strictEqual(phase({ statusCode: 200, body: "<html>rate limited</html>" }), "pending");
        });

        it("with no request, carries the previous phase forward for the same commit only", () => {
            for (const previous of ["success", "failure", "pending"]) {
                assert.strictEqual(
                    phase(undefined, { phase: previous, previous: { sha: STAGING_ACTIVE, phase: previous } }),
                    previous,
                );
            }
            assert.strictEqual(
                phase(undefined, { phase: "success", previous: { sha: "f".repeat(40), phase: "success" } }),
                "pending",
                "a new active commit never inherits the old one's success",
            );
            assert.strictEqual(phase(undefined, { phase: "" }), "pending", "nothing reported yet");
        });

        it("the harness can fail: the seed's expression errors when no request was made", () => {
            const seed =
                "Response.StatusCode == 200 && any(Response.Body.statuses, {.context == 'serviceradar/e2e' && .state == 'success'})";
            assert.throws(
                () => evaluateExpr(seed, promoterSuccessWhenEnv(templateData())),
                /cannot fetch StatusCode from <nil>/,
            );
        });
    });
});
