"""The plain rows an export is built from (read from the database by app/exports/source.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class SubmissionRecord:
    """One submission with its OPD; `version` is "" and `problem` set when it is unresolved."""

    id: int
    opd_code: str
    opd_name: str
    opd_kind: str
    status: str
    questionnaire_id: int
    answers: dict
    version: str = ""
    created_at: datetime | None = None
    submitted_at: datetime | None = None
    updated_at: datetime | None = None
    problem: str | None = None


@dataclass(frozen=True)
class StatusRecord:
    """One OPD asked in the round and where its submission stands (status None: not started)."""

    opd_code: str
    opd_name: str
    opd_kind: str
    status: str | None = None
    submitted_at: datetime | None = None
    approved_at: datetime | None = None
    officer: str = ""
    completion: float | None = None
    """Share of the required (relevant) questions answered, 0..1."""
