"""The planning vocabularies and the checks of one input (pure; messages are catalogue keys)."""

from __future__ import annotations

import re

NODE_KINDS = ("misi", "tujuan", "sasaran", "iku")
PARENT_KIND = {"tujuan": "misi", "sasaran": "tujuan", "iku": "sasaran"}
ALIGNABLE = ("misi", "sasaran")
"""What a programme is mapped to."""
STRENGTHS = ("langsung", "pendukung")
STAGES = ("rencana_strategis", "fondasi", "pengembangan", "inisiatif_strategis")
"""Peta Rencana SPBE style stages."""
FUNDING_SOURCES = ("apbd", "dak", "apbn", "provinsi", "csr", "kpbu", "dana_desa")
BUDGET_STATUSES = ("usulan", "masuk_rkpd", "dpa")
TERM_YEARS = {"pendek": 1, "menengah": 5, "panjang": 10}
"""The longest duration of each time frame; a programme's default duration."""
CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._\-]{0,31}$")
GROUP_CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._\-]{0,31}$")
MAX_YEARS = 10
MIN_YEAR, MAX_YEAR = 2000, 2100
MAX_MONEY = 10**15
TEXT_MAX = 2000


def check_years(first: int, last: int) -> str | None:
    """The plan period: 1–10 consecutive years between 2000 and 2100."""
    if not (MIN_YEAR <= first <= last <= MAX_YEAR) or last - first + 1 > MAX_YEARS:
        return "planning.error.years"
    return None


def check_node(kind: str, code: str, parent_code: str | None, text: str,
               kinds_by_code: dict[str, str]) -> dict[str, str]:
    """Field -> message key for one RPJMD node; `kinds_by_code` holds the other nodes."""
    errors = {}
    if kind not in NODE_KINDS:
        errors["kind"] = "planning.error.kind"
    if not CODE_RE.match(code or ""):
        errors["code"] = "planning.error.code"
    if not (text or "").strip():
        errors["text"] = "planning.error.text"
    elif len(text) > TEXT_MAX:
        errors["text"] = "planning.error.text_long"
    wanted = PARENT_KIND.get(kind)
    if wanted and kinds_by_code.get(parent_code or "") != wanted:
        errors["parent_code"] = f"planning.error.parent_{kind}"
    if kind == "misi" and parent_code:
        errors["parent_code"] = "planning.error.parent_misi"
    return errors


def check_target(value: object) -> bool:
    """An IKU target: a number between −10^15 and 10^15."""
    return isinstance(value, int | float) and not isinstance(value, bool) \
        and -MAX_MONEY <= value <= MAX_MONEY


def check_money(value: object) -> bool:
    """A cost or APBD: a whole or decimal number from 0 to 10^15."""
    return isinstance(value, int | float) and not isinstance(value, bool) \
        and 0 <= value <= MAX_MONEY


def check_programme(given) -> dict[str, str]:
    """Field -> message key for a programme's inputs."""
    errors = {}
    if given.members and not GROUP_CODE_RE.match(given.code):
        errors["code"] = "planning.error.code"
    if given.members and not given.name.strip():
        errors["name"] = "planning.error.text"
    if given.start_year is not None and not MIN_YEAR <= given.start_year <= MAX_YEAR:
        errors["start_year"] = "planning.error.year"
    if given.duration is not None and not 1 <= given.duration <= MAX_YEARS:
        errors["duration"] = "planning.error.duration"
    for name, value, allowed in (("stage", given.stage, STAGES),
                                 ("funding", given.funding, FUNDING_SOURCES),
                                 ("budget_status", given.budget_status, BUDGET_STATUSES)):
        if value and value not in allowed:
            errors[name] = "planning.error.choice"
    if any(not check_money(v) for v in given.costs.values()):
        errors["costs"] = "planning.error.money"
    return errors
