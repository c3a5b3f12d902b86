"""The planner's edits of a round's plan; each use case validates, writes, records an audit
event and commits once. Errors are catalogue keys per field (422)."""

from __future__ import annotations

from sqlmodel import Session, delete, select

from app import audit
from app.accounts.models import User
from app.errors import Invalid, NotFound
from app.planning import rules
from app.planning.importer import ParsedPlan
from app.planning.models import PlanAlignment, PlanProgramme, PlanYear, RpjmdNode
from app.planning.plan import ProgrammeInput
from app.rounds.models import Round
from app.types import utcnow


def _refuse(errors: dict[str, str]) -> None:
    if errors:
        raise Invalid(detail={"fields": errors})


def set_years(session: Session, *, round_: Round, first: int, last: int,
              apbd: dict[int, int | None], actor: User) -> None:
    """The plan's years (1–10) and the APBD of each (optional)."""
    _refuse({"years": problem} if (problem := rules.check_years(first, last)) else {})
    bad = {f"apbd_{y}": "planning.error.money" for y, v in apbd.items()
           if v is not None and not rules.check_money(v)}
    _refuse(bad)
    session.exec(delete(PlanYear).where(PlanYear.round_id == round_.id))
    for year in range(first, last + 1):
        session.add(PlanYear(round_id=round_.id, year=year, apbd=apbd.get(year)))
    audit.record(session, action="planning.years_set", actor=actor, object_type="round",
                 object_id=round_.id, first=first, last=last)
    session.commit()


def _nodes(session: Session, round_id: int) -> dict[str, RpjmdNode]:
    query = select(RpjmdNode).where(RpjmdNode.round_id == round_id)
    return {n.code: n for n in session.exec(query)}


def save_node(session: Session, *, round_: Round, kind: str, code: str, text: str,
              parent_code: str | None = None, unit: str = "",
              targets: dict[int, float] | None = None, actor: User) -> RpjmdNode:
    """Add an RPJMD node, or change the one with this code."""
    code, parent_code = code.strip(), (parent_code or "").strip() or None
    known = _nodes(session, round_.id)
    kinds = {c: n.kind for c, n in known.items() if c != code}
    errors = rules.check_node(kind, code, parent_code, text, kinds)
    if any(not rules.check_target(v) for v in (targets or {}).values()):
        errors["targets"] = "planning.error.number"
    _refuse(errors)
    node = known.get(code) or RpjmdNode(round_id=round_.id, code=code, position=len(known))
    node.kind, node.text, node.parent_code = kind, text.strip(), parent_code
    node.unit = unit.strip()[:64]
    node.targets = {str(y): v for y, v in (targets or {}).items()} if kind == "iku" else {}
    node.example = False
    session.add(node)
    audit.record(session, action="planning.node_saved", actor=actor, object_type="round",
                 object_id=round_.id, code=code, kind=kind)
    session.commit()
    return node


def delete_node(session: Session, *, round_: Round, code: str, actor: User) -> None:
    """Remove a node without children (its alignments go with it)."""
    known = _nodes(session, round_.id)
    if code not in known:
        raise NotFound("planning.node_not_found")
    _refuse({"code": "planning.error.has_children"}
            if any(n.parent_code == code for n in known.values()) else {})
    session.delete(known[code])
    session.exec(delete(PlanAlignment).where(PlanAlignment.round_id == round_.id,
                                             PlanAlignment.node_code == code))
    audit.record(session, action="planning.node_deleted", actor=actor, object_type="round",
                 object_id=round_.id, code=code)
    session.commit()


def save_programme(session: Session, *, round_: Round, given: ProgrammeInput,
                   actor: User) -> PlanProgramme:
    """Set a programme's flags, roadmap and costs (a group: also its name and needs)."""
    _refuse(rules.check_programme(given))
    _store_programme(session, round_, given)
    audit.record(session, action="planning.programme_saved", actor=actor, object_type="round",
                 object_id=round_.id, code=given.code, group=bool(given.members))
    session.commit()
    return session.exec(select(PlanProgramme).where(PlanProgramme.round_id == round_.id,
                                                    PlanProgramme.code == given.code)).one()


def _store_programme(session: Session, round_: Round, given: ProgrammeInput) -> None:
    row = session.exec(select(PlanProgramme).where(
        PlanProgramme.round_id == round_.id, PlanProgramme.code == given.code)).first()
    row = row or PlanProgramme(round_id=round_.id, code=given.code)
    for name in ("name", "owner_opd", "prioritas", "cepat_berdampak", "start_year", "duration",
                 "stage", "funding", "budget_status"):
        setattr(row, name, getattr(given, name))
    row.members, row.predecessors = list(given.members), list(given.predecessors)
    row.costs = {str(y): v for y, v in given.costs.items() if v}
    row.updated_at = utcnow()
    session.add(row)


def delete_programme(session: Session, *, round_: Round, code: str, actor: User) -> None:
    """Remove a group (its needs become programmes again) or a need's settings."""
    row = session.exec(select(PlanProgramme).where(PlanProgramme.round_id == round_.id,
                                                   PlanProgramme.code == code)).first()
    if row is None:
        raise NotFound("planning.programme_not_found")
    session.delete(row)
    audit.record(session, action="planning.programme_deleted", actor=actor,
                 object_type="round", object_id=round_.id, code=code)
    session.commit()


def decide_alignment(session: Session, *, round_: Round, programme_code: str, node_code: str,
                     state: str, strength: str = "langsung", actor: User) -> PlanAlignment:
    """Map a programme to a misi or sasaran (accepted), or reject the suggestion."""
    node = _nodes(session, round_.id).get(node_code)
    errors = {}
    if node is None or node.kind not in rules.ALIGNABLE:
        errors["node_code"] = "planning.error.node"
    if state not in ("accepted", "rejected"):
        errors["state"] = "planning.error.choice"
    if strength not in rules.STRENGTHS:
        errors["strength"] = "planning.error.choice"
    if not programme_code or len(programme_code) > 100:
        errors["programme_code"] = "planning.error.code"
    _refuse(errors)
    row = session.exec(select(PlanAlignment).where(
        PlanAlignment.round_id == round_.id, PlanAlignment.programme_code == programme_code,
        PlanAlignment.node_code == node_code)).first()
    row = row or PlanAlignment(round_id=round_.id, programme_code=programme_code,
                               node_code=node_code)
    row.state, row.strength, row.actor_id, row.at = state, strength, actor.id, utcnow()
    session.add(row)
    audit.record(session, action=f"planning.alignment_{state}", actor=actor,
                 object_type="round", object_id=round_.id, programme=programme_code,
                 node=node_code, strength=strength)
    session.commit()
    return row


def remove_alignment(session: Session, *, round_: Round, programme_code: str, node_code: str,
                     actor: User) -> None:
    """Forget a mapping or a rejection (the suggestion may come back)."""
    session.exec(delete(PlanAlignment).where(
        PlanAlignment.round_id == round_.id, PlanAlignment.programme_code == programme_code,
        PlanAlignment.node_code == node_code))
    audit.record(session, action="planning.alignment_removed", actor=actor,
                 object_type="round", object_id=round_.id, programme=programme_code,
                 node=node_code)
    session.commit()


def import_plan(session: Session, *, round_: Round, parsed: ParsedPlan, actor: User,
                example: bool = False) -> None:
    """Replace every planner input of the round with a checked workbook's (all or nothing)."""
    for table in (PlanYear, RpjmdNode, PlanProgramme, PlanAlignment):
        session.exec(delete(table).where(table.round_id == round_.id))
    for year in parsed.years:
        session.add(PlanYear(round_id=round_.id, year=year, apbd=parsed.apbd.get(year)))
    for position, n in enumerate(parsed.nodes):
        session.add(RpjmdNode(round_id=round_.id, kind=n.kind, code=n.code, text=n.text,
                              parent_code=n.parent_code, unit=n.unit, position=position,
                              targets={str(y): v for y, v in n.targets.items()},
                              example=example or n.example))
    for given in parsed.programmes:
        _store_programme(session, round_, given)
    for a in parsed.alignments:
        session.add(PlanAlignment(round_id=round_.id, programme_code=a.programme_code,
                                  node_code=a.node_code, strength=a.strength, state=a.state,
                                  actor_id=actor.id))
    audit.record(session, action="planning.imported", actor=actor, object_type="round",
                 object_id=round_.id, nodes=len(parsed.nodes),
                 programmes=len(parsed.programmes), alignments=len(parsed.alignments))
    session.commit()
