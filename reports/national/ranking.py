"""Ranks and percentiles of the regencies' values within their peer groups (pure).

Peer groups: `kind` (every kabupaten, or every kota) and `province` (the first two digits of
the Kemendagri code). Within a group, regencies with a value are ranked from the highest
(rank 1; equal values share the better rank, "1, 2, 2, 4"); the percentile is the share of the
other regencies of the group whose value is lower or equal, 0–100 (100: no one above; a group
of one: 100). A regency without a value gets no place. For needs and cost, higher is not
"better": the rank says where the regency stands, not how well it does.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from reports.national.model import PEER_GROUPS, Ranked, RegencyFigures

KOTA_FROM = 71
"""Kemendagri numbers a province's kota from 71 (73.71 Makassar, 73.73 Palopo)."""


def kind_of(code: str) -> str:
    """kabupaten or kota, from the Kemendagri code ("73.22" kabupaten, "73.73" kota)."""
    _, _, number = code.partition(".")
    return "kota" if number.isdigit() and int(number) >= KOTA_FROM else "kabupaten"


def province_of(code: str) -> str:
    return code.partition(".")[0]


def peer_key(figures: RegencyFigures, group: str) -> str:
    return figures.kind if group == "kind" else figures.province


def place(value: float, peers: list[float]) -> Ranked:
    """Where `value` stands among `peers` (which include it)."""
    higher = sum(1 for other in peers if other > value)
    not_higher = sum(1 for other in peers if other <= value) - 1  # the others, not itself
    others = len(peers) - 1
    return Ranked(rank=higher + 1, of=len(peers),
                  percentile=round(100.0 * not_higher / others, 1) if others else 100.0)


def rank_all(regencies: list[RegencyFigures], keys: list[str]) -> list[RegencyFigures]:
    """The same regencies with every indicator's place in every peer group."""
    ranks: dict[str, dict[str, dict[str, Ranked]]] = defaultdict(lambda: defaultdict(dict))
    for group in PEER_GROUPS:
        members: dict[str, list[RegencyFigures]] = defaultdict(list)
        for figures in regencies:
            members[peer_key(figures, group)].append(figures)
        for peers in members.values():
            for key in keys:
                values = [f.values[key] for f in peers if f.values.get(key) is not None]
                for figures in peers:
                    value = figures.values.get(key)
                    if value is not None:
                        ranks[figures.code][key][group] = place(value, values)
    return [replace(f, ranks={key: dict(groups) for key, groups in ranks[f.code].items()})
            for f in regencies]
