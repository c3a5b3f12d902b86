"""The print view's signature block, filled from the answers of the closing section.

The default questionnaire asks who signs (section K: name, jabatan, NIP, place and date) and,
in section A, who is responsible; the signer's answers come first, the penanggung jawab's
fill what is missing. A questionnaire without these fields gets the dotted blanks to fill in
by hand.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.submissions.form.formats import format_day

FIELDS = {
    "name": ("penandatangan_nama", "pj_nama"),
    "position": ("penandatangan_jabatan", "pj_jabatan"),
    "nip": ("penandatangan_nip", "pj_nip"),
    "place": ("tempat_pengisian",),
    "date": ("tanggal_pengisian",),
}


@dataclass(frozen=True)
class Signature:
    """Who signs, where and when ("" where the answers do not say)."""

    name: str = ""
    position: str = ""
    nip: str = ""
    place: str = ""
    date: str = ""


def signature(answers: dict, lang: str) -> Signature:
    """The signature block's texts from the (applicable) answers."""
    found = {}
    for part, names in FIELDS.items():
        value = next((answers[n] for n in names if isinstance(answers.get(n), str)
                      and answers[n].strip()), "")
        found[part] = format_day(value, lang) if part == "date" and value else value.strip()
    return Signature(**found)
