import * as assert from "assert";
import * as path from "path";
import ts from "typescript";

// The custom resources the program declares are typed by models generated from the vendored CRDs
// (src/generated/README.md). This compiles one small in-memory file with the TypeScript compiler API, under the
// project's own compiler options: each case below is a function body, and a misspelt field must fail to compile
// exactly where it is written, while the valid cases compile clean.

const ROOT = path.resolve(__dirname, "..", "..");
const FILE = path.join(ROOT, "test", "src", "__typed-resources-check.ts");

const IMPORTS = `import type { ApplicationManifest } from "../../src/argocd";
import type {
    ArgoCDCommitStatus,
    GitRepository,
    PromoterObject,
    PromotionStrategy,
    ScmProvider,
    TimedCommitStatus,
    WebRequestCommitStatus,
} from "../../src/promoter";
`;

const META = `metadata: { name: "x", namespace: "promoter-system" }`;
const PROMOTER = `apiVersion: "promoter.argoproj.io/v1alpha1"`;
const APP = `apiVersion: "argoproj.io/v1alpha1", kind: "Application", metadata: { name: "x" }`;

interface Case {
    name: string;
    code: string;
    /** The compiler's message, when the case must fail. */
    error?: RegExp;
}

const CASES: Case[] = [
    {
        name: "a valid PromotionStrategy",
        code: `const o: PromotionStrategy = { ${PROMOTER}, kind: "PromotionStrategy", ${META}, spec: {
            gitRepositoryRef: { name: "r" }, activeCommitStatuses: [{ key: "k" }],
            environments: [{ branch: "environment/a", autoMerge: true, activeCommitStatuses: [{ key: "e" }] }] } };
            const all: PromoterObject[] = [o]; return all;`,
    },
    {
        name: "a valid multi-source Application",
        code: `const a: ApplicationManifest = { ${APP}, spec: { project: "default",
            destination: { server: "https://kubernetes.default.svc", namespace: "n" },
            sources: [{ repoURL: "oci://r", chart: "c", targetRevision: "1", helm: { releaseName: "c", valueFiles: ["$values/v.yaml"] } },
                { repoURL: "https://github.com/o/v.git", targetRevision: "main", ref: "values" }],
            syncPolicy: { automated: { prune: false, selfHeal: true, allowEmpty: false }, syncOptions: ["CreateNamespace=true"] } } };
            return a;`,
    },
    {
        name: "activeCommitStatus for activeCommitStatuses (PromotionStrategy)",
        code: `const o: PromotionStrategy = { ${PROMOTER}, kind: "PromotionStrategy", ${META}, spec: {
            gitRepositoryRef: { name: "r" }, activeCommitStatus: [{ key: "k" }], environments: [] } }; return o;`,
        error: /'activeCommitStatus' does not exist/,
    },
    {
        name: "automerge for autoMerge (PromotionStrategy environment)",
        code: `const o: PromotionStrategy = { ${PROMOTER}, kind: "PromotionStrategy", ${META}, spec: {
            gitRepositoryRef: { name: "r" }, environments: [{ branch: "b", automerge: true }] } }; return o;`,
        error: /'automerge' does not exist/,
    },
    {
        name: "appId for appID (ScmProvider)",
        code: `const o: ScmProvider = { ${PROMOTER}, kind: "ScmProvider", ${META}, spec: {
            secretRef: { name: "s" }, github: { appId: 1, installationID: 2 } } }; return o;`,
        error: /'appId' does not exist/,
    },
    {
        name: "a kind that is not the model's (GitRepository)",
        code: `const o: GitRepository = { ${PROMOTER}, kind: "GitRepositories", ${META}, spec: {
            github: { owner: "o", name: "n" }, scmProviderRef: { kind: "ScmProvider", name: "p" } } }; return o;`,
        error: /"GitRepositories"' is not assignable/,
    },
    {
        name: "matchLabel for matchLabels (ArgoCDCommitStatus)",
        code: `const o: ArgoCDCommitStatus = { ${PROMOTER}, kind: "ArgoCDCommitStatus", ${META}, spec: {
            promotionStrategyRef: { name: "p" }, key: "k", applicationSelector: { matchLabel: { a: "b" } } } }; return o;`,
        error: /'matchLabel' does not exist/,
    },
    {
        name: "headerTemplate for headerTemplates (WebRequestCommitStatus)",
        code: `const o: WebRequestCommitStatus = { ${PROMOTER}, kind: "WebRequestCommitStatus", ${META}, spec: {
            promotionStrategyRef: { name: "p" }, key: "k", descriptionTemplate: "d", urlTemplate: "u",
            httpRequest: { urlTemplate: "u", methodTemplate: "POST", headerTemplate: { a: "b" } },
            success: { when: { expression: "true" } } } }; return o;`,
        error: /'headerTemplate' does not exist/,
    },
    {
        name: "durations for duration (TimedCommitStatus)",
        code: `const o: TimedCommitStatus = { ${PROMOTER}, kind: "TimedCommitStatus", ${META}, spec: {
            promotionStrategyRef: { name: "p" }, key: "k", environments: [{ branch: "b", durations: "1h" }] } }; return o;`,
        error: /'durations' does not exist/,
    },
    {
        name: "selfHeel for selfHeal (Application syncPolicy)",
        code: `const a: ApplicationManifest = { ${APP}, spec: { project: "p", destination: {},
            syncPolicy: { automated: { prune: true, selfHeel: true } } } }; return a;`,
        error: /'selfHeel' does not exist/,
    },
    {
        name: "refs for ref (Application source)",
        code: `const a: ApplicationManifest = { ${APP}, spec: { project: "p", destination: {},
            sources: [{ repoURL: "https://github.com/o/v.git", refs: "values" }] } }; return a;`,
        error: /'refs' does not exist/,
    },
    {
        name: "an unnamed object (metadata.name is required)",
        code: `const a: ApplicationManifest = { apiVersion: "argoproj.io/v1alpha1", kind: "Application",
            metadata: { namespace: "argocd" }, spec: { project: "p", destination: {} } }; return a;`,
        error: /'name' is missing/,
    },
];

interface Compiled {
    /** Each case's diagnostics, flattened to text. */
    byCase: string[][];
    /** Diagnostics outside every case (a broken import, say). */
    outside: string[];
}

function compileCases(): Compiled {
    let source = IMPORTS;
    const spans: { first: number; last: number }[] = [];
    CASES.forEach((c, index) => {
        const first = source.split("\n").length - 1;
        source += `export function case${index}() {\n${c.code}\n}\n`;
        spans.push({ first, last: source.split("\n").length - 2 });
    });
    const config = ts.getParsedCommandLineOfConfigFile(
        path.join(ROOT, "tsconfig.json"),
        {},
        {
            ...ts.sys,
            onUnRecoverableConfigFileDiagnostic: (d) =>
                assert.fail(ts.flattenDiagnosticMessageText(d.messageText, "\n")),
        },
    );
    assert.ok(config, "tsconfig.json parses");
    const options: ts.CompilerOptions = { ...config.options, noEmit: true, skipLibCheck: true };
    const host = ts.createCompilerHost(options);
    const readFile = host.readFile.bind(host);
    const fileExists = host.fileExists.bind(host);
    const getSourceFile = host.getSourceFile.bind(host);
    host.readFile = (name) => (path.resolve(name) === FILE ? source : readFile(name));
    host.fileExists = (name) => path.resolve(name) === FILE || fileExists(name);
    host.getSourceFile = (name, language, ...rest) =>
        path.resolve(name) === FILE
            ? ts.createSourceFile(name, source, language, true)
            : getSourceFile(name, language, ...rest);
    const program = ts.createProgram({ rootNames: [FILE], options, host });
    const file = program.getSourceFile(FILE);
    assert.ok(file, "the in-memory file is part of the program");
    const diagnostics = [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)];
    const byCase: string[][] = CASES.map(() => []);
    const outside: string[] = [];
    for (const d of diagnostics) {
        const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
        const line = d.start === undefined ? -1 : file.getLineAndCharacterOfPosition(d.start).line;
        const index = spans.findIndex((s) => line >= s.first && line <= s.last);
        (index === -1 ? outside : byCase[index]).push(`line ${line + 1}: ${text}`);
    }
    return { byCase, outside };
}

describe("typed custom resources (generated from the vendored CRDs)", function () {
    let compiled: Compiled;
    before(function () {
        compiled = compileCases();
    });

    it("compiles the check file itself (imports resolve)", () => {
        assert.deepStrictEqual(compiled.outside, []);
    });

    CASES.forEach((c, index) => {
        it(c.error ? `rejects ${c.name}` : `accepts ${c.name}`, () => {
            const found = compiled.byCase[index];
            if (!c.error) {
                assert.deepStrictEqual(found, []);
                return;
            }
            assert.ok(
                found.some((text) => c.error!.test(text)),
                `expected ${c.error} from case${index}, got:\n${found.join("\n") || "(no diagnostic)"}`,
            );
        });
    });
});
