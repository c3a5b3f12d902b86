"""OPD register pages: list with search and filters, create, edit, deactivate, delete, import."""

import base64
import binascii
from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse

from app.deps import SessionDep
from app.errors import Invalid
from app.opds import service
from app.opds.deps import PlannerDep, PlannerOpd, StaffDep
from app.opds.importer import KINDS, MAX_FILE_BYTES
from app.web import render

router = APIRouter(tags=["pages: OPD register"])
NOTICES = ("created", "updated", "deactivated", "activated", "deleted", "imported")
Text = Annotated[str, Form(max_length=300)]


@router.get("/opds")
def opd_list_page(request: Request, session: SessionDep, _principal: StaffDep,
                  q: str = "", kind: str = "", active: str = "", notice: str = "",
                  created: int = 0, updated: int = 0):
    """The OPD register, searchable and filtered by kind and state."""
    flt = service.OpdFilter(q=q.strip()[:100], kind=kind if kind in KINDS else "",
                            active=active)
    opds = service.search_opds(session, flt=flt)
    codes = {opd.id: opd.code for opd in service.list_opds(session)}
    context = {"opds": opds, "flt": flt, "kinds": KINDS, "codes": codes,
               "notice": notice if notice in NOTICES else "", "created": created,
               "updated": updated, "total": len(codes)}
    return render(request, "opds/list.html", context)


def _form(request: Request, session, values: dict, errors: dict, *, opd=None, status=200):
    context = {"values": values, "errors": errors, "kinds": KINDS, "opd": opd,
               "parents": service.list_opds(session)}
    return render(request, "opds/form.html", context, status=status)


@router.get("/opds/new")
def opd_new(request: Request, session: SessionDep, _principal: PlannerDep):
    """The form for a new OPD."""
    return _form(request, session, {"kind": "dinas"}, {})


@router.post("/opds/new")
def opd_create(request: Request, session: SessionDep, principal: PlannerDep, code: Text = "",
               name: Text = "", short_name: Text = "", kind: Text = "", parent_code: Text = ""):
    """Add an OPD to the register."""
    values = {"code": code, "name": name, "short_name": short_name, "kind": kind,
              "parent_code": parent_code}
    try:
        service.create_opd(session, actor=principal.user, **values)
    except Invalid as error:
        return _form(request, session, values, error.detail.get("fields", {}), status=422)
    return RedirectResponse("/opds?notice=created", status_code=303)


@router.get("/opds/import")
def opd_import_page(request: Request, _principal: PlannerDep):
    """Upload a register file (CSV or XLSX) to preview what it would change."""
    return render(request, "opds/import.html", {"preview": None, "filename": "", "data": ""})


@router.post("/opds/import")
def opd_import_preview(request: Request, session: SessionDep, _principal: PlannerDep,
                       file: Annotated[UploadFile | None, File()] = None):
    """Show what importing the file would do, row by row; nothing is written yet."""
    data = file.file.read(MAX_FILE_BYTES + 1) if file else b""
    filename = (file.filename or "") if file else ""
    preview = service.preview_import(session, filename=filename, data=data)
    context = {"preview": preview, "filename": filename,
               "data": base64.b64encode(data).decode() if preview.ok else ""}
    return render(request, "opds/import.html", context, status=preview.status)


@router.post("/opds/import/confirm")
def opd_import_confirm(request: Request, session: SessionDep, principal: PlannerDep,
                       filename: Annotated[str, Form(max_length=200)] = "",
                       data: Annotated[str, Form(max_length=MAX_FILE_BYTES * 2)] = ""):
    """Import the previewed file (checked again: all rows or none)."""
    try:
        raw = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    outcome = service.import_opds(session, filename=filename, data=raw, actor=principal.user)
    if not outcome.ok:
        preview = service.ImportPreview([], outcome.problems, outcome.more_problems,
                                        outcome.too_large)
        return render(request, "opds/import.html",
                      {"preview": preview, "filename": filename, "data": ""},
                      status=preview.status)
    return RedirectResponse(
        f"/opds?notice=imported&created={outcome.created}&updated={outcome.updated}",
        status_code=303)


@router.get("/opds/{opd_id}")
def opd_edit(request: Request, session: SessionDep, opd: PlannerOpd, _principal: PlannerDep):
    """One OPD: its values to edit, and deactivate or delete."""
    codes = {o.id: o.code for o in service.list_opds(session)}
    values = {"code": opd.code, "name": opd.name, "short_name": opd.short_name or "",
              "kind": opd.kind, "parent_code": codes.get(opd.parent_id, "")}
    return _form(request, session, values, {}, opd=opd)


@router.post("/opds/{opd_id}")
def opd_update(request: Request, session: SessionDep, opd: PlannerOpd, principal: PlannerDep,
               name: Text = "", short_name: Text = "", kind: Text = "", parent_code: Text = ""):
    """Change an OPD's name, short name, kind or parent."""
    values = {"name": name, "short_name": short_name, "kind": kind, "parent_code": parent_code}
    try:
        service.update_opd(session, actor=principal.user, opd=opd, **values)
    except Invalid as error:
        return _form(request, session, {**values, "code": opd.code},
                     error.detail.get("fields", {}), opd=opd, status=422)
    return RedirectResponse("/opds?notice=updated", status_code=303)


@router.post("/opds/{opd_id}/deactivate")
def opd_deactivate(session: SessionDep, opd: PlannerOpd, principal: PlannerDep):
    """Deactivate: new rounds no longer ask this OPD; its data stays."""
    service.set_opd_active(session, actor=principal.user, opd=opd, active=False)
    return RedirectResponse("/opds?notice=deactivated", status_code=303)


@router.post("/opds/{opd_id}/activate")
def opd_activate(session: SessionDep, opd: PlannerOpd, principal: PlannerDep):
    """Reactivate the OPD."""
    service.set_opd_active(session, actor=principal.user, opd=opd, active=True)
    return RedirectResponse("/opds?notice=activated", status_code=303)


@router.post("/opds/{opd_id}/delete")
def opd_delete(session: SessionDep, opd: PlannerOpd, principal: PlannerDep):
    """Delete an OPD nothing refers to (one with data can only be deactivated: 409)."""
    service.delete_opd(session, actor=principal.user, opd=opd)
    return RedirectResponse("/opds?notice=deleted", status_code=303)
