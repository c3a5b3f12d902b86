"""The form's logic for the browser: structure, expression ASTs and messages, as compact JSON.

The browser script (app/static/js/form/logic.js) walks this tree over the answers document as
validate_answers does, with the browser evaluator. Labels are not included: the page carries
them. Built once per questionnaire version and language.
"""

from __future__ import annotations

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from app.questionnaires.messages import message
from app.questionnaires.schema import (
    Expr,
    Group,
    Item,
    Note,
    Question,
    Questionnaire,
    Repeat,
    text_in,
)

_cache: dict[tuple[str, str, str], Markup] = {}


def logic_json(questionnaire: Questionnaire, lang: str) -> Markup:
    """The logic tree as JSON, safe inside a <script type="application/json"> block."""
    key = (questionnaire.form_id, questionnaire.version, lang)
    if key not in _cache:
        if len(_cache) >= 64:
            _cache.clear()
        _cache[key] = htmlsafe_json_dumps(logic_tree(questionnaire, lang),
                                          separators=(",", ":"))
    return _cache[key]


def logic_tree(questionnaire: Questionnaire, lang: str) -> dict:
    """Sections with their items; choice lists that a choice_filter reads."""
    convert = _Converter(questionnaire, lang)
    sections = [_compact({"n": s.name, "r": _ast(s.relevant), "i": convert.items(s.items)})
                for s in questionnaire.sections]
    return {"s": sections, "c": convert.filtered_lists()}


class _Converter:
    def __init__(self, questionnaire: Questionnaire, lang: str) -> None:
        self.questionnaire = questionnaire
        self.lang = lang
        self.filtered: set[str] = set()

    def items(self, items: list[Item]) -> list[dict]:
        return [self.item(item) for item in items]

    def item(self, item: Item) -> dict:
        if isinstance(item, Note):
            return _compact({"k": "n", "n": item.name, "r": _ast(item.relevant)})
        if isinstance(item, Group):
            return _compact({"k": "g", "n": item.name, "r": _ast(item.relevant),
                             "i": self.items(item.items)})
        if isinstance(item, Repeat):
            return _compact({"k": "r", "n": item.name, "lb": self.text(item.label) or None,
                             "r": _ast(item.relevant),
                             "rc": _ast(item.repeat_count), "i": self.items(item.items)})
        return self.question(item)

    def question(self, q: Question) -> dict:
        if q.choice_filter is not None and q.list_name:
            self.filtered.add(q.list_name)
        required = q.required.ast if isinstance(q.required, Expr) else (q.required or None)
        constraint_text = None
        if q.constraint is not None:
            constraint_text = self.text(q.constraint_message) or message("constraint", self.lang)
        return _compact({
            "k": "q", "n": q.name, "t": q.type, "lb": self.text(q.label) or None,
            "r": _ast(q.relevant), "q": required,
            "c": _ast(q.constraint), "m": constraint_text, "x": _ast(q.calculation),
            "f": _ast(q.choice_filter), "l": q.list_name if q.choice_filter else None,
            "d": q.default, "dx": _ast(q.default_expr), "ro": q.read_only or None,
        })

    def text(self, texts: dict[str, str]) -> str:
        return text_in(texts, self.lang, self.questionnaire.default_language)

    def filtered_lists(self) -> dict[str, list]:
        return {name: [[c.name, c.filters] for c in self.questionnaire.choices(name)]
                for name in sorted(self.filtered)}


def _ast(expr: Expr | None):
    return expr.ast if expr is not None else None


def _compact(node: dict) -> dict:
    return {key: value for key, value in node.items() if value is not None}
