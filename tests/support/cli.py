"""Run the `survei` command line in-process against a test database."""

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from app.cli import cli


def use_database(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, database_url: str) -> None:
    """Point every later command at `database_url`, with var/ (secret key) under tmp_path."""
    for name in ("SURVEI_ENV", "SURVEI_SECRET_KEY", "SURVEI_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SURVEI_VAR_DIR", str(tmp_path / "cli-var"))
    monkeypatch.setenv("SURVEI_DATABASE_URL", database_url)
    monkeypatch.setenv("SURVEI_REGENCY", "")  # `survei --regency` sets it; restored after


def use_sqlite_copy(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, template: Path) -> str:
    """A fresh migrated SQLite database (a copy of the session template) for the commands."""
    path = tmp_path / "cli.db"
    shutil.copy(template, path)
    url = f"sqlite:///{path}"
    use_database(monkeypatch, tmp_path, url)
    return url


def run(*args: str) -> Result:
    """Invoke `survei ARGS…`; stdout and stderr are kept apart."""
    return CliRunner().invoke(cli, list(args))
