"""The API documentation at /docs: Swagger UI 5 from the copy packaged in PyPI's
`fastapi-offline` (only its files: its page has an inline script), served by the service itself
under a strict CSP, with no CDN and no inline script. /redoc is gone."""

from importlib.resources import files
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.staticfiles import StaticFiles

from app.auth.policy import Principal, public
from app.web import render

ASSETS = "/docs/assets"
router = APIRouter(tags=["pages: documentation"])


def assets() -> StaticFiles:
    """Swagger UI's files, mounted at ASSETS."""
    return StaticFiles(directory=str(files("fastapi_offline") / "static"))


@router.get("/docs", include_in_schema=False)
def api_docs(request: Request, _principal: Annotated[Principal | None, Depends(public)]):
    """The interactive documentation of the JSON API (/openapi.json)."""
    return render(request, "docs.html", {"assets": ASSETS})
