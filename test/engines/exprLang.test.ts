/**
 * The expr-lang test evaluator against expr-lang v1.17.8's own semantics. Cases marked "expr_test.go" are taken
 * (input and expected result) from github.com/expr-lang/expr v1.17.8 expr_test.go / parser/parser_test.go; the
 * others follow from the cited runtime and checker code at that tag.
 */
import * as assert from "assert";
import {
    evaluateExpr,
    ExprError,
    ExprUnsupportedError,
    goMap,
    goNilMap,
    goNilSlice,
    goStruct,
    promoterSuccessPhase,
} from "../support/exprLang";

const rejects = (expression: string, env: Record<string, unknown>, phase: "compile" | "run", message: RegExp) =>
    assert.throws(
        () => evaluateExpr(expression, env),
        (error: unknown) => error instanceof ExprError && error.phase === phase && message.test(error.message),
    );

const statusOf = (sha: string) =>
    goStruct({ Hydrated: goStruct({ Sha: sha }, "v1alpha1.CommitShaState") }, "v1alpha1.CommitBranchState");
const environments = [
    goStruct({ Branch: "environment/staging", Active: statusOf("aaa") }, "v1alpha1.EnvironmentStatus"),
    goStruct({ Branch: "environment/demo", Active: statusOf("bbb") }, "v1alpha1.EnvironmentStatus"),
];

describe("expr-lang v1.17.8 test evaluator", () => {
    describe("member access (vm/runtime/runtime.go Fetch)", () => {
        it("fetching from nil is a runtime error", () => {
            rejects("Response.StatusCode", { Response: null }, "run", /^cannot fetch StatusCode from <nil>$/);
        });

        it("an unknown identifier reads as nil from the map env, so its member errors", () => {
            assert.strictEqual(evaluateExpr("Missing", {}), null);
            rejects("Missing.Field", {}, "run", /cannot fetch Field from <nil>/);
        });

        it("a missing map key is nil; a missing struct field is an error", () => {
            assert.strictEqual(evaluateExpr("m.absent", { m: { present: 1 } }), null);
            const ps = goStruct({ Spec: 1 }, "*v1alpha1.PromotionStrategy");
            rejects("ps.Spek", { ps }, "run", /^cannot fetch Spek from \*v1alpha1\.PromotionStrategy$/);
            assert.strictEqual(evaluateExpr("ps.Spec", { ps }), 1);
        });

        it("a typed map's missing key is its zero value (expr_test.go: foo['missing'] == '' for map[string]string)", () => {
            const env = { foo: goMap({}, "map[string]string", ""), bar: {} };
            assert.strictEqual(evaluateExpr("foo['missing'] == '' && bar['missing'] == nil", env), true);
        });

        it("an array index out of range is an error; a negative index counts from the end", () => {
            assert.strictEqual(evaluateExpr("[1, 2, 3][-1]", {}), 3);
            rejects("[1, 2, 3][3]", {}, "run", /index out of range: 3 \(array length is 3\)/);
        });
    });

    describe("optional chaining (parser.go parsePostfixExpression, compiler.go ChainNode)", () => {
        it("?. on nil yields nil, and so does the rest of the chain (expr_test.go: foo?.bar.baz)", () => {
            assert.strictEqual(evaluateExpr("foo?.bar.baz", {}), null);
        });

        it("?. past a nil member (expr_test.go: foo.bar?.baz with foo = {})", () => {
            assert.strictEqual(evaluateExpr("foo.bar?.baz", { foo: {} }), null);
        });

        it("?.[ index chains (expr_test.go)", () => {
            assert.strictEqual(evaluateExpr("[1, 2, 3]?.[0]", {}), 1);
            assert.strictEqual(evaluateExpr("[[1, 2], 3, 4]?.[0]?.[1]", {}), 2);
            assert.strictEqual(evaluateExpr("[nil, 3, 4]?.[0]?.[1]", {}), null);
            assert.strictEqual(evaluateExpr("foo?.[1]?.[2]?.[3]", {}), null);
        });

        it("nested chains (expr_test.go: foo?.bar[foo?.id]?.baz)", () => {
            const env = { foo: { id: 1, bar: [{}, { baz: "baz" }] } };
            assert.strictEqual(evaluateExpr("foo?.bar[foo?.id]?.baz", env), "baz");
        });

        it("a plain [ after a chain does not join it, so it indexes the chain's nil", () => {
            rejects("foo?.bar[0]", {}, "run", /cannot fetch 0 from <nil>/);
        });
    });

    describe("nil coalescing ?? (compiler.go BinaryNode, runtime.IsNil)", () => {
        it("right side only when the left is nil (expr_test.go TestRun_NilCoalescingOperator)", () => {
            const env = { foo: { bar: "value" } };
            assert.strictEqual(evaluateExpr(`foo.bar ?? "default"`, env), "value");
            assert.strictEqual(evaluateExpr(`foo.baz ?? "default"`, env), "default");
            assert.strictEqual(evaluateExpr(`foo?.bar ?? "default"`, {}), "default");
        });

        it("false, 0 and '' are not nil; a nil slice or map is", () => {
            assert.strictEqual(evaluateExpr("f ?? true", { f: false }), false);
            assert.strictEqual(evaluateExpr("z ?? 1", { z: 0 }), 0);
            assert.strictEqual(evaluateExpr("s ?? 'x'", { s: "" }), "");
            assert.strictEqual(evaluateExpr("l ?? 'x'", { l: goNilSlice() }), "x");
            assert.strictEqual(evaluateExpr("m ?? 'x'", { m: goNilMap() }), "x");
        });

        it("?? binds tighter than ==, and another operator after ?? is a parse error (parser_test.go)", () => {
            assert.strictEqual(evaluateExpr("a == b ?? 1", { a: 1 }), true);
            rejects(
                "foo ?? bar || baz",
                {},
                "compile",
                /Operator \(\|\|\) and coalesce expressions \(\?\?\) cannot be mixed/,
            );
        });
    });

    describe("equality and ordering (vm/runtime/helpers[generated].go, checker.go)", () => {
        it('values of different types are unequal, not an error (expr_test.go: 0 == nil || "str" == nil || true == nil)', () => {
            assert.strictEqual(evaluateExpr(`0 == nil || "str" == nil || true == nil`, {}), false);
            assert.strictEqual(evaluateExpr("code == '200'", { code: 200 }), false);
            assert.strictEqual(evaluateExpr("code == 200.0", { code: 200 }), true);
        });

        it("literals of incomparable types are a compile error", () => {
            rejects(`1 == "a"`, {}, "compile", /invalid operation: == \(mismatched types int and string\)/);
        });

        it("< between mismatched runtime types is an error", () => {
            rejects("a < 1", { a: "x" }, "run", /^invalid operation: string < int$/);
            rejects("a < 1", { a: null }, "run", /^invalid operation: <nil> < int$/);
        });

        it("comparisons chain (expr_test.go)", () => {
            assert.strictEqual(evaluateExpr("1 > 2 < 3", {}), false);
            assert.strictEqual(evaluateExpr("1 < 2 < 3", {}), true);
            assert.strictEqual(evaluateExpr("1 < 2 < 3 > 4", {}), false);
            assert.strictEqual(evaluateExpr("1 < 2 < 3 == true", {}), true);
        });
    });

    describe("boolean operators (compiler.go BinaryNode, vm.go OpJumpIfFalse/OpNot)", () => {
        it("&& and || short-circuit: the right side is not evaluated", () => {
            assert.strictEqual(evaluateExpr("false && Missing.Field", {}), false);
            assert.strictEqual(evaluateExpr("true || Missing.Field", {}), true);
            assert.strictEqual(evaluateExpr("false and Missing.Field", {}), false);
        });

        it("the left operand must be bool at run time; the right one is returned as it is", () => {
            rejects("x && true", { x: null }, "run", /interface conversion: interface \{\} is <nil>, not bool/);
            assert.strictEqual(evaluateExpr("true && x", { x: "value" }), "value");
        });

        it("a non-bool literal operand is a compile error", () => {
            rejects("true && 1", {}, "compile", /invalid operation: && \(mismatched types bool and int\)/);
            rejects("!1", {}, "compile", /invalid operation: ! \(mismatched type int\)/);
        });

        it("! and not negate bools and reject anything else", () => {
            assert.strictEqual(evaluateExpr("!x && not false", { x: false }), true);
            rejects("!x", { x: "s" }, "run", /is string, not bool/);
        });

        it("! binds tighter than ==, && tighter than ||", () => {
            assert.strictEqual(evaluateExpr("!a == b", { a: true, b: false }), true);
            assert.strictEqual(evaluateExpr("true || false && false", {}), true);
        });
    });

    describe("in (vm/runtime/runtime.go In)", () => {
        it("array membership and map keys (expr_test.go)", () => {
            assert.strictEqual(evaluateExpr(`1 in [1, 2, 3] && "foo" in {foo: 0, bar: 1}`, {}), true);
            assert.strictEqual(evaluateExpr("1 in [1.5] || 1 not in [1]", {}), false);
            assert.strictEqual(evaluateExpr("-1 not in [1]", {}), true);
        });

        it("in nil is false; a struct answers whether it has the field", () => {
            assert.strictEqual(evaluateExpr("'a' in missing", {}), false);
            const s = goStruct({ Branch: "b" }, "v1alpha1.Environment");
            assert.strictEqual(evaluateExpr("'Branch' in s && !('Nope' in s)", { s }), true);
        });
    });

    describe("ternary, let and literals (parser.go parseConditional, parseVariableDeclaration)", () => {
        it("the ternary has the lowest precedence and nests to the right", () => {
            assert.strictEqual(evaluateExpr("false || true ? 'a' : 'b'", {}), "a");
            assert.strictEqual(evaluateExpr("false ? 1 : true ? 2 : 3", {}), 2);
            assert.strictEqual(evaluateExpr("(true ? 0 : 2) == 0", {}), true);
        });

        it("the condition must be bool", () => {
            rejects("1 ? 2 : 3", {}, "compile", /non-bool expression \(type int\) used as condition/);
            rejects("c ? 2 : 3", { c: null }, "run", /is <nil>, not bool/);
        });

        it("let binds names for the rest of the expression, nested (expr_test.go: let x = 1; x + 2 shape)", () => {
            assert.strictEqual(evaluateExpr("let x = 1; let y = x; y == 1 && x < 2", {}), true);
            assert.strictEqual(evaluateExpr("let env = Branch; env", { Branch: "b" }), "b");
            rejects("let x = 1; let x = 2; x", {}, "compile", /cannot redeclare variable x/);
        });

        it("string, number and collection literals", () => {
            assert.deepStrictEqual(evaluateExpr(`{phase: 'success', "n": 1.5, 2: [nil, true, "a\\tb"]}`, {}), {
                phase: "success",
                n: 1.5,
                2: [null, true, "a\tb"],
            });
        });
    });

    describe("closures (compiler.go BuiltinNode, vm.go OpBegin)", () => {
        const env = {
            PromotionStrategy: goStruct({ Status: goStruct({ Environments: environments }) }),
            Branch: "environment/demo",
        };

        it('find returns the first match, or nil (expr_test.go find(ArrayOfFoo, .Value == "baz"))', () => {
            const sha = "find(PromotionStrategy.Status.Environments, .Branch == Branch).Active.Hydrated.Sha";
            assert.strictEqual(evaluateExpr(sha, env), "bbb");
            assert.strictEqual(evaluateExpr("find(PromotionStrategy.Status.Environments, .Branch == 'x')", env), null);
            rejects(sha, { ...env, Branch: "x" }, "run", /cannot fetch Active from <nil>/);
        });

        it("a closure's .Field on a struct element follows struct rules", () => {
            rejects(
                "any(PromotionStrategy.Status.Environments, .branch == Branch)",
                env,
                "run",
                /cannot fetch branch from v1alpha1\.EnvironmentStatus/,
            );
        });

        it("any, all, filter, len and # (expr_test.go all(1..3, {# > 0}) shape)", () => {
            assert.strictEqual(evaluateExpr("all([1, 2, 3], {# > 0}) && !any([1, 2], # > 2)", {}), true);
            assert.deepStrictEqual(evaluateExpr("filter([1, 5, 9], # > 4)", {}), [5, 9]);
            assert.strictEqual(
                evaluateExpr("len(filter(xs, .ok)) == 1 && len('héllo') == 5", { xs: [{ ok: true }, { ok: false }] }),
                true,
            );
        });

        it("the collection must not be nil, and the predicate must be bool", () => {
            rejects(
                "any(Body.statuses, .state == 'success')",
                { Body: {} },
                "run",
                /reflect: call of reflect\.Value\.Len on zero Value/,
            );
            rejects("any(xs, .state)", { xs: [{ state: "success" }] }, "run", /is string, not bool/);
            rejects("any(1, true)", {}, "compile", /builtin any takes only array \(got int\)/);
        });
    });

    describe("type (builtin/lib.go Type)", () => {
        it("names nil, kinds, and a struct's named type; a typed nil slice is an array, not nil", () => {
            const env = {
                nothing: null,
                body: { data: 1 },
                list: goNilSlice(),
                text: "x",
                flag: true,
                item: goStruct({ A: 1 }, "v1alpha1.Item"),
            };
            assert.strictEqual(evaluateExpr("type(nothing)", env), "nil");
            assert.strictEqual(evaluateExpr("type(body)", env), "map");
            assert.strictEqual(evaluateExpr("type(list)", env), "array");
            assert.strictEqual(evaluateExpr("type(text)", env), "string");
            assert.strictEqual(evaluateExpr("type(flag)", env), "bool");
            assert.strictEqual(evaluateExpr("type(item)", env), "v1alpha1.Item");
            assert.throws(() => evaluateExpr("type(1)", env), ExprUnsupportedError);
            assert.throws(() => evaluateExpr("type(text, text)", env), /invalid number of arguments/);
        });
    });

    describe("outside the subset", () => {
        for (const expression of [
            "a + b",
            "upper('x')",
            "map(xs, #)",
            "a.b()",
            "xs[1:2]",
            "if a { 1 } else { 2 }",
            "a matches 'x'",
            "x | len()",
        ]) {
            it(`refuses ${expression}`, () => {
                assert.throws(() => evaluateExpr(expression, {}), ExprUnsupportedError);
            });
        }
    });
});

describe("GitOps Promoter v0.36.0 success.when phase (internal/webrequest/evaluator.go, environments.go)", () => {
    it("bool true is success, false is pending", () => {
        assert.strictEqual(promoterSuccessPhase(true), "success");
        assert.strictEqual(promoterSuccessPhase(false), "pending");
    });

    it("an object's phase, pending when empty or omitted", () => {
        assert.strictEqual(promoterSuccessPhase({ phase: "failure" }), "failure");
        assert.strictEqual(promoterSuccessPhase({ phase: "" }), "pending");
        assert.strictEqual(promoterSuccessPhase({}), "pending");
        assert.strictEqual(promoterSuccessPhase(evaluateExpr("{phase: 'success'}", {})), "success");
    });

    it("anything else fails the reconcile", () => {
        assert.throws(() => promoterSuccessPhase(null), /must return bool or object \{ phase \}, got <nil>/);
        assert.throws(() => promoterSuccessPhase("success"), /got string/);
        assert.throws(() => promoterSuccessPhase({ phase: "done" }), /unrecognized phase "done"/);
        assert.throws(() => promoterSuccessPhase({ phase: 1 }), /field "phase" must be a string, got int/);
        assert.throws(
            () => promoterSuccessPhase({ defaultPhase: "success" }),
            /only supported with mode.context: promotionstrategy/,
        );
        assert.throws(() => promoterSuccessPhase(goStruct({ phase: "success" }, "v1alpha1.X")), /got v1alpha1\.X/);
    });
});
