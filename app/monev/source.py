"""What a round's monev and year-on-year outputs read from the database.

The previous round is the one this round was carried from (Round.carry_from_id); its figures
come from the answers it carried (the last approved, or the latest submitted, per OPD).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session, select

from app.carry.service import source_answers
from app.monev.figures import key_figures
from app.monev.service import updates_of
from app.opds.models import Opd
from app.questionnaires.models import Questionnaire as QuestionnaireRow
from app.questionnaires.schema import Questionnaire, Repeat
from app.questionnaires.service import definition_of
from app.rounds.models import Round
from app.submissions.models import Submission


@dataclass
class AnnualInput:
    """The planner's programme updates of the round, and the previous round's figures."""

    updates: dict[int, list] = field(default_factory=dict)
    previous_name: str | None = None
    previous: dict[str, tuple[str, dict]] = field(default_factory=dict)
    """OPD code -> (name, figure code -> value) in the previous round."""


def repeat_paths(form: Questionnaire) -> dict[str, tuple[str, ...]]:
    """Repeat name -> its path, for the figures that count rows."""
    return {loc.element.name: (*loc.repeat_path, loc.element.name)
            for loc in form.walk() if isinstance(loc.element, Repeat)}


def annual_input(session: Session, *, round_: Round) -> AnnualInput:
    """The round's programme updates and, when it was carried, the previous round's figures."""
    ids = list(session.exec(select(Submission.id).where(Submission.round_id == round_.id)))
    found = AnnualInput(updates=updates_of(session, submission_ids=ids))
    previous = session.get(Round, round_.carry_from_id) if round_.carry_from_id else None
    if previous is not None:
        found.previous_name = previous.name
        found.previous = previous_figures(session, source=previous,
                                          basis=round_.carry_basis or "approved")
    return found


def previous_figures(session: Session, *, source: Round, basis: str
                     ) -> dict[str, tuple[str, dict]]:
    """OPD code -> (name, figures) of every OPD with answers to carry in `source`."""
    forms: dict[int, Questionnaire] = {}
    figures = {}
    query = select(Opd).join(Submission, Submission.opd_id == Opd.id) \
        .where(Submission.round_id == source.id).order_by(Opd.code)
    for opd in session.exec(query):
        found = source_answers(session, round_id=source.id, opd_id=opd.id, basis=basis)
        if found is None:
            continue
        revision = found[1]
        if revision.questionnaire_id not in forms:
            row = session.get(QuestionnaireRow, revision.questionnaire_id)
            forms[revision.questionnaire_id] = definition_of(row)
        paths = repeat_paths(forms[revision.questionnaire_id])
        figures[opd.code] = (opd.name, key_figures(revision.answers, paths))
    return figures
