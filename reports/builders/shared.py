"""Kebutuhan lintas OPD: similar needs raised by several OPDs, and applications run by several.

Needs are compared within the same dimension, on their normalised titles (and descriptions, see
reports.builders.similar); applications on their normalised names. A group counts when at least
two different OPDs are in it.
"""

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

from reports.builders.common import Labels, ref_of
from reports.builders.similar import THRESHOLD, cluster, normalise
from reports.inputs import Application, Need
from reports.results import AppGroup, CrossOpd, NeedGroup, OpdRef

SHOWN_OPDS = 20
SHOWN_VARIANTS = 5


def build_cross_opd(needs: list[Need], apps: list[Application], refs: dict[str, OpdRef],
                    labels: Labels, threshold: int = THRESHOLD) -> CrossOpd:
    """Groups of similar needs and of similar applications that span two or more OPDs."""
    capped = 0
    need_groups: list[NeedGroup] = []
    for members in _blocks(needs, key=lambda n: n.dimension or ""):
        groups, was_capped = _groups(members, lambda n: n.title, lambda n: n.problem, threshold)
        capped += was_capped
        need_groups += [_need_group(g, refs, labels) for g in groups]
    app_groups, was_capped = _groups(apps, lambda a: a.name, lambda a: a.function, threshold)
    need_groups.sort(key=lambda g: (-g.opd_count, -g.needs, g.title))
    apps_out = sorted((_app_group(g, refs) for g in app_groups),
                      key=lambda g: (-g.opd_count, -g.apps, g.name))
    return CrossOpd(threshold=threshold, need_groups=need_groups, app_groups=apps_out,
                    capped_blocks=capped + was_capped)


def _blocks(items: list[Need], key: Callable) -> list[list[Need]]:
    blocks: dict[str, list] = defaultdict(list)
    for item in items:
        blocks[key(item)].append(item)
    return [blocks[k] for k in sorted(blocks)]


def _groups(items: Sequence, title: Callable, text: Callable,
            threshold: int) -> tuple[list[list], bool]:
    """Items clustered by similar title; only clusters with two or more OPDs are returned."""
    by_key: dict[str, list] = defaultdict(list)
    for item in items:
        key = normalise(title(item))
        if key:
            by_key[key].append(item)
    keys = list(by_key)
    descriptions = [normalise(text(by_key[k][0]))[:300] for k in keys]
    roots, capped = cluster(keys, descriptions, threshold)
    clusters: dict[int, list] = defaultdict(list)
    for key, root in zip(keys, roots, strict=True):
        clusters[root].extend(by_key[key])
    found = [members for members in clusters.values()
             if len({m.opd_code for m in members}) >= 2]
    return found, capped


def _variants(texts: list[str]) -> list[str]:
    """Distinct wordings, most frequent first."""
    counts = Counter(t.strip() for t in texts if t.strip())
    return [t for t, _ in sorted(counts.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))]


def _opds(codes: set[str], refs: dict[str, OpdRef]) -> list[OpdRef]:
    return sorted((ref_of(refs, c) for c in codes), key=lambda r: (r.name, r.code))[:SHOWN_OPDS]


def _need_group(members: list[Need], refs: dict[str, OpdRef], labels: Labels) -> NeedGroup:
    variants = _variants([m.title for m in members])
    codes = {m.opd_code for m in members}
    dims = Counter(m.dimension or "" for m in members).most_common(1)[0][0]
    elements = Counter(m.element or "" for m in members).most_common(1)[0][0]
    return NeedGroup(
        title=variants[0], titles=variants[:SHOWN_VARIANTS],
        dimension=labels.dimension.get(dims, ""), element=labels.element.get(elements, ""),
        opds=_opds(codes, refs), opd_count=len(codes), needs=len(members),
        cost=sum(m.cost or 0.0 for m in members),
        national_app=sum(1 for m in members if m.national_app))


def _app_group(members: list[Application], refs: dict[str, OpdRef]) -> AppGroup:
    variants = _variants([m.name for m in members])
    codes = {m.opd_code for m in members}
    kinds = Counter(m.kind_label or m.kind or "–" for m in members)
    return AppGroup(name=variants[0], names=variants[:SHOWN_VARIANTS], opds=_opds(codes, refs),
                    opd_count=len(codes), apps=len(members), kinds=dict(kinds.most_common()))
