/**
 * The CRDs' x-kubernetes-validations (CEL) rules on the spec fields this program sets, restated as checks: ajv
 * cannot evaluate CEL, and the API server would reject an object that breaks one. Each entry names its rule.
 */
type Spec = Record<string, any>;

const has = (value: unknown) => value !== undefined && value !== null;
const exactlyOne = (spec: Spec, fields: string[]) => fields.filter((f) => has(spec?.[f])).length === 1;

const PROVIDERS = ["github", "gitlab", "forgejo", "gitea", "bitbucketCloud", "azureDevOps", "fake"];

const RULES: Record<string, { message: string; holds: (spec: Spec) => boolean }[]> = {
    ScmProvider: [
        { message: `exactly one of ${PROVIDERS.join(" ")} must be set`, holds: (s) => exactlyOne(s, PROVIDERS) },
        { message: "github.domain must be blank for github.com", holds: (s) => s.github?.domain !== "github.com" },
    ],
    GitRepository: [
        { message: `exactly one of ${PROVIDERS.join(" ")} must be set`, holds: (s) => exactlyOne(s, PROVIDERS) },
    ],
    PromotionStrategy: [
        {
            message: "branch must not start with '-' nor contain ':' or '..'",
            holds: (s) =>
                (s.environments ?? []).every(
                    (e: Spec) => !e.branch.startsWith("-") && !e.branch.includes(":") && !e.branch.includes(".."),
                ),
        },
    ],
    WebRequestCommitStatus: [
        {
            message: "exactly one of method or methodTemplate must be set",
            holds: (s) => Boolean(s.httpRequest?.method) !== Boolean(s.httpRequest?.methodTemplate),
        },
        {
            message: "at most one authentication method",
            holds: (s) =>
                ["basic", "bearer", "oauth2", "tls", "scm"].filter((f) => has(s.httpRequest?.authentication?.[f]))
                    .length <= 1,
        },
        {
            message: "exactly one of polling or trigger must be set",
            holds: (s) => exactlyOne(s.mode, ["polling", "trigger"]),
        },
    ],
};

export function celViolations(manifest: { kind: string; spec?: Spec }): string[] {
    return (RULES[manifest.kind] ?? []).filter((rule) => !rule.holds(manifest.spec ?? {})).map((rule) => rule.message);
}
