"""Publishing questionnaire versions (immutable, with their source workbook) and reading them."""

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlmodel import Session, select

from app import audit
from app.accounts.models import User
from app.frameworks.binding import binding_problems
from app.frameworks.registry import load_registry
from app.questionnaires.compat import check_compatibility
from app.questionnaires.models import Questionnaire as QuestionnaireRow
from app.questionnaires.schema import Questionnaire
from app.questionnaires.xlsform import FormError, load_xlsform
from app.questionnaires.xlsform.read import LIMITS
from app.submissions.models import Submission

MAX_WORKBOOK_BYTES = LIMITS.max_bytes  # what the routes read of an upload (then refused)


@dataclass
class PublishOutcome:
    """The published (or already identical) version, or the problems that stopped it."""

    row: QuestionnaireRow | None = None
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    unchanged: bool = False
    located: list[FormError] = field(default_factory=list)  # the loader's, when it refused
    more_problems: int = 0
    too_large: bool = False

    @property
    def ok(self) -> bool:
        return self.row is not None and not self.problems


def definition_of(row: QuestionnaireRow) -> Questionnaire:
    """The typed questionnaire stored with a version (parsed once per version and process)."""
    key = (row.id, row.source_sha256)
    if key not in _definitions:
        if len(_definitions) >= 64:
            _definitions.clear()
        _definitions[key] = Questionnaire.model_validate(row.definition)
    return _definitions[key]


_definitions: dict[tuple[int | None, str], Questionnaire] = {}


def publish(
    session: Session, *, filename: str, data: bytes, actor: User | None = None
) -> PublishOutcome:
    """Check the workbook and its compatibility with earlier versions, then store it; commits."""
    loaded = load_xlsform(data, filename=filename)
    if not loaded.ok:
        return PublishOutcome(problems=[str(e) for e in loaded.errors], warnings=loaded.warnings,
                              located=loaded.errors, more_problems=loaded.more_errors,
                              too_large=loaded.too_large)
    new = loaded.questionnaire
    unbound = binding_problems(new, load_registry(session))
    if unbound:
        return PublishOutcome(problems=unbound, warnings=loaded.warnings)
    sha = hashlib.sha256(data).hexdigest()
    earlier = versions(session, form_id=new.form_id)
    same = next((row for row in earlier if row.version == new.version), None)
    if same is not None:
        if same.source_sha256 == sha:
            return PublishOutcome(row=same, warnings=loaded.warnings, unchanged=True)
        message = (f"version {new.version} of {new.form_id} is already published; "
                   "change `version` on the settings sheet")
        return PublishOutcome(problems=[message], warnings=loaded.warnings)
    problems = _incompatibilities(session, earlier, new)
    if problems:
        return PublishOutcome(problems=problems, warnings=loaded.warnings)
    row = _store(session, new, filename=filename, data=data, sha=sha, actor=actor)
    return PublishOutcome(row=row, warnings=loaded.warnings)


def _incompatibilities(session: Session, earlier: list[QuestionnaireRow],
                       new: Questionnaire) -> list[str]:
    used = used_choices(session, [row.id for row in earlier])
    problems: list[str] = []
    for row in earlier:
        for message in check_compatibility(definition_of(row), new, used_choices=used):
            if message not in problems:
                problems.append(message)
    return problems


def _store(session: Session, new: Questionnaire, *, filename: str, data: bytes, sha: str,
           actor: User | None) -> QuestionnaireRow:
    row = QuestionnaireRow(
        form_id=new.form_id, version=new.version, title=new.title, source_filename=filename[:200],
        source_workbook=data, source_sha256=sha, definition=new.model_dump(mode="json"),
        published_by_id=actor.id if actor else None,
    )
    session.add(row)
    session.flush()
    audit.record(session, action="questionnaire.published", actor=actor, actor_name="cli",
                 object_type="questionnaire", object_id=row.id, form_id=new.form_id,
                 version=new.version, sha256=sha)
    session.commit()
    return row


def versions(session: Session, *, form_id: str) -> list[QuestionnaireRow]:
    """Every published version of a form, oldest first."""
    query = select(QuestionnaireRow).where(QuestionnaireRow.form_id == form_id)
    return list(session.exec(query.order_by(QuestionnaireRow.published_at, QuestionnaireRow.id)))


def used_choices(session: Session, questionnaire_ids: list[int]) -> dict[str, set[str]]:
    """Field name -> every choice code stored in any submission of these versions."""
    used: dict[str, set[str]] = {}
    if not questionnaire_ids:
        return used
    query = select(Submission.answers).where(Submission.questionnaire_id.in_(questionnaire_ids))
    for answers in session.exec(query.execution_options(yield_per=200)):
        for name, value in _leaf_values(answers):
            codes = value if isinstance(value, list) else [value]
            used.setdefault(name, set()).update(str(c) for c in codes if c not in (None, ""))
    return used


def _leaf_values(answers: dict) -> Iterator[tuple[str, object]]:
    for name, value in answers.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            for row in value:
                yield from _leaf_values(row)
        elif not name.startswith("_"):
            yield name, value
