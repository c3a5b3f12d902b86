"""Compile checked survey nodes into the typed Questionnaire model."""

from __future__ import annotations

from ..schema import Group, Item, Note, Question, Questionnaire, Repeat, Section
from .columns import MASTERPLAN_COLUMN, Languages
from .rows import is_bool_word, is_true
from .sheets import ChoiceLists, Settings, translations
from .survey import CheckedSurvey
from .tree import Node

IMPLICIT_LABEL = {"id": "Umum", "en": "General"}


def build_questionnaire(
    survey: CheckedSurvey, settings: Settings, langs: Languages, choices: ChoiceLists
) -> Questionnaire:
    """Return the Questionnaire for a survey that passed every check."""
    return Questionnaire(
        form_id=settings.form_id,
        version=settings.version,
        title=settings.form_title or settings.form_id,
        default_language=langs.default,
        languages=list(langs.codes),
        language_names={code: langs.names.get(code, code) for code in langs.codes},
        sections=_sections(survey, langs),
        choice_lists=choices.lists,
    )


def _sections(survey: CheckedSurvey, langs: Languages) -> list[Section]:
    """Top-level groups become sections; runs of ungrouped items become implicit sections."""
    sections: list[Section] = []
    loose: list[Item] = []
    for node in survey.nodes:
        if node.kind.kind == "begin group":
            _flush(sections, loose, survey, langs)
            group = _item(node, survey, langs)
            fields = {key: getattr(group, key) for key in ("name", "label", "hint", "relevant")}
            sections.append(Section(items=group.items, row=group.row, **fields))
        else:
            loose.append(_item(node, survey, langs))
    _flush(sections, loose, survey, langs)
    return sections


def _flush(sections: list[Section], loose: list[Item], survey: CheckedSurvey, langs: Languages):
    if not loose:
        return
    name = f"_section{len(sections) + 1}"
    while name in survey.index:
        name += "_"
    label = {code: IMPLICIT_LABEL.get(code, IMPLICIT_LABEL["en"]) for code in langs.codes}
    sections.append(Section(name=name, label=label, items=list(loose), implicit=True))
    loose.clear()


def _item(node: Node, survey: CheckedSurvey, langs: Languages) -> Item:
    row, kind = node.row, node.kind
    exprs = survey.exprs.get(node.order, {})
    common = {
        "name": node.name,
        "label": translations(row, "label", langs),
        "relevant": exprs.get("relevant"),
        "row": row.number,
    }
    if kind.kind == "calculate":
        return Question(type="calculate", calculation=exprs.get("calculation"),
                        header=translations(row, "header", langs), **common)
    common["hint"] = translations(row, "hint", langs)
    if kind.kind == "note":
        return Note(**common)
    if node.is_container:
        items = [_item(child, survey, langs) for child in node.children]
        if kind.type == "repeat":
            return Repeat(items=items, repeat_count=exprs.get("repeat_count"), **common)
        return Group(items=items, **common)
    return _question(node, exprs, langs, common)


def _question(node: Node, exprs: dict, langs: Languages, common: dict) -> Question:
    row = node.row
    required_text = row.get("required")
    default = row.get("default")
    return Question(
        type=node.kind.type,
        list_name=node.kind.list_name,
        required=is_true(required_text) if is_bool_word(required_text) else exprs["required"],
        required_message=translations(row, "required_message", langs),
        constraint=exprs.get("constraint"),
        constraint_message=translations(row, "constraint_message", langs),
        choice_filter=exprs.get("choice_filter"),
        default=default if default and "default" not in exprs else None,
        default_expr=exprs.get("default"),
        read_only=is_true(row.get("read_only")),
        appearance=row.get("appearance") or None,
        masterplan=row.get(MASTERPLAN_COLUMN) or None,
        header=translations(row, "header", langs),
        **common,
    )
