"""The Python evaluator: a recursive walk over the JSON AST, with XPath 1.0 semantics."""

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from .errors import ExpressionError
from .functions import call
from .values import Value, from_answer, is_number, to_boolean, to_number, to_string

Node = dict[str, Any]


class EvalContext(Protocol):
    """Where evaluate() gets its data.

    value(name): the answer to ${name} seen from the current position: inside a repeat, the
    same row first, then outward; the list of values over all rows when ${name} lives in a
    repeat that does not contain the current position ([] when there are no rows). Unanswered
    is None or ''. current: the value of `.`. position: 1-based repeat row, None outside
    repeats. today: the date today() returns.
    """

    current: object
    position: int | None
    today: date

    def value(self, name: str) -> object: ...


@dataclass
class DictContext:
    """A flat answers dict as a context: enough for tests and for forms without repeats."""

    answers: Mapping[str, object] = field(default_factory=dict)
    current: object = None
    position: int | None = None
    today: date = field(default_factory=date.today)

    def __post_init__(self) -> None:
        if isinstance(self.today, str):
            self.today = date.fromisoformat(self.today)

    def value(self, name: str) -> object:
        """The answer stored under `name`, None when absent."""
        return self.answers.get(name)


def evaluate(node: Node, ctx: EvalContext) -> object:
    """Evaluate an AST: returns str, bool, a number (int when whole) or a list."""
    result = _eval(node, ctx)
    if isinstance(result, float) and result.is_integer() and abs(result) < 2**53:
        return int(result)
    return result


def evaluate_boolean(node: Node, ctx: EvalContext) -> bool:
    """Evaluate and apply XPath boolean(), as relevant, constraint and required do."""
    return to_boolean(_eval(node, ctx))


def evaluate_text(node: Node, ctx: EvalContext) -> str:
    """Evaluate and apply XPath string(), e.g. for a calculate shown to the user."""
    return to_string(_eval(node, ctx))


def _eval(node: Node, ctx: EvalContext) -> Value:
    kind = node["type"]
    if kind == "number":
        return float(node["value"])
    if kind == "string":
        return node["value"]
    if kind == "ref":
        return from_answer(ctx.value(node["name"]))
    if kind == "current":
        return from_answer(ctx.current)
    if kind == "neg":
        return -to_number(_eval(node["operand"], ctx))
    if kind == "binary":
        return _binary(node, ctx)
    if kind == "call":
        return call(node["name"], node["args"], ctx, lambda arg: _eval(arg, ctx))
    raise ExpressionError(f"unknown node type: {kind}")


def _binary(node: Node, ctx: EvalContext) -> Value:
    op = node["op"]
    left = _eval(node["left"], ctx)
    if op == "and":
        return to_boolean(left) and to_boolean(_eval(node["right"], ctx))
    if op == "or":
        return to_boolean(left) or to_boolean(_eval(node["right"], ctx))
    right = _eval(node["right"], ctx)
    if op in _ARITHMETIC:
        return _ARITHMETIC[op](to_number(left), to_number(right))
    if op == "=":
        return _equal(left, right)
    if op == "!=":
        return not _equal(left, right)
    if op not in _RELATIONAL:
        raise ExpressionError(f"unknown operator: {op}")
    return _RELATIONAL[op](to_number(left), to_number(right))


def _equal(left: Value, right: Value) -> bool:
    """XPath 1.0 `=`: as booleans if either is one, else as numbers if either is one."""
    if isinstance(left, bool) or isinstance(right, bool):
        return to_boolean(left) == to_boolean(right)
    if is_number(left) or is_number(right):
        return to_number(left) == to_number(right)
    return to_string(left) == to_string(right)


def _divide(x: float, y: float) -> float:
    if y != 0:
        return x / y
    if x == 0 or math.isnan(x):
        return math.nan
    return math.copysign(math.inf, x) * math.copysign(1.0, y)  # IEEE, as JavaScript


def _modulo(x: float, y: float) -> float:
    """Truncated remainder with the sign of x, as JavaScript's % (math.fmod raises instead)."""
    if y == 0 or math.isinf(x) or math.isnan(x) or math.isnan(y):
        return math.nan
    return x if math.isinf(y) else math.fmod(x, y)


_ARITHMETIC = {
    "+": lambda x, y: x + y,
    "-": lambda x, y: x - y,
    "*": lambda x, y: x * y,
    "div": _divide,
    "mod": _modulo,
}
_RELATIONAL = {
    "<": lambda x, y: x < y,
    "<=": lambda x, y: x <= y,
    ">": lambda x, y: x > y,
    ">=": lambda x, y: x >= y,
}
