"""A tiny published questionnaire, a round and its OPDs, for service and HTTP tests."""

from io import BytesIO

from openpyxl import Workbook
from sqlmodel import Session

from app.opds.models import Opd
from app.questionnaires.service import definition_of, publish
from app.rounds.models import Round, RoundStatus
from app.rounds.service import create_round, set_status

ID, EN = "Bahasa Indonesia (id)", "English (en)"
SURVEY = [
    ["type", "name", f"label::{ID}", f"label::{EN}", "required", "constraint"],
    ["begin_group", "umum", "Umum", "General", "", ""],
    ["text", "nama", "Nama penanggung jawab", "Person in charge", "yes", ""],
    ["integer", "jumlah", "Jumlah pegawai", "Number of staff", "", ". >= 0"],
    ["end_group", "", "", "", "", ""],
    ["begin_group", "bagian_kebutuhan", "Kebutuhan", "Needs", "", ""],
    ["begin_repeat", "kebutuhan", "Kebutuhan", "Need", "", ""],
    ["text", "judul", "Judul kebutuhan", "Title of the need", "yes", ""],
    ["end_repeat", "", "", "", "", ""],
    ["end_group", "", "", "", "", ""],
]
SETTINGS = [["form_id", "form_title", "version", "default_language"],
            ["kecil", "Formulir Kecil", "1", ID]]
VALID_ANSWERS = {"nama": "Andi", "jumlah": 12,
                 "kebutuhan": [{"_id": "r1", "judul": "Aplikasi perizinan"}]}


def small_workbook(settings=SETTINGS, survey=SURVEY) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for title, rows in (("survey", survey), ("settings", settings)):
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def open_round_with_form(session: Session, opds: list[Opd]) -> tuple[Round, object]:
    """Publish the small form, create an open round asking `opds`; returns (round, definition)."""
    outcome = publish(session, filename="kecil.xlsx", data=small_workbook())
    assert outcome.ok, outcome.problems
    round_ = create_round(session, name="Periode 2026", questionnaire_id=outcome.row.id,
                          opd_ids=[opd.id for opd in opds])
    set_status(session, round_=round_, status=RoundStatus.open)
    return round_, definition_of(outcome.row)
