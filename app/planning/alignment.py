"""The RPJMD alignment (pure): coverage per misi, misi with no programme, programmes aligned to
none, and mapping suggestions from text similarity (rapidfuzz, as the report's cross-OPD
grouping) that the planner accepts or rejects."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from app.planning.plan import Node, Plan, Programme
from reports.builders.similar import normalise

SUGGEST_THRESHOLD = 50
"""A suggestion needs fuzz.token_set_ratio ≥ this between the programme's and the node's text."""
SUGGESTIONS_PER_PROGRAMME = 2
STOP_WORDS = frozenset("dan yang di ke dari untuk dengan pada dalam atau serta melalui "
                       "terhadap secara bagi oleh".split())


@dataclass(frozen=True)
class MisiCoverage:
    code: str
    text: str
    programmes: int
    direct: int
    supporting: int
    cost: float
    share: float | None
    """Cost of its programmes / cost of every programme (a programme may serve several misi)."""

    @property
    def uncovered(self) -> bool:
        return self.programmes == 0


@dataclass(frozen=True)
class Suggestion:
    programme_code: str
    programme_name: str
    node_code: str
    node_text: str
    score: float


@dataclass(frozen=True)
class AlignmentResult:
    misi: list[MisiCoverage]
    uncovered: list[MisiCoverage]
    orphans: list[Programme]
    rows: list[tuple[Programme, list[tuple[Node, str]]]]
    """Each programme with its (misi or sasaran, strength) mappings: the alignment matrix."""
    total_cost: float


def misi_of(nodes: list[Node]) -> dict[str, str]:
    """Node code -> the code of the misi above it (a misi maps to itself)."""
    parent = {n.code: n.parent_code for n in nodes}
    kinds = {n.code: n.kind for n in nodes}
    found = {}
    for node in nodes:
        code, seen = node.code, set()
        while code and kinds.get(code) != "misi" and code not in seen:
            seen.add(code)
            code = parent.get(code)
        if code and kinds.get(code) == "misi":
            found[node.code] = code
    return found


def build_alignment(plan: Plan) -> AlignmentResult:
    """Coverage per misi, the misi no programme serves, programmes aligned to nothing."""
    nodes = {n.code: n for n in plan.nodes}
    up = misi_of(plan.nodes)
    mapped: dict[str, list[tuple[Node, str]]] = {}
    for a in plan.alignments:
        if a.state == "accepted" and a.node_code in nodes:
            mapped.setdefault(a.programme_code, []).append((nodes[a.node_code], a.strength))
    total = sum(p.cost for p in plan.programmes)
    per_misi: dict[str, dict[str, str]] = {}
    for p in plan.programmes:
        for node, strength in mapped.get(p.code, []):
            seen = per_misi.setdefault(up.get(node.code, ""), {})
            if seen.get(p.code) != "langsung":
                seen[p.code] = strength
    costs = plan.by_code()
    misi = []
    for node in (n for n in plan.nodes if n.kind == "misi"):
        served = per_misi.get(node.code, {})
        cost = sum(costs[c].cost for c in served)
        direct = sum(1 for s in served.values() if s == "langsung")
        misi.append(MisiCoverage(node.code, node.text, len(served), direct, len(served) - direct,
                                 cost, cost / total if total else None))
    rows = [(p, mapped.get(p.code, [])) for p in plan.programmes]
    return AlignmentResult(misi, [m for m in misi if m.uncovered],
                           [p for p, found in rows if not found], rows, total)


def _words(text: str) -> str:
    return " ".join(w for w in normalise(text).split() if w not in STOP_WORDS)


def suggestions(plan: Plan, threshold: float = SUGGEST_THRESHOLD,
                per_programme: int = SUGGESTIONS_PER_PROGRAMME) -> list[Suggestion]:
    """For each programme aligned to nothing: the closest sasaran (else misi) by text, skipping
    the pairs the planner rejected."""
    targets = [n for n in plan.nodes if n.kind == "sasaran"] or \
        [n for n in plan.nodes if n.kind == "misi"]
    if not targets:
        return []
    choices = [_words(n.text) for n in targets]
    decided = {(a.programme_code, a.node_code) for a in plan.alignments}
    aligned = {a.programme_code for a in plan.alignments if a.state == "accepted"}
    found = []
    for p in plan.programmes:
        if p.code in aligned:
            continue
        hits = process.extract(_words(p.text), choices, scorer=fuzz.token_set_ratio,
                               limit=per_programme + 3, score_cutoff=threshold)
        kept = [(targets[i], score) for _, score, i in hits
                if (p.code, targets[i].code) not in decided][:per_programme]
        found += [Suggestion(p.code, p.name, n.code, n.text, round(score, 1))
                  for n, score in kept]
    return found
