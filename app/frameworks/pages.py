"""Framework registry pages: the frameworks and their trees, the crosswalk (edit, XLSX export
and import), and a round's Matriks Dimensi under a chosen framework."""

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from app.analyses.display import helpers
from app.analyses.service import round_analyses
from app.deps import SessionDep, SettingsDep
from app.downloads import attachment
from app.errors import Invalid, NotFound, file_responses
from app.frameworks import service
from app.frameworks.registry import load_registry
from app.frameworks.text import framework_text
from app.frameworks.workbook import LIMITS, crosswalk_workbook, parse_crosswalk
from app.i18n import language_of, translator_for
from app.limits import upload_cap
from app.rounds.deps import PlannerDep, PlannerRound, StaffDep, StaffRound
from app.types import DbId
from app.uploads import kept
from app.web import render
from reports.frameworks import RELATIONS

router = APIRouter(tags=["pages: frameworks"])
XLSX_MEDIA = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
IMPORT_PURPOSE = "crosswalk-import"
Text = Annotated[str, Form(max_length=200)]


@router.get("/frameworks")
def framework_list(request: Request, session: SessionDep, _principal: StaffDep):
    """Every framework of the registry, with its status, validity and crosswalks."""
    registry = load_registry(session)
    return render(request, "frameworks/list.html", {"registry": registry})


@router.get("/frameworks/{code}")
def framework_detail(request: Request, code: str, session: SessionDep, _principal: StaffDep):
    """One framework: its facts and its tree of nodes with labels and weights."""
    registry = load_registry(session)
    framework = registry.get(code)
    if framework is None:
        raise NotFound("framework.not_found")
    return render(request, "frameworks/detail.html",
                  {"framework": framework, "linked": registry.linked(code)})


def _pair(registry, source: str, target: str) -> tuple[str, str]:
    codes = [f.code for f in registry.frameworks]
    if source in codes and target in codes:
        return source, target
    first = registry.links[0] if registry.links else None
    if first is not None:
        return first.source.framework, first.target.framework
    return (codes + ["", ""])[0], (codes + ["", ""])[1]


def crosswalk_context(session, source: str, target: str) -> dict:
    """The pair shown, its links with both ends labelled, and the node choices."""
    registry = load_registry(session)
    source, target = _pair(registry, source, target)
    return {"registry": registry, "source": registry.get(source), "target": registry.get(target),
            "links": registry.links_between(source, target), "relations": RELATIONS}


@router.get("/crosswalks")
def crosswalk_page(request: Request, session: SessionDep, _principal: StaffDep,
                   source: str = "", target: str = "", notice: str = "", n: int = 0):
    """The links between two frameworks: same as, part of, related."""
    context = crosswalk_context(session, source, target)
    return render(request, "frameworks/crosswalk.html",
                  {**context, "errors": {}, "values": {}, "preview": None, "key": "",
                   "notice": notice if notice in ("saved", "deleted", "imported") else "",
                   "n": n})


def _back(source: str, target: str, notice: str, **extra) -> RedirectResponse:
    query = urlencode({"source": source, "target": target, "notice": notice, **extra})
    return RedirectResponse(f"/crosswalks?{query}", status_code=303)


@router.post("/crosswalks")
def crosswalk_save(request: Request, session: SessionDep, principal: PlannerDep,
                   source: Text = "", target: Text = "", relation: Text = "",
                   note: Annotated[str, Form(max_length=500)] = "", back_source: Text = "",
                   back_target: Text = ""):
    """Add a link (or change the one between the same two nodes)."""
    try:
        service.save_link(session, source=source, target=target, relation=relation, note=note,
                          actor=principal.user)
    except Invalid as error:
        context = crosswalk_context(session, back_source, back_target)
        values = {"source": source, "target": target, "relation": relation, "note": note}
        return render(request, "frameworks/crosswalk.html",
                      {**context, "errors": error.detail.get("fields", {}), "values": values,
                       "preview": None, "key": "", "notice": "", "n": 0}, status=422)
    return _back(back_source, back_target, "saved")


@router.post("/crosswalks/{link_id}/delete")
def crosswalk_delete(session: SessionDep, principal: PlannerDep, link_id: DbId,
                     back_source: Text = "", back_target: Text = ""):
    """Remove a link."""
    service.delete_link(session, link_id=link_id, actor=principal.user)
    return _back(back_source, back_target, "deleted")


@router.get("/crosswalks.xlsx", response_class=Response,
            responses=file_responses(XLSX_MEDIA, "The crosswalk of two frameworks."))
def crosswalk_download(request: Request, session: SessionDep, _principal: StaffDep,
                       source: str = "", target: str = ""):
    """The links between two frameworks as a workbook to edit and import again."""
    registry = load_registry(session)
    source, target = _pair(registry, source, target)
    data = crosswalk_workbook(registry, source, target, language_of(request))
    return Response(data, media_type=XLSX_MEDIA, headers={
        "Content-Disposition": attachment(f"padanan-{source}-{target}.xlsx".lower()),
        "Cache-Control": "no-store"})


@router.post("/crosswalks/import", max_body_size=upload_cap(LIMITS.max_bytes))
def crosswalk_import_preview(request: Request, session: SessionDep, _principal: PlannerDep,
                             file: Annotated[UploadFile | None, File()] = None):
    """Check an uploaded crosswalk and show what importing it would replace."""
    data = file.file.read(LIMITS.max_bytes + 1) if file else b""
    parsed = parse_crosswalk(data, load_registry(session))
    key = kept.keep(session, purpose=IMPORT_PURPOSE, filename=(file.filename or "") if file
                    else "", data=data) if parsed.ok else ""
    first = sorted(parsed.pairs)[0] if parsed.pairs else ("", "")
    context = crosswalk_context(session, *first)
    status = 413 if parsed.too_large else (200 if parsed.ok else 422)
    return render(request, "frameworks/crosswalk.html",
                  {**context, "errors": {}, "values": {}, "preview": parsed, "key": key,
                   "notice": "", "n": 0}, status=status)


@router.post("/crosswalks/import/confirm")
def crosswalk_import_confirm(request: Request, session: SessionDep, principal: PlannerDep,
                             key: Annotated[str, Form(max_length=64)] = ""):
    """Import the previewed file (kept on the server under its SHA-256, checked again)."""
    upload = kept.find(session, purpose=IMPORT_PURPOSE, key=key)
    parsed = parse_crosswalk(upload.data, load_registry(session)) if upload else None
    if parsed is None or not parsed.ok:
        context = crosswalk_context(session, "", "")
        return render(request, "frameworks/crosswalk.html",
                      {**context, "errors": {"file": "framework.import_gone"}, "values": {},
                       "preview": None, "key": "", "notice": "", "n": 0}, status=422)
    count = service.import_crosswalk(session, parsed=parsed, actor=principal.user)
    kept.forget(session, purpose=IMPORT_PURPOSE, key=key)
    session.commit()
    source, target = sorted(parsed.pairs)[0] if parsed.pairs else ("", "")
    return _back(source, target, "imported", n=count)


@router.get("/rounds/{round_id}/framework")
def round_framework_page(request: Request, session: SessionDep, settings: SettingsDep,
                         round_: StaffRound, framework: str = "", notice: str = ""):
    """The round's Matriks Dimensi under a chosen framework, with the needs it cannot place."""
    data = round_analyses(session, round_id=round_.id, framework=framework or None,
                          lang=language_of(request), timezone=settings.timezone)
    t = translator_for(request)
    context = {"data": data, "notice": notice == "saved",
               "framework_text": framework_text(data.view.info, t) if data.view else "",
               **helpers(language_of(request))}
    return render(request, "frameworks/round.html", context)


@router.post("/rounds/{round_id}/framework")
def round_framework_save(session: SessionDep, round_: PlannerRound, principal: PlannerDep,
                         framework: Text = ""):
    """Make a framework the round's default for its workbook, report and pages."""
    code = framework.strip() or None
    if code is not None and load_registry(session).get(code) is None and code != "KUESIONER":
        raise Invalid("framework.unknown", code=code)
    service.save_round_setting(session, round_=round_, actor=principal.user,
                               framework_code=code)
    query = urlencode({"notice": "saved"})
    return RedirectResponse(f"/rounds/{round_.id}/framework?{query}", status_code=303)
