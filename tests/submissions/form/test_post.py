"""The form without JavaScript: one posted section read into the answers document."""

import pytest

from app.submissions.form.keys import key_of_path, path_of_key, row_paths
from app.submissions.form.post import (
    changed_elsewhere,
    parse_action,
    read_section,
    section_digest,
)
from tests.submissions.workbooks import types_questionnaire


@pytest.fixture(scope="module")
def form():
    return types_questionnaire()


def test_a_section_post_replaces_that_sections_answers_only(form):
    stored = {"nama": "Lama", "jumlah": 3, "kode": "ABC", "dimensi": "gov"}
    posted = {"nama": ["Andi <b>"], "jumlah": ["1.500"], "anggaran": ["Rp 2.500.000,50"],
              "tanggal": ["17/08/2026"], "punya": ["ya"], "sasaran": ["g2c", "g2b"],
              "uraian": ["baris satu\r\nbaris dua"], "kode": ["DIUBAH"], "dobel": ["99"]}
    answers = read_section(form.sections[0], posted, stored, parse_action("next"))
    assert answers == {"nama": "Andi <b>", "jumlah": 1500, "anggaran": 2500000.5,
                       "tanggal": "2026-08-17", "punya": "ya", "sasaran": ["g2c", "g2b"],
                       "uraian": "baris satu\nbaris dua", "kode": "ABC", "dimensi": "gov"}
    assert stored["nama"] == "Lama"  # the stored document is not changed in place


def test_what_cannot_be_read_is_kept_as_typed_and_empty_answers_are_left_out(form):
    stored = {"nama": "Andi", "sasaran": ["g2c"]}
    posted = {"nama": [" "], "jumlah": ["sepuluh"], "tanggal": ["31/02/2026"]}
    answers = read_section(form.sections[0], posted, stored, parse_action(None))
    assert answers == {"jumlah": "sepuluh", "tanggal": "31/02/2026"}


def test_rows_keep_their_ids_and_order_and_the_buttons_change_them(form):
    stored = {"kebutuhan": [{"_id": "a", "judul": "A"}, {"_id": "b", "judul": "B"}]}
    posted = {"rows:kebutuhan": ["a", "b"], "kebutuhan#a/judul": ["A baru"],
              "kebutuhan#b/judul": ["B"], "kebutuhan#b/biaya": ["1.000"]}
    section = form.sections[1]
    same = read_section(section, posted, stored, parse_action("stay"))
    assert same["kebutuhan"] == [{"_id": "a", "judul": "A baru"},
                                 {"_id": "b", "judul": "B", "biaya": 1000}]
    down = read_section(section, posted, stored, parse_action("down:kebutuhan#a"))
    assert [row["_id"] for row in down["kebutuhan"]] == ["b", "a"]
    removed = read_section(section, posted, stored, parse_action("remove:kebutuhan#a"))
    assert [row["_id"] for row in removed["kebutuhan"]] == ["b"]
    added = read_section(section, posted, stored, parse_action("add:kebutuhan"))
    assert len(added["kebutuhan"]) == 3 and len(added["kebutuhan"][2]["_id"]) == 32


def test_unknown_buttons_mean_stay(form):
    assert parse_action("lompat").verb == "stay"
    assert parse_action("add:").verb == "stay"
    assert parse_action("section:rincian").target == "rincian"


def test_the_digest_and_the_conflict_list_see_only_this_section(form):
    section = form.sections[0]
    mine = {"nama": "Andi", "dimensi": "gov"}
    theirs = {"nama": "Budi", "dimensi": "env"}
    assert section_digest(section, mine) == section_digest(section, {**mine, "dimensi": "env"})
    assert section_digest(section, mine) != section_digest(section, theirs)
    assert changed_elsewhere(section, mine, theirs) == {"nama": "Budi"}


def test_paths_and_keys_follow_rows_by_id():
    answers = {"kebutuhan": [{"_id": "a"}, {"_id": "b", "kegiatan": [{"_id": "c"}]}]}
    assert key_of_path("kebutuhan[2].biaya", answers) == "kebutuhan#b/biaya"
    assert key_of_path("kebutuhan[2].kegiatan[1].nama", answers) == \
        "kebutuhan#b/kegiatan#c/nama"
    assert key_of_path("kebutuhan[3].biaya", answers) is None
    assert key_of_path("nama", answers) == "nama"
    moved = {"kebutuhan": [answers["kebutuhan"][1], answers["kebutuhan"][0]]}
    assert path_of_key("kebutuhan#b/biaya", moved) == "kebutuhan[1].biaya"
    assert path_of_key("kebutuhan#z/biaya", moved) is None
    assert row_paths(moved)["kebutuhan#b/kegiatan#c"] == "kebutuhan[1].kegiatan[1]"
