"""JSON twins of the framework pages: the registry, the crosswalk, a round's framework view."""

from typing import Annotated, Any

from fastapi import APIRouter, File, Query, Request, Response, UploadFile
from pydantic import BaseModel, Field

from app.analyses.service import round_analyses
from app.deps import SessionDep, SettingsDep
from app.errors import API_ERRORS, Invalid, NotFound, PayloadTooLarge
from app.frameworks import service
from app.frameworks.registry import load_registry
from app.frameworks.workbook import LIMITS, parse_crosswalk
from app.i18n import language_of
from app.limits import upload_cap
from app.rounds.deps import PlannerDep, PlannerRound, StaffDep, StaffRound
from app.types import DbId
from reports import report_json

router = APIRouter(prefix="/api/v1", tags=["api: frameworks"], responses=API_ERRORS)


class LinkIn(BaseModel):
    """A crosswalk link: nodes written FRAMEWORK:NODE; relation same, part_of or related."""

    source: str = Field(max_length=100)
    target: str = Field(max_length=100)
    relation: str = Field(max_length=16)
    note: str = Field(default="", max_length=500)


class FrameworkChoice(BaseModel):
    framework: str | None = Field(default=None, max_length=32)


@router.get("/frameworks")
def frameworks_api(session: SessionDep, _principal: StaffDep) -> list[dict[str, Any]]:
    """Every framework of the registry with its nodes."""
    return report_json(list(load_registry(session).frameworks))


@router.get("/frameworks/{code}")
def framework_api(code: str, session: SessionDep, _principal: StaffDep) -> dict[str, Any]:
    """One framework with its nodes (labels, levels, weights, order)."""
    framework = load_registry(session).get(code)
    if framework is None:
        raise NotFound("framework.not_found")
    return report_json(framework)


@router.get("/crosswalks")
def crosswalk_api(session: SessionDep, _principal: StaffDep, source: str = "",
                  target: str = "") -> list[dict[str, Any]]:
    """The crosswalk links (of one pair of frameworks when `source` and `target` are given)."""
    registry = load_registry(session)
    links = registry.links_between(source, target) if source and target else registry.links
    return [{"id": link.id, "source": str(link.source), "target": str(link.target),
             "relation": link.relation, "note": link.note, "inferred": link.inferred}
            for link in links]


@router.put("/crosswalks")
def crosswalk_put(body: LinkIn, session: SessionDep, principal: PlannerDep) -> dict[str, Any]:
    """Add a link, or change the relation and note of the link between the same nodes."""
    link = service.save_link(session, source=body.source, target=body.target,
                             relation=body.relation, note=body.note, actor=principal.user)
    return {"id": link.id, "source": body.source, "target": body.target,
            "relation": link.relation, "note": link.note}


@router.delete("/crosswalks/{link_id}", status_code=204)
def crosswalk_delete_api(link_id: DbId, session: SessionDep, principal: PlannerDep):
    """Remove a link."""
    service.delete_link(session, link_id=link_id, actor=principal.user)
    return Response(status_code=204)


@router.post("/crosswalks/import", max_body_size=upload_cap(LIMITS.max_bytes))
def crosswalk_import_api(session: SessionDep, principal: PlannerDep,
                         file: Annotated[UploadFile, File()],
                         dry_run: bool = True) -> dict[str, Any]:
    """Check a crosswalk workbook; with `dry_run=false` replace the links of the framework
    pairs it covers (all rows or none)."""
    parsed = parse_crosswalk(file.file.read(LIMITS.max_bytes + 1), load_registry(session))
    if parsed.too_large:
        raise PayloadTooLarge(detail={"problems": parsed.problems})
    if not parsed.ok:
        raise Invalid("framework.import_refused", detail={"problems": parsed.problems})
    written = 0 if dry_run else service.import_crosswalk(session, parsed=parsed,
                                                         actor=principal.user)
    return {"rows": len(parsed.rows), "pairs": sorted("→".join(p) for p in parsed.pairs),
            "imported": written, "dry_run": dry_run}


@router.get("/rounds/{round_id}/matrix")
def round_matrix_api(request: Request, session: SessionDep, settings: SettingsDep,
                     round_: StaffRound,
                     framework: Annotated[str | None, Query(max_length=32)] = None
                     ) -> dict[str, Any]:
    """The round's Matriks Dimensi under a framework: needs and cost per OPD and node, the
    totals and the needs it cannot place (the same numbers as the workbook and the report)."""
    data = round_analyses(session, round_id=round_.id, framework=framework,
                          lang=language_of(request), timezone=settings.timezone)
    if data.matrix is None:
        return {"framework": None, "axes": [], "rows": [], "totals": None, "unmapped": []}
    rows = [{"opd_code": r.opd_code, "opd_name": r.opd_name, "needs": r.needs, "cost": r.cost,
             "total_needs": r.total_needs, "total_cost": r.total_cost}
            for r in [*data.matrix.rows(), data.matrix.totals()]]
    unmapped = [{"opd_code": item.opd_code, "need": item.name, "dimension": item.dimension,
                 "element": item.element, "cost": item.cost, "related": list(place.related)}
                for item, place in data.matrix.unmapped]
    return {"framework": report_json(data.view.info), "axes": report_json(data.view.axes),
            "choices": [code for code, _, _ in data.choices], "rows": rows[:-1],
            "totals": rows[-1], "unmapped": unmapped}


@router.put("/rounds/{round_id}/framework")
def round_framework_put(body: FrameworkChoice, session: SessionDep, round_: PlannerRound,
                        principal: PlannerDep) -> dict[str, Any]:
    """Make a framework the round's default (null: the one its needs are bound to)."""
    code = (body.framework or "").strip() or None
    if code is not None and code != "KUESIONER" and load_registry(session).get(code) is None:
        raise Invalid("framework.unknown", code=code)
    service.save_round_setting(session, round_=round_, actor=principal.user,
                               framework_code=code)
    return {"framework": code}
