"""Typst: a document of blocks (JSON) -> PDF bytes, with the fonts matplotlib ships.

The `typst` wheel from PyPI contains the compiler, so `pip install` is the whole setup: no
system library, no browser. Fonts come from matplotlib's own data folder (DejaVu Sans, the
charts' font too), system fonts are ignored, so every machine makes the same file. The data
travels as one JSON string (`sys.inputs`); document.typ places every string as text.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

TEMPLATE = Path(__file__).parent / "document.typ"


class PdfUnavailable(RuntimeError):
    """The PDF engine cannot run here (the typst package is missing or broken)."""


@cache
def _fonts() -> str:
    import matplotlib

    return str(Path(matplotlib.get_data_path()) / "fonts" / "ttf")


def render_document(document: dict, *, pdf_standard: str | None = None) -> bytes:
    """The document as PDF bytes; `pdf_standard` e.g. "a-2b" for an archival PDF/A."""
    try:
        import typst
    except ImportError as error:  # a dependency: only a broken install gets here
        raise PdfUnavailable(f"typst is not installed: {error}") from error
    data = json.dumps(document, ensure_ascii=False, default=str)
    options = {"pdf_standards": [pdf_standard]} if pdf_standard else {}
    return typst.compile(str(TEMPLATE), root=str(TEMPLATE.parent), font_paths=[_fonts()],
                         ignore_system_fonts=True, sys_inputs={"data": data}, **options)
