"""What submitting will leave out: the answers a draft keeps for questions that do not apply.

The review step says it before "Kirim": "3 baris Aplikasi tidak dikirim karena «Apakah
Perangkat Daerah menggunakan …?» dijawab «Tidak»." Answers hidden by the same condition in the
same place make one line. Pure: the validation result, the questionnaire, a translator.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby

from app.questionnaires.answers.validate import Hidden, ValidationResult
from app.questionnaires.schema import Question, Questionnaire, Repeat, text_in
from app.submissions.completion import where
from app.submissions.form.formats import format_number

Translate = Callable[..., str]


def not_sent(questionnaire: Questionnaire, result: ValidationResult, lang: str,
             t: Translate) -> list[str]:
    """One sentence per condition that keeps answers out of the submission, in form order."""
    lines = []
    for _, group in groupby(result.hidden, key=_cause):
        entries = list(group)
        things = ", ".join(_thing(questionnaire, entry, lang, t) for entry in entries)
        reason = _reason(questionnaire, entries[0], result.answers, lang, t)
        line = t("form.not_sent_line", things=things, reason=reason)
        lines.append(line[:1].upper() + line[1:])
    return lines


def _cause(entry: Hidden) -> tuple:
    return (entry.condition.source if entry.condition else None, id(entry.scope))


def _thing(questionnaire: Questionnaire, entry: Hidden, lang: str, t: Translate) -> str:
    if isinstance(entry.item, Repeat):
        rows = len(entry.value) if isinstance(entry.value, list) else 0
        label = text_in(entry.item.label, lang, questionnaire.default_language)
        return t("form.not_sent_rows", count=rows, label=label or entry.item.name)
    return t("form.not_sent_answer", label=where(questionnaire, entry.path, lang))


def _reason(questionnaire: Questionnaire, entry: Hidden, answers: dict, lang: str,
            t: Translate) -> str:
    refs = list(dict.fromkeys(entry.condition.refs)) if entry.condition else []
    located = questionnaire.locate(refs[0]) if len(refs) == 1 else None
    if located is None or not isinstance(located.element, Question):
        return t("form.not_sent_reason_other")
    question = located.element
    label = text_in(question.label, lang, questionnaire.default_language) or question.name
    value = entry.scope.get(question.name, answers.get(question.name))
    if value is None or value == "" or value == []:
        return t("form.not_sent_reason_empty", label=label)
    return t("form.not_sent_reason_answer", label=label,
             value=_shown(questionnaire, question, value, lang))


def _shown(questionnaire: Questionnaire, question: Question, value: object, lang: str) -> str:
    if question.list_name:
        labels = {c.name: text_in(c.label, lang, questionnaire.default_language)
                  for c in questionnaire.choices(question.list_name)}
        codes = value if isinstance(value, list) else [value]
        return ", ".join(labels.get(str(code)) or str(code) for code in codes)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return format_number(value)
    return str(value)
