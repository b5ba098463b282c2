import { strict as assert } from "node:assert";
import * as programSide from "../../../promotion/hydratedEnvironmentKind";
import { environmentBranch } from "../../../promotion/promoter";
import { ENVIRONMENT_BRANCH_PREFIX, HYDRATED_ENVIRONMENT_KIND } from "../../../policies/lib/programContract";

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
});
