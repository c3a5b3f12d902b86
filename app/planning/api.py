"""JSON twins of the planning pages: the plan's inputs and output tables, and each edit."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Query, Request, UploadFile
from pydantic import BaseModel, Field

from app.deps import SessionDep
from app.errors import API_ERRORS, Invalid
from app.i18n import language_of
from app.limits import upload_cap
from app.planning import service
from app.planning.importer import MAX_FILE_BYTES, parse_plan_workbook
from app.planning.plan import ProgrammeInput
from app.planning.view import planning_view
from app.regencies.context import RegencyDep
from app.rounds.deps import PlannerDep, PlannerRound, StaffDep, StaffRound

router = APIRouter(prefix="/api/v1", tags=["api: planning"], responses=API_ERRORS)
Money = Annotated[float, Field(ge=0, le=10**15)]
Target = Annotated[float, Field(ge=-10**15, le=10**15)]
Year = Annotated[int, Field(ge=2000, le=2100)]


class YearsIn(BaseModel):
    first: int = Field(ge=2000, le=2100)
    last: int = Field(ge=2000, le=2100)
    apbd: dict[Year, Annotated[int, Field(ge=0, le=10**15)] | None] = Field(default={},
                                                                            max_length=10)


class NodeIn(BaseModel):
    kind: str = Field(max_length=16)
    code: str = Field(max_length=32)
    text: str = Field(max_length=2000)
    parent_code: str | None = Field(default=None, max_length=32)
    unit: str = Field(default="", max_length=64)
    targets: dict[Year, Target] = Field(default={}, max_length=10)


class ProgrammeIn(BaseModel):
    code: str = Field(min_length=1, max_length=100)
    name: str = Field(default="", max_length=300)
    members: list[Annotated[str, Field(max_length=100)]] = Field(default=[], max_length=500)
    owner_opd: str = Field(default="", max_length=32)
    prioritas: bool = False
    cepat_berdampak: bool = False
    start_year: int | None = Field(default=None, ge=2000, le=2100)
    duration: int | None = Field(default=None, ge=1, le=10)
    stage: str = Field(default="", max_length=32)
    predecessors: list[Annotated[str, Field(max_length=100)]] = Field(default=[], max_length=50)
    funding: str = Field(default="", max_length=16)
    budget_status: str = Field(default="", max_length=16)
    costs: dict[Year, Money] = Field(default={}, max_length=10)


class AlignmentIn(BaseModel):
    programme_code: str = Field(min_length=1, max_length=100)
    node_code: str = Field(min_length=1, max_length=32)
    state: str = Field(max_length=16, description="accepted, rejected or removed")
    strength: str = Field(default="langsung", max_length=16)


class PlanningOut(BaseModel):
    """The plan's inputs and every output table (the page's and the workbook's numbers)."""

    regency: str
    round_id: int
    example: bool
    years: list[int]
    apbd: dict[int, float]
    nodes: list[dict[str, Any]]
    programmes: list[dict[str, Any]]
    suggestions: list[dict[str, Any]]
    order_problems: list[dict[str, Any]]
    tables: list[dict[str, Any]]


def _out(request: Request, session, round_, regency) -> PlanningOut:
    view = planning_view(session, round_=round_, lang=language_of(request), regency=regency)
    data, out = view.planning.data, view.outputs
    return PlanningOut(
        regency=regency.name, round_id=round_.id, example=view.example, years=list(data.years),
        apbd=data.apbd, nodes=[vars(n) for n in data.nodes],
        programmes=[{**vars(p), "end_year": p.end_year} for p in out.plan.programmes],
        suggestions=[vars(s) for s in out.suggestions],
        order_problems=[vars(p) for p in out.roadmap.problems],
        tables=[{"key": t.key, "title": t.title, "columns": [vars(c) for c in t.columns],
                 "rows": t.rows, "footer": t.footer, "flagged": t.flagged} for t in view.tables])


@router.get("/rounds/{round_id}/planning", response_model=PlanningOut)
def planning_api(request: Request, session: SessionDep, round_: StaffRound, _p: StaffDep,
                 regency: RegencyDep):
    """The round's plan: inputs, suggestions, and the output tables."""
    return _out(request, session, round_, regency)


@router.put("/rounds/{round_id}/planning/years", response_model=PlanningOut)
def planning_years_api(request: Request, body: YearsIn, session: SessionDep,
                       round_: PlannerRound, principal: PlannerDep, regency: RegencyDep):
    """Set the plan's years and the APBD of each."""
    service.set_years(session, round_=round_, first=body.first, last=body.last,
                      apbd=body.apbd, actor=principal.user)
    return _out(request, session, round_, regency)


@router.put("/rounds/{round_id}/planning/nodes", response_model=PlanningOut)
def planning_node_api(request: Request, body: NodeIn, session: SessionDep,
                      round_: PlannerRound, principal: PlannerDep, regency: RegencyDep):
    """Add or change a misi, tujuan, sasaran or IKU (by its code)."""
    service.save_node(session, round_=round_, actor=principal.user, **body.model_dump())
    return _out(request, session, round_, regency)


@router.delete("/rounds/{round_id}/planning/nodes", response_model=PlanningOut)
def planning_node_delete_api(request: Request, session: SessionDep, round_: PlannerRound,
                             principal: PlannerDep, regency: RegencyDep,
                             code: Annotated[str, Query(max_length=32)]):
    """Remove an RPJMD node that has no children."""
    service.delete_node(session, round_=round_, code=code, actor=principal.user)
    return _out(request, session, round_, regency)


@router.put("/rounds/{round_id}/planning/programmes", response_model=PlanningOut)
def planning_programme_api(request: Request, body: ProgrammeIn, session: SessionDep,
                           round_: PlannerRound, principal: PlannerDep, regency: RegencyDep):
    """Set a programme's flags, roadmap and costs, or create a group of needs."""
    values = body.model_dump()
    given = ProgrammeInput(**{**values, "members": tuple(values["members"]),
                              "predecessors": tuple(values["predecessors"])})
    service.save_programme(session, round_=round_, given=given, actor=principal.user)
    return _out(request, session, round_, regency)


@router.delete("/rounds/{round_id}/planning/programmes", response_model=PlanningOut)
def planning_programme_delete_api(request: Request, session: SessionDep, round_: PlannerRound,
                                  principal: PlannerDep, regency: RegencyDep,
                                  code: Annotated[str, Query(max_length=100)]):
    """Remove a group or a need's settings."""
    service.delete_programme(session, round_=round_, code=code, actor=principal.user)
    return _out(request, session, round_, regency)


@router.post("/rounds/{round_id}/planning/alignments", response_model=PlanningOut)
def planning_alignment_api(request: Request, body: AlignmentIn, session: SessionDep,
                           round_: PlannerRound, principal: PlannerDep, regency: RegencyDep):
    """Accept or reject a mapping of a programme to a misi or sasaran, or forget it."""
    if body.state == "removed":
        service.remove_alignment(session, round_=round_, programme_code=body.programme_code,
                                 node_code=body.node_code, actor=principal.user)
    else:
        service.decide_alignment(session, round_=round_, actor=principal.user,
                                 **body.model_dump())
    return _out(request, session, round_, regency)


@router.post("/rounds/{round_id}/planning/import", response_model=PlanningOut,
             max_body_size=upload_cap(MAX_FILE_BYTES))
def planning_import_api(request: Request, session: SessionDep, round_: PlannerRound,
                        principal: PlannerDep, regency: RegencyDep,
                        file: Annotated[UploadFile, File()]):
    """Replace the plan's inputs with a Masterplan workbook's (422 lists every problem)."""
    parsed, problems = parse_plan_workbook(file.file.read(MAX_FILE_BYTES + 1))
    if parsed is None:
        raise Invalid("planning.import.refused", detail={"problems": [
            {"sheet": p.sheet, "row": p.row, "column": p.column, "key": p.key}
            for p in problems]})
    service.import_plan(session, round_=round_, parsed=parsed, actor=principal.user)
    return _out(request, session, round_, regency)
