"""Indonesian number and date formats: what officers type, and how answers are shown.

Numbers: "." groups thousands and "," is the decimal comma ("1.500.000", "2,5"). A lone "."
that does not group three digits is read as a decimal point ("2.5"), since people also type
that. app/static/js/form/numbers.js mirrors parse_number/format_number; the shared vectors in
tests/submissions/number_vectors.json hold them equal.
"""

from __future__ import annotations

import datetime as dt
import re

from babel.dates import format_date

from app.questionnaires.expressions.values import format_number as xpath_number

MAX_INPUT = 40
_GROUPED = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")
_PLAIN = re.compile(r"[0-9]+")
_POINT = re.compile(r"[0-9]*\.[0-9]+|[0-9]+\.")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_DMY = re.compile(r"([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})")
_WORDS = re.compile(r"([0-9]{1,2})\s+([^\W\d_]+)\.?\s+([0-9]{4})")
MONTHS = {
    "id": ("Januari Februari Maret April Mei Juni Juli Agustus September Oktober November "
           "Desember").split(),
    "en": ("January February March April May June July August September October November "
           "December").split(),
}


def parse_number(text: str) -> int | float | None:
    """The number an officer typed ("1.500.000", "2,5", "Rp 250.000,-"); None if not a number."""
    body = _SPACES.sub("", text or "")
    if len(body) > MAX_INPUT:
        return None
    body = re.sub(r"^(?i:rp)", "", body).removesuffix(",-")
    sign, body = ("-", body[1:]) if body.startswith("-") else ("", body)
    whole, comma, fraction = body.partition(",")
    if comma:
        if not (whole == "" or _GROUPED.fullmatch(whole) or _PLAIN.fullmatch(whole)) or \
                not _PLAIN.fullmatch(fraction):
            return None
        return _number(sign + whole.replace(".", "") + "." + fraction)
    if _GROUPED.fullmatch(whole) or _PLAIN.fullmatch(whole):
        return _number(sign + whole.replace(".", ""))
    if _POINT.fullmatch(whole):
        return _number(sign + whole)
    return None


def _number(text: str) -> int | float:
    value = float(text)
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def format_number(value: int | float) -> str:
    """Indonesian digits: 1500000 -> "1.500.000", 2.5 -> "2,5" (no rounding, no exponent)."""
    text = xpath_number(float(value)) if isinstance(value, float) else str(value)
    sign, text = ("-", text[1:]) if text.startswith("-") else ("", text)
    whole, _, fraction = text.partition(".")
    groups = []
    while len(whole) > 3:
        whole, groups = whole[:-3], [whole[-3:], *groups]
    grouped = ".".join([whole, *groups])
    return sign + grouped + ("," + fraction if fraction else "")


def format_rupiah(value: int | float) -> str:
    """Rupiah as PUEBI writes it: "Rp1.500.000", "Rp2.500,50"."""
    text = format_number(value)
    return "-Rp" + text[1:] if text.startswith("-") else "Rp" + text


def parse_date(text: str) -> str | None:
    """An ISO date from "2026-08-17", "17/08/2026" or "17 Agustus 2026"; None otherwise."""
    text = (text or "").strip()
    try:
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            return dt.date.fromisoformat(text).isoformat()
        if match := _DMY.fullmatch(text):
            day, month, year = (int(part) for part in match.groups())
            return dt.date(year, month, day).isoformat()
        if match := _WORDS.fullmatch(text):
            month = _month_number(match.group(2))
            if month:
                return dt.date(int(match.group(3)), month, int(match.group(1))).isoformat()
    except ValueError:
        return None
    return None


def _month_number(word: str) -> int | None:
    word = word.lower()
    for names in MONTHS.values():
        for number, name in enumerate(names, start=1):
            if name.lower() == word or (len(word) >= 3 and name.lower().startswith(word)):
                return number
    return None


def format_day(iso: str, lang: str) -> str:
    """A stored date in words: "17 Agustus 2026" (English: "17 August 2026")."""
    try:
        day = dt.date.fromisoformat(iso)
    except (TypeError, ValueError):
        return str(iso)
    return format_date(day, "d MMMM y", locale=lang if lang in MONTHS else "id")
