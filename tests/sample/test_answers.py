"""Generated answers to the default questionnaire: valid, varied, plausible, with hostile text."""

import datetime as dt
import random
import re
from functools import cache

import pytest

from app.questionnaires.answers.validate import validate_answers
from app.questionnaires.xlsform import load_xlsform
from app.sample import DEFAULT_QUESTIONNAIRE
from app.sample.answers import AnswerFaker, Sizes
from app.sample.names import HOSTILE

TODAY = dt.date(2026, 3, 2)


@cache
def form():
    return load_xlsform(DEFAULT_QUESTIONNAIRE.read_bytes()).questionnaire


def faker(seed) -> AnswerFaker:
    return AnswerFaker(form(), random.Random(seed), TODAY)


@pytest.mark.parametrize("seed", range(12))
def test_a_generated_submission_passes_full_validation(seed):
    rng = random.Random(seed)
    doc = faker(seed).document(Sizes.varied(rng), hostile=0.5)
    result = validate_answers(form(), doc, today=TODAY)
    assert result.errors == {} and result.complete


def test_the_benchmark_size_is_valid_too():
    doc = faker("bench").document(Sizes(15, 10, 10, 20))
    assert validate_answers(form(), doc, today=TODAY).complete
    assert [len(doc[k]) for k in ("layanan", "aplikasi", "dataset", "kebutuhan")] == [15, 10, 10,
                                                                                     20]
    assert [need["kebutuhan_prioritas"] for need in doc["kebutuhan"]] == list(range(1, 21))


def test_the_same_seed_gives_the_same_document():
    assert faker(7).document(Sizes()) == faker(7).document(Sizes())
    assert faker(7).document(Sizes()) != faker(8).document(Sizes())


def test_needs_cover_all_six_dimensions_with_rupiah_amounts_and_indonesian_names():
    needs = [need for seed in range(10) for need in faker(seed).document(Sizes(kebutuhan=8))
             ["kebutuhan"]]
    assert {n["kebutuhan_dimensi"] for n in needs} == {
        "governance", "branding", "economy", "living", "society", "environment"}
    assert all(n["biaya"] >= 25_000_000 and n["biaya"] % 1_000_000 == 0 for n in needs)
    assert any("Puskesmas" in n["nama_kebutuhan"] or "Desa" in n["nama_kebutuhan"]
               for n in needs)
    doc = faker(1).document(Sizes())
    assert re.fullmatch(r"[0-9]{18}", doc["pj_nip"]) and doc["pj_telepon"].startswith("08")


def test_hostile_true_puts_every_hostile_string_at_the_start_of_a_cell():
    doc = faker(3).document(Sizes(layanan=2), hostile=True)
    assert validate_answers(form(), doc, today=TODAY).complete
    names = [row["layanan_nama"] for row in doc["layanan"]]
    assert set(HOSTILE) <= set(names)
    assert doc["tugas_fungsi"] == HOSTILE[0] and doc["kebutuhan"][0]["nama_kebutuhan"] == HOSTILE[1]


def test_by_default_only_a_few_documents_carry_a_hostile_string():
    docs = [faker(seed).document(Sizes()) for seed in range(40)]
    hostile = [d for d in docs if any(d.get(k) in HOSTILE for k in
                                      ("tugas_fungsi", "blank_spot", "regulasi_lainnya"))]
    assert 0 < len(hostile) < 15
