// The configuration of a running Pulumi program. Apart from config/config.ts because it needs the whole of
// @pulumi/pulumi (Config, the stack, the runtime's config map), which the commands that only parse stack files never load.
import * as pulumi from "@pulumi/pulumi";
import { ConfigSource, keysOfProject, parseReleaseConfig, ReleaseConfig } from "./config";

/** The ConfigSource of a running Pulumi program: the project's config namespace and the current stack. */
export function pulumiConfigSource(): ConfigSource {
    const config = new pulumi.Config();
    const project = pulumi.getProject();
    return {
        project,
        stack: pulumi.getStack(),
        get: (key) => config.get(key),
        requireSecret: (key) => config.requireSecret(key),
        // The runtime's whole map (PULUMI_CONFIG, as the language host sets it), keys `<namespace>:<key>`.
        keys: () => keysOfProject(project, Object.keys(pulumi.runtime.allConfig())),
    };
}

/** Reads and validates the current stack's configuration. */
export function loadReleaseConfig(): ReleaseConfig {
    return parseReleaseConfig(pulumiConfigSource());
}
