"""Typed questionnaire model compiled from an XLSForm workbook (stored as JSON)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

LangText = dict[str, str]
"""Text per language code, e.g. {"id": "Nama", "en": "Name"}."""

QuestionType = Literal[
    "text", "integer", "decimal", "date", "select_one", "select_multiple", "calculate"
]
SELECT_TYPES = ("select_one", "select_multiple")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Expr(_Model):
    """An expression: its source text, its JSON AST (for the browser) and the ${fields} it uses."""

    source: str
    ast: Any
    refs: list[str] = []


class Choice(_Model):
    """One option of a choice list; `filters` holds the extra columns used by choice_filter."""

    name: str
    label: LangText = {}
    filters: dict[str, str] = {}
    node: str | None = None
    """The framework node it is (choices column `kerangka`), e.g. "GMSC-2021:governance"."""


class Question(_Model):
    """An answerable field (or a calculate): its value lives in the answers document."""

    kind: Literal["question"] = "question"
    name: str
    type: QuestionType
    label: LangText = {}
    hint: LangText = {}
    required: bool | Expr = False
    required_message: LangText = {}
    relevant: Expr | None = None
    constraint: Expr | None = None
    constraint_message: LangText = {}
    calculation: Expr | None = None
    choice_filter: Expr | None = None
    default: str | None = None
    """A static default value (already valid for the type)."""
    default_expr: Expr | None = None
    """A dynamic default such as `today()`; evaluated when a new form or row starts."""
    list_name: str | None = None
    read_only: bool = False
    appearance: Literal["multiline"] | None = None
    masterplan: str | None = None
    """Its master-plan role (column `instance::masterplan`), e.g. "biaya"; see surveys/README.md."""
    header: LangText = {}
    """The short column header in the workbook export (column `header`); the label is the
    question text."""
    row: int | None = None
    """Row of the survey sheet that defined it (for messages)."""


class Note(_Model):
    """Display-only text; it has no value."""

    kind: Literal["note"] = "note"
    name: str
    label: LangText = {}
    hint: LangText = {}
    relevant: Expr | None = None
    row: int | None = None


class Group(_Model):
    """A nested non-repeat group: affects layout and relevance only, not the answers document."""

    kind: Literal["group"] = "group"
    name: str
    label: LangText = {}
    hint: LangText = {}
    relevant: Expr | None = None
    items: list[Item] = []
    row: int | None = None


class Repeat(_Model):
    """A repeat group: its answers are a list of row objects under its name."""

    kind: Literal["repeat"] = "repeat"
    name: str
    label: LangText = {}
    hint: LangText = {}
    relevant: Expr | None = None
    repeat_count: Expr | None = None
    items: list[Item] = []
    row: int | None = None


Item = Annotated[Question | Note | Group | Repeat, Field(discriminator="kind")]
Element = Question | Note | Group | Repeat


class Section(_Model):
    """A step of the form: a top-level group, or an implicit one for ungrouped questions."""

    name: str
    label: LangText = {}
    hint: LangText = {}
    relevant: Expr | None = None
    items: list[Item] = []
    implicit: bool = False
    row: int | None = None


@dataclass(frozen=True)
class FieldRef:
    """A field with where it sits: enclosing repeat names and enclosing group/section names."""

    question: Question
    repeat_path: tuple[str, ...]
    group_path: tuple[str, ...]


@dataclass(frozen=True)
class Located:
    """Any element (question, note, group, repeat) with its enclosing repeats and containers."""

    element: Element | Section
    repeat_path: tuple[str, ...]
    group_path: tuple[str, ...]


class Questionnaire(_Model):
    """A compiled questionnaire version (treat as immutable: lookups are cached)."""

    form_id: str
    version: str
    title: str
    default_language: str
    languages: list[str]
    language_names: dict[str, str] = {}
    sections: list[Section]
    choice_lists: dict[str, list[Choice]] = {}

    def walk(self) -> Iterator[Located]:
        """Yield every section and element in document order with its location."""
        for section in self.sections:
            yield Located(section, (), ())
            yield from _walk_items(section.items, (), (section.name,))

    @cached_property
    def _index(self) -> dict[str, Located]:
        return {loc.element.name: loc for loc in self.walk()}

    def fields(self) -> Iterator[FieldRef]:
        """Yield every field that has a value (questions and calculates), in document order."""
        for loc in self.walk():
            if isinstance(loc.element, Question):
                yield FieldRef(loc.element, loc.repeat_path, loc.group_path)

    def locate(self, name: str) -> Located | None:
        """Return the element (or section) with this name and its location, or None."""
        return self._index.get(name)

    def field(self, name: str) -> Question | None:
        """Return the question or calculate with this name, or None."""
        loc = self._index.get(name)
        return loc.element if loc and isinstance(loc.element, Question) else None

    def repeat_of(self, name: str) -> Repeat | None:
        """Return the innermost repeat that contains the named element, or None."""
        loc = self._index.get(name)
        if loc is None or not loc.repeat_path:
            return None
        repeat = self._index[loc.repeat_path[-1]].element
        return repeat if isinstance(repeat, Repeat) else None

    def choices(self, list_name: str) -> list[Choice]:
        """Return the options of a choice list (empty if unknown)."""
        return self.choice_lists.get(list_name, [])


def _walk_items(
    items: list[Item], repeats: tuple[str, ...], groups: tuple[str, ...]
) -> Iterator[Located]:
    for item in items:
        yield Located(item, repeats, groups)
        if isinstance(item, Repeat):
            yield from _walk_items(item.items, (*repeats, item.name), (*groups, item.name))
        elif isinstance(item, Group):
            yield from _walk_items(item.items, repeats, (*groups, item.name))


def text_in(text: LangText, lang: str, fallback: str | None = None) -> str:
    """Return the text in `lang`, else in `fallback`, else any available text, else ''."""
    if lang in text:
        return text[lang]
    if fallback and fallback in text:
        return text[fallback]
    return next(iter(text.values()), "")


Group.model_rebuild()
Repeat.model_rebuild()
Section.model_rebuild()
Questionnaire.model_rebuild()
