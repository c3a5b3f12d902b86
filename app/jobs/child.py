"""The job process: `python -m app.jobs.child`, started by the runner, one job, then exits.

It lowers its own priority first (os.nice), so the web workers' requests win the CPU; it reads
the database only (the runner writes the job's progress and end), so it never holds SQLite's
write lock while it waits for a CPU it yields to others. Its spec comes on stdin as JSON (the
database URL may hold a password: not on the command line); its events go to stdout, one JSON
object a line: {"type": "step"|"count"|"result"|"error", …}.
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from app import tables  # noqa: F401  (every table registered before a session flushes)

Emit = Callable[[dict], None]
COUNT_EVERY_SECONDS = 0.5


class EventProgress:
    """A kind's Progress as events: steps at once, counts at most twice a second."""

    def __init__(self, emit: Emit):
        self.emit = emit
        self._last = 0.0

    def step(self, name: str) -> None:
        self.emit({"type": "step", "step": name})

    def count(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._last >= COUNT_EVERY_SECONDS or done >= total:
            self._last = now
            self.emit({"type": "count", "done": done, "total": total})


def execute(spec: dict, emit: Emit) -> int:
    """Run one job as the spec says, writing spec["path"]; 0 when it made its file."""
    from app.db import Database
    from app.errors import AppError
    from app.jobs.kinds import JobContext, kind_module

    final = Path(spec["path"])
    part = final.with_name(final.name + ".part")
    db = Database(spec["database_url"], schema=spec.get("database_schema", ""))
    try:
        module = (importlib.import_module(spec["module"]) if spec.get("module")
                  else kind_module(spec["kind"]))
        context = JobContext(db=db, round_id=spec["round_id"], params=spec["params"],
                             path=part, actor_name=spec["actor_name"],
                             timezone=spec["timezone"], regency=spec.get("regency", ""),
                             base_url=spec.get("base_url", ""),
                             regency_code=spec.get("regency_code", ""),
                             var_dir=Path(spec["var_dir"]) if spec.get("var_dir") else None,
                             progress=EventProgress(emit))
        output = module.run(context)
        part.replace(final)
        emit({"type": "result", "filename": output.filename, "media_type": output.media_type,
              "details": {**output.details, "nice": os.nice(0)},
              "size": final.stat().st_size})
        return 0
    except AppError as error:
        part.unlink(missing_ok=True)
        emit({"type": "error", "key": error.key, "params": error.params})
        return 1
    except Exception:
        part.unlink(missing_ok=True)
        logging.getLogger("app.jobs").exception("job %s failed", spec.get("job_id"))
        emit({"type": "error", "key": "job.failed_internal", "params": {}})
        return 1
    finally:
        db.dispose()


def _stdout(event: dict) -> None:
    try:
        sys.stdout.write(json.dumps(event, default=str) + "\n")
        sys.stdout.flush()
    except BrokenPipeError:  # the runner (the web worker) is gone: so is the job
        os._exit(3)


def main() -> None:
    spec = json.loads(sys.stdin.readline())
    os.nice(int(spec.get("nice", 0)))
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    sys.exit(execute(spec, _stdout))


if __name__ == "__main__":
    main()
