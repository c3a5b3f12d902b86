"""Saving a planner's SPBE entry (level, target, evidence, OPD in charge) and the round's target
index; every change commits once and is an audit event with the values before and after."""

from __future__ import annotations

from sqlmodel import Session, select

from app import audit
from app.accounts.models import User
from app.analyses.fields import SPBE_FRAMEWORK
from app.errors import Invalid, NotFound
from app.frameworks.registry import load_registry
from app.frameworks.service import save_round_setting
from app.opds.models import Opd
from app.rounds.models import Round
from app.spbe.models import SpbeEntry
from app.types import utcnow
from reports.spbe import EVIDENCE

LEVELS = range(0, 6)
ENTRY_FIELDS = ("level", "target", "evidence", "evidence_note", "opd_id")


def indicator_codes(session: Session, framework: str = SPBE_FRAMEWORK) -> list[str]:
    """The indicator codes of the SPBE framework, in order."""
    found = load_registry(session).get(framework)
    return [node.code for node in found.leaves("indicator")] if found else []


def entry_problems(level: int | None, target: int | None, evidence: str,
                   opd: Opd | None, opd_code: str) -> dict[str, str]:
    """Field -> message key of what cannot be saved."""
    problems = {}
    if level is not None and level not in LEVELS:
        problems["level"] = "spbe.level_range"
    if target is not None and target not in LEVELS:
        problems["target"] = "spbe.level_range"
    if evidence and evidence not in EVIDENCE:
        problems["evidence"] = "spbe.evidence_unknown"
    if opd_code and opd is None:
        problems["opd_code"] = "spbe.opd_unknown"
    return problems


def save_entry(session: Session, *, round_: Round, indicator: str, level: int | None,
               target: int | None, evidence: str = "", evidence_note: str = "",
               opd_code: str = "", actor: User | None) -> SpbeEntry:
    """Store the planner's entry for one indicator of the round (replacing the earlier one)."""
    if indicator not in indicator_codes(session):
        raise NotFound("spbe.indicator_not_found")
    opd_code = opd_code.strip()
    opd = session.exec(select(Opd).where(Opd.code == opd_code)).first() if opd_code else None
    problems = entry_problems(level, target, evidence, opd, opd_code)
    if problems:
        raise Invalid(detail={"fields": problems})
    entry = session.exec(select(SpbeEntry).where(SpbeEntry.round_id == round_.id,
                                                 SpbeEntry.indicator == indicator)).first()
    before = {k: getattr(entry, k) for k in ENTRY_FIELDS} if entry else None
    entry = entry or SpbeEntry(round_id=round_.id, indicator=indicator)
    entry.level, entry.target, entry.evidence = level, target, evidence
    entry.evidence_note, entry.opd_id = evidence_note.strip()[:1000], opd.id if opd else None
    entry.example, entry.updated_at = False, utcnow()
    entry.updated_by_id = actor.id if actor else None
    session.add(entry)
    session.flush()
    audit.record(session, action="spbe.entry_saved", actor=actor, object_type="round",
                 object_id=round_.id, indicator=indicator, before=before,
                 after={k: getattr(entry, k) for k in ENTRY_FIELDS})
    session.commit()
    return entry


def parse_target(text: str) -> float | None:
    """A target index written 3,13 or 3.13 (blank: none); ValueError when it is not 0–5."""
    text = (text or "").strip().replace(",", ".")
    if not text:
        return None
    value = float(text)
    if not 0 < value <= 5:
        raise ValueError(text)
    return round(value, 3)


def save_target(session: Session, *, round_: Round, target: float | None,
                actor: User | None) -> None:
    """The round's target SPBE index (e.g. the RPJPD's 3,13)."""
    save_round_setting(session, round_=round_, actor=actor, spbe_target=target)
