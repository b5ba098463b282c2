// An environment branch as the program hydrates it (promotion/promoter.ts environmentHydration and the hydrator's
// promotion/hydratedFiles.ts), as files of a checkout of it, which a test then changes the way a pushed or merged
// commit could change it (check-branch's in-process tests and the exit-code table's real process).

import * as fs from "node:fs";
import * as path from "node:path";
import * as YAML from "yaml";
import { withReleasePins } from "../../config/config";
import { environmentHydration } from "../../promotion/promoter";
import { ENVIRONMENT_VALUES_FILE, wrapEnvironmentValues } from "../../promotion/hydratedFiles";
import { stackReleaseConfig } from "../../tools/lib/stackSettings";
import { REPO_ROOT } from "./commands";

const DEMO_VALUES = "# demo's own values\ningress:\n  host: demo.serviceradar.cloud\nwebUi:\n  replicas: 2\n";

/**
 * The shipped release's hydration of `environment`, as the pipeline stack (demo-staging) writes it, with its own
 * values; `pushedValues` is added to the environment's values file as a pushed or merged commit would add it (the
 * hydrator itself strips ServiceRadar's image tags from an environment's values, so only such a commit carries one).
 */
export function shippedBranch(environment: string, pushedValues = ""): Record<string, string> {
    const config = withReleasePins(stackReleaseConfig(REPO_ROOT, "demo-staging"), "the shipped hydration");
    const hydration = environmentHydration(config, environment);
    const hydrated = wrapEnvironmentValues(DEMO_VALUES, config.chart.name, `values-${environment}.yaml`);
    const pushed = YAML.parse(pushedValues) ?? {};
    return {
        ...Object.fromEntries(hydration.files.map((f) => [f.file, f.content])),
        [ENVIRONMENT_VALUES_FILE]: pushedValues
            ? editYaml(hydrated, (doc) => (doc[config.chart.name] = { ...doc[config.chart.name], ...pushed }))
            : hydrated,
    };
}

export function editYaml(content: string, change: (doc: Record<string, any>) => void): string {
    const doc = YAML.parse(content) as Record<string, any>;
    change(doc);
    return YAML.stringify(doc);
}

/** Writes `files` into `dir` (created) as a checkout of the branch. */
export function writeCheckout(dir: string, files: Record<string, string>): string {
    fs.mkdirSync(dir, { recursive: true });
    for (const [file, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), content);
    return dir;
}
