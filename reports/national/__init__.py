"""National benchmarks: every regency's values of the core indicators, their ranks and
percentiles in the peer groups, and the needs many regencies share (pure), with the national
report that shows them."""

from __future__ import annotations

from datetime import datetime

from reports.national.indicators import Tally, core_indicators
from reports.national.model import (
    PEER_GROUPS,
    Benchmarks,
    Indicator,
    Ranked,
    RegencyFigures,
    SharedNeed,
)
from reports.national.ranking import kind_of, province_of, rank_all
from reports.national.shared import RegencyNeeds, shared_needs


def build_benchmarks(figures: list[RegencyFigures], needs: list[RegencyNeeds], *,
                     indicators: list[Indicator], left_out: list[str], core_form_id: str,
                     core_version: str, computed_at: datetime,
                     computed_by: str = "") -> Benchmarks:
    """Rank every regency's figures in its peer groups and find the shared needs."""
    labels = {item.dimension: item.dimension_label for item in indicators if item.dimension}
    ranked = rank_all(sorted(figures, key=lambda f: f.code), [i.key for i in indicators])
    return Benchmarks(computed_at=computed_at, core_form_id=core_form_id,
                      core_version=core_version, indicators=tuple(indicators),
                      regencies=tuple(ranked), shared=tuple(shared_needs(needs, labels)),
                      left_out=tuple(left_out), computed_by=computed_by)


__all__ = ["PEER_GROUPS", "Benchmarks", "Indicator", "Ranked", "RegencyFigures",
           "RegencyNeeds", "SharedNeed", "Tally", "build_benchmarks", "core_indicators",
           "kind_of", "province_of"]
