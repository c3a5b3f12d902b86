"""The CSV sink: one CSV per sheet (UTF-8 with BOM so Excel reads it right), zipped together.

Rows stream into one temporary file per sheet; the ZIP is assembled at the end in sheet order.
Text is neutralised exactly as in the workbook (a CSV opened in Excel runs formulas too).
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import shutil
import tempfile
import zipfile
from pathlib import Path

from app.exports.hygiene import neutralise
from app.exports.sinks.base import Chart, SheetSpec

ENCODING = "utf-8-sig"  # writes the BOM


def csv_value(value: object) -> str:
    """How a typed cell value is written in CSV."""
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        if not math.isfinite(value):
            return ""
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class CsvZipSink:
    """Writes the sections as a ZIP of CSV files at `path`."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.tmp = Path(tempfile.mkdtemp(prefix="survei-csv-"))
        self.files: dict[str, tuple[str, object, object]] = {}
        self.counts: dict[str, int] = {}

    def open(self, sheets: list[SheetSpec]) -> None:
        for index, spec in enumerate(sheets, start=len(self.files) + 1):
            name = f"{index:02d} {spec.name}.csv"
            handle = open(self.tmp / name, "w", encoding=ENCODING, newline="")  # noqa: SIM115
            writer = csv.writer(handle)
            writer.writerow([neutralise(header) for header in spec.headers])
            self.files[spec.key] = (name, handle, writer)
            self.counts[spec.key] = 0

    def row(self, key: str, values: list) -> None:
        self.files[key][2].writerow([csv_value(value) for value in values])
        self.counts[key] += 1

    def close_sheet(self, key: str, footer: list | None = None, chart: Chart | None = None) -> None:
        name, handle, writer = self.files[key]
        if footer is not None:
            writer.writerow([csv_value(value) for value in footer])
        handle.close()

    def finish(self) -> None:
        try:
            with zipfile.ZipFile(self.path, "w", zipfile.ZIP_DEFLATED) as archive:
                for name, handle, _ in self.files.values():
                    handle.close()
                    archive.write(self.tmp / name, arcname=name)
        finally:
            shutil.rmtree(self.tmp, ignore_errors=True)

    def abort(self) -> None:
        for _, handle, _ in self.files.values():
            handle.close()
        shutil.rmtree(self.tmp, ignore_errors=True)
        self.path.unlink(missing_ok=True)
