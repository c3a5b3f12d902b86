"""First pass of answer validation: shape, types and bounds, before any expression is evaluated.

Whatever cannot be stored as sent is an error here, relevant or not (drafts keep the answers
of questions not shown right now, so those must be storable too): unknown keys, values of the
wrong type or outside the bounds (bounds.py), malformed rows and row ids, too many rows. These
are the *refusals*: the JSON API stores nothing when there is one.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from ..messages import message
from ..schema import Question, Questionnaire, Repeat
from .bounds import TEXT_LIMITS, row_id_ok
from .carried import ROW_CARRY, STATUSES
from .coerce import CoerceError, coerce
from .document import ROW_ID, row_path, scope_members

MAX_ROWS = 500
"""Rows per repeat (one list)."""
MAX_TOTAL_ROWS = 5_000
"""Rows in the whole document, over all repeats."""


def text_limit(question: Question) -> int:
    """How many characters a text answer may have: more for a multi-line question."""
    return TEXT_LIMITS["multiline" if question.appearance == "multiline" else "line"]


@dataclass
class Cleaner:
    """Builds the typed working document from submitted answers."""

    questionnaire: Questionnaire
    lang: str
    errors: dict[str, str] = field(default_factory=dict)
    total_rows: int = 0

    def __post_init__(self) -> None:
        self.scopes = scope_members(self.questionnaire)
        self.codes = {
            name: {choice.name for choice in choices}
            for name, choices in self.questionnaire.choice_lists.items()
        }

    def clean(self, raw: dict, scope: tuple[str, ...] = (), prefix: str = "") -> dict:
        """Return the typed object for one scope (the root or a repeat row)."""
        members = self.scopes.get(scope, {})
        out: dict = {}
        for key in raw:
            if key not in members and not (scope and key in (ROW_ID, ROW_CARRY)):
                self.errors[f"{prefix}{key}"] = message("unknown", self.lang)
        for name, element in members.items():
            if name not in raw:
                continue
            if isinstance(element, Repeat):
                out[name] = self._rows(element, raw[name], (*scope, name), prefix)
            elif element.type != "calculate":  # calculations are always recomputed
                value = self._value(element, raw[name], f"{prefix}{name}")
                if value is not None:
                    out[name] = value
        return out

    def _value(self, question: Question, raw: object, path: str) -> object:
        codes = self.codes.get(question.list_name or "", set())
        try:
            return coerce(question.type, raw, codes, text_limit=text_limit(question))
        except CoerceError as exc:
            self.errors[path] = message(exc.key, self.lang, **exc.params)
            return None

    def _rows(self, repeat: Repeat, raw: object, scope: tuple[str, ...], prefix: str) -> list:
        path = f"{prefix}{repeat.name}"
        if raw is None:
            return []
        if not isinstance(raw, list):
            self.errors[path] = message("rows", self.lang)
            return []
        limit = min(MAX_ROWS, MAX_TOTAL_ROWS - self.total_rows)
        if len(raw) > limit:
            limit_shown = MAX_ROWS if limit == MAX_ROWS else MAX_TOTAL_ROWS
            self.errors[path] = message("too_many_rows", self.lang, limit=limit_shown)
            raw = raw[: max(limit, 0)]
        self.total_rows += len(raw)
        rows, seen = [], set()
        for index, item in enumerate(raw, start=1):
            here = row_path(prefix, repeat.name, index)
            if not isinstance(item, dict):
                self.errors[here] = message("row", self.lang)
                continue
            row_id = self._row_id(item.get(ROW_ID), seen, here)
            rows.append({ROW_ID: row_id, **self._carry(item, here),
                         **self.clean(item, scope, f"{here}.")})
        return rows

    def _carry(self, item: dict, here: str) -> dict:
        """A carried row's status (answers/carried.py), when it has one."""
        if ROW_CARRY not in item:
            return {}
        if item[ROW_CARRY] in STATUSES:
            return {ROW_CARRY: item[ROW_CARRY]}
        self.errors[f"{here}.{ROW_CARRY}"] = message("carry_status", self.lang)
        return {}

    def _row_id(self, raw: object, seen: set[str], here: str) -> str:
        """Keep the client's row id; give a new one only to a row that has none."""
        if raw is None:
            row_id = uuid.uuid4().hex
        elif row_id_ok(raw) and raw not in seen:
            row_id = raw
        else:
            self.errors[f"{here}.{ROW_ID}"] = message("row_id", self.lang)
            row_id = uuid.uuid4().hex
        seen.add(row_id)
        return row_id
