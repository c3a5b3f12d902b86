"""The monev table (pure): programmes by status and cost realised vs planned, per dimension
and OPD, and the share of short- and medium-term programmes running.

    table = MonevTable(spec, fields)               # spec: exports.masterplan.masterplan_spec
    table.add(opd_code, opd_name, answers)         # one submission's answers (updates applied)
    table.rows(), table.totals(), table.terms()
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.exports.masterplan import MasterplanSpec
from app.monev.status import PROGRAMME_STATUSES, RUNNING, StatusFields, need_rows

NO_STATUS = "none"
SHORT_MEDIUM = ("pendek", "menengah")
"""The time frames whose share of running programmes evaluators ask for."""


@dataclass
class MonevRow:
    """Programmes of one dimension in one OPD (or a total): counts by status, cost."""

    dimension: str
    opd_code: str
    opd_name: str
    counts: dict[str, int] = field(default_factory=dict)
    planned: float = 0.0
    realised: float = 0.0

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def add(self, status: str, planned: float, realised: float) -> None:
        self.counts[status] = self.counts.get(status, 0) + 1
        self.planned += planned
        self.realised += realised


@dataclass
class TermShare:
    """Programmes of one time frame: how many, how many running or done, the share (0–1)."""

    term: str
    total: int = 0
    running: int = 0

    @property
    def share(self) -> float | None:
        return self.running / self.total if self.total else None


def _merge(total: MonevRow, row: MonevRow) -> None:
    for status, count in row.counts.items():
        total.counts[status] = total.counts.get(status, 0) + count
    total.planned += row.planned
    total.realised += row.realised


def _number(value: object) -> float:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0


class MonevTable:
    """Accumulates need rows as programmes; rows by dimension, then OPD code."""

    def __init__(self, spec: MasterplanSpec, fields: StatusFields):
        self.spec, self.fields = spec, fields
        self._rows: dict[tuple[str, str], MonevRow] = {}
        self._terms = {term: TermShare(term) for term in SHORT_MEDIUM}
        self._parent = {code: parent for code, _, parent in spec.elements}
        self._order = {code: n for n, (code, _) in enumerate(spec.dimensions)}
        self._taken = MonevRow("", "", "")

    def add(self, opd_code: str, opd_name: str, answers: dict) -> None:
        """Count every need row of one submission."""
        get = self.spec.fields.get
        for row in need_rows(answers, self.fields.repeat_path):
            status = row.get(self.fields.status)
            status = status if status in PROGRAMME_STATUSES else NO_STATUS
            element = row.get(get("elemen") or "")
            dimension = row.get(get("dimensi") or "") or self._parent.get(element or "") or ""
            key = (str(dimension), opd_code)
            entry = self._rows.setdefault(key, MonevRow(str(dimension), opd_code, opd_name))
            realised = row.get(self.fields.realised) if self.fields.realised else None
            entry.add(status, _number(row.get(get("biaya") or "")), _number(realised))
            term = self._terms.get(row.get(get("jangka") or ""))
            if term is not None:
                term.total += 1
                term.running += status in RUNNING

    def sort_key(self, row: MonevRow) -> tuple[int, str, str]:
        """Dimension order of the questionnaire, then OPD code."""
        return self._order.get(row.dimension, len(self._order)), row.dimension, row.opd_code

    def rows(self) -> list[MonevRow]:
        """Dimension order of the questionnaire, then OPD code."""
        return sorted(self._rows.values(), key=self.sort_key)

    def take_opd(self, opd_code: str) -> list[MonevRow]:
        """One OPD's rows, taken out (the export stages them on disk); the totals keep them."""
        taken = [key for key in self._rows if key[1] == opd_code]
        rows = [self._rows.pop(key) for key in taken]
        for row in rows:
            _merge(self._taken, row)
        return rows

    def totals(self) -> MonevRow:
        """Every programme of the round."""
        total = MonevRow("", "", "")
        for row in (self._taken, *self._rows.values()):
            _merge(total, row)
        return total

    def terms(self) -> list[TermShare]:
        """Short and medium term: how many programmes run or are done, and the share."""
        both = TermShare("pendek_menengah", sum(t.total for t in self._terms.values()),
                         sum(t.running for t in self._terms.values()))
        return [*self._terms.values(), both]
