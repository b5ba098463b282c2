// Output's module alone, not @pulumi/pulumi's index: see the imports of config/config.ts.
import { secret } from "@pulumi/pulumi/output";
import { ConfigSource, keysOfProject, parseReleaseConfig, ReleaseConfig, SECRET_KEYS } from "./config";
import { readProjectFile, readStackConfigSection, readStackFile, stackFileName } from "./stackFile";

/** The configuration a `pulumi preview -s <stack> [--config k=v]` would hand the program, read without the CLI. */
export interface StackConfiguration {
    readonly project: string;
    readonly stack: string;
    /**
     * Fully qualified key (`project:key`) to the string the program reads, for every key set for the stack (the
     * Pulumi.yaml defaults, the stack file, the overrides); an encrypted one holds its placeholder. An absent secret is
     * not here: its placeholder is given only where the parser reads it (stackConfigSource, programConfigValues), so
     * that a key the stack's mode ignores is never taken for one that is set.
     */
    readonly values: Readonly<Record<string, string>>;
    /** Fully qualified keys whose values are secrets. */
    readonly secretKeys: readonly string[];
    /** Secret keys that are encrypted or absent and are planned with a placeholder value where they are read. */
    readonly placeholders: readonly string[];
    /** What reading the files noticed (e.g. an unknown YAML tag), one line each, never quoting a value. */
    readonly warnings?: readonly string[];
}

/** The value a missing secret is planned with: unique per key, so the plan can tell which ones the program used. */
export function secretPlaceholder(key: string): string {
    return `offline-plan-placeholder-for-${key}`;
}

/** Parses `key=value` (or `project:key=value`) as `pulumi preview --config` does; the value is never echoed. */
export function parseOverride(project: string, assignment: string): [string, string] {
    const eq = assignment.indexOf("=");
    if (eq <= 0) throw new Error("--config expects key=value (the value is not shown)");
    const key = assignment.slice(0, eq);
    if (key.includes(":") && !key.startsWith(`${project}:`)) {
        throw new Error(`--config ${key.split(":")[0]}:... names another project; this one is ${project}`);
    }
    return [key.includes(":") ? key : `${project}:${key}`, assignment.slice(eq + 1)];
}

/**
 * Merges the project's defaults, the stack file and the overrides, in the precedence the CLI uses, reading both files
 * as `npm run release` and `promote` do (config/stackFile.ts). Secret keys present only in encrypted form are given a
 * placeholder, and missing ones get theirs where the parser reads them, so that the rest of the stack can be planned;
 * the plan reports those the program used.
 */
export function loadStackConfig(root: string, stack: string, overrides: readonly string[] = []): StackConfiguration {
    const projectFile = readProjectFile(root);
    const project = projectFile.name;
    const qualify = (key: string) => `${project}:${key}`;
    const section = readStackConfigSection(readStackFile(root, stack), project, stackFileName(stack));
    const bare: Record<string, string> = { ...projectFile.defaults };
    for (const key of section.encrypted) delete bare[key];
    Object.assign(bare, section.values);
    const values: Record<string, string> = Object.fromEntries(
        Object.entries(bare).map(([key, value]) => [qualify(key), value]),
    );
    for (const assignment of overrides) {
        const [key, value] = parseOverride(project, assignment);
        values[key] = value;
    }

    for (const key of section.encrypted) values[qualify(key)] ??= secretPlaceholder(key);

    const secretKeys = new Set([...SECRET_KEYS, ...projectFile.secretKeys, ...section.encrypted].map(qualify));
    const placeholders = [...secretKeys]
        .map((key) => key.slice(project.length + 1))
        .filter((key) => section.encrypted.includes(key) || values[qualify(key)] === undefined);
    return {
        project,
        stack,
        values,
        secretKeys: [...secretKeys].sort(),
        placeholders: placeholders.sort(),
        warnings: section.warnings,
    };
}

/**
 * The one immutable ReleaseConfig of a stack as `pulumi up` would parse it, read from the files (secrets that are
 * absent or encrypted get placeholders): what the tools and the plan read, validated exactly as the program does.
 */
export function releaseConfigOf(root: string, stack: string, overrides: readonly string[] = []): ReleaseConfig {
    return releaseConfigFrom(loadStackConfig(root, stack, overrides));
}

/**
 * The ConfigSource of configuration already read: what is set, and for a secret that is absent its placeholder, given
 * when the parser reads it (and passed to `onPlaceholder`), never listed among the keys that are set.
 */
export function stackConfigSource(
    { project, stack, values, secretKeys }: StackConfiguration,
    onPlaceholder: (key: string) => void = () => undefined,
): ConfigSource {
    const qualify = (key: string) => `${project}:${key}`;
    return {
        project,
        stack,
        get: (key) => values[qualify(key)],
        requireSecret: (key) => secret(values[qualify(key)] ?? ""),
        absentSecret: (key) => {
            if (values[qualify(key)] !== undefined || !secretKeys.includes(qualify(key))) return undefined;
            onPlaceholder(key);
            return secret(secretPlaceholder(key));
        },
        keys: () => keysOfProject(project, Object.keys(values)),
    };
}

/** The ReleaseConfig of configuration already read, parsed by the program's own parser. */
export function releaseConfigFrom(stack: StackConfiguration): ReleaseConfig {
    return parseReleaseConfig(stackConfigSource(stack));
}

/**
 * The configuration the program gets on the plan's mock runtime, as `pulumi up` would give it: what is set, plus the
 * placeholder of each absent secret the stack's own parse reads, and no other (the program reads the runtime's whole
 * map as the keys that are set). A configuration the parser refuses gets the placeholders read before the refusal,
 * so that the program's own parse stops at the same key with the same message.
 */
export function programConfigValues(stack: StackConfiguration): Record<string, string> {
    const read = new Set<string>();
    try {
        parseReleaseConfig(stackConfigSource(stack, (key) => read.add(key)));
    } catch {
        // The program's own parse reports it.
    }
    return {
        ...stack.values,
        ...Object.fromEntries([...read].map((key) => [`${stack.project}:${key}`, secretPlaceholder(key)])),
    };
}
