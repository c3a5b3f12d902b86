"""Field-level differences between two revisions of a submission (pure).

Repeat rows are matched by their `_id`, not their position: deleting the first of five needs
shows one removed row, not five changed ones.
"""

from dataclasses import dataclass

from app.questionnaires.schema import Questionnaire
from app.review.layout import flatten


@dataclass(frozen=True)
class Change:
    """One question whose answer differs: kind is "added", "removed" or "changed"."""

    path: str
    label: str
    before: str
    after: str
    kind: str


def diff_answers(form: Questionnaire, old: dict, new: dict, lang: str) -> list[Change]:
    """What changed from `old` to `new`, in the order of the newer document."""
    before, after = flatten(form, old, lang), flatten(form, new, lang)
    changes = []
    for key, cell in after.items():
        prev = before.get(key)
        if prev is None or _empty(prev.value):
            if not _empty(cell.value):
                changes.append(Change(cell.path, cell.label, "", cell.text, "added"))
        elif _empty(cell.value):
            changes.append(Change(cell.path, cell.label, prev.text, "", "removed"))
        elif prev.value != cell.value:
            changes.append(Change(cell.path, cell.label, prev.text, cell.text, "changed"))
    for key, cell in before.items():
        if key not in after and not _empty(cell.value):
            changes.append(Change(cell.path, cell.label, cell.text, "", "removed"))
    return changes


def _empty(value: object) -> bool:
    return value is None or value == "" or value == []
