"""Reading every regency's rounds and progress from its own database, for the coordinator."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import MetaData, Table, and_, case, func, literal, literal_column, or_, true
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

SCHEMA_MARK = "regency_schema_mark"
SITE_MARK = "'site-mark'"


def regency_rounds(sites: list[Site], *, now: datetime | None = None) -> list[RegencyRound]:
    """Every round of every regency (newest first within a regency); a regency without a
    round still gets a row, so the coordinator sees who has not started.

    The database sums the counts: on PostgreSQL one statement for every regency's schema (a
    UNION ALL of the same query per schema, one round trip), on SQLite one query per file."""
    now = now or utcnow()
    found: list[tuple[int, object]] = []
    with site_connections(sites) as each:
        pairs = list(each)
        on_server = [(n, conn) for n, (site, conn) in enumerate(pairs) if not site.db.is_sqlite]
        if on_server:
            found += _on_server([(n, pairs[n][0]) for n, _ in on_server], on_server[0][1], now)
        query = _progress_query(now, _tables(None))
        for n, (site, connection) in enumerate(pairs):
            if site.db.is_sqlite:
                found += [(n, item) for item in connection.execute(query)]
                connection.rollback()
    by_site: dict[int, list] = {}
    for n, item in found:
        by_site.setdefault(n, []).append(item)
    rows: list[RegencyRound] = []
    for n, (site, _conn) in enumerate(pairs):
        items = sorted(by_site.get(n, []), key=lambda item: -(item.id or 0))
        shared = bool(items[0].shared) if items else False
        rows.extend([_row(site, item, shared) for item in items if item.id is not None] or [
            RegencyRound(site.regency.code, site.regency.name, None, None, None, None, 0,
                         dict.fromkeys(COUNTED, 0), 0, shared)])
    return rows


def _on_server(sites: list[tuple[int, Site]], connection, now: datetime) -> list:
    """Every PostgreSQL regency's rows in one statement: the query compiled once against a
    placeholder schema, then repeated per regency schema (names made by the code: digits)."""
    compiled = _progress_query(now, _tables(SCHEMA_MARK), site=True).compile(
        dialect=connection.dialect)
    sql = str(compiled)
    parts = []
    for number, site in sites:
        prefix = f'"{site.db.schema}".' if site.db.schema else ""
        parts.append("(" + sql.replace(f"{SCHEMA_MARK}.", prefix)
                     .replace(SITE_MARK, f"'{number}'") + ")")
    rows = list(connection.exec_driver_sql("\nUNION ALL\n".join(parts), compiled.params))
    connection.rollback()
    return [(int(item.site), item) for item in rows]


def _tables(schema: str | None) -> dict[str, Table]:
    """The tables the progress reads, as they are or copied into `schema` (for compiling)."""
    tables = {"round": Round.__table__, "round_opd": RoundOpd.__table__,
              "submission": Submission.__table__, "sharing": DataSharing.__table__}
    if schema is None:
        return tables
    meta = MetaData()
    return {key: table.to_metadata(meta, schema=schema) for key, table in tables.items()}


def _progress_query(now: datetime, t: dict[str, Table], site: bool = False):
    """The regency's rounds (or one empty row without any), each with its OPDs asked, their
    submissions per status, the overdue ones, and whether the regency shares raw answers."""
    round_, asked, submission = t["round"].c, t["round_opd"].c, t["submission"].c
    status = submission.status
    due = func.coalesce(asked.closes_at, round_.closes_at)
    sent = or_(status == "submitted", status == "approved")  # no IN: the SQL is reused as text
    counts = [func.coalesce(func.sum(case((status == state, 1), else_=0)), 0).label(state)
              for state in COUNTED if state != "not_started"]
    shared = (select(t["sharing"].c.raw_answers).where(t["sharing"].c.id == 1)
              .scalar_subquery().label("shared"))
    rounds = (select(round_.id, round_.name, round_.status, round_.closes_at,
                     func.count(asked.opd_id).label("asked"),
                     func.coalesce(func.sum(case(
                         (and_(asked.opd_id.is_not(None), submission.id.is_(None)), 1),
                         else_=0)), 0).label("not_started"),
                     *counts,
                     func.coalesce(func.sum(case(
                         (and_(asked.opd_id.is_not(None), due.is_not(None), due < now,
                               or_(status.is_(None), ~sent)), 1), else_=0)), 0).label("overdue"))
              .select_from(t["round"])
              .outerjoin(t["round_opd"], asked.round_id == round_.id)
              .outerjoin(t["submission"], and_(submission.round_id == asked.round_id,
                                               submission.opd_id == asked.opd_id))
              .group_by(round_.id, round_.name, round_.status, round_.closes_at)
              .subquery())
    marker = [literal_column(SITE_MARK).label("site")] if site else []
    # A LEFT JOIN from a one-row select keeps the sharing flag when there is no round.
    return (select(*marker, shared, rounds)
            .select_from(select(literal(1).label("one")).subquery())
            .outerjoin(rounds, true()))


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
