"""Load-or-404 for officer routes: the round must ask the caller's own OPD.

The OPD always comes from the signed-in account, never from the request, so an officer can
reach only their own OPD's submission; any other round answers 404, as if it did not exist.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Annotated

from fastapi import Depends, Request
from sqlmodel import Session, select

from app import clock
from app.accounts.models import Role
from app.auth.policy import Principal, require
from app.db import Database
from app.deps import DatabaseDep, SessionDep
from app.errors import NotFound
from app.opds.models import Opd
from app.questionnaires.models import Questionnaire as QuestionnaireRow
from app.questionnaires.schema import Questionnaire
from app.questionnaires.service import definition_of
from app.regencies.context import site_of
from app.rounds.models import Round, RoundOpd, RoundStatus
from app.rounds.service import accepts_answers, deadline
from app.submissions import service
from app.submissions.models import Submission, SubmissionStatus
from app.types import DbId

NOT_STARTED = "not_started"
officers = require(Role.officer)
OfficerDep = Annotated[Principal, Depends(officers)]


@dataclass
class OfficerRound:
    """The round as the caller's OPD sees it, with its questionnaire and submission (if any)."""

    principal: Principal
    round: Round
    entry: RoundOpd
    opd: Opd
    questionnaire: Questionnaire
    session: Session = field(repr=False)
    db: Database = field(repr=False)

    @cached_property
    def submission(self) -> Submission | None:
        """The OPD's submission in this round, read when first needed (a save needs none)."""
        with self.db.session() as reading:
            found = service.find(reading, round_id=self.round.id, opd_id=self.opd.id)
        return self.session.merge(found, load=False) if found else None

    @property
    def status(self) -> str:
        return self.submission.status if self.submission else NOT_STARTED

    @property
    def version(self) -> int:
        return self.submission.version if self.submission else 0

    @property
    def answers(self) -> dict:
        """The officer's whole draft (with answers kept for questions hidden right now)."""
        return service.working_answers(self.submission) if self.submission else {}

    @property
    def accepting(self) -> bool:
        """Whether the round still takes answers from this OPD."""
        return accepts_answers(self.round, self.entry)

    @property
    def editable(self) -> bool:
        """Whether the officer may change the answers now."""
        editable = (NOT_STARTED, SubmissionStatus.draft, SubmissionStatus.needs_revision)
        return self.accepting and self.status in editable

    @property
    def deadline(self) -> dt.datetime | None:
        return deadline(self.round, self.entry)


async def _policy_checked(session: SessionDep, principal: OfficerDep) -> Principal:
    """End the transaction the policy began, here on the event loop, not in a worker thread.

    On SQLite a write transaction holds the process's write lock from its first query; held
    while this request waits for the next worker thread, it could deadlock every worker
    (each blocked on the lock). Ending a transaction that only read is instant.
    """
    session.commit()
    return principal


def officer_round(round_id: DbId, session: SessionDep, db: DatabaseDep,
                  principal: Annotated[Principal, Depends(_policy_checked)]) -> OfficerRound:
    """The round if it asks the caller's OPD (and is not a draft); 404 otherwise."""
    opd_id = principal.user.opd_id
    if opd_id is None:
        raise NotFound()
    # Read on a read session: on SQLite the request's own (write) session would take the
    # database's write lock for these reads, and every other officer's save would wait on it.
    with db.session() as reading:
        found = reading.exec(_round_query(round_id, opd_id)).first()
        if found is None:
            raise NotFound()
        round_, entry, opd, sha = found
        questionnaire = _questionnaire(reading, round_.questionnaire_id, sha)
    # Known to the request's session without a query (save_draft looks the entry up there).
    round_, entry, opd = (session.merge(obj, load=False) for obj in (round_, entry, opd))
    return OfficerRound(principal, round_, entry, opd, questionnaire, session, db)


def _round_query(round_id: int, opd_id: int):
    return (select(Round, RoundOpd, Opd, QuestionnaireRow.source_sha256)
            .join(RoundOpd, RoundOpd.round_id == Round.id)
            .join(Opd, Opd.id == RoundOpd.opd_id)
            .join(QuestionnaireRow, QuestionnaireRow.id == Round.questionnaire_id)
            .where(Round.id == round_id, RoundOpd.opd_id == opd_id,
                   Round.status != RoundStatus.draft))


def _questionnaire(session: Session, questionnaire_id: int, sha: str) -> Questionnaire:
    """The typed questionnaire of a version, parsed once per version and process."""
    key = (questionnaire_id, sha)
    if key not in _typed:
        if len(_typed) >= 32:
            _typed.clear()
        _typed[key] = definition_of(session.get(QuestionnaireRow, questionnaire_id))
    return _typed[key]


_typed: dict[tuple[int, str], Questionnaire] = {}


OfficerRoundDep = Annotated[OfficerRound, Depends(officer_round)]


def local_today(request: Request) -> dt.date:
    """Today in the service's time zone (WITA by default), as the form's today() sees it."""
    return clock.local_today(site_of(request).settings.timezone)
