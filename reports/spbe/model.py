"""What the SPBE self-assessment reads and returns (PermenPANRB 59/2020).

Inputs: the indicators (from the SPBE framework's nodes), the planner's entries, the services
and needs the answers link to an indicator. Results: one row per indicator, the domain
indices, the SPBE index and its predikat, and the cheapest path to a target index.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

EVIDENCE = ("ada", "sebagian", "belum")
"""Evidence status: available, partly available, not yet."""
TOP_LEVEL = 5


@dataclass(frozen=True)
class Indicator:
    """One of the 47 indicators with its domain, aspect and weight (percent of the index)."""

    code: str
    label: str
    domain: str
    domain_label: str
    aspect: str
    aspect_label: str
    weight: float
    inferred: bool = False


@dataclass(frozen=True)
class Entry:
    """What a planner entered for an indicator (any field may be left empty)."""

    indicator: str
    level: int | None = None
    target: int | None = None
    evidence: str = ""
    evidence_note: str = ""
    opd_code: str | None = None
    opd_name: str = ""
    example: bool = False
    updated_by: str = ""
    updated_at: datetime | None = None


@dataclass(frozen=True)
class LinkedService:
    """A service an OPD runs that its answers link to an indicator, with its levels (0–5)."""

    opd_code: str
    opd_name: str
    name: str
    indicator: str
    level: int | None = None
    target: int | None = None


@dataclass(frozen=True)
class LinkedNeed:
    """A need its OPD says would raise an indicator."""

    opd_code: str
    opd_name: str
    title: str
    indicator: str
    cost: float | None = None
    row_id: str = ""


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator as the page, the workbook and the report show it."""

    indicator: Indicator
    level: int
    """The level counted (0 when nothing is known)."""
    source: str
    """`planner` (entered), `answers` (from the linked services) or `none`."""
    target: int | None
    evidence: str
    evidence_note: str
    opd_code: str | None
    opd_name: str
    weighted: float
    """weight × level / 100: the indicator's share of the index."""
    gain: float
    """What one more level adds to the index (weight / 100; 0 at level 5)."""
    services: int
    needs: Sequence[LinkedNeed]
    """Column by column (reports.columns.Rows): each made when read."""
    example: bool = False
    updated_by: str = ""
    updated_at: datetime | None = None


@dataclass(frozen=True)
class DomainIndex:
    code: str
    label: str
    weight: float
    index: float
    """Σ(weight × level) / Σ(weight) over the domain's indicators (0–5)."""


@dataclass(frozen=True)
class PathStep:
    """Raise one indicator from one level to another on the cheapest path."""

    indicator: Indicator
    from_level: int
    to_level: int
    gain: float
    needs: Sequence[LinkedNeed]


@dataclass(frozen=True)
class TargetPath:
    """The smallest set of one-level gains that lifts the index to the target."""

    target: float
    reached: bool
    """False when even level 5 everywhere stays below the target."""
    steps: list[PathStep]
    level_gains: int
    index_after: float


@dataclass(frozen=True)
class Spbe:
    """The SPBE self-assessment of a round."""

    framework: str
    rows: list[IndicatorRow]
    domains: list[DomainIndex]
    index: float
    predikat: str
    index_at_targets: float
    """The index if every indicator reached its target level (when it has one)."""
    assessed: int
    from_answers: int
    from_planner: int
    path: TargetPath | None = None
    example: bool = False
    """Some entries are example data (the demo)."""
    thresholds: list[tuple[float, str]] = field(default_factory=list)
