"""What a round's analyses read from the database besides the answers: the framework registry
and the chosen framework, the planner's SPBE entries and target, the national applications,
the confirmed application recommendations and the walidata."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from app.accounts.models import User
from app.analyses.models import RoundAnalysis
from app.applications.models import AppDecision, NationalApp
from app.errors import BadRequest
from app.frameworks.registry import load_registry
from app.opds.models import Opd
from app.rounds.models import Round
from app.spbe.models import SpbeEntry
from reports.applications import Decision
from reports.applications import NationalApp as NationalAppData
from reports.frameworks import NATIVE, Registry
from reports.spbe import Entry


@dataclass(frozen=True)
class AnalysisContext:
    """The round's analysis settings and planner data (empty: no registry, no entries)."""

    registry: Registry = field(default_factory=Registry)
    framework: str | None = None
    """The framework deliverables are rendered under; None: the one the needs are bound to."""
    spbe_entries: tuple[Entry, ...] = ()
    spbe_target: float | None = None
    national_apps: tuple[NationalAppData, ...] = ()
    decisions: tuple[Decision, ...] = ()
    walidata: str = ""
    period: str = ""
    """The reference period MS-Var names (the round's dates)."""


def round_setting(session: Session, round_id: int) -> RoundAnalysis | None:
    """The round's analysis settings, if a planner made any."""
    return session.get(RoundAnalysis, round_id)


def load_context(session: Session, *, round_id: int, framework: str | None = None,
                 timezone: str = "Asia/Makassar") -> AnalysisContext:
    """The context of one round; `framework` overrides the round's chosen framework.

    An unknown framework code is refused (400) before anything is built.
    """
    registry = load_registry(session)
    setting = round_setting(session, round_id)
    chosen = (framework or "").strip() or (setting.framework_code if setting else None)
    if chosen and chosen != NATIVE and registry.get(chosen) is None:
        raise BadRequest("framework.unknown", code=chosen)
    round_ = session.get(Round, round_id)
    walidata = session.get(Opd, setting.walidata_opd_id) if setting and \
        setting.walidata_opd_id else None
    return AnalysisContext(
        registry=registry, framework=chosen or None,
        spbe_entries=tuple(spbe_entries(session, round_id=round_id)),
        spbe_target=setting.spbe_target if setting else None,
        national_apps=tuple(national_apps(session)),
        decisions=tuple(decisions(session, round_id=round_id)),
        walidata=walidata.name if walidata else "",
        period=_period(round_, timezone) if round_ else "")


def _period(round_: Round, timezone: str) -> str:
    zone = ZoneInfo(timezone)

    def day(when: datetime | None) -> str:
        return when.astimezone(zone).strftime("%d/%m/%Y") if when else ""

    dates = " – ".join(d for d in (day(round_.opens_at), day(round_.closes_at)) if d)
    return f"{round_.name} ({dates})" if dates else round_.name


def spbe_entries(session: Session, *, round_id: int) -> list[Entry]:
    """The planner's SPBE entries of a round, with the OPD in charge and who saved them."""
    query = (select(SpbeEntry, Opd, User).outerjoin(Opd, Opd.id == SpbeEntry.opd_id)
             .outerjoin(User, User.id == SpbeEntry.updated_by_id)
             .where(SpbeEntry.round_id == round_id).order_by(SpbeEntry.id))
    return [Entry(indicator=e.indicator, level=e.level, target=e.target, evidence=e.evidence,
                  evidence_note=e.evidence_note, opd_code=opd.code if opd else None,
                  opd_name=opd.name if opd else "", example=e.example,
                  updated_by=user.username if user else "", updated_at=e.updated_at)
            for e, opd, user in session.exec(query)]


def national_apps(session: Session, *, active_only: bool = True) -> list[NationalAppData]:
    """The national shared applications to match against."""
    query = select(NationalApp).order_by(NationalApp.id)
    if active_only:
        query = query.where(NationalApp.active.is_(True))
    return [NationalAppData(a.code, a.name, _split(a.aliases), a.function, _split(a.keywords),
                            a.owner, a.spbe_indicator)
            for a in session.exec(query)]


def decisions(session: Session, *, round_id: int) -> list[Decision]:
    """The planner's confirmed application recommendations of a round."""
    query = (select(AppDecision, User).outerjoin(User, User.id == AppDecision.decided_by_id)
             .where(AppDecision.round_id == round_id).order_by(AppDecision.id))
    return [Decision(d.submission_id, d.row_id, d.recommendation, d.note,
                     user.username if user else "", d.decided_at)
            for d, user in session.exec(query)]


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in (text or "").split(";") if part.strip())
