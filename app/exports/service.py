"""Export a round to a file (XLSX, CSV ZIP or JSON) and record the download in the audit trail."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, func, select

from app import audit
from app.accounts.models import User
from app.analyses.context import AnalysisContext, load_context
from app.db import Database
from app.errors import BadRequest, Conflict, NotFound
from app.i18n import translator
from app.monev.source import AnnualInput, annual_input
from app.opds.models import Opd
from app.rounds.models import Round, RoundOpd
from app.submissions.models import Submission
from app.types import utcnow

from .codebook import ExportContext
from .hygiene import check_rows
from .layout import Layout
from .options import MEDIA_TYPES, ExportOptions, Format, export_filename
from .plan import Version, build_plan
from .sinks import sink_for
from .source import (
    count_submissions,
    load_versions,
    opd_states,
    status_records,
    submission_records,
)
from .tally import ExportTally
from .writer import write_export


@dataclass(frozen=True)
class ExportResult:
    """The written file, its download name and type, and the data rows per sheet."""

    path: Path
    filename: str
    media_type: str
    counts: dict[str, int]
    total: int


def round_or_404(session: Session, round_id: int) -> Round:
    """The round, or NotFound."""
    round_ = session.get(Round, round_id)
    if round_ is None:
        raise NotFound("export.round_not_found")
    return round_


def asked_opds(session: Session, *, round_id: int) -> list[Opd]:
    """The OPDs a round asks, by code (for the OPD filter)."""
    query = (select(Opd).join(RoundOpd, RoundOpd.opd_id == Opd.id)
             .where(RoundOpd.round_id == round_id).order_by(Opd.code))
    return list(session.exec(query))


def submission_count(session: Session, *, round_id: int) -> int:
    """How many submissions (any status) the round has."""
    query = select(func.count()).select_from(Submission).where(Submission.round_id == round_id)
    return session.exec(query).one()


def export_round(
    db: Database, *, round_id: int, options: ExportOptions, fmt: Format, path: Path,
    actor: User | None = None, actor_name: str = "", ip: str | None = None,
    timezone: str = "Asia/Makassar", progress: Callable[[int, int], None] | None = None,
    step: Callable[[str], None] | None = None, record: bool = True,
) -> ExportResult:
    """Write the round's export to `path` (streaming), then audit the download; commits.

    A background job passes record=False: it reads only, and its runner audits the job.
    """
    t = translator(options.lang)
    now = utcnow()
    with db.session() as session:
        if not db.is_sqlite:  # one snapshot for the versions and the rows (SQLite: always)
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        round_ = round_or_404(session, round_id)
        _check_opds(session, round_id, options)
        versions, problems = load_versions(session, round_)
        context = load_context(session, round_id=round_id, framework=options.framework,
                               timezone=timezone)
        layout = _layout(versions, problems, options, t, timezone, context, round_.name,
                         annual_input(session, round_=round_))
        total = count_submissions(session, round_id=round_id, options=options)
        if fmt == Format.xlsx:
            check_rows(layout.by_key["isian"].name, total + 1)
        newest = layout.plan.newest.form
        context = ExportContext(round_id, round_.name, newest.form_id, newest.title, now,
                                (actor.full_name or actor.username) if actor else actor_name,
                                ExportTally(opd_states(session, round_id=round_id)))
        counts = write_export(
            sink_for(fmt, path), layout, context=context,
            statuses=status_records(session, round_id=round_id, options=options,
                                    versions=versions),
            submissions=submission_records(session, round_id=round_id, options=options,
                                           versions=versions, problems=problems, describe=t),
            progress=(lambda done: progress(done, total)) if progress else None,
            **({"step": step} if step else {}))
    if record:
        _audit(db, round_id, options, fmt, counts, actor, actor_name, ip)
    filename = export_filename(context.round_name, layout.local(now), fmt)
    return ExportResult(path, filename, MEDIA_TYPES[fmt], counts, total)


def _layout(versions: list[Version], problems: dict[int, str], options: ExportOptions,
            t, timezone: str, context: AnalysisContext, title: str,
            annual: AnnualInput | None = None) -> Layout:
    if not versions:
        raise Conflict("export.no_questionnaire")
    return Layout(build_plan(versions), options, t, timezone=timezone, problems=bool(problems),
                  context=context, title=title, annual=annual)


def _check_opds(session: Session, round_id: int, options: ExportOptions) -> None:
    if not options.opd_codes:
        return
    known = {opd.code for opd in asked_opds(session, round_id=round_id)}
    unknown = sorted(set(options.opd_codes) - known)
    if unknown:
        raise BadRequest("export.unknown_opds", codes=", ".join(unknown))


def _audit(db: Database, round_id: int, options: ExportOptions, fmt: Format,
           counts: dict[str, int], actor: User | None, actor_name: str, ip: str | None) -> None:
    with db.writing() as session:
        audit.record(session, action="export.downloaded", actor=actor, actor_name=actor_name,
                     object_type="round", object_id=round_id, ip=ip, format=fmt.value,
                     **options.filters(), rows=counts)
