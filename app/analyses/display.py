"""Numbers on the analysis pages: a fixed number of decimals in the user's language."""

from __future__ import annotations

from collections.abc import Callable

from babel.numbers import format_decimal, format_percent


def fixed(value: float | None, digits: int, lang: str) -> str:
    """2,933 (id) / 2.933 (en) with exactly `digits` decimals; "–" for nothing."""
    if value is None:
        return "–"
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=lang)


def helpers(lang: str) -> dict[str, Callable]:
    """The number helpers the analysis templates use."""
    return {"fixed": lambda value, digits=3: fixed(value, digits, lang),
            "pct": lambda value: "–" if value is None else format_percent(
                value, format="#,##0.0%", locale=lang)}
