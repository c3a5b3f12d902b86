"""The form without JavaScript: read one posted section into the answers document.

Inputs are named by key (see keys.py); each repeat posts its row ids in order as `rows:<key>`
hidden inputs, so rows keep their ids. Buttons post `go`: next, prev, stay, review,
`section:<name>`, `add:<repeat key>`, `remove:<row key>`, `up:<row key>`, `down:<row key>`.
Numbers and dates are read the Indonesian way; what cannot be read is kept as typed, so
validate_answers reports it and the page shows it again.
"""

from __future__ import annotations

import copy
import hashlib
import json
import uuid
from dataclasses import dataclass

from app.errors import Invalid
from app.questionnaires.answers.bounds import row_id_ok
from app.questionnaires.answers.carried import CHOSEN, ROW_CARRY
from app.questionnaires.answers.clean import MAX_ROWS
from app.questionnaires.answers.document import ROW_ID
from app.questionnaires.schema import Group, Item, Note, Question, Repeat, Section
from app.submissions.form import formats
from app.submissions.form.keys import ROWS_PREFIX, row_scope

Form = dict[str, list[str]]
ROW_ACTIONS = ("add", "remove", "up", "down")


@dataclass(frozen=True)
class Action:
    """What the button pressed asks for, besides saving."""

    verb: str  # next, prev, stay, review, section, add, remove, up, down
    target: str = ""

    @property
    def changes_rows(self) -> bool:
        return self.verb in ROW_ACTIONS


def parse_action(value: str | None) -> Action:
    """The `go` button value as an Action (unknown values mean "stay")."""
    verb, _, target = (value or "stay").partition(":")
    if verb in ("next", "prev", "stay", "review") and not target:
        return Action(verb)
    if verb in ("section", *ROW_ACTIONS) and target:
        return Action(verb, target)
    return Action("stay")


def read_section(section: Section, form: Form, stored: dict, action: Action) -> dict:
    """The whole answers document with this section's answers replaced by the posted ones."""
    answers = copy.deepcopy(stored) if isinstance(stored, dict) else {}
    _Reader(form, action).items(section.items, answers, "")
    return answers


class _Reader:
    def __init__(self, form: Form, action: Action) -> None:
        self.form = form
        self.action = action

    def items(self, items: list[Item], target: dict, scope: str) -> None:
        for item in items:
            if isinstance(item, Note):
                continue
            if isinstance(item, Group):
                self.items(item.items, target, scope)
            elif isinstance(item, Repeat):
                self.repeat(item, target, scope)
            elif item.type != "calculate" and not item.read_only:
                _put(target, item.name, self.value(item, self.form.get(scope + item.name, [])))

    def value(self, question: Question, posted: list[str]) -> object:
        if question.type == "select_multiple":
            return [code for code in posted if code] or None
        text = posted[0] if posted else ""
        if not text.strip():
            return None
        if question.type in ("integer", "decimal"):
            number = formats.parse_number(text)
            return text if number is None else number
        if question.type == "date":
            return formats.parse_date(text) or text
        return text.replace("\r\n", "\n") if question.type == "text" else text

    def repeat(self, repeat: Repeat, target: dict, scope: str) -> None:
        key = scope + repeat.name
        earlier = {row.get(ROW_ID): row for row in target.get(repeat.name) or []
                   if isinstance(row, dict)}
        ids = _row_ids(self.form.get(ROWS_PREFIX + key, []))
        if self.action.verb == "add" and self.action.target == key:
            ids.append(uuid.uuid4().hex)
        ids = _move(ids, self.action, lambda row_id: row_scope(scope, repeat.name, row_id))
        rows = []
        for row_id in ids:
            row = copy.deepcopy(earlier.get(row_id, {}))
            row[ROW_ID] = row_id
            here = row_scope(scope, repeat.name, row_id)
            self.items(repeat.items, row, here)
            status = (self.form.get(here + ROW_CARRY) or [""])[0]
            if ROW_CARRY in row and status in CHOSEN:  # a carried row the officer confirmed
                row[ROW_CARRY] = status
            rows.append(row)
        _put(target, repeat.name, rows or None)


def _row_ids(posted: list[str]) -> list[str]:
    """The posted row ids in order; one of another form than the page gave refuses the post."""
    ids: list[str] = []
    for row_id in posted[:MAX_ROWS]:
        if not row_id_ok(row_id):
            raise Invalid("submission.bad_row_id")
        if row_id not in ids:
            ids.append(row_id)
    return ids


def _move(ids: list[str], action: Action, key_of) -> list[str]:
    """Apply remove/up/down when the action names one of these rows."""
    keys = [key_of(row_id).removesuffix("/") for row_id in ids]
    if action.verb not in ("remove", "up", "down") or action.target not in keys:
        return ids
    at = keys.index(action.target)
    ids = list(ids)
    if action.verb == "remove":
        del ids[at]
    elif action.verb == "up" and at > 0:
        ids[at - 1], ids[at] = ids[at], ids[at - 1]
    elif action.verb == "down" and at < len(ids) - 1:
        ids[at + 1], ids[at] = ids[at], ids[at + 1]
    return ids


def _put(target: dict, name: str, value: object) -> None:
    if value is None:
        target.pop(name, None)
    else:
        target[name] = value


def section_values(items: list[Item], answers: dict, scope: str = "") -> dict[str, object]:
    """Every answer of these items by key (a row counts as present), to compare two versions."""
    values: dict[str, object] = {}
    for item in items:
        if isinstance(item, Group):
            values.update(section_values(item.items, answers, scope))
        elif isinstance(item, Repeat):
            for row in answers.get(item.name) or []:
                if isinstance(row, dict) and isinstance(row.get(ROW_ID), str):
                    here = row_scope(scope, item.name, row[ROW_ID])
                    values[here.removesuffix("/")] = True
                    values.update(section_values(item.items, row, here))
        elif isinstance(item, Question) and item.type != "calculate":
            if answers.get(item.name) is not None:
                values[scope + item.name] = answers[item.name]
    return values


def section_digest(section: Section, answers: dict) -> str:
    """A short fingerprint of one section's answers, to tell whether others changed it."""
    values = section_values(section.items, answers)
    canonical = json.dumps(values, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def changed_elsewhere(section: Section, mine: dict, theirs: dict) -> dict[str, object]:
    """Key -> the other version's value, for this section's answers that differ from mine."""
    ours, other = section_values(section.items, mine), section_values(section.items, theirs)
    return {key: other.get(key) for key in set(ours) | set(other)
            if ours.get(key) != other.get(key)}
