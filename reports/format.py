"""Numbers, Rupiah, percentages and dates in Indonesian (or English) format, with Babel."""

import math
from datetime import date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime
from babel.numbers import get_decimal_symbol, get_group_symbol, get_minus_sign_symbol

DASH = "–"
WITA = ZoneInfo("Asia/Makassar")


def _finite(value: float | int | None) -> bool:
    return value is not None and not (isinstance(value, float) and not math.isfinite(value))


@lru_cache
def _symbols(lang: str) -> dict[int, str]:
    """Babel's (CLDR) decimal and group symbols of a language, as a str.translate table."""
    return {ord("."): get_decimal_symbol(lang), ord(","): get_group_symbol(lang)}


def _grouped(value: float | int, digits: int, lang: str, trim: bool = False) -> str:
    """Python formats the digits (fast: reports format tens of thousands of cells), Babel's
    locale data supplies the symbols; `trim` drops trailing zero decimals."""
    text = f"{abs(value):,.{digits}f}"
    if trim and digits:
        text = text.rstrip("0").rstrip(".")
    sign = get_minus_sign_symbol(lang) if value < 0 and text.strip("0.,") else ""
    return sign + text.translate(_symbols(lang))


def rupiah(value: float | int | None, lang: str = "id") -> str:
    """Rupiah without sen, PUEBI style: Rp1.234.567 (no space, no period after Rp)."""
    if not _finite(value):
        return DASH
    text = _grouped(round(value), 0, lang)
    return text.replace("-", "-Rp", 1) if text.startswith("-") else "Rp" + text


def number(value: float | int | None, lang: str = "id", digits: int = 0) -> str:
    """A number with grouping: 1.234.567 or, with digits=2, 3,46."""
    if not _finite(value):
        return DASH
    return _grouped(value, digits, lang)


def decimal(value: float | int | None, lang: str = "id") -> str:
    """A number with up to two decimals, trailing zeros dropped: 2,5 or 1.200."""
    if not _finite(value):
        return DASH
    return _grouped(value, 2, lang, trim=True)


def percent(value: float | None, lang: str = "id") -> str:
    """A share in [0, 1] as a percentage with one decimal: 45,7%."""
    if not _finite(value):
        return DASH
    return _grouped(value * 100, 1, lang) + "%"


def short_rupiah(value: float | int | None, lang: str = "id") -> str:
    """Rupiah in words of scale for chart axes: Rp1,2 M (miliar) / Rp350 jt (juta)."""
    if not _finite(value):
        return DASH
    scales = ((1e12, "T"), (1e9, "M" if lang == "id" else "B"),
              (1e6, "jt" if lang == "id" else "M"))
    for size, suffix in scales:
        if abs(value) >= size:
            return f"Rp{_grouped(value / size, 1, lang, trim=True)} {suffix}"
    return rupiah(value, lang)


def when(value: datetime | None, lang: str = "id") -> str:
    """A moment in WITA: 17 Agustus 2026 14.30 WITA."""
    if value is None:
        return DASH
    local = value.astimezone(WITA) if value.tzinfo else value.replace(tzinfo=WITA)
    return f"{format_datetime(local, 'd MMMM y HH.mm', locale=lang)} WITA"


def day(value: date | datetime | None, lang: str = "id") -> str:
    """A date: 17 Agustus 2026 (a datetime is first put in WITA)."""
    if value is None:
        return DASH
    if isinstance(value, datetime):
        value = (value.astimezone(WITA) if value.tzinfo else value).date()
    return format_date(value, "d MMMM y", locale=lang)
