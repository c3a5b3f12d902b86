"""Prioritas: a documented score from configurable weights, and the quick-win shortlist.

Each criterion gives a value from 0 to 1; the score is 100 × Σ(weight × value) / Σ(weight):
- prioritas_opd: the OPD's own rank p (1 = most important): (20 − p) / 19, clipped to 0–1.
- cakupan_dimensi: needs in the least served dimension get 1, in the most served 0, linear
  between (so every dimension gets a chance at the top of the list).
- penerima_manfaat: log(1 + b) / log(1 + largest b); not given = 0.
- biaya: 1 − log(1 + cost) / log(1 + largest cost), cheap is better; not given = 0,5.
- jangka: pendek 1, menengah 0,5, panjang 0; not given = 0.
- kesiapan: the owning OPD's mean readiness (1–5) as (mean − 1) / 4; not given = 0.
Quick wins: jangka pendek (deliverable within one fiscal year), score at least the minimum,
at most a few per dimension, best first.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from reports.builders.common import Labels, ref_of
from reports.inputs import Dimension, Need, Readiness
from reports.results import OpdRef, Priority, RankedNeed

TIMEFRAME_VALUE = {"pendek": 1.0, "menengah": 0.5, "panjang": 0.0}
CRITERIA = ("prioritas_opd", "cakupan_dimensi", "penerima_manfaat", "biaya", "jangka",
            "kesiapan")


@dataclass(frozen=True)
class PriorityWeights:
    """Weights of the six criteria (any non-negative numbers; they are normalised)."""

    prioritas_opd: float = 25
    cakupan_dimensi: float = 10
    penerima_manfaat: float = 20
    biaya: float = 15
    jangka: float = 15
    kesiapan: float = 15

    def as_dict(self) -> dict[str, float]:
        return {name: float(getattr(self, name)) for name in CRITERIA}


@dataclass(frozen=True)
class PriorityOptions:
    weights: PriorityWeights = field(default_factory=PriorityWeights)
    top: int = 50
    quick_win_min_score: float = 60.0
    quick_wins_per_dimension: int = 3


class _Scales:
    """What a need's criteria are measured against: maxima, dimension counts, readiness."""

    def __init__(self, needs: Sequence[Need], dimensions: list[Dimension],
                 readiness: list[Readiness]):
        self.beneficiaries = math.log1p(max((n.beneficiaries or 0 for n in needs), default=0))
        self.cost = math.log1p(max((n.cost or 0 for n in needs), default=0))
        counts = {dim.code: 0 for dim in dimensions}
        for need in needs:
            if need.dimension in counts:
                counts[need.dimension] += 1
        low, high = min(counts.values(), default=0), max(counts.values(), default=0)
        self.coverage = {code: (high - n) / (high - low) if high > low else 1.0
                         for code, n in counts.items()}
        self.readiness = {r.opd_code: _readiness_value(r) for r in readiness}


def _readiness_value(r: Readiness) -> float:
    scores = [s for s in (r.struktur, r.infrastruktur, r.suprastruktur) if s is not None]
    return min(max((sum(scores) / len(scores) - 1) / 4, 0.0), 1.0) if scores else 0.0


def criteria(need: Need, scales: _Scales) -> dict[str, float]:
    """The six 0–1 values of one need."""
    p = need.priority
    return {
        "prioritas_opd": min(max((20 - p) / 19, 0.0), 1.0) if p is not None else 0.0,
        "cakupan_dimensi": scales.coverage.get(need.dimension or "", 0.0),
        "penerima_manfaat": (math.log1p(max(need.beneficiaries, 0)) / scales.beneficiaries
                             if need.beneficiaries and scales.beneficiaries else 0.0),
        "biaya": (1 - math.log1p(max(need.cost, 0)) / scales.cost
                  if need.cost is not None and scales.cost else 0.5),
        "jangka": TIMEFRAME_VALUE.get(need.timeframe or "", 0.0),
        "kesiapan": scales.readiness.get(need.opd_code, 0.0),
    }


def score(parts: dict[str, float], weights: dict[str, float]) -> float:
    """100 × Σ(weight × value) / Σ(weight), rounded to two decimals."""
    total = sum(weights.values())
    if not total:
        return 0.0
    return round(100 * sum(weights[k] * parts[k] for k in CRITERIA) / total, 2)


def build_priority(needs: Sequence[Need], dimensions: list[Dimension],
                   readiness: list[Readiness], refs: dict[str, OpdRef], labels: Labels,
                   options: PriorityOptions) -> Priority:
    """Score every need; keep the top of the ranking and the quick-win shortlist."""
    weights = options.weights.as_dict()
    scales = _Scales(needs, dimensions, readiness)
    order, values, short, dimension = _scored(needs, scales, weights)
    count = len(needs)
    ranked = [_ranked(rank, needs[int(i)], float(values[i]), scales, refs, labels)
              for rank, i in enumerate(order[:options.top], start=1)]
    quick_wins = [_ranked(rank, needs[i], float(values[i]), scales, refs, labels)
                  for rank, i in _quick_wins(order, values, short, dimension, options)]
    return Priority(weights=weights, ranked=ranked, total_ranked=count,
                    quick_wins=quick_wins, quick_win_min_score=options.quick_win_min_score,
                    quick_wins_per_dimension=options.quick_wins_per_dimension)


def _scored(needs: Sequence[Need], scales: _Scales, weights: dict[str, float]):
    """(order, scores, short-term flags, dimensions) of the needs, best first."""
    count = len(needs)
    values, ranks = np.empty(count), np.empty(count, dtype=np.int64)
    short, dimension = np.zeros(count, dtype=bool), []
    for i, need in enumerate(needs):  # one pass; arrays, not 100,000 tuples and a dict
        values[i] = score(criteria(need, scales), weights)
        ranks[i] = need.priority or 99
        short[i] = need.timeframe == "pendek"
        dimension.append(need.dimension or "")
    # Ties: the OPD's own priority first, then the order the needs came in (stable).
    return np.lexsort((np.arange(count), ranks, -values)), values, short, dimension


def _quick_wins(order: np.ndarray, values: np.ndarray, short: np.ndarray, dimension: list[str],
                options: PriorityOptions) -> list[tuple[int, int]]:
    """(rank, need index) of the shortlist: best first, short term, a few per dimension."""
    taken: dict[str, int] = {}
    chosen = []
    for rank, i in enumerate(order.tolist(), start=1):
        if values[i] < options.quick_win_min_score:
            break
        key = dimension[i]
        if not short[i] or taken.get(key, 0) >= options.quick_wins_per_dimension:
            continue
        taken[key] = taken.get(key, 0) + 1
        chosen.append((rank, i))
    return chosen


def _ranked(rank: int, need: Need, value: float, scales: _Scales, refs: dict[str, OpdRef],
            labels: Labels) -> RankedNeed:
    return RankedNeed(
        rank=rank, score=value, parts=criteria(need, scales), opd=ref_of(refs, need.opd_code),
        title=need.title, dimension=labels.dimension.get(need.dimension or "", ""),
        element=labels.element.get(need.element or "", ""),
        timeframe=labels.timeframe.get(need.timeframe or "", need.timeframe or ""),
        cost=need.cost, beneficiaries=need.beneficiaries, priority=need.priority,
        quick_win_proposed=need.quick_win)


def shortlist(needs: list[Need], dimensions: list[Dimension], readiness: list[Readiness],
              options: PriorityOptions) -> list[int]:
    """The indexes in `needs` of the quick-win shortlist (the same rule as build_priority)."""
    scales = _Scales(needs, dimensions, readiness)
    order, values, short, dimension = _scored(needs, scales, options.weights.as_dict())
    return [i for _, i in _quick_wins(order, values, short, dimension, options)]
