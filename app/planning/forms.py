"""The planning forms' fields read into plain values (pure; Indonesian numbers accepted)."""

from __future__ import annotations

from collections.abc import Mapping

from app.planning.plan import ProgrammeInput
from app.planning.sheets import LIST_SEPARATOR
from app.submissions.form.formats import parse_number

FormValues = Mapping[str, str]


class BadNumber(ValueError):
    """A field holds text that is no number; args[0] names the field."""


def number(values: FormValues, name: str) -> int | float | None:
    text = (values.get(name) or "").strip()
    if not text:
        return None
    found = parse_number(text)
    if found is None:
        raise BadNumber(name)
    return found


def whole(values: FormValues, name: str) -> int | None:
    found = number(values, name)
    if found is not None and not float(found).is_integer():
        raise BadNumber(name)
    return int(found) if found is not None else None


def per_year(values: FormValues, prefix: str, years: tuple[int, ...]) -> dict[int, float]:
    """`<prefix>_<year>` fields -> year -> value (blank fields left out)."""
    found = {}
    for year in years:
        value = number(values, f"{prefix}_{year}")
        if value is not None:
            found[year] = float(value)
    return found


def codes(text: str) -> tuple[str, ...]:
    """A list of codes separated by ";" (or new lines)."""
    parts = (text or "").replace("\n", LIST_SEPARATOR).split(LIST_SEPARATOR)
    return tuple(dict.fromkeys(p.strip() for p in parts if p.strip()))


def programme_input(values: FormValues, years: tuple[int, ...]) -> ProgrammeInput:
    """A programme's inputs from the form (BadNumber for a field that is no number)."""
    return ProgrammeInput(
        code=(values.get("code") or "").strip(), name=(values.get("name") or "").strip()[:300],
        members=codes(values.get("members") or ""),
        owner_opd=(values.get("owner_opd") or "").strip()[:32],
        prioritas=values.get("prioritas") == "1",
        cepat_berdampak=values.get("cepat_berdampak") == "1",
        start_year=whole(values, "start_year"), duration=whole(values, "duration"),
        stage=values.get("stage") or "", predecessors=codes(values.get("predecessors") or ""),
        funding=values.get("funding") or "", budget_status=values.get("budget_status") or "",
        costs=per_year(values, "cost", years))
