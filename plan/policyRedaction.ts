// Secret values never reach a policy message: the plan collects every secret leaf of the planned inputs and replaces
// them in the analyzer's messages.
import * as YAML from "yaml";
import { MAX_SHOWN } from "../policies/lib/messages";
import { isWrappedSecret, REDACTED, revealSecrets } from "./mockRuntime";

/** Every secret value (and secret document leaf) in planned inputs. */
export function secretLeaves(value: unknown, into: Set<string>, inSecret = false): void {
    if (isWrappedSecret(value)) {
        secretLeaves(revealSecrets(value.value), into, true);
        return;
    }
    if (Array.isArray(value)) value.forEach((v) => secretLeaves(v, into, inSecret));
    else if (value !== null && typeof value === "object")
        Object.values(value).forEach((v) => secretLeaves(v, into, inSecret));
    else if (inSecret && (typeof value === "string" || typeof value === "number") && String(value) !== "") {
        const text = String(value);
        into.add(text);
        // A secret document (JSON or YAML) may be parsed by a policy and quoted piecewise.
        if (typeof value === "string" && /[:{]/.test(text)) {
            try {
                const doc = YAML.parse(text) as unknown;
                if (doc !== null && typeof doc === "object") secretLeaves(doc, into, true);
            } catch {
                /* not a document */
            }
        }
    }
}

/**
 * Replaces secret values in a message: every quoted occurrence (policies quote resource values with
 * policies/lib/messages.ts `quote`, which may shorten them) and any bare occurrence of a secret of 8 characters or
 * more. Short secrets are replaced only where quoted, so that ordinary words in the prose stay readable.
 */
export function redactMessage(message: string, secrets: ReadonlySet<string>): string {
    let out = message;
    for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
        const forms = [JSON.stringify(secret)];
        if (secret.length > MAX_SHOWN) forms.push(JSON.stringify(`${secret.slice(0, MAX_SHOWN)}…`));
        for (const form of forms) out = out.split(form).join(JSON.stringify(REDACTED));
        if (secret.length >= 8) out = out.split(secret).join(REDACTED);
    }
    return out;
}
