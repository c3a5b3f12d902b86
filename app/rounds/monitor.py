"""Reading a round's progress from the database, and bulk approval with the table's filters."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, select

from app.accounts.models import Role, User
from app.carry.service import round_stats
from app.questionnaires.answers.validate import validate_answers
from app.questionnaires.models import Questionnaire as QuestionnaireRow
from app.questionnaires.service import definition_of
from app.review.models import ReviewComment
from app.rounds.models import Round, RoundOpd
from app.rounds.progress import (
    Contact,
    ProgressFilter,
    ProgressRow,
    completion,
    count_by_status,
    filter_rows,
    is_overdue,
    kinds_of,
)
from app.rounds.service import asked_opds, deadline, list_rounds
from app.submissions import review
from app.submissions.models import Submission
from app.types import utcnow


@dataclass(frozen=True)
class BulkOutcome:
    """What a bulk approval did: approved ids, and ids skipped because they changed meanwhile."""

    approved: list[int]
    skipped: list[int]


@dataclass(frozen=True)
class RoundSummary:
    """A round for the list: its questionnaire version, OPDs asked, counts per status."""

    round: Round
    questionnaire: QuestionnaireRow
    opds: int
    counts: dict[str, int]


def summaries(session: Session) -> list[RoundSummary]:
    """Every round, newest first, with how far its OPDs are."""
    asked = dict(session.exec(select(RoundOpd.round_id, func.count())
                              .group_by(RoundOpd.round_id)).all())
    by_status: dict[int, dict[str, int]] = {}
    query = (select(Submission.round_id, Submission.status, func.count())
             .group_by(Submission.round_id, Submission.status))
    for round_id, status, count in session.exec(query):
        by_status.setdefault(round_id, {})[status] = count
    found = []
    for round_ in list_rounds(session):
        counts = count_by_status([])
        counts.update(by_status.get(round_.id, {}))
        counts["not_started"] = asked.get(round_.id, 0) - sum(by_status.get(round_.id, {}).values())
        found.append(RoundSummary(round_, session.get(QuestionnaireRow, round_.questionnaire_id),
                                  asked.get(round_.id, 0), counts))
    return found


def load_progress(session: Session, *, round_: Round, now: datetime | None = None,
                  lang: str = "id") -> list[ProgressRow]:
    """One row per OPD the round asks, ordered by OPD code."""
    now = now or utcnow()
    entries = asked_opds(session, round_id=round_.id)
    opd_ids = [opd.id for _, opd in entries]
    submissions = {s.opd_id: s for s in session.exec(
        select(Submission).where(Submission.round_id == round_.id))}
    contacts = _contacts(session, opd_ids)
    comments = _open_comments(session, [s.id for s in submissions.values()])
    forms: dict[int, object] = {}
    carried = round_stats(session, round_id=round_.id, forms=forms)
    rows = []
    for entry, opd in entries:
        submission = submissions.get(opd.id)
        status = submission.status if submission else "not_started"
        percent, missing = _completion(session, submission, status, forms, lang)
        due = deadline(round_, entry)
        rows.append(ProgressRow(
            opd_id=opd.id, opd_code=opd.code, opd_name=opd.name, opd_kind=opd.kind,
            status=status, submission_id=submission.id if submission else None,
            version=submission.version if submission else None, completion=percent,
            missing_required=missing,
            open_comments=comments.get(submission.id, 0) if submission else 0,
            last_activity=submission.updated_at if submission else None, deadline=due,
            overdue=is_overdue(status, due, now), officers=tuple(contacts.get(opd.id, ())),
            carry=carried.get(submission.id) if submission else None,
        ))
    return rows


def _completion(session: Session, submission: Submission | None, status: str,
                forms: dict[int, object], lang: str) -> tuple[int, int]:
    if submission is None or status in ("submitted", "approved"):
        return completion(status, 0, 0, False)
    if submission.questionnaire_id not in forms:
        row = session.get(QuestionnaireRow, submission.questionnaire_id)
        forms[submission.questionnaire_id] = definition_of(row)
    result = validate_answers(forms[submission.questionnaire_id], submission.answers, lang=lang)
    return completion(status, result.required_total, result.required_answered,
                      bool(submission.answers))


def _contacts(session: Session, opd_ids: list[int]) -> dict[int, list[Contact]]:
    if not opd_ids:
        return {}
    query = (select(User).where(User.role == Role.officer, User.active.is_(True),
                                User.opd_id.in_(opd_ids)).order_by(User.full_name, User.id))
    found: dict[int, list[Contact]] = {}
    for user in session.exec(query):
        found.setdefault(user.opd_id, []).append(
            Contact(name=user.full_name or user.username, phone=user.phone))
    return found


def _open_comments(session: Session, submission_ids: list[int]) -> dict[int, int]:
    if not submission_ids:
        return {}
    query = (select(ReviewComment.submission_id, func.count())
             .where(ReviewComment.submission_id.in_(submission_ids),
                    ReviewComment.resolved.is_(False))
             .group_by(ReviewComment.submission_id))
    return dict(session.exec(query).all())


@dataclass(frozen=True)
class ProgressView:
    """Everything the progress page and its JSON twin show."""

    round: Round
    questionnaire: QuestionnaireRow
    rows: list[ProgressRow]
    shown: list[ProgressRow]
    counts: dict[str, int]
    filters: ProgressFilter
    kinds: list[str]


def progress_view(session: Session, *, round_: Round, flt: ProgressFilter) -> ProgressView:
    """The round's progress: counts over every OPD asked, rows after the filters."""
    rows = load_progress(session, round_=round_)
    return ProgressView(round_, session.get(QuestionnaireRow, round_.questionnaire_id), rows,
                        filter_rows(rows, flt), count_by_status(rows), flt, kinds_of(rows))


def approve_filtered(session: Session, *, round_: Round, flt: ProgressFilter, actor: User,
                     seen: dict[int, int] | None = None) -> BulkOutcome:
    """Approve every submitted submission the filtered table shows; one commit.

    `seen` maps submission id -> the version the planner saw; a submission that changed since
    (or was not on the planner's screen) is skipped rather than approved unseen.
    """
    rows = [r for r in filter_rows(load_progress(session, round_=round_), flt)
            if r.status == "submitted"]
    chosen = [r for r in rows if seen is None or seen.get(r.submission_id) == r.version]
    skipped = [r.submission_id for r in rows if r not in chosen]
    submissions = [session.get(Submission, r.submission_id) for r in chosen]
    if submissions:
        review.approve_many(session, submissions=submissions, actor=actor,
                            round_id=round_.id, filters=flt.query())
    return BulkOutcome(approved=[s.id for s in submissions], skipped=skipped)

