import * as assert from "node:assert/strict";
import { meanTimePerFile, quickestFilesFirst } from "../support/strykerMochaRunner.mjs";

describe("npm run mutation's runner: the quickest test files first in a mutant run", () => {
    it("takes each file's mean time per test from the dry run's results", () => {
        const tests = [
            { fileName: "/p/plan/plan.test.ts", timeSpentMs: 900 },
            { fileName: "/p/config/config.test.ts", timeSpentMs: 3 },
            { fileName: "/p/plan/plan.test.ts", timeSpentMs: 300 },
            { fileName: "/p/config/config.test.ts", timeSpentMs: 5 },
            { fileName: "/p/config/config.test.ts", timeSpentMs: 1 },
        ];
        assert.deepEqual(meanTimePerFile(tests), { "/p/plan/plan.test.ts": 600, "/p/config/config.test.ts": 3 });
    });

    it("puts the suites of quicker files first, keeps the order of equal ones and of those in one file, and unknown files last", () => {
        const suite = (title: string, file: string) => ({ title, file });
        const suites = [
            suite("plan", "/p/plan.test.ts"),
            suite("no time", "/p/new.test.ts"),
            suite("config A", "/p/config.test.ts"),
            suite("policy", "/p/policy.test.ts"),
            suite("config B", "/p/config.test.ts"),
        ];
        const order = quickestFilesFirst(suites, {
            "/p/plan.test.ts": 600,
            "/p/config.test.ts": 3,
            "/p/policy.test.ts": 3,
        }).map((s: { title: string }) => s.title);
        assert.deepEqual(order, ["config A", "policy", "config B", "plan", "no time"]);
    });
});
