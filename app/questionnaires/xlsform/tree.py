"""Nest survey rows into groups and repeats, and index every name in the form."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from .read import FormError, SheetRow
from .rows import RowType


@dataclass
class Node:
    """A survey row in its place in the form; groups and repeats have children."""

    row: SheetRow
    kind: RowType
    children: list[Node] = field(default_factory=list)
    repeats: tuple[str, ...] = ()
    """Names of the enclosing repeats, outermost first."""
    order: int = 0
    """Position in document order."""

    @property
    def name(self) -> str:
        """The row's name cell."""
        return self.row.get("name")

    @property
    def is_container(self) -> bool:
        """Whether this is a group or a repeat."""
        return self.kind.kind in ("begin group", "begin repeat")

    @property
    def has_value(self) -> bool:
        """Whether ${name} has a value: questions, calculates, and repeats (their rows)."""
        return self.kind.kind in ("question", "select", "calculate", "begin repeat")


def build_tree(rows: list[tuple[SheetRow, RowType]]) -> tuple[list[Node], list[FormError]]:
    """Nest rows by their begin/end rows; report unbalanced and empty groups and repeats."""
    top: list[Node] = []
    stack: list[Node] = []
    errors: list[FormError] = []
    for row, kind in rows:
        if kind.kind.startswith("end"):
            errors += _close(stack, row, kind)
            continue
        node = Node(row, kind, repeats=_repeats_of(stack))
        (stack[-1].children if stack else top).append(node)
        if node.is_container:
            stack.append(node)
    for node in stack:
        what = node.kind.type
        message = f'begin_{what} "{node.name}" is never closed (add an end_{what} row)'
        errors.append(FormError("survey", node.row.number, "type", message))
    for order, node in enumerate(walk(top)):
        node.order = order
        if node.is_container and not node.children:
            message = f'{node.kind.type} "{node.name}" is empty'
            errors.append(FormError("survey", node.row.number, "type", message))
    return top, errors


def _repeats_of(stack: list[Node]) -> tuple[str, ...]:
    return tuple(node.name for node in stack if node.kind.type == "repeat")


def _close(stack: list[Node], row: SheetRow, kind: RowType) -> list[FormError]:
    spelled = row.get("type")
    if not stack:
        message = f"{spelled} without a matching begin_{kind.type}"
        return [FormError("survey", row.number, "type", message)]
    node = stack.pop()
    if node.kind.type != kind.type:
        message = (
            f'{spelled} closes begin_{node.kind.type} "{node.name}" of row {node.row.number}; '
            f"expected end_{node.kind.type}"
        )
        return [FormError("survey", row.number, "type", message)]
    return []


def walk(nodes: list[Node]) -> Iterator[Node]:
    """Yield nodes in document order, parents before their children."""
    for node in nodes:
        yield node
        yield from walk(node.children)


def index_names(nodes: list[Node]) -> tuple[dict[str, Node], list[FormError]]:
    """Map each name to its node; report names used twice anywhere in the form."""
    index: dict[str, Node] = {}
    errors = []
    for node in walk(nodes):
        name = node.name
        if not name:
            continue
        if name in index:
            message = f'duplicate name "{name}" (also used at row {index[name].row.number})'
            errors.append(FormError("survey", node.row.number, "name", message))
        else:
            index[name] = node
    return index, errors
