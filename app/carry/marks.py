"""What the officer's form shows beside a carried answer (pure): last year's value by key."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.questionnaires.schema import Questionnaire
from app.submissions.form.post import section_values


@dataclass(frozen=True)
class CarryMarks:
    """The earlier round's answers as carried (by page key) and what could not be carried."""

    source_name: str
    last: dict[str, object] = field(default_factory=dict)
    dropped: list[dict] = field(default_factory=list)


def last_values(questionnaire: Questionnaire, carried: dict) -> dict[str, object]:
    """Key -> the carried value, for every answer of the carried document (rows: True)."""
    values: dict[str, object] = {}
    for section in questionnaire.sections:
        values.update(section_values(section.items, carried))
    return values
