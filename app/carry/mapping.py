"""Carry answers from one questionnaire version to another (pure).

What the compatibility rules allow is carried: a name that still holds the same type in the
same place (root or the same repeat), and every choice code the new list still has. What
cannot be carried (a removed question, a removed choice, a name that now holds something
else) is listed, never silently dropped. Calculations are not carried: they are recomputed.
Repeat rows keep their ids and are marked as carried, waiting for the officer's confirmation.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from app.questionnaires.answers.carried import PENDING, ROW_CARRY
from app.questionnaires.answers.document import ROW_ID, row_path, scope_members
from app.questionnaires.schema import Question, Questionnaire, Repeat, text_in

REASONS = ("question_removed", "choice_removed", "type_changed", "moved")


@dataclass(frozen=True)
class Dropped:
    """One earlier answer that could not be carried: where, its label, its value, why."""

    path: str
    label: str
    value: str
    reason: str

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Carried:
    """The answers as carried into the new version, and what was left behind."""

    answers: dict
    dropped: list[Dropped] = field(default_factory=list)


def carry_answers(source: Questionnaire, target: Questionnaire, answers: dict,
                  lang: str = "id") -> Carried:
    """`answers` (to `source`) as answers to `target`, with every row marked as carried."""
    mapper = _Mapper(source, target, lang)
    return Carried(mapper.scope(answers, (), ""), mapper.dropped)


class _Mapper:
    def __init__(self, source: Questionnaire, target: Questionnaire, lang: str) -> None:
        self.source, self.target, self.lang = source, target, lang
        self.before, self.after = scope_members(source), scope_members(target)
        self.dropped: list[Dropped] = []

    def scope(self, raw: dict, scope: tuple[str, ...], prefix: str) -> dict:
        out: dict = {}
        old, new = self.before.get(scope, {}), self.after.get(scope, {})
        for name, value in raw.items():
            if name in (ROW_ID, ROW_CARRY) or value is None:
                continue
            was, now = old.get(name), new.get(name)
            if isinstance(was, Question) and was.type == "calculate":
                continue
            reason = self._reason(name, was, now)
            if reason:
                self._drop(f"{prefix}{name}", was, value, reason)
            elif isinstance(now, Repeat):
                out[name] = self.rows(name, value, (*scope, name), prefix)
            else:
                kept = self.choices(now, was, value, f"{prefix}{name}")
                if kept is not None:
                    out[name] = kept
        return out

    def _reason(self, name: str, was: object, now: object) -> str | None:
        if now is None:
            return "moved" if self.target.locate(name) is not None else "question_removed"
        if type(was) is not type(now) or (isinstance(now, Question) and was.type != now.type):
            return "type_changed"
        return None

    def rows(self, name: str, value: object, scope: tuple[str, ...], prefix: str) -> list:
        rows = []
        for index, row in enumerate(value if isinstance(value, list) else [], start=1):
            if isinstance(row, dict):
                here = f"{row_path(prefix, name, index)}."
                rows.append({ROW_ID: row.get(ROW_ID), ROW_CARRY: PENDING,
                             **self.scope(row, scope, here)})
        return rows

    def choices(self, now: Question, was: Question, value: object, path: str) -> object:
        """A select's codes that the new list still has; the others are listed as dropped."""
        if not now.list_name:
            return value
        codes = {choice.name for choice in self.target.choices(now.list_name)}
        chosen = value if isinstance(value, list) else [value]
        gone = [code for code in chosen if code not in codes]
        if gone:
            self._drop(path, was, gone, "choice_removed")
        kept = [code for code in chosen if code in codes]
        if isinstance(value, list):
            return kept or None
        return kept[0] if kept else None

    def _drop(self, path: str, was: object, value: object, reason: str) -> None:
        label = text_in(was.label, self.lang, self.source.default_language) if was else ""
        self.dropped.append(Dropped(path, label or path, self._text(was, value), reason))

    def _text(self, was: object, value: object) -> str:
        if isinstance(value, list) and all(not isinstance(v, dict) for v in value):
            labels = {}
            if isinstance(was, Question) and was.list_name:
                labels = {c.name: text_in(c.label, self.lang, self.source.default_language)
                          for c in self.source.choices(was.list_name)}
            return "; ".join(str(labels.get(v, v)) for v in value)
        if isinstance(value, list):
            return f"{len(value)} baris"
        if isinstance(was, Question) and was.list_name:
            return self._text(was, [value])
        return str(value)
