"""Report benchmark: the HTML report against the workbook export, on the same rounds.

For each size (default 50, 500 and 5,000 submissions of 15 services, 10 applications,
10 datasets and 20 needs each; data from benchmarks/export_data.py, cached) it measures, each
in a fresh process so peak RSS is honest:

  export    `export_round` to XLSX, timed exactly as benchmarks/export.py times it
  report    `round_report` + `write_html` (read the round, build every section, draw the
            charts, render the HTML file as it is written, as the background job does);
            modules are imported before the clock starts, as the export's are

and prints CPU time (wall time in brackets), peak RSS and the ratio report/export of CPU time
(target: at most 0.5 at every size). With --repeat N each is run N times and the best counts.

    .venv/bin/python benchmarks/report.py [--sizes 50,500,5000] [--cache var/bench] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.export import Clock, run_export  # noqa: E402
from benchmarks.export import spawn as export_spawn  # noqa: E402

TARGET = 0.5


def run_report(url: str, round_id: int, out: Path) -> dict:
    """Time the report of the round, from the database to the written HTML file."""
    from app.db import Database
    from app.reports_web.service import ReportRequest, round_report
    from reports import figures, write_html  # noqa: F401 - imported before the clock starts

    db = Database(url)
    with Clock() as clock, db.session() as session:
        report = round_report(session, round_id=round_id, request=ReportRequest(),
                              actor_name="benchmark")
        write_html(report, out)  # as the background job writes it
    db.dispose()
    return clock.result(bytes=out.stat().st_size, needs=report.summary.total_needs,
                        submissions=report.summary.included)


def child(argv: list[str]) -> None:
    mode, url, round_id, path = argv[0], argv[1], int(argv[2]), Path(argv[3])
    result = (run_report(url, round_id, path) if mode == "report"
              else run_export(url, round_id, path, "xlsxwriter"))
    print(json.dumps(result))


def spawn(*args: str) -> dict:
    return export_spawn(*args, script=__file__)


def best(runs: list[dict]) -> dict:
    """The run with the least CPU time (other processes on the machine only ever add)."""
    return min(runs, key=lambda run: run["cpu"])


def measure(size: int, cache: Path, repeat: int) -> dict:
    from benchmarks.export_data import ensure_round

    url, round_id = ensure_round(cache, size, log=lambda text: print(text, file=sys.stderr))
    exports, reports = [], []
    with tempfile.TemporaryDirectory(prefix="survei-bench-") as tmp:
        for _ in range(repeat):  # alternate, so both see the same machine
            exports.append(spawn("export", url, str(round_id), str(Path(tmp) / "export.xlsx")))
            reports.append(spawn("report", url, str(round_id), str(Path(tmp) / "report.html")))
    return {"size": size, "export": best(exports), "report": best(reports)}


def table(results: list[dict]) -> str:
    """A markdown table; times are CPU seconds (wall seconds in brackets), as in export.py."""
    lines = ["| submissions | needs | export s | export RSS MB | report s | report RSS MB "
             "| report file MB | ratio report/export |", "|" + "---|" * 8]
    for r in results:
        e, p = r["export"], r["report"]
        ratio = p["cpu"] / e["cpu"]
        mark = "" if ratio <= TARGET else " (over target)"
        lines.append(f"| {r['size']:,} | {p['needs']:,} | {e['cpu']:.2f} ({e['wall']:.2f}) | "
                     f"{e['rss']:.0f} | {p['cpu']:.2f} ({p['wall']:.2f}) | {p['rss']:.0f} | "
                     f"{p['bytes'] / 1e6:.1f} | {ratio:.2f}{mark} |")
    return "\n".join(lines)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50,500,5000")
    parser.add_argument("--cache", type=Path, default=ROOT / "var" / "bench")
    parser.add_argument("--repeat", type=int, default=1, help="runs per measure; the best counts")
    args = parser.parse_args()
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        print(f"size {size} …", file=sys.stderr)
        results.append(measure(size, args.cache, max(args.repeat, 1)))
    print(table(results))
    print(f"\ntarget: report/export <= {TARGET} at every size")


if __name__ == "__main__":
    main()
