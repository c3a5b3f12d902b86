"""Turn a submitted JSON value into the stored value of a question type, or say why not."""

from __future__ import annotations

import datetime as dt
import math
import re

MAX_TEXT = 10_000
MAX_INTEGER = 2**53 - 1  # the browser evaluates with doubles: keep integers exact
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


def coerce(qtype: str, raw: object, codes: set[str] | None = None) -> object:
    """Return the stored value for `raw` (None when empty); raise CoerceError when invalid."""
    if is_empty(raw):
        return None
    if qtype == "text":
        return _text(raw)
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


def _text(raw: object) -> str:
    if not isinstance(raw, str):
        raise CoerceError("text")
    if len(raw) > MAX_TEXT:
        raise CoerceError("too_long", limit=MAX_TEXT)
    return raw


def _integer(raw: object) -> int:
    if isinstance(raw, bool):
        raise CoerceError("integer")
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, str) and _INTEGER.fullmatch(raw.strip()):
        raw = int(raw.strip())
    if not isinstance(raw, int) or abs(raw) > MAX_INTEGER:
        raise CoerceError("integer")
    return raw


def _decimal(raw: object) -> int | float:
    if isinstance(raw, bool):
        raise CoerceError("decimal")
    if isinstance(raw, str) and _DECIMAL.fullmatch(raw.strip()) and len(raw) < 40:
        raw = float(raw.strip())
    if not isinstance(raw, int | float) or not math.isfinite(raw):
        raise CoerceError("decimal")
    return float(raw)


def _date(raw: object) -> str:
    if not isinstance(raw, str) or not _DATE.fullmatch(raw.strip()):
        raise CoerceError("date")
    try:
        return dt.date.fromisoformat(raw.strip()).isoformat()
    except ValueError:
        raise CoerceError("date") from None


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
        }.get(exc.key, "a valid value")
    return None
