"""Application rationalisation from the OPDs' application inventories (pure)."""

from reports.applications.build import build_rationalisation, match_national
from reports.applications.model import (
    RECOMMENDATIONS,
    AppRecord,
    AppRow,
    Cluster,
    Decision,
    NationalApp,
    Rationalisation,
)

__all__ = [
    "RECOMMENDATIONS", "AppRecord", "AppRow", "Cluster", "Decision", "NationalApp",
    "Rationalisation", "build_rationalisation", "match_national",
]
