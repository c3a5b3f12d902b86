"""Every file sent has an ASCII file name and the real one (filename*=UTF-8''…)."""

from urllib.parse import unquote

from app.downloads import ascii_fallback, attachment


def test_the_header_carries_an_ascii_fallback_and_the_real_name():
    header = attachment("kebutuhan-v版本 “final”.xlsx")
    header.encode("latin-1")  # what an HTTP header must be
    fallback = header.split('filename="')[1].split('"')[0]
    assert fallback == "kebutuhan-v__ _final_.xlsx"
    assert unquote(header.split("filename*=UTF-8''")[1]) == "kebutuhan-v版本 “final”.xlsx"


def test_accents_keep_their_letter_and_quotes_or_separators_cannot_break_out():
    assert ascii_fallback("Évaluation Malangke.xlsx") == "Evaluation Malangke.xlsx"
    assert ascii_fallback('a"b\\c/d;e\r\n.csv') == "a_b_c_d_e__.csv"
    assert ascii_fallback("版本") == "__" and ascii_fallback("") == "download"
