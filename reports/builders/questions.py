"""Per pertanyaan: answered / not answered / not applicable; choice frequencies; number stats.

Answers are read once, as they stream in. Percentages of a choice are over the answers given to
the question: for select_multiple that is over respondents (or rows), so they may add up to
more than 100 %. Numbers that are NaN or infinite count as not answered.
"""

import math
from array import array
from collections import Counter
from collections.abc import Callable, Iterable
from statistics import fmean, median

from reports.inputs import NOT_APPLICABLE, AnswerRow, QuestionSpec
from reports.results import ChoiceCount, NumberStats, QuestionSection, QuestionSummary

NUMERIC = ("integer", "decimal", "calculate")


class _Tally:
    """Running counts for one question."""

    def __init__(self, spec: QuestionSpec):
        self.spec = spec
        self.total = self.answered = self.not_answered = self.not_applicable = 0
        self.counts: Counter[str] = Counter()
        self.numbers = array("d")  # 8 bytes a number, not a float object and a pointer
        kind = spec.type
        self._record = (self._many if kind == "select_multiple" else
                        self._one if kind == "select_one" else
                        self._number if kind in NUMERIC else _ignore)

    def add(self, value: object) -> None:
        self.total += 1
        if value is NOT_APPLICABLE:
            self.not_applicable += 1
        elif value is None or value == "" or value == [] or (
                type(value) is float and not math.isfinite(value)):
            self.not_answered += 1
        else:
            self.answered += 1
            self._record(value)

    def _many(self, value: object) -> None:
        picked = value if isinstance(value, list | tuple) else str(value).split()
        self.counts.update({str(v) for v in picked})

    def _one(self, value: object) -> None:
        self.counts[str(value)] += 1

    def _number(self, value: object) -> None:
        if isinstance(value, int | float) and not isinstance(value, bool):
            self.numbers.append(float(value))

    def summary(self) -> QuestionSummary:
        spec = self.spec
        return QuestionSummary(
            name=spec.name, label=spec.label, type=spec.type,
            unit="respondent" if spec.table == "main" else spec.table,
            total=self.total, answered=self.answered, not_answered=self.not_answered,
            not_applicable=self.not_applicable, choices=self._choices(),
            numbers=_stats(self.numbers))

    def _choices(self) -> list[ChoiceCount] | None:
        if self.spec.type not in ("select_one", "select_multiple"):
            return None
        known = [(c.code, c.label) for c in self.spec.choices]
        # Codes no longer in this version's list (earlier versions) are kept, never dropped.
        extra = [(code, code) for code in sorted(set(self.counts) - {c for c, _ in known})]
        return [ChoiceCount(code, label, self.counts[code],
                            self.counts[code] / self.answered if self.answered else 0.0)
                for code, label in known + extra]


def _ignore(value: object) -> None:
    """Text and dates: only whether they were answered is counted."""


def _stats(numbers: array) -> NumberStats | None:
    if not numbers:
        return None
    return NumberStats(count=len(numbers), minimum=min(numbers), median=median(numbers),
                       mean=fmean(numbers), maximum=max(numbers))


def build_questions(specs: list[QuestionSpec],
                    answers: Iterable[AnswerRow]) -> list[QuestionSection]:
    """One summary per question, grouped by section in questionnaire order."""
    tallies = [_Tally(spec) for spec in specs]
    by_table: dict[str, list[tuple[str, Callable[[object], None]]]] = {}
    for tally in tallies:
        by_table.setdefault(tally.spec.table, []).append((tally.spec.name, tally.add))
    for table, values in answers:
        get = values.get
        for name, add in by_table.get(table, ()):
            add(get(name))
    sections: dict[str, list[QuestionSummary]] = {}
    for tally in tallies:
        sections.setdefault(tally.spec.section, []).append(tally.summary())
    return [QuestionSection(label=label, questions=items) for label, items in sections.items()]
