"""The officer's Beranda: the rounds their OPD is asked in, with status and completion."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session

from app.questionnaires.answers.validate import validate_answers
from app.questionnaires.models import Questionnaire as QuestionnaireRow
from app.questionnaires.service import definition_of
from app.rounds.models import Round
from app.rounds.service import accepts_answers, asked, deadline, rounds_for_opd
from app.submissions import service
from app.submissions.completion import Completion
from app.submissions.form.defaults import initial_answers
from app.types import utcnow

NOT_STARTED = "not_started"


@dataclass(frozen=True)
class RoundCard:
    """One round on the officer's home page."""

    round: Round
    title: str
    status: str
    deadline: dt.datetime | None
    completion: Completion
    saved_at: dt.datetime | None
    accepting: bool
    not_open_yet: bool


def officer_rounds(session: Session, *, opd_id: int, lang: str, today: dt.date
                   ) -> list[RoundCard]:
    """Every open or closed round asking this OPD, newest first."""
    cards = []
    for round_ in rounds_for_opd(session, opd_id=opd_id):
        entry = asked(session, round_id=round_.id, opd_id=opd_id)
        questionnaire = definition_of(session.get(QuestionnaireRow, round_.questionnaire_id))
        submission = service.find(session, round_id=round_.id, opd_id=opd_id)
        answers = submission.answers if submission else initial_answers(questionnaire, today)
        result = validate_answers(questionnaire, answers, lang=lang, today=today, partial=True)
        cards.append(RoundCard(
            round=round_, title=questionnaire.title,
            status=submission.status if submission else NOT_STARTED,
            deadline=deadline(round_, entry), completion=Completion.of(result),
            saved_at=submission.updated_at if submission else None,
            accepting=accepts_answers(round_, entry),
            not_open_yet=bool(round_.opens_at and utcnow() < round_.opens_at)))
    return cards
