"""Profil OPD: one short section per OPD asked, linked from every table that names it."""

import bisect
from collections import Counter
from collections.abc import Iterable

from reports.builders.common import Labels
from reports.builders.readiness import readiness_row
from reports.inputs import Application, Need, OpdEntry, Readiness
from reports.results import OpdProfile, OpdRef
from reports.text import is_long

TOP_NEEDS = 3


class _OpdNeeds:
    """One OPD's needs as the profile shows them, added one at a time (none is kept whole)."""

    __slots__ = ("count", "cost", "dimensions", "quick_wins", "top", "long")

    def __init__(self):
        self.count, self.cost, self.quick_wins = 0, 0, 0  # cost: as sum() would add
        self.dimensions: set[str] = set()
        self.top: list[tuple[int, int, str]] = []  # (priority, arrival, title), best first
        self.long: list[tuple[int, str]] = []  # (arrival, title) of titles a table cuts

    def add(self, need: Need, arrival: int) -> None:
        self.count += 1
        self.cost += need.cost or 0.0
        self.quick_wins += need.quick_win
        if need.dimension:
            self.dimensions.add(need.dimension)
        if is_long(need.title):  # rare: kept to show whole
            self.long.append((arrival, need.title))
        rank = need.priority if need.priority is not None else 99
        if len(self.top) < TOP_NEEDS or (rank, arrival) < self.top[-1][:2]:
            bisect.insort(self.top, (rank, arrival, need.title))
            del self.top[TOP_NEEDS:]

    def long_texts(self) -> list[str]:
        """The long titles that are not among the top needs (those are shown already)."""
        top = {arrival for _, arrival, _ in self.top}
        return [title for arrival, title in self.long if arrival not in top]


def build_profiles(opds: list[OpdEntry], needs: Iterable[Need], readiness: list[Readiness],
                   apps: Iterable[Application], refs: dict[str, OpdRef],
                   labels: Labels) -> list[OpdProfile]:
    """A profile per OPD: state, needs and cost, dimensions, top needs, readiness, apps."""
    needs_of: dict[str, _OpdNeeds] = {}
    for arrival, need in enumerate(needs):
        needs_of.setdefault(need.opd_code, _OpdNeeds()).add(need, arrival)
    scores = {item.opd_code: item for item in readiness}
    app_count = Counter(app.opd_code for app in apps)
    return [_profile(opd, refs[opd.code], needs_of.get(opd.code) or _OpdNeeds(),
                     scores.get(opd.code), app_count[opd.code], labels) for opd in opds]


def _profile(opd: OpdEntry, ref: OpdRef, needs: _OpdNeeds, score: Readiness | None,
             apps: int, labels: Labels) -> OpdProfile:
    ordered = [labels.dimension[code] for code in labels.dimension if code in needs.dimensions]
    return OpdProfile(
        opd=ref, kind=opd.kind, state=opd.state, submitted_at=opd.submitted_at,
        approved_at=opd.approved_at, needs=needs.count, cost=needs.cost,
        dimensions=ordered, top_needs=[title for _, _, title in needs.top],
        long_texts=needs.long_texts(), quick_wins=needs.quick_wins,
        readiness=readiness_row(score, ref) if score else None, applications=apps)
