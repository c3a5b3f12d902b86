"""The round report: database -> the export's flattening -> ReportInput -> builders.

Reads the round exactly as the export does (app/exports/source.py: same versions, same
submissions in the same batches, same status filter and OPD subset), so the report's totals
equal the workbook's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from sqlalchemy import and_
from sqlmodel import Session, select

from app.analyses.build import analysis_input
from app.analyses.collect import Collector
from app.analyses.context import load_context
from app.errors import BadRequest, Conflict, NotFound
from app.exports.masterplan import masterplan_spec
from app.exports.options import ExportOptions, Scope
from app.exports.plan import build_plan
from app.exports.source import (
    approval_times,
    count_submissions,
    load_versions,
    submission_records,
)
from app.frameworks.views import framework_view
from app.i18n import translator
from app.opds.models import Opd
from app.reports_web.adapter import AnswerStream, dimensions_of, question_specs
from app.rounds.models import Round, RoundOpd
from app.submissions.models import Submission
from app.types import utcnow
from reports import OpdEntry, Report, ReportInput, ReportOptions, RoundInfo, build_report
from reports.i18n import translator as report_translator

WITA = ZoneInfo("Asia/Makassar")
COUNT_EVERY = 25


class Progress(Protocol):
    def step(self, name: str) -> None: ...

    def count(self, done: int, total: int) -> None: ...


@dataclass(frozen=True)
class ReportRequest:
    """The same options as the export: statuses included, OPD subset, language."""

    scope: Scope = Scope.submitted
    opd_codes: tuple[str, ...] = ()
    lang: str = "id"
    framework: str | None = None
    """The framework the dimensions are shown under (None: the round's choice)."""

    @classmethod
    def of(cls, scope: Scope, opds: list[str], lang: str,
           framework: str | None = None) -> ReportRequest:
        """From query or command-line values: OPD codes trimmed, blanks and repeats dropped."""
        codes = tuple(dict.fromkeys(code.strip() for code in opds if code.strip()))
        return cls(scope=scope, opd_codes=codes, lang=lang,
                   framework=(framework or "").strip() or None)

    def export_options(self) -> ExportOptions:
        return ExportOptions(labels=True, lang=self.lang, scope=self.scope,
                             opd_codes=self.opd_codes, framework=self.framework)


def round_report(session: Session, *, round_id: int, request: ReportRequest,
                 actor_name: str = "", options: ReportOptions | None = None,
                 now: datetime | None = None, progress: Progress | None = None) -> Report:
    """Build the report of a round (streams the submissions once).

    `progress` (a background job's) hears the steps and the submissions read.
    """
    round_ = session.get(Round, round_id)
    if round_ is None:
        raise NotFound("report.not_found")
    export = request.export_options()
    now = now or utcnow()
    opds = opd_entries(session, round_=round_, options=export, now=now)
    versions, problems = load_versions(session, round_)
    if not versions:
        raise Conflict("export.no_questionnaire")
    plan = build_plan(versions)
    spec = masterplan_spec(plan, lang=request.lang)
    context = load_context(session, round_id=round_id, framework=request.framework)
    view = framework_view(plan, spec, context.registry, target=context.framework,
                          lang=request.lang) if spec else None
    collector = Collector(plan, spec, request.lang)
    stream = AnswerStream(plan, spec, request.lang, today=now.astimezone(WITA).date(),
                          collector=collector)
    records = submission_records(session, round_id=round_id, options=export, versions=versions,
                                 problems=problems)
    if progress is not None:
        total = count_submissions(session, round_id=round_id, options=export)
        records = _counted(records, progress, total)
    data = ReportInput(
        round=_round_info(round_, versions, request, actor_name, now),
        opds=opds, dimensions=dimensions_of(spec), needs=stream.needs,
        readiness=stream.readiness, applications=stream.applications,
        questions=question_specs(plan, request.lang), answers=stream.rows(records),
        timeframe_labels=spec.labels.get("jangka", {}) if spec else {}, lang=request.lang,
        left_out=stream.left_out, view=view,
        analyses=analysis_input(context, collector, plan, translator(request.lang),
                                request.lang))
    return build_report(data, options)


def _counted(records: Iterable, progress: Progress, total: int) -> Iterator:
    progress.step("reading")
    done = 0
    for done, record in enumerate(records, start=1):
        yield record
        if done % COUNT_EVERY == 0:
            progress.count(done, total)
    progress.count(done, total)
    progress.step("analysing")


def opd_entries(session: Session, *, round_: Round, options: ExportOptions,
                now: datetime | None = None) -> list[OpdEntry]:
    """Every OPD the round asks (within the OPD subset), by code, with its submission's state."""
    query = (select(Opd.code, Opd.name, Opd.kind, RoundOpd.closes_at, Submission.id,
                    Submission.status, Submission.created_at, Submission.submitted_at)
             .select_from(RoundOpd).join(Opd, Opd.id == RoundOpd.opd_id)
             .outerjoin(Submission, and_(Submission.round_id == RoundOpd.round_id,
                                         Submission.opd_id == RoundOpd.opd_id))
             .where(RoundOpd.round_id == round_.id).order_by(Opd.code))
    rows = list(session.exec(query))
    known = {row.code for row in rows}
    unknown = sorted(set(options.opd_codes) - known)
    if unknown:
        raise BadRequest("report.unknown_opd", codes=", ".join(unknown))
    approved = approval_times(session, round_id=round_.id)
    wanted = set(options.opd_codes)
    return [OpdEntry(code=row.code, name=row.name, kind=row.kind,
                     state=row.status or "not_started",
                     deadline=row.closes_at or round_.closes_at, started_at=row.created_at,
                     submitted_at=row.submitted_at,
                     approved_at=approved.get(row.id) if row.status == "approved" else None,
                     included=row.status in options.statuses)
            for row in rows if not wanted or row.code in wanted]


def _round_info(round_: Round, versions, request: ReportRequest, actor_name: str,
                now: datetime) -> RoundInfo:
    t = report_translator(request.lang)  # the report's own labels (reports/locale)
    newest = versions[-1].form
    opds = ", ".join(request.opd_codes) or t("rpt.filter.all_opds")
    filters = ((t("rpt.filter.statuses"), t(f"rpt.scope.{request.scope.value}")),
               (t("rpt.filter.opds"), opds))
    return RoundInfo(id=round_.id, name=round_.name, questionnaire_title=newest.title,
                     versions=tuple(v.version for v in versions), generated_at=now,
                     opens_at=round_.opens_at, closes_at=round_.closes_at, filters=filters,
                     generated_by=actor_name)


def report_filename(round_name: str, generated_at: datetime, extension: str = "html") -> str:
    """A safe file name, e.g. 'laporan-periode-2026-20260301-0930.html' (time in WITA)."""
    slug = re.sub(r"[^a-z0-9]+", "-", round_name.lower()).strip("-")[:60] or "periode"
    return f"laporan-{slug}-{generated_at.astimezone(WITA):%Y%m%d-%H%M}.{extension}"
