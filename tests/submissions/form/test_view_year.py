"""Years are shown as years: 2026, not 2.026."""

from app.questionnaires.schema import Question
from app.submissions.form.view import show_value


def test_a_year_keeps_no_thousands_separator_but_a_count_does():
    year = Question(name="kebutuhan_tahun_mulai", type="integer")
    count = Question(name="jumlah_pegawai", type="integer")
    assert show_value(year, 2026, "id") == "2026"
    assert show_value(count, 2026, "id") == "2.026"
