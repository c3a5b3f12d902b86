"""Kesiapan: readiness (struktur, infrastruktur, suprastruktur; 1–5) per OPD and on average."""

from statistics import fmean

from reports.builders.common import ref_of
from reports.inputs import Readiness
from reports.results import OpdRef, ReadinessRow, ReadinessSection

ASPECTS = ("struktur", "infrastruktur", "suprastruktur")


def _mean(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return round(fmean(present), 2) if present else None


def readiness_row(item: Readiness, ref: OpdRef) -> ReadinessRow:
    """One OPD's scores and their mean (over the aspects it answered)."""
    scores = [getattr(item, aspect) for aspect in ASPECTS]
    return ReadinessRow(ref, *scores, mean=_mean(scores))


def build_readiness(items: list[Readiness], refs: dict[str, OpdRef],
                    average_label: str) -> ReadinessSection:
    """Rows for OPDs with at least one score; the regency average is the mean over those OPDs."""
    order = {code: i for i, code in enumerate(refs)}
    rows = [readiness_row(item, ref_of(refs, item.opd_code)) for item in items
            if any(getattr(item, aspect) is not None for aspect in ASPECTS)]
    rows.sort(key=lambda r: (order.get(r.opd.code, len(order)), r.opd.code))
    if not rows:
        return ReadinessSection(rows=[], average=None, respondents=0)
    columns = [_mean([getattr(row, aspect) for row in rows]) for aspect in ASPECTS]
    average = ReadinessRow(OpdRef("", average_label, ""), *columns, mean=_mean(columns))
    return ReadinessSection(rows=rows, average=average, respondents=len(rows))
