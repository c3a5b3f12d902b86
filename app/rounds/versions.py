"""Questionnaire versions as planners see them: the version list with each version's
compatibility result, and the upload of a new workbook with errors located by sheet/row/column.

(It lives with rounds because a round is where a version is chosen; the questionnaire engine
itself stays free of page concerns.)
"""

from dataclasses import dataclass, field

from sqlalchemy import func
from sqlmodel import Session, select

from app import audit
from app.accounts.models import User
from app.errors import NotFound
from app.questionnaires.compat import check_compatibility
from app.questionnaires.models import Questionnaire as QuestionnaireRow
from app.questionnaires.schema import Questionnaire
from app.questionnaires.service import PublishOutcome, definition_of, publish
from app.rounds.models import Round


@dataclass(frozen=True)
class Problem:
    """One problem in an uploaded workbook; sheet/row/column are None when not located."""

    message: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None


@dataclass(frozen=True)
class VersionInfo:
    """A published version and how it relates to the version before it."""

    row: QuestionnaireRow
    previous: str | None
    problems: list[str]
    added: list[str]
    removed: list[str]
    rounds: int


@dataclass
class UploadOutcome:
    """The stored version, or the problems that stopped the upload (nothing stored then)."""

    row: QuestionnaireRow | None = None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    unchanged: bool = False
    more_problems: int = 0  # beyond the problems listed
    too_large: bool = False  # refused for a size limit (HTTP 413)

    @property
    def ok(self) -> bool:
        return self.row is not None and not self.problems

    @property
    def status(self) -> int:
        """The HTTP status of a refused upload."""
        return 413 if self.too_large else 422


def upload(session: Session, *, filename: str, data: bytes, actor: User) -> UploadOutcome:
    """Publish a workbook; on failure, report problems located where the loader can. Commits."""
    outcome = publish(session, filename=filename, data=data, actor=actor)
    if outcome.ok:
        return UploadOutcome(row=outcome.row, warnings=outcome.warnings,
                             unchanged=outcome.unchanged)
    return UploadOutcome(problems=_located(outcome), warnings=outcome.warnings,
                         more_problems=outcome.more_problems, too_large=outcome.too_large)


def _located(outcome: PublishOutcome) -> list[Problem]:
    """The loader's errors keep sheet, row and column; other problems (version, compatibility)
    are plain messages."""
    if outcome.located:
        return [Problem(e.message, e.sheet, e.row, e.column) for e in outcome.located]
    return [Problem(message) for message in outcome.problems]


def version_list(session: Session) -> list[VersionInfo]:
    """Every version, grouped by form and newest first, each compared with the one before."""
    rows = session.exec(select(QuestionnaireRow).order_by(
        QuestionnaireRow.form_id, QuestionnaireRow.published_at, QuestionnaireRow.id)).all()
    uses = dict(session.exec(select(Round.questionnaire_id, func.count())
                             .group_by(Round.questionnaire_id)).all())
    infos: list[VersionInfo] = []
    previous: QuestionnaireRow | None = None
    for row in rows:
        before = previous if previous is not None and previous.form_id == row.form_id else None
        infos.append(_compare(before, row, uses.get(row.id, 0)))
        previous = row
    return sorted(infos, key=lambda i: (i.row.form_id, -i.row.published_at.timestamp()))


def _compare(before: QuestionnaireRow | None, row: QuestionnaireRow, rounds: int) -> VersionInfo:
    if before is None:
        return VersionInfo(row, None, [], [], [], rounds)
    old, new = definition_of(before), definition_of(row)
    added, removed = field_changes(old, new)
    return VersionInfo(row, before.version, check_compatibility(old, new), added, removed, rounds)


def field_changes(old: Questionnaire, new: Questionnaire) -> tuple[list[str], list[str]]:
    """(names of fields added, names of fields removed) from `old` to `new`."""
    before = [ref.question.name for ref in old.fields()]
    after = [ref.question.name for ref in new.fields()]
    return ([n for n in after if n not in set(before)], [n for n in before if n not in set(after)])


def published(session: Session) -> list[QuestionnaireRow]:
    """Every version, newest first (for choosing a round's questionnaire)."""
    query = select(QuestionnaireRow).order_by(QuestionnaireRow.published_at.desc(),
                                              QuestionnaireRow.id.desc())
    return list(session.exec(query))


def get_version(session: Session, questionnaire_id: int) -> QuestionnaireRow:
    """One version, or 404."""
    row = session.get(QuestionnaireRow, questionnaire_id)
    if row is None:
        raise NotFound("questionnaires.not_found")
    return row


def source_filename(row: QuestionnaireRow) -> str:
    """The download name: the form id and version (the uploaded name may be anything), in any
    script; separators and control characters become `_`."""
    name = f"{row.form_id}-v{row.version}"
    return "".join(c if c.isprintable() and c not in '/\\"' else "_" for c in name) + ".xlsx"


def record_download(session: Session, *, row: QuestionnaireRow, actor: User) -> None:
    """Audit a download of a version's source workbook. Commits."""
    audit.record(session, action="questionnaire.downloaded", actor=actor,
                 object_type="questionnaire", object_id=row.id, version=row.version)
    session.commit()
