"""Formatting helpers the PDF chapters share, bound to the report's language."""

from __future__ import annotations

from reports import format as fmt
from reports.i18n import translator
from reports.pdf import blocks as b
from reports.results import Cell, OpdRef, Report
from reports.text import shown

HEAT = {0: None, 1: "#eaf2f9", 2: "#cfe1f0", 3: "#a9cae4", 4: "#7fb0d6", 5: "#1f5f8b"}


class Writer:
    """Formatting helpers bound to the report's language."""

    def __init__(self, report: Report):
        self.r, self.lang = report, report.lang
        self._ = translator(report.lang)

    def n(self, value, digits: int = 0) -> str:
        return fmt.number(value, self.lang, digits)

    def rp(self, value) -> str:
        return fmt.rupiah(value, self.lang)

    def dec(self, value) -> str:
        return fmt.decimal(value, self.lang)

    def pct(self, value) -> str:
        return fmt.percent(value, self.lang)

    def opd(self, ref: OpdRef) -> str:
        return shown(ref.name)

    def heat(self, cell: Cell, text: str, sub: str | None = None) -> dict:
        return b.cell(text, sub=sub, fill=HEAT.get(cell.heat),
                      color="#ffffff" if cell.heat == 5 else None)
