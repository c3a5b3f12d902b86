"""The default questionnaire published in open rounds, for service, HTTP and browser tests."""

from dataclasses import dataclass
from functools import lru_cache

from sqlmodel import Session

from app.accounts.models import User
from app.opds.models import Opd
from app.questionnaires.schema import Questionnaire
from app.questionnaires.service import definition_of, publish
from app.questionnaires.xlsform import load_xlsform
from app.rounds.models import Round, RoundStatus
from app.rounds.service import create_round, set_status
from tests.submissions.default_answers import DEFAULT_WORKBOOK
from tests.support.factories import make_opd, make_user


@lru_cache(maxsize=8)
def load_once(data: bytes, filename: str):
    """load_xlsform once per test session per workbook (pyxform takes ~0.3 s per read)."""
    return load_xlsform(data, filename=filename)


@dataclass
class World:
    """Two OPDs, an officer each, a planner, and an open round per OPD on the default form."""

    opd_a: Opd
    opd_b: Opd
    officer_a: User
    officer_b: User
    planner: User
    round_a: Round
    round_b: Round
    form: Questionnaire


def open_round(session: Session, questionnaire_id: int, name: str, opds: list[Opd]) -> Round:
    """A round asking `opds`, opened."""
    round_ = create_round(session, name=name, questionnaire_id=questionnaire_id,
                          opd_ids=[opd.id for opd in opds])
    return set_status(session, round_=round_, status=RoundStatus.open)


def build_world(session: Session) -> World:
    """The default questionnaire published, and one open round for each of two OPDs."""
    opd_a, opd_b = make_opd(session, "OPD-A", "Dinas A"), make_opd(session, "OPD-B", "Dinas B")
    officer_a = make_user(session, "officer_a", "officer", "OPD-A")
    officer_b = make_user(session, "officer_b", "officer", "OPD-B")
    planner = make_user(session, "planner", "planner")
    outcome = publish(session, filename=DEFAULT_WORKBOOK.name, data=DEFAULT_WORKBOOK.read_bytes())
    assert outcome.ok, outcome.problems
    round_a = open_round(session, outcome.row.id, "Periode 2026", [opd_a])
    round_b = open_round(session, outcome.row.id, "Periode Dinas B", [opd_b])
    return World(opd_a, opd_b, officer_a, officer_b, planner, round_a, round_b,
                 definition_of(outcome.row))
