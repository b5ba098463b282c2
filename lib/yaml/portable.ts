import * as YAML from "yaml";

const SCHEMAS = ["1.1", "1.2"] as const;

/**
 * True when a plain (unquoted) scalar with this text would not read back as this string under YAML 1.1 or 1.2: a
 * date, a boolean (`yes`, `on`), a number (`1.10`, `0o12`, `012`), a null (`~`), or anything that is not a scalar.
 * PyYAML, Ruby and js-yaml's default schema still read YAML 1.1.
 */
function isAmbiguous(text: string): boolean {
    return SCHEMAS.some((version) => {
        // parseDocument, not parse: parse logs the library's warnings, quoting the text.
        const document = YAML.parseDocument(text, { version });
        if (document.errors.length > 0 || document.warnings.length > 0) return true;
        return !YAML.isScalar(document.contents) || document.contents.value !== text;
    });
}

/**
 * YAML that every reader takes the same way, under YAML 1.1 and 1.2: strings that would read as something else are
 * double-quoted, everything else stays plain. Every manifest and file the program writes goes through here.
 */
export function stringifyPortableYaml(value: unknown): string {
    const document = new YAML.Document(value);
    YAML.visit(document, {
        Scalar(_key, node) {
            if (typeof node.value === "string" && isAmbiguous(node.value)) node.type = YAML.Scalar.QUOTE_DOUBLE;
        },
    });
    return document.toString();
}
