"""Split an expression into tokens, rejecting XPath syntax outside the supported subset."""

import re
from typing import NamedTuple

from .errors import ExpressionError


class Token(NamedTuple):
    kind: str  # num str ref dot dotdot name op ( ) , end
    text: str  # the literal value, the ${name}, the function name or the operator
    pos: int


_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]*)?|\.[0-9]+")
_NAME = re.compile(r"[^\W\d][\w.-]*(?::[^\W\d][\w.-]*)?")
_FIELD_NAME = re.compile(r"[^\W\d][\w.-]*")
_OPERATORS = ("!=", "<=", ">=", "=", "<", ">", "+", "-", "*")
_PUNCTUATION = "(),"

# Valid XPath that we do not support: say so by name instead of "unexpected character".
_UNSUPPORTED = {
    "//": "unsupported path syntax: '//'",
    "::": "unsupported axis syntax: '::'",
    "/": "unsupported path syntax: '/' (refer to questions as ${name})",
    "[": "unsupported predicate syntax: '['",
    "@": "unsupported attribute syntax: '@'",
    "|": "unsupported union operator: '|'",
}
_SMART_QUOTES = "\u2018\u2019\u201c\u201d"


def tokenize(text: str) -> list[Token]:
    """Return the tokens of `text`, ending with an `end` token."""
    tokens: list[Token] = []
    pos = 0
    while pos < len(text):
        if text[pos].isspace():  # also non-breaking spaces pasted from Excel
            pos += 1
            continue
        token, pos = _next_token(text, pos)
        tokens.append(token)
    tokens.append(Token("end", "", len(text)))
    return tokens


def _next_token(text: str, pos: int) -> tuple[Token, int]:
    """The token starting at `pos` and the offset just after it."""
    char = text[pos]
    for syntax, message in _UNSUPPORTED.items():
        if text.startswith(syntax, pos):
            raise ExpressionError(message, pos)
    if text.startswith("${", pos):
        return _reference(text, pos)
    if char in "'\"":
        end = text.find(char, pos + 1)
        if end < 0:
            raise ExpressionError("unterminated string literal", pos)
        return Token("str", text[pos + 1 : end], pos), end + 1
    if text.startswith("..", pos):
        return Token("dotdot", "..", pos), pos + 2
    match = _NUMBER.match(text, pos) or _NAME.match(text, pos)
    if match:
        kind = "num" if match.re is _NUMBER else "name"
        return Token(kind, match.group(), pos), match.end()
    if char == ".":
        return Token("dot", ".", pos), pos + 1
    for op in _OPERATORS:
        if text.startswith(op, pos):
            return Token("op", op, pos), pos + len(op)
    if char in _PUNCTUATION:
        return Token(char, char, pos), pos + 1
    raise _unexpected(char, pos)


def _reference(text: str, pos: int) -> tuple[Token, int]:
    end = text.find("}", pos)
    if end < 0:
        raise ExpressionError("unterminated reference: missing '}'", pos)
    name = text[pos + 2 : end].strip()
    if not name:
        raise ExpressionError("empty reference: ${}", pos)
    if not _FIELD_NAME.fullmatch(name):
        raise ExpressionError(f"invalid question name in reference: ${{{name}}}", pos)
    return Token("ref", name, pos), end + 1


def _unexpected(char: str, pos: int) -> ExpressionError:
    if char in _SMART_QUOTES:
        return ExpressionError(f"unexpected character '{char}' (use straight quotes ' or \")", pos)
    if char == "$":
        return ExpressionError("unexpected character '$' (write references as ${name})", pos)
    return ExpressionError(f"unexpected character '{char}'", pos)
