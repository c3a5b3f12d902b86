"""Interchangeable writers of the export sections: XLSX (xlsxwriter or openpyxl), CSV ZIP, JSON."""

from pathlib import Path

from app.exports.options import Format
from app.exports.sinks.base import Chart, SheetSpec, Sink
from app.exports.sinks.csvzip import CsvZipSink
from app.exports.sinks.jsonfile import JsonSink
from app.exports.sinks.xlsx import XlsxSink

__all__ = ["Chart", "CsvZipSink", "JsonSink", "SheetSpec", "Sink", "XlsxSink", "sink_for"]


def sink_for(fmt: Format, path: Path) -> Sink:
    """The sink that writes `fmt` to `path` (XLSX with xlsxwriter, the benchmark's winner)."""
    return {Format.xlsx: XlsxSink, Format.csv: CsvZipSink, Format.json: JsonSink}[fmt](path)
