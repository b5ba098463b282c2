import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as YAML from "yaml";
import { ROOT } from "./plan";
import { copyPolicyConfigs } from "../tools/helpers";

/** The environments with a third one appended the way docs/configuration.md says ("Adding an environment"). */
export const THREE_ENVIRONMENTS = ["demo-staging", "demo", "customer-a"];

/** customer-a's stack file: like Pulumi.demo.yaml (no version: demo-staging decides it in promoter mode), its own URL. */
export const CUSTOMER_A_STACK_FILE =
    "config:\n  serviceradar-release:registryUsername: carverauto-bot\n" +
    "  serviceradar-release:coreUrl: https://customer-a.serviceradar.cloud\n";

/**
 * A copy of the project's configuration with customer-a added: one list entry in Pulumi.yaml and one stack file.
 * Nothing else changes.
 */
export function projectWithCustomerA(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "three-environments-"));
    const project = YAML.parseDocument(fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8"));
    project.setIn(["config", "environments", "default"], THREE_ENVIRONMENTS);
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), project.toString());
    for (const stack of ["demo-staging", "demo"])
        fs.copyFileSync(path.join(ROOT, `Pulumi.${stack}.yaml`), path.join(dir, `Pulumi.${stack}.yaml`));
    fs.writeFileSync(path.join(dir, "Pulumi.customer-a.yaml"), CUSTOMER_A_STACK_FILE);
    copyPolicyConfigs(dir);
    return dir;
}
