"""User text as the report shows it: bidi controls removed, long texts cut in tables.

Answers come from many officers, so a text may hold right-to-left override characters that
make "gnp.exe" read "exe.png", or 10,000 characters that would fill five A4 pages of a table.
Every answer shown is isolated (`<bdi>` in HTML) with its embedding, override and isolate
controls removed; in tables it is cut at CUT characters, and the OPD's profile shows it whole.
"""

from __future__ import annotations

import re

CUT = 160
ELLIPSIS = "…"
# Bidi embeddings, overrides, isolates and marks (U+061C, U+200E/F, U+202A–E, U+2066–9).
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def shown(text: object) -> str:
    """The text without bidi controls ("" for None)."""
    return BIDI_CONTROLS.sub("", "" if text is None else str(text))


def cut(text: object, limit: int = CUT) -> str:
    """The shown text, at most `limit` characters, ending in "…" when cut."""
    value = shown(text)
    if len(value) <= limit:
        return value
    return value[: limit - 1].rstrip() + ELLIPSIS


def is_long(text: object, limit: int = CUT) -> bool:
    """Whether a table cuts the text (the OPD profile then shows it whole)."""
    return len(shown(text)) > limit
