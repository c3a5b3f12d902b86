"""Editing the crosswalk (links between framework nodes) and the round's analysis settings;
each change commits once and is an audit event."""

from __future__ import annotations

from sqlmodel import Session, select

from app import audit
from app.accounts.models import User
from app.analyses.models import RoundAnalysis
from app.errors import Invalid, NotFound
from app.frameworks.models import CrosswalkLink, FrameworkNode
from app.frameworks.models import Framework as FrameworkRow
from app.frameworks.workbook import ParsedCrosswalk
from app.rounds.models import Round
from app.types import utcnow
from reports.frameworks import RELATIONS, NodeRef


def node_row(session: Session, ref: NodeRef) -> FrameworkNode | None:
    """The stored node a reference names, or None."""
    query = (select(FrameworkNode).join(FrameworkRow, FrameworkRow.id == FrameworkNode.framework_id)
             .where(FrameworkRow.code == ref.framework, FrameworkNode.code == ref.node))
    return session.exec(query).first()


def check_link(session: Session, source: str, target: str, relation: str
               ) -> tuple[dict[str, str], FrameworkNode | None, FrameworkNode | None]:
    """Field -> message key of what is wrong with a link, and the two nodes."""
    problems: dict[str, str] = {}
    nodes = []
    for name, text in (("source", source), ("target", target)):
        ref = NodeRef.parse(text)
        node = node_row(session, ref) if ref else None
        if node is None:
            problems[name] = "framework.node_unknown"
        nodes.append(node)
    if relation not in RELATIONS:
        problems["relation"] = "framework.relation_unknown"
    if nodes[0] and nodes[1] and nodes[0].framework_id == nodes[1].framework_id:
        problems["target"] = "framework.same_framework"
    return problems, nodes[0], nodes[1]


def save_link(session: Session, *, source: str, target: str, relation: str, note: str = "",
              actor: User | None) -> CrosswalkLink:
    """Add the link (or change the relation and note of the one between these nodes)."""
    problems, from_node, to_node = check_link(session, source, target, relation)
    if problems:
        raise Invalid(detail={"fields": problems})
    link = session.exec(select(CrosswalkLink).where(
        CrosswalkLink.source_id == from_node.id, CrosswalkLink.target_id == to_node.id)).first()
    before = {"relation": link.relation, "note": link.note} if link else None
    link = link or CrosswalkLink(source_id=from_node.id, target_id=to_node.id, relation=relation)
    link.relation, link.note, link.inferred = relation, note.strip()[:500], False
    link.updated_at, link.updated_by_id = utcnow(), actor.id if actor else None
    session.add(link)
    session.flush()
    audit.record(session, action="crosswalk.saved", actor=actor, object_type="crosswalk_link",
                 object_id=link.id, source=source, target=target, relation=relation,
                 before=before)
    session.commit()
    return link


def delete_link(session: Session, *, link_id: int, actor: User | None) -> None:
    """Remove one link."""
    link = session.get(CrosswalkLink, link_id)
    if link is None:
        raise NotFound("framework.link_not_found")
    ends = [session.get(FrameworkNode, link.source_id),
            session.get(FrameworkNode, link.target_id)]
    session.delete(link)
    audit.record(session, action="crosswalk.deleted", actor=actor, object_type="crosswalk_link",
                 object_id=link_id, relation=link.relation,
                 nodes=[n.code for n in ends if n is not None])
    session.commit()


def save_round_setting(session: Session, *, round_: Round, actor: User | None,
                       **changes: object) -> RoundAnalysis:
    """Change the round's framework, SPBE target index or walidata (only the fields given)."""
    setting = session.get(RoundAnalysis, round_.id) or RoundAnalysis(round_id=round_.id)
    before = {key: getattr(setting, key) for key in changes}
    for key, value in changes.items():
        setattr(setting, key, value)
    setting.updated_at, setting.updated_by_id = utcnow(), actor.id if actor else None
    session.add(setting)
    audit.record(session, action="round.analysis_changed", actor=actor, object_type="round",
                 object_id=round_.id, before=before, after=dict(changes))
    session.commit()
    return setting


def import_crosswalk(session: Session, *, parsed: ParsedCrosswalk, actor: User | None) -> int:
    """Replace the links of every framework pair the file covers by its rows; returns how
    many links were written. The caller checked `parsed.ok`."""
    pairs = parsed.pairs | {(b, a) for a, b in parsed.pairs}
    removed = 0
    for link in session.exec(select(CrosswalkLink)):
        ends = (session.get(FrameworkNode, link.source_id),
                session.get(FrameworkNode, link.target_id))
        codes = tuple(_framework_code(session, node) for node in ends)
        if codes in pairs:
            session.delete(link)
            removed += 1
    session.flush()
    for row in parsed.rows:
        source, target = node_row(session, row.source), node_row(session, row.target)
        session.add(CrosswalkLink(source_id=source.id, target_id=target.id,
                                  relation=row.relation, note=row.note,
                                  updated_by_id=actor.id if actor else None))
    audit.record(session, action="crosswalk.imported", actor=actor, object_type="crosswalk",
                 object_id=",".join(sorted(f"{a}>{b}" for a, b in parsed.pairs)),
                 links=len(parsed.rows), removed=removed)
    session.commit()
    return len(parsed.rows)


def _framework_code(session: Session, node: FrameworkNode | None) -> str:
    framework = session.get(FrameworkRow, node.framework_id) if node else None
    return framework.code if framework else ""
