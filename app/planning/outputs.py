"""Every output of a round's plan, computed once (pure): alignment, suggestions, roadmap,
costs and quick-win warnings, from the plan input and the regency's dimension order."""

from __future__ import annotations

from dataclasses import dataclass

from app.planning.alignment import AlignmentResult, Suggestion, build_alignment, suggestions
from app.planning.costs import CostTables, build_costs
from app.planning.plan import Plan, PlanInput, build_plan
from app.planning.quickwins import Warning, quick_win_warnings
from app.planning.roadmap import Roadmap, build_roadmap


@dataclass(frozen=True)
class PlanOutputs:
    plan: Plan
    alignment: AlignmentResult
    suggestions: list[Suggestion]
    roadmap: Roadmap
    costs: CostTables
    warnings: list[Warning]


def plan_outputs(data: PlanInput, dimensions: tuple[str, ...]) -> PlanOutputs:
    """All outputs of the plan (`dimensions`: the questionnaire's dimension codes, in order)."""
    plan = build_plan(data)
    return PlanOutputs(plan, build_alignment(plan), suggestions(plan), build_roadmap(plan),
                       build_costs(plan, dimensions), quick_win_warnings(plan, dimensions))
