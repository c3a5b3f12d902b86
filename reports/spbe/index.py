"""The SPBE index (PermenPANRB 59/2020): levels, domain indices, predikat, and the cheapest
path to a target index.

- Level of an indicator: the planner's entry; else, when the answers link services to it
  (a service's `layanan_indikator_spbe`), the highest current level among them (a manual
  service counts 0); else 0, shown as not assessed.
- Domain index = Σ(weight × level) / Σ(weight) over its indicators; the SPBE index is the same
  over all 47 (the weights add up to 100, so it is Σ(weight × level) / 100).
- Predikat of the index rounded to two decimals: Memuaskan ≥ 4,2 · Sangat Baik ≥ 3,5 ·
  Baik ≥ 2,6 · Cukup ≥ 1,8 · Kurang below (domain.md §6.5; 3,5 and 4,2 are inferred).
- One more level on an indicator adds weight / 100 to the index (nothing at level 5).
- The cheapest path to a target: the fewest one-level gains that reach it. Each gain goes to
  the indicator that adds most; among equals, one with needs that would raise it, then the
  lowest level so far (gains spread over equal indicators), then the indicator order. Taking
  the largest gain each time is optimal for the count, since every gain costs one level.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Iterable, Sequence

from reports.columns import Mapped, Rows
from reports.frameworks import Framework
from reports.spbe.model import (
    TOP_LEVEL,
    DomainIndex,
    Entry,
    Indicator,
    IndicatorRow,
    LinkedNeed,
    LinkedService,
    PathStep,
    Spbe,
    TargetPath,
)

PREDIKAT = ((4.2, "memuaskan"), (3.5, "sangat_baik"), (2.6, "baik"), (1.8, "cukup"),
            (0.0, "kurang"))
_EPSILON = 1e-9


def indicators_of(framework: Framework, lang: str = "id") -> list[Indicator]:
    """The framework's indicators (tree order) with their domain, aspect and weight."""
    found = []
    for node in framework.leaves("indicator"):
        path = framework.path(node.code)
        domain, aspect = path[0], path[-2] if len(path) > 2 else path[0]
        found.append(Indicator(node.code, node.label(lang), domain.code, domain.label(lang),
                               aspect.code, aspect.label(lang), node.weight or 0.0,
                               node.inferred))
    return found


def predikat(index: float) -> str:
    """The predikat code of an index (memuaskan, sangat_baik, baik, cukup, kurang)."""
    value = round(index, 2)
    return next(code for floor, code in PREDIKAT if value >= floor)


def weighted_index(pairs: list[tuple[float, float]]) -> float:
    """Σ(weight × level) / Σ(weight) of (weight, level) pairs; 0 without weight."""
    total = sum(weight for weight, _ in pairs)
    return sum(weight * level for weight, level in pairs) / total if total else 0.0


def build_spbe(indicators: list[Indicator], entries: list[Entry],
               services: Iterable[LinkedService], needs: Iterable[LinkedNeed], *,
               target: float | None = None, framework: str = "") -> Spbe:
    """Every indicator's row, the domain indices, the index, its predikat and the path."""
    by_entry = {entry.indicator: entry for entry in entries}
    linked: dict[str, list[LinkedService]] = defaultdict(list)
    for service in services:
        linked[service.indicator].append(service)
    raising = _by_indicator(needs)
    total = sum(i.weight for i in indicators)
    rows = [_row(i, by_entry.get(i.code), linked[i.code], raising.get(i.code, []), total)
            for i in indicators]
    index = weighted_index([(r.indicator.weight, r.level) for r in rows])
    at_targets = weighted_index([(r.indicator.weight, max(r.level, r.target or 0))
                                 for r in rows])
    return Spbe(
        framework=framework, rows=rows, domains=_domains(rows), index=index,
        predikat=predikat(index), index_at_targets=at_targets,
        assessed=sum(1 for r in rows if r.source != "none"),
        from_answers=sum(1 for r in rows if r.source == "answers"),
        from_planner=sum(1 for r in rows if r.source == "planner"),
        path=cheapest_path(rows, target) if target is not None else None,
        example=any(e.example for e in entries), thresholds=list(PREDIKAT[:-1]))


def _by_indicator(needs: Iterable[LinkedNeed]) -> dict[str, Sequence[LinkedNeed]]:
    """Each indicator's needs, in order: positions into one compact sequence of them (the
    needs' own when they are kept column by column), each need made when read."""
    kept = needs if isinstance(needs, Rows) else Rows(LinkedNeed, needs, distinct=("row_id",))
    positions: dict[str, array] = {}
    for position, indicator in enumerate(kept.column("indicator")):
        if indicator not in positions:
            positions[indicator] = array("L")
        positions[indicator].append(position)
    return {code: Mapped(kept.__getitem__, found) for code, found in positions.items()}


def _row(indicator: Indicator, entry: Entry | None, services: list[LinkedService],
         needs: Sequence[LinkedNeed], total: float) -> IndicatorRow:
    levels = [s.level or 0 for s in services]
    targets = [s.target for s in services if s.target is not None]
    if entry is not None and entry.level is not None:
        level, source = entry.level, "planner"
    elif services:
        level, source = max(levels), "answers"
    else:
        level, source = 0, "none"
    target = entry.target if entry and entry.target is not None else max(targets, default=None)
    opd_code, opd_name = _in_charge(entry, services)
    gain = indicator.weight / total if total and level < TOP_LEVEL else 0.0
    return IndicatorRow(
        indicator=indicator, level=level, source=source, target=target,
        evidence=entry.evidence if entry else "", evidence_note=entry.evidence_note if entry
        else "", opd_code=opd_code, opd_name=opd_name,
        weighted=indicator.weight * level / 100, gain=gain, services=len(services),
        needs=needs, example=bool(entry and entry.example),
        updated_by=entry.updated_by if entry else "", updated_at=entry.updated_at if entry
        else None)


def _in_charge(entry: Entry | None, services: list[LinkedService]) -> tuple[str | None, str]:
    """The OPD the planner named; else the one running the most advanced linked service."""
    if entry is not None and entry.opd_code:
        return entry.opd_code, entry.opd_name
    if not services:
        return None, ""
    best = max(services, key=lambda s: s.level or 0)  # max keeps the first of equals
    return best.opd_code, best.opd_name


def _domains(rows: list[IndicatorRow]) -> list[DomainIndex]:
    order: dict[str, list[IndicatorRow]] = {}
    for row in rows:
        order.setdefault(row.indicator.domain, []).append(row)
    return [DomainIndex(code, members[0].indicator.domain_label,
                        sum(r.indicator.weight for r in members),
                        weighted_index([(r.indicator.weight, r.level) for r in members]))
            for code, members in order.items()]


def cheapest_path(rows: list[IndicatorRow], target: float) -> TargetPath:
    """The fewest one-level gains that lift the index to `target` (see the module text)."""
    total = sum(r.indicator.weight for r in rows)
    levels = {r.indicator.code: r.level for r in rows}
    position = {r.indicator.code: i for i, r in enumerate(rows)}
    index = weighted_index([(r.indicator.weight, r.level) for r in rows])
    chosen: list[str] = []
    while index < target - _EPSILON:
        open_rows = [r for r in rows if levels[r.indicator.code] < TOP_LEVEL
                     and r.indicator.weight > 0]
        if not open_rows or not total:
            break
        best = min(open_rows, key=lambda r: (-r.indicator.weight, not r.needs,
                                             levels[r.indicator.code],
                                             position[r.indicator.code]))
        levels[best.indicator.code] += 1
        index += best.indicator.weight / total
        if best.indicator.code not in chosen:
            chosen.append(best.indicator.code)
    by_code = {r.indicator.code: r for r in rows}
    steps = [PathStep(by_code[c].indicator, by_code[c].level, levels[c],
                      (levels[c] - by_code[c].level) * by_code[c].indicator.weight / total,
                      by_code[c].needs)
             for c in chosen]
    return TargetPath(target=target, reached=index >= target - _EPSILON, steps=steps,
                      level_gains=sum(s.to_level - s.from_level for s in steps),
                      index_after=index)
