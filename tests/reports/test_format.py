"""Indonesian number, Rupiah, percentage and date formats (Babel)."""

from datetime import UTC, datetime

from reports import format as fmt


def test_rupiah_is_puebi_style_in_both_languages():
    assert fmt.rupiah(1234567) == "Rp1.234.567"
    assert fmt.rupiah(1234567.6) == "Rp1.234.568"
    assert fmt.rupiah(0) == "Rp0"
    assert fmt.rupiah(1234567, "en") == "Rp1,234,567"
    assert fmt.rupiah(None) == "–" and fmt.rupiah(float("nan")) == "–"


def test_numbers_and_percentages():
    assert fmt.number(1234567) == "1.234.567"
    assert fmt.number(3.456, digits=2) == "3,46"
    assert fmt.decimal(2.5) == "2,5" and fmt.decimal(1200) == "1.200"
    assert fmt.percent(0.4567) == "45,7%"
    assert fmt.percent(1 / 3, "en") == "33.3%"
    assert fmt.short_rupiah(1_250_000_000) == "Rp1,2 M"
    assert fmt.short_rupiah(350_000_000) == "Rp350 jt"


def test_dates_in_wita():
    moment = datetime(2026, 8, 17, 6, 30, tzinfo=UTC)
    assert fmt.when(moment) == "17 Agustus 2026 14.30 WITA"
    assert fmt.day(datetime(2026, 8, 17, 20, 0, tzinfo=UTC)) == "18 Agustus 2026"
    assert fmt.day(None) == "–"
