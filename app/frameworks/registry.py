"""The registry from the database: frameworks with their nodes, and every crosswalk link."""

from __future__ import annotations

from sqlmodel import Session, select

from app.frameworks.models import CrosswalkLink, FrameworkNode
from app.frameworks.models import Framework as FrameworkRow
from reports.frameworks import Framework, Link, Node, NodeRef, Registry


def load_registry(session: Session) -> Registry:
    """Every framework (by code) and every crosswalk link (in the order they were made)."""
    rows = list(session.exec(select(FrameworkRow).order_by(FrameworkRow.id)))
    code_of = {row.id: row.code for row in rows}
    nodes: dict[int, list[FrameworkNode]] = {}
    refs: dict[int, NodeRef] = {}
    query = select(FrameworkNode).order_by(FrameworkNode.framework_id, FrameworkNode.position,
                                           FrameworkNode.id)
    for node in session.exec(query):
        nodes.setdefault(node.framework_id, []).append(node)
        refs[node.id] = NodeRef(code_of[node.framework_id], node.code)
    frameworks = tuple(_framework(row, nodes.get(row.id, [])) for row in rows)
    links = tuple(Link(refs[link.source_id], refs[link.target_id], link.relation, link.note,
                       link.inferred, link.id)
                  for link in session.exec(select(CrosswalkLink).order_by(CrosswalkLink.id))
                  if link.source_id in refs and link.target_id in refs)
    return Registry(frameworks, links)


def _framework(row: FrameworkRow, nodes: list[FrameworkNode]) -> Framework:
    return Framework(
        code=row.code, name=row.name, version=row.version, legal_basis=row.legal_basis,
        status=row.status, valid_from=row.valid_from, valid_to=row.valid_to, note=row.note,
        nodes=tuple(Node(n.code, n.label_id, n.label_en, n.level, n.parent_code, n.weight,
                         n.position, n.inferred) for n in nodes))
