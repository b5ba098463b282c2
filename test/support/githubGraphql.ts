/**
 * GitHub's published GraphQL schema (@octokit/graphql-schema, pinned in package.json) and the `graphql` reference
 * implementation: a request body `{query, variables}` is checked as GitHub would before running it (parse, validate
 * against the schema, coerce the variables to the operation's variable definitions).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
    buildClientSchema,
    getOperationAST,
    getVariableValues,
    GraphQLSchema,
    parse,
    validate,
    type IntrospectionQuery,
} from "graphql";

// The package exports only an ES module entry (which parses this same file at load); its introspection result is
// read directly so the CommonJS test runtime needs no ESM loader.
const SCHEMA_JSON = path.resolve(__dirname, "..", "..", "node_modules", "@octokit", "graphql-schema", "schema.json");

let schema: GraphQLSchema | undefined;

export function githubGraphqlSchema(): GraphQLSchema {
    schema ??= buildClientSchema(JSON.parse(fs.readFileSync(SCHEMA_JSON, "utf8")) as IntrospectionQuery);
    return schema;
}

/** Every reason GitHub would refuse the request body; empty when it would run it. */
export function githubGraphqlProblems(requestBody: string): string[] {
    let request: { query?: unknown; variables?: unknown; operationName?: unknown };
    try {
        request = JSON.parse(requestBody);
    } catch (err) {
        return [`the body is not JSON: ${(err as Error).message}`];
    }
    if (typeof request.query !== "string") return ["the body has no query string"];
    let document;
    try {
        document = parse(request.query);
    } catch (err) {
        return [(err as Error).message];
    }
    const problems = validate(githubGraphqlSchema(), document).map((error) => error.message);
    if (problems.length > 0) return problems;
    const operationName = typeof request.operationName === "string" ? request.operationName : undefined;
    const operation = getOperationAST(document, operationName);
    if (!operation) return ["no single operation to run"];
    const variables = (request.variables ?? {}) as Record<string, unknown>;
    const declared = new Set((operation.variableDefinitions ?? []).map((definition) => definition.variable.name.value));
    const coerced = getVariableValues(githubGraphqlSchema(), operation.variableDefinitions ?? [], variables);
    return [
        ...(coerced.errors ?? []).map((error) => error.message),
        ...Object.keys(variables)
            .filter((name) => !declared.has(name))
            .map((name) => `variable "$${name}" is sent but the operation does not declare it`),
    ];
}
