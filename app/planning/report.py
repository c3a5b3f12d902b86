"""The plan as a section of the analysis report (the same tables as the page and the
workbook, with the roadmap's Gantt as SVG); none when the round has no plan years yet."""

from __future__ import annotations

import dataclasses

from sqlmodel import Session

from app.planning.view import planning_view
from app.regencies.context import Regency
from app.rounds.models import Round
from reports.results import PlanningSection, PlanTable, Report

REPORT_TABLES = ("cakupan", "matriks", "peta", "rab_tahun", "rab_dimensi", "rab_sumber",
                 "rab_opd", "quick_win")
"""The per-programme cost table stays in the workbook: the roadmap already lists each one."""


def with_planning(report: Report, session: Session, *, round_id: int, regency: Regency
                  ) -> Report:
    """`report` with its planning section (unchanged when the round has no plan)."""
    round_ = session.get(Round, round_id)
    if round_ is None:
        return report
    view = planning_view(session, round_=round_, lang=report.lang, regency=regency)
    if not view.planning.data.years:
        return report
    tables = [PlanTable(t.title, tuple(c.header for c in t.columns),
                        tuple(c.kind for c in t.columns), t.rows, t.footer, t.flagged)
              for key in REPORT_TABLES for t in [view.table(key)]]
    section = PlanningSection(regency.name, view.example, tables, view.gantt_svg())
    return dataclasses.replace(report, planning=section)
