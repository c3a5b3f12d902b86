"""The blocks document.typ draws: plain dicts, built by these small functions.

Texts are passed through `reports.text.shown` (bidi controls removed) by the builders; a
table cell is a string, None, or `cell(...)` with a second line, a fill or bold text.
"""

from __future__ import annotations

from collections.abc import Sequence


def heading(text: str, level: int = 2) -> dict:
    return {"kind": "heading", "level": level, "text": text}


def para(text: str, *, note: bool = False) -> dict:
    return {"kind": "para", "text": text, "note": note}


def facts(items: Sequence[tuple[str, str]]) -> dict:
    return {"kind": "facts", "items": [[k, v] for k, v in items]}


def cards(items: Sequence[tuple[str, str]]) -> dict:
    return {"kind": "cards", "items": [[v, label] for v, label in items]}


def cell(text: str, *, sub: str | None = None, fill: str | None = None,
         color: str | None = None, bold: bool = False) -> dict:
    return {"t": text, "sub": sub, "fill": fill, "color": color, "bold": bold}


def table(header: Sequence[str], rows: Sequence[Sequence[object]], align: str,
          widths: Sequence[float | str] | None = None, bold_rows: Sequence[int] = (),
          size: float | None = None) -> dict:
    """`align`: one letter per column, "l" or "r"; `widths`: fractions (or "auto");
    `size`: the text size in points for a wide table (default: the body's)."""
    block = {"kind": "table", "header": list(header), "rows": [list(r) for r in rows],
             "align": list(align), "bold_rows": list(bold_rows)}
    if size is not None:
        block["size"] = size
    if widths is not None:
        block["widths"] = list(widths)
    return block


def figure(svg: str, caption: str) -> dict:
    return {"kind": "figure", "svg": svg, "caption": caption}


def formula(text: str) -> dict:
    return {"kind": "formula", "text": text}


def boxed(blocks: list[dict]) -> dict:
    return {"kind": "box", "blocks": blocks}


def landscape(blocks: list[dict]) -> dict:
    """Blocks on pages of their own turned sideways (wide tables)."""
    return {"kind": "landscape", "blocks": blocks}


def signature(*, place_date: str, position: str, name: str, nip: str) -> dict:
    return {"kind": "signature", "place_date": place_date, "position": position, "name": name,
            "nip": nip}


def outline(title: str) -> dict:
    return {"kind": "outline", "text": title}


def pagebreak() -> dict:
    return {"kind": "pagebreak"}
