"""The JSON sink: one document with every sheet's columns and rows, streamed through temp files.

    {"format": "survei-export/1",
     "sheets": [{"key": "isian", "name": "Isian",
                 "columns": [{"code": "opd_code", "header": "Kode OPD", "kind": "text"}, …],
                 "rows": [["DINKES", …], …], "footer": null}, …]}

Values are data, not spreadsheet cells: text is not neutralised or truncated (escape it where
you display it), dates are ISO 8601 strings (times with seconds and the regency's offset,
e.g. "2026-03-02T09:30:05+08:00"), empty cells are null. A column whose header is a short one
carries the question text as `label`.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import shutil
import tempfile
from pathlib import Path

from app.exports.sinks.base import Chart, SheetSpec

FORMAT = "survei-export/1"


def _default(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _dumps(values: list) -> str:
    clean = [None if isinstance(v, float) and not math.isfinite(v) else v for v in values]
    return json.dumps(clean, ensure_ascii=False, default=_default)


class JsonSink:
    """Writes the sections as one JSON document at `path`."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.tmp = Path(tempfile.mkdtemp(prefix="survei-json-"))
        self.sheets: dict[str, SheetSpec] = {}
        self.handles: dict[str, object] = {}
        self.footers: dict[str, list | None] = {}
        self.counts: dict[str, int] = {}

    def open(self, sheets: list[SheetSpec]) -> None:
        for spec in sheets:
            self.sheets[spec.key] = spec
            self.handles[spec.key] = open(self._file(spec.key), "w", encoding="utf-8")  # noqa: SIM115
            self.counts[spec.key] = 0

    def _file(self, key: str) -> Path:
        return self.tmp / f"{list(self.sheets).index(key):03d}.jsonl"

    def row(self, key: str, values: list) -> None:
        self.handles[key].write(_dumps(values) + "\n")
        self.counts[key] += 1

    def close_sheet(self, key: str, footer: list | None = None, chart: Chart | None = None) -> None:
        self.footers[key] = footer
        self.handles[key].close()

    def finish(self) -> None:
        try:
            with open(self.path, "w", encoding="utf-8") as out:
                out.write(f'{{"format": "{FORMAT}", "sheets": [')
                for index, (key, spec) in enumerate(self.sheets.items()):
                    self.handles[key].close()
                    out.write(",\n" if index else "\n")
                    self._sheet(out, key, spec)
                out.write("\n]}\n")
        finally:
            shutil.rmtree(self.tmp, ignore_errors=True)

    def _sheet(self, out, key: str, spec: SheetSpec) -> None:
        columns = [{"code": c.code, "header": h, "kind": c.kind, **({"label": n} if n else {})}
                   for c, h, n in zip(spec.columns, spec.headers, spec.notes, strict=True)]
        head = {"key": key, "name": spec.name, "columns": columns}
        out.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "rows": [')
        with open(self._file(key), encoding="utf-8") as rows:
            for number, line in enumerate(rows):
                out.write(("," if number else "") + "\n" + line.rstrip("\n"))
        footer = self.footers.get(key)
        out.write('], "footer": ' + (_dumps(footer) if footer is not None else "null") + "}")

    def abort(self) -> None:
        for handle in self.handles.values():
            handle.close()
        shutil.rmtree(self.tmp, ignore_errors=True)
        self.path.unlink(missing_ok=True)
