"""The verification code: one SHA-256 per answers document, whatever the key order (pure)."""

import hashlib

from app.dossier.code import canonical, normalise, verification_code


def test_the_code_is_the_sha256_of_the_sorted_compact_json():
    answers = {"nama": "Andi", "jumlah": 12, "kebutuhan": [{"_id": "r1", "judul": "Ruang"}]}
    expected = hashlib.sha256(
        b'{"jumlah":12,"kebutuhan":[{"_id":"r1","judul":"Ruang"}],"nama":"Andi"}').hexdigest()
    assert verification_code(answers) == expected
    assert verification_code(dict(reversed(answers.items()))) == expected


def test_any_change_to_an_answer_changes_the_code():
    assert verification_code({"jumlah": 12}) != verification_code({"jumlah": 13})
    assert verification_code({"nama": "Andi"}) != verification_code({"nama": "Andi "})


def test_non_ascii_and_a_lone_surrogate_have_one_code():
    assert canonical({"nama": "Bâso \ud800"}) == b'{"nama":"B\\u00e2so \\ud800"}'


def test_a_code_as_typed_is_normalised_and_anything_else_refused():
    code = verification_code({})
    grouped = " ".join(code[i:i + 8] for i in range(0, 64, 8)).upper()
    assert normalise(grouped) == code and normalise(f"{code[:32]}-{code[32:]}") == code
    assert normalise(code[:63]) is None and normalise(code + "0") is None
    assert normalise("../" + code[3:]) is None
