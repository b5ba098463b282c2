import * as pulumi from "@pulumi/pulumi";
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import type { ConfigSource } from "../../config/config";

const ROOT = path.resolve(__dirname, "../..");

let defaults: Readonly<Record<string, string>> | undefined;

/** The project's static defaults from Pulumi.yaml, as the CLI applies them (read once: hundreds of tests ask). */
export function projectDefaults(): Record<string, string> {
    if (!defaults) {
        const project = YAML.parse(fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8"));
        defaults = Object.freeze(
            Object.fromEntries(
                Object.entries(project.config as Record<string, { default?: unknown }>)
                    .filter(([, d]) => d.default !== undefined)
                    .map(([k, d]) => [k, typeof d.default === "string" ? d.default : JSON.stringify(d.default)]),
            ),
        );
    }
    return { ...defaults };
}

/** A complete, valid set of values for a stack; tests override single keys to break them. */
export function validValues(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
    return {
        ...projectDefaults(),
        version: "1.2.27",
        registryUsername: "carverauto-bot",
        registryToken: "registry-token-value",
        coreUrl: "https://staging.serviceradar.cloud",
        adminPassword: "admin-password-value",
        promoterGithubAppId: "2459954",
        promoterGithubAppInstallationId: "99273302",
        promoterGithubAppPrivateKey: "-----BEGIN PRIVATE KEY-----x",
        ...overrides,
    };
}

/** A ConfigSource over a plain map, for testing the config module without the Pulumi runtime. */
export function mapSource(stack: string, values: Record<string, string | undefined>): ConfigSource {
    return {
        project: "serviceradar-release",
        stack,
        get: (key) => values[key],
        requireSecret: (key) => {
            if (values[key] === undefined) throw new Error(`requireSecret(${key}) of a key that is not set`);
            return pulumi.secret(values[key] as string);
        },
        keys: () => Object.keys(values).filter((key) => values[key] !== undefined),
    };
}

/** The GitHub App keys validValues sets, which only the pipeline stack in promoter mode reads. */
const PROMOTER_APP_KEYS = ["promoterGithubAppId", "promoterGithubAppInstallationId", "promoterGithubAppPrivateKey"];

/**
 * A ConfigSource of a complete, valid configuration for the stack, as its file would be: without the keys its mode
 * ignores (and the program refuses), unless the overrides set them: `version` where the stack does not decide what
 * runs (promoter mode, not the pipeline stack), the promoter's GitHub App where it declares no promoter.
 */
export function validSource(stack: string, overrides: Record<string, string | undefined> = {}): ConfigSource {
    const values = validValues(overrides);
    const declaresPromoter = values.promotionMode === "promoter" && values.pipelineStack === stack;
    const ignored = [
        ...(values.promotionMode === "promoter" && values.pipelineStack !== stack ? ["version"] : []),
        ...(declaresPromoter ? [] : PROMOTER_APP_KEYS),
    ];
    for (const key of ignored) if (!(key in overrides)) delete values[key];
    return mapSource(stack, values);
}
