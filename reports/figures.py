"""Which chart goes with which section: builds the charts from a Report and attaches them."""

from collections.abc import Callable
from dataclasses import replace

from reports import charts
from reports.builders.readiness import ASPECTS
from reports.i18n import translator
from reports.results import (
    NeedsByDimension,
    QuestionSection,
    QuestionSummary,
    ReadinessSection,
    Report,
)

# Charts cost tens of milliseconds each, whatever the size of the round: draw those that add
# to the tables. A section's select_one questions that share one choice list (e.g. the twelve
# 1–5 readiness statements) get one stacked chart when there are at least this many.
MIN_SHARED_QUESTIONS = 3


def attach_charts(report: Report, *, with_questions: bool = True) -> Report:
    """A copy of the report with its charts drawn."""
    _ = translator(report.lang)
    questions = ([_question_charts(s, i, report.lang) for i, s in enumerate(report.questions)]
                 if with_questions else report.questions)
    return replace(report, dimensions=_dimension_chart(report, _),
                   readiness=_readiness_chart(report, _), questions=questions)


def _dimension_chart(report: Report, _: Callable[..., str]) -> NeedsByDimension:
    dims = report.dimensions
    names = [block.label for block in dims.dimensions]
    if not names:  # the questionnaire declares no master-plan dimension
        return dims
    series = {_(f"rpt.timeframe.{t}"): [b.total.timeframes.get(t, 0) for b in dims.dimensions]
              for t in dims.timeframes}
    unknown = [b.total.needs - sum(b.total.timeframes.get(t, 0) for t in dims.timeframes)
               for b in dims.dimensions]
    if any(unknown):
        series[_("rpt.timeframe_unknown")] = unknown
    chart = charts.dimension_chart(
        names, series, [b.total.cost for b in dims.dimensions],
        titles=(_("rpt.needs"), _("rpt.cost")), salt="dimensions", lang=report.lang)
    return replace(dims, chart=chart)


def _readiness_chart(report: Report, _: Callable[..., str]) -> ReadinessSection:
    section = report.readiness
    if not section.rows:
        return section
    scores = [[getattr(r, a) for r in section.rows if getattr(r, a) is not None] for a in ASPECTS]
    averages = [getattr(section.average, a) for a in ASPECTS]
    chart = charts.readiness_chart([_(f"rpt.aspect.{a}") for a in ASPECTS], scores, averages,
                                   salt="readiness", lang=report.lang,
                                   average_label=_("rpt.readiness_average"),
                                   range_label=_("rpt.readiness_range"))
    return replace(section, chart=chart)


def _question_charts(section: QuestionSection, index: int, lang: str) -> QuestionSection:
    """One stacked chart for the select_one questions that share one choice list."""
    groups: dict[tuple[str, ...], list[QuestionSummary]] = {}
    for q in section.questions:
        if q.type == "select_one" and q.choices and q.answered:
            groups.setdefault(tuple(c.code for c in q.choices), []).append(q)
    shared = max(groups.values(), key=len, default=[])
    chart = ""
    if len(shared) >= MIN_SHARED_QUESTIONS:
        choices = shared[0].choices or []
        series = {c.label: [q.choices[i].share for q in shared] for i, c in enumerate(choices)}
        chart = charts.stacked_chart([q.label for q in shared], series, salt=f"q{index}",
                                     percent=True, lang=lang)
    return replace(section, chart=chart)
