"""Needs shared by many regencies: similar need titles (reports.builders.similar, the same
grouping the regency report uses across OPDs) proposed in at least two regencies, per smart
city dimension, as candidates for shared national platforms (pure)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from reports.builders.similar import cluster, normalise
from reports.national.model import SharedNeed

MIN_REGENCIES = 2
KEEP = 200
"""The most widely shared groups kept (the rest are proposed by fewer regencies)."""
VARIANTS = 3


@dataclass(frozen=True)
class RegencyNeeds:
    """One regency's need titles: (dimension, title) → (OPDs proposing it, their cost)."""

    code: str
    name: str
    titles: dict[tuple[str, str], tuple[int, float]]


def shared_needs(regencies: list[RegencyNeeds], labels: dict[str, str],
                 min_regencies: int = MIN_REGENCIES, keep: int = KEEP) -> list[SharedNeed]:
    """The groups of similar titles proposed in at least `min_regencies` regencies, the most
    widely shared first (then by OPDs, then by title)."""
    by_dimension: dict[str, dict[str, list]] = defaultdict(dict)
    for regency in sorted(regencies, key=lambda r: r.code):
        for (dimension, title), (opds, cost) in regency.titles.items():
            form = normalise(title)
            if not form:
                continue
            entry = by_dimension[dimension].setdefault(form, [Counter(), set(), 0, 0.0])
            entry[0][title] += opds
            entry[1].add(regency.name)
            entry[2] += opds
            entry[3] += cost
    order = {regency.name: regency.code for regency in regencies}
    found: list[SharedNeed] = []
    for dimension, forms in by_dimension.items():
        names = list(forms)
        groups: dict[int, list[str]] = defaultdict(list)
        for form, group in zip(names, cluster(names)[0], strict=True):
            groups[group].append(form)
        for members in groups.values():
            found.extend(_shared(dimension, labels.get(dimension, dimension),
                                 [forms[form] for form in members], order, min_regencies))
    found.sort(key=lambda need: (-len(need.regencies), -need.opds, need.title))
    return found[:keep]


def _shared(dimension: str, label: str, entries: list[list], order: dict[str, str],
            min_regencies: int) -> list[SharedNeed]:
    regencies = set().union(*(entry[1] for entry in entries))
    if len(regencies) < min_regencies:
        return []
    texts: Counter[str] = Counter()
    for entry in entries:
        texts.update(entry[0])
    ranked = [text for text, _ in sorted(texts.items(), key=lambda item: (-item[1], item[0]))]
    return [SharedNeed(title=ranked[0], dimension=dimension, dimension_label=label,
                       regencies=tuple(sorted(regencies, key=lambda name: order[name])),
                       opds=sum(entry[2] for entry in entries),
                       cost=sum(entry[3] for entry in entries),
                       variants=tuple(ranked[1:1 + VARIANTS]))]
