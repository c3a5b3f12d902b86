// The browser evaluator against the shared vectors, using the AST the Python parser produced.
// Run: node --test tests/js/   (regenerate the compiled vectors with
// python -m app.questionnaires.expressions.compile_vectors after changing the parser or vectors)
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import {
  evaluate,
  evaluateBoolean,
  evaluateText,
  ExpressionError,
  references,
} from "../../app/static/js/expressions.js";

const DEFAULT_TODAY = "2026-11-27"; // the pytest runner uses the same default
const vectors = JSON.parse(
  readFileSync(new URL("./expression_vectors.compiled.json", import.meta.url), "utf8"),
);

function contextFor(vector) {
  const answers = vector.answers ?? {};
  return {
    value: (name) => (Object.hasOwn(answers, name) ? answers[name] : null),
    current: vector.current ?? null,
    position: vector.position ?? null,
    today: vector.today ?? DEFAULT_TODAY,
  };
}

// {"$number": "NaN"} equals NaN (JSON has no NaN or Infinity); numbers compare with ===.
function assertMatches(result, expect) {
  if (expect !== null && typeof expect === "object" && !Array.isArray(expect)) {
    const target = Number(expect.$number);
    assert.equal(typeof result, "number", `expected a number, got ${JSON.stringify(result)}`);
    assert.ok(Number.isNaN(target) ? Number.isNaN(result) : result === target, `got ${result}`);
  } else if (typeof expect === "number") {
    assert.equal(typeof result, "number", `expected a number, got ${JSON.stringify(result)}`);
    assert.ok(result === expect, `expected ${expect}, got ${result}`);
  } else {
    assert.deepEqual(result, expect);
  }
}

test("the compiled vectors are a substantial set", () => {
  assert.ok(vectors.length >= 150, `only ${vectors.length} vectors`);
  assert.ok(vectors.some((v) => "error" in v), "no evaluation-error vectors");
});

vectors.forEach((vector, index) => {
  test(`vector ${index}: ${vector.expr}`, () => {
    const ctx = contextFor(vector);
    if ("error" in vector) {
      assert.throws(
        () => evaluate(vector.ast, ctx),
        (error) => error instanceof ExpressionError && error.message.includes(vector.error),
      );
    } else {
      assertMatches(evaluate(vector.ast, ctx), vector.expect);
    }
  });
});

test("boolean and text helpers apply XPath conversions", () => {
  const ctx = contextFor({ answers: { n: 0, t: "false" } });
  assert.equal(evaluateBoolean({ type: "ref", name: "n" }, ctx), false);
  assert.equal(evaluateBoolean({ type: "ref", name: "t" }, ctx), true);
  const one = { type: "number", value: 1 };
  const half = { type: "binary", op: "div", left: one, right: { type: "number", value: 2 } };
  assert.equal(evaluateText(half, ctx), "0.5");
});

test("references lists the fields an AST reads", () => {
  const withConcat = vectors.find((v) => v.expr.startsWith("concat(${a}, ' \u2013 '"));
  assert.deepEqual([...references(withConcat.ast)].sort(), ["a", "b"]);
});

test("today accepts a Date and uses its local calendar day", () => {
  const ctx = { value: () => null, current: null, position: null, today: new Date(2026, 0, 5) };
  assert.equal(evaluate({ type: "call", name: "today", args: [] }, ctx), "2026-01-05");
});

test("an AST the parser cannot produce is an ExpressionError", () => {
  const one = { type: "number", value: 1 };
  assert.throws(() => evaluate({ type: "path" }, contextFor({})), /unknown node type: path/);
  const power = { type: "binary", op: "^", left: one, right: one };
  assert.throws(() => evaluate(power, contextFor({})), /unknown operator: \^/);
  const call = { type: "call", name: "uuid", args: [] };
  assert.throws(() => evaluate(call, contextFor({})), ExpressionError);
});
