import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { repositoryFiles } from "./support/repositoryFiles";

// .mocharc.json names the feature folders one by one (the plan's tests first: they are the longest, and two workers
// share the files in that order); a new folder of tests, or two globs that overlap, would go unnoticed without this.
const ROOT = path.resolve(__dirname, "..");
// mocha's own file collection (pinned mocha 12), so the check sees exactly the files `npm test` runs.
const collectFiles = require("mocha/lib/cli/collect-files.cjs") as (options: {
    ignore: string[];
    extension: string[];
    file: string[];
    recursive: boolean;
    sort: boolean;
    spec: string[];
}) => { files: string[] };

describe("the test suite", () => {
    it("runs every *.test.ts of the repository exactly once", () => {
        const { spec } = JSON.parse(fs.readFileSync(path.join(ROOT, ".mocharc.json"), "utf8")) as { spec: string[] };
        const files = collectFiles({
            ignore: [],
            extension: ["ts"],
            file: [],
            recursive: false,
            sort: false,
            spec: spec.map((glob) => path.join(ROOT, glob)),
        }).files;
        const twice = files.filter((file, i) => files.indexOf(file) !== i);
        assert.deepEqual(twice, [], "a test file matches more than one spec glob");
        assert.deepEqual(
            [...files].sort().map((f) => path.relative(ROOT, f)),
            repositoryFiles(".test.ts")
                .sort()
                .map((f) => path.relative(ROOT, f)),
        );
    });
});
