"""Start a round's drafts from an earlier round, and read what was carried.

Each asked OPD's draft is its last approved answers there (basis "approved"), or its latest
submitted revision (basis "submitted"), carried into the new round's questionnaire version
(mapping.py). A planner's programme updates in the earlier round (ProgrammeUpdate) travel
with the rows. Nothing here commits: the round's creation does, once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, select

from app import audit
from app.accounts.models import User
from app.carry.mapping import carry_answers
from app.carry.marks import CarryMarks, last_values
from app.carry.models import CarryForward
from app.carry.stats import CarryStats, carry_stats
from app.monev.models import ProgrammeUpdate
from app.monev.status import apply_updates
from app.questionnaires.answers.validate import validate_answers
from app.questionnaires.models import Questionnaire as QuestionnaireRow
from app.questionnaires.schema import Questionnaire
from app.questionnaires.service import definition_of
from app.review.diff import Change, diff_answers
from app.rounds.models import Round, RoundOpd
from app.submissions.models import Submission, SubmissionRevision, SubmissionStatus

BASES = ("approved", "submitted")


def source_answers(session: Session, *, round_id: int, opd_id: int, basis: str
                   ) -> tuple[Submission, SubmissionRevision] | None:
    """The earlier submission and the revision to carry, or None when there is none."""
    found = session.exec(select(Submission).where(Submission.round_id == round_id,
                                                  Submission.opd_id == opd_id)).first()
    if found is None or (basis == "approved" and found.status != SubmissionStatus.approved):
        return None
    query = (select(SubmissionRevision).where(SubmissionRevision.submission_id == found.id)
             .order_by(SubmissionRevision.number.desc()))
    revision = session.exec(query).first()
    return (found, revision) if revision is not None else None


def start_drafts(session: Session, *, round_: Round, source: Round, basis: str,
                 actor: User | None,
                 today: dt.date | None = None, lang: str = "id") -> int:
    """A carried draft for every asked OPD that has answers in `source`; no commit."""
    target = definition_of(session.get(QuestionnaireRow, round_.questionnaire_id))
    opd_ids = session.exec(select(RoundOpd.opd_id).where(RoundOpd.round_id == round_.id))
    started = 0
    for opd_id in opd_ids:
        found = source_answers(session, round_id=source.id, opd_id=opd_id, basis=basis)
        if found is not None:
            _draft(session, round_, target, *found, actor=actor, today=today, lang=lang)
            started += 1
    audit.record(session, action="round.carried", actor=actor, object_type="round",
                 object_id=round_.id, source=source.id, basis=basis, drafts=started)
    return started


def _draft(session: Session, round_: Round, target: Questionnaire, earlier: Submission,
           revision: SubmissionRevision, *, actor: User | None, today, lang: str) -> None:
    source_form = definition_of(session.get(QuestionnaireRow, revision.questionnaire_id))
    answers = with_programme_updates(session, earlier, revision.answers)
    carried = carry_answers(source_form, target, answers, lang=lang)
    result = validate_answers(target, carried.answers, lang=lang, today=today, partial=True)
    kept = result.kept()
    draft = Submission(round_id=round_.id, opd_id=earlier.opd_id,
                       questionnaire_id=round_.questionnaire_id, answers=result.answers,
                       draft_answers=kept if result.hidden or result.retired else None,
                       updated_by_id=actor.id if actor else None)
    session.add(draft)
    session.flush()
    session.add(CarryForward(submission_id=draft.id, source_submission_id=earlier.id,
                             source_revision=revision.number, answers=kept,
                             dropped=[d.as_dict() for d in carried.dropped]))


def with_programme_updates(session: Session, submission: Submission, answers: dict) -> dict:
    """The answers with the planner's latest programme status per need row applied."""
    query = (select(ProgrammeUpdate).where(ProgrammeUpdate.submission_id == submission.id)
             .order_by(ProgrammeUpdate.at, ProgrammeUpdate.id))
    updates = list(session.exec(query))
    if not updates:
        return answers
    form = definition_of(session.get(QuestionnaireRow, submission.questionnaire_id))
    return apply_updates(form, answers, updates)


def carried_for(session: Session, *, submission: Submission | None) -> CarryForward | None:
    """What a submission's draft was started from, if it was carried."""
    return session.get(CarryForward, submission.id) if submission is not None else None


def marks_for(session: Session, *, submission: Submission | None,
              questionnaire: Questionnaire) -> CarryMarks | None:
    """The carried values by key and the dropped answers, for the officer's form."""
    carried = carried_for(session, submission=submission)
    if carried is None:
        return None
    source = session.get(Submission, carried.source_submission_id)
    name = session.get(Round, source.round_id).name if source else ""
    return CarryMarks(name, last_values(questionnaire, carried.answers), list(carried.dropped))


def round_stats(session: Session, *, round_id: int,
                forms: dict[int, Questionnaire] | None = None) -> dict[int, CarryStats]:
    """Submission id -> how much was carried, confirmed and changed, for one round."""
    forms = {} if forms is None else forms
    query = (select(Submission, CarryForward)
             .join(CarryForward, CarryForward.submission_id == Submission.id)
             .where(Submission.round_id == round_id))
    stats = {}
    for submission, carried in session.exec(query):
        if submission.questionnaire_id not in forms:
            row = session.get(QuestionnaireRow, submission.questionnaire_id)
            forms[submission.questionnaire_id] = definition_of(row)
        last = last_values(forms[submission.questionnaire_id], carried.answers)
        working = submission.draft_answers if submission.draft_answers is not None \
            else submission.answers
        stats[submission.id] = carry_stats(working, last, len(carried.dropped))
    return stats


@dataclass(frozen=True)
class SinceLast:
    """What changed since the round this submission was carried from."""

    source_name: str
    changes: list[Change]
    dropped: list[dict]


def since_last(session: Session, *, submission: Submission, questionnaire: Questionnaire,
               lang: str) -> SinceLast | None:
    """The review's "changed since the last round": the carried answers against today's
    (rows matched by id), and what could not be carried; None when nothing was carried."""
    marks = marks_for(session, submission=submission, questionnaire=questionnaire)
    if marks is None:
        return None
    carried = carried_for(session, submission=submission)
    changes = diff_answers(questionnaire, carried.answers, submission.answers, lang)
    return SinceLast(marks.source_name, changes, marks.dropped)
