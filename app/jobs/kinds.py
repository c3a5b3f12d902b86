"""The job kinds: each is a module that validates its options, writes one file and names it.

A kind module provides
    params(session, round_id, raw: dict) -> dict    checked options (AppError when wrong;
                                                    round_id None: a national job)
    describe(params, t) -> str                      the options in words, for the round page
    run(ctx: JobContext) -> JobOutput               writes ctx.path, calling ctx.progress
optionally ROLES, the roles that may start it and download its file (default: all staff),
and is imported only where it is used (the child process imports just the one it runs).
Adding a kind (e.g. the dossier ZIP of a round) is one line here and one module.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from app.db import Database
from app.errors import BadRequest, Forbidden

KINDS = {
    "export": "app.exports.job",
    "report": "app.reports_web.job",
    "dossiers": "app.dossier.job",
    "benchmarks": "app.national.benchmarks.job",
    "national_export": "app.national.export_job",
}


class Progress:
    """What a kind reports while it runs: the step it is in, and items done of a total."""

    def step(self, name: str) -> None:
        """Enter a step (a key of job.step.* in the message catalogue)."""

    def count(self, done: int, total: int) -> None:
        """Items (submissions) done so far of `total`."""


@dataclass
class JobContext:
    """Everything a kind's run() gets: the database (read only), its options, the file."""

    db: Database
    round_id: int | None
    """None for a national job (the home regency's benchmarks)."""
    params: dict
    path: Path
    actor_name: str
    timezone: str
    regency: str = ""
    """The regency's name (planning tables say whose plan it is)."""
    progress: Progress = field(default_factory=Progress)
    base_url: str = ""
    """The site's address (the dossiers' verification links)."""
    regency_code: str = ""
    var_dir: Path | None = None
    """The site's var directory (a national job finds the regencies' SQLite files under it)."""


@dataclass(frozen=True)
class JobOutput:
    """What run() made: the download name and type, and details for the audit event."""

    filename: str
    media_type: str
    details: dict = field(default_factory=dict)


def kind_module(name: str) -> ModuleType:
    """The module of a job kind, or BadRequest for an unknown kind."""
    if name not in KINDS:
        raise BadRequest("job.unknown_kind", kind=name)
    return importlib.import_module(KINDS[name])


def check_role(name: str, role: str) -> None:
    """Forbidden when the kind names the roles it admits (ROLES) and `role` is not one."""
    roles = getattr(kind_module(name), "ROLES", None)
    if roles is not None and role not in roles:
        raise Forbidden("job.kind_forbidden")


def describe(name: str, params: dict, t: Callable[..., str]) -> str:
    """A job's options in words ("Excel · label · Dikirim dan disetujui · semua OPD")."""
    try:
        return kind_module(name).describe(params, t)
    except Exception:  # noqa: BLE001 - a kind removed since: show its raw options
        return ", ".join(f"{key}={value}" for key, value in sorted(params.items()))
