"""Download pages of a round's consolidated data: the options form and the three file formats.

GET /rounds/{id}/export        the options form (labels or codes, language, statuses, OPDs)
GET /rounds/{id}/export.xlsx   the workbook         ?header=labels|codes&lang=id|en
GET /rounds/{id}/export.zip    the CSV files         &statuses=approved|submitted|all
GET /rounds/{id}/export.json   the JSON document     &opd=CODE&opd=CODE…&na=blank|mark
                                                     &framework=CODE (Matriks Dimensi under it)
"""

import os
import tempfile
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse, RedirectResponse, Response
from starlette.background import BackgroundTask

from app.auth.policy import Principal, staff
from app.deps import DatabaseDep, SessionDep, client_ip
from app.downloads import attachment
from app.errors import file_responses
from app.exports.options import EXTENSIONS, ExportOptions, Format, Scope
from app.exports.service import asked_opds, export_round, round_or_404, submission_count
from app.frameworks.choices import framework_choices
from app.i18n import language_of
from app.jobs.limits import too_large
from app.regencies.context import site_of
from app.types import DbId
from app.web import render

router = APIRouter(tags=["pages: exports"])
# (value, message key) of the form's choices
SCOPE_CHOICES = (("approved", "export.scope.approved"), ("submitted", "export.scope.submitted"),
                 ("all", "export.scope.all"))
LANG_CHOICES = (("id", "export.lang.id"), ("en", "export.lang.en"))
StaffDep = Annotated[Principal, Depends(staff)]
XLSX_MEDIA = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ExportQuery:
    """The export options from the query string (the same for every format)."""

    def __init__(
        self,
        header: Literal["labels", "codes"] = "labels",
        lang: Literal["id", "en"] | None = None,
        statuses: Scope = Scope.submitted,
        opd: Annotated[list[str], Query(max_length=500)] = [],  # noqa: B006 - FastAPI idiom
        framework: Annotated[str | None, Query(max_length=32)] = None,
        na: Literal["blank", "mark"] = "blank",
    ):
        self.header, self.lang, self.statuses, self.na = header, lang, statuses, na
        self.opd = tuple(dict.fromkeys(code.strip() for code in opd if code.strip()))
        self.framework = (framework or "").strip() or None

    def options(self, request: Request) -> ExportOptions:
        """The options; the language defaults to the user's."""
        return ExportOptions(labels=self.header == "labels",
                             lang=self.lang or language_of(request), scope=self.statuses,
                             opd_codes=self.opd, framework=self.framework,
                             mark_na=self.na == "mark")


QueryDep = Annotated[ExportQuery, Depends()]


def download(request: Request, db, principal: Principal, round_id: int, fmt: Format,
             query: ExportQuery) -> Response:
    """Write the export to a temporary file and send it (the file is removed afterwards).

    A round with more submissions than SURVEI_DIRECT_DOWNLOAD_MAX goes to the background: the
    page to the options form (which then starts a job), the API answers 409.
    """
    options = query.options(request)
    with db.session() as session:
        big = too_large(request, session, round_id, options)
    if big:
        return RedirectResponse(f"/rounds/{round_id}/export", status_code=303)
    handle, name = tempfile.mkstemp(prefix="survei-export-", suffix=f".{EXTENSIONS[fmt]}")
    os.close(handle)
    path = Path(name)
    try:
        result = export_round(db, round_id=round_id, options=options, fmt=fmt,
                              path=path, actor=principal.user, ip=client_ip(request),
                              timezone=site_of(request).settings.timezone)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return FileResponse(path, media_type=result.media_type,
                        headers={"Cache-Control": "no-store",
                                 "Content-Disposition": attachment(result.filename)},
                        background=BackgroundTask(path.unlink, missing_ok=True))


@router.get("/rounds/{round_id}/export", include_in_schema=False)
def export_options_page(request: Request, round_id: DbId, session: SessionDep,
                        _principal: StaffDep):
    """The export options of a round and the three download buttons."""
    round_ = round_or_404(session, round_id)
    count = submission_count(session, round_id=round_id)
    limit = site_of(request).settings.direct_download_max
    context = {"round": round_, "opds": asked_opds(session, round_id=round_id),
               "count": count, "scopes": SCOPE_CHOICES, "langs": LANG_CHOICES,
               "background": count > limit, "limit": limit,
               "frameworks": framework_choices(session, round_id=round_id)}
    return render(request, "exports/options.html", context)


@router.get("/rounds/{round_id}/export.xlsx", response_class=Response,
            responses=file_responses(XLSX_MEDIA, "The workbook."))
def export_xlsx(request: Request, round_id: DbId, db: DatabaseDep, principal: StaffDep,
                query: QueryDep):
    """The consolidated workbook of a round (Excel)."""
    return download(request, db, principal, round_id, Format.xlsx, query)


@router.get("/rounds/{round_id}/export.zip", response_class=Response,
            responses=file_responses("application/zip", "The CSV files in a ZIP."))
def export_csv(request: Request, round_id: DbId, db: DatabaseDep, principal: StaffDep,
               query: QueryDep):
    """The same sheets as CSV files (UTF-8 with BOM) in a ZIP."""
    return download(request, db, principal, round_id, Format.csv, query)


@router.get("/rounds/{round_id}/export.json", response_class=Response,
            responses=file_responses("application/json", "The JSON document.",
                                     {"type": "object"}))
def export_json(request: Request, round_id: DbId, db: DatabaseDep, principal: StaffDep,
                query: QueryDep):
    """The same sheets as one JSON document."""
    return download(request, db, principal, round_id, Format.json, query)
