"""First pass of answer validation: shape and types, before any expression is evaluated.

Unknown keys are errors at once. Type errors are kept aside as "pending", keyed by the path
of the field (or repeat) that owns them: the second pass reports them only when that field is
relevant, as KoboToolbox never submits a value for a question that is not shown.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from .answers import ROW_ID, row_path, scope_members
from .coerce import CoerceError, coerce
from .messages import message
from .schema import Question, Questionnaire, Repeat

MAX_ROWS = 500
"""Rows per repeat (one list)."""
MAX_TOTAL_ROWS = 5_000
"""Rows in the whole document, over all repeats."""
MAX_ROW_ID = 64


@dataclass
class Pending:
    """A problem found in the first pass, reported only if its owner turns out relevant."""

    owner: str
    path: str
    message: str


@dataclass
class Cleaner:
    """Builds the typed working document from submitted answers."""

    questionnaire: Questionnaire
    lang: str
    errors: dict[str, str] = field(default_factory=dict)
    pending: list[Pending] = field(default_factory=list)
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
            if key not in members and not (scope and key == ROW_ID):
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
            return coerce(question.type, raw, codes)
        except CoerceError as exc:
            self.pending.append(Pending(path, path, message(exc.key, self.lang, **exc.params)))
            return None

    def _rows(self, repeat: Repeat, raw: object, scope: tuple[str, ...], prefix: str) -> list:
        path = f"{prefix}{repeat.name}"
        if raw is None:
            return []
        if not isinstance(raw, list):
            self.pending.append(Pending(path, path, message("rows", self.lang)))
            return []
        limit = min(MAX_ROWS, MAX_TOTAL_ROWS - self.total_rows)
        if len(raw) > limit:
            limit_shown = MAX_ROWS if limit == MAX_ROWS else MAX_TOTAL_ROWS
            problem = message("too_many_rows", self.lang, limit=limit_shown)
            self.pending.append(Pending(path, path, problem))
            raw = raw[: max(limit, 0)]
        self.total_rows += len(raw)
        rows, seen = [], set()
        for index, item in enumerate(raw, start=1):
            here = row_path(prefix, repeat.name, index)
            if not isinstance(item, dict):
                self.pending.append(Pending(path, here, message("row", self.lang)))
                continue
            row_id = self._row_id(item.get(ROW_ID), seen, path, here)
            rows.append({ROW_ID: row_id, **self.clean(item, scope, f"{here}.")})
        return rows

    def _row_id(self, raw: object, seen: set[str], owner: str, here: str) -> str:
        """Keep the client's row id; give a new one only to a row that has none."""
        if raw is None:
            row_id = uuid.uuid4().hex
        elif isinstance(raw, str) and raw.strip() and len(raw) <= MAX_ROW_ID and raw not in seen:
            row_id = raw
        else:
            self.pending.append(Pending(owner, f"{here}.{ROW_ID}", message("row_id", self.lang)))
            row_id = uuid.uuid4().hex
        seen.add(row_id)
        return row_id
