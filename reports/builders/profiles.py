"""Profil OPD: one short section per OPD asked, linked from every table that names it."""

from collections import Counter, defaultdict

from reports.builders.common import Labels
from reports.builders.readiness import readiness_row
from reports.inputs import Application, Need, OpdEntry, Readiness
from reports.results import OpdProfile, OpdRef
from reports.text import is_long

TOP_NEEDS = 3


def build_profiles(opds: list[OpdEntry], needs: list[Need], readiness: list[Readiness],
                   apps: list[Application], refs: dict[str, OpdRef],
                   labels: Labels) -> list[OpdProfile]:
    """A profile per OPD: state, needs and cost, dimensions, top needs, readiness, apps."""
    needs_of: dict[str, list[Need]] = defaultdict(list)
    for need in needs:
        needs_of[need.opd_code].append(need)
    scores = {item.opd_code: item for item in readiness}
    app_count = Counter(app.opd_code for app in apps)
    return [_profile(opd, refs[opd.code], needs_of.get(opd.code, []), scores.get(opd.code),
                     app_count[opd.code], labels) for opd in opds]


def _profile(opd: OpdEntry, ref: OpdRef, needs: list[Need], score: Readiness | None,
             apps: int, labels: Labels) -> OpdProfile:
    dims = Counter(n.dimension for n in needs if n.dimension in labels.dimension)
    ordered = [labels.dimension[code] for code in labels.dimension if code in dims]
    top = sorted(needs, key=lambda n: (n.priority if n.priority is not None else 99))[:TOP_NEEDS]
    return OpdProfile(
        opd=ref, kind=opd.kind, state=opd.state, submitted_at=opd.submitted_at,
        approved_at=opd.approved_at, needs=len(needs), cost=sum(n.cost or 0.0 for n in needs),
        dimensions=ordered, top_needs=[n.title for n in top],
        long_texts=[n.title for n in needs if is_long(n.title) and n not in top],
        quick_wins=sum(1 for n in needs if n.quick_win),
        readiness=readiness_row(score, ref) if score else None, applications=apps)
