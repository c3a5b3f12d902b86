"""The workbook's analysis sheets in memory that does not grow with the round.

The planner pages and the report build the analyses from whole lists (collect.py, then
reports/analyses.py). The workbook streams the submissions, and at 5,000 of them those lists
hold 50,000 applications, 50,000 datasets and 100,000 needs. So the export's collector keeps
only what its sheets read, and the sheets come out the same:

- Daftar Data: a dataset's row depends on that dataset alone, so it is made as it is read.
- Rasionalisasi Aplikasi: the applications are pickled to a temporary file in the order read;
  only what the clustering reads (name, function, OPD code) stays, column by column
  (reports/columns.py). The rows are made at the end, reading the file back in order.
- Penilaian SPBE: per indicator, the services and needs `build_spbe` reads (the first service
  at the highest level and the first at the highest target; the first needs) and their counts.
"""

from __future__ import annotations

import pickle
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields, replace
from operator import attrgetter

from app.analyses.collect import Collector
from app.analyses.sheets import (
    NEED_TITLES,
    SheetRows,
    app_values,
    dataset_values,
    ms_var_rows,
    spbe_rows,
    spbe_summary_rows,
)
from app.exports.masterplan import MasterplanSpec
from app.exports.plan import ExportPlan
from reports.analyses import AnalysisInput, build_analyses
from reports.applications import AppRecord
from reports.applications.build import app_row, clusters_of, decided_by_row
from reports.builders.similar import THRESHOLD
from reports.columns import Rows
from reports.satudata import DatasetRecord
from reports.satudata.build import dataset_row
from reports.spbe import LinkedNeed, LinkedService

FIRST_NEEDS = NEED_TITLES
"""Needs kept per indicator: the sheet names the first five (the report's path, three)."""


class _PerIndicator:
    """Links kept per indicator, and how many came for each."""

    def __init__(self):
        self.counts: Counter[str] = Counter()
        self._kept: dict[str, list] = {}

    def _add(self, indicator: str) -> list:
        self.counts[indicator] += 1
        return self._kept.setdefault(indicator, [])

    def __iter__(self) -> Iterator:
        for kept in self._kept.values():
            yield from kept


class LinkedServices(_PerIndicator):
    """Per indicator: how many services link it, and those its level, target and OPD in
    charge come from (`build_spbe` takes the highest level, the first service at it, and the
    highest target)."""

    def append(self, service: LinkedService) -> None:
        kept = self._add(service.indicator)
        kept.append(service)
        by_level = max(kept, key=lambda s: s.level or 0)  # the first of equals
        targets = [s for s in kept if s.target is not None]
        by_target = max(targets, key=lambda s: s.target) if targets else None
        kept[:] = [s for s in kept if s is by_level or s is by_target]


class LinkedNeeds(_PerIndicator):
    """Per indicator: how many needs would raise it, and the first FIRST_NEEDS of them."""

    def append(self, need: LinkedNeed) -> None:
        kept = self._add(need.indicator)
        if len(kept) < FIRST_NEEDS:
            kept.append(need)


@dataclass(frozen=True)
class AppKey:
    """What the clustering reads of an application."""

    name: str
    function: str
    opd_code: str


class StagedApps:
    """The applications in a temporary file, in the order read (pickled as field tuples, a
    batch at a time); their clustering keys in memory, column by column."""

    BATCH = 500

    def __init__(self):
        self._file = tempfile.TemporaryFile(prefix="survei-apps-")  # noqa: SIM115 - closed in close()
        self._batch: list[tuple] = []
        self._fields = attrgetter(*(field.name for field in fields(AppRecord)))
        self.keys: Rows[AppKey] = Rows(AppKey)

    def append(self, app: AppRecord) -> None:
        self._batch.append(self._fields(app))
        if len(self._batch) >= self.BATCH:
            self._flush()
        self.keys.append(AppKey(app.name, app.function, app.opd_code))

    def _flush(self) -> None:
        if self._batch:
            pickle.dump(self._batch, self._file, protocol=pickle.HIGHEST_PROTOCOL)
            self._batch = []

    def __len__(self) -> int:
        return len(self.keys)

    def __iter__(self) -> Iterator[AppRecord]:
        self._flush()
        self._file.seek(0)
        left = len(self.keys)
        while left:
            batch = pickle.load(self._file)
            left -= len(batch)
            for values in batch:
                yield AppRecord(*values)

    def close(self) -> None:
        self._file.close()


class DatasetRows:
    """Each dataset's Daftar Data row as it is read, taken by the writer after its
    submission."""

    def __init__(self, walidata: str):
        self.walidata = walidata
        self.waiting: list = []

    def append(self, record: DatasetRecord) -> None:
        self.waiting.append(dataset_row(record, self.walidata))

    def take(self) -> list:
        """The rows made since the last call."""
        rows, self.waiting = self.waiting, []
        return rows


class WorkbookCollector(Collector):
    """The collector of the workbook export: the lists replaced as the module text says."""

    def __init__(self, plan: ExportPlan, spec: MasterplanSpec | None, lang: str,
                 walidata: str = ""):
        super().__init__(plan, spec, lang)
        self.services = LinkedServices()
        self.needs = LinkedNeeds()
        self.apps = StagedApps()
        self.datasets = DatasetRows(walidata)

    def dataset_rows(self, t: Callable[..., str]) -> list[list]:
        """The Daftar Data rows of the submissions added since the last call."""
        return [dataset_values(row, t) for row in self.datasets.take()]

    def sheets(self, data: AnalysisInput, t: Callable[..., str],
               keys: set[str]) -> Iterator[SheetRows]:
        """The analysis sheets in `keys` but `tanpa_padanan` and `daftar_data` (written while
        the submissions streamed), their rows made as they are written."""
        analyses = build_analyses(replace(data, apps=[], datasets=[]))
        if "spbe" in keys:
            if analyses.spbe is not None:
                yield spbe_rows(analyses.spbe, t, services=self.services.counts,
                                needs=self.needs.counts)
                yield SheetRows("spbe_indeks", spbe_summary_rows(analyses.spbe, t))
            else:
                yield SheetRows("spbe", [])
                yield SheetRows("spbe_indeks", [[t("analysis.spbe.framework"),
                                                 t("analysis.none")]])
        if "aplikasi_rasional" in keys:
            yield SheetRows("aplikasi_rasional", self._app_rows(data, t))
        else:
            self.apps.close()
        if "daftar_data" in keys:
            yield SheetRows("daftar_data", [])
        yield SheetRows("ms_var", ms_var_rows(analyses))

    def _app_rows(self, data: AnalysisInput, t: Callable[..., str]) -> Iterator[list]:
        """As build_rationalisation makes them, one at a time from the staged file."""
        codes, clusters = clusters_of(self.apps.keys, THRESHOLD)
        size = {c.code: len(c.opd_codes) for c in clusters}
        decided = decided_by_row(data.decisions)
        try:
            for i, app in enumerate(self.apps):
                code = codes.get(i, "")
                yield app_values(app_row(app, code, size.get(code, 0), data.national_apps,
                                         decided), t)
        finally:
            self.apps.close()
