"""What an answer may hold: enforced where answers enter (coerce), checked again where they leave.

One rule for every way in (the form, the JSON API, the no-JS post) and every way out (pages,
exports, the report), so that no stored value can be one a database, a spreadsheet or a
browser cannot hold:

- text: Unicode NFC; a lone surrogate or NUL is refused; other control characters except tab
  and newline are removed (also DEL, C1 controls and U+FFFE/U+FFFF, which XML cannot carry);
  at most TEXT_LIMITS characters after that;
- numbers: at most 15 significant digits and 15 decimal places, and at most 10^15 either side
  of zero (Excel and the browser's doubles hold all of them exactly; Rp 10^15 is far above any
  regency budget);
- dates: 1 January 1900 to 31 December 9999 (Excel's calendar), unless the form narrows it;
- repeat-row ids: 1 to 64 of A-Z a-z 0-9 _ -.

Where answers leave, a stored document (saved before the rule, or written around the service)
is checked again: text the rule refuses, or a number that is not finite or beyond 10^100, sends
its submission to the export's `Masalah` sheet; removable characters are removed.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from decimal import Decimal, InvalidOperation

MAX_NUMBER = 10**15
STORED_LIMIT = 1e100
"""Where answers leave: a number beyond this (or not finite) could overflow a total; below it
every sink writes it (a calculation may well exceed 10^15, and Excel rounds to 15 digits)."""
MAX_DIGITS = 15
MAX_DECIMALS = 15
MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(9999, 12, 31)
TEXT_LIMITS = {"line": 2_000, "multiline": 10_000}
ROW_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
_REFUSED = re.compile("[\x00\ud800-\udfff]")
_REMOVED = re.compile("[\x01-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
_LEAVING = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def text_problem(text: str) -> str | None:
    """Why a text cannot be kept at all ("text_invalid"), or None."""
    return "text_invalid" if _REFUSED.search(text) else None


def normalise_text(text: str) -> str:
    """The stored form of a text the rule accepts: control characters removed, then NFC."""
    return unicodedata.normalize("NFC", _REMOVED.sub("", text))


def number_problem(value: int | float | Decimal) -> str | None:
    """Why a number is refused: "number_range" or "number_digits" (None when it fits)."""
    if isinstance(value, float) and not math.isfinite(value):
        return "decimal"
    if abs(value) > MAX_NUMBER:
        return "number_range"
    if isinstance(value, int):
        digits = str(abs(value)).rstrip("0")
        return "number_digits" if len(digits) > MAX_DIGITS else None
    exact = value if isinstance(value, Decimal) else Decimal(repr(value))
    if exact == 0:
        return None
    sign, digits, exponent = exact.normalize().as_tuple()
    if len(digits) > MAX_DIGITS or exponent < -MAX_DECIMALS:
        return "number_digits"
    return None


def decimal_of(text: str) -> Decimal | None:
    """The exact decimal a string spells (for counting its digits), None when it is not one."""
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def date_problem(day: dt.date) -> str | None:
    """Why a date is refused ("date_range"), or None."""
    return None if MIN_DATE <= day <= MAX_DATE else "date_range"


def row_id_ok(raw: object) -> bool:
    """Whether a repeat-row id has the allowed form."""
    return isinstance(raw, str) and ROW_ID.fullmatch(raw) is not None


def breaks_rule(document: object) -> bool:
    """Fast (every exported submission passes here): whether a stored document holds text the
    rule refuses or changes, or a number not finite or beyond STORED_LIMIT."""
    stack = [document]
    pop, extend = stack.pop, stack.extend
    while stack:
        value = pop()
        kind = type(value)
        if kind is str:
            if not value.isprintable() and _LEAVING.search(value):
                return True
        elif kind is dict:
            extend(value.values())
        elif kind is list:
            extend(value)
        elif kind is float or kind is int:
            if not -STORED_LIMIT <= value <= STORED_LIMIT:  # NaN fails both
                return True
    return False


def stored_problem(value: object, path: str = "") -> tuple[str, str] | None:
    """The first reason a stored answers document breaks the rule, and where (None if it holds).

    For documents stored before the rule existed, or written around the service: a sink,
    page or report meeting one shows it apart (the export's `Masalah` sheet) instead of failing.
    """
    if isinstance(value, str):
        problem = text_problem(value)
    elif isinstance(value, bool) or value is None:
        problem = None
    elif isinstance(value, int | float):
        problem = None if math.isfinite(value) and abs(value) <= STORED_LIMIT else "number_range"
    elif isinstance(value, dict):
        return _first(stored_problem(item, _key(path, key)) if text_problem(str(key)) is None
                      else ("text_invalid", path) for key, item in value.items())
    elif isinstance(value, list):
        return _first(stored_problem(item, f"{path}[{number}]")
                      for number, item in enumerate(value, start=1))
    else:
        problem = "unknown_value"
    return (problem, path) if problem else None


def _key(path: str, key: object) -> str:
    return f"{path}.{key}" if path else str(key)


def _first(found) -> tuple[str, str] | None:
    return next((item for item in found if item), None)


def repaired(value: object) -> object:
    """A stored document with the removable control characters removed (the text rule)."""
    if isinstance(value, str):
        return _REMOVED.sub("", value) if _REMOVED.search(value) else value
    if isinstance(value, dict):
        return {key: repaired(item) for key, item in value.items()}
    if isinstance(value, list):
        return [repaired(item) for item in value]
    return value


def needs_repair(value: object) -> bool:
    """Whether any text in a stored document holds a removable control character."""
    if isinstance(value, str):
        return _REMOVED.search(value) is not None
    if isinstance(value, dict):
        return any(needs_repair(item) for item in value.values())
    if isinstance(value, list):
        return any(needs_repair(item) for item in value)
    return False
