"""What every sink is given: the sheets up front, then rows as they come, then each sheet's end.

Sheets are declared in workbook order before any row, but rows may arrive for any sheet in any
interleaving (one submission gives a main row and rows of several repeats); within a sheet they
arrive in order. A sink never holds more than the current row of a sheet in memory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

from app.exports.flatten import Column


@dataclass(frozen=True)
class Chart:
    """A column chart of columns first..last: header cells as categories, footer as values."""

    title: str
    first_col: int
    last_col: int


@dataclass(frozen=True)
class PrintSetup:
    """How a sheet prints: A4 landscape, fit to the page width, the header row on every page,
    and a footer naming the round (left), the sheet (centre) and the page (right).

    `page` is the localised page text with the placeholders {page} and {pages}.
    """

    title: str
    page: str = "{page} / {pages}"


@dataclass
class SheetSpec:
    """A sheet: key, name (already a valid sheet name), columns, and how it is presented."""

    key: str
    name: str
    columns: list[Column]
    table: bool = True
    """An Excel Table with filters over the header and data rows (not the footer)."""
    freeze_cols: int = 0
    headers: list[str] = field(default_factory=list)
    notes: list[str | None] = field(default_factory=list)
    """Per column, a longer text for its header (the question text), or None: a cell
    comment in the workbook, `label` in the JSON document."""
    print: PrintSetup | None = None

    def __post_init__(self) -> None:
        if not self.headers:
            self.headers = [column.header for column in self.columns]
        if not self.notes:
            self.notes = [column.note for column in self.columns]


def table_name(key: str, taken: set[str]) -> str:
    """A unique Excel Table name for a sheet key, e.g. "Tabel_repeat_layanan"."""
    base = "Tabel_" + re.sub(r"[^A-Za-z0-9_]", "_", key)
    name, number = base, 1
    while name.lower() in taken:
        number += 1
        name = f"{base}_{number}"
    taken.add(name.lower())
    return name


class Sink(Protocol):
    """The interface of every writer."""

    counts: dict[str, int]
    """Data rows written per sheet key."""

    def open(self, sheets: list[SheetSpec]) -> None:
        """Create every sheet in order and write its header row (again: more sheets, after)."""

    def row(self, key: str, values: list) -> None:
        """Write the next data row of a sheet."""

    def close_sheet(self, key: str, footer: list | None = None, chart: Chart | None = None) -> None:
        """End a sheet: an optional footer row (totals) after its data, an optional chart."""

    def finish(self) -> None:
        """Complete the file."""

    def abort(self) -> None:
        """Drop temporary files after a failure."""
