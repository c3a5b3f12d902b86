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
