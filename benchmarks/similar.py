"""Similarity benchmark: the report's cross-OPD grouping, all pairs against blocking.

For each size (default 500, 1,000, 2,000, 3,000 and 5,000 distinct need titles of one dimension
block, with their problem texts, from app/sample/free_text.py: realistic and distinct, about one
in six a rewording of another OPD's need) it times, in this process, CPU seconds:

  all pairs   what the report did before: every pair scored with token_sort_ratio (cdist)
  blocking    reports.builders.similar.cluster: candidates from shared rare words, then
              rapidfuzz on the candidates only

and prints the candidate pairs against all pairs, the groups found and whether both ways give
the same groups.

    .venv/bin/python benchmarks/similar.py [--sizes 500,1000,2000,3000,5000] [--no-all-pairs]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def all_pairs(titles: list[str], descriptions: list[str], threshold: int) -> list[int]:
    """The grouping before blocking: both matrices in full, as reports/builders did."""
    import numpy as np
    from rapidfuzz import fuzz, process

    from reports.builders import similar

    low = similar.TITLE_WITH_DESCRIPTION
    workers = -1 if len(titles) > 500 else 1
    by_title = process.cdist(titles, titles, scorer=fuzz.token_sort_ratio, score_cutoff=low,
                             dtype=np.uint8, workers=workers)
    by_text = process.cdist(descriptions, descriptions, scorer=fuzz.token_sort_ratio,
                            score_cutoff=threshold, dtype=np.uint8, workers=workers)
    present = np.array([bool(text) for text in descriptions])
    pairs = (by_title >= threshold) | ((by_title >= low) & (by_text >= threshold)
                                       & np.outer(present, present))
    parent = list(range(len(titles)))
    for i, j in np.argwhere(np.triu(pairs, k=1)):
        similar._union(parent, int(i), int(j))
    return [similar._find(parent, i) for i in range(len(titles))]


def groups(roots: list[int]) -> set[tuple[int, ...]]:
    found: dict[int, list[int]] = {}
    for i, root in enumerate(roots):
        found.setdefault(root, []).append(i)
    return {tuple(members) for members in found.values()}


def measure(size: int, reference: bool) -> dict:
    from app.sample.free_text import distinct_needs
    from reports.builders.similar import THRESHOLD, candidates, cluster, normalise

    needs = distinct_needs(size)
    titles = list(dict.fromkeys(normalise(title) for title, _ in needs))
    descriptions = [normalise(problem)[:300] for _, problem in needs[:len(titles)]]
    start = time.process_time()
    blocked = groups(cluster(titles, descriptions, THRESHOLD)[0])
    blocking = time.process_time() - start
    result = {"size": len(titles), "blocking": blocking,
              "candidates": len(candidates(titles)[0]),
              "groups": sum(len(group) > 1 for group in blocked)}
    if reference:
        start = time.process_time()
        full = groups(all_pairs(titles, descriptions, THRESHOLD))
        result.update(all_pairs=time.process_time() - start, equal=full == blocked)
    return result


def table(results: list[dict]) -> str:
    lines = ["| distinct titles | all pairs s | blocking s | title candidates / all pairs "
             "| groups (≥ 2 titles) | same groups |", "|" + "---|" * 6]
    for r in results:
        pairs = r["size"] * (r["size"] - 1) // 2
        full = f"{r['all_pairs']:.2f}" if "all_pairs" in r else "–"
        same = ("yes" if r["equal"] else "NO") if "equal" in r else "–"
        lines.append(f"| {r['size']:,} | {full} | {r['blocking']:.2f} | {r['candidates']:,} / "
                     f"{pairs:,} ({r['candidates'] / pairs:.1%}) | {r['groups']:,} | {same} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,1000,2000,3000,5000")
    parser.add_argument("--no-all-pairs", action="store_true",
                        help="skip the quadratic reference (its time and the comparison)")
    args = parser.parse_args()
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        print(f"size {size} …", file=sys.stderr)
        results.append(measure(size, not args.no_all_pairs))
    print(table(results))


if __name__ == "__main__":
    main()
