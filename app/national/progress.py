"""How far every regency's rounds are: one row per regency and round, and the totals (pure)."""

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


def overdue_count(statuses: list[str], deadlines: list[datetime | None], now: datetime) -> int:
    """OPDs past their deadline that have sent nothing (not submitted, not approved)."""
    return sum(1 for status, due in zip(statuses, deadlines, strict=True)
               if due is not None and due < now and status not in ("submitted", "approved"))


def totals(rows: list[RegencyRound]) -> dict[str, int]:
    """The sums over every row: regencies, rounds, asked, each status, overdue."""
    found = {"regencies": len({row.regency_code for row in rows}),
             "rounds": sum(1 for row in rows if row.round_name is not None),
             "asked": sum(row.asked for row in rows),
             "overdue": sum(row.overdue for row in rows)}
    for status in COUNTED:
        found[status] = sum(row.counts.get(status, 0) for row in rows)
    return found
