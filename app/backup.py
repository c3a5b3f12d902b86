"""Backup and restore: one consistent file while the service runs, restored only when safe.

SQLite: SQLite's online backup API copies every page in one step inside one read transaction,
so the copy is the database as of one instant even while officers keep saving (a plain `cp` of
a WAL database is not). PostgreSQL: `pg_dump --format=custom` (one snapshot) and `pg_restore`.
A restore checks the file first (SQLite integrity, a schema revision this code knows), refuses
while `survei serve` runs on this machine (it holds `var/serve.lock`) unless forced, and
upgrades the restored schema to the newest migration.
"""

import fcntl
import os
import re
import shutil
import sqlite3
import subprocess
from contextlib import contextmanager
from dataclasses import dataclass
from glob import glob
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy.engine import make_url

from app import migrate


class BackupError(RuntimeError):
    """The backup or restore cannot be done; the message says why and what to do."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    revision: str | None
    size: int


@contextmanager
def serve_lock(var_dir: Path, *, exclusive: bool = False):
    """Shared by every `survei serve` for as long as it runs; a restore asks for it alone."""
    var_dir.mkdir(parents=True, exist_ok=True)
    with open(var_dir / "serve.lock", "a+") as handle:
        fcntl.flock(handle, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        yield


def service_running(var_dir: Path) -> bool:
    """True when a `survei serve` on this machine holds the lock of `var_dir`."""
    try:
        with serve_lock(var_dir, exclusive=True):
            return False
    except BlockingIOError:
        return True


def backup(url: str, target: Path) -> BackupInfo:
    """Write a consistent backup of the database at `url` to `target`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if url.startswith("sqlite"):
        _sqlite_backup(_sqlite_path(url), target)
    else:
        _pg("pg_dump", url, "--format=custom", "--no-owner", f"--file={target}")
    return BackupInfo(target, backup_revision(target), target.stat().st_size)


def restore(url: str, source: Path, *, var_dir: Path, force: bool = False) -> BackupInfo:
    """Replace the database at `url` with the backup `source`, then upgrade it to head."""
    if not source.is_file():
        raise BackupError(f"{source}: file not found")
    revision = backup_revision(source)
    _check_revision(url, source, revision)
    if service_running(var_dir) and not force:
        raise BackupError("the service is running (survei serve holds "
                          f"{var_dir / 'serve.lock'}): stop it first, or pass --force")
    if url.startswith("sqlite"):
        _sqlite_backup(source, _sqlite_path(url), check=False)
    else:
        _pg("pg_restore", url, "--clean", "--if-exists", "--no-owner", "--single-transaction",
            str(source), database_option=True)
    migrate.upgrade(url)
    return BackupInfo(source, revision, source.stat().st_size)


def backup_revision(path: Path) -> str | None:
    """The schema revision a backup file holds (SQLite file or pg_dump custom archive)."""
    with open(path, "rb") as handle:
        magic = handle.read(16)
    if magic.startswith(b"SQLite format 3"):
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    if magic.startswith(b"PGDMP"):
        listing = subprocess.run([_bin("pg_restore"), "--data-only", "--table=alembic_version",
                                  "--file=-", str(path)], capture_output=True, text=True,
                                 check=True, timeout=300).stdout
        found = re.search(r"COPY \S*alembic_version .*FROM stdin;\n(\w+)\n", listing)
        return found.group(1) if found else None
    raise BackupError(f"{path}: neither a SQLite database nor a pg_dump custom archive")


def _check_revision(url: str, source: Path, revision: str | None) -> None:
    if revision is None:
        raise BackupError(f"{source}: holds no schema revision; not a backup of this service")
    scripts = ScriptDirectory.from_config(migrate.alembic_config(url))
    try:
        scripts.get_revision(revision)
    except Exception:  # noqa: BLE001 - alembic raises several kinds for an unknown revision
        raise BackupError(f"{source}: schema revision {revision} is unknown to this version "
                          "of the service (a backup from a newer version?): upgrade the "
                          "code first") from None


def _sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise BackupError("an in-memory database cannot be backed up")
    return Path(database)


def _sqlite_backup(source: Path, target: Path, check: bool = True) -> None:
    """Copy `source` into `target` with the backup API (one step: one consistent snapshot)."""
    partial = target.with_name(target.name + ".part") if check else target
    if check:
        partial.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(partial, timeout=30)
    try:
        src.backup(dst)
        if check and dst.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise BackupError(f"{target}: the copy failed its integrity check")
    finally:
        dst.close()
        src.close()
    if check:
        os.replace(partial, target)


def _bin(name: str) -> str:
    found = shutil.which(name) or next(iter(sorted(glob(f"/usr/lib/postgresql/*/bin/{name}"),
                                                   reverse=True)), None)
    if not found:
        raise BackupError(f"{name} not found: install PostgreSQL's client programs "
                          "(Debian: postgresql-client)")
    return found


def _pg(program: str, url: str, *args: str, database_option: bool = False) -> None:
    """Run pg_dump/pg_restore on the database of `url` (password through the environment)."""
    parsed = make_url(url)
    dsn = parsed.set(drivername="postgresql", password=None).render_as_string()
    env = {**os.environ, **({"PGPASSWORD": parsed.password} if parsed.password else {})}
    target = [f"--dbname={dsn}"] if database_option else [dsn]
    done = subprocess.run([_bin(program), *args, *target], capture_output=True, text=True,
                          env=env, timeout=3600)
    if done.returncode != 0:
        raise BackupError(f"{program} failed: {done.stderr.strip()[-500:]}")
