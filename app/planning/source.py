"""What a round's plan reads from the database: the needs (the report's and the workbook's
flattening: submitted and approved answers), today's quick-win shortlist, the planner's
inputs. The regency (its name) comes in as context from the caller."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from app.clock import utcnow
from app.exports.masterplan import masterplan_spec
from app.exports.options import ExportOptions, Scope
from app.exports.plan import build_plan as build_export_plan
from app.exports.source import load_versions, submission_records
from app.opds.models import Opd
from app.planning.models import PlanAlignment, PlanProgramme, PlanYear, RpjmdNode
from app.planning.plan import Alignment, Node, PlanInput, ProgrammeInput, need_code
from app.reports_web.adapter import AnswerStream, dimensions_of
from app.rounds.models import Round
from reports.builders.priority import PriorityOptions, shortlist
from reports.inputs import Dimension


@dataclass
class RoundPlanning:
    """A round's plan input, with the labels its pages and sheets print."""

    round: Round
    data: PlanInput
    dimensions: list[Dimension]
    opd_names: dict[str, str]
    timeframes: dict[str, str]


def round_planning(session: Session, *, round_: Round, lang: str, timezone: str
                   ) -> RoundPlanning:
    """The needs of the round's submitted and approved answers, and the planner's inputs."""
    versions, problems = load_versions(session, round_)
    needs, dimensions, timeframes, readiness = [], [], {}, []
    if versions:
        export_plan = build_export_plan(versions)
        spec = masterplan_spec(export_plan, lang=lang)
        stream = AnswerStream(export_plan, spec, lang,
                              today=utcnow().astimezone(ZoneInfo(timezone)).date())
        options = ExportOptions(labels=True, lang=lang, scope=Scope.submitted)
        records = submission_records(session, round_id=round_.id, options=options,
                                     versions=versions, problems=problems)
        deque(stream.rows(records), maxlen=0)
        needs, readiness, dimensions = stream.needs, stream.readiness, dimensions_of(spec)
        timeframes = spec.labels.get("jangka", {}) if spec else {}
    quick = {need_code(needs[i]) for i in shortlist(needs, dimensions, readiness,
                                                    PriorityOptions())}
    data = planner_inputs(session, round_id=round_.id)
    data.needs, data.quick_wins = needs, frozenset(quick)
    names = {o.code: o.name for o in session.exec(select(Opd))}
    return RoundPlanning(round_, data, dimensions, names, timeframes)


def planner_inputs(session: Session, *, round_id: int) -> PlanInput:
    """The planner's inputs of a round (no needs yet)."""
    years = session.exec(select(PlanYear).where(PlanYear.round_id == round_id)
                         .order_by(PlanYear.year)).all()
    nodes = session.exec(select(RpjmdNode).where(RpjmdNode.round_id == round_id)
                         .order_by(RpjmdNode.position, RpjmdNode.id)).all()
    programmes = session.exec(select(PlanProgramme).where(PlanProgramme.round_id == round_id)
                              .order_by(PlanProgramme.id)).all()
    alignments = session.exec(select(PlanAlignment).where(PlanAlignment.round_id == round_id)
                              .order_by(PlanAlignment.id)).all()
    return PlanInput(
        years=tuple(y.year for y in years),
        apbd={y.year: float(y.apbd) for y in years if y.apbd is not None},
        nodes=[node_of(n) for n in nodes],
        programmes=[programme_of(p) for p in programmes],
        alignments=[Alignment(a.programme_code, a.node_code, a.strength, a.state)
                    for a in alignments])


def node_of(row: RpjmdNode) -> Node:
    return Node(row.kind, row.code, row.text, row.parent_code, row.unit,
                {int(y): float(v) for y, v in row.targets.items()}, row.example)


def programme_of(row: PlanProgramme) -> ProgrammeInput:
    return ProgrammeInput(
        code=row.code, name=row.name, members=tuple(row.members), owner_opd=row.owner_opd,
        prioritas=row.prioritas, cepat_berdampak=row.cepat_berdampak,
        start_year=row.start_year, duration=row.duration, stage=row.stage,
        predecessors=tuple(row.predecessors), funding=row.funding,
        budget_status=row.budget_status,
        costs={int(y): float(v) for y, v in row.costs.items()})
