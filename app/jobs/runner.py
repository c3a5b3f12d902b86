"""The job runner of one web worker: up to SURVEI_JOB_CONCURRENCY jobs at once, each in a child.

One runner serves every regency of the worker: each look goes over the regencies' databases in
turn (starting after the one it last took a job from, so no regency waits behind another) and
takes the first queued job it finds. Its threads sleep on an event (woken when this worker
queues a job, else every SURVEI_JOB_POLL_SECONDS), claim the oldest queued job, start
`python -m app.jobs.child` for it
and relay the child's progress to the job row at most once a second (a heartbeat at least
every HEARTBEAT_SECONDS while the child lives). The child runs at a lower priority (os.nice),
so requests keep their CPU; a worker that stops ends its children and fails their jobs, so
they can be restarted.
"""

from __future__ import annotations

import json
import logging
import os
import select
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from app.config import Settings
from app.db import Database
from app.jobs import child, files, service
from app.jobs.kinds import KINDS, JobOutput
from app.jobs.models import Job

log = logging.getLogger("app.jobs")
HEARTBEAT_SECONDS = 5.0
PROGRESS_SECONDS = 1.0
SWEEP_SECONDS = 30.0
PLACES_PER_POLL = 10
"""Above this many regencies, a look over all of them (and their sweep) comes less often, so a
worker's idle polling stays as cheap as with ten: a job queued on this worker is looked for at
once (poke), one queued on a busy worker is taken by another within about
SURVEI_JOB_POLL_SECONDS × regencies / 10 (20 s at 100 regencies)."""
PROJECT_ROOT = Path(__file__).resolve().parents[2]


class ChildProcess:
    """A job in its own process: spec on stdin, events read from stdout as they come."""

    def __init__(self, spec: dict):
        self.proc = subprocess.Popen(  # noqa: S603 - our own module, no shell
            [sys.executable, "-m", "app.jobs.child"], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, cwd=PROJECT_ROOT, close_fds=True)
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps(spec).encode() + b"\n")
        self.proc.stdin.close()
        self._fd = self.proc.stdout.fileno()
        self._buffer = b""

    def events(self, timeout: float) -> list[dict] | None:
        """Events that arrived within `timeout` seconds; None once the child closed stdout."""
        ready, _, _ = select.select([self._fd], [], [], timeout)
        if not ready:
            return []
        chunk = os.read(self._fd, 65536)
        if not chunk:
            return None
        self._buffer += chunk
        *lines, self._buffer = self._buffer.split(b"\n")
        return [json.loads(line) for line in lines if line.strip()]

    def wait(self) -> int:
        return self.proc.wait()

    def terminate(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()


class InlineJob:
    """The same job run in the calling thread (tests, `run_once`): no process, no niceness."""

    def __init__(self, spec: dict):
        self._events: list[dict] = []
        self._code = child.execute(spec, self._events.append)
        self._read = False

    def events(self, timeout: float) -> list[dict] | None:
        if self._read:
            return None
        self._read = True
        return self._events

    def wait(self) -> int:
        return self._code

    def terminate(self) -> None:
        """Nothing to stop: the job already ran."""


Place = tuple[Database, Settings]
"""A regency's database and settings (its var directory, name, address)."""


class JobRunner:
    """Claims and runs this worker's jobs on `settings.job_concurrency` threads, from the home
    database and (with `places`) from every regency's."""

    def __init__(self, db: Database, settings: Settings, launch=ChildProcess,
                 places: Callable[[], list[Place]] | None = None):
        self.db, self.settings, self.launch = db, settings, launch
        self.places = places or (lambda: [(db, settings)])
        self.worker = service.worker_name()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._threads: list[threading.Thread] = []
        self._children: set = set()
        self._lock = threading.Lock()
        self._swept: dict[str, float] = {}
        self._next = 0
        self._scale = 1.0

    def start(self) -> None:
        """Start the threads (none when SURVEI_JOB_CONCURRENCY is 0)."""
        for number in range(self.settings.job_concurrency):
            thread = threading.Thread(target=self._loop, name=f"jobs-{number}", daemon=True)
            thread.start()
            self._threads.append(thread)

    def poke(self) -> None:
        """A job was queued: look now instead of at the next poll."""
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        """End the children (their jobs fail as interrupted) and the threads."""
        self._stopping.set()
        self._wake.set()
        with self._lock:
            for handle in list(self._children):
                handle.terminate()
        for thread in self._threads:
            thread.join(timeout)

    def run_once(self) -> bool:
        """Over every regency in turn: sweep when due, claim; run the first job found here;
        whether there was one."""
        places = self.places()
        self._scale = max(1.0, len(places) / PLACES_PER_POLL)
        with self._lock:
            start, self._next = self._next, self._next + 1
        for step in range(len(places)):
            db, settings = places[(start + step) % len(places)]
            self._sweep(db, settings)
            job = service.claim_next(db, worker=self.worker)
            if job is not None:
                with self._lock:
                    self._next = start + step + 1
                self._run(job, db, settings)
                return True
        return False

    def _sweep(self, db: Database, settings: Settings) -> None:
        key = f"{settings.regency_code}:{settings.var_dir}"
        if time.monotonic() - self._swept.get(key, float("-inf")) >= SWEEP_SECONDS * self._scale:
            self._swept[key] = time.monotonic()
            service.sweep(db, var_dir=settings.var_dir, keep_hours=settings.job_keep_hours)

    def _loop(self) -> None:
        while not self._stopping.is_set():
            try:
                if self.run_once():
                    continue
            except Exception:  # noqa: BLE001 - a storage fault must not end the thread
                log.exception("job runner: poll failed")
            self._wake.wait(self.settings.job_poll_seconds * self._scale)
            self._wake.clear()

    def _run(self, job: Job, db: Database, settings: Settings) -> None:
        path = files.path_of(settings.var_dir, job.file_key)
        spec = {"job_id": job.id, "kind": job.kind, "module": KINDS.get(job.kind, ""),
                "round_id": job.round_id,
                "params": job.params, "path": str(path), "actor_name": job.created_by_name,
                "timezone": settings.timezone, "regency": settings.regency_name,
                "base_url": settings.base_url,
                "regency_code": settings.regency_code,
                "var_dir": str(settings.var_dir),
                "nice": settings.job_nice,
                "database_url": settings.database_url,
                "database_schema": settings.database_schema}
        try:
            handle = self.launch(spec)
        except Exception:  # noqa: BLE001 - e.g. no process could be started
            log.exception("job %s: could not start", job.id)
            self._end(job, db, settings, None, "job.failed_internal")
            return
        with self._lock:
            self._children.add(handle)
        try:
            result, error = self._relay(job, db, handle)
            code = handle.wait()
        finally:
            with self._lock:
                self._children.discard(handle)
        if self._stopping.is_set() and result is None:
            error = "job.interrupted"
        self._end(job, db, settings, result if code == 0 else None,
                  error or "job.failed_internal")

    def _relay(self, job: Job, db: Database, handle) -> tuple[dict | None, str | None]:
        """Read the child's events until it ends; write progress and heartbeats meanwhile."""
        result = error = None
        pending: dict = {}
        last = time.monotonic()
        while (events := handle.events(HEARTBEAT_SECONDS)) is not None:
            for event in events:
                kind = event.get("type")
                if kind == "step":
                    pending["step"] = event["step"]
                elif kind == "count":
                    pending.update(done=event["done"], total=event["total"])
                elif kind == "result":
                    result = event
                elif kind == "error":
                    error = event.get("key")
            waited = time.monotonic() - last
            if (pending and waited >= PROGRESS_SECONDS) or waited >= HEARTBEAT_SECONDS:
                last = time.monotonic()
                if not service.report_progress(db, job_id=job.id, worker=self.worker,
                                               **pending):
                    handle.terminate()  # given up meanwhile (e.g. failed as interrupted)
                pending = {}
            if self._stopping.is_set():
                handle.terminate()
        if pending:
            service.report_progress(db, job_id=job.id, worker=self.worker, **pending)
        return result, error

    def _end(self, job: Job, db: Database, settings: Settings, result: dict | None,
             error: str) -> None:
        keep = settings.job_keep_hours
        if result is not None:
            output = JobOutput(result["filename"], result["media_type"], result["details"])
            if service.finish(db, job_id=job.id, worker=self.worker, output=output,
                              size=int(result["size"]), keep_hours=keep):
                return
        else:
            service.fail(db, job_id=job.id, error=error, keep_hours=keep,
                         worker=self.worker)
        files.remove(settings.var_dir, job.file_key)
