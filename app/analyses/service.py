"""A round's analyses for the planner pages: the same streaming, collector, framework view and
builders as the workbook and the report (default statuses: submitted and approved)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from sqlmodel import Session

from app.analyses.build import analysis_input
from app.analyses.collect import Collector
from app.analyses.context import AnalysisContext, load_context
from app.errors import Conflict, NotFound
from app.exports.masterplan import (
    DimensionMatrix,
    MasterplanSpec,
    masterplan_spec,
    program_items,
)
from app.exports.options import ExportOptions
from app.exports.plan import ExportPlan, build_plan
from app.exports.source import load_versions, submission_records
from app.frameworks.views import framework_view, view_choices
from app.i18n import translator
from app.rounds.models import Round
from reports.analyses import Analyses, AnalysisInput, build_analyses
from reports.frameworks import FrameworkView


@dataclass
class RoundAnalyses:
    """Everything the analysis pages of a round show."""

    round: Round
    context: AnalysisContext
    plan: ExportPlan
    spec: MasterplanSpec | None
    view: FrameworkView | None
    matrix: DimensionMatrix | None
    analyses: Analyses
    inputs: AnalysisInput
    choices: list[tuple[str, str, str]]
    """(code, name, status) of the frameworks the view can switch to."""


def round_analyses(session: Session, *, round_id: int, framework: str | None = None,
                   lang: str = "id", timezone: str = "Asia/Makassar",
                   spbe_target: float | None = None) -> RoundAnalyses:
    """Read the round's submitted and approved submissions once and build every analysis;
    `spbe_target` tries another target index than the round's (the what-if)."""
    round_ = session.get(Round, round_id)
    if round_ is None:
        raise NotFound("export.round_not_found")
    context = load_context(session, round_id=round_id, framework=framework, timezone=timezone)
    if spbe_target is not None:
        context = dataclasses.replace(context, spbe_target=spbe_target)
    versions, problems = load_versions(session, round_)
    if not versions:
        raise Conflict("export.no_questionnaire")
    plan = build_plan(versions)
    spec = masterplan_spec(plan, lang=lang)
    view = framework_view(plan, spec, context.registry, target=context.framework,
                          lang=lang) if spec else None
    matrix = DimensionMatrix(spec, view) if spec and view else None
    collector = Collector(plan, spec, lang)
    options = ExportOptions(lang=lang)
    for record in submission_records(session, round_id=round_id, options=options,
                                     versions=versions, problems=problems):
        if record.problem is not None:
            continue
        collector.add(record)
        if matrix is not None:
            matrix.add_opd(record.opd_code, record.opd_name)
            for item in program_items(spec, record):
                matrix.add(item)
    inputs = analysis_input(context, collector, plan, translator(lang), lang)
    return RoundAnalyses(round_, context, plan, spec, view, matrix, build_analyses(inputs),
                         inputs, view_choices(view) if view else [])
