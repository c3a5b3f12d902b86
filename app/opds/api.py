"""OPD register API (JSON twin of the pages)."""

from typing import Annotated

from fastapi import APIRouter, File, Response, UploadFile

from app.deps import SessionDep
from app.errors import API_ERRORS, ErrorOut, Invalid, PayloadTooLarge
from app.limits import upload_cap
from app.opds import service
from app.opds.deps import PlannerDep, PlannerOpd, StaffDep, StaffOpd
from app.opds.importer import KINDS, MAX_FILE_BYTES
from app.opds.models import Opd
from app.opds.schemas import (
    ImportReport,
    ImportRowPublic,
    OpdIn,
    OpdPublic,
    OpdUpdate,
    ProblemPublic,
)

router = APIRouter(prefix="/api/v1", tags=["api: OPD register"], responses=API_ERRORS)


def _public(opd: Opd, codes: dict[int, str]) -> OpdPublic:
    return OpdPublic(id=opd.id, code=opd.code, name=opd.name, short_name=opd.short_name,
                     kind=opd.kind, parent_code=codes.get(opd.parent_id), active=opd.active)


def _codes(session) -> dict[int, str]:
    return {opd.id: opd.code for opd in service.list_opds(session)}


@router.get("/opds", response_model=list[OpdPublic])
def opd_list(session: SessionDep, _principal: StaffDep, q: str = "", kind: str = "",
             active: str = ""):
    """Every OPD (searchable by code/name, filtered by kind and active "1"/"0"), by code."""
    flt = service.OpdFilter(q=q.strip()[:100], kind=kind if kind in KINDS else "",
                            active=active)
    codes = _codes(session)
    return [_public(o, codes) for o in service.search_opds(session, flt=flt)]


@router.post("/opds", response_model=OpdPublic, status_code=201)
def opd_create(body: OpdIn, session: SessionDep, principal: PlannerDep):
    """Add an OPD to the register."""
    opd = service.create_opd(session, actor=principal.user, **body.model_dump())
    return _public(opd, _codes(session))


@router.post("/opds/import", response_model=ImportReport,
             max_body_size=upload_cap(MAX_FILE_BYTES),
             responses={422: {"model": ErrorOut, "description": "The file is refused: "
                              "`error.problems` lists them by row and column."}})
def opd_import(session: SessionDep, principal: PlannerDep,
               file: Annotated[UploadFile, File()], dry_run: bool = True):
    """Check a CSV/XLSX register file; with `dry_run=false` import it (all rows or none)."""
    data, filename = file.file.read(MAX_FILE_BYTES + 1), file.filename or ""
    preview = service.preview_import(session, filename=filename, data=data)
    if not preview.ok:
        detail = {"problems": [_problem(p).model_dump() for p in preview.problems],
                  "more_problems": preview.more_problems}
        if preview.too_large:
            raise PayloadTooLarge(detail=detail)
        raise Invalid("opds.import_refused", detail=detail)
    created = sum(1 for p in preview.rows if p.action == "create")
    written = False
    if not dry_run:
        outcome = service.import_opds(session, filename=filename, data=data,
                                      actor=principal.user)
        written = outcome.ok
    return ImportReport(
        ok=True, written=written, created=created, updated=len(preview.rows) - created,
        rows=[ImportRowPublic(**p.row.model_dump(), action=p.action) for p in preview.rows],
        problems=[])


def _problem(problem) -> ProblemPublic:
    return ProblemPublic(row=problem.row, column=problem.column, message=problem.message)


@router.get("/opds/{opd_id}", response_model=OpdPublic)
def opd_detail(session: SessionDep, opd: StaffOpd, _principal: StaffDep):
    """One OPD."""
    return _public(opd, _codes(session))


@router.patch("/opds/{opd_id}", response_model=OpdPublic)
def opd_update(body: OpdUpdate, session: SessionDep, opd: PlannerOpd, principal: PlannerDep):
    """Change an OPD's name, short name, kind or parent (the code is permanent)."""
    service.update_opd(session, actor=principal.user, opd=opd, **body.model_dump())
    return _public(opd, _codes(session))


@router.post("/opds/{opd_id}/deactivate", response_model=OpdPublic)
def opd_deactivate(session: SessionDep, opd: PlannerOpd, principal: PlannerDep):
    """Deactivate: new rounds no longer ask the OPD; its data stays."""
    service.set_opd_active(session, actor=principal.user, opd=opd, active=False)
    return _public(opd, _codes(session))


@router.post("/opds/{opd_id}/activate", response_model=OpdPublic)
def opd_activate(session: SessionDep, opd: PlannerOpd, principal: PlannerDep):
    """Reactivate the OPD."""
    service.set_opd_active(session, actor=principal.user, opd=opd, active=True)
    return _public(opd, _codes(session))


@router.delete("/opds/{opd_id}", status_code=204)
def opd_delete(session: SessionDep, opd: PlannerOpd, principal: PlannerDep):
    """Delete an OPD nothing refers to; 409 when it has data (deactivate it instead)."""
    service.delete_opd(session, actor=principal.user, opd=opd)
    return Response(status_code=204)
