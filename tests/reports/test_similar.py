"""Fuzzy grouping of similar titles (rapidfuzz), with the documented thresholds."""

from reports.builders import similar
from reports.builders.similar import cluster, normalise


def test_normalise_drops_case_accents_and_punctuation():
    assert normalise("  Aplikasi  E-Kinerja (Pegawai)! ") == "aplikasi e kinerja pegawai"
    assert normalise("Sistem Informasi Désa_Online") == "sistem informasi desa online"


def test_titles_at_or_above_the_threshold_are_grouped_and_below_are_not():
    titles = ["aplikasi e kinerja pegawai", "aplikasi kinerja pegawai",  # 96
              "sistem informasi desa", "sistem informasi kesehatan desa"]  # 81 < 85
    roots, capped = cluster(titles)
    assert roots[0] == roots[1]
    assert len({roots[0], roots[2], roots[3]}) == 3
    assert capped is False


def test_similar_descriptions_join_titles_that_are_only_fairly_alike():
    titles = ["aplikasi perizinan", "aplikasi perizinan online"]  # 84: not enough alone
    assert len(set(cluster(titles)[0])) == 2
    same_problem = ["izin usaha diurus manual dan lama", "izin usaha diurus manual dan lama"]
    assert len(set(cluster(titles, same_problem)[0])) == 1
    assert len(set(cluster(titles, ["", ""])[0])) == 2  # no description: no evidence


def test_grouping_is_chained():
    # 1st~2nd 88, 2nd~3rd 96, but 1st~3rd only 84: one group through the middle title
    titles = ["pengadaan cctv kota", "pengadaan cctv kota baru", "pengadaan cctv baru kota x"]
    roots, _ = cluster(titles, threshold=85)
    assert len(set(roots)) == 1


def test_a_block_over_the_limit_groups_nothing_pairwise(monkeypatch):
    monkeypatch.setattr(similar, "MAX_BLOCK", 2)
    roots, capped = cluster(["aplikasi a", "aplikasi a", "aplikasi b"])
    assert capped is True and roots == [0, 1, 2]


def all_pairs(titles: list[str], descriptions: list[str], threshold: int = 85) -> list[int]:
    """The grouping before blocking: every pair scored (the reference the blocking must equal)."""
    import numpy as np
    from rapidfuzz import fuzz, process

    low = similar.TITLE_WITH_DESCRIPTION
    by_title = process.cdist(titles, titles, scorer=fuzz.token_sort_ratio, score_cutoff=low,
                             dtype=np.uint8)
    by_text = process.cdist(descriptions, descriptions, scorer=fuzz.token_sort_ratio,
                            score_cutoff=threshold, dtype=np.uint8)
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


def _texts_of_fixtures() -> tuple[list[str], list[str]]:
    from app.sample.names import APPLICATIONS, NEEDS
    from tests.reports.fixtures import report_input

    data = report_input()
    pairs = [(n.title, n.problem) for n in data.needs]
    pairs += [(need[0], need[1]) for block in NEEDS.values() for need in block]
    pairs += [(name, function) for name, function, _url in APPLICATIONS]
    titles, descriptions = [], []
    for title, problem in pairs:
        key = normalise(title)
        if key and key not in titles:
            titles.append(key)
            descriptions.append(normalise(problem)[:300])
    return titles, descriptions


def test_blocking_finds_the_groups_of_the_all_pairs_comparison_on_the_fixtures():
    titles, descriptions = _texts_of_fixtures()
    assert len(titles) > 30
    assert groups(cluster(titles, descriptions)[0]) == groups(all_pairs(titles, descriptions))
    assert groups(cluster(titles)[0]) == groups(all_pairs(titles, [""] * len(titles)))


def test_blocking_finds_the_groups_of_the_all_pairs_comparison_on_distinct_free_text():
    from app.sample.free_text import distinct_needs

    needs = distinct_needs(600, seed=5)
    titles = list(dict.fromkeys(normalise(title) for title, _ in needs))
    descriptions = [normalise(problem)[:300] for _, problem in needs[:len(titles)]]
    found = groups(cluster(titles, descriptions)[0])
    assert found == groups(all_pairs(titles, descriptions))
    assert sum(len(group) > 1 for group in found) > 50  # rewordings were grouped


def test_candidates_are_far_fewer_than_all_pairs():
    from app.sample.free_text import distinct_needs

    titles = [normalise(title) for title, _ in distinct_needs(1000)]
    left, right = similar.candidates(titles)
    assert len(left) < 0.2 * len(titles) * (len(titles) - 1) / 2
    assert (left < right).all()
