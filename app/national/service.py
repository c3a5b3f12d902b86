"""Reading every regency's rounds and progress from its own database, for the coordinator."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from app.clock import utcnow
from app.national.progress import COUNTED, RegencyRound, overdue_count
from app.regencies.context import Site
from app.rounds.models import Round, RoundOpd
from app.submissions.models import Submission


def regency_rounds(sites: list[Site], *, now: datetime | None = None) -> list[RegencyRound]:
    """Every round of every regency (newest first within a regency); a regency without a
    round still gets a row, so the coordinator sees who has not started."""
    now = now or utcnow()
    rows: list[RegencyRound] = []
    for site in sites:
        with site.db.session() as session:
            found = _rounds(session, site, now)
        rows.extend(found or [RegencyRound(site.regency.code, site.regency.name, None, None,
                                           None, 0, dict.fromkeys(COUNTED, 0), 0)])
    return rows


def _rounds(session: Session, site: Site, now: datetime) -> list[RegencyRound]:
    rounds = session.exec(select(Round).order_by(Round.id.desc())).all()
    if not rounds:
        return []
    statuses: dict[tuple[int, int], str] = {
        (round_id, opd_id): status for round_id, opd_id, status in session.exec(
            select(Submission.round_id, Submission.opd_id, Submission.status))}
    entries: dict[int, list[RoundOpd]] = {}
    for entry in session.exec(select(RoundOpd)):
        entries.setdefault(entry.round_id, []).append(entry)
    found = []
    for round_ in rounds:
        asked = entries.get(round_.id, [])
        status_of = [statuses.get((round_.id, entry.opd_id), "not_started") for entry in asked]
        counts = dict.fromkeys(COUNTED, 0)
        for status in status_of:
            counts[status] = counts.get(status, 0) + 1
        deadlines = [entry.closes_at or round_.closes_at for entry in asked]
        found.append(RegencyRound(site.regency.code, site.regency.name, round_.name,
                                  round_.status, round_.closes_at, len(asked), counts,
                                  overdue_count(status_of, deadlines, now)))
    return found


