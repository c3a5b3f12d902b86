"""How far every regency's rounds are: one row per regency and round, and the totals (pure).

Overdue: OPDs past their deadline (their own, else the round's) that have sent nothing (not
submitted, not approved); app/national/service.py counts them in the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

COUNTED = ("not_started", "draft", "submitted", "needs_revision", "approved")


@dataclass(frozen=True)
class RegencyRound:
    """One round of one regency: OPDs asked, per status, and overdue."""

    regency_code: str
    regency_name: str
    round_id: int | None
    round_name: str | None  # None: the regency has no round yet
    round_status: str | None
    closes_at: datetime | None
    asked: int
    counts: dict[str, int]
    overdue: int
    shared: bool = False  # the regency shares its raw answers with the coordinator

    @property
    def sent(self) -> int:
        """Submitted or approved (the OPDs done with their part)."""
        return self.counts.get("submitted", 0) + self.counts.get("approved", 0)


def totals(rows: list[RegencyRound]) -> dict[str, int]:
    """The sums over every row: regencies, rounds, asked, each status, overdue."""
    found = {"regencies": len({row.regency_code for row in rows}),
             "rounds": sum(1 for row in rows if row.round_name is not None),
             "asked": sum(row.asked for row in rows),
             "overdue": sum(row.overdue for row in rows)}
    for status in COUNTED:
        found[status] = sum(row.counts.get(status, 0) for row in rows)
    return found
