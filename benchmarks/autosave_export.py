"""Autosave beside a big export: officers' saves with no job running, then during a workbook job.

A copy of the cached 5,000-submission round (benchmarks/export_data.py) is served by a real
uvicorn (one worker, its background job runner on, `SURVEI_JOB_CONCURRENCY=1`, niceness
`--nice`); officers of a second open round of the same questionnaire autosave their drafts
(`PUT /api/v1/rounds/{id}/submission`, as benchmarks/autosave.py). In the same run:

  idle      the officers save while no job runs
  export    a planner's export of the 5,000-submission round is queued (as the round page does,
            `start_job`); the same officers save again while its child process writes the
            workbook (the phase is repeated until the job has finished)

It prints p50/p95 of each phase and the ratio export p95 / idle p95 (target <= 1.5). Run it
twice with `--nice 0` and the default `--nice 10` to see what the lower priority buys.

    .venv/bin/python benchmarks/autosave_export.py [--size 5000] [--officers 20] [--nice 10]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlmodel import select  # noqa: E402

from app.auth.accounts import create_user  # noqa: E402
from app.auth.service import open_session  # noqa: E402
from app.config import load_settings  # noqa: E402
from app.db import Database  # noqa: E402
from app.jobs.models import Job  # noqa: E402
from app.jobs.service import start_job  # noqa: E402
from app.migrate import upgrade  # noqa: E402
from app.opds.models import Opd  # noqa: E402
from app.rounds.models import Round  # noqa: E402
from benchmarks.autosave import SECRET, Officer, free_port, phase  # noqa: E402
from benchmarks.export_data import ensure_round  # noqa: E402
from tests.submissions.worlds import open_round  # noqa: E402

TARGET = 1.5


def seed(url: str, officers: int) -> tuple[int, list[tuple[str, str]], int]:
    """A second open round for `officers` new OPDs (a session each) and a planner."""
    settings = load_settings(env="test", database_url=url, secret_key=SECRET)
    db = Database(url)
    with db.write_session() as session:
        big = session.exec(select(Round).order_by(Round.id)).first()
        opds = [Opd(code=f"AUTO-{n:03d}", name=f"Dinas Autosave {n}", kind="dinas")
                for n in range(officers)]
        session.add_all(opds)
        session.commit()
        round_ = open_round(session, big.questionnaire_id, "Periode Autosave", opds)
        sessions = []
        for opd in opds:
            user = create_user(session, username=f"autosave{opd.id}", role="officer",
                               opd_code=opd.code)
            opened = open_session(session, settings=settings, user=user, ip="127.0.0.1")
            session.commit()
            sessions.append((opened.token, opened.row.csrf_token))
        planner = create_user(session, username="bench-planner", role="planner")
        session.commit()
        planner_id, big_id, small_id = planner.id, big.id, round_.id
    db.dispose()
    return small_id, sessions, _queue_later(url, big_id, planner_id)


def _queue_later(url: str, round_id: int, planner_id: int):
    def queue() -> int:
        from app.accounts.models import User

        db = Database(url)
        with db.write_session() as session:
            job = start_job(session, round_id=round_id, kind="export", raw={},
                            actor=session.get(User, planner_id))
            job_id = job.id
        db.dispose()
        return job_id
    return queue


def job_state(url: str, job_id: int) -> str:
    db = Database(url)
    with db.session() as session:
        state = session.get(Job, job_id).state
    db.dispose()
    return str(getattr(state, "value", state))


def start_server(url: str, var_dir: Path, port: int, nice: int):
    from benchmarks import autosave

    os.environ.update({"SURVEI_JOB_CONCURRENCY": "1", "SURVEI_JOB_NICE": str(nice),
                       "SURVEI_JOB_POLL_SECONDS": "0.5"})
    return autosave.start_server(url, var_dir, port)


def stats(timings: list[float]) -> dict:
    cuts = statistics.quantiles(timings, n=100, method="inclusive")
    return {"p50": cuts[49], "p95": cuts[94], "requests": len(timings)}


async def measure(base: str, round_id: int, sessions, saves: int, think: float,
                  queue, url: str) -> dict:
    officers = [Officer(base, round_id, cookie, csrf, n)
                for n, (cookie, csrf) in enumerate(sessions)]
    try:
        await phase(officers, 1, "autosave", 1.0)  # warm up: the first save of each draft
        idle, idle_errors = await phase(officers, saves, "autosave", think)
        job_id = queue()
        while job_state(url, job_id) == "queued":
            await asyncio.sleep(0.2)
        busy, busy_errors, started = [], 0, time.perf_counter()
        while job_state(url, job_id) == "running":
            timings, errors = await phase(officers, saves, "autosave", think)
            busy += timings
            busy_errors += errors
        return {"idle": stats(idle), "export": stats(busy), "errors": idle_errors + busy_errors,
                "job": job_state(url, job_id), "job_seconds": time.perf_counter() - started}
    finally:
        await asyncio.gather(*(officer.client.aclose() for officer in officers))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument("--officers", type=int, default=20)
    parser.add_argument("--saves", type=int, default=5, help="saves per officer per phase")
    parser.add_argument("--think", type=float, default=2.0, help="mean pause (s) between saves")
    parser.add_argument("--nice", type=int, default=10, help="the job child's niceness")
    parser.add_argument("--cache", type=Path, default=ROOT / "var" / "bench")
    args = parser.parse_args()
    cached, _ = ensure_round(args.cache, args.size, log=lambda text: print(text, file=sys.stderr))
    with tempfile.TemporaryDirectory(prefix="survei-autosave-export-") as tmp:
        path = Path(tmp) / "round.db"
        shutil.copyfile(cached.removeprefix("sqlite:///"), path)
        url = f"sqlite:///{path}"
        upgrade(url)
        round_id, sessions, queue = seed(url, args.officers)
        port = free_port()
        server = start_server(url, Path(tmp) / "var", port, args.nice)
        try:
            result = asyncio.run(measure(f"http://127.0.0.1:{port}", round_id, sessions,
                                         args.saves, args.think, queue, url))
        finally:
            server.terminate()
            server.wait(30)
    print_result(result, args)


def print_result(result: dict, args) -> None:
    print(f"{args.officers} officers autosaving (mean pause {args.think} s) beside an export of "
          f"{args.size:,} submissions (job niceness {args.nice}); one uvicorn worker, SQLite")
    print("| phase | saves | p50 ms | p95 ms |\n|---|---|---|---|")
    for name in ("idle", "export"):
        row = result[name]
        print(f"| {name} | {row['requests']} | {row['p50']:.1f} | {row['p95']:.1f} |")
    ratio = result["export"]["p95"] / result["idle"]["p95"]
    verdict = "met" if ratio <= TARGET and result["errors"] == 0 else "NOT met"
    print(f"export p95 / idle p95 = {ratio:.2f} (target <= {TARGET}, 0 errors; "
          f"errors {result['errors']}; job {result['job']} after "
          f"{result['job_seconds']:.0f} s): {verdict}")


if __name__ == "__main__":
    main()
