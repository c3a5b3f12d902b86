"""Checks of the `instance::masterplan` column: which field plays which master-plan role.

A role may be declared once, on a question inside a repeat, and every role of a form must sit
in the same repeat (the needs repeat): one repeat row is one program of the master plan.
"""

from __future__ import annotations

from .columns import MASTERPLAN_COLUMN, MASTERPLAN_ROLES
from .read import FormError
from .tree import Node, walk

# Roles whose value the export computes with: the question type must fit.
ROLE_TYPES = {
    "dimensi": ("select_one",),
    "elemen": ("select_one",),
    "jangka": ("select_one", "text"),
    "sumber_dana": ("select_one", "select_multiple", "text"),
    "biaya": ("integer", "decimal"),
    "prioritas": ("integer", "decimal", "select_one"),
    "quick_win": ("select_one",),
    "tahun_mulai": ("integer",),
    "status_program": ("select_one",),
    "realisasi": ("integer", "decimal"),
}


def check_masterplan_roles(nodes: list[Node]) -> list[FormError]:
    """Unknown roles, roles on non-questions, roles declared twice or in different repeats."""
    errors: list[FormError] = []
    seen: dict[str, Node] = {}
    home: Node | None = None
    for node in walk(nodes):
        role = node.row.get(MASTERPLAN_COLUMN)
        if not role:
            continue
        problem = _problem(node, role, seen, home)
        if problem:
            errors.append(FormError("survey", node.row.number, MASTERPLAN_COLUMN, problem))
            continue
        seen[role] = node
        home = home or node
    return errors


def _problem(node: Node, role: str, seen: dict[str, Node], home: Node | None) -> str | None:
    if role not in MASTERPLAN_ROLES:
        return f'unknown master-plan role "{role}" (allowed: {", ".join(MASTERPLAN_ROLES)})'
    if node.kind.kind not in ("question", "select"):
        return f'master-plan role "{role}" applies to questions only, not to {node.kind.type}'
    wanted = ROLE_TYPES.get(role)
    if wanted and node.kind.type not in wanted:
        return f'master-plan role "{role}" needs a {" or ".join(wanted)} question'
    if not node.repeats:
        return f'master-plan role "{role}" belongs on a field of the needs repeat'
    if role in seen:
        return f'master-plan role "{role}" is already declared at row {seen[role].row.number}'
    if home is not None and node.repeats != home.repeats:
        return (f'master-plan roles must all be in one repeat: "{node.repeats[-1]}" here, '
                f'"{home.repeats[-1]}" at row {home.row.number}')
    return None
