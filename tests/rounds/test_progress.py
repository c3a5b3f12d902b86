"""Pure parts of the progress page: completion, filters, counts, the reminder, date inputs."""

from datetime import UTC, datetime, timedelta

from app.i18n import translator
from app.rounds.forms import local_input, parse_ids, parse_local, parse_seen
from app.rounds.progress import (
    Contact,
    ProgressFilter,
    ProgressRow,
    completion,
    count_by_status,
    filter_rows,
    is_overdue,
)
from app.rounds.reminder import reminder_text, wita

NOW = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


def row(code, status, kind="dinas", **extra):
    return ProgressRow(opd_id=hash(code) % 1000, opd_code=code, opd_name=f"Dinas {code}",
                       opd_kind=kind, status=status, **extra)


ROWS = [row("A", "not_started"), row("B", "draft", completion=40, missing_required=3),
        row("C", "submitted", kind="kecamatan"), row("D", "needs_revision", open_comments=2),
        row("E", "approved", kind="kecamatan")]


def test_completion_counts_required_answers_of_drafts_only():
    assert completion("not_started", 10, 0, False) == (0, 10)
    assert completion("draft", 4, 1, True) == (25, 3)
    assert completion("needs_revision", 3, 3, True) == (100, 0)
    assert completion("submitted", 10, 2, True) == (100, 0)  # it passed full validation
    assert completion("draft", 0, 0, True) == (100, 0)


def test_an_opd_is_overdue_only_past_its_deadline_with_work_left():
    past, future = NOW - timedelta(hours=1), NOW + timedelta(hours=1)
    assert is_overdue("draft", past, NOW) and is_overdue("needs_revision", past, NOW)
    assert not is_overdue("submitted", past, NOW)
    assert not is_overdue("draft", future, NOW) and not is_overdue("draft", None, NOW)


def test_filters_combine_and_counts_cover_every_status():
    assert count_by_status(ROWS) == {"not_started": 1, "draft": 1, "submitted": 1,
                                     "needs_revision": 1, "approved": 1}
    kecamatan = ProgressFilter.parse(kind="kecamatan")
    assert [r.opd_code for r in filter_rows(ROWS, kecamatan)] == ["C", "E"]
    both = ProgressFilter.parse(kind="kecamatan", status="approved")
    assert [r.opd_code for r in filter_rows(ROWS, both)] == ["E"]
    assert [r.opd_code for r in filter_rows(ROWS, ProgressFilter.parse(q="dinas d"))] == ["D"]


def test_an_unknown_status_filter_means_all_and_the_query_keeps_only_set_filters():
    flt = ProgressFilter.parse(status="hacked", q="  x ", overdue="on")
    assert flt.status == "" and flt.q == "x" and flt.overdue
    assert flt.query() == {"q": "x", "overdue": "1"}


def test_the_reminder_says_what_each_pending_opd_still_has_to_do():
    due = datetime(2026, 12, 5, 15, 59, tzinfo=UTC)
    rows = [row("A", "not_started", deadline=due, overdue=True),
            row("B", "draft", completion=40, missing_required=3, deadline=due,
                officers=(Contact("Andi", "0812"),)),
            row("C", "submitted"), row("D", "needs_revision", open_comments=2)]
    text = reminder_text(round_name="Periode 2026", rows=rows, _=translator("id"),
                         when=wita("Asia/Makassar"), link="https://survei.example/")
    assert text.startswith("Yth. Bapak/Ibu Petugas OPD,")
    lines = text.splitlines()
    assert "1. Dinas A: belum mulai mengisi (TERLAMBAT, batas waktu 5 Desember 2026 23.59 WITA)." \
        in lines
    assert ("2. Dinas B: draf baru 40% lengkap, 3 pertanyaan wajib belum dijawab; mohon lengkapi "
            "lalu kirim (batas waktu 5 Desember 2026 23.59 WITA).") in lines
    assert ("3. Dinas D: dikembalikan untuk perbaikan (2 catatan perencana); mohon perbaiki lalu "
            "kirim ulang.") in lines
    assert "Dinas C" not in text  # submitted: nothing to do
    assert "https://survei.example/" in text


def test_the_reminder_when_nobody_is_pending():
    text = reminder_text(round_name="Periode 2026", rows=[row("C", "approved")],
                         _=translator("id"), when=wita("Asia/Makassar"))
    assert text == "Semua OPD yang ditampilkan telah mengirim isian Periode 2026. Terima kasih."


def test_local_times_are_read_in_wita_and_a_bare_date_deadline_lasts_the_whole_day():
    assert parse_local("2026-12-01T17:00", "Asia/Makassar") == datetime(2026, 12, 1, 9, 0,
                                                                        tzinfo=UTC)
    assert parse_local("2026-12-01", "Asia/Makassar", end_of_day=True) == datetime(
        2026, 12, 1, 15, 59, tzinfo=UTC)
    assert parse_local("  ", "Asia/Makassar") is None
    assert local_input(datetime(2026, 12, 1, 9, 0, tzinfo=UTC), "Asia/Makassar") == \
        "2026-12-01T17:00"


def test_form_lists_are_read_defensively():
    assert parse_ids(["3", "x", "3", " 5"]) == [3, 5]
    assert parse_seen(["7:2", "8:x", "junk", "9:1"]) == {7: 2, 9: 1}
