"""Grouping similar texts with rapidfuzz (single-link clusters over distinct normalised texts)."""

import re
import unicodedata

import numpy as np
from rapidfuzz import fuzz, process

THRESHOLD = 85
"""Two titles are similar when fuzz.token_sort_ratio of their normalised forms is ≥ this."""
TITLE_WITH_DESCRIPTION = 70
"""…or when their titles reach this and their descriptions reach THRESHOLD."""
MAX_BLOCK = 3000
"""Above this many distinct texts in one block, only identical normalised texts are grouped."""
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
    low = TITLE_WITH_DESCRIPTION if descriptions else threshold
    by_title = _matrix(titles, low)
    pairs = by_title >= threshold
    if descriptions:
        present = np.array([bool(d) for d in descriptions])
        described = (_matrix(descriptions, threshold) >= threshold) & np.outer(present, present)
        pairs |= (by_title >= low) & described
    for i, j in np.argwhere(np.triu(pairs, k=1)):
        _union(parent, int(i), int(j))
    return [_find(parent, i) for i in range(n)], False


def _matrix(texts: list[str], cutoff: int) -> np.ndarray:
    # Threads pay off only on large blocks; small ones are faster on this one.
    workers = -1 if len(texts) > 500 else 1
    return process.cdist(texts, texts, scorer=fuzz.token_sort_ratio, score_cutoff=cutoff,
                         dtype=np.uint8, workers=workers)


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _union(parent: list[int], i: int, j: int) -> None:
    a, b = _find(parent, i), _find(parent, j)
    if a != b:
        parent[max(a, b)] = min(a, b)
