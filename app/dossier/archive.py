"""Every dossier of a round in one ZIP, written to a path: what a background job can run.

    write_round_dossiers(db, round_id=…, path=…, lang="id", base_url=…, timezone=…,
                         progress=lambda done, total: …)

One PDF per submission that has a revision (its latest), named `KODE-OPD-revisi-N.pdf`, read
and rendered one at a time (memory holds one dossier). The ZIP is written to a temporary file
beside `path` and moved into place at the end, so a failure leaves no half-written archive.
"""

from __future__ import annotations

import os
import re
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from app import audit
from app.accounts.models import User
from app.db import Database
from app.dossier.document import dossier_pdf
from app.dossier.service import dossier_of, round_submissions
from app.errors import NotFound
from app.rounds.models import Round
from app.submissions.models import Submission
from app.types import utcnow

Progress = Callable[[int, int], None]


def dossier_filename(opd_code: str, number: int) -> str:
    """e.g. "DINKES-revisi-2.pdf" (the code made safe for any file system)."""
    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", opd_code).strip("-") or "opd"
    return f"{safe}-revisi-{number}.pdf"


def round_zip_filename(round_id: int) -> str:
    """The ZIP's download name, direct or from the job: "berkas-isian-periode-7.zip"."""
    return f"berkas-isian-periode-{round_id}.zip"


def write_round_dossiers(db: Database, *, round_id: int, path: Path, lang: str, base_url: str,
                         timezone: str, progress: Progress | None = None) -> int:
    """Write the round's dossiers as a ZIP at `path`; returns how many PDFs it holds."""
    with db.session() as session:
        if session.get(Round, round_id) is None:
            raise NotFound("dossier.round_not_found")
        ids = [(submission.id, code) for submission, code in
               round_submissions(session, round_id=round_id)]
    handle, temporary = tempfile.mkstemp(prefix=".dossiers-", suffix=".zip",
                                         dir=Path(path).parent)
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
            for done, (submission_id, code) in enumerate(ids, start=1):
                _add(db, archive, submission_id, code, lang, base_url, timezone)
                if progress is not None:
                    progress(done, len(ids))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return len(ids)


def _add(db: Database, archive: zipfile.ZipFile, submission_id: int, code: str, lang: str,
         base_url: str, timezone: str) -> None:
    with db.session() as session:
        dossier = dossier_of(session, submission=session.get(Submission, submission_id))
        pdf = dossier_pdf(dossier, lang=lang, base_url=base_url, timezone=timezone,
                          generated_at=utcnow())
        number = dossier.revision.number
    archive.writestr(dossier_filename(code, number), pdf)


def record_round_download(db: Database, *, actor: User, round_id: int, count: int,
                          ip: str) -> None:
    """The audit event `dossier.round_downloaded` of a round's ZIP (how many dossiers)."""
    with db.writing() as session:
        audit.record(session, action="dossier.round_downloaded", actor=actor,
                     object_type="round", object_id=round_id, ip=ip, count=count)
