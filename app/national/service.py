"""Reading every regency's rounds and progress from its own database, for the coordinator."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlmodel import Session, select

from app.accounts.models import User
from app.clock import utcnow
from app.errors import Forbidden, NotFound
from app.exports.options import ExportOptions, Format
from app.exports.service import ExportResult, export_round, submission_count
from app.national.progress import COUNTED, RegencyRound, overdue_count
from app.regencies.context import Site
from app.rounds.models import Round, RoundOpd
from app.sharing.service import shares_raw_answers
from app.submissions.models import Submission


def regency_rounds(sites: list[Site], *, now: datetime | None = None) -> list[RegencyRound]:
    """Every round of every regency (newest first within a regency); a regency without a
    round still gets a row, so the coordinator sees who has not started."""
    now = now or utcnow()
    rows: list[RegencyRound] = []
    for site in sites:
        with site.db.session() as session:
            shared = shares_raw_answers(session)
            found = _rounds(session, site, now, shared)
        rows.extend(found or [RegencyRound(site.regency.code, site.regency.name, None, None,
                                           None, None, 0, dict.fromkeys(COUNTED, 0), 0,
                                           shared)])
    return rows


def _rounds(session: Session, site: Site, now: datetime, shared: bool) -> list[RegencyRound]:
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
        found.append(RegencyRound(site.regency.code, site.regency.name, round_.id, round_.name,
                                  round_.status, round_.closes_at, len(asked), counts,
                                  overdue_count(status_of, deadlines, now), shared))
    return found




def shared_round(site: Site, *, round_id: int) -> int:
    """How many submissions the coordinator's workbook of a regency's round would hold;
    Forbidden unless the regency shares its raw answers, NotFound without the round."""
    with site.db.session() as session:
        if not shares_raw_answers(session):
            raise Forbidden("national.not_shared", regency=site.regency.name)
        if session.get(Round, round_id) is None:
            raise NotFound()
        return submission_count(session, round_id=round_id)


def shared_export(site: Site, *, round_id: int, coordinator: User, path: Path) -> ExportResult:
    """A sharing regency's workbook for the coordinator, audited in the regency's log (by name:
    the coordinator has no account there) and at home."""
    return export_round(site.db, round_id=round_id, options=ExportOptions(), fmt=Format.xlsx,
                        path=path, actor_name=f"{coordinator.username} (nasional)",
                        timezone=site.settings.timezone)
