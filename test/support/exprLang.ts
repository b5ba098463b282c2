/**
 * A test evaluator for the subset of expr-lang (github.com/expr-lang/expr v1.17.8) that the program's
 * WebRequestCommitStatus `success.when.expression` uses. No JavaScript port of expr-lang exists, and the controller
 * (GitOps Promoter v0.36.0, go.mod pins expr v1.17.8) compiles expressions WITHOUT `expr.Env`
 * (internal/webrequest/evaluator.go getCompiledExpression), so the checker knows only literal types and every
 * member access runs through the VM's `runtime.Fetch`. This evaluator mirrors, at tag v1.17.8:
 *
 * - parser/lexer/state.go, parser/parser.go, parser/operator/operator.go: tokens, precedences (`??` binds tightest at
 *   500; `!`/`not` at 50; comparisons 20; `&&`/`and` 15; `||`/`or` 10), chained comparisons (`a < b < c` is
 *   `a < b && b < c`), mixing `??` with another operator after it is a parse error, the ternary is parsed only at
 *   precedence 0, `?.` wraps the rest of a member chain so `a?.b.c` is nil when `a` is nil, but `a?.b[0]` indexes the
 *   chain's result (parsePostfixExpression does not extend a chain through `[`);
 * - checker/checker.go + checker/nature/nature.go: the compile-time type errors that literals alone can trigger
 *   (`1 == "a"`, `true && 1`, `1 < "a"`, `!1`, a non-bool ternary condition or predicate, `any(1, ...)`, `len(1)`);
 * - compiler/compiler.go + vm/vm.go: `&&`/`||` short-circuit and return the right operand as is (only the left
 *   operand is asserted to be bool), `!` and the ternary condition and predicates assert bool, `??` takes the right
 *   side only when the left `runtime.IsNil`, `find` yields nil when nothing matches, `OpBegin` calls `Len` on the
 *   collection (nil is an error);
 * - vm/runtime/runtime.go: `Fetch` (nil → "cannot fetch X from <nil>", map → the element's zero value when the key is
 *   missing, struct → "cannot fetch X from T" when the field is missing, array index out of range), `In`, `Len`;
 * - vm/runtime/helpers[generated].go: `Equal` (numbers compare by value across types, values of different types are
 *   unequal, never an error) and `Less`/`More`/... (numbers or strings only, otherwise "invalid operation").
 *
 * Go values are modelled as: `null`/`undefined` → nil; a plain object → `map[string]interface {}`; `goStruct(...)` →
 * a Go struct (unknown field → error); `goMap(...)` → a typed map with a non-nil zero value (e.g. `map[string]string`);
 * `goNilMap()`/`goNilSlice()` → nil map / nil slice (IsNil, yet empty for `len`, `in` and JSON).
 * Anything outside the subset throws an `ExprUnsupportedError` rather than evaluating wrongly.
 */

const STRUCT_TYPE = Symbol("goStructType");
const MAP_TYPE = Symbol("goMapType");
const IS_NIL_COLLECTION = Symbol("goNilCollection");

export class ExprUnsupportedError extends Error {
    constructor(what: string) {
        super(`${what} is unsupported by the test evaluator (test/support/exprLang.ts)`);
        this.name = "ExprUnsupportedError";
    }
}

/** An error expr-lang itself reports: `phase` says whether `expr.Compile` or `expr.Run` would fail. */
export class ExprError extends Error {
    constructor(
        readonly phase: "compile" | "run",
        message: string,
    ) {
        super(message);
        this.name = "ExprError";
    }
}

const compileError = (message: string) => new ExprError("compile", message);
const runtimeError = (message: string) => new ExprError("run", message);

/**
 * Marks `fields` as a Go struct of type `typeName` (used in error messages, e.g. "*v1alpha1.PromotionStrategy").
 * The marker is a non-enumerable symbol, so JSON (and the Go template harness) never sees it.
 */
export function goStruct<T extends object>(fields: T, typeName = "struct {...}"): T {
    Object.defineProperty(fields, STRUCT_TYPE, { value: typeName, enumerable: false });
    return fields;
}

/** A Go map whose missing keys read as `zeroValue` (runtime.Fetch returns `reflect.Zero(elem)`), e.g. "" for map[string]string. */
export function goMap<T extends Record<string, unknown>>(entries: T, typeName: string, zeroValue: unknown): T {
    Object.defineProperty(entries, MAP_TYPE, { value: { typeName, zeroValue }, enumerable: false });
    return entries;
}

/** A nil Go map: `== nil` and `??` see nil, a fetch reads the zero value, and it serializes as `{}` (Go prints `map[]`). */
export function goNilMap(typeName = "map[string]interface {}", zeroValue: unknown = null): Record<string, never> {
    const map = goMap({}, typeName, zeroValue);
    Object.defineProperty(map, IS_NIL_COLLECTION, { value: true, enumerable: false });
    return map;
}

/** A nil Go slice: `== nil` and `??` see nil, `len` is 0, and it serializes as `[]` (Go prints `[]`). */
export function goNilSlice(): never[] {
    const slice: never[] = [];
    Object.defineProperty(slice, IS_NIL_COLLECTION, { value: true, enumerable: false });
    return slice;
}

type GoMapInfo = { typeName: string; zeroValue: unknown };

function structTypeOf(value: unknown): string | undefined {
    return typeof value === "object" && value !== null ? (value as any)[STRUCT_TYPE] : undefined;
}

function mapInfoOf(value: object): GoMapInfo | undefined {
    return (value as any)[MAP_TYPE];
}

const isMap = (value: unknown): value is Record<string, unknown> =>
    typeof value === "object" && value !== null && !Array.isArray(value) && structTypeOf(value) === undefined;

/** runtime.IsNil: untyped nil, or a nil map/slice/pointer. */
function isNil(value: unknown): boolean {
    return value === null || value === undefined || (typeof value === "object" && (value as any)[IS_NIL_COLLECTION]);
}

/** What Go's `%T` prints for the modelled value. */
function goTypeName(value: unknown): string {
    if (value === null || value === undefined) return "<nil>";
    if (typeof value === "boolean") return "bool";
    if (typeof value === "string") return "string";
    if (typeof value === "number") return Number.isInteger(value) ? "int" : "float64";
    if (typeof value === "function") return "func()";
    if (Array.isArray(value)) return "[]interface {}";
    return structTypeOf(value) ?? mapInfoOf(value as object)?.typeName ?? "map[string]interface {}";
}

/**
 * builtin/lib.go Type: "nil" for a nil interface, the package-qualified name of a named type, else the kind ("map",
 * "array", "string", "bool", "struct"...). A typed nil slice or map is not a nil interface: its kind is returned.
 */
function goTypeOf(value: unknown): string {
    if (value === null || value === undefined) return "nil";
    const struct = structTypeOf(value);
    if (struct !== undefined) return struct;
    if (typeof value === "boolean") return "bool";
    if (typeof value === "string") return "string";
    if (typeof value === "number") {
        throw new ExprUnsupportedError("type() of a number (JavaScript cannot tell Go's int from float64)");
    }
    if (Array.isArray(value)) return "array";
    return "map";
}

// ---------------------------------------------------------------- lexer (parser/lexer/state.go)

type TokenKind = "identifier" | "number" | "string" | "operator" | "bracket" | "eof";
type Token = { kind: TokenKind; value: string; position: number };

const KEYWORD_OPERATORS = new Set(["in", "or", "and", "matches", "contains", "startsWith", "endsWith", "let", "if"]);
const NEGATABLE_OPERATORS = new Set(["in", "matches", "contains", "startsWith", "endsWith"]);
const isIdentifierChar = (c: string) => /[\p{L}\p{N}_$]/u.test(c);
const isDigit = (c: string) => c >= "0" && c <= "9";

const SIMPLE_ESCAPES: Record<string, string> = {
    a: "\x07",
    b: "\b",
    f: "\f",
    n: "\n",
    r: "\r",
    t: "\t",
    v: "\v",
    "\\": "\\",
    "'": "'",
    '"': '"',
};

function tokenize(source: string): Token[] {
    const tokens: Token[] = [];
    let i = 0;
    const push = (kind: TokenKind, value: string, position: number) => tokens.push({ kind, value, position });
    while (i < source.length) {
        const start = i;
        const c = source[i];
        if (/\s/.test(c)) {
            i++;
        } else if (source.startsWith("//", i)) {
            const end = source.indexOf("\n", i);
            i = end < 0 ? source.length : end;
        } else if (source.startsWith("/*", i)) {
            const end = source.indexOf("*/", i + 2);
            if (end < 0) throw compileError("unclosed comment");
            i = end + 2;
        } else if (c === "'" || c === '"') {
            const [value, next] = scanString(source, i);
            push("string", value, start);
            i = next;
        } else if (c === "`") {
            const end = source.indexOf("`", i + 1);
            if (end < 0) throw compileError("literal not terminated");
            push("string", source.slice(i + 1, end).replace(/\r\n?/g, "\n"), start);
            i = end + 1;
        } else if (isDigit(c) || (c === "." && isDigit(source[i + 1] ?? ""))) {
            if (/^0[xXoObB]/.test(source.slice(i, i + 2))) {
                throw new ExprUnsupportedError("a hexadecimal, octal or binary literal");
            }
            const match = /^(?:\d[\d_]*)?(?:\.(?!\.)[\d_]*)?(?:[eE][+-]?[\d_]*)?/.exec(source.slice(i))![0];
            if (isIdentifierChar(source[i + match.length] ?? "")) {
                throw compileError(`bad number syntax: "${source.slice(i, i + match.length + 1)}"`);
            }
            push("number", match, start);
            i += match.length;
        } else if (c === "?") {
            const two = source.slice(i, i + 2);
            const value = two === "?." || two === "??" ? two : "?";
            push("operator", value, start);
            i += value.length;
        } else if (c === "|" || c === ":") {
            const value = source[i + 1] === c ? c + c : c;
            push("operator", value, start);
            i += value.length;
        } else if (c === ".") {
            const value = source[i + 1] === "." ? ".." : ".";
            push("operator", value, start);
            i += value.length;
        } else if ("([{)]}".includes(c)) {
            push("bracket", c, start);
            i++;
        } else if (",;%+-^#/".includes(c)) {
            push("operator", c, start);
            i++;
        } else if ("&!=*<>".includes(c)) {
            const value = "&=*".includes(source[i + 1] ?? "") ? c + source[i + 1] : c;
            push("operator", value, start);
            i += value.length;
        } else if (isIdentifierChar(c)) {
            let end = i;
            while (end < source.length && isIdentifierChar(source[end])) end++;
            const word = source.slice(i, end);
            if (word === "b" && (source[end] === "'" || source[end] === '"')) {
                throw new ExprUnsupportedError("a bytes literal");
            }
            push(
                word === "not" || KEYWORD_OPERATORS.has(word) || word === "else" ? "operator" : "identifier",
                word,
                start,
            );
            i = end;
        } else {
            throw compileError(`unrecognized character: ${JSON.stringify(c)}`);
        }
    }
    push("eof", "", source.length);
    return tokens;
}

/** Scans a quoted string and unescapes it like strconv.UnquoteChar (parser/lexer/utils.go unescape). */
function scanString(source: string, start: number): [string, number] {
    const quote = source[start];
    let value = "";
    let i = start + 1;
    while (i < source.length && source[i] !== quote) {
        if (source[i] !== "\\") {
            value += source[i++];
            continue;
        }
        const escape = source[i + 1];
        if (escape in SIMPLE_ESCAPES) {
            value += SIMPLE_ESCAPES[escape];
            i += 2;
        } else if (escape === "u" || escape === "U" || escape === "x") {
            const width = { u: 4, U: 8, x: 2 }[escape];
            const hex = source.slice(i + 2, i + 2 + width);
            if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== width) throw compileError("invalid char escape");
            value += String.fromCodePoint(parseInt(hex, 16));
            i += 2 + width;
        } else {
            throw new ExprUnsupportedError(`the string escape \\${escape}`);
        }
    }
    if (i >= source.length) throw compileError("literal not terminated");
    return [value.replace(/\r\n?/g, "\n"), i + 1];
}

// ---------------------------------------------------------------- parser (parser/parser.go)

type Node =
    | { kind: "nil" }
    | { kind: "bool"; value: boolean }
    | { kind: "int" | "float"; value: number }
    | { kind: "string"; value: string }
    | { kind: "identifier"; name: string }
    | { kind: "pointer" }
    | { kind: "member"; object: Node; property: Node; optional: boolean }
    | { kind: "chain"; node: Node }
    | { kind: "unary"; operator: string; operand: Node }
    | { kind: "binary"; operator: string; left: Node; right: Node }
    | { kind: "conditional"; condition: Node; then: Node; otherwise: Node }
    | { kind: "array"; items: Node[] }
    | { kind: "map"; pairs: { key: Node; value: Node }[] }
    | { kind: "let"; name: string; value: Node; body: Node }
    | { kind: "sequence"; nodes: Node[] }
    | { kind: "builtin"; name: SupportedBuiltin; args: Node[] }
    | { kind: "predicate"; body: Node };

const UNARY_PRECEDENCE: Record<string, number> = { not: 50, "!": 50, "-": 90, "+": 90 };
const BINARY_PRECEDENCE: Record<string, number> = {
    "|": 0,
    or: 10,
    "||": 10,
    and: 15,
    "&&": 15,
    "==": 20,
    "!=": 20,
    "<": 20,
    ">": 20,
    ">=": 20,
    "<=": 20,
    in: 20,
    matches: 20,
    contains: 20,
    startsWith: 20,
    endsWith: 20,
    "..": 25,
    "+": 30,
    "-": 30,
    "*": 60,
    "/": 60,
    "%": 60,
    "**": 100,
    "^": 100,
    "??": 500,
};
const RIGHT_ASSOCIATIVE = new Set(["**", "^"]);
const SUPPORTED_BINARY = new Set(["or", "||", "and", "&&", "==", "!=", "<", ">", ">=", "<=", "in", "??"]);
const COMPARISONS = new Set(["<", ">", ">=", "<="]);
/** parser.go `predicates`: builtins whose second argument is a closure. */
const PREDICATE_BUILTINS = new Set([
    "all",
    "none",
    "any",
    "one",
    "filter",
    "map",
    "count",
    "sum",
    "find",
    "findIndex",
    "findLast",
    "findLastIndex",
    "groupBy",
    "sortBy",
    "reduce",
]);
const SUPPORTED_BUILTINS = ["all", "any", "filter", "find", "len", "type"] as const;
type SupportedBuiltin = (typeof SUPPORTED_BUILTINS)[number];
const isSupportedBuiltin = (name: string): name is SupportedBuiltin =>
    (SUPPORTED_BUILTINS as readonly string[]).includes(name);

class Parser {
    private index = 0;
    private predicateDepth = 0;

    constructor(private readonly tokens: Token[]) {}

    parse(): Node {
        const node = this.parseSequence();
        if (this.current.kind !== "eof") throw this.unexpected();
        return node;
    }

    private get current(): Token {
        return this.tokens[this.index];
    }

    private is(kind: TokenKind, value?: string, token = this.current): boolean {
        return token.kind === kind && (value === undefined || token.value === value);
    }

    private next(): Token {
        const token = this.current;
        if (token.kind === "eof") throw compileError("unexpected end of expression");
        this.index++;
        return token;
    }

    private expect(kind: TokenKind, value?: string): Token {
        if (!this.is(kind, value)) throw this.unexpected();
        return this.next();
    }

    private unexpected(token = this.current): ExprError {
        return compileError(
            token.kind === "eof" ? "unexpected end of expression" : `unexpected token ${describe(token)}`,
        );
    }

    private parseSequence(): Node {
        const nodes = [this.parseExpression(0)];
        while (this.is("operator", ";")) {
            this.next();
            if (this.is("eof")) break;
            nodes.push(this.parseExpression(0));
        }
        return nodes.length === 1 ? nodes[0] : { kind: "sequence", nodes };
    }

    private parseExpression(precedence: number): Node {
        if (precedence === 0 && this.is("operator", "let")) return this.parseLet();
        if (precedence === 0 && this.is("operator", "if")) throw new ExprUnsupportedError("`if { } else { }`");
        let left = this.parsePrimary();
        let previousOperator = "";
        while (this.is("operator")) {
            let operatorToken = this.current;
            const negated = operatorToken.value === "not";
            if (negated) {
                const suffix = this.tokens[this.index + 1];
                if (!NEGATABLE_OPERATORS.has(suffix.value)) throw this.unexpected(suffix);
                if (BINARY_PRECEDENCE[suffix.value] < precedence) break;
                this.next();
                operatorToken = suffix;
            }
            const operator = operatorToken.value;
            const operatorPrecedence = BINARY_PRECEDENCE[operator];
            if (operatorPrecedence === undefined || operatorPrecedence < precedence) break;
            this.next();
            if (!SUPPORTED_BINARY.has(operator)) throw new ExprUnsupportedError(`the operator \`${operator}\``);
            if (previousOperator === "??" && operator !== "??") {
                throw compileError(
                    `Operator (${operator}) and coalesce expressions (??) cannot be mixed. Wrap either by parentheses.`,
                );
            }
            if (COMPARISONS.has(operator)) {
                left = this.parseComparison(left, operator, operatorPrecedence);
            } else {
                const right = this.parseExpression(
                    RIGHT_ASSOCIATIVE.has(operator) ? operatorPrecedence : operatorPrecedence + 1,
                );
                left = { kind: "binary", operator, left, right };
                if (negated) left = { kind: "unary", operator: "not", operand: left };
            }
            previousOperator = operator;
        }
        return precedence === 0 ? this.parseConditional(left) : left;
    }

    private parseLet(): Node {
        this.expect("operator", "let");
        const name = this.expect("identifier").value;
        this.expect("operator", "=");
        const value = this.parseExpression(0);
        this.expect("operator", ";");
        return { kind: "let", name, value, body: this.parseSequence() };
    }

    private parseConditional(node: Node): Node {
        while (this.is("operator", "?")) {
            this.next();
            if (this.is("operator", ":")) {
                // `a ?: b` is `a ? a : b`.
                this.next();
                node = { kind: "conditional", condition: node, then: node, otherwise: this.parseExpression(0) };
            } else {
                const then = this.parseExpression(0);
                this.expect("operator", ":");
                node = { kind: "conditional", condition: node, then, otherwise: this.parseExpression(0) };
            }
        }
        return node;
    }

    /** A chain of comparisons `a < b <= c` is `a < b && b <= c` (parseComparison). */
    private parseComparison(left: Node, operator: string, precedence: number): Node {
        let root: Node | undefined;
        for (;;) {
            const comparator = this.parseExpression(precedence + 1);
            const comparison: Node = { kind: "binary", operator, left, right: comparator };
            root = root ? { kind: "binary", operator: "&&", left: root, right: comparison } : comparison;
            left = comparator;
            if (!(this.is("operator") && COMPARISONS.has(this.current.value))) return root;
            operator = this.next().value;
        }
    }

    private parsePrimary(): Node {
        const token = this.current;
        if (token.kind === "operator" && token.value in UNARY_PRECEDENCE) {
            this.next();
            const operand = this.parseExpression(UNARY_PRECEDENCE[token.value]);
            return this.parsePostfix({ kind: "unary", operator: token.value, operand });
        }
        if (this.is("bracket", "(")) {
            this.next();
            const inner = this.parseSequence();
            this.expect("bracket", ")");
            return this.parsePostfix(inner);
        }
        if (this.predicateDepth > 0 && (this.is("operator", "#") || this.is("operator", "."))) {
            // `.Field` is `#.Field`: the "." stays current and becomes the member access on the pointer.
            if (this.is("operator", "#")) {
                this.next();
                if (this.is("identifier")) throw new ExprUnsupportedError(`the pointer #${this.current.value}`);
            }
            return this.parsePostfix({ kind: "pointer" });
        }
        if (this.is("operator", "::")) throw new ExprUnsupportedError("`::`");
        return this.parseSecondary();
    }

    private parseSecondary(): Node {
        const token = this.current;
        switch (token.kind) {
            case "identifier": {
                this.next();
                // true, false and nil take no postfix (parseSecondary returns them directly).
                if (token.value === "true" || token.value === "false") {
                    return { kind: "bool", value: token.value === "true" };
                }
                if (token.value === "nil") return { kind: "nil" };
                if (token.value === "$env") throw new ExprUnsupportedError("`$env`");
                const node: Node = this.is("bracket", "(")
                    ? this.parseCall(token.value)
                    : { kind: "identifier", name: token.value };
                return this.parsePostfix(node);
            }
            case "number": {
                this.next();
                const text = token.value.replace(/_/g, "");
                // Numbers take no postfix either.
                return /[.eE]/.test(text)
                    ? { kind: "float", value: parseFloat(text) }
                    : { kind: "int", value: parseInt(text, 10) };
            }
            case "string":
                this.next();
                return this.parsePostfix({ kind: "string", value: token.value });
            default:
                if (this.is("bracket", "[")) return this.parsePostfix(this.parseArray());
                if (this.is("bracket", "{")) return this.parsePostfix(this.parseMap());
                throw this.unexpected();
        }
    }

    private parseCall(name: string): Node {
        if (!isSupportedBuiltin(name)) {
            throw new ExprUnsupportedError(
                PREDICATE_BUILTINS.has(name) ? `the builtin ${name}()` : `the function ${name}()`,
            );
        }
        this.expect("bracket", "(");
        const args: Node[] = [];
        if (PREDICATE_BUILTINS.has(name)) {
            if (this.is("bracket", ")")) throw compileError("expected at least 2 arguments");
            args.push(this.parseExpression(0));
            if (this.is("bracket", ")")) throw compileError("expected at least 2 arguments");
            this.expect("operator", ",");
            args.push(this.parsePredicate());
            if (this.is("operator", ",")) this.next();
        } else {
            while (!this.is("bracket", ")")) {
                if (args.length > 0) this.expect("operator", ",");
                if (this.is("bracket", ")")) break;
                args.push(this.parseExpression(0));
            }
        }
        this.expect("bracket", ")");
        return { kind: "builtin", name, args };
    }

    private parsePredicate(): Node {
        const withBrackets = this.is("bracket", "{");
        if (withBrackets) this.next();
        this.predicateDepth++;
        const body = withBrackets ? this.parseSequence() : this.parseExpression(0);
        if (!withBrackets && this.is("operator", ";")) throw compileError("wrap predicate with brackets { and }");
        this.predicateDepth--;
        if (withBrackets) this.expect("bracket", "}");
        return { kind: "predicate", body };
    }

    private parseArray(): Node {
        this.expect("bracket", "[");
        const items: Node[] = [];
        while (!this.is("bracket", "]")) {
            if (items.length > 0) {
                this.expect("operator", ",");
                if (this.is("bracket", "]")) break;
            }
            items.push(this.parseExpression(0));
        }
        this.expect("bracket", "]");
        return { kind: "array", items };
    }

    private parseMap(): Node {
        this.expect("bracket", "{");
        const pairs: { key: Node; value: Node }[] = [];
        while (!this.is("bracket", "}")) {
            if (pairs.length > 0) {
                this.expect("operator", ",");
                if (this.is("bracket", "}")) break;
            }
            let key: Node;
            if (this.is("number") || this.is("string") || this.is("identifier")) {
                key = { kind: "string", value: this.next().value };
            } else if (this.is("bracket", "(")) {
                key = this.parseExpression(0);
            } else {
                throw compileError(
                    `a map key must be a quoted string, a number, a identifier, or an expression enclosed in parentheses (unexpected token ${describe(this.current)})`,
                );
            }
            this.expect("operator", ":");
            pairs.push({ key, value: this.parseExpression(0) });
        }
        this.expect("bracket", "}");
        return { kind: "map", pairs };
    }

    private parsePostfix(node: Node): Node {
        for (;;) {
            const optional = this.is("operator", "?.");
            if (this.is("operator", ".") || optional) {
                this.next();
                if (optional && this.is("bracket", "[")) {
                    node = this.parseIndex(node, true);
                    continue;
                }
                const property = this.next();
                if (property.kind !== "identifier" && !(property.kind === "operator" && /^\w+$/.test(property.value))) {
                    throw compileError("expected name");
                }
                if (this.is("bracket", "(")) throw new ExprUnsupportedError(`the method call .${property.value}()`);
                // A member of a chain joins the chain, so `a?.b.c` is nil as a whole when `a` is nil.
                const isChain = node.kind === "chain";
                const object = node.kind === "chain" ? node.node : node;
                const member: Node = {
                    kind: "member",
                    object,
                    property: { kind: "string", value: property.value },
                    optional,
                };
                node = isChain || optional ? { kind: "chain", node: member } : member;
            } else if (this.is("bracket", "[")) {
                node = this.parseIndex(node, false);
            } else {
                return node;
            }
        }
    }

    private parseIndex(node: Node, optional: boolean): Node {
        this.expect("bracket", "[");
        if (this.is("operator", ":")) throw new ExprUnsupportedError("a slice `[:]`");
        const property = this.parseExpression(0);
        if (this.is("operator", ":")) throw new ExprUnsupportedError("a slice `[:]`");
        this.expect("bracket", "]");
        const member: Node = { kind: "member", object: node, property, optional };
        return optional ? { kind: "chain", node: member } : member;
    }
}

function describe(token: Token): string {
    const kind = {
        identifier: "Identifier",
        number: "Number",
        string: "String",
        operator: "Operator",
        bracket: "Bracket",
        eof: "EOF",
    }[token.kind];
    return `${kind}(${JSON.stringify(token.value)})`;
}

// ---------------------------------------------------------------- checker (checker/checker.go, literal types only)

/** A type the checker can know without an env: literals, and what operators on them produce. */
type Nature =
    { kind: "unknown" | "nil" | "bool" | "int" | "float" | "string" | "map" } | { kind: "array"; element: Nature };

const UNKNOWN: Nature = { kind: "unknown" };
const BOOL: Nature = { kind: "bool" };
const INT: Nature = { kind: "int" };

const isNumber = (n: Nature) => n.kind === "int" || n.kind === "float";
const natureName = (n: Nature): string =>
    n.kind === "float"
        ? "float64"
        : n.kind === "map"
          ? "map[string]interface {}"
          : n.kind === "array"
            ? `[]${n.element.kind === "unknown" ? "interface {}" : natureName(n.element)}`
            : n.kind === "unknown"
              ? "interface {}"
              : n.kind;

/** nature.go ComparableTo. */
function comparable(a: Nature, b: Nature): boolean {
    return (
        a.kind === "unknown" ||
        b.kind === "unknown" ||
        a.kind === "nil" ||
        b.kind === "nil" ||
        (isNumber(a) && isNumber(b)) ||
        a.kind === b.kind
    );
}

/** nature.go MaybeCompatible: both unknown, or one unknown and the other passes a check. */
function maybeCompatible(a: Nature, b: Nature, check: (n: Nature) => boolean): boolean {
    return (
        (a.kind === "unknown" && b.kind === "unknown") ||
        (a.kind === "unknown" && check(b)) ||
        (b.kind === "unknown" && check(a))
    );
}

function check(node: Node, variables: Map<string, Nature>): Nature {
    const visit = (child: Node, scope = variables) => check(child, scope);
    switch (node.kind) {
        case "nil":
            return { kind: "nil" };
        case "bool":
        case "int":
        case "float":
        case "string":
            return { kind: node.kind };
        case "identifier":
            return variables.get(node.name) ?? UNKNOWN;
        case "pointer":
            return UNKNOWN;
        case "chain":
            return visit(node.node);
        case "member":
            visit(node.object);
            visit(node.property);
            return UNKNOWN;
        case "unary": {
            const operand = visit(node.operand);
            if (node.operator === "!" || node.operator === "not") {
                if (operand.kind === "bool" || operand.kind === "unknown") return BOOL;
            } else if (isNumber(operand) || operand.kind === "unknown") {
                return operand;
            }
            throw compileError(`invalid operation: ${node.operator} (mismatched type ${natureName(operand)})`);
        }
        case "binary":
            return checkBinary(node.operator, visit(node.left), visit(node.right));
        case "conditional": {
            const condition = visit(node.condition);
            if (condition.kind !== "bool" && condition.kind !== "unknown") {
                throw compileError(`non-bool expression (type ${natureName(condition)}) used as condition`);
            }
            const then = visit(node.then);
            const otherwise = visit(node.otherwise);
            if (then.kind === "nil") return otherwise;
            if (otherwise.kind === "nil") return then;
            return then.kind === otherwise.kind && then.kind !== "array" ? then : UNKNOWN;
        }
        case "array": {
            const items = node.items.map((item) => visit(item));
            const uniform = items.every((item) => item.kind === items[items.length - 1]?.kind);
            return { kind: "array", element: uniform && items.length > 0 ? items[items.length - 1] : UNKNOWN };
        }
        case "map":
            for (const pair of node.pairs) {
                visit(pair.key);
                visit(pair.value);
            }
            return { kind: "map" };
        case "let": {
            if (isSupportedBuiltin(node.name) || PREDICATE_BUILTINS.has(node.name)) {
                throw compileError(`cannot redeclare builtin ${node.name}`);
            }
            if (variables.has(node.name)) throw compileError(`cannot redeclare variable ${node.name}`);
            const scope = new Map(variables).set(node.name, visit(node.value));
            return visit(node.body, scope);
        }
        case "sequence":
            return node.nodes.map((child) => visit(child)).pop()!;
        case "predicate":
            return visit(node.body);
        case "builtin":
            return checkBuiltin(node.name, node.args, visit);
    }
}

function checkBinary(operator: string, left: Nature, right: Nature): Nature {
    const mismatch = () =>
        compileError(`invalid operation: ${operator} (mismatched types ${natureName(left)} and ${natureName(right)})`);
    switch (operator) {
        case "==":
        case "!=":
            if (comparable(left, right)) return BOOL;
            throw mismatch();
        case "&&":
        case "and":
        case "||":
        case "or":
            if (left.kind === "bool" && right.kind === "bool") return BOOL;
            if (maybeCompatible(left, right, (n) => n.kind === "bool")) return BOOL;
            throw mismatch();
        case "<":
        case ">":
        case "<=":
        case ">=":
            if (isNumber(left) && isNumber(right)) return BOOL;
            if (left.kind === "string" && right.kind === "string") return BOOL;
            if (maybeCompatible(left, right, (n) => isNumber(n) || n.kind === "string")) return BOOL;
            throw mismatch();
        case "in":
            if (right.kind === "map") {
                if (left.kind !== "unknown" && left.kind !== "string") {
                    throw compileError(`cannot use ${natureName(left)} as type string in map key`);
                }
                return BOOL;
            }
            if (right.kind === "array") {
                if (!comparable(left, right.element)) {
                    throw compileError(`cannot use ${natureName(left)} as type ${natureName(right.element)} in array`);
                }
                return BOOL;
            }
            if (left.kind === "unknown" && right.kind === "string") return BOOL;
            if (right.kind === "unknown") return BOOL;
            throw mismatch();
        case "??":
            if (left.kind === "nil") return right;
            if (right.kind === "nil") return left;
            return left.kind === right.kind ? left : UNKNOWN;
    }
    throw new ExprUnsupportedError(`the operator \`${operator}\``);
}

function checkBuiltin(name: SupportedBuiltin, args: Node[], visit: (node: Node) => Nature): Nature {
    if (name === "type") {
        // builtin/builtin.go declares type as func(any) string.
        if (args.length !== 1) throw compileError(`invalid number of arguments (expected 1, got ${args.length})`);
        visit(args[0]);
        return { kind: "string" };
    }
    if (name === "len") {
        if (args.length !== 1) throw compileError(`invalid number of arguments (expected 1, got ${args.length})`);
        const argument = visit(args[0]);
        if (["array", "map", "string", "unknown"].includes(argument.kind)) return INT;
        throw compileError(`invalid argument for len (type ${natureName(argument)})`);
    }
    const collection = visit(args[0]);
    if (collection.kind !== "array" && collection.kind !== "unknown") {
        throw compileError(`builtin ${name} takes only array (got ${natureName(collection)})`);
    }
    const result = visit(args[1]);
    if (result.kind === "nil") throw compileError("predicate should has one input and one output param");
    if (result.kind !== "bool" && result.kind !== "unknown") {
        throw compileError(`predicate should return boolean (got ${natureName(result)})`);
    }
    if (name === "filter") return collection.kind === "array" ? collection : { kind: "array", element: UNKNOWN };
    if (name === "find") return collection.kind === "array" ? collection.element : UNKNOWN;
    return BOOL;
}

// ---------------------------------------------------------------- runtime (vm/vm.go, vm/runtime/runtime.go)

/** Thrown by a `?.` on nil; the enclosing chain catches it and yields nil (compiler.go ChainNode). */
class ChainShortCircuit {}

type Scope = { variables: Map<string, unknown>; items: unknown[] };

/** runtime.Fetch. */
function fetch(from: unknown, key: unknown): unknown {
    if (from === null || from === undefined) throw runtimeError(`cannot fetch ${goString(key)} from <nil>`);
    if (Array.isArray(from)) {
        const length = from.length;
        let index = toInt(key);
        if (index < 0) index += length;
        if (index < 0 || index >= length) {
            throw runtimeError(`index out of range: ${index} (array length is ${length})`);
        }
        return from[index];
    }
    if (typeof from === "string") throw new ExprUnsupportedError("indexing a string");
    const structType = structTypeOf(from);
    if (structType !== undefined) {
        if (typeof key !== "string") {
            throw runtimeError(`interface conversion: interface {} is ${goTypeName(key)}, not string`);
        }
        if (Object.prototype.hasOwnProperty.call(from, key)) return (from as any)[key] ?? null;
        throw runtimeError(`cannot fetch ${key} from ${structType}`);
    }
    if (isMap(from)) {
        const mapKey = key ?? "";
        if (typeof mapKey !== "string") {
            throw runtimeError(
                `reflect.Value.MapIndex: value of type ${goTypeName(key)} is not assignable to type string`,
            );
        }
        if (Object.prototype.hasOwnProperty.call(from, mapKey)) return from[mapKey] ?? null;
        return mapInfoOf(from)?.zeroValue ?? null;
    }
    throw runtimeError(`cannot fetch ${goString(key)} from ${goTypeName(from)}`);
}

/** runtime.ToInt. */
function toInt(value: unknown): number {
    if (typeof value !== "number") throw runtimeError(`invalid operation: int(${goTypeName(value)})`);
    return Math.trunc(value);
}

/** fmt's %v of a scalar key in a Fetch error. */
const goString = (value: unknown) => (value === null || value === undefined ? "<nil>" : String(value));

/** runtime.Equal: never an error; different types are unequal. */
function equal(a: unknown, b: unknown): boolean {
    if (typeof a === "number" && typeof b === "number") return a === b;
    if (typeof a === "string" || typeof a === "boolean") return a === b;
    if (Array.isArray(a) && Array.isArray(b)) {
        return a.length === b.length && a.every((item, i) => equal(item, b[i]));
    }
    if (isNil(a) && isNil(b)) return true;
    return deepEqual(a, b);
}

/** reflect.DeepEqual over the modelled values (a nil map is not deeply equal to an empty one). */
function deepEqual(a: unknown, b: unknown): boolean {
    if (a === b) return true;
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
        return (a ?? null) === (b ?? null);
    }
    if (goTypeName(a) !== goTypeName(b) || Boolean(isNil(a)) !== Boolean(isNil(b))) return false;
    if (Array.isArray(a) && Array.isArray(b)) {
        return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
    }
    const aKeys = Object.keys(a);
    const bKeys = Object.keys(b);
    return aKeys.length === bKeys.length && aKeys.every((k) => k in b && deepEqual((a as any)[k], (b as any)[k]));
}

/** runtime.Less/More/LessOrEqual/MoreOrEqual: numbers with numbers, strings with strings. */
function compare(operator: string, a: unknown, b: unknown): boolean {
    const comparable =
        (typeof a === "number" && typeof b === "number") || (typeof a === "string" && typeof b === "string");
    if (!comparable) throw runtimeError(`invalid operation: ${goTypeName(a)} ${operator} ${goTypeName(b)}`);
    const [x, y] = [a as number | string, b as number | string];
    return operator === "<" ? x < y : operator === ">" ? x > y : operator === "<=" ? x <= y : x >= y;
}

/** runtime.In. */
function contains(needle: unknown, collection: unknown): boolean {
    if (collection === null || collection === undefined) return false;
    if (Array.isArray(collection)) return collection.some((item) => equal(item, needle));
    const structType = structTypeOf(collection);
    if (structType !== undefined) {
        if (typeof needle !== "string") {
            throw runtimeError(`cannot use ${goTypeName(needle)} as field name of ${structType}`);
        }
        return Object.prototype.hasOwnProperty.call(collection, needle);
    }
    if (isMap(collection)) {
        const key = needle ?? "";
        if (typeof key !== "string") {
            throw runtimeError(
                `reflect.Value.MapIndex: value of type ${goTypeName(needle)} is not assignable to type string`,
            );
        }
        return Object.prototype.hasOwnProperty.call(collection, key);
    }
    throw runtimeError(`operator "in" not defined on ${goTypeName(collection)}`);
}

/** The VM's `.(bool)` assertions (OpNot, OpJumpIfTrue/False). */
function asBool(value: unknown): boolean {
    if (typeof value !== "boolean") {
        throw runtimeError(`interface conversion: interface {} is ${goTypeName(value)}, not bool`);
    }
    return value;
}

/** OpBegin: the collection of all/any/filter/find, which reflect.Value.Len must accept. */
function iterable(collection: unknown): unknown[] {
    if (Array.isArray(collection)) return collection;
    if (collection === null || collection === undefined) {
        throw runtimeError("reflect: call of reflect.Value.Len on zero Value");
    }
    if (isMap(collection)) {
        if (Object.keys(collection).length === 0) return [];
        throw runtimeError("reflect: call of reflect.Value.Index on map Value");
    }
    if (typeof collection === "string") throw new ExprUnsupportedError("iterating over a string");
    const kind = structTypeOf(collection) !== undefined ? "struct" : goTypeName(collection);
    throw runtimeError(`reflect: call of reflect.Value.Len on ${kind} Value`);
}

function evaluate(node: Node, env: Record<string, unknown>, scope: Scope): unknown {
    const run = (child: Node, inner = scope) => evaluate(child, env, inner);
    switch (node.kind) {
        case "nil":
            return null;
        case "bool":
        case "int":
        case "float":
        case "string":
            return node.value;
        case "identifier":
            if (scope.variables.has(node.name)) return scope.variables.get(node.name);
            // The env is a map[string]any: an unknown name reads as nil (OpLoadConst → runtime.Fetch).
            return fetch(env, node.name);
        case "pointer":
            return scope.items[scope.items.length - 1];
        case "chain":
            try {
                const value = run(node.node);
                return isNil(value) ? null : value;
            } catch (signal) {
                if (signal instanceof ChainShortCircuit) return null;
                throw signal;
            }
        case "member": {
            const object = run(node.object);
            if (node.optional && isNil(object)) throw new ChainShortCircuit();
            return fetch(object, run(node.property));
        }
        case "unary": {
            const operand = run(node.operand);
            if (node.operator === "!" || node.operator === "not") return !asBool(operand);
            if (typeof operand !== "number") throw runtimeError(`invalid operation: - ${goTypeName(operand)}`);
            return node.operator === "-" ? -operand : operand;
        }
        case "binary":
            return evaluateBinary(node.operator, node.left, node.right, run);
        case "conditional":
            return asBool(run(node.condition)) ? run(node.then) : run(node.otherwise);
        case "array":
            return node.items.map((item) => run(item));
        case "map": {
            const map: Record<string, unknown> = {};
            for (const pair of node.pairs) {
                const key = run(pair.key);
                if (typeof key !== "string") {
                    throw runtimeError(`interface conversion: interface {} is ${goTypeName(key)}, not string`);
                }
                map[key] = run(pair.value);
            }
            return map;
        }
        case "let": {
            const variables = new Map(scope.variables).set(node.name, run(node.value));
            return run(node.body, { ...scope, variables });
        }
        case "sequence":
            return node.nodes.map((child) => run(child)).pop();
        case "predicate":
            return run(node.body);
        case "builtin":
            return evaluateBuiltin(node.name, node.args, (child, item) =>
                run(child, item === undefined ? scope : { ...scope, items: [...scope.items, item.value] }),
            );
    }
}

function evaluateBinary(operator: string, left: Node, right: Node, run: (node: Node) => unknown): unknown {
    switch (operator) {
        case "&&":
        case "and": {
            // OpJumpIfFalse asserts only the left operand; the right one is the result as it is.
            const value = run(left);
            return asBool(value) ? run(right) : value;
        }
        case "||":
        case "or": {
            const value = run(left);
            return asBool(value) ? value : run(right);
        }
        case "??": {
            const value = run(left);
            return isNil(value) ? run(right) : value;
        }
        case "==":
            return equal(run(left), run(right));
        case "!=":
            return !equal(run(left), run(right));
        case "in": {
            const needle = run(left);
            return contains(needle, run(right));
        }
        default: {
            const a = run(left);
            return compare(operator, a, run(right));
        }
    }
}

function evaluateBuiltin(
    name: SupportedBuiltin,
    args: Node[],
    run: (node: Node, item?: { value: unknown }) => unknown,
): unknown {
    const collection = run(args[0]);
    if (name === "type") return goTypeOf(collection);
    if (name === "len") {
        if (Array.isArray(collection)) return collection.length;
        if (typeof collection === "string") return [...collection].length;
        if (isMap(collection)) return Object.keys(collection).length;
        throw runtimeError(`invalid argument for len (type ${goTypeName(collection)})`);
    }
    const items = iterable(collection);
    const holds = (item: unknown) => asBool(run(args[1], { value: item }));
    switch (name) {
        case "all":
            return items.every(holds);
        case "any":
            return items.some(holds);
        case "filter":
            return items.filter(holds);
        case "find": {
            for (const item of items) if (holds(item)) return item;
            return null;
        }
    }
}

/**
 * Evaluates `expression` against `env` as `expr.Compile(expression)` + `expr.Run(program, env)` would (the
 * controller's call), returning the result with Go nil as `null`. Throws `ExprError` where expr-lang would fail
 * (`phase` says whether at compile or run time) and `ExprUnsupportedError` for syntax outside the modelled subset.
 */
export function evaluateExpr(expression: string, env: Record<string, unknown>): unknown {
    const tree = new Parser(tokenize(expression)).parse();
    check(tree, new Map());
    return evaluate(tree, env, { variables: new Map(), items: [] });
}

export type CommitStatusPhase = "success" | "pending" | "failure";

/**
 * The phase the controller derives from a success.when result in `mode.context: environments` (GitOps Promoter
 * v0.36.0 internal/webrequest/evaluator.go evaluateValidationExpressionForEnvironments, environments.go
 * parseSinglePhase/getString/parsePhaseString). Throws where the controller fails the reconcile.
 */
export function promoterSuccessPhase(result: unknown): CommitStatusPhase {
    if (typeof result === "boolean") return result ? "success" : "pending";
    if (!isMap(result) || goTypeName(result) !== "map[string]interface {}") {
        throw new Error(`validation expression must return bool or object { phase }, got ${goTypeName(result)}`);
    }
    for (const key of ["defaultPhase", "environments"]) {
        if (Object.prototype.hasOwnProperty.call(result, key)) {
            throw new Error(
                `validation expression object must be { phase } in environments context, got key "${key}", which is only supported with mode.context: promotionstrategy`,
            );
        }
    }
    const phase = result.phase ?? "";
    if (typeof phase !== "string") {
        throw new Error(`validation expression phase: field "phase" must be a string, got ${goTypeName(phase)}`);
    }
    if (phase === "") return "pending";
    if (phase === "success" || phase === "pending" || phase === "failure") return phase;
    throw new Error(
        `validation expression phase: unrecognized phase "${phase}", must be one of: success, pending, failure`,
    );
}
