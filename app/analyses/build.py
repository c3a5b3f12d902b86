"""From a context and a collector to the analyses' input (and the analyses)."""

from __future__ import annotations

from collections.abc import Callable

from app.analyses.collect import Collector
from app.analyses.context import AnalysisContext
from app.analyses.variables import ms_var_variables
from app.exports.plan import ExportPlan
from reports.analyses import AnalysisInput
from reports.spbe import indicators_of


def analysis_input(context: AnalysisContext, collector: Collector, plan: ExportPlan,
                   t: Callable[..., str], lang: str) -> AnalysisInput:
    """The input, sharing the collector's lists (they may still fill while rows stream)."""
    spbe = context.registry.get(collector.spbe_framework)
    return AnalysisInput(
        spbe_framework=spbe.code if spbe else "",
        spbe_indicators=indicators_of(spbe, lang) if spbe else [],
        spbe_entries=list(context.spbe_entries), spbe_services=collector.services,
        spbe_needs=collector.needs, spbe_target=context.spbe_target, apps=collector.apps,
        national_apps=list(context.national_apps), decisions=list(context.decisions),
        datasets=collector.datasets,
        variables=ms_var_variables(plan, t, lang, period=context.period),
        walidata=context.walidata)
