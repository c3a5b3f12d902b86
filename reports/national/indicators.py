"""The core indicators and how one regency's answers fold into their values (pure).

Each indicator names the core items it reads; one whose items are not all in the national
core questionnaire is left out, so cross-regency figures come from core items only.

- services_electronic: the share of services run semi- or fully electronically
  (`layanan_cara` other than `manual`), of the services whose way is answered;
- applications_per_opd: applications (`aplikasi` rows) per OPD whose submission counts;
- datasets_published: the share of the datasets an OPD produces (`dataset_peran` =
  `produsen`) that are on the Satu Data portal (`dataset_portal` = `ya`);
- readiness_*: the mean over OPDs of the self-assessed readiness scores (1–5);
- spbe_index: the SPBE index as the regency's own SPBE chapter computes it, where the regency
  has assessed any indicator (planner entries, else its services' levels);
- needs_total / cost_total and needs.<dimension> / cost.<dimension>: how many needs were
  proposed and their estimated cost (Rp), in all and per smart city dimension.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from reports.national.model import Indicator

SERVICES, SERVICE_WAY, MANUAL = "layanan", "layanan_cara", "manual"
SERVICE_SPBE = ("layanan_indikator_spbe", "layanan_tingkat_kini", "layanan_tingkat_target")
APPS = "aplikasi"
DATASETS, DATASET_ROLE, DATASET_PORTAL = "dataset", "dataset_peran", "dataset_portal"
PRODUCER, YES = "produsen", "ya"
READINESS = {"readiness_struktur": "skor_struktur",
             "readiness_infrastruktur": "skor_infrastruktur",
             "readiness_suprastruktur": "skor_suprastruktur"}
NEEDS, NEED_TITLE, NEED_DIMENSION, NEED_COST = ("kebutuhan", "nama_kebutuhan",
                                                "kebutuhan_dimensi", "biaya")
DIMENSION_LIST = "dimensi"


def core_indicators(core_names: set[str],
                    dimensions: list[tuple[str, str]]) -> tuple[list[Indicator], list[str]]:
    """The indicators the core answers (in display order) and the keys it cannot."""
    wanted = [
        Indicator("services_electronic", "percent", (SERVICES, SERVICE_WAY)),
        Indicator("applications_per_opd", "ratio", (APPS,)),
        Indicator("datasets_published", "percent", (DATASETS, DATASET_ROLE, DATASET_PORTAL)),
        *(Indicator(key, "score", (name,)) for key, name in READINESS.items()),
        Indicator("spbe_index", "index", (SERVICES, *SERVICE_SPBE)),
        Indicator("needs_total", "count", (NEEDS, NEED_TITLE)),
        Indicator("cost_total", "rupiah", (NEEDS, NEED_COST)),
        *(Indicator(f"needs.{code}", "count", (NEEDS, NEED_DIMENSION), code, label)
          for code, label in dimensions),
        *(Indicator(f"cost.{code}", "rupiah", (NEEDS, NEED_DIMENSION, NEED_COST), code, label)
          for code, label in dimensions),
    ]
    kept = [item for item in wanted if set(item.fields) <= core_names]
    return kept, [item.key for item in wanted if item not in kept]


class Tally:
    """What one regency's submissions add up to, submission by submission (flat memory)."""

    def __init__(self, indicators: list[Indicator]):
        self.keys = {item.key for item in indicators}
        self.opds = 0
        self.services = self.electronic = 0
        self.apps = 0
        self.produced = self.published = 0
        self.scores: dict[str, list[float]] = {key: [0.0, 0] for key in READINESS}
        self.needs: Counter[str] = Counter()
        self.cost: Counter[str] = Counter()
        self.titles: dict[tuple[str, str], list] = {}
        """(dimension, title) → [OPDs, cost]: the regency's need titles, for the shared needs."""

    def add(self, answers: Mapping[str, object]) -> None:
        """Count one OPD's (applicable) answers."""
        self.opds += 1
        for row in _rows(answers, SERVICES):
            way = row.get(SERVICE_WAY)
            if isinstance(way, str) and way:
                self.services += 1
                self.electronic += way != MANUAL
        self.apps += len(_rows(answers, APPS))
        for row in _rows(answers, DATASETS):
            if row.get(DATASET_ROLE) == PRODUCER:
                self.produced += 1
                self.published += row.get(DATASET_PORTAL) == YES
        for key, name in READINESS.items():
            value = answers.get(name)
            if _number(value):
                self.scores[key][0] += float(value)
                self.scores[key][1] += 1
        seen: set[tuple[str, str]] = set()
        for row in _rows(answers, NEEDS):
            dimension = row.get(NEED_DIMENSION) if isinstance(row.get(NEED_DIMENSION), str) \
                else ""
            cost = float(row[NEED_COST]) if _number(row.get(NEED_COST)) else 0.0
            self.needs[dimension] += 1
            self.cost[dimension] += cost
            title = row.get(NEED_TITLE)
            if isinstance(title, str) and title.strip():
                key = (dimension, title.strip())
                entry = self.titles.setdefault(key, [0, 0.0])
                entry[0] += key not in seen  # OPDs proposing it, each once
                entry[1] += cost
                seen.add(key)

    def values(self, spbe_index: float | None = None) -> dict[str, float | None]:
        """The indicators' values (None where nothing was answered)."""
        found: dict[str, float | None] = {
            "services_electronic": _share(self.electronic, self.services),
            "applications_per_opd": _share(self.apps, self.opds),
            "datasets_published": _share(self.published, self.produced),
            "spbe_index": spbe_index,
            "needs_total": float(sum(self.needs.values())) if self.opds else None,
            "cost_total": float(sum(self.cost.values())) if self.opds else None,
        }
        for key, (total, count) in self.scores.items():
            found[key] = total / count if count else None
        for key in self.keys:
            kind, _, dimension = key.partition(".")
            if dimension:
                counter = self.needs if kind == "needs" else self.cost
                found[key] = float(counter.get(dimension, 0)) if self.opds else None
        return {key: value for key, value in found.items() if key in self.keys}


def _rows(answers: Mapping[str, object], name: str) -> list[dict]:
    value = answers.get(name)
    return [row for row in value if isinstance(row, dict)] if isinstance(value, list) else []


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None
