// A Stryker test runner that runs the project's own mocha (12) in the worker process, for `npm run mutation`.
//
// Why not @stryker-mutator/mocha-runner: its 9.x line declares mocha < 12 and loads mocha's lib/cli/*.js, which mocha
// 12 ships as .cjs. This runner uses only mocha's public programmatic API (new Mocha, addFile, grep, run) and
// Stryker's documented test-runner plugin API, so it works with the mocha the project already has.
//
// What it does:
// - init: registers tsx's require and import hooks (the tests are TypeScript) and collects the test files to run.
// - dryRun: runs every test once, recording which mutants each test reaches (coverageAnalysis "perTest": the current
//   test's full title is the id the instrumented code files coverage under).
// - mutantRun: activates one mutant and runs only the tests that reach it (grep on their full titles), stopping at
//   the first failure unless disableBail is set.
// Test files are loaded once per worker process. A static mutant (one that runs while modules load) needs fresh
// modules, so the runner reports reloadEnvironment: false and Stryker starts a new worker for it; the files are then
// loaded with the mutant already active.
import * as fs from "node:fs";
import * as path from "node:path";
import Mocha from "mocha";
import { commonTokens, declareClassPlugin, PluginKind } from "@stryker-mutator/api/plugin";
import { INSTRUMENTER_CONSTANTS } from "@stryker-mutator/api/core";
import {
    determineHitLimitReached,
    DryRunStatus,
    TestStatus,
    toMutantRunResult,
} from "@stryker-mutator/api/test-runner";
import { register } from "tsx/cjs/api";
import { register as registerEsm } from "tsx/esm/api";

const RUNNER_NAME = "project-mocha";
const OPTIONS_KEY = "projectMocha";
/** Where the dry run leaves each test file's mean time per test, in the sandbox all workers share. */
const TEST_TIMES_FILE = ".stryker-test-times.json";

/** The files to run: each `spec` entry is a test file, or a folder searched for files ending in `suffix`. */
export function collectTestFiles(root, { spec = [], exclude = [], suffix = ".test.ts" }) {
    const excluded = new Set(exclude.map((file) => path.resolve(root, file)));
    const found = [];
    const walk = (entry) => {
        const stat = fs.statSync(entry);
        if (stat.isDirectory()) {
            for (const child of fs.readdirSync(entry).sort()) walk(path.join(entry, child));
        } else if (entry.endsWith(suffix) && !excluded.has(entry)) {
            found.push(entry);
        }
    };
    for (const entry of spec) walk(path.resolve(root, entry));
    if (found.length === 0) throw new Error(`${OPTIONS_KEY}.spec matches no test file: ${JSON.stringify(spec)}`);
    return [...new Set(found)];
}

/** Each test file's mean time per test (ms) in a run's results. */
export function meanTimePerFile(tests) {
    const totals = new Map();
    for (const test of tests) {
        const total = totals.get(test.fileName) ?? { ms: 0, count: 0 };
        total.ms += test.timeSpentMs;
        total.count += 1;
        totals.set(test.fileName, total);
    }
    return Object.fromEntries([...totals].map(([file, { ms, count }]) => [file, ms / count]));
}

/**
 * The top-level suites (one or more per test file), those of the files whose tests were quickest first, in a stable
 * order; files without a time last. A mutant run stops at its first failing test, so a quick unit test that kills the
 * mutant spares the slow plan tests that reach the same code and would otherwise run first (their folders come first
 * in `spec`). Reordering whole files is safe because no test file depends on another having run.
 */
export function quickestFilesFirst(suites, meanTimes) {
    const time = (suite) => meanTimes[suite.file] ?? Number.POSITIVE_INFINITY;
    return suites
        .map((suite, index) => ({ suite, index }))
        .sort((a, b) => time(a.suite) - time(b.suite) || a.index - b.index)
        .map(({ suite }) => suite);
}

function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function instrumenterContext() {
    const ns = INSTRUMENTER_CONSTANTS.NAMESPACE;
    globalThis[ns] = globalThis[ns] ?? {};
    return globalThis[ns];
}

/**
 * Removes the tests whose full titles are listed: tests of an in-process file that need what the sandbox lacks. Every
 * title listed must exist, so a renamed test cannot silently start running (or stay listed) unnoticed.
 */
function dropTests(root, titles) {
    const found = new Set();
    const walk = (suite) => {
        suite.tests = suite.tests.filter((test) => {
            if (!titles.has(test.fullTitle())) return true;
            found.add(test.fullTitle());
            return false;
        });
        suite.suites.forEach(walk);
    };
    walk(root);
    const missing = [...titles].filter((title) => !found.has(title));
    if (missing.length > 0) throw new Error(`${OPTIONS_KEY}.excludeTests names no test: ${JSON.stringify(missing)}`);
}

export class ProjectMochaTestRunner {
    static inject = [commonTokens.options, commonTokens.logger];

    constructor(options, logger) {
        this.settings = options[OPTIONS_KEY] ?? {};
        this.disableBail = options.disableBail === true;
        this.ignoreStatic = options.ignoreStatic === true;
        this.logger = logger;
        this.mocha = undefined;
        this.files = [];
        this.ordered = false;
    }

    /**
     * Without `--ignoreStatic`: not capable of reloading, so Stryker starts a new worker for each static mutant, which
     * loads the modules with the mutant already active. With it, no mutant is ever activated while modules load (a
     * static-only mutant is ignored, and a hybrid one, reached both while modules load and by tests, runs with runtime
     * activation, which sets the mutant after loading even in a new worker), so the new worker Stryker would start for
     * each hybrid mutant changes nothing but costs a full load of the test files: the run goes on in the same worker,
     * as for every other runtime mutant.
     */
    capabilities() {
        return { reloadEnvironment: this.ignoreStatic };
    }

    async init() {
        register();
        // A test's dynamic import() goes through Node's ESM loader, which needs tsx's ESM hook to find a .ts module.
        registerEsm();
        this.files = collectTestFiles(process.cwd(), this.settings);
        this.logger.debug(`${RUNNER_NAME}: ${this.files.length} test files`);
    }

    /** Loads the test files into a new mocha instance, the first time a run needs them. */
    load() {
        if (this.mocha !== undefined) return this.mocha;
        const mocha = new Mocha({ timeout: this.settings.timeout ?? 60000, bail: !this.disableBail });
        mocha.cleanReferencesAfterRun(false);
        for (const file of this.files) mocha.addFile(file);
        mocha.loadFiles();
        mocha.lazyLoadFiles(true);
        dropTests(mocha.suite, new Set(this.settings.excludeTests ?? []));
        this.mocha = mocha;
        return mocha;
    }

    /** Runs the tests whose full titles are in `testIds` (all tests when undefined) and reports each result. */
    run(testIds) {
        const context = instrumenterContext();
        const mocha = this.load();
        mocha.options.grep =
            testIds === undefined ? undefined : new RegExp(`^(?:${testIds.map(escapeRegExp).join("|")})$`);
        const tests = [];
        let started = 0;
        // A reporter that only collects results; the current test's title is the coverage id.
        mocha.reporter(
            class {
                constructor(runner) {
                    const { EVENT_TEST_BEGIN, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_TEST_END } =
                        Mocha.Runner.constants;
                    runner.on(EVENT_TEST_BEGIN, (test) => {
                        context.currentTestId = test.fullTitle();
                        started = Date.now();
                    });
                    // Code run outside a test (hooks, loading) counts as static coverage: it may affect every test.
                    runner.on(EVENT_TEST_END, () => (context.currentTestId = undefined));
                    const result = (test, status, extra = {}) => ({
                        id: test.fullTitle(),
                        name: test.fullTitle(),
                        fileName: test.file,
                        timeSpentMs: Date.now() - started,
                        status,
                        ...extra,
                    });
                    runner.on(EVENT_TEST_PASS, (test) => tests.push(result(test, TestStatus.Success)));
                    runner.on(EVENT_TEST_PENDING, (test) => tests.push(result(test, TestStatus.Skipped)));
                    runner.on(EVENT_TEST_FAIL, (test, err) =>
                        tests.push(result(test, TestStatus.Failed, { failureMessage: String(err?.message ?? err) })),
                    );
                }
            },
        );
        return new Promise((resolve) => mocha.run(() => resolve(tests)));
    }

    /** Once per worker, before its first mutant run: the quickest files first, by the dry run's times. */
    orderByDryRunTimes() {
        if (this.ordered) return;
        this.ordered = true;
        if (!fs.existsSync(TEST_TIMES_FILE)) return;
        const meanTimes = JSON.parse(fs.readFileSync(TEST_TIMES_FILE, "utf8"));
        this.mocha.suite.suites = quickestFilesFirst(this.mocha.suite.suites, meanTimes);
    }

    async dryRun(options) {
        const context = instrumenterContext();
        const tests = await this.run(undefined);
        fs.writeFileSync(TEST_TIMES_FILE, JSON.stringify(meanTimePerFile(tests)));
        const result = { status: DryRunStatus.Complete, tests };
        if (options.coverageAnalysis !== "off") result.mutantCoverage = context.mutantCoverage;
        return result;
    }

    async mutantRun(options) {
        const context = instrumenterContext();
        context.hitCount = options.hitLimit === undefined ? undefined : 0;
        context.hitLimit = options.hitLimit;
        // A static mutant must be active while the modules load; a runtime one only while the tests run.
        if (options.mutantActivation === "static") {
            if (this.mocha !== undefined)
                throw new Error(`${RUNNER_NAME} cannot reload the modules for a static mutant`);
            context.activeMutant = options.activeMutant.id;
        }
        this.load();
        this.orderByDryRunTimes();
        context.activeMutant = options.activeMutant.id;
        try {
            const tests = await this.run(options.testFilter);
            const timeout = determineHitLimitReached(context.hitCount, context.hitLimit);
            return toMutantRunResult(timeout ?? { status: DryRunStatus.Complete, tests });
        } finally {
            context.activeMutant = undefined;
        }
    }

    async dispose() {
        this.mocha?.dispose();
    }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.TestRunner, RUNNER_NAME, ProjectMochaTestRunner)];

export const strykerValidationSchema = {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "project-mocha runner options",
    type: "object",
    properties: {
        [OPTIONS_KEY]: {
            type: "object",
            properties: {
                spec: { type: "array", items: { type: "string" }, description: "Test files or folders to run." },
                exclude: { type: "array", items: { type: "string" }, description: "Test files to leave out." },
                excludeTests: {
                    type: "array",
                    items: { type: "string" },
                    description: "Full titles of tests to leave out of files that otherwise run.",
                },
                suffix: { type: "string", description: "Suffix of test files inside spec folders." },
                timeout: { type: "number", description: "Mocha's per-test timeout in ms." },
            },
            additionalProperties: false,
        },
    },
};
