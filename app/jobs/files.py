"""Where job files live: SURVEI_VAR_DIR/jobs/<key>, one directory every worker of the host shares.

Files, not database rows: a 5,000-submission workbook is tens of megabytes, written and sent as
a stream; kept in SQLite it would hold the write lock the officers' saves need. The key is
random, so a name is never guessed or reused.
"""

from __future__ import annotations

import secrets
from pathlib import Path


def jobs_dir(var_dir: Path) -> Path:
    """The directory of job files (created when missing, readable by the service only)."""
    path = Path(var_dir) / "jobs"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def new_key(job_id: int) -> str:
    """A fresh file key for a job: its id and 16 random characters."""
    return f"{job_id}-{secrets.token_hex(8)}"


def path_of(var_dir: Path, key: str) -> Path:
    """The file of a key (keys are made by new_key: digits, a dash and hex only)."""
    if not key or not all(ch.isalnum() or ch == "-" for ch in key):
        raise ValueError("not a job file key")
    return jobs_dir(var_dir) / key


def remove(var_dir: Path, key: str) -> None:
    """Delete a job's file, and the partial file of an unfinished one."""
    if not key:
        return
    path = path_of(var_dir, key)
    path.unlink(missing_ok=True)
    path.with_name(path.name + ".part").unlink(missing_ok=True)
