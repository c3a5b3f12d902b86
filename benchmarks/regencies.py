"""Regencies as tenants: what a database per regency costs, on SQLite and PostgreSQL.

For each backend, an installation (its home regency, Luwu Utara) gets `--regencies` more
(codes 90.01, 90.02, …), each created and migrated by `add_regency` as `survei regency add` does;
then the app (in-process, job runners off) answers the sign-in page on the home host and on the
last regency's host, and the script prints:

  add s        seconds to create, migrate and register one regency (mean, slowest)
  sites RSS    the process's peak RSS with every regency's site open
  login p50/95 ms of GET /login on the home host and on the last regency's host (`--requests`)
  pool         PostgreSQL: connections the one pool holds after serving every regency
  tables       tables in the database (PostgreSQL: all schemas; SQLite: the files)

PostgreSQL runs on a throwaway server started from Debian's binaries (as the tests do).

    .venv/bin/python benchmarks/regencies.py [--regencies 100] [--requests 200]
        [--backends sqlite,postgresql]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _code(number: int) -> str:
    """90.01, 90.02, … 90.99, 91.00, …: codes no real regency has."""
    return f"{90 + number // 100}.{number % 100:02d}"


def _latency(client, host: str, requests: int) -> tuple[float, float]:
    took = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(f"http://{host}/login")
        took.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    return statistics.median(took), _percentile(took, 0.95)


def run(backend: str, regencies: int, requests: int) -> dict:
    from fastapi.testclient import TestClient
    from sqlalchemy import text

    from app import migrate
    from app.config import load_settings
    from app.db import Database
    from app.main import create_app
    from app.regencies.service import add_regency
    from tests.support.postgres import ThrowawayPostgres

    workdir = Path(tempfile.mkdtemp(prefix=f"regencies-{backend}-"))
    server = None
    if backend == "sqlite":
        url = f"sqlite:///{workdir / 'survei.db'}"
    else:
        server = ThrowawayPostgres()
        if not server.available:
            return {"backend": backend, "skipped": "PostgreSQL binaries not found"}
        server.start()
        server.execute("CREATE DATABASE survei")
        url = server.url("survei")
    try:
        migrate.upgrade(url)
        settings = load_settings(env="test", var_dir=workdir / "var", database_url=url,
                                 secret_key="b" * 40, job_concurrency=0)
        db = Database(url)
        adds = []
        for number in range(1, regencies + 1):
            started = time.perf_counter()
            add_regency(db, settings, code=_code(number), name=f"Kabupaten Uji {number}")
            adds.append(time.perf_counter() - started)
        last_host = _code(regencies).replace(".", "") + ".localhost"
        with TestClient(create_app(settings)) as client:
            home = _latency(client, "testserver", requests)
            last = _latency(client, last_host, requests)
            pool = client.app.state.db.engine.pool
            pooled = pool.checkedin() + pool.checkedout() if not db.is_sqlite else None
        with db.engine.connect() as conn:
            tables = (conn.execute(text(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN "
                "('pg_catalog', 'information_schema')")).scalar() if not db.is_sqlite else
                len(list((workdir / "var").rglob("survei.db"))) + 1)
        db.dispose()
        return {"backend": backend, "regencies": regencies,
                "add_mean": statistics.fmean(adds), "add_max": max(adds),
                "rss": _peak_rss_mb(), "home": home, "last": last, "pool": pooled,
                "tables": tables}
    finally:
        if server is not None:
            server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regencies", type=int, default=100)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--backends", default="sqlite,postgresql")
    args = parser.parse_args()
    print("| backend | regencies | add s mean (max) | peak RSS MB | home login p50/p95 ms "
          "| last regency login p50/p95 ms | pool connections | tables (PG) / files |")
    print("|---|---|---|---|---|---|---|---|")
    for backend in args.backends.split(","):
        row = run(backend.strip(), args.regencies, args.requests)
        if "skipped" in row:
            print(f"| {backend} | skipped: {row['skipped']} |")
            continue
        print(f"| {row['backend']} | {row['regencies']} | {row['add_mean']:.2f} "
              f"({row['add_max']:.2f}) | {row['rss']:.0f} | {row['home'][0]:.1f} / "
              f"{row['home'][1]:.1f} | {row['last'][0]:.1f} / {row['last'][1]:.1f} | "
              f"{row['pool'] if row['pool'] is not None else '–'} | {row['tables']} |",
              flush=True)


if __name__ == "__main__":
    main()
