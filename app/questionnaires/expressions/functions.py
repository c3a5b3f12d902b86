"""The built-in functions. Each takes the argument nodes, the context and an evaluator, so that
if(), coalesce() and the boolean operators only evaluate what they need."""

import math
import re
from collections.abc import Callable
from typing import Any

from .errors import ExpressionError
from .regex import compile_pattern
from .values import Value, from_answer, to_boolean, to_number, to_string

Node = dict[str, Any]
Evaluator = Callable[[Node], Value]
_WHITESPACE = re.compile("[ \t\r\n]+")
MAX_ROUND_DIGITS = 30


def call(name: str, args: list[Node], ctx: Any, ev: Evaluator) -> Value:
    """Apply the built-in function `name` (the parser has checked the name and arity)."""
    try:
        function = _FUNCTIONS[name]
    except KeyError:
        raise ExpressionError(f"unknown function: {name}()") from None
    return function(args, ctx, ev)


def selected_codes(value: Value) -> list[str]:
    """The codes of a select_multiple value: a list, or a space-separated string."""
    return [code for code in _WHITESPACE.split(to_string(value)) if code]


def round_half_away(number: float, digits: int) -> float:
    """Round to `digits` decimals (negative: tens, hundreds...), halves away from zero."""
    if not math.isfinite(number) or number == 0:
        return number
    scale = float(f"1e{abs(digits)}")  # exact parse, same as JavaScript Number("1e" + n)
    scaled = abs(number) * scale if digits >= 0 else abs(number) / scale
    if scaled >= 2.0**52:  # already a whole number at this scale
        return number
    whole = float(math.floor(scaled))
    if scaled - whole >= 0.5:  # exact subtraction; avoids the floor(x + 0.5) rounding trap
        whole += 1
    result = whole / scale if digits >= 0 else whole * scale
    return math.copysign(result, number)


def _round(args: list[Node], ctx: Any, ev: Evaluator) -> Value:
    number = to_number(ev(args[0]))
    digits = to_number(ev(args[1])) if len(args) > 1 else 0.0
    if math.isnan(digits):
        return math.nan
    digits = max(-MAX_ROUND_DIGITS, min(MAX_ROUND_DIGITS, digits))
    return round_half_away(number, int(digits))


def _int(args: list[Node], ctx: Any, ev: Evaluator) -> Value:
    number = to_number(ev(args[0]))
    return float(math.trunc(number)) if math.isfinite(number) else number


def _regex(args: list[Node], ctx: Any, ev: Evaluator) -> Value:
    text = to_string(ev(args[0]))
    return compile_pattern(to_string(ev(args[1]))).search(text) is not None


def _sum(args: list[Node], ctx: Any, ev: Evaluator) -> Value:
    value = ev(args[0])
    total = 0.0
    for item in value if isinstance(value, list) else [value]:
        total += to_number(from_answer(item))
    return total


def _count(args: list[Node], ctx: Any, ev: Evaluator) -> Value:
    value = ev(args[0])
    return float(len(value)) if isinstance(value, list) else 1.0


def _position(args: list[Node], ctx: Any, ev: Evaluator) -> Value:
    if ctx.position is None:
        raise ExpressionError("position(..) used outside a repeat")
    return float(ctx.position)


def _coalesce(args: list[Node], ctx: Any, ev: Evaluator) -> Value:
    first = ev(args[0])
    return first if to_string(first) != "" else ev(args[1])


def _if(args: list[Node], ctx: Any, ev: Evaluator) -> Value:
    return ev(args[1]) if to_boolean(ev(args[0])) else ev(args[2])


def _selected(args: list[Node], ctx: Any, ev: Evaluator) -> Value:
    wanted = to_string(ev(args[1])).strip(" \t\r\n")
    return wanted in selected_codes(ev(args[0]))


_FUNCTIONS: dict[str, Callable[[list[Node], Any, Evaluator], Value]] = {
    "not": lambda args, ctx, ev: not to_boolean(ev(args[0])),
    "true": lambda args, ctx, ev: True,
    "false": lambda args, ctx, ev: False,
    "if": _if,
    "coalesce": _coalesce,
    "selected": _selected,
    "count-selected": lambda args, ctx, ev: float(len(selected_codes(ev(args[0])))),
    "string-length": lambda args, ctx, ev: float(len(to_string(ev(args[0])))),
    "concat": lambda args, ctx, ev: "".join(to_string(ev(arg)) for arg in args),
    "regex": _regex,
    "number": lambda args, ctx, ev: to_number(ev(args[0])),
    "int": _int,
    "round": _round,
    "today": lambda args, ctx, ev: from_answer(ctx.today),
    "sum": _sum,
    "count": _count,
    "position": _position,
}
