"""A default-questionnaire world with one OPD's submission taken through review:
revision 1 submitted and returned with a note, revision 2 submitted and approved."""

from dataclasses import dataclass

import pytest

from app.review import service as review
from app.submissions import service as submissions
from app.submissions.models import Submission
from tests.submissions.conftest import fast_publish  # noqa: F401 - a fixture
from tests.submissions.default_answers import default_answers
from tests.submissions.worlds import World, build_world

RETURN_NOTE = "Jumlah pegawai belum sesuai."


@dataclass
class Reviewed:
    world: World
    submission_id: int


def save_and_submit(db, world: World, answers: dict) -> Submission:
    with db.write_session() as session:
        current = submissions.find(session, round_id=world.round_a.id, opd_id=world.opd_a.id)
        saved = submissions.save_draft(
            session, round_=world.round_a, opd_id=world.opd_a.id, questionnaire=world.form,
            questionnaire_id=world.round_a.questionnaire_id, answers=answers,
            base_version=current.version if current else 0, actor=world.officer_a)
        draft = saved.submission
        return submissions.submit(session, round_=world.round_a,
                                  submission=session.get(Submission, draft.id),
                                  questionnaire=world.form, base_version=draft.version,
                                  actor=world.officer_a)


def act(db, submission_id: int, fn, **kwargs) -> Submission:
    with db.write_session() as session:
        return fn(session, submission=session.get(Submission, submission_id), **kwargs)


@pytest.fixture
def world(db, fast_publish) -> World:  # noqa: F811 - the imported fixture
    with db.write_session() as session:
        return build_world(session)


@pytest.fixture
def reviewed(db, world) -> Reviewed:
    """Revision 1 returned with RETURN_NOTE; revision 2 (30 staff) approved by the planner."""
    first = save_and_submit(db, world, default_answers())
    act(db, first.id, review.send_back, actor=world.planner, note=RETURN_NOTE)
    second = save_and_submit(db, world, {**default_answers(), "jumlah_pns": 31})
    act(db, second.id, review.approve, actor=world.planner)
    return Reviewed(world, first.id)
