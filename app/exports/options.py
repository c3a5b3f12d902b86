"""What an export contains (labels or codes, language, statuses, OPDs) and its file formats."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from app.submissions.models import SubmissionStatus


class Scope(StrEnum):
    """Which submissions go in, by status."""

    approved = "approved"
    submitted = "submitted"  # submitted and approved: the default
    all = "all"  # drafts and returned submissions too


SCOPE_STATUSES = {
    Scope.approved: (SubmissionStatus.approved,),
    Scope.submitted: (SubmissionStatus.submitted, SubmissionStatus.approved),
    Scope.all: tuple(SubmissionStatus),
}


class Format(StrEnum):
    xlsx = "xlsx"
    csv = "csv"  # a ZIP of CSV files
    json = "json"


EXTENSIONS = {Format.xlsx: "xlsx", Format.csv: "zip", Format.json: "json"}
MEDIA_TYPES = {
    Format.xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    Format.csv: "application/zip",
    Format.json: "application/json",
}


@dataclass(frozen=True)
class ExportOptions:
    """Labels or codes in headers and answers; language; statuses; OPD codes (empty: all)."""

    labels: bool = True
    lang: str = "id"
    scope: Scope = Scope.submitted
    opd_codes: tuple[str, ...] = ()
    framework: str | None = None
    """The framework Matriks Dimensi is rendered under (None: the round's choice)."""
    mark_na: bool = False
    """Write "Tidak berlaku" in the empty cells of questions that did not apply."""

    @property
    def statuses(self) -> tuple[str, ...]:
        """The submission statuses this export includes."""
        return tuple(status.value for status in SCOPE_STATUSES[self.scope])

    def filters(self) -> dict:
        """The options as plain data, for the audit event and the Info sheet."""
        found = {"header": "labels" if self.labels else "codes", "lang": self.lang,
                 "statuses": self.scope.value, "opds": list(self.opd_codes) or "all",
                 "na": "mark" if self.mark_na else "blank"}
        if self.framework:
            found["framework"] = self.framework
        return found


def export_filename(round_name: str, generated_at: datetime, fmt: Format) -> str:
    """A safe download name, e.g. 'survei-periode-pengisian-2026-20260301-0930.xlsx'."""
    slug = re.sub(r"[^a-z0-9]+", "-", round_name.lower()).strip("-")[:60] or "periode"
    return f"survei-{slug}-{generated_at:%Y%m%d-%H%M}.{EXTENSIONS[fmt]}"
