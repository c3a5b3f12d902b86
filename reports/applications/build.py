"""Application rationalisation: clusters across OPDs, national matches, draft recommendations.

- Clusters: applications are grouped on their normalised names with the needs-similarity
  engine (reports.builders.similar.cluster, the same threshold), their functions as the
  descriptions; a cluster counts when two or more OPDs are in it.
- National match: by name when the application's name contains the national application's
  name or an alias as whole words (normalised); by function when its name or function
  contains one of the national application's keywords.
- Draft recommendation [I], first rule that applies: it is a national application →
  pertahankan; it is not in use → hentikan; it does what a national application does →
  migrasi (ke aplikasi umum); the same function runs in several OPDs → integrasikan;
  else pertahankan. The planner confirms or changes it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache, partial

from reports.applications.model import (
    RECOMMENDATIONS,
    AppRecord,
    AppRow,
    Cluster,
    Decision,
    NationalApp,
    Rationalisation,
)
from reports.builders.similar import THRESHOLD, cluster, normalise
from reports.columns import Mapped, Rows

MOVE_HOSTING = ("server_opd", "cloud_pihak_ketiga")


@lru_cache(maxsize=1024)
def _phrases(candidate: NationalApp) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A national application's names (with aliases) and keywords, normalised and padded with
    a space each side for a whole-word match (the empty left out): once, not per application."""
    def normalised(texts) -> tuple[str, ...]:
        return tuple(f" {phrase} " for phrase in map(normalise, texts) if phrase)

    return normalised((candidate.name, *candidate.aliases)), normalised(candidate.keywords)


def match_national(app: AppRecord, national: list[NationalApp]) -> tuple[NationalApp, str] | None:
    """The national application this one is (`name`) or does the work of (`function`):
    one of its names or keywords occurs in the application's normalised text as whole words."""
    name = normalise(app.name)
    padded = f" {name} "
    for candidate in national:
        if any(phrase in padded for phrase in _phrases(candidate)[0]):
            return candidate, "name"
    padded = f" {name} {normalise(app.function)} "
    for candidate in national:
        if any(phrase in padded for phrase in _phrases(candidate)[1]):
            return candidate, "function"
    return None


def clusters_of(apps: Sequence[AppRecord],
                threshold: int = THRESHOLD) -> tuple[dict[int, str], list[Cluster]]:
    """Cluster code per application index, and the clusters spanning two or more OPDs (only
    `name`, `function` and `opd_code` of the applications are read)."""
    by_key: dict[str, list[int]] = {}
    for i, app in enumerate(apps):
        key = normalise(app.name)
        if key:
            by_key.setdefault(key, []).append(i)
    keys = list(by_key)
    descriptions = [normalise(apps[by_key[k][0]].function)[:300] for k in keys]
    roots, _capped = cluster(keys, descriptions, threshold)
    members: dict[int, list[int]] = {}
    for key, root in zip(keys, roots, strict=True):
        members.setdefault(root, []).extend(by_key[key])
    groups = [sorted(m) for m in members.values() if len({apps[i].opd_code for i in m}) >= 2]
    groups.sort(key=lambda m: (-len({apps[i].opd_code for i in m}), normalise(apps[m[0]].name)))
    codes, found = {}, []
    for number, group in enumerate(groups, start=1):
        code = f"K{number}"
        names = Counter(apps[i].name.strip() for i in group)
        for i in group:
            codes[i] = code
        found.append(Cluster(code, names.most_common(1)[0][0], sorted(names),
                             sorted({apps[i].opd_code for i in group}), len(group)))
    return codes, found


def _draft(app: AppRecord, matched: tuple[NationalApp, str] | None,
           cluster_opds: int) -> tuple[str, str]:
    if matched and matched[1] == "name":
        return "pertahankan", "national"
    if app.status == "tidak_aktif":
        return "hentikan", "inactive"
    if matched:
        return "migrasi", "same_function"
    if cluster_opds >= 2:
        return "integrasikan", "duplicate"
    return "pertahankan", "keep"


def decided_by_row(decisions: list[Decision]) -> dict[tuple[int, str], Decision]:
    """The planner's valid decisions by (submission id, row id)."""
    return {(d.submission_id, d.row_id): d for d in decisions
            if d.recommendation in RECOMMENDATIONS}


def app_row(app: AppRecord, code: str, cluster_opds: int, national: list[NationalApp],
            decided: dict[tuple[int, str], Decision]) -> AppRow:
    """One application with its cluster (code, OPDs in it), national match and draft."""
    matched = match_national(app, national)
    draft, reason = _draft(app, matched, cluster_opds)
    return AppRow(
        app=app, cluster=code, cluster_opds=cluster_opds,
        national=matched[0].name if matched else "", match=matched[1] if matched else "",
        hosting_note="move" if app.hosting in MOVE_HOSTING else "", draft=draft,
        reason=reason, decision=decided.get((app.submission_id, app.row_id)))


@dataclass(frozen=True)
class _Verdict:
    """What the rationalisation adds to one application (an `AppRow` without the app)."""

    cluster: str
    cluster_opds: int
    national: str
    match: str
    draft: str
    reason: str


def _with_verdict(decided: dict[tuple[int, str], Decision], app: AppRecord,
                  verdict: _Verdict) -> AppRow:
    return AppRow(app=app, cluster=verdict.cluster, cluster_opds=verdict.cluster_opds,
                  national=verdict.national, match=verdict.match,
                  hosting_note="move" if app.hosting in MOVE_HOSTING else "",
                  draft=verdict.draft, reason=verdict.reason,
                  decision=decided.get((app.submission_id, app.row_id)))


def build_rationalisation(apps: Sequence[AppRecord], national: list[NationalApp],
                          decisions: list[Decision],
                          threshold: int = THRESHOLD) -> Rationalisation:
    """Every application with its cluster, national match, hosting note and recommendation.

    The rows are made when read, from the applications and their verdicts kept column by
    column (reports.columns): a round of 50,000 applications renders them all."""
    codes, clusters = clusters_of(apps, threshold)
    size = {c.code: len(c.opd_codes) for c in clusters}
    decided = decided_by_row(decisions)
    verdicts: Rows[_Verdict] = Rows(_Verdict)
    drafts, finals, hosting = Counter(), Counter(), Counter()
    confirmed = not_integrated = 0
    for i, app in enumerate(apps):
        code = codes.get(i, "")
        row = app_row(app, code, size.get(code, 0), national, decided)
        verdicts.append(_Verdict(row.cluster, row.cluster_opds, row.national, row.match,
                                 row.draft, row.reason))
        drafts[row.draft] += 1
        finals[row.final] += 1
        confirmed += row.decision is not None
        hosting[app.hosting_label or "–"] += 1
        not_integrated += app.integrated is False
    return Rationalisation(
        rows=Mapped(partial(_with_verdict, decided), apps, verdicts), clusters=clusters,
        national=list(national), threshold=threshold, drafts=_count(drafts),
        finals=_count(finals), confirmed=confirmed, hosting=dict(hosting.most_common()),
        not_integrated=not_integrated)


def _count(counts: Counter) -> dict[str, int]:
    return {code: counts.get(code, 0) for code in RECOMMENDATIONS}
