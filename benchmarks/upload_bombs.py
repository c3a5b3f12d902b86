"""Upload bombs: how fast and in how much memory the XLSForm loader and the OPD importer refuse
each hostile workbook of tests/uploads/bombs.py (and, for scale, read an ordinary one).

Each file is built once, written to a temporary directory, then read by a fresh process that
imports the loader before the clock starts; it prints wall and CPU seconds and peak RSS (VmHWM)
next to the RSS the process had before reading (the imported application).

    .venv/bin/python benchmarks/upload_bombs.py
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.export import Clock, spawn  # noqa: E402


def current_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def child(argv: list[str]) -> None:
    importer, path = argv[0], Path(argv[1])
    from app.opds.importer import parse_opd_file
    from app.questionnaires.xlsform import load_xlsform

    data = path.read_bytes()
    before = current_rss_mb()
    with Clock() as clock:
        if importer == "xlsform":
            result = load_xlsform(data, filename=path.name)
            problem = str(result.errors[0]) if result.errors else "accepted"
        else:
            parsed = parse_opd_file(path.name, data)
            problem = str(parsed.problems[0]) if parsed.problems else "accepted"
    print(json.dumps(clock.result(before=before, problem=problem[:70])))


def files(folder: Path) -> dict[str, Path]:
    from tests.uploads import bombs

    built = {
        "1 GiB cell (1 MB file)": bombs.huge_cell(),
        "rows unpacking to 2.15 GB": bombs.many_rows(),
        "1 M rows, no <dimension>": bombs.million_rows(),
        "one row of 2.3 M cells": bombs.wide_row(),
        "25,000 rows (650 KB)": bombs.million_rows(25_000),
        "a row of 5,000 cells": bombs.wide_row(5_000),
        "19,999 rows, 3.9 MB (within every limit)": bombs.workbook(bombs.rows_sheet(
            b'<row><c t="inlineStr"><is><t>' + b"a" * 150 + b"</t></is></c></row>", 19_999)),
        "default questionnaire": (ROOT / "surveys/kebutuhan-smart-city.xlsx").read_bytes(),
    }
    paths = {}
    for number, (name, data) in enumerate(built.items()):
        paths[name] = folder / f"bomb{number}.xlsx"
        paths[name].write_bytes(data)
    return paths


def main() -> None:
    if "--child" in sys.argv:
        child(sys.argv[sys.argv.index("--child") + 1:])
        return
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    print("| file | size MB | loader | wall s | CPU s | RSS before MB | peak RSS MB | answer |")
    print("|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for name, path in files(Path(folder)).items():
            for importer in ("xlsform", "opd"):
                run = spawn(importer, str(path), script=__file__)
                print(f"| {name} | {path.stat().st_size / 1e6:.2f} | {importer} | "
                      f"{run['wall']:.2f} | {run['cpu']:.2f} | {run['before']:.0f} | "
                      f"{run['rss']:.0f} | {run['problem']} |")


if __name__ == "__main__":
    main()
