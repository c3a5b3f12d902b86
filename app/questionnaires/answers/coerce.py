"""Turn a submitted JSON value into the stored value of a question type, or say why not."""

from __future__ import annotations

import datetime as dt
import math
import re

from . import bounds

_INTEGER = re.compile(r"-?[0-9]+")
_DECIMAL = re.compile(r"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class CoerceError(ValueError):
    """A value that does not fit its type; `key` names the catalogue message."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def is_empty(value: object) -> bool:
    """Whether an answer counts as not given: None, '' (also whitespace only) or []."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, list) and not value


def coerce(qtype: str, raw: object, codes: set[str] | None = None, *,
           text_limit: int = bounds.TEXT_LIMITS["multiline"]) -> object:
    """Return the stored value for `raw` (None when empty); raise CoerceError when invalid.

    The bounds of bounds.py apply: text normalised or refused, numbers and dates within
    range.
    """
    if is_empty(raw):
        return None
    if qtype == "text":
        text = _text(raw, text_limit)
        return None if is_empty(text) else text  # only control characters: no answer
    if qtype == "integer":
        return _integer(raw)
    if qtype == "decimal":
        return _decimal(raw)
    if qtype == "date":
        return _date(raw)
    if qtype == "select_one":
        return _select_one(raw, codes or set())
    if qtype == "select_multiple":
        return _select_multiple(raw, codes or set())
    raise ValueError(f"no coercion for type {qtype}")


def _text(raw: object, limit: int) -> str:
    if not isinstance(raw, str):
        raise CoerceError("text")
    if problem := bounds.text_problem(raw):
        raise CoerceError(problem)
    text = bounds.normalise_text(raw)
    if len(text) > limit:
        raise CoerceError("too_long", limit=limit)
    return text


def _bounded(value, exact=None):
    if problem := bounds.number_problem(value if exact is None else exact):
        raise CoerceError(problem)
    return value


def _integer(raw: object) -> int:
    if isinstance(raw, bool):
        raise CoerceError("integer")
    if isinstance(raw, float) and math.isfinite(raw) and raw.is_integer():
        raw = _bounded(int(raw), raw)
    if isinstance(raw, str) and _INTEGER.fullmatch(raw.strip()) and len(raw) < 40:
        raw = int(raw.strip())
    if not isinstance(raw, int):
        raise CoerceError("integer")
    return _bounded(raw)


def _decimal(raw: object) -> float:
    if isinstance(raw, bool):
        raise CoerceError("decimal")
    exact = None
    if isinstance(raw, str) and _DECIMAL.fullmatch(raw.strip()) and len(raw) < 40:
        exact = bounds.decimal_of(raw.strip())
        raw = float(raw.strip())
    if not isinstance(raw, int | float) or not math.isfinite(raw):
        raise CoerceError("decimal")
    _bounded(raw, exact)
    return float(raw)


def _date(raw: object) -> str:
    if not isinstance(raw, str) or not _DATE.fullmatch(raw.strip()):
        raise CoerceError("date")
    try:
        day = dt.date.fromisoformat(raw.strip())
    except ValueError:
        raise CoerceError("date") from None
    if problem := bounds.date_problem(day):
        raise CoerceError(problem)
    return day.isoformat()


def _select_one(raw: object, codes: set[str]) -> str:
    if isinstance(raw, int) and not isinstance(raw, bool):
        raw = str(raw)  # numeric codes sent as JSON numbers
    if not isinstance(raw, str) or raw.strip() not in codes:
        raise CoerceError("choice")
    return raw.strip()


def _select_multiple(raw: object, codes: set[str]) -> list[str]:
    if not isinstance(raw, list):
        raise CoerceError("choices")
    values = [_select_one(item, codes) for item in raw]
    if len(set(values)) != len(values):
        raise CoerceError("choice_twice")
    return values


def static_default_problem(qtype: str, text: str, codes: set[str]) -> str | None:
    """Why a static default does not fit its question (None when it fits)."""
    raw: object = text.split() if qtype == "select_multiple" else text
    try:
        coerce(qtype, raw, codes)
    except CoerceError as exc:
        return {
            "integer": "a whole number", "decimal": "a number", "date": "a date YYYY-MM-DD",
            "choice": "a choice name of its list", "choice_twice": "distinct choice names",
            "number_range": "a number within ±10^15", "number_digits": "at most 15 digits",
            "date_range": "a date from 1900-01-01 to 9999-12-31",
        }.get(exc.key, "a valid value")
    return None
