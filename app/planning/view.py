"""A round's plan as its page, workbook and JSON show it: inputs, outputs, labelled tables."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from app.i18n import translator
from app.planning.outputs import PlanOutputs, plan_outputs
from app.planning.plan import ProgrammeInput
from app.planning.source import RoundPlanning, round_planning
from app.planning.tables import Labels, Table, output_tables
from app.regencies.context import Regency
from app.rounds.models import Round
from reports.gantt import gantt_chart


@dataclass(frozen=True)
class PlanningView:
    regency: Regency
    planning: RoundPlanning
    outputs: PlanOutputs
    labels: Labels
    tables: list[Table]

    @property
    def example(self) -> bool:
        """The RPJMD is the demo's example data."""
        return any(n.example for n in self.planning.data.nodes)

    def table(self, key: str) -> Table:
        return next(t for t in self.tables if t.key == key)

    def given(self, code: str) -> ProgrammeInput | None:
        """What the planner set for a programme (None: nothing yet)."""
        return next((p for p in self.planning.data.programmes if p.code == code), None)

    def gantt_svg(self) -> str:
        rows = self.outputs.roadmap.rows
        flagged = {p.programme_code for p in self.outputs.roadmap.problems}
        return gantt_chart([f"{r.programme.name} · {r.programme.owner_opd}" for r in rows],
                           [(r.programme.start_year, r.programme.end_year) for r in rows],
                           self.outputs.roadmap.years,
                           flagged=[r.programme.code in flagged for r in rows],
                           salt=f"gantt-{self.planning.round.id}")


def planning_view(session: Session, *, round_: Round, lang: str, regency: Regency
                  ) -> PlanningView:
    """Read the round's plan and compute every output once."""
    planning = round_planning(session, round_=round_, lang=lang, timezone=regency.timezone)
    dims = tuple(d.code for d in planning.dimensions)
    outputs = plan_outputs(planning.data, dims)
    labels = Labels(translator(lang), {d.code: d.label for d in planning.dimensions},
                    planning.timeframes, planning.opd_names)
    return PlanningView(regency, planning, outputs, labels, output_tables(outputs, labels))
