"""A small Pratt parser: expression text -> JSON AST (plain dicts, lists, strings, numbers).

AST nodes (the browser evaluator consumes exactly these):
  {"type": "number", "value": 1.5}          {"type": "string", "value": "abc"}
  {"type": "ref", "name": "q"}              {"type": "current"}            (the `.` value)
  {"type": "neg", "operand": N}             {"type": "binary", "op": "+", "left": N, "right": N}
  {"type": "call", "name": "concat", "args": [N, ...]}   (position(..) has args [])
"""

import math
from typing import Any

from .catalog import NODESET_FUNCTIONS, SIGNATURES, UNSUPPORTED_FUNCTIONS, arity_message
from .errors import ExpressionError
from .lexer import Token, tokenize
from .regex import compile_pattern

Node = dict[str, Any]

# XPath 1.0 binding powers, loosest first; all binary operators are left-associative.
BINARY_POWER = {
    "or": 1,
    "and": 2,
    "=": 3,
    "!=": 3,
    "<": 4,
    "<=": 4,
    ">": 4,
    ">=": 4,
    "+": 5,
    "-": 5,
    "*": 6,
    "div": 6,
    "mod": 6,
}
UNARY_POWER = 7
WORD_OPERATORS = frozenset({"and", "or", "div", "mod"})
MAX_DEPTH = 64  # keeps both recursive evaluators far from their stack limits


def parse(text: str) -> Node:
    """Parse an XLSForm expression into a JSON AST; raise ExpressionError on any problem."""
    if not isinstance(text, str):
        raise ExpressionError("expression must be text")
    parser = _Parser(tokenize(text))
    if parser.peek().kind == "end":
        raise ExpressionError("empty expression", 0)
    node, _ = parser.expression(0)
    token = parser.peek()
    if token.kind != "end":
        message = f"unexpected {_describe(token)} after a complete expression"
        raise ExpressionError(message, token.pos)
    return node


def _describe(token: Token) -> str:
    if token.kind == "end":
        return "end of expression"
    if token.kind == "ref":
        return f"'${{{token.text}}}'"
    if token.kind == "str":
        return "string literal"
    return f"'{token.text}'"


class _Parser:
    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.index = 0
        self.nesting = 0

    def peek(self, ahead: int = 0) -> Token:
        return self.tokens[min(self.index + ahead, len(self.tokens) - 1)]

    def advance(self) -> Token:
        token = self.peek()
        self.index += 1
        return token

    def expect(self, kind: str, message: str) -> Token:
        if self.peek().kind != kind:
            raise ExpressionError(message, self.peek().pos)
        return self.advance()

    def expression(self, min_power: int) -> tuple[Node, int]:
        """Parse operators binding tighter than `min_power`; return the node and its depth."""
        # Guard the descent itself: "((((…" would exhaust Python's stack before any AST exists.
        self.nesting += 1
        try:
            _checked(self.nesting, self.peek())
            return self._operators(min_power)
        finally:
            self.nesting -= 1

    def _operators(self, min_power: int) -> tuple[Node, int]:
        left, depth = self.prefix()
        while (op := self._binary_operator()) and BINARY_POWER[op] > min_power:
            token = self.advance()
            right, right_depth = self.expression(BINARY_POWER[op])
            depth = _checked(max(depth, right_depth) + 1, token)
            left = {"type": "binary", "op": op, "left": left, "right": right}
        return left, depth

    def _binary_operator(self) -> str | None:
        token = self.peek()
        if token.kind == "op" or (token.kind == "name" and token.text in WORD_OPERATORS):
            return token.text
        if token.kind in ("num", "str", "ref", "dot", "dotdot", "name", "("):
            raise ExpressionError(f"missing operator before {_describe(token)}", token.pos)
        return None

    def prefix(self) -> tuple[Node, int]:
        token = self.advance()
        if token.kind == "num":
            return {"type": "number", "value": _number(token)}, 1
        if token.kind == "str":
            return {"type": "string", "value": token.text}, 1
        if token.kind == "ref":
            return {"type": "ref", "name": token.text}, 1
        if token.kind == "dot":
            return {"type": "current"}, 1
        if token.kind == "op" and token.text == "-":
            operand, depth = self.expression(UNARY_POWER)
            return {"type": "neg", "operand": operand}, _checked(depth + 1, token)
        if token.kind == "(":
            node, depth = self.expression(0)
            self.expect(")", f"missing ')' to close '(' at position {token.pos}")
            return node, _checked(depth + 1, token)
        if token.kind == "name":
            return self.call(token)
        if token.kind == "dotdot":
            message = "unsupported path: '..' (only allowed in position(..))"
            raise ExpressionError(message, token.pos)
        raise ExpressionError(f"unexpected {_describe(token)}", token.pos)

    def call(self, name: Token) -> tuple[Node, int]:
        _check_function(name, self.peek())
        self.advance()  # the "("
        if name.text == "position":
            self.expect("dotdot", "position() only accepts '..' as its argument")
            self.expect(")", "missing ')' after position(..")
            return {"type": "call", "name": "position", "args": []}, 1
        args, depth = self.arguments(name)
        if message := arity_message(name.text, len(args)):
            raise ExpressionError(message, name.pos)
        if name.text in NODESET_FUNCTIONS and args[0]["type"] != "ref":
            raise ExpressionError(f"{name.text}() needs a ${{field}} reference", name.pos)
        if name.text == "regex" and args[1]["type"] == "string":
            _check_pattern(args[1]["value"], name)
        return {"type": "call", "name": name.text, "args": args}, _checked(depth + 1, name)

    def arguments(self, name: Token) -> tuple[list[Node], int]:
        args: list[Node] = []
        depth = 0
        if self.peek().kind == ")":
            self.advance()
            return args, depth
        while True:
            arg, arg_depth = self.expression(0)
            args.append(arg)
            depth = max(depth, arg_depth)
            token = self.advance()
            if token.kind == ")":
                return args, depth
            if token.kind != ",":
                message = f"missing ')' or ',' in the arguments of {name.text}()"
                raise ExpressionError(message, token.pos)


def _check_function(name: Token, following: Token) -> None:
    """Reject bare names (XPath paths) and functions outside the supported set."""
    if following.kind != "(":
        if name.text in SIGNATURES:
            hint = f" (did you mean {name.text}()?)"
        else:
            hint = f" (refer to questions as ${{{name.text}}})" if ":" not in name.text else ""
        raise ExpressionError(f"unsupported path: '{name.text}'{hint}", name.pos)
    if name.text in SIGNATURES:
        return
    if name.text in UNSUPPORTED_FUNCTIONS or ":" in name.text:
        raise ExpressionError(f"unsupported function: {name.text}()", name.pos)
    raise ExpressionError(f"unknown function: {name.text}()", name.pos)


def _check_pattern(pattern: str, name: Token) -> None:
    """A literal pattern is checked now, so a bad one is caught when the form is uploaded."""
    try:
        compile_pattern(pattern)
    except ExpressionError as error:
        raise ExpressionError(error.message, name.pos) from None


def _checked(depth: int, token: Token) -> int:
    if depth > MAX_DEPTH:
        raise ExpressionError(f"expression nested too deeply (over {MAX_DEPTH} levels)", token.pos)
    return depth


def _number(token: Token) -> int | float:
    """Integral literals stay ints so the JSON AST reads naturally; both evaluators use doubles."""
    value = float(token.text)
    if math.isinf(value):  # JSON has no Infinity, and no form needs such a number
        raise ExpressionError(f"number too large: {token.text[:20]}...", token.pos)
    return int(value) if value.is_integer() and abs(value) < 2**53 else value
