"""Template contexts of the officer pages, built from pure parts (no database access here)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.carry.marks import CarryMarks
from app.dossier.code import verification_code
from app.questionnaires.answers.document import ROW_ID
from app.questionnaires.messages import message
from app.questionnaires.schema import Questionnaire, Repeat, Section, text_in
from app.submissions.access import OfficerRound
from app.submissions.completion import Completion, section_of
from app.submissions.form import view as form_view
from app.submissions.form.logic import logic_json
from app.submissions.form.remarks import Remark, by_key
from app.submissions.models import SubmissionRevision
from app.types import utcnow

STATUS_KEYS = {
    "not_started": "form.status_not_started",
    "draft": "form.status_draft",
    "submitted": "form.status_submitted",
    "needs_revision": "form.status_needs_revision",
    "approved": "form.status_approved",
}
JS_MESSAGES = ("saving", "saved", "failed", "offline", "closed", "session", "invalid_number",
               "invalid_integer", "conflict_auto", "conflict_title", "conflict_other",
               "conflict_use", "conflict_keep", "conflict_row", "conflict_submitted",
               "confirm_remove", "unsaved_submit", "progress", "missing", "status_draft",
               "conflict", "refused", "offline_retry", "nav_conflict", "nav_offline")
BOUND_MESSAGES = ("text_invalid", "too_long", "number_range", "number_digits", "date_range")
"""The boundary's own messages (app/questionnaires/messages.py), so the browser says the same."""


@dataclass
class NavItem:
    """One step of the form in the section list."""

    name: str
    label: str
    number: int
    relevant: bool
    missing: int
    current: bool
    href: str


@dataclass
class Screen:
    """What every officer page shows about the round."""

    ctx: OfficerRound
    questionnaire: Questionnaire
    lang: str
    today: dt.date
    tz: str = "Asia/Makassar"
    carry: CarryMarks | None = None
    """What this draft was carried from (app/carry/), shown beside the answers."""
    form_url: str = field(init=False)

    def __post_init__(self) -> None:
        self.form_url = f"/rounds/{self.ctx.round.id}/form"

    def text(self, texts: dict[str, str]) -> str:
        return text_in(texts, self.lang, self.questionnaire.default_language)

    def base(self, completion: Completion) -> dict:
        """Context shared by the form, review, read-only, receipt and print pages."""
        ctx = self.ctx
        opens = ctx.round.opens_at
        return {"round": ctx.round, "opd": ctx.opd, "status": ctx.status,
                "not_open_yet": bool(opens and utcnow() < opens),
                "status_key": STATUS_KEYS[ctx.status], "deadline": ctx.deadline,
                "accepting": ctx.accepting, "editable": ctx.editable,
                "title": self.questionnaire.title, "completion": completion,
                "form_url": self.form_url, "submission": ctx.submission, "carry": self.carry}

    def nav(self, cleaned: dict, current: str | None, missing: dict[str, int]) -> list[NavItem]:
        """The section list, with what is still missing in each."""
        return [NavItem(s.name, self.text(s.label), number, self.relevant(s, cleaned),
                        missing.get(s.name, 0), s.name == current,
                        f"{self.form_url}?section={s.name}")
                for number, s in enumerate(self.questionnaire.sections, start=1)]

    def section_of(self, path: str) -> str | None:
        """The section a field path belongs to."""
        return section_of(self.questionnaire, path)

    def relevant(self, section: Section, cleaned: dict) -> bool:
        return form_view.section_relevant(self.questionnaire, section, cleaned, self.today)

    def items(self, section: Section, shown: dict, cleaned: dict, errors: dict[str, str],
              remarks: list[Remark], elsewhere: dict[str, object] | None = None) -> list:
        return form_view.section_view(self.questionnaire, section, shown=shown, cleaned=cleaned,
                                      errors=errors, comments=by_key(remarks), lang=self.lang,
                                      today=self.today, elsewhere=elsewhere,
                                      carried=self.carry.last if self.carry else None)

    def state(self, answers: dict, version: int, section: str | None, _) -> dict:
        """The JSON the form script starts from."""
        ctx = self.ctx
        saved_at = ctx.submission.updated_at.isoformat() if ctx.submission else None
        return {"round": ctx.round.id, "user": ctx.principal.user.id, "version": version,
                "status": ctx.status, "answers": answers, "today": self.today.isoformat(),
                "lang": self.lang, "tz": self.tz, "saved_at": saved_at, "section": section,
                "editable": ctx.editable,
                "save": f"/api/v1/rounds/{ctx.round.id}/submission",
                "messages": {**{key: _(f"form.js_{key}") for key in JS_MESSAGES},
                             **{key: message(key, self.lang, limit="{limit}")
                                for key in BOUND_MESSAGES}}}

    def logic(self):
        return logic_json(self.questionnaire, self.lang)


def pick_section(questionnaire: Questionnaire, name: str | None) -> Section:
    """The section asked for, else the first one."""
    return next((s for s in questionnaire.sections if s.name == name), questionnaire.sections[0])


def neighbours(nav: list[NavItem], current: str) -> tuple[NavItem | None, NavItem | None]:
    """The previous and next sections that apply (None at either end)."""
    steps = [item for item in nav if item.relevant or item.name == current]
    at = next(i for i, item in enumerate(steps) if item.name == current)
    before = steps[at - 1] if at > 0 else None
    after = steps[at + 1] if at + 1 < len(steps) else None
    return before, after


def section_errors(questionnaire: Questionnaire, errors: dict[str, str], section: str
                   ) -> dict[str, str]:
    """The errors that belong to one section."""
    return {path: text for path, text in errors.items()
            if section_of(questionnaire, path) == section}


@dataclass(frozen=True)
class Receipt:
    """What the receipt shows about one submitted version."""

    code: str
    number: int
    submitted_at: dt.datetime | None
    answered: int
    rows: list[tuple[str, int]]


def receipt(questionnaire: Questionnaire, opd_code: str, round_id: int,
            revision: SubmissionRevision, lang: str) -> Receipt:
    """A receipt: a short code that a printout can be checked against, and a summary."""
    digest = (revision.answers_sha256 or verification_code(revision.answers))[:8].upper()
    code = f"{round_id}-{opd_code}-{revision.number}-{digest}"
    rows = [(text_in(loc.element.label, lang, questionnaire.default_language),
             len(revision.answers.get(loc.element.name) or []))
            for loc in questionnaire.walk()
            if isinstance(loc.element, Repeat) and not loc.repeat_path]
    answered = sum(1 for key, value in _leaves(revision.answers) if key != ROW_ID and value)
    return Receipt(code, revision.number, revision.created_at, answered, rows)


def _leaves(answers: dict):
    for key, value in answers.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            for row in value:
                yield from _leaves(row)
        else:
            yield key, value
