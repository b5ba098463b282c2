// The policy pack's files as the program and the commands read them: the config file an environment passes (its own,
// the nearest earlier environment's, or a refusal naming the file to add), a config that is no JSON object, and a
// pack without a version.
import { strict as assert } from "node:assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
    environmentPolicyConfig,
    loadPolicyConfig,
    PolicyConfigError,
    policyConfigFor,
    policyPackVersion,
} from "../../lib/policyPackFiles";

const CHAIN = ["demo-staging", "demo", "customer-a"];

describe("lib/policyPackFiles: the files of the policy pack", () => {
    let dir: string;
    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "policy-pack-files-"));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    /** A pack folder inside the working directory that does not exist: no environment has a file there. */
    const emptyPack = path.join(process.cwd(), "no-such-policy-pack");

    it("refuses an environment of the list that has no file, nor an earlier one, naming the file to add", () => {
        for (const stack of ["demo-staging", "demo"]) {
            assert.throws(
                () => policyConfigFor(stack, CHAIN, emptyPack),
                (err: unknown) =>
                    err instanceof PolicyConfigError &&
                    err.message === `no policy config for ${stack}: add no-such-policy-pack/${stack}.json` &&
                    String(err) === `PolicyConfigError: ${err.message}`,
            );
        }
    });

    it("finds no file for a stack outside the list, which then passes its own", () => {
        assert.equal(policyConfigFor("scratch", CHAIN, emptyPack), undefined);
        assert.equal(environmentPolicyConfig("scratch", CHAIN, emptyPack), path.join(emptyPack, "scratch.json"));
    });

    it("judges an environment without a file of its own by the nearest earlier environment's file", () => {
        fs.writeFileSync(path.join(dir, "demo-staging.json"), "{}");
        assert.equal(policyConfigFor("customer-a", CHAIN, dir), path.join(dir, "demo-staging.json"));
        fs.writeFileSync(path.join(dir, "demo.json"), "{}");
        assert.equal(policyConfigFor("customer-a", CHAIN, dir), path.join(dir, "demo.json"));
        assert.equal(policyConfigFor("demo-staging", CHAIN, dir), path.join(dir, "demo-staging.json"));
    });

    it("reads an empty config file as an empty config, and refuses one that is no JSON object", () => {
        const file = path.join(dir, "demo.json");
        fs.writeFileSync(file, " \n");
        assert.deepEqual(loadPolicyConfig(file), {});
        fs.writeFileSync(file, '{"all": "advisory"}');
        assert.deepEqual(loadPolicyConfig(file), { all: "advisory" });
        for (const text of ["null", "[]", "3", '"advisory"']) {
            fs.writeFileSync(file, text);
            assert.throws(
                () => loadPolicyConfig(file),
                (err: unknown) =>
                    err instanceof PolicyConfigError &&
                    err.message === `${file}: a policy pack config is a JSON object of policy names`,
                text,
            );
        }
    });

    it("reads the pack version from package.json, and refuses a package.json without one", () => {
        const pkg = path.join(dir, "package.json");
        fs.writeFileSync(pkg, JSON.stringify({ name: "policies", version: "1.4.0" }));
        assert.equal(policyPackVersion(dir), "1.4.0");
        for (const body of [{ name: "policies" }, { name: "policies", version: "" }]) {
            fs.writeFileSync(pkg, JSON.stringify(body));
            assert.throws(() => policyPackVersion(dir), {
                message: `${dir}/package.json has no version; the policy pack needs one`,
            });
        }
    });
});
