/**
 * The Go text/template harness is Go's engine itself (WASM); these tests pin the behaviours the promoter's templates
 * depend on, and that promoterTemplateData has the shape of GitOps Promoter v0.36.0's TemplateData
 * (internal/webrequest/templatedata.go, api/v1alpha1/*_types.go).
 */
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as path from "path";
import { evaluateExpr } from "../support/exprLang";
import {
    executeGoTemplate,
    GoTemplateError,
    promoterSuccessWhenEnv,
    promoterTemplateData,
    PromoterTemplateDataOptions,
} from "../support/goTemplate";

const options: PromoterTemplateDataOptions = {
    environments: [
        { branch: "environment/staging", activeHydratedSha: "aaa111", proposedHydratedSha: "ccc333" },
        { branch: "environment/demo", activeHydratedSha: "bbb222", autoMerge: false },
    ],
    branch: "environment/demo",
    phase: "pending",
};

async function rejectsWith(template: string, data: unknown, message: RegExp) {
    await assert.rejects(
        executeGoTemplate(template, data),
        (e: unknown) => e instanceof GoTemplateError && message.test(e.message),
    );
}

describe("Go text/template harness (real engine)", () => {
    it("renders Branch and Phase", async () => {
        assert.strictEqual(
            await executeGoTemplate("{{ .Branch }}: {{ .Phase }}", promoterTemplateData(options)),
            "environment/demo: pending",
        );
    });

    it("a field TemplateData lacks is an execution error (ReportedSha is not a TemplateData field at v0.36.0)", async () => {
        await rejectsWith(
            "{{ .ReportedSha }}",
            promoterTemplateData(options),
            /map has no entry for key "ReportedSha"/,
        );
    });

    it("range + if eq .Branch $.Branch finds the environment's active hydrated SHA", async () => {
        const template =
            "{{ range .PromotionStrategy.Status.Environments }}{{ if eq .Branch $.Branch }}{{ .Active.Hydrated.Sha }}{{ end }}{{ end }}";
        assert.strictEqual(await executeGoTemplate(template, promoterTemplateData(options)), "bbb222");
        assert.strictEqual(
            await executeGoTemplate(template, promoterTemplateData({ ...options, branch: "environment/staging" })),
            "aaa111",
        );
    });

    it("sprig functions are absent, and the error says the templates must not need them", async () => {
        await rejectsWith(
            `{{ upper .Branch }}`,
            promoterTemplateData(options),
            /function "upper" not defined.*must not depend on it/,
        );
    });

    it("a parse error carries Go's message", async () => {
        await rejectsWith("{{ .Branch", {}, /unclosed action/);
    });

    it("nil slices, nil maps and zero times print as Go prints them; a nil pointer prints <no value> (Go: <nil>)", async () => {
        const template =
            "{{ (index .PromotionStrategy.Status.Environments 0).PullRequest }}|{{ .PromotionStrategy.Status.Conditions }}|{{ .TriggerOutput }}|{{ .PromotionStrategy.CreationTimestamp }}";
        // PullRequest is a nil *PullRequestCommonStatus: Go prints <nil>; JSON null reaches the engine as a nil interface.
        assert.strictEqual(
            await executeGoTemplate(template, promoterTemplateData(options)),
            "<no value>|[]|map[]|0001-01-01 00:00:00 +0000 UTC",
        );
    });

    it("declared specs become Go-named structs, with durations as Go prints them", async () => {
        const data = promoterTemplateData({
            ...options,
            webRequestCommitStatus: {
                name: "gate",
                spec: {
                    key: "e2e",
                    httpRequest: { urlTemplate: "u", timeout: "90s" },
                    mode: { polling: { interval: "1m" } },
                },
            },
        });
        const template =
            "{{ .WebRequestCommitStatus.Name }} {{ .WebRequestCommitStatus.ObjectMeta.Name }} {{ .WebRequestCommitStatus.Spec.Key }} {{ .WebRequestCommitStatus.Spec.HTTPRequest.Timeout.Duration }} {{ .WebRequestCommitStatus.Spec.Mode.Polling.Interval.Duration }} {{ .WebRequestCommitStatus.Spec.Mode.Trigger }}";
        assert.strictEqual(await executeGoTemplate(template, data), "gate gate e2e 1m30s 1m0s <no value>");
        assert.throws(
            () => promoterTemplateData({ ...options, webRequestCommitStatus: { name: "g", spec: { keyy: "e2e" } } }),
            /v1alpha1.WebRequestCommitStatusSpec has no JSON field\(s\) keyy/,
        );
    });

    it("TemplateData has exactly the fields of templatedata.go", () => {
        assert.deepStrictEqual(Object.keys(promoterTemplateData(options)), [
            "NamespaceMetadata",
            "PromotionStrategy",
            "WebRequestCommitStatus",
            "TriggerOutput",
            "ResponseOutput",
            "SuccessOutput",
            "TriggerVariables",
            "SuccessVariables",
            "Branch",
            "Phase",
        ]);
    });

    it("EnvironmentStatus and CommitBranchState carry every Go field of v0.36.0", () => {
        const environment = promoterTemplateData(options).PromotionStrategy.Status.Environments[0];
        assert.deepStrictEqual(Object.keys(environment), [
            "Branch",
            "Proposed",
            "Active",
            "PullRequest",
            "LastHealthyDryShas",
            "History",
        ]);
        assert.deepStrictEqual(Object.keys(environment.Active), ["Dry", "Hydrated", "Note", "CommitStatuses"]);
        assert.deepStrictEqual(Object.keys(environment.Active.Hydrated), [
            "Sha",
            "CommitTime",
            "RepoURL",
            "Author",
            "Subject",
            "Body",
            "References",
        ]);
        assert.strictEqual(environment.Proposed.Hydrated.Sha, "ccc333");
    });

    it("the same data serves the expr evaluator as the success.when env, with structs strict and nil Response", () => {
        const data = promoterTemplateData(options);
        const env = promoterSuccessWhenEnv(data, { statusCode: 200, body: '{"statuses":[{"state":"success"}]}' });
        assert.strictEqual(
            evaluateExpr("Response.StatusCode == 200 && all(Response.Body.statuses, .state == 'success')", env),
            true,
        );
        assert.strictEqual(
            evaluateExpr("find(PromotionStrategy.Status.Environments, .Branch == Branch).Active.Hydrated.Sha", env),
            "bbb222",
        );
        assert.throws(
            () => evaluateExpr("PromotionStrategy.Status.Environments[0].ReportedSha", env),
            /cannot fetch ReportedSha from v1alpha1.EnvironmentStatus/,
        );
        assert.throws(
            () => evaluateExpr("Response.StatusCode", promoterSuccessWhenEnv(data)),
            /cannot fetch StatusCode from <nil>/,
        );
        assert.strictEqual(
            evaluateExpr("Response.Body", promoterSuccessWhenEnv(data, { statusCode: 500, body: "oops" })),
            "oops",
        );
    });

    it("loading and running the WASM engine leaves nothing that keeps Node alive", function () {
        this.timeout(60000);
        const script = `require(${JSON.stringify(path.join(__dirname, "../support/goTemplate"))}).executeGoTemplate("{{ .a }}", { a: 1 }).then((out) => process.stdout.write(out));`;
        const child = spawnSync(process.execPath, ["--require", "tsx/cjs", "-e", script], {
            encoding: "utf8",
            timeout: 30000,
        });
        assert.strictEqual(child.error, undefined, "the process exits by itself within 30s");
        assert.strictEqual(child.status, 0, child.stderr);
        assert.strictEqual(child.stdout, "1");
    });
});
