"""Grouping similar texts with rapidfuzz (single-link clusters over distinct normalised texts).

Comparing every pair of a block is quadratic (3,000 distinct needs of one dimension: 4.5 M
pairs, ~12 s). So pairs are blocked first, then scored: two titles are candidates when they
share a rare word (at most `rare_cap(n)` titles have it), the four-letter beginning or end of
one (a typo elsewhere in the word), or a pair of common words; only candidates are scored, in
one batch (rapidfuzz's cpdist) with fuzz.ratio on the words sorted once, which is what
token_sort_ratio computes for every pair. Titles that token_sort_ratio calls similar (≥ 70 for
the title-and-description rule) share far more than that, so the groups are the all-pairs
groups (tests/reports/test_similar.py; benchmarks/similar.py prints both on distinct texts).
"""

import itertools
import math
import re
import unicodedata
from collections import Counter, defaultdict

import numpy as np
from rapidfuzz import fuzz, process

THRESHOLD = 85
"""Two titles are similar when fuzz.token_sort_ratio of their normalised forms is ≥ this."""
TITLE_WITH_DESCRIPTION = 70
"""…or when their titles reach this and their descriptions reach THRESHOLD."""
MAX_BLOCK = 50_000
"""Above this many distinct texts in one block, only identical normalised texts are grouped."""
AFFIX = 4
_NOT_WORD = re.compile(r"[^\w]+")


def normalise(text: str) -> str:
    """Lowercase, accents and punctuation removed, single spaces: the form texts are compared in."""
    text = text or ""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(_NOT_WORD.sub(" ", text.lower()).replace("_", " ").split())


def cluster(titles: list[str], descriptions: list[str] | None = None,
            threshold: int = THRESHOLD) -> tuple[list[int], bool]:
    """A cluster number per (distinct, normalised) title, and whether the block was capped."""
    n = len(titles)
    parent = list(range(n))
    if n < 2:
        return parent, False
    if n > MAX_BLOCK:
        return parent, True
    left, right = candidates(titles)
    if descriptions:
        more = candidates(descriptions, common_pairs=False)
        left, right = _union_pairs((left, right), more, n)
    for i, j in zip(*_similar(left, right, titles, descriptions, threshold), strict=True):
        _union(parent, int(i), int(j))
    return [_find(parent, i) for i in range(n)], False


def rare_cap(n: int) -> int:
    """How many titles may share a word for it to be a blocking key (≈ 2·√n, at least 50)."""
    return max(50, 2 * math.isqrt(n))


def candidates(texts: list[str], *, common_pairs: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j) of texts that share a blocking key, as two index arrays.

    Descriptions (long texts) are blocked on their rare words only: two that reach the
    threshold share many, while pairs of their common words would pair nearly all of them.
    """
    index: dict[str, list[int]] = defaultdict(list)
    words = [set(text.split()) for text in texts]  # an empty text has no key
    frequency = Counter(word for found in words for word in found)
    cap = rare_cap(len(texts))
    for i, found in enumerate(words):
        for key in _keys(found, frequency, cap, common_pairs):
            index[key].append(i)
    codes = [_pair_codes(ids, len(texts)) for ids in index.values() if 1 < len(ids) <= 4 * cap]
    if not codes:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    unique = _unique(np.concatenate(codes))
    return unique // len(texts), unique % len(texts)


def _unique(codes: np.ndarray) -> np.ndarray:
    """The distinct codes, sorted (a sort and a comparison: faster than np.unique's hashing)."""
    codes.sort()
    return codes[np.concatenate(([True], codes[1:] != codes[:-1]))] if len(codes) else codes


def _union_pairs(a: tuple[np.ndarray, np.ndarray], b: tuple[np.ndarray, np.ndarray],
                 n: int) -> tuple[np.ndarray, np.ndarray]:
    codes = _unique(np.concatenate((a[0] * n + a[1], b[0] * n + b[1])))
    return codes // n, codes % n


def _keys(found: set[str], frequency: Counter, cap: int, common_pairs: bool) -> set[str]:
    keys: set[str] = set()
    common = sorted(word for word in found if frequency[word] > cap)
    for word in found:
        if frequency[word] <= cap:
            keys.add(word)
            if len(word) > AFFIX:
                keys.update((word[:AFFIX] + "<", ">" + word[-AFFIX:]))
    if common_pairs:
        keys.update(f"{a}|{b}" for a, b in itertools.combinations(common, 2))
    return keys


def _pair_codes(ids: list[int], n: int) -> np.ndarray:
    members = np.asarray(ids, dtype=np.int64)
    first, second = np.triu_indices(len(members), k=1)
    return members[first] * n + members[second]


def _similar(left: np.ndarray, right: np.ndarray, titles: list[str],
             descriptions: list[str] | None, threshold: int) -> tuple[np.ndarray, np.ndarray]:
    """The candidate pairs the all-pairs rule calls similar (scored in batches)."""
    if not len(left):
        return left, right
    ordered = [_sorted_words(text) for text in titles]
    # The cut-offs are those of the all-pairs matrices (scores below one are 0, the rest round).
    low = TITLE_WITH_DESCRIPTION if descriptions else threshold
    by_title = _scores(ordered, left, right, low)
    similar = by_title >= threshold
    if descriptions:
        maybe = np.flatnonzero((by_title >= TITLE_WITH_DESCRIPTION) & ~similar)
        present = np.array([bool(text) for text in descriptions])
        maybe = maybe[present[left[maybe]] & present[right[maybe]]]
        if len(maybe):
            texts = [_sorted_words(text) for text in descriptions]
            scores = _scores(texts, left[maybe], right[maybe], threshold)
            similar[maybe[scores >= threshold]] = True
    return left[similar], right[similar]


def _sorted_words(text: str) -> str:
    return " ".join(sorted(text.split()))


def _scores(texts: list[str], left: np.ndarray, right: np.ndarray, cutoff: int) -> np.ndarray:
    """fuzz.ratio of sorted words = token_sort_ratio, pair by pair (threads for many pairs)."""
    workers = -1 if len(left) > 200_000 else 1
    return process.cpdist([texts[i] for i in left], [texts[j] for j in right],
                          scorer=fuzz.ratio, score_cutoff=cutoff, dtype=np.uint8,
                          workers=workers)


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _union(parent: list[int], i: int, j: int) -> None:
    a, b = _find(parent, i), _find(parent, j)
    if a != b:
        parent[max(a, b)] = min(a, b)
