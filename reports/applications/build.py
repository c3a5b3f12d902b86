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

MOVE_HOSTING = ("server_opd", "cloud_pihak_ketiga")


def _has(text: str, phrase: str) -> bool:
    """Whether the normalised `phrase` occurs in normalised `text` as whole words."""
    return bool(phrase) and f" {phrase} " in f" {text} "


def match_national(app: AppRecord, national: list[NationalApp]) -> tuple[NationalApp, str] | None:
    """The national application this one is (`name`) or does the work of (`function`)."""
    name = normalise(app.name)
    for candidate in national:
        if any(_has(name, normalise(n)) for n in (candidate.name, *candidate.aliases)):
            return candidate, "name"
    text = f"{name} {normalise(app.function)}"
    for candidate in national:
        if any(_has(text, normalise(k)) for k in candidate.keywords):
            return candidate, "function"
    return None


def _clusters(apps: list[AppRecord], threshold: int) -> tuple[dict[int, str], list[Cluster]]:
    """Cluster code per application index, and the clusters spanning two or more OPDs."""
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


def build_rationalisation(apps: list[AppRecord], national: list[NationalApp],
                          decisions: list[Decision],
                          threshold: int = THRESHOLD) -> Rationalisation:
    """Every application with its cluster, national match, hosting note and recommendation."""
    codes, clusters = _clusters(apps, threshold)
    size = {c.code: len(c.opd_codes) for c in clusters}
    decided = {(d.submission_id, d.row_id): d for d in decisions
               if d.recommendation in RECOMMENDATIONS}
    rows = []
    for i, app in enumerate(apps):
        matched = match_national(app, national)
        code = codes.get(i, "")
        draft, reason = _draft(app, matched, size.get(code, 0))
        rows.append(AppRow(
            app=app, cluster=code, cluster_opds=size.get(code, 0),
            national=matched[0].name if matched else "", match=matched[1] if matched else "",
            hosting_note="move" if app.hosting in MOVE_HOSTING else "", draft=draft,
            reason=reason, decision=decided.get((app.submission_id, app.row_id))))
    return Rationalisation(
        rows=rows, clusters=clusters, national=list(national), threshold=threshold,
        drafts=_count(r.draft for r in rows), finals=_count(r.final for r in rows),
        confirmed=sum(1 for r in rows if r.decision), hosting=dict(Counter(
            r.app.hosting_label or "–" for r in rows).most_common()),
        not_integrated=sum(1 for r in rows if r.app.integrated is False))


def _count(values) -> dict[str, int]:
    counts = Counter(values)
    return {code: counts.get(code, 0) for code in RECOMMENDATIONS}
