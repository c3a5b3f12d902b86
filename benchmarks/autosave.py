"""Autosave under load: 100 officers saving drafts of the default questionnaire at once.

Starts a real uvicorn on loopback with its own temporary SQLite database, gives 100 OPDs an
officer each (signed in: session cookie + CSRF token, as a browser), then in the same run
measures, at the same concurrency:

  empty      GET /api/v1/me: the smallest authenticated request (session lookup, no work);
             the baseline of the target
  healthz    GET /healthz (database ping and schema check), printed for reference
  autosave   PUT /api/v1/rounds/{id}/submission: a whole draft (~6.5 KB JSON: every section,
             3 rows in each repeat), validated with validate_answers and stored with its
             version check

and prints p50/p95/p99 of each and the error count. Target: autosave p95 <= 3 x empty p95,
0 errors. Each officer pauses between requests (`--think`, mean seconds, uniformly 0..2x):
the browser saves after 0.8 s without typing, so officers never save back to back. With
`--think 0` every officer fires without pause (a burst of 100 requests in flight at once).
Bounded: `--saves` requests per officer per phase, 60 s per request, 10 minutes in all.

    .venv/bin/python benchmarks/autosave.py [--officers 100] [--saves 10] [--think 2.0]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx2 as httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.auth.accounts import create_user  # noqa: E402
from app.auth.service import open_session  # noqa: E402
from app.config import load_settings  # noqa: E402
from app.db import Database  # noqa: E402
from app.migrate import upgrade  # noqa: E402
from app.opds.models import Opd  # noqa: E402
from app.questionnaires.service import publish  # noqa: E402
from tests.submissions.default_answers import DEFAULT_WORKBOOK, default_answers  # noqa: E402
from tests.submissions.worlds import open_round  # noqa: E402

SECRET = "benchmark-secret-" + "x" * 40


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def seed(url: str, officers: int) -> tuple[int, list[tuple[str, str]]]:
    """The default questionnaire in an open round asking `officers` OPDs; a session each."""
    upgrade(url)
    settings = load_settings(env="test", database_url=url, secret_key=SECRET)
    db = Database(url)
    sessions = []
    with db.write_session() as session:
        opds = []
        for n in range(officers):
            opd = Opd(code=f"OPD-{n:03d}", name=f"Dinas Uji {n}", kind="dinas")
            session.add(opd)
            opds.append(opd)
        session.commit()
        outcome = publish(session, filename=DEFAULT_WORKBOOK.name,
                          data=DEFAULT_WORKBOOK.read_bytes())
        assert outcome.ok, outcome.problems
        round_ = open_round(session, outcome.row.id, "Periode Uji", opds)
        for opd in opds:
            user = create_user(session, username=f"petugas{opd.id:03d}", role="officer",
                               opd_code=opd.code)
            opened = open_session(session, settings=settings, user=user, ip="127.0.0.1")
            session.commit()
            sessions.append((opened.token, opened.row.csrf_token))
    db.dispose()
    return round_.id, sessions


def start_server(url: str, var_dir: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "SURVEI_ENV": "test", "SURVEI_DATABASE_URL": url,
           "SURVEI_SECRET_KEY": SECRET, "SURVEI_VAR_DIR": str(var_dir)}
    command = [sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory",
               "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("the server did not start")


class Officer:
    """One simulated officer: a browser session that saves its draft again and again."""

    def __init__(self, base: str, round_id: int, cookie: str, csrf: str, number: int):
        self.client = httpx.AsyncClient(base_url=base, timeout=60,
                                        cookies={"survei_session": cookie})
        self.url = f"/api/v1/rounds/{round_id}/submission"
        self.csrf = csrf
        self.version = 0
        self.answers = default_answers(rows=3)
        self.answers["pj_nama"] = f"Petugas {number}"

    async def empty(self) -> int:
        return (await self.client.get("/api/v1/me")).status_code

    async def healthz(self) -> int:
        return (await self.client.get("/healthz")).status_code

    async def call(self, action: str, n: int) -> int:
        if action == "autosave":
            return await self.save(n)
        return await (self.empty() if action == "empty" else self.healthz())

    async def save(self, n: int) -> int:
        self.answers["tugas_fungsi"] = f"Draf ke-{n}: " + "uraian tugas dan fungsi. " * 8
        response = await self.client.put(self.url, headers={"X-CSRF-Token": self.csrf},
                                         json={"version": self.version, "answers": self.answers})
        if response.status_code == 200:
            self.version = response.json()["version"]
        return response.status_code


async def phase(officers: list[Officer], calls: int, action: str, think: float
                ) -> tuple[list[float], int]:
    """Every officer makes `calls` requests, pausing between them; all officers at once."""
    timings: list[float] = []
    errors = 0
    rng = random.Random(len(officers) * calls)

    async def run(officer: Officer) -> None:
        nonlocal errors
        for n in range(calls):
            await asyncio.sleep(rng.uniform(0, 2 * think))
            started = time.perf_counter()
            try:
                status = await officer.call(action, n)
            except httpx.HTTPError:
                status = 0
            timings.append((time.perf_counter() - started) * 1000)
            errors += status != 200

    await asyncio.gather(*(run(officer) for officer in officers))
    return timings, errors


def percentiles(timings: list[float]) -> dict[str, float]:
    cuts = statistics.quantiles(timings, n=100, method="inclusive")
    return {"p50": cuts[49], "p95": cuts[94], "p99": cuts[98]}


async def measure(base: str, round_id: int, sessions, calls: int, think: float) -> dict:
    officers = [Officer(base, round_id, cookie, csrf, n)
                for n, (cookie, csrf) in enumerate(sessions)]
    try:
        await phase(officers, 1, "empty", 1.0)  # warm up connections and caches
        await phase(officers, 1, "autosave", 1.0)  # the first save of each draft
        results = {}
        for action in ("empty", "healthz", "autosave"):
            started = time.perf_counter()
            timings, errors = await phase(officers, calls, action, think)
            results[action] = {**percentiles(timings), "requests": len(timings),
                               "errors": errors, "seconds": time.perf_counter() - started}
        return results
    finally:
        await asyncio.gather(*(officer.client.aclose() for officer in officers))


def report(results: dict, officers: int, think: float) -> None:
    print(f"{officers} concurrent officers (pause between requests: mean {think} s), SQLite, "
          "one uvicorn worker on loopback")
    print(f"{'':10}{'requests':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}{'s':>7}")
    for name, row in results.items():
        print(f"{name:10}{row['requests']:>9}{row['p50']:>9.1f}{row['p95']:>9.1f}"
              f"{row['p99']:>9.1f}{row['errors']:>8}{row['seconds']:>7.1f}")
    ratio = results["autosave"]["p95"] / results["empty"]["p95"]
    errors = sum(row["errors"] for row in results.values())
    verdict = "met" if ratio <= 3 and errors == 0 else "NOT met"
    print(f"autosave p95 / empty p95 = {ratio:.2f} (target <= 3, 0 errors): {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--officers", type=int, default=100)
    parser.add_argument("--saves", type=int, default=10, help="requests per officer per phase")
    parser.add_argument("--think", type=float, default=2.0, help="mean pause (s) between saves")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="survei-bench-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        round_id, sessions = seed(url, args.officers)
        port = free_port()
        server = start_server(url, Path(tmp) / "var", port)
        try:
            results = asyncio.run(asyncio.wait_for(
                measure(f"http://127.0.0.1:{port}", round_id, sessions, args.saves, args.think),
                600))
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
    report(results, args.officers, args.think)


if __name__ == "__main__":
    main()
