"""Export benchmark: the consolidated workbook against a floor of bare xlsxwriter writes.

For each size (default 50, 500 and 5,000 submissions of 15 services, 10 applications,
10 datasets and 20 needs each) it measures, each in a fresh process so peak RSS is honest:

  export    `export_round` to XLSX (xlsxwriter constant-memory sink): read from SQLite in
            batches, flatten, hygiene, write; the time of the whole call
  openpyxl  the same export through the openpyxl write-only sink
  floor     the very same cells (recorded once from the export) written by bare xlsxwriter in
            constant-memory mode, nothing else: only the write calls and close() are timed
  rust      candidate: the same cells written by the Rust writer `rustpy-xlsxwriter` (only
            when it is installed: `pip install rustpy-xlsxwriter`); its API takes every row of
            a sheet at once, so the rows are built first (not timed) and its RSS holds them

    .venv/bin/python benchmarks/export.py [--sizes 50,500,5000] [--cache var/bench]
                                          [--no-openpyxl]

Data is generated once per size into a SQLite file under --cache and reused.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CHUNK = 500  # rows per pickled chunk of recorded cells


def peak_rss_mb() -> float:
    """This process's peak resident set size in MB.

    VmHWM belongs to this process image; ru_maxrss would also count the parent's memory,
    which a child inherits at fork.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Clock:
    """Accumulates wall time and this process's CPU time over the timed sections."""

    def __init__(self):
        self.wall = self.cpu = 0.0

    def __enter__(self):
        self._wall, self._cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *_exc):
        self.wall += time.perf_counter() - self._wall
        self.cpu += time.process_time() - self._cpu

    def result(self, **extra) -> dict:
        return {"wall": self.wall, "cpu": self.cpu, "rss": peak_rss_mb(), **extra}


# -- child processes ----------------------------------------------------------------------

def run_export(url: str, round_id: int, out: Path, sink: str) -> dict:
    """Time export_round to XLSX with the named sink ('xlsxwriter' or 'openpyxl')."""
    from app.db import Database
    from app.exports import service
    from app.exports.options import ExportOptions, Format

    if sink == "openpyxl":
        from app.exports.sinks.xlsx_openpyxl import OpenpyxlSink

        service.sink_for = lambda fmt, path: OpenpyxlSink(path)
    db = Database(url)
    with Clock() as clock:
        result = service.export_round(db, round_id=round_id, options=ExportOptions(),
                                      fmt=Format.xlsx, path=out, actor_name="benchmark")
    db.dispose()
    return clock.result(submissions=result.total)


class RecordingSink:
    """A sink that pickles every sheet's rows (in chunks) for the floor to write again."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.counts: dict[str, int] = {}
        self.buffers: dict[str, list] = {}
        self.files: dict[str, object] = {}

    def open(self, sheets) -> None:
        meta = [(s.key, s.name, s.headers, [c.kind for c in s.columns]) for s in sheets]
        (self.directory / "sheets.pickle").write_bytes(pickle.dumps(meta))
        for index, sheet in enumerate(sheets):
            self.files[sheet.key] = open(self.directory / f"{index:02d}.pickle", "wb")  # noqa: SIM115
            self.buffers[sheet.key] = []
            self.counts[sheet.key] = 0

    def row(self, key: str, values: list) -> None:
        self.buffers[key].append(values)
        self.counts[key] += 1
        if len(self.buffers[key]) >= CHUNK:
            self._flush(key)

    def _flush(self, key: str) -> None:
        pickle.dump(self.buffers[key], self.files[key], protocol=pickle.HIGHEST_PROTOCOL)
        self.buffers[key] = []

    def close_sheet(self, key: str, footer=None, chart=None) -> None:
        if footer is not None:
            self.buffers[key].append(footer)
        self._flush(key)
        self.files[key].close()

    def finish(self) -> None:
        pass

    def abort(self) -> None:
        pass


def run_record(url: str, round_id: int, directory: Path) -> dict:
    """Record the cells the export writes (not timed: the floor's input)."""
    from app.db import Database
    from app.exports import service
    from app.exports.options import ExportOptions, Format

    service.sink_for = lambda fmt, path: RecordingSink(directory)
    db = Database(url)
    result = service.export_round(db, round_id=round_id, options=ExportOptions(),
                                  fmt=Format.xlsx, path=directory / "unused", actor_name="bench")
    db.dispose()
    return {"rows": sum(result.counts.values())}


def run_floor(directory: Path, out: Path) -> dict:
    """Write the recorded cells with bare xlsxwriter constant-memory; time the writes only."""
    import xlsxwriter

    from app.exports.sinks.xlsx import FORMATS

    book = xlsxwriter.Workbook(str(out), {"constant_memory": True, "strings_to_formulas": False,
                                          "strings_to_urls": False, "remove_timezone": True})
    formats = {kind: book.add_format(spec) for kind, spec in FORMATS.items()}
    meta = pickle.loads((directory / "sheets.pickle").read_bytes())
    clock, cells = Clock(), 0
    for index, (_key, name, headers, kinds) in enumerate(meta):
        ws = book.add_worksheet(name)
        column_formats = [formats.get(kind) for kind in kinds]
        for col, header in enumerate(headers):
            ws.write_string(0, col, header)
        row_number = 1
        with open(directory / f"{index:02d}.pickle", "rb") as handle:
            while True:
                try:
                    chunk = pickle.load(handle)
                except EOFError:
                    break
                with clock:
                    _write_chunk(ws, row_number, chunk, column_formats)
                row_number += len(chunk)
                cells += sum(value is not None for values in chunk for value in values)
    with clock:
        book.close()
    return clock.result(cells=cells)


def run_rust(directory: Path, out: Path) -> dict:
    """Write the recorded cells with rustpy-xlsxwriter (one call); time that call only."""
    import rustpy_xlsxwriter

    meta = pickle.loads((directory / "sheets.pickle").read_bytes())
    sheets, cells = [], 0
    for index, (_key, name, headers, _kinds) in enumerate(meta):
        keys = headers if len(set(headers)) == len(headers) else [
            f"{h} ({i})" for i, h in enumerate(headers, start=1)]
        records = []
        with open(directory / f"{index:02d}.pickle", "rb") as handle:
            while True:
                try:
                    chunk = pickle.load(handle)
                except EOFError:
                    break
                records += [dict(zip(keys, values, strict=False)) for values in chunk]
                cells += sum(value is not None for values in chunk for value in values)
        sheets.append((name, records))
    clock = Clock()
    with clock:
        rustpy_xlsxwriter.write_worksheets(sheets, str(out))
    return clock.result(cells=cells)


def _write_chunk(ws, first_row: int, chunk: list, column_formats: list) -> None:
    """Bare xlsxwriter: one typed write per non-empty cell, nothing else."""
    for row_number, values in enumerate(chunk, start=first_row):
        for col, value in enumerate(values):
            if value is None:
                continue
            if isinstance(value, str):
                ws.write_string(row_number, col, value, column_formats[col])
            elif isinstance(value, dt.date):
                ws.write_datetime(row_number, col, value, column_formats[col])
            else:
                ws.write_number(row_number, col, value, column_formats[col])


def child(argv: list[str]) -> None:
    mode, url, round_id, path = argv[0], argv[1], int(argv[2]), Path(argv[3])
    if mode == "record":
        result = run_record(url, round_id, path)
    elif mode == "floor":
        result = run_floor(path, Path(argv[4]))
    elif mode == "rust":
        result = run_rust(path, Path(argv[4]))
    else:
        result = run_export(url, round_id, path, mode)
    print(json.dumps(result))


# -- parent -------------------------------------------------------------------------------

def spawn(*args: str, script: str = __file__) -> dict:
    """Run one measure of `script` in a fresh process (honest peak RSS); its JSON result."""
    done = subprocess.run([sys.executable, script, "--child", *args], capture_output=True,
                          text=True, check=False, cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"child {args[0]} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def best(runs: list[dict]) -> dict:
    """The fastest of repeated runs (by CPU time); the highest peak RSS of them."""
    fastest = min(runs, key=lambda run: run["cpu"])
    return {**fastest, "rss": max(run["rss"] for run in runs)}


def measure(size: int, cache: Path, openpyxl: bool, repeat: int, rust: bool) -> dict:
    from benchmarks.export_data import ensure_round

    url, round_id = ensure_round(cache, size, log=lambda text: print(text, file=sys.stderr))
    with tempfile.TemporaryDirectory(prefix="survei-bench-") as tmp:
        tmp_path = Path(tmp)
        cells_dir = tmp_path / "cells"
        cells_dir.mkdir()
        spawn("record", url, str(round_id), str(cells_dir))
        floors, exports, others, rusts = [], [], [], []
        for _ in range(repeat):  # interleaved, so a burst of load hits both alike
            floors.append(spawn("floor", url, str(round_id), str(cells_dir),
                                str(tmp_path / "floor.xlsx")))
            if rust:
                rusts.append(spawn("rust", url, str(round_id), str(cells_dir),
                                   str(tmp_path / "rust.xlsx")))
            exports.append(spawn("xlsxwriter", url, str(round_id), str(tmp_path / "x.xlsx")))
            if openpyxl:
                others.append(spawn("openpyxl", url, str(round_id), str(tmp_path / "o.xlsx")))
    return {"size": size, "export": best(exports), "floor": best(floors),
            "openpyxl": best(others) if others else None, "rust": best(rusts) if rusts else None}


def table(results: list[dict]) -> str:
    """A markdown table; times are CPU seconds (wall seconds in brackets)."""
    lines = ["| submissions | cells | export s | floor s | ratio | export RSS MB | floor RSS MB "
             "| openpyxl s | openpyxl RSS MB | rust s | rust ÷ floor | rust RSS MB |",
             "|" + "---|" * 12]
    for r in results:
        e, f, o, w = r["export"], r["floor"], r["openpyxl"], r["rust"]
        other = f"{o['cpu']:.1f} ({o['wall']:.1f}) | {o['rss']:.0f}" if o else "– | –"
        other += (f" | {w['cpu']:.1f} ({w['wall']:.1f}) | {w['cpu'] / f['cpu']:.2f} | "
                  f"{w['rss']:.0f}" if w else " | – | – | –")
        lines.append(f"| {r['size']:,} | {f['cells']:,} | {e['cpu']:.1f} ({e['wall']:.1f}) | "
                     f"{f['cpu']:.1f} ({f['wall']:.1f}) | {e['cpu'] / f['cpu']:.2f} | "
                     f"{e['rss']:.0f} | {f['rss']:.0f} | {other} |")
    return "\n".join(lines)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50,500,5000")
    parser.add_argument("--cache", type=Path, default=ROOT / "var" / "bench")
    parser.add_argument("--no-openpyxl", action="store_true")
    parser.add_argument("--repeat", type=int, default=1, help="runs per measure; the best counts")
    args = parser.parse_args()
    rust = importlib.util.find_spec("rustpy_xlsxwriter") is not None
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        print(f"size {size} …", file=sys.stderr)
        results.append(measure(size, args.cache, not args.no_openpyxl, args.repeat, rust))
    print(table(results))
    if len(results) > 1 and results[-1]["size"] > results[-2]["size"]:
        small, large = results[-2]["export"]["rss"], results[-1]["export"]["rss"]
        print(f"\nexport peak RSS growth {results[-2]['size']:,} -> {results[-1]['size']:,}: "
              f"{(large / small - 1) * 100:+.0f} %")


if __name__ == "__main__":
    main()
