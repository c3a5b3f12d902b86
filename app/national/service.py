"""Reading every regency's rounds and progress from its own database, for the coordinator."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import and_, case, func, literal, or_, true
from sqlmodel import select

from app.accounts.models import User
from app.clock import utcnow
from app.errors import Forbidden, NotFound
from app.exports.options import ExportOptions, Format
from app.exports.service import ExportResult, export_round, submission_count
from app.national.progress import COUNTED, RegencyRound
from app.regencies.context import Site
from app.regencies.sites import site_connections
from app.rounds.models import Round, RoundOpd
from app.sharing.models import DataSharing
from app.sharing.service import shares_raw_answers
from app.submissions.models import Submission


def regency_rounds(sites: list[Site], *, now: datetime | None = None) -> list[RegencyRound]:
    """Every round of every regency (newest first within a regency); a regency without a
    round still gets a row, so the coordinator sees who has not started. One query per
    regency: its rounds with the counts already summed by the database."""
    query = _progress_query(now or utcnow())
    rows: list[RegencyRound] = []
    with site_connections(sites) as each:
        for site, connection in each:
            found = list(connection.execute(query))
            connection.rollback()  # one short read transaction per regency
            shared = bool(found[0].shared) if found else False
            rows.extend([_row(site, item, shared) for item in found if item.id is not None] or [
                RegencyRound(site.regency.code, site.regency.name, None, None, None, None, 0,
                             dict.fromkeys(COUNTED, 0), 0, shared)])
    return rows


def _progress_query(now: datetime):
    """The regency's rounds (or one empty row without any), each with its OPDs asked, their
    submissions per status, the overdue ones, and whether the regency shares raw answers."""
    status = Submission.status
    due = func.coalesce(RoundOpd.closes_at, Round.closes_at)
    sent = status.in_(("submitted", "approved"))
    counts = [func.coalesce(func.sum(case((status == state, 1), else_=0)), 0).label(state)
              for state in COUNTED if state != "not_started"]
    shared = (select(DataSharing.raw_answers).where(DataSharing.id == 1)
              .scalar_subquery().label("shared"))
    rounds = (select(Round.id, Round.name, Round.status, Round.closes_at,
                     func.count(RoundOpd.opd_id).label("asked"),
                     func.coalesce(func.sum(case(
                         (and_(RoundOpd.opd_id.is_not(None), Submission.id.is_(None)), 1),
                         else_=0)), 0).label("not_started"),
                     *counts,
                     func.coalesce(func.sum(case(
                         (and_(RoundOpd.opd_id.is_not(None), due.is_not(None), due < now,
                               or_(status.is_(None), ~sent)), 1), else_=0)), 0).label("overdue"))
              .outerjoin(RoundOpd, RoundOpd.round_id == Round.id)
              .outerjoin(Submission, and_(Submission.round_id == RoundOpd.round_id,
                                          Submission.opd_id == RoundOpd.opd_id))
              .group_by(Round.id, Round.name, Round.status, Round.closes_at)
              .subquery())
    # A LEFT JOIN from a one-row select keeps the sharing flag when there is no round.
    return (select(shared, rounds).select_from(select(literal(1).label("one")).subquery())
            .outerjoin(rounds, true()).order_by(rounds.c.id.desc()))


def _row(site: Site, item, shared: bool) -> RegencyRound:
    counts = {state: int(getattr(item, state)) for state in COUNTED}
    return RegencyRound(site.regency.code, site.regency.name, item.id, item.name, item.status,
                        _aware(item.closes_at), int(item.asked), counts, int(item.overdue),
                        shared)


def _aware(value: datetime | None) -> datetime | None:
    """SQLite hands a bare column back naive (it is UTC)."""
    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


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
