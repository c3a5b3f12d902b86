"""JSON twin of the export: the round's sheets as one JSON document, for scripts and BI tools."""

from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel

from app.deps import DatabaseDep
from app.errors import API_ERRORS
from app.exports.options import Format
from app.exports.pages import QueryDep, StaffDep, download
from app.types import DbId

router = APIRouter(prefix="/api/v1", tags=["exports"], responses=API_ERRORS)


class ExportColumn(BaseModel):
    code: str
    header: str
    kind: str
    label: str | None = None


class ExportSheet(BaseModel):
    key: str
    name: str
    columns: list[ExportColumn]
    rows: list[list[Any]]
    footer: list[Any] | None = None


class ExportDocument(BaseModel):
    """Every sheet of the consolidated workbook, with column codes, headers and typed rows."""

    format: str
    sheets: list[ExportSheet]


@router.get("/rounds/{round_id}/export", response_model=None,
            responses={200: {"model": ExportDocument,
                             "description": "The export document (streamed from a file)."}})
def export_document(request: Request, round_id: DbId, db: DatabaseDep, principal: StaffDep,
                    query: QueryDep):
    """The round's consolidated data as JSON (same options as the page download)."""
    return download(request, db, principal, round_id, Format.json, query)
