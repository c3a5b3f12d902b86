"""XPath 1.0 value conversions (string, number, boolean), shared by every operator and function.

Values inside the evaluator are: str, float, bool, or list (a select_multiple answer, or the
values of a repeat field over all rows). app/static/js/expressions.js mirrors this module.
"""

import math
import re
from datetime import date
from decimal import Decimal

Value = str | float | bool | list

_SPACE = "[ \t\r\n]*"  # XPath whitespace only, so Python and JavaScript agree
_NUMERIC = re.compile(f"{_SPACE}(-?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)){_SPACE}")
_DATE = re.compile(f"{_SPACE}([0-9]{{4}})-([0-9]{{2}})-([0-9]{{2}}){_SPACE}")
_EPOCH = date(1970, 1, 1).toordinal()


def from_answer(raw: object) -> Value:
    """Turn a JSON answer (or a context value) into an evaluator value."""
    if raw is None:
        return ""
    if isinstance(raw, bool | str):
        return raw
    if isinstance(raw, int | float):
        return float(raw)
    if isinstance(raw, list | tuple):
        return list(raw)
    if isinstance(raw, date):
        return raw.isoformat()[:10]
    return str(raw)


def to_string(value: Value) -> str:
    """XPath string(): numbers without '.0', booleans 'true'/'false', lists space-separated."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return format_number(value)
    parts = (to_string(from_answer(item)) for item in value)
    return " ".join(part for part in parts if part)


def to_number(value: Value) -> float:
    """XPath number(); an ISO date string becomes its day count since 1970-01-01."""
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, float):
        return value
    return parse_number(to_string(value))


def to_boolean(value: Value) -> bool:
    """XPath boolean(): non-zero numbers and non-empty strings are true."""
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        return value != 0 and not math.isnan(value)
    return to_string(value) != ""


def parse_number(text: str) -> float:
    """A decimal like '-1.5' or '.5' (no exponent, no '+'), or a date 'YYYY-MM-DD'; else NaN."""
    if match := _NUMERIC.fullmatch(text):
        return float(match.group(1))
    if match := _DATE.fullmatch(text):
        return date_days(*(int(part) for part in match.groups()))
    return math.nan


def date_days(year: int, month: int, day: int) -> float:
    """Days from 1970-01-01 to the given date, or NaN when it is not a calendar date."""
    try:
        return float(date(year, month, day).toordinal() - _EPOCH)
    except ValueError:
        return math.nan


def format_number(number: float) -> str:
    """XPath number-to-string: '1' not '1.0', no exponent, 'NaN', 'Infinity', '-Infinity'."""
    if math.isnan(number):
        return "NaN"
    if math.isinf(number):
        return "Infinity" if number > 0 else "-Infinity"
    if number == 0:
        return "0"  # also for -0
    # repr() gives the shortest digits that round-trip, as JavaScript's String(number) does.
    return format(Decimal(repr(number)).normalize(), "f")


def is_number(value: Value) -> bool:
    """Whether the value is an XPath number (booleans are not)."""
    return isinstance(value, float)
