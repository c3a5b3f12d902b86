"""The planner's review comments, placed at the questions they concern.

A comment names a question by its path in the submitted revision (`kebutuhan[2].biaya`, or a
plain name). Through that revision's row ids it is tied to the row itself, so it stays with
the right row when the officer adds, removes or reorders rows afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.questionnaires.schema import Questionnaire
from app.review.models import ReviewComment
from app.submissions.completion import section_of, where
from app.submissions.form.keys import key_of_path, path_of_key


@dataclass(frozen=True)
class Remark:
    """One comment, with the question it concerns as it is now (if any)."""

    text: str
    created_at: datetime
    key: str | None
    path: str | None
    section: str | None
    where: str


def remarks(questionnaire: Questionnaire, comments: list[ReviewComment], *,
            revision_answers: dict, answers: dict, lang: str) -> list[Remark]:
    """The comments, each tied to its question (key and current path) where possible."""
    found = []
    for comment in comments:
        key = path = None
        if comment.field_path:
            key = key_of_path(comment.field_path, revision_answers)
            path = path_of_key(key, answers) if key else None
        section = section_of(questionnaire, path) if path else None
        label = where(questionnaire, path, lang) if path else ""
        found.append(Remark(comment.text, comment.created_at, key, path, section, label))
    return found


def by_key(found: list[Remark]) -> dict[str, list[str]]:
    """Key -> the texts of the comments on that question."""
    grouped: dict[str, list[str]] = {}
    for remark in found:
        if remark.key:
            grouped.setdefault(remark.key, []).append(remark.text)
    return grouped
