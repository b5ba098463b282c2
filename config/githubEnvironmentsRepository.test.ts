import { strict as assert } from "node:assert";
import { ConfigError, parseReleaseConfig } from "./config";
import { validSource } from "../test/support/configSource";

// The GitHub environments holding the e2e secrets go where the workflows that run the gate live: the repository of
// this program (deploymentsRepository), admitting its branch (deploymentsBranch) beside the release tags.

const parse = (overrides: Record<string, string>) => parseReleaseConfig(validSource("demo", overrides));

describe("config: where the GitHub environments go", () => {
    it("defaults to the program's repository and admits its branch and the v* tags", () => {
        const { github } = parse({});
        assert.deepEqual(
            [github.environmentsRepository, github.deploymentBranchPattern, github.deploymentTagPattern],
            ["serviceradar-release", "main", "v*"],
        );
    });

    it("refuses a program repository of another owner unless the environments repository is named", () => {
        let thrown: unknown;
        try {
            parse({ deploymentsRepository: "acme/release" });
        } catch (err) {
            thrown = err;
        }
        assert.ok(thrown instanceof ConfigError);
        assert.equal(thrown.key, "deploymentsRepository");
        assert.match(
            thrown.message,
            /"acme\/release"; expected a repository of githubOwner carverauto, or githubEnvironmentsRepository set/,
        );
        assert.equal(
            parse({ deploymentsRepository: "acme/release", githubEnvironmentsRepository: "x" }).github
                .environmentsRepository,
            "x",
        );
    });
});
