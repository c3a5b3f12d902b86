"""Questions asked of a parsed AST: which fields and functions it uses, and its JSON form."""

import copy
from collections.abc import Iterator
from typing import Any

Node = dict[str, Any]


def walk(node: Node) -> Iterator[Node]:
    """Yield `node` and every node below it, parents first."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(_children(current)))


def _children(node: Node) -> list[Node]:
    kind = node["type"]
    if kind == "binary":
        return [node["left"], node["right"]]
    if kind == "neg":
        return [node["operand"]]
    if kind == "call":
        return list(node["args"])
    return []


def references(node: Node) -> set[str]:
    """The question names referenced as ${name}."""
    return {n["name"] for n in walk(node) if n["type"] == "ref"}


def functions(node: Node) -> set[str]:
    """The names of the functions called."""
    return {n["name"] for n in walk(node) if n["type"] == "call"}


def uses_current(node: Node) -> bool:
    """Whether the expression reads `.` (the value of the question it belongs to)."""
    return any(n["type"] == "current" for n in walk(node))


def to_json(node: Node) -> Node:
    """The AST as plain JSON data for the browser evaluator (a copy; the AST is already JSON)."""
    return copy.deepcopy(node)
