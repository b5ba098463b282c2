// GitHub's published OpenAPI description of its REST API, as far as the stand-ins use it (the operations and examples
// test/fixtures/github-openapi/selection.json names, with every component they reference, unchanged; see its
// README.md), loaded once per process: the schema each operation's answer must match, and GitHub's own example
// answers that the loopback stand-in starts from. The description is OpenAPI 3.0: `nullable: true` is turned into "or
// null" (beside allOf/anyOf without a `type`, or added to the `type` and to its `enum`) so that ajv, a JSON Schema
// validator, reads it as OpenAPI means it; nothing else is changed.

import Ajv, { ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import * as fs from "fs";
import * as path from "path";

/** api.github.com's description, the vendored part of it. */
export const DESCRIPTION_FILE = path.resolve(__dirname, "../fixtures/github-openapi/api.github.com.json");
const SCHEMA_ID = "github-openapi";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Description {
    paths: Record<
        string,
        Record<string, { responses: Record<string, JsonObject>; requestBody?: { content: Record<string, JsonObject> } }>
    >;
    components: {
        schemas: JsonObject;
        responses: Record<string, JsonObject>;
        examples: Record<string, { value: Json }>;
    };
}

/** OpenAPI 3.0 to JSON Schema where they differ for these documents, and local references made to point into ajv's copy. */
function toJsonSchema(node: Json): Json {
    if (Array.isArray(node)) return node.map(toJsonSchema);
    if (node === null || typeof node !== "object") return node;
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
        out[key] =
            key === "$ref" && typeof value === "string" && value.startsWith("#/")
                ? `${SCHEMA_ID}${value}`
                : toJsonSchema(value);
    }
    if (out.nullable === true && out.type === undefined) {
        const { nullable: _nullable, ...rest } = out;
        return { anyOf: [rest, { type: "null" }] };
    }
    // OpenAPI 3.0.3: "A true value adds "null" to the allowed values", an enum's included (a check run's conclusion is
    // null until it completes).
    if (out.nullable === true && typeof out.type === "string") {
        const { nullable: _nullable, ...rest } = out;
        return {
            ...rest,
            type: [out.type, "null"],
            ...(Array.isArray(out.enum) ? { enum: [...out.enum, null] } : {}),
        };
    }
    return out;
}

let loaded: { description: Description; ajv: Ajv } | undefined;

function load(): { description: Description; ajv: Ajv } {
    if (loaded === undefined) {
        const description = JSON.parse(fs.readFileSync(DESCRIPTION_FILE, "utf8")) as Description;
        // strict: false, because the description carries OpenAPI keywords (example, discriminator, x-github...)
        // that are annotations, not JSON Schema.
        const ajv = new Ajv({ strict: false, validateSchema: false, allErrors: true });
        addFormats(ajv);
        ajv.addSchema({ components: { schemas: toJsonSchema(description.components.schemas) } }, SCHEMA_ID);
        loaded = { description, ajv };
    }
    return loaded;
}

function notVendored(what: string): Error {
    return new Error(
        `the vendored OpenAPI description has no ${what}: add it to test/fixtures/github-openapi/selection.json and ` +
            "extract again (see the README there)",
    );
}

/** GitHub's example value `name` from the description (components.examples), as a fresh copy. */
export function gitHubExample<T = unknown>(name: string): T {
    const example = load().description.components.examples[name];
    if (example === undefined) throw notVendored(`example ${name}`);
    return structuredClone(example.value) as T;
}

const validators = new Map<string, { validate: ValidateFunction; documented: boolean }>();

/**
 * The validator of what `method pathTemplate` answers with `status`, as the description declares it. A status the
 * operation does not list (GitHub answers 401, 403 and 429 on any route) is held to `basic-error`, the shape of every
 * GitHub error body.
 */
function validatorFor(
    method: string,
    pathTemplate: string,
    status: number,
): { validate: ValidateFunction; documented: boolean } {
    const key = `${method} ${pathTemplate} ${status}`;
    const cached = validators.get(key);
    if (cached !== undefined) return cached;
    const { description, ajv } = load();
    const operation = description.paths[pathTemplate]?.[method.toLowerCase()];
    if (operation === undefined) throw notVendored(`operation ${method} ${pathTemplate}`);
    let response: JsonObject | undefined = operation.responses[String(status)];
    const documented = response !== undefined;
    const reference = response?.$ref;
    if (typeof reference === "string") response = description.components.responses[reference.split("/").pop() ?? ""];
    const content = response?.content as JsonObject | undefined;
    const schema = documented
        ? ((content?.["application/json"] as JsonObject | undefined)?.schema ?? null)
        : { $ref: "#/components/schemas/basic-error" };
    if (schema === null) throw new Error(`${key} has no application/json body in the OpenAPI description`);
    const entry = { validate: ajv.compile(toJsonSchema(schema) as object), documented };
    validators.set(key, entry);
    return entry;
}

/** Why `body` is not what the description says `method pathTemplate` answers with `status`; empty when it is. */
export function schemaErrors(method: string, pathTemplate: string, status: number, body: unknown): string[] {
    const { validate } = validatorFor(method, pathTemplate, status);
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
        (error) => `${method} ${pathTemplate} ${status}: ${error.instancePath || "(body)"} ${error.message ?? ""}`,
    );
}

/** Why `body` is not a request body the description accepts for `method pathTemplate`; empty when it is. */
export function requestBodyErrors(method: string, pathTemplate: string, body: unknown): string[] {
    const key = `${method} ${pathTemplate} request`;
    let entry = validators.get(key);
    if (entry === undefined) {
        const { description, ajv } = load();
        const operation = description.paths[pathTemplate]?.[method.toLowerCase()];
        if (operation === undefined) throw notVendored(`operation ${method} ${pathTemplate}`);
        const schema = operation.requestBody?.content["application/json"]?.schema;
        if (schema === undefined) throw new Error(`${key} has no application/json body in the OpenAPI description`);
        entry = { validate: ajv.compile(toJsonSchema(schema) as object), documented: true };
        validators.set(key, entry);
    }
    const { validate } = entry;
    if (validate(body)) return [];
    return (validate.errors ?? []).map((error) => `${key}: ${error.instancePath || "(body)"} ${error.message ?? ""}`);
}

/** Loads and compiles up front, so that a test's own time limit does not include it. */
export function preloadOpenApi(): void {
    load();
}
