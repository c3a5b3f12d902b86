"""Kebutuhan lintas OPD: similar needs raised by several OPDs, and applications run by several.

Needs are compared within the same dimension, on their normalised titles (and descriptions, see
reports.builders.similar); applications on their normalised names. A group counts when at least
two different OPDs are in it.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable

from reports.builders.common import Labels, ref_of
from reports.builders.similar import THRESHOLD, cluster, normalise
from reports.inputs import Application, Need
from reports.results import AppGroup, CrossOpd, NeedGroup, OpdRef

SHOWN_OPDS = 20
SHOWN_VARIANTS = 5


def build_cross_opd(needs: Iterable[Need], apps: Iterable[Application],
                    refs: dict[str, OpdRef], labels: Labels,
                    threshold: int = THRESHOLD) -> CrossOpd:
    """Groups of similar needs and of similar applications that span two or more OPDs."""
    blocks: dict[str, dict[str, _Members]] = defaultdict(dict)
    for need in needs:
        _add(blocks[need.dimension or ""], need.title, need.problem, need)
    capped = 0
    need_groups: list[NeedGroup] = []
    for dimension in sorted(blocks):
        groups, was_capped = _groups(blocks[dimension], threshold)
        capped += was_capped
        need_groups += [_need_group(g, dimension, refs, labels) for g in groups]
    by_name: dict[str, _Members] = {}
    for app in apps:
        _add(by_name, app.name, app.function, app)
    app_groups, was_capped = _groups(by_name, threshold)
    need_groups.sort(key=lambda g: (-g.opd_count, -g.needs, g.title))
    apps_out = sorted((_app_group(g, refs) for g in app_groups),
                      key=lambda g: (-g.opd_count, -g.apps, g.name))
    return CrossOpd(threshold=threshold, need_groups=need_groups, app_groups=apps_out,
                    capped_blocks=capped + was_capped)


class _Members:
    """Everything a group shows about its members, added one at a time (none is kept)."""

    __slots__ = ("description", "texts", "codes", "elements", "cost", "national", "count")

    def __init__(self, description: str):
        self.description = description
        self.texts: Counter[str] = Counter()
        self.codes: set[str] = set()
        self.elements: Counter[str] = Counter()
        self.cost = 0
        self.national = self.count = 0

    def add(self, item: Need | Application, text: str) -> None:
        self.count += 1
        if text.strip():
            self.texts[text.strip()] += 1
        self.codes.add(item.opd_code)
        if isinstance(item, Need):
            self.elements[item.element or ""] += 1
            self.cost += item.cost or 0.0
            self.national += item.national_app
        else:
            self.elements[item.kind_label or item.kind or "–"] += 1

    def merge(self, other: "_Members") -> None:
        self.texts.update(other.texts)
        self.codes |= other.codes
        self.elements.update(other.elements)
        self.cost += other.cost
        self.national += other.national
        self.count += other.count


def _add(by_key: dict[str, _Members], title: str, text: str, item) -> None:
    key = normalise(title)
    if key:
        if key not in by_key:
            by_key[key] = _Members(normalise(text)[:300])
        by_key[key].add(item, title)


def _groups(by_key: dict[str, _Members], threshold: int) -> tuple[list[_Members], bool]:
    """Keys clustered by similar title; only clusters with two or more OPDs are returned."""
    keys = list(by_key)
    roots, capped = cluster(keys, [by_key[k].description for k in keys], threshold)
    clusters: dict[int, _Members] = {}
    for key, root in zip(keys, roots, strict=True):
        if root in clusters:
            clusters[root].merge(by_key[key])
        else:
            clusters[root] = by_key[key]
    return [members for members in clusters.values() if len(members.codes) >= 2], capped


def _variants(counts: Counter[str]) -> list[str]:
    """Distinct wordings, most frequent first."""
    return [t for t, _ in sorted(counts.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))]


def _opds(codes: set[str], refs: dict[str, OpdRef]) -> list[OpdRef]:
    return sorted((ref_of(refs, c) for c in codes), key=lambda r: (r.name, r.code))[:SHOWN_OPDS]


def _need_group(members: _Members, dimension: str, refs: dict[str, OpdRef],
                labels: Labels) -> NeedGroup:
    variants = _variants(members.texts)
    element = members.elements.most_common(1)[0][0]
    return NeedGroup(
        title=variants[0], titles=variants[:SHOWN_VARIANTS],
        dimension=labels.dimension.get(dimension, ""), element=labels.element.get(element, ""),
        opds=_opds(members.codes, refs), opd_count=len(members.codes), needs=members.count,
        cost=members.cost, national_app=members.national)


def _app_group(members: _Members, refs: dict[str, OpdRef]) -> AppGroup:
    variants = _variants(members.texts)
    return AppGroup(name=variants[0], names=variants[:SHOWN_VARIANTS],
                    opds=_opds(members.codes, refs), opd_count=len(members.codes),
                    apps=members.count, kinds=dict(members.elements.most_common()))
