"""Compile the expression cells of survey rows and check what they refer to."""

from __future__ import annotations

from collections.abc import Iterator

from ..expressions import ExpressionError, parse, references, to_json
from ..expressions.lexer import tokenize
from ..expressions.parser import WORD_OPERATORS
from ..schema import Expr
from .read import FormError
from .rows import is_bool_word
from .tree import Node

CHOICE_PREFIX = "_choice."
"""In a choice_filter AST, {"type": "ref", "name": "_choice.col"} is column `col` of the choice
being tested (XLSForm writes it as a bare name); ${x} refs are answers as everywhere else."""

EXPRESSION_COLUMNS = (
    "relevant", "required", "constraint", "calculation", "choice_filter", "repeat_count", "default"
)


def compile_expr(text: str) -> Expr:
    """Parse an expression into an Expr (source, JSON AST, refs); raise ExpressionError."""
    node = parse(text)
    return Expr(source=text, ast=to_json(node), refs=sorted(references(node)))


def compile_choice_filter(text: str) -> Expr:
    """Parse a choice_filter, whose bare names are choice columns; raise ExpressionError."""
    rewritten, shifts = _columns_as_refs(text)
    try:
        node = parse(rewritten)
    except ExpressionError as exc:
        if exc.position is not None:
            exc.position -= sum(n for at, n in shifts if at < exc.position)
        raise
    refs = sorted(r for r in references(node) if not r.startswith(CHOICE_PREFIX))
    return Expr(source=text, ast=to_json(node), refs=refs)


def choice_columns(expr: Expr) -> set[str]:
    """The choice columns a compiled choice_filter tests."""
    names = (node["name"] for node in _ast_nodes(expr.ast) if node["type"] == "ref")
    return {name.removeprefix(CHOICE_PREFIX) for name in names if name.startswith(CHOICE_PREFIX)}


def uses_dot(expr: Expr) -> bool:
    """Whether the expression reads `.` (the answer of its own question)."""
    return any(node["type"] == "current" for node in _ast_nodes(expr.ast))


def _ast_nodes(ast: object) -> Iterator[dict]:
    """Every node of a JSON AST (a generic walk over dicts and lists)."""
    if isinstance(ast, dict):
        if "type" in ast:
            yield ast
        for value in ast.values():
            yield from _ast_nodes(value)
    elif isinstance(ast, list):
        for value in ast:
            yield from _ast_nodes(value)


def _columns_as_refs(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Rewrite bare names (not functions, not and/or/div/mod) as ${_choice.name} references."""
    tokens = tokenize(text)
    out, last, shifts = [], 0, []
    for token, following in zip(tokens, tokens[1:], strict=False):
        if token.kind != "name" or token.text in WORD_OPERATORS or following.kind == "(":
            continue
        if ":" in token.text:
            continue  # let the parser reject prefixed names
        replacement = "${" + CHOICE_PREFIX + token.text + "}"
        out.append(text[last : token.pos])
        shifts.append((sum(map(len, out)), len(replacement) - len(token.text)))
        out.append(replacement)
        last = token.pos + len(token.text)
    out.append(text[last:])
    return "".join(out), shifts


def compile_cells(node: Node) -> tuple[dict[str, Expr], list[FormError]]:
    """Compile every expression cell of a row; report syntax errors and misplaced `.`."""
    compiled: dict[str, Expr] = {}
    errors = []
    for column in EXPRESSION_COLUMNS:
        text = node.row.get(column)
        if not _is_expression(column, text):
            continue
        try:
            expr = compile_choice_filter(text) if column == "choice_filter" else compile_expr(text)
        except ExpressionError as exc:
            errors.append(FormError("survey", node.row.number, column, _describe(exc)))
            continue
        if column != "constraint" and uses_dot(expr):
            message = '"." (this answer) can only be used in constraint'
            errors.append(FormError("survey", node.row.number, column, message))
            continue
        compiled[column] = expr
    return compiled, errors


def _is_expression(column: str, text: str) -> bool:
    if not text:
        return False
    if column == "required":
        return not is_bool_word(text)
    if column == "default":
        return is_dynamic_default(text)
    return True


def is_dynamic_default(text: str) -> bool:
    """Whether a default is an expression (it uses ${…} or a function) rather than a value."""
    return "${" in text or "(" in text


def _describe(exc: ExpressionError) -> str:
    if exc.position is None:
        return exc.message
    return f"{exc.message} (at character {exc.position + 1})"
