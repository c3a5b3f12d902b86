"""The reviewer's quick-win checks (pure), shown as warnings: at least one quick win per
dimension, each has an owner OPD, each is a programme of the RPJMD (mapped to a misi or
sasaran) or a program cepat berdampak."""

from __future__ import annotations

from dataclasses import dataclass

from app.planning.plan import Plan


@dataclass(frozen=True)
class Warning:
    kind: str
    """no_quick_win (per dimension), no_owner, not_in_rpjmd."""
    subject: str
    """The dimension code, or the programme code."""
    name: str = ""


def quick_win_warnings(plan: Plan, dimensions: tuple[str, ...]) -> list[Warning]:
    """The warnings, dimensions first (in `dimensions`' order), then programmes."""
    quick = [p for p in plan.programmes if p.quick_win]
    served = {d for p in quick for d in p.dimensions}
    found = [Warning("no_quick_win", d) for d in dimensions if d not in served]
    aligned = {a.programme_code for a in plan.alignments if a.state == "accepted"}
    for p in quick:
        if not p.owner_opd:
            found.append(Warning("no_owner", p.code, p.name))
        if p.code not in aligned and not p.cepat_berdampak and not p.prioritas:
            found.append(Warning("not_in_rpjmd", p.code, p.name))
    return found
