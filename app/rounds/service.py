"""Creating, opening and closing rounds, and which OPDs each round asks."""

from datetime import date, datetime

from sqlmodel import Session, select

from app import audit
from app.accounts.models import User
from app.carry import service as carry
from app.errors import Conflict, Invalid, NotFound
from app.opds.models import Opd
from app.questionnaires.models import Questionnaire as QuestionnaireRow
from app.rounds.models import Round, RoundOpd, RoundStatus
from app.types import utcnow


def create_round(
    session: Session,
    *,
    name: str,
    questionnaire_id: int,
    opd_ids: list[int] | None = None,
    opens_at: datetime | None = None,
    closes_at: datetime | None = None,
    actor: User | None = None,
    carry_from_id: int | None = None,
    carry_basis: str = "approved",
    today: date | None = None,
) -> Round:
    """A new round in draft; `opd_ids=None` asks every active OPD. Commits.

    With `carry_from_id`, each asked OPD's draft starts from its answers in that earlier round
    (app/carry/): the last approved ones, or with `carry_basis="submitted"` the latest sent.
    """
    problems = {}
    if not name.strip():
        problems["name"] = "round.name_required"
    if session.get(QuestionnaireRow, questionnaire_id) is None:
        problems["questionnaire_id"] = "round.questionnaire_unknown"
    if opens_at and closes_at and closes_at <= opens_at:
        problems["closes_at"] = "round.closes_before_opens"
    if opd_ids and _unknown_opds(session, opd_ids):
        problems["opd_ids"] = "round.opd_unknown"
    if carry_from_id is not None and session.get(Round, carry_from_id) is None:
        problems["carry_from_id"] = "round.carry_unknown"
    if carry_basis not in carry.BASES:
        problems["carry_basis"] = "round.carry_basis_unknown"
    if problems:
        raise Invalid(detail={"fields": problems})
    round_ = Round(name=name.strip()[:200], questionnaire_id=questionnaire_id,
                   opens_at=opens_at, closes_at=closes_at, carry_from_id=carry_from_id,
                   carry_basis=carry_basis if carry_from_id is not None else None)
    session.add(round_)
    session.flush()
    asked = opd_ids if opd_ids is not None else _active_opd_ids(session)
    session.add_all(RoundOpd(round_id=round_.id, opd_id=opd_id) for opd_id in sorted(set(asked)))
    audit.record(session, action="round.created", actor=actor, object_type="round",
                 object_id=round_.id, name=round_.name, opds=len(set(asked)))
    if carry_from_id is not None:
        session.flush()
        carry.start_drafts(session, round_=round_, source=session.get(Round, carry_from_id),
                           basis=carry_basis, actor=actor, today=today)
    session.commit()
    return round_


def _active_opd_ids(session: Session) -> list[int]:
    return list(session.exec(select(Opd.id).where(Opd.active.is_(True))))


def _unknown_opds(session: Session, opd_ids: list[int]) -> set[int]:
    known = set(session.exec(select(Opd.id).where(Opd.id.in_(set(opd_ids)))))
    return set(opd_ids) - known


def set_status(session: Session, *, round_: Round, status: RoundStatus,
               actor: User | None = None) -> Round:
    """Open or close a round (a closed round accepts no saves); commits."""
    allowed = {RoundStatus.draft: {RoundStatus.open}, RoundStatus.open: {RoundStatus.closed},
               RoundStatus.closed: {RoundStatus.open}}
    if status not in allowed[RoundStatus(round_.status)]:
        raise Conflict("round.bad_transition", status_from=round_.status, status_to=status)
    before, round_.status = round_.status, status.value
    session.add(round_)
    audit.record(session, action=f"round.{status.value}", actor=actor, object_type="round",
                 object_id=round_.id, before=before, after=status.value)
    session.commit()
    return round_


def asked(session: Session, *, round_id: int, opd_id: int) -> RoundOpd | None:
    """The round's entry for this OPD, or None when the OPD is not asked."""
    return session.get(RoundOpd, (round_id, opd_id))


def deadline(round_: Round, entry: RoundOpd | None) -> datetime | None:
    """When this OPD's answers are due: its own extension, else the round's close date."""
    return entry.closes_at if entry and entry.closes_at else round_.closes_at


def accepts_answers(round_: Round, entry: RoundOpd | None, now: datetime | None = None) -> bool:
    """True while the round is open for this OPD (open status, asked, before its deadline)."""
    now = now or utcnow()
    if round_.status != RoundStatus.open or entry is None:
        return False
    if round_.opens_at and now < round_.opens_at:
        return False
    due = deadline(round_, entry)
    return due is None or now <= due


def extend_deadline(session: Session, *, round_: Round, opd_id: int, closes_at: datetime,
                    actor: User | None = None) -> RoundOpd:
    """Give one OPD a later deadline; commits."""
    entry = asked(session, round_id=round_.id, opd_id=opd_id)
    if entry is None:
        raise NotFound("round.opd_not_asked")
    if closes_at <= utcnow():
        raise Invalid(detail={"fields": {"closes_at": "round.deadline_past"}})
    entry.closes_at = closes_at
    session.add(entry)
    audit.record(session, action="round.deadline_extended", actor=actor, object_type="round",
                 object_id=round_.id, opd_id=opd_id, closes_at=closes_at.isoformat())
    session.commit()
    return entry


def rounds_for_opd(session: Session, *, opd_id: int) -> list[Round]:
    """The rounds (not drafts) that ask this OPD, newest first."""
    query = (select(Round).join(RoundOpd, RoundOpd.round_id == Round.id)
             .where(RoundOpd.opd_id == opd_id, Round.status != RoundStatus.draft)
             .order_by(Round.created_at.desc(), Round.id.desc()))
    return list(session.exec(query))


def list_rounds(session: Session) -> list[Round]:
    """Every round, newest first."""
    return list(session.exec(select(Round).order_by(Round.created_at.desc(), Round.id.desc())))


def get_round(session: Session, round_id: int) -> Round:
    """The round with this id, or 404."""
    round_ = session.get(Round, round_id)
    if round_ is None:
        raise NotFound("round.not_found")
    return round_


def asked_opds(session: Session, *, round_id: int) -> list[tuple[RoundOpd, Opd]]:
    """The OPDs a round asks, with their entries, ordered by code."""
    query = (select(RoundOpd, Opd).join(Opd, Opd.id == RoundOpd.opd_id)
             .where(RoundOpd.round_id == round_id).order_by(Opd.code))
    return list(session.exec(query))
