import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { SECRET_KEYS } from "../src/config";

/** The configuration a `pulumi preview -s <stack> [--config k=v]` would hand the program, read without the CLI. */
export interface StackConfiguration {
    readonly project: string;
    readonly stack: string;
    /** Fully qualified key (`project:key`) to the string the program reads. */
    readonly values: Readonly<Record<string, string>>;
    /** Fully qualified keys whose values are secrets. */
    readonly secretKeys: readonly string[];
    /** Secret keys that were absent or encrypted and are planned with a placeholder value. */
    readonly placeholders: readonly string[];
}

/** The value a missing secret is planned with: unique per key, so the plan can tell which ones the program used. */
export function secretPlaceholder(key: string): string {
    return `offline-plan-placeholder-for-${key}`;
}

interface ProjectFile {
    name: string;
    config?: Record<string, { default?: unknown; secret?: boolean }>;
}

/** The string a Pulumi program reads for a config value: strings as they are, everything else as JSON. */
function configString(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}

function readYaml<T>(file: string): T {
    return YAML.parse(fs.readFileSync(file, "utf8")) as T;
}

/** Parses `key=value` (or `project:key=value`) as `pulumi preview --config` does. */
export function parseOverride(project: string, assignment: string): [string, string] {
    const eq = assignment.indexOf("=");
    if (eq <= 0) throw new Error(`--config expects key=value, got ${JSON.stringify(assignment)}`);
    const key = assignment.slice(0, eq);
    return [key.includes(":") ? key : `${project}:${key}`, assignment.slice(eq + 1)];
}

/**
 * Merges the project's defaults, the stack file and the overrides, in the precedence the CLI uses. Secret keys that
 * are missing, or present only in encrypted form, are given a placeholder so that the rest of the stack can be
 * planned; the plan reports them.
 */
export function loadStackConfig(root: string, stack: string, overrides: readonly string[] = []): StackConfiguration {
    const projectFile = readYaml<ProjectFile>(path.join(root, "Pulumi.yaml"));
    const project = projectFile.name;
    const qualify = (key: string) => (key.includes(":") ? key : `${project}:${key}`);
    const values: Record<string, string> = {};
    const secretKeys = new Set<string>(SECRET_KEYS.map(qualify));
    const encrypted = new Set<string>();

    for (const [key, declaration] of Object.entries(projectFile.config ?? {})) {
        if (declaration?.secret) secretKeys.add(qualify(key));
        if (declaration?.default !== undefined) values[qualify(key)] = configString(declaration.default);
    }

    const stackFile = path.join(root, `Pulumi.${stack}.yaml`);
    if (!fs.existsSync(stackFile)) {
        const known = fs
            .readdirSync(root)
            .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
            .filter((s): s is string => s !== undefined);
        throw new Error(`No stack file Pulumi.${stack}.yaml; known stacks: ${known.join(", ")}`);
    }
    const stackConfig = readYaml<{ config?: Record<string, unknown> } | null>(stackFile)?.config ?? {};
    for (const [rawKey, value] of Object.entries(stackConfig)) {
        const key = qualify(rawKey);
        if (value !== null && typeof value === "object" && "secure" in (value as object)) {
            secretKeys.add(key);
            encrypted.add(key);
            delete values[key];
        } else {
            values[key] = configString(value);
        }
    }

    for (const assignment of overrides) {
        const [key, value] = parseOverride(project, assignment);
        values[key] = value;
        encrypted.delete(key);
    }

    const placeholders: string[] = [];
    for (const key of secretKeys) {
        if (values[key] === undefined) {
            const bare = key.slice(project.length + 1);
            values[key] = secretPlaceholder(bare);
            placeholders.push(bare);
        }
    }
    return { project, stack, values, secretKeys: [...secretKeys].sort(), placeholders: placeholders.sort() };
}
