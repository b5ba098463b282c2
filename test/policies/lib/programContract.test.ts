import { strict as assert } from "node:assert";
import * as programSide from "../../../promotion/hydratedEnvironmentKind";
import { ENVIRONMENT_VALUES_FILE, RELEASE_VALUES_FILE } from "../../../promotion/hydratedFiles";
import { environmentApplication, environmentBranch } from "../../../promotion/promoter";
import {
    ENVIRONMENT_BRANCH_PREFIX,
    HYDRATED_ENVIRONMENT_KIND,
    HYDRATED_VALUE_FILES,
    PACK_NAME,
} from "../../../policies/lib/programContract";
import { packName } from "../../../policies/pack";
import { stackReleaseConfig } from "../../../tools/lib/stackSettings";
import { REPO_ROOT } from "../../support/commands";

// The pack owns the contract so that it can be published alone; the program must read the very same values.
describe("policies/lib/programContract", () => {
    it("is the one source of the program's marker and branch prefix", () => {
        assert.equal(programSide.HYDRATED_ENVIRONMENT_KIND, HYDRATED_ENVIRONMENT_KIND);
        assert.equal(programSide.ENVIRONMENT_BRANCH_PREFIX, ENVIRONMENT_BRANCH_PREFIX);
        assert.equal(HYDRATED_ENVIRONMENT_KIND, "serviceradar-hydrated-environment");
    });

    it("names the branches the program declares for the promoter", () => {
        assert.equal(environmentBranch("demo"), `${ENVIRONMENT_BRANCH_PREFIX}demo`);
    });

    it("merges a branch's values files in the order its Application passes them (the file names the hydrator writes)", () => {
        const application = environmentApplication(stackReleaseConfig(REPO_ROOT, "demo"));
        assert.deepEqual(application.spec.source?.helm?.valueFiles, [...HYDRATED_VALUE_FILES]);
        assert.deepEqual(HYDRATED_VALUE_FILES, [ENVIRONMENT_VALUES_FILE, RELEASE_VALUES_FILE]);
    });

    it("names the pack as the pack itself does", () => {
        assert.equal(packName, PACK_NAME);
    });
});
