"""Small helpers the builders share: OPD references with profile anchors, safe division."""

import re
from collections.abc import Iterable

from reports.inputs import Dimension, OpdEntry
from reports.results import OpdRef

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def anchor_for(code: str, taken: set[str]) -> str:
    """An HTML id for an OPD's profile: 'opd-' + its code reduced to safe characters, unique."""
    base = "opd-" + (_UNSAFE.sub("-", code).strip("-").lower() or "x")
    anchor, n = base, 2
    while anchor in taken:
        anchor, n = f"{base}-{n}", n + 1
    taken.add(anchor)
    return anchor


def opd_refs(opds: Iterable[OpdEntry]) -> dict[str, OpdRef]:
    """code -> OpdRef for every OPD asked, in the given order."""
    taken: set[str] = set()
    return {opd.code: OpdRef(opd.code, opd.name, anchor_for(opd.code, taken)) for opd in opds}


def ref_of(refs: dict[str, OpdRef], code: str) -> OpdRef:
    """The OPD's reference; an OPD that is not in the list gets one without a profile."""
    return refs.get(code) or OpdRef(code, code, "")


def ratio(part: float, whole: float) -> float:
    """part / whole, 0 when whole is 0."""
    return part / whole if whole else 0.0


class Labels:
    """Labels of dimensions, elements and timeframes, in the report's language."""

    def __init__(self, dimensions: list[Dimension], timeframes: dict[str, str]):
        self.dimension = {d.code: d.label for d in dimensions}
        self.element = {e.code: e.label for d in dimensions for e in d.elements}
        self.timeframe = dict(timeframes)
