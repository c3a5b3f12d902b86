"""The expression language: shared vectors, the public API, and the files kept in step with it."""

import json
import math
import re
from datetime import date
from pathlib import Path

import pytest

from app.questionnaires.expressions import (
    SUPPORTED_FUNCTIONS,
    DictContext,
    ExpressionError,
    evaluate,
    evaluate_boolean,
    evaluate_text,
    functions,
    parse,
    references,
    to_json,
    uses_current,
)
from app.questionnaires.expressions.compile_vectors import TARGET, render
from app.questionnaires.expressions.parser import BINARY_POWER

ROOT = Path(__file__).resolve().parents[2]
VECTORS_PATH = Path(__file__).with_name("expression_vectors.json")
VECTORS = json.loads(VECTORS_PATH.read_text(encoding="utf-8"))
DEFAULT_TODAY = "2026-11-27"  # the JS runner uses the same default


def context_for(vector: dict) -> DictContext:
    return DictContext(
        answers=vector.get("answers", {}),
        current=vector.get("current"),
        position=vector.get("position"),
        today=vector.get("today", DEFAULT_TODAY),
    )


def matches(result: object, expect: object) -> bool:
    """Vector equality: {"$number": "NaN"} equals NaN; whole numbers come back as int."""
    is_number = isinstance(result, int | float) and not isinstance(result, bool)
    if isinstance(expect, dict):
        target = float(expect["$number"])
        return is_number and (math.isnan(result) if math.isnan(target) else result == target)
    if isinstance(expect, bool):
        return result is expect
    if isinstance(expect, int):
        return type(result) is int and result == expect
    if isinstance(expect, float):
        return is_number and result == expect
    return type(result) is type(expect) and result == expect


@pytest.mark.parametrize(
    "vector", VECTORS, ids=[f"{i}:{v['expr'][:40]}" for i, v in enumerate(VECTORS)]
)
def test_vector(vector: dict) -> None:
    if "error" in vector:
        with pytest.raises(ExpressionError) as raised:
            evaluate(parse(vector["expr"]), context_for(vector))
        assert vector["error"] in raised.value.message
    else:
        result = evaluate(parse(vector["expr"]), context_for(vector))
        assert matches(result, vector["expect"]), f"got {result!r}"


def test_vectors_cover_the_whole_language() -> None:
    parsed = [parse(v["expr"]) for v in VECTORS if "expect" in v]
    used_functions = set().union(*(functions(node) for node in parsed))
    used_operators = {op for v in VECTORS for op in BINARY_POWER if f" {op} " in v["expr"]}
    assert len(VECTORS) >= 150
    assert used_functions == SUPPORTED_FUNCTIONS
    assert used_operators == set(BINARY_POWER)
    assert sum("error" in v for v in VECTORS) >= 40


def test_compiled_vectors_are_current() -> None:
    expected = render(VECTORS)
    current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
    assert current == expected, (
        "tests/js/expression_vectors.compiled.json is stale: "
        "run python -m app.questionnaires.expressions.compile_vectors"
    )


def test_references_and_functions() -> None:
    node = parse("if(selected(${jenis}, 'lain'), string-length(${jenis_lain}) > 0, true())")
    assert references(node) == {"jenis", "jenis_lain"}
    assert functions(node) == {"if", "selected", "string-length", "true"}
    assert not uses_current(node)
    assert uses_current(parse(". > ${min}"))


def test_ast_is_plain_json_and_evaluates_after_a_round_trip() -> None:
    node = parse("round(${biaya} div 1000, 1) >= 2.5 and position(..) = 1")
    shipped = json.loads(json.dumps(to_json(node)))
    assert shipped == node
    ctx = DictContext({"biaya": 2460}, position=1)
    assert evaluate(shipped, ctx) is True


def test_parse_error_carries_message_and_position() -> None:
    with pytest.raises(ExpressionError) as raised:
        parse("${a} + foo(1)")
    assert raised.value.message == "unknown function: foo()"
    assert raised.value.position == 7
    assert str(raised.value) == "unknown function: foo()"
    assert isinstance(raised.value, ValueError)


def test_missing_parenthesis_points_at_the_end() -> None:
    with pytest.raises(ExpressionError) as raised:
        parse("(1 + 2")
    assert raised.value.position == 6


@pytest.mark.parametrize(
    "text", ["(" * 5000 + "1" + ")" * 5000, "-" * 5000 + "1", "not(" * 3000 + "1" + ")" * 3000]
)
def test_deep_nesting_is_an_error_not_a_crash(text: str) -> None:
    with pytest.raises(ExpressionError, match="nested too deeply"):
        parse(text)


def test_boolean_and_text_helpers_apply_xpath_conversions() -> None:
    ctx = DictContext({"n": 0, "t": "false", "x": 2.5})
    assert evaluate_boolean(parse("${n}"), ctx) is False
    assert evaluate_boolean(parse("${t}"), ctx) is True  # a non-empty string is true in XPath
    assert evaluate_text(parse("${x} * 2"), ctx) == "5"
    assert evaluate_text(parse("1 div 0"), ctx) == "Infinity"


def test_context_may_give_python_values() -> None:
    ctx = DictContext({"d": date(2026, 11, 1), "flag": True}, today=date(2026, 11, 27))
    assert evaluate(parse("today() - ${d}"), ctx) == 26
    assert evaluate(parse("${flag} = 1"), ctx) is True


class RepeatContext:
    """A context as the validator builds it: row values inside the repeat, lists outside."""

    def __init__(self, rows: list[dict], row: int | None) -> None:
        self.rows, self.position, self.current = rows, row, None
        self.today = date(2026, 11, 27)

    def value(self, name: str) -> object:
        if self.position is not None:
            return self.rows[self.position - 1].get(name)
        return [r.get(name) for r in self.rows]


def test_protocol_context_inside_and_outside_a_repeat() -> None:
    rows = [{"biaya": 100}, {"biaya": 250}]
    total = parse("sum(${biaya})")
    assert evaluate(total, RepeatContext(rows, row=None)) == 350
    assert evaluate(total, RepeatContext(rows, row=2)) == 250
    assert evaluate(parse("count(${biaya})"), RepeatContext(rows, row=None)) == 2


@pytest.mark.parametrize(
    ("node", "message"),
    [
        ({"type": "path"}, "unknown node type: path"),
        (
            {
                "type": "binary",
                "op": "^",
                "left": {"type": "current"},
                "right": {"type": "current"},
            },
            "unknown operator: ^",
        ),
        ({"type": "call", "name": "uuid", "args": []}, "unknown function: uuid()"),
    ],
)
def test_evaluating_a_foreign_ast_fails_cleanly(node: dict, message: str) -> None:
    with pytest.raises(ExpressionError, match=re.escape(message)):
        evaluate(node, DictContext())


def test_docs_describe_every_function() -> None:
    doc = (ROOT / "surveys" / "EXPRESSIONS.md").read_text(encoding="utf-8")
    missing = [name for name in SUPPORTED_FUNCTIONS if f"`{name}(" not in doc]
    assert not missing, f"surveys/EXPRESSIONS.md does not document: {missing}"


def test_browser_evaluator_uses_no_dynamic_code() -> None:
    source = (ROOT / "app" / "static" / "js" / "expressions.js").read_text(encoding="utf-8")
    assert "eval(" not in source
    assert "Function(" not in source
