"""regex(): a small pattern dialect that Python and the browser match identically.

A pattern is checked and rewritten into an unambiguous form before it reaches `re` (here) or
`RegExp` with the `u` flag (expressions.js, which holds a line-by-line twin of this module):
shorthands (\\d \\w \\s) become explicit ASCII classes, `.` excludes line breaks only, `$` means
end of text, and every non-alphanumeric literal is written as a code-point escape.
"""

import functools
import re

from .errors import ExpressionError

_SHORTHANDS = {
    "d": [(0x30, 0x39)],
    "w": [(0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A)],
    "s": [(0x09, 0x0D), (0x20, 0x20)],
}
_CONTROL_ESCAPES = {"n": 0x0A, "r": 0x0D, "t": 0x09, "f": 0x0C, "v": 0x0B}
_PUNCTUATION = frozenset("^$\\.*+?()[]{}|/-")
_LINE_BREAKS = [(0x0A, 0x0A), (0x0D, 0x0D), (0x2028, 0x2029)]
_BRACES = re.compile(r"\{([0-9]+)(,([0-9]*))?\}")
_HEX4 = re.compile(r"[0-9A-Fa-f]{4}")
MAX_REPEAT = 1000


class _Invalid(Exception):
    pass


@functools.lru_cache(maxsize=256)
def compile_pattern(pattern: str) -> re.Pattern[str]:
    """Check and compile a regex() pattern; raise ExpressionError naming the problem."""
    try:
        return re.compile(_translate(pattern), re.ASCII)
    except _Invalid as error:
        raise ExpressionError(f"invalid regex '{pattern}': {error}") from None
    except re.error:  # not expected after the checks above; keep the message the browser uses
        raise ExpressionError(f"invalid regex '{pattern}': unsupported pattern") from None


def _translate(pattern: str) -> str:
    """The pattern in the checked canonical form (raises _Invalid)."""
    out: list[str] = []
    depth, repeatable, i = 0, False, 0
    while i < len(pattern):
        char = pattern[i]
        if char in "*+?{":
            if not repeatable:
                raise _Invalid("nothing to repeat")
            text, i = _quantifier(pattern, i)
            out.append(text)
            repeatable = False
            continue
        if char == "(":
            text = "(?:" if pattern.startswith("(?:", i) else "("
            if text == "(" and pattern.startswith("(?", i):
                raise _Invalid("unsupported group syntax '(?'")
            depth += 1
            i, repeatable = i + len(text), False
        elif char == ")":
            if depth == 0:
                raise _Invalid("unbalanced parenthesis")
            depth -= 1
            text, i, repeatable = ")", i + 1, True
        else:
            text, i, repeatable = _atom(pattern, i)
        out.append(text)
    if depth:
        raise _Invalid("unbalanced parenthesis")
    return "".join(out)


def _atom(pattern: str, i: int) -> tuple[str, int, bool]:
    """One atom outside a class: its canonical text, the next index, whether it may repeat."""
    char = pattern[i]
    if char in "|^":
        return char, i + 1, False
    if char == "$":
        return r"\Z", i + 1, False
    if char == ".":
        return _class(_LINE_BREAKS, negated=True), i + 1, True
    if char == "[":
        return _bracket(pattern, i)
    if char in "]}":
        raise _Invalid(f"unescaped '{char}'")
    if char != "\\":
        return _literal(ord(char)), i + 1, True
    letter = pattern[i + 1 : i + 2]
    if letter in ("b", "B"):
        return "\\" + letter, i + 2, False
    if letter.lower() in _SHORTHANDS:
        return _class(_SHORTHANDS[letter.lower()], negated=letter.isupper()), i + 2, True
    code, i = _escaped_code(pattern, i)
    return _literal(code), i, True


def _quantifier(pattern: str, i: int) -> tuple[str, int]:
    if pattern[i] == "{":
        match = _BRACES.match(pattern, i)
        if not match:
            raise _Invalid("invalid quantifier '{' (write \\{ for a literal brace)")
        low, high = int(match.group(1)), match.group(3)
        if max(low, int(high or 0)) > MAX_REPEAT:
            raise _Invalid(f"quantifier larger than {MAX_REPEAT}")
        if high and int(high) < low:
            raise _Invalid("quantifier range out of order")
        text, i = match.group(), match.end()
    else:
        text, i = pattern[i], i + 1
    if pattern[i : i + 1] == "?":  # lazy: same in both engines
        return text + "?", i + 1
    return text, i


def _bracket(pattern: str, i: int) -> tuple[str, int, bool]:
    """A character class [...] starting at i."""
    i += 1
    negated = pattern[i : i + 1] == "^"
    i += negated
    if pattern[i : i + 1] == "]":
        raise _Invalid("empty character class")
    ranges: list[tuple[int, int]] = []
    while True:
        if i >= len(pattern):
            raise _Invalid("unterminated character class")
        if pattern[i] == "]":
            return _class(ranges, negated), i + 1, True
        low, i, shorthand = _class_atom(pattern, i)
        if shorthand:
            ranges.extend(shorthand)
        elif pattern[i : i + 1] == "-" and pattern[i + 1 : i + 2] not in ("]", ""):
            high, i, shorthand = _class_atom(pattern, i + 1)
            if shorthand or high < low:
                raise _Invalid("invalid range in character class")
            ranges.append((low, high))
        else:
            ranges.append((low, low))


def _class_atom(pattern: str, i: int) -> tuple[int, int, list[tuple[int, int]] | None]:
    char = pattern[i]
    if char == "[":
        raise _Invalid("unescaped '[' in character class")
    if char != "\\":
        return ord(char), i + 1, None
    letter = pattern[i + 1 : i + 2]
    if letter in _SHORTHANDS:
        return 0, i + 2, _SHORTHANDS[letter]
    if letter in ("D", "W", "S", "b", "B"):
        raise _Invalid(f"unsupported escape in character class: \\{letter}")
    code, i = _escaped_code(pattern, i)
    return code, i, None


def _escaped_code(pattern: str, i: int) -> tuple[int, int]:
    """The code point of a literal escape at i (a backslash): \\n \\t \\uXXXX \\. and the like."""
    letter = pattern[i + 1 : i + 2]
    if not letter:
        raise _Invalid("trailing backslash")
    if letter in _CONTROL_ESCAPES:
        return _CONTROL_ESCAPES[letter], i + 2
    if letter in _PUNCTUATION:
        return ord(letter), i + 2
    if letter == "u":
        digits = pattern[i + 2 : i + 6]
        if not _HEX4.fullmatch(digits) or 0xD800 <= int(digits, 16) <= 0xDFFF:
            raise _Invalid("\\u needs 4 hex digits of a non-surrogate code point")
        return int(digits, 16), i + 6
    raise _Invalid(f"unsupported escape \\{letter}")


def _class(ranges: list[tuple[int, int]], negated: bool) -> str:
    body = "".join(_escape(lo) + ("" if lo == hi else "-" + _escape(hi)) for lo, hi in ranges)
    return "[" + ("^" if negated else "") + body + "]"


def _literal(code: int) -> str:
    char = chr(code)
    return char if char.isascii() and char.isalnum() else _escape(code)


def _escape(code: int) -> str:
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
