"""Assemble the sections into the three XLSForm sheets and write them with openpyxl."""

import re
import zipfile
from datetime import datetime
from io import BytesIO
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from .bagian.aplikasi_data import APLIKASI, DATA
from .bagian.identitas_layanan import IDENTITAS, LAYANAN
from .bagian.kebutuhan import KEBUTUHAN, PENUTUP
from .bagian.sumber_daya import ANGGARAN, INFRASTRUKTUR, SDM
from .bagian.suprastruktur import KESIAPAN, REGULASI
from .choices import CHOICE_COLUMNS, FILTER_COLUMNS, choice_rows
from .headers import HEADERS
from .rows import EN, ID, SURVEY_COLUMNS, Row

SETTINGS: Row = {
    "form_id": "kebutuhan_smart_city",
    "form_title": "Kuesioner Identifikasi Kebutuhan Smart City Perangkat Daerah",
    "version": "2026.2",
    "default_language": ID,
}

# Fixed timestamps make repeated builds byte-identical, so git shows a change only when the
# questionnaire itself changed.
_BUILT = datetime(2026, 1, 1)
_ZIP_TIME = (2026, 1, 1, 0, 0, 0)


def survey_rows() -> list[Row]:
    """Return the survey sheet rows, section by section in form order."""
    sections = [
        IDENTITAS,
        LAYANAN,
        APLIKASI,
        DATA,
        INFRASTRUKTUR,
        SDM,
        ANGGARAN,
        REGULASI,
        KESIAPAN,
        KEBUTUHAN,
        PENUTUP,
    ]
    return [_with_header(row) for section in sections for row in section]


def _with_header(row: Row) -> Row:
    """The row with its short column header (headers.py), when it has one."""
    header = HEADERS.get(row.get("name", ""))
    if header is None:
        return row
    return {**row, f"header::{ID}": header[0], f"header::{EN}": header[1]}


def sheet_tables() -> dict[str, tuple[list[str], list[list[str]]]]:
    """Return {sheet: (header, rows)}; only survey columns that hold a value are written."""
    survey = survey_rows()
    used = {column for row in survey for column in row}
    survey_header = [column for column in SURVEY_COLUMNS if column in used]
    choices_header = [*CHOICE_COLUMNS, *FILTER_COLUMNS]
    return {
        "survey": (survey_header, _table(survey_header, survey)),
        "choices": (choices_header, _table(choices_header, choice_rows())),
        "settings": (list(SETTINGS), [list(SETTINGS.values())]),
    }


def _table(header: list[str], rows: list[Row]) -> list[list[str]]:
    unknown = {column for row in rows for column in row} - set(header)
    if unknown:
        raise ValueError(f"columns outside the supported subset: {sorted(unknown)}")
    return [[row.get(column, "") for column in header] for row in rows]


def write_workbook(path: Path) -> None:
    """Write the questionnaire workbook to path, replacing any existing file."""
    book = Workbook()
    book.remove(book.active)
    for title, (header, rows) in sheet_tables().items():
        sheet = book.create_sheet(title)
        sheet.append(header)
        for row in rows:
            sheet.append([value or None for value in row])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
    book.properties.creator = "surveys/build_kebutuhan_smart_city.py"
    book.properties.created = _BUILT
    buffer = BytesIO()
    book.save(buffer)
    path.write_bytes(_reproducible(buffer.getvalue()))


def _reproducible(xlsx: bytes) -> bytes:
    """Return the xlsx with the save time removed from the zip entries and core properties."""
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(xlsx)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            data = source.read(entry.filename)
            if entry.filename == "docProps/core.xml":
                stamp = _BUILT.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, data)
            target.writestr(zipfile.ZipInfo(entry.filename, _ZIP_TIME), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()
