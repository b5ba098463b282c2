/** How many characters of a value a message shows at most. */
export const MAX_SHOWN = 120;

/**
 * A value from a resource, as a violation message shows it: always JSON-quoted (so that the offline plan can find and
 * redact a secret value exactly) and cut short.
 */
export function quote(value: unknown): string {
    if (value === undefined) return "(not set)";
    if (typeof value === "string") {
        return JSON.stringify(value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value);
    }
    const json = JSON.stringify(value);
    if (json === undefined) return String(value);
    return json.length > MAX_SHOWN ? `${json.slice(0, MAX_SHOWN)}…` : json;
}

/** `deploy/release/values.yaml` `serviceradar.global.imageTag` style location: where first, then the key. */
export function at(where: string, key?: string): string {
    return key === undefined || key === "" ? where : `${key} in ${where}`;
}
