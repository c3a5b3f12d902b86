"""How complete a submission is, and its problems as a list that links to each question."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from app.questionnaires.answers.validate import ValidationResult
from app.questionnaires.schema import Questionnaire, text_in
from app.submissions.form.keys import anchor, top_name

_SEGMENT = re.compile(r"([^\[\].]+(?:\.[^\[\].]+)*?)\[([0-9]+)\]\.?")


@dataclass(frozen=True)
class Completion:
    """Required questions answered, out of the required questions that apply."""

    answered: int
    total: int

    @property
    def percent(self) -> int:
        return 100 if self.total == 0 else round(100 * self.answered / self.total)

    @classmethod
    def of(cls, result: ValidationResult) -> Completion:
        return cls(result.required_answered, result.required_total)


@dataclass(frozen=True)
class Problem:
    """One error, where it is (section, question) and the link to it."""

    section: str | None
    section_label: str
    where: str
    message: str
    path: str

    def href(self, form_url: str) -> str:
        """The link to the question on its section's page."""
        section = f"?section={quote(self.section)}" if self.section else ""
        return f"{form_url}{section}#{anchor(self.path)}"


def section_of(questionnaire: Questionnaire, path: str) -> str | None:
    """The name of the section a field path belongs to (None for an unknown field)."""
    located = questionnaire.locate(top_name(path))
    if located is None:
        return None
    return located.group_path[0] if located.group_path else located.element.name


def missing_by_section(questionnaire: Questionnaire, full: ValidationResult,
                       partial: ValidationResult) -> dict[str, int]:
    """Section -> required answers still missing: the errors only the full check reports."""
    counts: dict[str, int] = {}
    for path in set(full.errors) - set(partial.errors):
        section = section_of(questionnaire, path)
        if section:
            counts[section] = counts.get(section, 0) + 1
    return counts


def problems(questionnaire: Questionnaire, errors: dict[str, str], lang: str) -> list[Problem]:
    """Every error with a readable place ("Kebutuhan 2 › Perkiraan biaya"), in form order."""
    order = {loc.element.name: number for number, loc in enumerate(questionnaire.walk())}
    found = []
    for path, message in errors.items():
        section = section_of(questionnaire, path)
        located = questionnaire.locate(section) if section else None
        label = text_in(located.element.label, lang, questionnaire.default_language) \
            if located else ""
        found.append(Problem(section, label, where(questionnaire, path, lang), message, path))
    last = 10**9
    return sorted(found, key=lambda p: (order.get(top_name(p.path), last), _numbers(p.path),
                                        order.get(_last_name(p.path), last)))


def where(questionnaire: Questionnaire, path: str, lang: str) -> str:
    """A readable place for a path: "Kebutuhan 2 › Perkiraan biaya"."""
    parts, rest = [], path
    while match := _SEGMENT.match(rest):
        parts.append(f"{_label(questionnaire, match.group(1), lang)} {match.group(2)}")
        rest = rest[match.end():]
    if rest:
        parts.append(_label(questionnaire, rest, lang))
    return " › ".join(parts)


def _label(questionnaire: Questionnaire, name: str, lang: str) -> str:
    located = questionnaire.locate(name)
    if located is None:
        return name
    return text_in(located.element.label, lang, questionnaire.default_language) or name


def _last_name(path: str) -> str:
    return path.rsplit("].", 1)[-1] if "]." in path else top_name(path)


def _numbers(path: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\[([0-9]+)\]", path))
