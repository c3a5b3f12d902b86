"""The answers document and the evaluation context expressions read it through.

Answers document: a flat JSON object {name: value} for every question outside repeats, whatever
its group nesting; a repeat is {repeat_name: [{"_id": "<row id>", field: value, ...}, ...]}, and
nested repeats nest the same way inside a row. See surveys/README.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from ..schema import Choice, Question, Questionnaire, Repeat
from ..xlsform.exprs import CHOICE_PREFIX

ROW_ID = "_id"


@dataclass(frozen=True)
class Frame:
    """One repeat row on the way from the root to the current position."""

    repeat: str
    row: dict
    index: int
    """1-based row number."""


Members = dict[str, Question | Repeat]


def scope_members(questionnaire: Questionnaire) -> dict[tuple[str, ...], Members]:
    """For each scope (root = (), a repeat = its repeat path), the keys its objects may hold."""
    scopes: dict[tuple[str, ...], Members] = {(): {}}
    for loc in questionnaire.walk():
        element = loc.element
        if isinstance(element, Question | Repeat):
            scopes.setdefault(loc.repeat_path, {})[element.name] = element
        if isinstance(element, Repeat):
            scopes.setdefault((*loc.repeat_path, element.name), {})
    return scopes


def row_path(prefix: str, name: str, index: int) -> str:
    """The path of a repeat row, e.g. 'kebutuhan[2]', used as the prefix of its fields."""
    return f"{prefix}{name}[{index}]"


@dataclass
class AnswerContext:
    """Evaluation context over an answers document at a position (the frames of repeat rows)."""

    questionnaire: Questionnaire
    root: dict
    frames: tuple[Frame, ...] = ()
    today: dt.date = field(default_factory=dt.date.today)
    current: object = None
    choice: Choice | None = None

    @property
    def position(self) -> int | None:
        """The 1-based row number of the innermost repeat row, None outside repeats."""
        return self.frames[-1].index if self.frames else None

    def at(self, **changes: object) -> AnswerContext:
        """A copy with some attributes changed (e.g. current=…, choice=…)."""
        return replace(self, **changes)

    def value(self, name: str) -> object:
        """The value of ${name} seen from here: same row first, then outward; else all rows."""
        if name.startswith(CHOICE_PREFIX):
            return self._choice_column(name.removeprefix(CHOICE_PREFIX))
        loc = self.questionnaire.locate(name)
        if loc is None:
            return None
        path = loc.repeat_path
        depth = _common_depth(path, self.frames)
        scope = self.frames[depth - 1].row if depth else self.root
        if isinstance(loc.element, Repeat):
            return _rows_below(scope, (*path[depth:], name))
        if depth == len(path):
            return scope.get(name)
        return [row.get(name) for row in _rows_below(scope, path[depth:])]

    def _choice_column(self, column: str) -> str:
        if self.choice is None:
            return ""
        if column == "name":
            return self.choice.name
        return self.choice.filters.get(column, "")


def _common_depth(path: tuple[str, ...], frames: tuple[Frame, ...]) -> int:
    depth = 0
    for name, frame in zip(path, frames, strict=False):
        if name != frame.repeat:
            break
        depth += 1
    return depth


def _rows_below(scope: dict, repeats: tuple[str, ...]) -> list[dict]:
    """All rows reached by following the named repeats down from `scope`."""
    rows = [scope]
    for name in repeats:
        rows = [row for parent in rows for row in (parent.get(name) or [])]
    return rows
