"""SPBE self-assessment: the index, its domains and predikat, and a what-if path (pure)."""

from reports.spbe.index import PREDIKAT, build_spbe, cheapest_path, indicators_of, predikat
from reports.spbe.model import (
    EVIDENCE,
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

__all__ = [
    "EVIDENCE", "PREDIKAT", "DomainIndex", "Entry", "Indicator", "IndicatorRow", "LinkedNeed",
    "LinkedService", "PathStep", "Spbe", "TargetPath", "build_spbe", "cheapest_path",
    "indicators_of", "predikat",
]
