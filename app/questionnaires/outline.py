"""A plain-text outline of a questionnaire, for review and for keeping beside the workbook."""

from __future__ import annotations

from .schema import Expr, Group, Item, Note, Question, Questionnaire, Repeat, Section, text_in

INDENT = "  "


def outline(questionnaire: Questionnaire) -> str:
    """Return a deterministic, readable outline: sections, questions with their logic, choices."""
    q = questionnaire
    lang = q.default_language
    names = ", ".join(f"{code} ({q.language_names.get(code, code)})" for code in q.languages)
    lines = [
        f"{q.title}",
        f"form_id: {q.form_id}; version: {q.version}",
        f"languages: {names}; default: {lang}",
    ]
    for number, section in enumerate(q.sections, start=1):
        lines += ["", *_section(number, section, lang)]
    lines += ["", "Choice lists"]
    for list_name in sorted(q.choice_lists):
        lines.append(f"{INDENT}{list_name}")
        for choice in q.choice_lists[list_name]:
            filters = "".join(f" [{k}={v}]" for k, v in sorted(choice.filters.items()))
            filters += f" <{choice.node}>" if choice.node else ""
            lines.append(f"{INDENT * 2}{choice.name}: {text_in(choice.label, lang)}{filters}")
    return "\n".join(lines) + "\n"


def _section(number: int, section: Section, lang: str) -> list[str]:
    implicit = " (implicit)" if section.implicit else ""
    lines = [f"Section {number}: {section.name}{implicit} - {text_in(section.label, lang)}"]
    lines += _logic(section.relevant, 1)
    for item in section.items:
        lines += _item(item, lang, 1)
    return lines


def _item(item: Item, lang: str, depth: int) -> list[str]:
    pad = INDENT * depth
    label = text_in(item.label, lang)
    if isinstance(item, Note):
        return [f"{pad}{item.name} (note): {label}", *_logic(item.relevant, depth + 1)]
    if isinstance(item, Group | Repeat):
        kind = "repeat" if isinstance(item, Repeat) else "group"
        lines = [f"{pad}{item.name} ({kind}): {label}", *_logic(item.relevant, depth + 1)]
        if isinstance(item, Repeat) and item.repeat_count:
            lines.append(f"{pad}{INDENT}repeat_count: {item.repeat_count.source}")
        for child in item.items:
            lines += _item(child, lang, depth + 1)
        return lines
    return _question(item, lang, depth)


def _question(q: Question, lang: str, depth: int) -> list[str]:
    pad = INDENT * depth
    kind = f"{q.type} {q.list_name}" if q.list_name else q.type
    flags = [
        "required" if q.required is True else "",
        f"required if {q.required.source}" if isinstance(q.required, Expr) else "",
        "read-only" if q.read_only else "",
        q.appearance or "",
    ]
    flag_text = "".join(f", {flag}" for flag in flags if flag)
    label = text_in(q.label, lang)
    lines = [f"{pad}{q.name} ({kind}{flag_text})" + (f": {label}" if label else "")]
    message = text_in(q.constraint_message, lang)
    lines += _logic(q.relevant, depth + 1, q.constraint, message)
    extra = {
        "calculation": q.calculation.source if q.calculation else "",
        "choice_filter": q.choice_filter.source if q.choice_filter else "",
        "default": q.default_expr.source if q.default_expr else (q.default or ""),
        "header": text_in(q.header, lang) if q.header else "",
    }
    lines += [f"{pad}{INDENT}{key}: {value}" for key, value in extra.items() if value]
    return lines


def _logic(
    relevant: Expr | None, depth: int, constraint: Expr | None = None, message: str = ""
) -> list[str]:
    pad = INDENT * depth
    lines = [f"{pad}relevant: {relevant.source}"] if relevant else []
    if constraint:
        suffix = f"  -> {message}" if message else ""
        lines.append(f"{pad}constraint: {constraint.source}{suffix}")
    return lines
