"""The analyses a master plan is evaluated on, built together from plain inputs: the SPBE
self-assessment, application rationalisation and the Satu Data outputs.

The workbook, the report and the planner pages all call `build_analyses` on inputs filled
the same way (app/analyses/), so they show the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reports.applications import (
    AppRecord,
    Decision,
    NationalApp,
    Rationalisation,
    build_rationalisation,
)
from reports.builders.similar import THRESHOLD
from reports.satudata import DatasetRecord, SatuData, Variable, build_satu_data
from reports.spbe import Entry, Indicator, LinkedNeed, LinkedService, Spbe, build_spbe


@dataclass
class AnalysisInput:
    """Everything the three analyses read. The answer rows (services, needs, apps, datasets)
    may be filled while the submissions stream, before `build_analyses` runs."""

    spbe_framework: str = ""
    spbe_indicators: list[Indicator] = field(default_factory=list)
    spbe_entries: list[Entry] = field(default_factory=list)
    spbe_services: list[LinkedService] = field(default_factory=list)
    spbe_needs: list[LinkedNeed] = field(default_factory=list)
    spbe_target: float | None = None
    apps: list[AppRecord] = field(default_factory=list)
    national_apps: list[NationalApp] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    datasets: list[DatasetRecord] = field(default_factory=list)
    variables: list[Variable] = field(default_factory=list)
    walidata: str = ""


@dataclass(frozen=True)
class Analyses:
    spbe: Spbe | None
    """None when the registry has no SPBE framework for the questionnaire's indicators."""
    applications: Rationalisation
    satu_data: SatuData


def build_analyses(data: AnalysisInput, threshold: int = THRESHOLD) -> Analyses:
    """The three analyses from one input."""
    spbe = (build_spbe(data.spbe_indicators, data.spbe_entries, data.spbe_services,
                       data.spbe_needs, target=data.spbe_target, framework=data.spbe_framework)
            if data.spbe_indicators else None)
    return Analyses(
        spbe=spbe,
        applications=build_rationalisation(data.apps, data.national_apps, data.decisions,
                                           threshold),
        satu_data=build_satu_data(data.datasets, data.variables, data.walidata))
