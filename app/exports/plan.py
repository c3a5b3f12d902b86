"""The export plan: the union of every questionnaire version a round's submissions use.

Tables are the main table (questions outside repeats) and one per repeat. Fields follow the
newest version's order; a field only older versions have comes after them, so no column and no
answer is lost when a question is removed. Select choices are the union of every version's
list (newest order first), so select_multiple split columns never depend on observed data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.questionnaires.schema import Choice, LangText, Question, Questionnaire, Repeat

MAIN = ""
# Money is not a question type: a number whose name says budget or cost, or the master-plan
# role `biaya`, is shown in Rupiah.
MONEY_NAME = re.compile(r"(^|_)(biaya|anggaran|harga|pagu|rupiah)(_|$)")


@dataclass(frozen=True)
class Version:
    """A published questionnaire version a round uses."""

    id: int
    version: str
    form: Questionnaire


@dataclass
class PlannedField:
    """A field across versions: its newest definition, union of choices, first version."""

    question: Question
    repeat_path: tuple[str, ...]
    section_label: LangText
    first_version: str
    choices: list[Choice] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.question.name

    @property
    def money(self) -> bool:
        """Whether the value is an amount of Rupiah."""
        q = self.question
        if q.type not in ("integer", "decimal", "calculate"):
            return False
        return q.masterplan == "biaya" or bool(MONEY_NAME.search(q.name))


@dataclass
class Table:
    """The main table (key "") or one repeat (key = its name) with its fields in order."""

    key: str
    repeat_path: tuple[str, ...]
    label: LangText
    fields: list[PlannedField] = field(default_factory=list)


@dataclass
class ExportPlan:
    """Every table and field of the versions, oldest version first in `versions`."""

    versions: list[Version]
    tables: list[Table]
    fields: dict[str, PlannedField]

    @property
    def newest(self) -> Version:
        return self.versions[-1]

    def roles(self) -> dict[str, PlannedField]:
        """Master-plan role -> its field (the newest declaration of each role wins)."""
        found: dict[str, PlannedField] = {}
        for planned in self.fields.values():
            role = planned.question.masterplan
            if role and role not in found:
                found[role] = planned
        return found


def build_plan(versions: list[Version]) -> ExportPlan:
    """The union plan of `versions` (oldest first; at least one)."""
    tables: dict[str, Table] = {MAIN: Table(MAIN, (), {})}
    fields: dict[str, PlannedField] = {}
    first = _first_versions(versions)
    for version in reversed(versions):  # newest first: its order and labels win
        _add_version(version.form, tables, fields, first)
    return ExportPlan(versions=list(versions), tables=list(tables.values()), fields=fields)


def _first_versions(versions: list[Version]) -> dict[str, str]:
    first: dict[str, str] = {}
    for version in versions:
        for ref in version.form.fields():
            first.setdefault(ref.question.name, version.version)
    return first


def _add_version(form: Questionnaire, tables: dict[str, Table], fields: dict[str, PlannedField],
                 first: dict[str, str]) -> None:
    section_labels = {section.name: section.label for section in form.sections}
    for located in form.walk():
        element = located.element
        if isinstance(element, Repeat):
            key = element.name
            if key not in tables:
                tables[key] = Table(key, (*located.repeat_path, key), element.label)
        elif isinstance(element, Question):
            _add_field(form, element, located.repeat_path, tables, fields,
                       section_labels.get(located.group_path[0], {}) if located.group_path
                       else {}, first)


def _add_field(form, question, repeat_path, tables, fields, section_label, first) -> None:
    known = fields.get(question.name)
    choices = form.choices(question.list_name) if question.list_name else []
    if known is None:
        known = PlannedField(question, repeat_path, section_label, first[question.name],
                             list(choices))
        fields[question.name] = known
        key = repeat_path[-1] if repeat_path else MAIN
        tables[key].fields.append(known)
        return
    codes = {choice.name for choice in known.choices}
    known.choices.extend(choice for choice in choices if choice.name not in codes)
