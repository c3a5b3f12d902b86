"""The national benchmarks' data: the core indicators, each regency's figures, their ranks in
the peer groups, and the needs many regencies share (plain data, JSON round-trip)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime

UNITS = ("percent", "ratio", "score", "index", "count", "rupiah")
PEER_GROUPS = ("kind", "province")
"""kind: every kabupaten, or every kota, of the installation; province: the same province."""


@dataclass(frozen=True)
class Indicator:
    """A core indicator: what it measures (`key`), its unit and the core items it reads."""

    key: str
    unit: str
    fields: tuple[str, ...]
    dimension: str = ""
    """The dimension code of a per-dimension indicator (needs.governance, cost.governance)."""
    dimension_label: str = ""


@dataclass(frozen=True)
class Ranked:
    """A value's place in one peer group: 1 is the highest; percentile 100 the highest."""

    rank: int
    of: int
    percentile: float


@dataclass(frozen=True)
class RegencyFigures:
    """One regency's values of the core indicators (None: not answered / not present)."""

    code: str
    name: str
    kind: str
    province: str
    round_id: int | None = None
    round_name: str = ""
    sent: int = 0
    """OPDs whose submissions count (submitted or approved)."""
    note: str = ""
    """Why the regency has no values: no_round (no round on the core questionnaire) or
    no_submissions; empty when it has them."""
    values: dict[str, float | None] = field(default_factory=dict)
    ranks: dict[str, dict[str, Ranked]] = field(default_factory=dict)
    """indicator key → peer group → its place."""


@dataclass(frozen=True)
class SharedNeed:
    """A need proposed in several regencies (similar titles): a candidate national platform."""

    title: str
    dimension: str
    dimension_label: str
    regencies: tuple[str, ...]
    """The regencies' names, in code order."""
    opds: int
    """How many OPDs proposed it (over every regency)."""
    cost: float
    variants: tuple[str, ...] = ()
    """Other titles grouped with it (at most a few)."""


@dataclass(frozen=True)
class Benchmarks:
    """Every regency's figures on the core indicators, ranked, and the shared needs."""

    computed_at: datetime
    core_form_id: str
    core_version: str
    indicators: tuple[Indicator, ...]
    regencies: tuple[RegencyFigures, ...]
    shared: tuple[SharedNeed, ...]
    left_out: tuple[str, ...] = ()
    """Indicator keys the core questionnaire cannot answer (an item it reads is not core)."""
    computed_by: str = ""

    def to_json(self) -> dict:
        data = asdict(self)
        data["computed_at"] = self.computed_at.isoformat()
        return data

    @classmethod
    def from_json(cls, data: dict) -> Benchmarks:
        return cls(
            computed_at=datetime.fromisoformat(data["computed_at"]),
            core_form_id=data["core_form_id"], core_version=data["core_version"],
            indicators=tuple(Indicator(**{**item, "fields": tuple(item["fields"])})
                             for item in data["indicators"]),
            regencies=tuple(_figures(item) for item in data["regencies"]),
            shared=tuple(SharedNeed(**{**item, "regencies": tuple(item["regencies"]),
                                       "variants": tuple(item["variants"])})
                         for item in data["shared"]),
            left_out=tuple(data.get("left_out", ())), computed_by=data.get("computed_by", ""))


def _figures(item: dict) -> RegencyFigures:
    ranks = {key: {group: Ranked(**place) for group, place in groups.items()}
             for key, groups in item.get("ranks", {}).items()}
    return RegencyFigures(**{**item, "ranks": ranks})
