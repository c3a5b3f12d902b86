"""build_report(data, options): every section of the report from plain data, charts included."""

from dataclasses import dataclass, field

from reports.analyses import build_analyses
from reports.builders.common import Labels, opd_refs
from reports.builders.dimensions import build_dimensions
from reports.builders.framework import reframe
from reports.builders.priority import PriorityOptions, PriorityWeights, build_priority
from reports.builders.profiles import build_profiles
from reports.builders.questions import build_questions
from reports.builders.readiness import build_readiness
from reports.builders.shared import build_cross_opd
from reports.builders.similar import THRESHOLD
from reports.builders.summary import build_summary
from reports.i18n import translator
from reports.inputs import ReportInput
from reports.results import Report

__all__ = ["ReportOptions", "PriorityOptions", "PriorityWeights", "build_report"]


@dataclass(frozen=True)
class ReportOptions:
    """What can be tuned: the priority weights and shortlist, similarity, charts."""

    priority: PriorityOptions = field(default_factory=PriorityOptions)
    similarity_threshold: int = THRESHOLD
    charts: bool = True
    question_charts: bool = True


def build_report(data: ReportInput, options: ReportOptions | None = None) -> Report:
    """The whole report. `data.answers` is read once, first: an adapter that streams rows may
    fill `needs`, `readiness` and `applications` as it goes (see app/reports_web/adapter.py)."""
    from reports.figures import attach_charts  # matplotlib is loaded only when charts are drawn

    options = options or ReportOptions()
    _ = translator(data.lang)
    questions = build_questions(data.questions, data.answers)
    refs = opd_refs(data.opds)
    dimensions, needs, framework = data.dimensions, data.needs, None
    if data.view is not None:
        dimensions, needs, framework = reframe(data.view, data.dimensions, data.needs, refs)
    labels = Labels(dimensions, dict(data.timeframe_labels))
    analyses = (build_analyses(data.analyses, options.similarity_threshold)
                if data.analyses is not None else None)
    report = Report(
        round=data.round, lang=data.lang,
        summary=build_summary(data.opds, needs, refs, data.round.generated_at,
                              data.left_out),
        dimensions=build_dimensions(dimensions, needs, refs),
        priority=build_priority(needs, dimensions, data.readiness, refs, labels,
                                options.priority),
        cross_opd=build_cross_opd(needs, data.applications, refs, labels,
                                  options.similarity_threshold),
        readiness=build_readiness(data.readiness, refs, _("rpt.readiness_average")),
        questions=questions,
        profiles=build_profiles(data.opds, needs, data.readiness, data.applications, refs,
                                labels),
        framework=framework, spbe=analyses.spbe if analyses else None,
        applications=analyses.applications if analyses else None,
        satu_data=analyses.satu_data if analyses else None,
    )
    if options.charts:
        report = attach_charts(report, with_questions=options.question_charts)
    return report
