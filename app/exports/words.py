"""A relevance condition in words, for the codebook: which answers make a question apply.

    ${punya_aplikasi} = 'ya'                →  «Punya aplikasi?» = «Ya»
    selected(${platform}, 'web')            →  «Platform» memuat «Situs web»
    ${nama} != ''                           →  «Nama» diisi
    not(${a} > 3) or ${b} = 'x'             →  bukan («A» > 3) atau «B» = «x»

Pure: a plan (for the questions' headers and choice labels), a language and a translator.
A condition on a group or section holds for every question in it, so a question's conditions
are the chain from its section down (app/reports_web/relevance.py finds it).
"""

from __future__ import annotations

from collections.abc import Callable

from app.questionnaires.schema import Expr, text_in

from .flatten import choice_labels, header_of
from .plan import ExportPlan

OPERATORS = {"=": "=", "!=": "≠", ">": ">", ">=": "≥", "<": "<", "<=": "≤", "+": "+",
             "-": "−", "*": "×", "div": "÷", "mod": "mod"}
MAX_DEPTH = 40


class Words:
    """Turns expression ASTs into text in one language."""

    def __init__(self, plan: ExportPlan, lang: str, t: Callable[..., str]):
        default = plan.newest.form.default_language
        self.t = t
        self.names = {name: header_of(planned, True, lang, default)
                      for name, planned in plan.fields.items()}
        self.choices = {name: choice_labels(planned, lang, default)
                        for name, planned in plan.fields.items() if planned.choices}
        self.section_labels = {section.name: text_in(section.label, lang, default)
                               for version in plan.versions for section in version.form.sections}

    def chain(self, conditions: tuple[Expr, ...]) -> str:
        """Every condition that must hold, joined with "and" (empty: it always applies)."""
        parts = [self.expr(condition.ast) for condition in conditions]
        return f" {self.t('export.rel.and')} ".join(
            f"({part})" if len(conditions) > 1 and " " in part else part for part in parts)

    def expr(self, node: dict, depth: int = 0) -> str:
        """One AST node in words."""
        if depth > MAX_DEPTH:
            return "…"
        kind = node.get("type")
        if kind == "binary":
            return self._binary(node, depth)
        if kind == "call":
            return self._call(node, depth)
        if kind == "ref":
            return f"«{self.names.get(node['name'], node['name'])}»"
        if kind == "string":
            return f"«{node['value']}»"
        if kind == "number":
            return str(node["value"])
        if kind == "neg":
            return "−" + self.expr(node["operand"], depth + 1)
        if kind == "current":
            return self.t("export.rel.this")
        return str(node.get("name") or node.get("value") or kind)

    def _binary(self, node: dict, depth: int) -> str:
        op, left, right = node["op"], node["left"], node["right"]
        if op in ("and", "or"):
            word = self.t(f"export.rel.{op}")
            return f"{self._group(left, op, depth)} {word} {self._group(right, op, depth)}"
        if op in ("=", "!=") and right.get("type") == "string" and right["value"] == "":
            return self.t("export.rel.empty" if op == "=" else "export.rel.answered",
                          field=self.expr(left, depth + 1))
        shown_right = self._choice(left, right) or self.expr(right, depth + 1)
        shown_left = self._choice(right, left) or self.expr(left, depth + 1)
        return f"{shown_left} {OPERATORS.get(op, op)} {shown_right}"

    def _group(self, node: dict, outer: str, depth: int) -> str:
        text = self.expr(node, depth + 1)
        inner = node.get("op") if node.get("type") == "binary" else None
        return f"({text})" if inner in ("and", "or") and inner != outer else text

    def _choice(self, ref: dict, value: dict) -> str | None:
        """A string compared with a select question, shown as that choice's label."""
        if ref.get("type") != "ref" or value.get("type") != "string":
            return None
        label = self.choices.get(ref["name"], {}).get(value["value"])
        return f"«{label}»" if label else None

    def _call(self, node: dict, depth: int) -> str:
        name, args = node["name"], node.get("args", [])
        if name == "selected" and len(args) == 2:
            choice = self._choice(args[0], args[1]) or self.expr(args[1], depth + 1)
            return self.t("export.rel.selected", field=self.expr(args[0], depth + 1),
                          choice=choice)
        if name == "not" and len(args) == 1:
            return self.t("export.rel.not", condition=self.expr(args[0], depth + 1))
        if name == "count-selected" and len(args) == 1:
            return self.t("export.rel.count_selected", field=self.expr(args[0], depth + 1))
        return f"{name}({', '.join(self.expr(arg, depth + 1) for arg in args)})"
