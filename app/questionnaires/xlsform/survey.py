"""Checks of the survey sheet as a whole: rows, nesting, names, labels, lists and expressions."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..answers.coerce import static_default_problem
from ..schema import Expr
from .columns import Languages
from .exprs import choice_columns, compile_cells, is_dynamic_default
from .read import FormError, Sheet, SheetRow
from .roles import check_masterplan_roles
from .rows import RowType, check_row, parse_type
from .sheets import ChoiceLists, missing_labels, translations
from .tree import Node, build_tree, index_names, walk


@dataclass
class CheckedSurvey:
    """The survey as nested nodes, its name index and the compiled expressions of each node."""

    nodes: list[Node] = field(default_factory=list)
    index: dict[str, Node] = field(default_factory=dict)
    exprs: dict[int, dict[str, Expr]] = field(default_factory=dict)


def check_survey(
    sheet: Sheet, langs: Languages, choices: ChoiceLists
) -> tuple[CheckedSurvey, list[FormError]]:
    """Run every check of the survey sheet, collecting all errors."""
    result = CheckedSurvey()
    if not sheet.rows:
        return result, [FormError("survey", None, None, "the survey sheet has no questions")]
    errors = [
        FormError("survey", 1, column, f"the survey sheet needs a {column} column")
        for column in ("type", "name")
        if column not in sheet.headers
    ]
    typed = []
    for row in sheet.rows:
        kind, error = _row_type(row)
        if error:
            errors.append(error)
            continue
        errors += check_row(row, kind)
        typed.append((row, kind))
    result.nodes, tree_errors = build_tree(typed)
    result.index, name_errors = index_names(result.nodes)
    errors += tree_errors + name_errors + check_masterplan_roles(result.nodes)
    for node in walk(result.nodes):
        errors += _check_node(node, langs, choices)
        result.exprs[node.order], expr_errors = compile_cells(node)
        errors += expr_errors
        errors += _check_refs(node, result.exprs[node.order], result.index, choices)
    return result, sorted(errors, key=_error_order)


def _error_order(error: FormError) -> tuple[int, str]:
    return (error.row or 0, error.column or "")


def _row_type(row: SheetRow) -> tuple[RowType | None, FormError | None]:
    if not row.get("type"):
        return None, FormError("survey", row.number, "type", "type is required")
    return parse_type(row)


def _check_node(node: Node, langs: Languages, choices: ChoiceLists) -> list[FormError]:
    """Labels in every language, a known choice list, a calculation, a valid static default."""
    row, kind = node.row, node.kind
    errors = []
    if kind.kind != "calculate":
        errors += missing_labels("survey", row, translations(row, "label", langs), langs)
    elif not row.get("calculation"):
        message = "calculate needs a calculation"
        errors.append(FormError("survey", row.number, "calculation", message))
    codes: set[str] = set()
    if kind.list_name:
        if kind.list_name not in choices.lists:
            message = f'choice list "{kind.list_name}" is not defined on the choices sheet'
            errors.append(FormError("survey", row.number, "type", message))
        codes = {choice.name for choice in choices.lists.get(kind.list_name, [])}
    default = row.get("default")
    if default and not is_dynamic_default(default) and (codes or not kind.list_name):
        problem = static_default_problem(kind.type, default, codes)
        if problem:
            errors.append(FormError("survey", row.number, "default", f"default must be {problem}"))
    return errors


def _check_refs(
    node: Node, exprs: dict[str, Expr], index: dict[str, Node], choices: ChoiceLists
) -> list[FormError]:
    """Every ${name} must be a field with a value; choice_filter columns must exist."""
    errors = []
    for column, expr in exprs.items():
        for name in expr.refs:
            problem = _ref_problem(node, column, index.get(name), name)
            if problem:
                errors.append(FormError("survey", node.row.number, column, problem))
        if column == "choice_filter":
            for missing in sorted(choice_columns(expr) - choices.columns):
                message = f'choice_filter uses column "{missing}", not on the choices sheet'
                errors.append(FormError("survey", node.row.number, column, message))
    return errors


def _ref_problem(node: Node, column: str, target: Node | None, name: str) -> str | None:
    if target is None:
        return f"unknown field ${{{name}}}"
    if not target.has_value:
        return f"${{{name}}} is a {target.kind.type} and has no value"
    if target is node and column != "constraint":
        return f"${{{name}}} refers to this row itself (use . in constraint)"
    if column == "calculation" and target.kind.kind == "calculate" and target.order > node.order:
        return f"${{{name}}} is calculated further down; move this calculate below it"
    return None
